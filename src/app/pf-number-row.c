/* pf-number-row.c: a number or integer typed in an entry, with its unit;
 * values the question refuses are not saved and the row says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-number-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-number-row.h"

struct _PfNumberRow
{
  AdwActionRow     parent_instance;

  PfSession       *session;     /* (owned) */
  PfQuestion      *question;    /* (owned) */
  PfQuestionTools *tools;       /* (unowned) */
  GtkWidget       *entry;       /* (unowned) */
  GtkWidget       *error_label; /* (unowned) */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);
static void commit (PfNumberRow *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfNumberRow, pf_number_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static PfQuestion *
get_question (PfQuestionRow *row)
{
  return PF_NUMBER_ROW (row)->question;
}

static PfQuestionTools *
get_tools (PfQuestionRow *row)
{
  return PF_NUMBER_ROW (row)->tools;
}

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfNumberRow *self = PF_NUMBER_ROW (row);
  char text[G_ASCII_DTOSTR_BUF_SIZE] = "";

  /* Never overwrite what the user is typing or a refused value they must fix. */
  if ((gtk_widget_get_state_flags (self->entry) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0
      || gtk_widget_get_visible (self->error_label))
    return;

  if (answer != NULL && pf_answer_is_answered (answer))
    {
      JsonNode *value = pf_answer_get_value (answer);

      /* Plain C-locale digits: what pf_question_parse_value() reads back. */
      if (pf_question_get_question_type (self->question) == PF_QUESTION_INTEGER)
        g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, json_node_get_int (value));
      else
        g_ascii_formatd (text, sizeof text, "%.15g", json_node_get_double (value));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

static void
commit_row (PfQuestionRow *row)
{
  commit (PF_NUMBER_ROW (row));
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->get_question = get_question;
  iface->get_tools = get_tools;
  iface->sync_value = sync_value;
  iface->commit = commit_row;
}

static void
commit (PfNumberRow *self)
{
  /* Focus also leaves while the row is being destroyed. */
  if (self->session == NULL)
    return;

  pf_question_row_commit_text (self->session, self->question,
                               GTK_EDITABLE (self->entry),
                               GTK_LABEL (self->error_label));
}

static void
pf_number_row_dispose (GObject *object)
{
  PfNumberRow *self = PF_NUMBER_ROW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pf_number_row_parent_class)->dispose (object);
}

static void
pf_number_row_class_init (PfNumberRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_number_row_dispose;
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
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *hint = range_hint (question);
  const char *unit = pf_question_get_unit (question);

  self->session = g_object_ref (session);
  self->question = g_object_ref (question);
  self->tools = pf_question_tools_new (session, question);

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry),
                               pf_question_get_question_type (question) == PF_QUESTION_INTEGER
                               ? GTK_INPUT_PURPOSE_DIGITS : GTK_INPUT_PURPOSE_NUMBER);
  if (hint != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_question_get_prompt (question),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (commit), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit), self);
  gtk_widget_add_controller (self->entry, focus);

  gtk_box_append (GTK_BOX (line), self->entry);
  if (unit != NULL)
    {
      GtkWidget *unit_label = gtk_label_new (unit);

      gtk_widget_add_css_class (unit_label, "dim-label");
      gtk_box_append (GTK_BOX (line), unit_label);
    }

  self->error_label = pf_question_row_error_label_new ();
  gtk_box_append (GTK_BOX (field), line);
  gtk_box_append (GTK_BOX (field), self->error_label);
  gtk_widget_set_valign (field, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), field);

  pf_question_row_setup (GTK_WIDGET (self), question, self->tools);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
