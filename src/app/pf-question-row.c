/* pf-question-row.c: the question row interface and the row factory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-question-row"

#include "config.h"

#include "pf-boolean-row.h"
#include "pf-choice-row.h"
#include "pf-date-row.h"
#include "pf-evidence-row.h"
#include "pf-multi-choice-row.h"
#include "pf-number-row.h"
#include "pf-question-row.h"
#include "pf-text-row.h"
#include "pf-width-first-layout.h"

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

static GQuark
tools_quark (void)
{
  return g_quark_from_static_string ("pf-question-row-tools");
}

PfQuestionTools *
pf_question_row_get_tools (PfQuestionRow *self)
{
  g_return_val_if_fail (PF_IS_QUESTION_ROW (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), tools_quark ());
}

PfQuestion *
pf_question_row_get_question (PfQuestionRow *self)
{
  g_return_val_if_fail (PF_IS_QUESTION_ROW (self), NULL);

  return pf_question_tools_get_question (pf_question_row_get_tools (self));
}

void
pf_question_row_sync (PfQuestionRow *self)
{
  PfQuestionTools *tools;
  PfAnswer *answer;

  g_return_if_fail (PF_IS_QUESTION_ROW (self));

  tools = pf_question_row_get_tools (self);
  answer = pf_assessment_get_answer (pf_session_get_assessment (pf_question_tools_get_session (tools)),
                                     pf_question_get_id (pf_question_tools_get_question (tools)));

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
  const char *text = pf_pack_text (pf_question_get_help (question));
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  end = strstr (text, ". ");
  if (end == NULL)
    return g_strdup (text);

  return g_strndup (text, end - text + 1);
}

/* The prompt and help labels wrap, and GTK 4.8 lays a wrapping label out
 * again for every size its parents try. An ellipsis after 50 lines (more
 * than any prompt or help sentence wraps to at the narrowest width the
 * rows can get, so nothing is cut) and the unwrapped text as the natural
 * width take a quarter off the size requests of a section before its first
 * frame (callgrind, bench/run), and the rows look the same pixel for pixel.
 * The width requests for a given height, the costliest, are
 * pf_width_first_layout_install_in_row()'s.
 *
 * They also get a minimum width of ten characters. GTK measures a wrapping
 * label's minimum width by laying its text out at width zero, and since
 * libadwaita's row labels may break words, Pango 1.50 then tries a break
 * with a hyphen after every character of every word: 4,800 shaping calls
 * for the first section of a full assessment, about 4 ms before its first
 * frame (counted with a shim on hb_shape_full, bench/run). At ten
 * characters only longer words are tried letter by letter, and a prompt can
 * no longer be squeezed into a column of single letters. Labels that wrap
 * at words only have no such cost and keep their width free: a width in
 * characters costs a font metrics query at each measure. */
static void
bound_text_layout (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      (gtk_widget_has_css_class (widget, "title") || gtk_widget_has_css_class (widget, "subtitle")))
    {
      gtk_label_set_natural_wrap_mode (GTK_LABEL (widget), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_lines (GTK_LABEL (widget), 50);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (widget), 10);
    }

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bound_text_layout (child);
}

PfQuestionTools *
pf_question_row_setup (GtkWidget  *row,
                       PfSession  *session,
                       PfQuestion *question)
{
  PfQuestionTools *tools = pf_question_tools_new (session, question);
  const char *prompt = pf_pack_text (pf_question_get_prompt (question));
  g_autofree char *subtitle = pf_question_row_dup_short_help (question);

  g_object_set_qdata (G_OBJECT (row), tools_quark (), tools);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prompt);

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
  bound_text_layout (row);
  pf_width_first_layout_install_in_row (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, prompt,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  pf_pack_text (pf_question_get_help (question)),
                                  -1);

  return tools;
}

gboolean
pf_question_row_save_value (PfSession   *session,
                            PfQuestion  *question,
                            JsonNode    *value,
                            GError     **error)
{
  PfAssessment *assessment = pf_session_get_assessment (session);
  const char *id = pf_question_get_id (question);
  PfAnswer *answer = pf_assessment_get_answer (assessment, id);
  gboolean answered = answer != NULL && pf_answer_is_answered (answer);

  if (value == NULL)
    {
      if (answered)
        pf_assessment_clear_value (assessment, id);
      return TRUE;
    }

  if (answered && json_node_equal (pf_answer_get_value (answer), value))
    return TRUE;

  return pf_assessment_set_value (assessment, id, value, error);
}

void
pf_question_row_set_value (PfQuestionRow *self,
                           JsonNode      *value)
{
  PfQuestionTools *tools;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_if_fail (PF_IS_QUESTION_ROW (self));

  tools = pf_question_row_get_tools (self);
  saved = pf_question_row_save_value (pf_question_tools_get_session (tools),
                                      pf_question_tools_get_question (tools),
                                      value, &error);
  pf_question_tools_show_error (tools, saved ? NULL : error->message);
}
