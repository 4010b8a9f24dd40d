/* pf-question-row.c: the question row interface and the row factory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-question-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-boolean-row.h"
#include "pf-choice-row.h"
#include "pf-date-row.h"
#include "pf-evidence-row.h"
#include "pf-multi-choice-row.h"
#include "pf-number-row.h"
#include "pf-question-row.h"
#include "pf-text-row.h"

G_DEFINE_INTERFACE (PfQuestionRow, pf_question_row, GTK_TYPE_WIDGET)

static void
pf_question_row_default_init (PfQuestionRowInterface *iface)
{
}

GtkWidget *
pf_question_row_new (PfSession  *session,
                     PfQuestion *question)
{
  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (PF_IS_QUESTION (question), NULL);

  switch (pf_question_get_question_type (question))
    {
    case PF_QUESTION_BOOLEAN:
      return pf_boolean_row_new (session, question);
    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      return pf_number_row_new (session, question);
    case PF_QUESTION_CHOICE:
      return pf_choice_row_new (session, question);
    case PF_QUESTION_MULTI_CHOICE:
      return pf_multi_choice_row_new (session, question);
    case PF_QUESTION_TEXT:
      return pf_text_row_new (session, question);
    case PF_QUESTION_DATE:
      return pf_date_row_new (session, question);
    case PF_QUESTION_EVIDENCE:
      return pf_evidence_row_new (session, question);
    default:
      g_assert_not_reached ();
    }
}

PfQuestion *
pf_question_row_get_question (PfQuestionRow *self)
{
  g_return_val_if_fail (PF_IS_QUESTION_ROW (self), NULL);

  return PF_QUESTION_ROW_GET_IFACE (self)->get_question (self);
}

void
pf_question_row_sync (PfQuestionRow *self)
{
  PfQuestionTools *tools;
  PfAnswer *answer;

  g_return_if_fail (PF_IS_QUESTION_ROW (self));

  tools = PF_QUESTION_ROW_GET_IFACE (self)->get_tools (self);
  answer = pf_assessment_get_answer (pf_session_get_assessment (pf_question_tools_get_session (tools)),
                                     pf_question_get_id (pf_question_row_get_question (self)));

  pf_question_tools_sync (tools);
  PF_QUESTION_ROW_GET_IFACE (self)->sync_value (self, answer);
}

void
pf_question_row_commit (PfQuestionRow *self)
{
  g_return_if_fail (PF_IS_QUESTION_ROW (self));

  if (PF_QUESTION_ROW_GET_IFACE (self)->commit != NULL)
    PF_QUESTION_ROW_GET_IFACE (self)->commit (self);
}

/* The first sentence, so that the subtitle stays one glance long; the Help
 * dialog shows the rest. */
char *
pf_question_row_dup_short_help (PfQuestion *question)
{
  const char *text = pf_question_get_help (question);
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  end = strstr (text, ". ");
  if (end == NULL)
    return g_strdup (text);

  return g_strndup (text, end - text + 1);
}

void
pf_question_row_setup (GtkWidget       *row,
                       PfQuestion      *question,
                       PfQuestionTools *tools)
{
  g_autofree char *subtitle = pf_question_row_dup_short_help (question);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pf_question_get_prompt (question));

  if (ADW_IS_ACTION_ROW (row))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (tools));
    }
  else
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), GTK_WIDGET (tools));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_question_get_prompt (question),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pf_question_get_help (question),
                                  -1);
}

GtkWidget *
pf_question_row_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);

  return label;
}

static void
show_refusal (GtkEditable *entry,
              GtkLabel    *error_label,
              const char  *message)
{
  gtk_label_set_text (error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
pf_question_row_commit_text (PfSession   *session,
                             PfQuestion  *question,
                             GtkEditable *entry,
                             GtkLabel    *error_label)
{
  PfAssessment *assessment = pf_session_get_assessment (session);
  const char *id = pf_question_get_id (question);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;
  PfAnswer *answer;

  answer = pf_assessment_get_answer (assessment, id);

  if (text[0] == '\0')
    {
      show_refusal (entry, error_label, NULL);
      if (answer != NULL && pf_answer_is_answered (answer))
        pf_assessment_clear_value (assessment, id);
      return TRUE;
    }

  value = pf_question_parse_value (question, text, &error);
  if (value == NULL)
    {
      show_refusal (entry, error_label, error->message);
      return FALSE;
    }

  /* Leaving an unchanged field must not touch the document (nor autosave). */
  if (answer != NULL && pf_answer_is_answered (answer)
      && json_node_equal (pf_answer_get_value (answer), value))
    {
      show_refusal (entry, error_label, NULL);
      return TRUE;
    }

  if (!pf_assessment_set_value (assessment, id, value, &error))
    {
      show_refusal (entry, error_label, error->message);
      return FALSE;
    }

  show_refusal (entry, error_label, NULL);
  return TRUE;
}
