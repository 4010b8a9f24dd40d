/* pf-number-row.c: a number or integer typed in an entry, with its unit;
 * values the question refuses are not saved and the row says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-number-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-number-row.h"
#include "pf-question-entry.h"

struct _PfNumberRow
{
  AdwActionRow     parent_instance;

  PfQuestionEntry *field;     /* (unowned) */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfNumberRow, pf_number_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  pf_question_entry_show_answer (PF_NUMBER_ROW (row)->field, answer);
}

static void
commit (PfQuestionRow *row)
{
  pf_question_entry_commit (PF_NUMBER_ROW (row)->field);
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
  iface->commit = commit;
}

static void
pf_number_row_class_init (PfNumberRowClass *klass)
{
}

static void
pf_number_row_init (PfNumberRow *self)
{
}

static char *
range_hint (PfQuestion *question)
{
  char min[G_ASCII_DTOSTR_BUF_SIZE];
  char max[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (min, sizeof min, "%g", pf_question_get_min (question));
  g_ascii_formatd (max, sizeof max, "%g", pf_question_get_max (question));

  if (pf_question_has_min (question) && pf_question_has_max (question))
    return g_strdup_printf (_("%s to %s"), min, max);
  if (pf_question_has_min (question))
    return g_strdup_printf (_("at least %s"), min);
  if (pf_question_has_max (question))
    return g_strdup_printf (_("at most %s"), max);

  return NULL;
}

GtkWidget *
pf_number_row_new (PfSession  *session,
                   PfQuestion *question)
{
  PfNumberRow *self = g_object_new (PF_TYPE_NUMBER_ROW, NULL);
  g_autofree char *hint = range_hint (question);
  const char *unit = pf_pack_text (pf_question_get_unit (question));
  GtkEntry *entry;

  self->field = pf_question_entry_new (session, question, 10);
  entry = pf_question_entry_get_entry (self->field);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_entry_set_input_purpose (entry,
                               pf_question_get_question_type (question) == PF_QUESTION_INTEGER
                               ? GTK_INPUT_PURPOSE_DIGITS : GTK_INPUT_PURPOSE_NUMBER);
  if (hint != NULL)
    gtk_entry_set_placeholder_text (entry, hint);
  if (unit != NULL)
    {
      GtkWidget *unit_label = gtk_label_new (unit);

      gtk_widget_add_css_class (unit_label, "dim-label");
      pf_question_entry_add_suffix (self->field, unit_label, FALSE);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->field));

  pf_question_row_setup (GTK_WIDGET (self), session, question);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (entry));
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
