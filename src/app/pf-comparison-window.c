/* pf-comparison-window.c: what changed between the assessment shown and the
 * assessment of an earlier checkpoint: the draft outcome, each answer that
 * says something else now, and the indicators that started or stopped
 * firing. Choosing an answer shows its question in the main window, where
 * the user may change it: the window follows every change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-comparison-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-comparison-window.h"
#include "pf-plain-row.h"

struct _PfComparisonWindow
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  AdwActionRow        *outcome_row;
  AdwPreferencesGroup *answers_group;
  AdwPreferencesGroup *now_firing_group;
  AdwPreferencesGroup *no_longer_firing_group;

  PfSession           *session;     /* (owned) */
  PfComparison        *comparison;  /* (owned): the one shown */
  GPtrArray           *rows;        /* (element-type GtkWidget) (unowned): its rows */
};

G_DEFINE_FINAL_TYPE (PfComparisonWindow, pf_comparison_window, ADW_TYPE_WINDOW)

enum {
  SHOW_QUESTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_row (PfComparisonWindow  *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
remove_rows (PfComparisonWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
on_answer_activated (PfComparisonWindow *self,
                     AdwActionRow       *row)
{
  g_signal_emit (self, signals[SHOW_QUESTION], 0,
                 g_object_get_data (G_OBJECT (row), "question-id"));
}

static void
show_outcome (PfComparisonWindow *self,
              PfComparison       *comparison)
{
  PfDetermination *previous = pf_comparison_get_previous_determination (comparison);
  PfDetermination *current = pf_comparison_get_current_determination (comparison);
  PfOutcome before = pf_determination_get_outcome (previous);
  PfOutcome after = pf_determination_get_outcome (current);
  g_autofree char *title = NULL;

  if (before == after)
    /* Translators: the draft outcome did not change, e.g. "Likely covered, as before" */
    title = g_strdup_printf (_("%s, as before"), pf_outcome_get_label (after));
  else
    /* Translators: the draft outcome before and now, e.g. "Borderline → Likely covered" */
    title = g_strdup_printf (_("%s → %s"), pf_outcome_get_label (before),
                             pf_outcome_get_label (after));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row), title);
  adw_action_row_set_subtitle (self->outcome_row, pf_determination_get_summary (current));
}

static void
show_answers (PfComparisonWindow *self,
              PfComparison       *comparison)
{
  GPtrArray *changes = pf_comparison_get_answer_changes (comparison);
  PfCriteriaPack *current_pack = pf_assessment_get_pack (pf_comparison_get_current (comparison));

  if (changes->len == 0)
    add_row (self, self->answers_group, pf_plain_row_new (_("No answer changed"), NULL));

  for (guint i = 0; i < changes->len; i++)
    {
      const PfAnswerChange *change = g_ptr_array_index (changes, i);
      g_autofree char *before = pf_question_describe_answer (change->question, change->before);
      g_autofree char *after = pf_question_describe_answer (change->question, change->after);
      /* Translators: an answer before and now, e.g. "No → Yes" */
      g_autofree char *values = g_strdup_printf (_("%s → %s"), before, after);
      const char *id = pf_question_get_id (change->question);
      GtkWidget *row = pf_plain_row_new (pf_pack_text (pf_question_get_prompt (change->question)),
                                         values);

      /* A question the current version of the pack dropped has nowhere
       * to be shown. */
      if (pf_criteria_pack_lookup_question (current_pack, id) != NULL)
        {
          g_object_set_data_full (G_OBJECT (row), "question-id", g_strdup (id), g_free);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect_object (row, "activated", G_CALLBACK (on_answer_activated), self,
                                   G_CONNECT_SWAPPED);
        }
      add_row (self, self->answers_group, row);
    }
}

static void
show_indicators (PfComparisonWindow  *self,
                 AdwPreferencesGroup *group,
                 GPtrArray           *indicators)
{
  gtk_widget_set_visible (GTK_WIDGET (group), indicators->len > 0);

  for (guint i = 0; i < indicators->len; i++)
    {
      PfIndicator *indicator = g_ptr_array_index (indicators, i);

      add_row (self, group, pf_plain_row_new (pf_pack_text (pf_indicator_get_title (indicator)),
                                              pf_pack_text (pf_indicator_get_reason (indicator))));
    }
}

static void
show_comparison (PfComparisonWindow *self,
                 PfComparison       *comparison)
{
  PfAssessment *previous_assessment = pf_comparison_get_previous (comparison);
  g_autofree char *previous = pf_assessment_dup_model_label (previous_assessment);
  g_autofree char *current = pf_assessment_dup_model_label (pf_comparison_get_current (comparison));
  /* Translators: window title; %s is the model and version compared with */
  g_autofree char *title = g_strdup_printf (_("Changes Since %s"), previous);

  g_set_object (&self->comparison, comparison);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, current);

  remove_rows (self);
  show_outcome (self, comparison);
  show_answers (self, comparison);
  show_indicators (self, self->now_firing_group,
                   pf_comparison_get_indicators_now_firing (comparison));
  show_indicators (self, self->no_longer_firing_group,
                   pf_comparison_get_indicators_no_longer_firing (comparison));
}

static void
on_determination_changed (PfComparisonWindow *self)
{
  g_autoptr(PfComparison) comparison = NULL;

  /* The packs matched when the window was made, and a session keeps its pack. */
  comparison = pf_comparison_new (pf_comparison_get_previous (self->comparison),
                                  pf_session_get_assessment (self->session), NULL);
  g_return_if_fail (comparison != NULL);
  show_comparison (self, comparison);
}

static void
pf_comparison_window_dispose (GObject *object)
{
  PfComparisonWindow *self = PF_COMPARISON_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_comparison_window_parent_class)->dispose (object);
}

static void
pf_comparison_window_class_init (PfComparisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_comparison_window_dispose;

  signals[SHOW_QUESTION] =
    g_signal_new ("show-question", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/preflightapp/Preflight/pf-comparison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfComparisonWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PfComparisonWindow, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, PfComparisonWindow, answers_group);
  gtk_widget_class_bind_template_child (widget_class, PfComparisonWindow, now_firing_group);
  gtk_widget_class_bind_template_child (widget_class, PfComparisonWindow, no_longer_firing_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pf_comparison_window_init (PfComparisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

PfComparisonWindow *
pf_comparison_window_new (GtkWindow     *parent,
                          PfAssessment  *previous,
                          PfSession     *session,
                          GError       **error)
{
  g_autoptr(PfComparison) comparison = NULL;
  PfComparisonWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PF_IS_ASSESSMENT (previous), NULL);
  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  comparison = pf_comparison_new (previous, pf_session_get_assessment (session), error);
  if (comparison == NULL)
    return NULL;

  self = g_object_new (PF_TYPE_COMPARISON_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  /* The session evaluates the determination again after every change. */
  g_signal_connect_swapped (session, "notify::determination",
                            G_CALLBACK (on_determination_changed), self);
  show_comparison (self, comparison);

  return self;
}
