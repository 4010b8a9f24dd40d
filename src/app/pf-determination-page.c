/* pf-determination-page.c: outcome, caveats, the indicators that fired with
 * the answers they used, the open questions that could change the outcome,
 * a chart by domain and the criteria pack. Rebuilt from the session's
 * determination, only while visible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-determination-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-determination-page.h"
#include "pf-plain-row.h"
#include "pf-tag.h"
#include "pf-indicator-chart.h"
#include "pf-tooltip.h"

struct _PfDeterminationPage
{
  PfPage            parent_instance;

  gboolean          dirty;

  GtkWidget        *outcome_box;
  GtkImage         *outcome_icon;
  GtkLabel         *outcome_label;
  GtkLabel         *summary_label;
  GtkBox           *caveats_box;
  GtkListBox       *why_list;
  GtkListBox       *open_list;
  PfIndicatorChart *chart;
  AdwActionRow     *pack_row;
  AdwActionRow     *version_row;
  AdwActionRow     *status_row;
  AdwActionRow     *published_row;
};

G_DEFINE_FINAL_TYPE (PfDeterminationPage, pf_determination_page, PF_TYPE_PAGE)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A row that takes the user to @question_id in its section. */
static void
make_show_question (GtkWidget  *row,
                    const char *question_id)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "view.show-question");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", question_id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static GtkWidget *
indicator_row_new (PfDeterminationPage     *self,
                   const PfIndicatorResult *result)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  PfCriteriaPack *pack = pf_session_get_pack (session);
  PfIndicator *indicator = result->indicator;
  const char * const *sources = pf_indicator_get_sources (indicator);
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pf_pack_text (pf_indicator_get_title (indicator)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 pf_pack_text (pf_indicator_get_reason (indicator)));

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               pf_indicator_get_strength (indicator) == PF_STRENGTH_STRONG
                               ? pf_tag_new (_("Strong"), "pf-strong")
                               : pf_tag_new (_("Weak"), "pf-weak"));
  if (pf_indicator_get_provenance (indicator) == PF_PROVENANCE_PLACEHOLDER)
    {
      GtkWidget *tag = pf_tag_new (_("Placeholder"), "pf-placeholder");

      pf_tooltip_set_text (tag, _("A draft rule: no public source fixes it; "
                                          "it is not an official criterion"));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      const PfSource *source = pf_criteria_pack_lookup_source (pack, sources[i]);
      GtkWidget *source_row;
      GtkWidget *link;
      g_autofree char *label = NULL;

      if (source == NULL)
        continue;

      source_row = pf_plain_row_new (source->title, source->url);
      adw_action_row_add_prefix (ADW_ACTION_ROW (source_row),
                                 gtk_image_new_from_icon_name ("web-browser-symbolic"));
      link = gtk_link_button_new_with_label (source->url, _("Open"));
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      label = g_strdup_printf (_("Open source “%s”"), source->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (source_row), link);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), source_row);
    }

  for (guint i = 0; result->question_ids != NULL && i < result->question_ids->len; i++)
    {
      const char *id = g_ptr_array_index (result->question_ids, i);
      PfQuestion *question = pf_criteria_pack_lookup_question (pack, id);
      g_autofree char *value = NULL;
      GtkWidget *answer_row;
      PfAnswer *answer;

      if (question == NULL)
        continue;

      answer = pf_assessment_get_answer (pf_session_get_assessment (session), id);
      value = pf_question_describe_answer (question, answer);
      answer_row = pf_plain_row_new (pf_pack_text (pf_question_get_prompt (question)), value);
      make_show_question (answer_row, id);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer_row);
    }

  return row;
}

static char *
outcomes_text (GArray *outcomes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, pf_outcome_get_label (g_array_index (outcomes, PfOutcome, i)));
    }

  return g_strdup (text->str);
}

static GtkWidget *
open_question_row_new (const PfOpenQuestion *open)
{
  g_autofree char *outcomes = outcomes_text (open->outcomes);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (open->outcomes != NULL && open->outcomes->len > 0)
    /* TRANSLATORS: %s is a list of outcomes, e.g. "Likely covered, Borderline" */
    subtitle = g_strdup_printf (_("Could lead to: %s"), outcomes);
  else
    subtitle = g_strdup (_("Answering it alone does not change the outcome"));

  row = pf_plain_row_new (pf_pack_text (pf_question_get_prompt (open->question)), subtitle);
  if (pf_question_get_critical (open->question))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pf_tag_new (_("Critical"), "pf-critical"));
  make_show_question (row, pf_question_get_id (open->question));

  return row;
}

