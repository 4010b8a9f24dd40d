/* pf-choice-row.c: one option of a choice question, from a drop-down whose
 * first entry means "not answered".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-choice-row.h"

struct _PfChoiceRow
{
  AdwComboRow      parent_instance;

  gboolean         syncing;
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfChoiceRow, pf_choice_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfChoiceRow *self = PF_CHOICE_ROW (row);
  GPtrArray *options = pf_question_get_options (pf_question_row_get_question (row));
  guint position = 0;

  if (answer != NULL && pf_answer_is_answered (answer))
    {
      const char *id = json_node_get_string (pf_answer_get_value (answer));

      for (guint i = 0; i < options->len; i++)
        {
          const PfOption *option = g_ptr_array_index (options, i);

          if (g_strcmp0 (option->id, id) == 0)
            position = i + 1;
        }
    }

  self->syncing = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->syncing = FALSE;

  /* An option's label does not fit beside the prompt: once answered, the
   * subtitle shows it in full; until then, the short help. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self), position > 0);
  if (position == 0)
    {
      g_autofree char *help = pf_question_row_dup_short_help (pf_question_row_get_question (row));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), help);
    }
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
}

static void
on_selected (PfChoiceRow *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  PfQuestion *question = pf_question_row_get_question (PF_QUESTION_ROW (self));
  g_autoptr(JsonNode) value = NULL;

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;

  /* The first entry means "not answered". */
  if (position > 0)
    {
      const PfOption *option = g_ptr_array_index (pf_question_get_options (question), position - 1);

      value = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (value, option->id);
    }
  pf_question_row_set_value (PF_QUESTION_ROW (self), value);
}

static void
pf_choice_row_class_init (PfChoiceRowClass *klass)
{
}

static void
pf_choice_row_init (PfChoiceRow *self)
{
}

GtkWidget *
pf_choice_row_new (PfSession  *session,
                   PfQuestion *question)
{
  PfChoiceRow *self = g_object_new (PF_TYPE_CHOICE_ROW, NULL);
  GPtrArray *options = pf_question_get_options (question);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not answered"));
  for (guint i = 0; i < options->len; i++)
    {
      const PfOption *option = g_ptr_array_index (options, i);

      gtk_string_list_append (labels, pf_pack_text (option->label));
    }

  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
  self->syncing = FALSE;

  pf_question_row_setup (GTK_WIDGET (self), session, question);
  pf_question_row_sync (PF_QUESTION_ROW (self));
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);

  return GTK_WIDGET (self);
}
