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

  PfSession       *session;   /* (owned) */
  PfQuestion      *question;  /* (owned) */
  PfQuestionTools *tools;     /* (unowned) */
  gboolean         syncing;
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfChoiceRow, pf_choice_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static PfQuestion *
get_question (PfQuestionRow *row)
{
  return PF_CHOICE_ROW (row)->question;
}

static PfQuestionTools *
get_tools (PfQuestionRow *row)
{
  return PF_CHOICE_ROW (row)->tools;
}

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfChoiceRow *self = PF_CHOICE_ROW (row);
  GPtrArray *options = pf_question_get_options (self->question);
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
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->get_question = get_question;
  iface->get_tools = get_tools;
  iface->sync_value = sync_value;
}

static void
on_selected (PfChoiceRow *self)
{
  PfAssessment *assessment = pf_session_get_assessment (self->session);
  const char *id = pf_question_get_id (self->question);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  GPtrArray *options = pf_question_get_options (self->question);
  const PfOption *option;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;

  if (position == 0)
    {
      PfAnswer *answer = pf_assessment_get_answer (assessment, id);

      if (answer != NULL && pf_answer_is_answered (answer))
        pf_assessment_clear_value (assessment, id);
      return;
    }

  option = g_ptr_array_index (options, position - 1);
  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (value, option->id);
  pf_question_tools_show_error (self->tools,
                                pf_assessment_set_value (assessment, id, value, &error)
                                ? NULL : error->message);
}

static void
pf_choice_row_dispose (GObject *object)
{
  PfChoiceRow *self = PF_CHOICE_ROW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pf_choice_row_parent_class)->dispose (object);
}

static void
pf_choice_row_class_init (PfChoiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_choice_row_dispose;
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

  self->session = g_object_ref (session);
  self->question = g_object_ref (question);
  self->tools = pf_question_tools_new (session, question);

  gtk_string_list_append (labels, _("Not answered"));
  for (guint i = 0; i < options->len; i++)
    gtk_string_list_append (labels, ((PfOption *) g_ptr_array_index (options, i))->label);

  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
  self->syncing = FALSE;
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self), FALSE);

  pf_question_row_setup (GTK_WIDGET (self), question, self->tools);
  pf_question_row_sync (PF_QUESTION_ROW (self));
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);

  return GTK_WIDGET (self);
}