static void
set_outcome (PfDeterminationPage *self,
             PfOutcome            outcome)
{
  static const struct { const char *icon; const char *style; } looks[] = {
    [PF_OUTCOME_LIKELY_COVERED] = { "emblem-important-symbolic", "pf-outcome-covered" },
    [PF_OUTCOME_BORDERLINE] = { "dialog-question-symbolic", "pf-outcome-borderline" },
    [PF_OUTCOME_LIKELY_NOT_COVERED] = { "emblem-ok-symbolic", "pf-outcome-not-covered" },
    [PF_OUTCOME_INCOMPLETE] = { "content-loading-symbolic", "pf-outcome-incomplete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (self->outcome_box, looks[i].style);

  gtk_widget_add_css_class (self->outcome_box, looks[outcome].style);
  gtk_image_set_from_icon_name (self->outcome_icon, looks[outcome].icon);
  gtk_label_set_text (self->outcome_label, pf_outcome_get_label (outcome));
}

static void
rebuild (PfDeterminationPage *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  PfDetermination *determination = pf_session_get_determination (session);
  PfCriteriaPack *pack = pf_session_get_pack (session);
  GPtrArray *indicators;
  GPtrArray *open_questions;
  const char * const *caveats;
  g_autofree char *pack_text = NULL;
  guint n_fired = 0;
  guint n_open = 0;

  self->dirty = FALSE;
  if (determination == NULL)
    return;

  set_outcome (self, pf_determination_get_outcome (determination));
  gtk_label_set_text (self->summary_label, pf_determination_get_summary (determination));

  clear_box (self->caveats_box);
  caveats = pf_determination_get_caveats (determination);
  for (guint i = 0; caveats != NULL && caveats[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (caveats[i]);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (line, "dim-label");
      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (self->caveats_box, line);
    }

  clear_list (self->why_list);
  indicators = pf_determination_get_indicators (determination);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (indicators, i);

      if (result->state != PF_TRUTH_TRUE)
        continue;

      gtk_list_box_append (self->why_list, indicator_row_new (self, result));
      n_fired++;
    }
  if (n_fired == 0)
    gtk_list_box_append (self->why_list,
                         pf_plain_row_new (_("No indicator fired"),
                                  _("None of the pack’s capability indicators holds on the answers so far.")));

  clear_list (self->open_list);
  open_questions = pf_determination_get_open_questions (determination);
  /* The questions that can flip the outcome first; the others, which only
   * feed the criteria, folded away so they do not bury them. */
  for (guint i = 0; i < open_questions->len; i++)
    {
      const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);

      if (!open->changes_outcome)
        continue;
      gtk_list_box_append (self->open_list, open_question_row_new (open));
      n_open++;
    }
  if (n_open < open_questions->len)
    {
      GtkWidget *more = adw_expander_row_new ();
      guint n_more = open_questions->len - n_open;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u more open question",
                                                             "%u more open questions",
                                                             n_more),
                                                n_more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (more),
                                     _("The criteria read them, but no single answer to one of them changes the outcome"));
      for (guint i = 0; i < open_questions->len; i++)
        {
          const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);

          if (!open->changes_outcome)
            adw_expander_row_add_row (ADW_EXPANDER_ROW (more), open_question_row_new (open));
        }
      gtk_list_box_append (self->open_list, more);
    }
  if (open_questions->len == 0)
    gtk_list_box_append (self->open_list,
                         pf_plain_row_new (_("No open question"),
                                  _("No unanswered or unknown answer is read by the criteria.")));

  pf_indicator_chart_set_determination (self->chart, determination);

  pack_text = g_strdup_printf ("%s (%s)", pf_pack_text (pf_criteria_pack_get_title (pack)),
                               pf_criteria_pack_get_id (pack));
  adw_action_row_set_subtitle (self->pack_row, pack_text);
  adw_action_row_set_subtitle (self->version_row, pf_criteria_pack_get_version (pack));
  adw_action_row_set_subtitle (self->status_row,
                               pf_criteria_pack_get_status (pack) == PF_PACK_STATUS_OFFICIAL
                               ? _("Official")
                               : _("Draft — not published by the agencies"));
  adw_action_row_set_subtitle (self->published_row, pf_criteria_pack_get_published (pack));
}

void
pf_determination_page_summarize (PfSession    *session,
                                 PfPageState  *state,
                                 char        **progress_text)
{
  PfDetermination *determination = pf_session_get_determination (session);

  /* The sidebar shows the outcome, not a page state. */
  *state = PF_PAGE_STATE_NOT_STARTED;
  *progress_text = determination != NULL
                   ? g_strdup (pf_outcome_get_label (pf_determination_get_outcome (determination)))
                   : NULL;
}

static void
on_determination_changed (PfDeterminationPage *self)
{

  pf_page_update_summary (PF_PAGE (self), pf_determination_page_summarize);

  /* Open questions cost a few evaluations: only keep a visible page live. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
pf_determination_page_map (GtkWidget *widget)
{
  PfDeterminationPage *self = PF_DETERMINATION_PAGE (widget);

  GTK_WIDGET_CLASS (pf_determination_page_parent_class)->map (widget);

  if (self->dirty)
    rebuild (self);
}

static void
pf_determination_page_shown (PfPage *page)
{
  PfDeterminationPage *self = PF_DETERMINATION_PAGE (page);

  if (self->dirty)
    rebuild (self);
}

static void
pf_determination_page_class_init (PfDeterminationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfPageClass *page_class = PF_PAGE_CLASS (klass);

  widget_class->map = pf_determination_page_map;
  page_class->shown = pf_determination_page_shown;

  g_type_ensure (PF_TYPE_INDICATOR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-determination-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, caveats_box);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, why_list);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, chart);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, pack_row);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PfDeterminationPage, published_row);
}

static void
pf_determination_page_init (PfDeterminationPage *self)
{
  self->dirty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_determination_page_new (PfSession *session)
{
  PfDeterminationPage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  self = g_object_new (PF_TYPE_DETERMINATION_PAGE, "session", session, NULL);
  pf_page_set_complete (PF_PAGE (self), TRUE);
  g_signal_connect_object (session, "notify::determination",
                           G_CALLBACK (on_determination_changed), self,
                           G_CONNECT_SWAPPED);
  on_determination_changed (self);

  return GTK_WIDGET (self);
}

const char *
pf_determination_page_get_headline (PfDeterminationPage *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION_PAGE (self), NULL);

  if (self->dirty)
    rebuild (self);

  return gtk_label_get_text (self->outcome_label);
}
