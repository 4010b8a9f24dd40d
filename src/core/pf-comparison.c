/* pf-comparison.c: what changed between two assessments of the same pack.
 *
 * A lab assesses each checkpoint of a model; the reviewer of the newer one
 * asks what moved since the last: which answers, which indicators, and
 * whether the draft outcome did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-comparison.h"
#include "pf-json-output.h"

struct _PfComparison
{
  GObject          parent_instance;

  PfAssessment    *previous;
  PfAssessment    *current;
  PfDetermination *previous_determination;
  PfDetermination *current_determination;
  GPtrArray       *answer_changes;        /* (element-type PfAnswerChange) */
  GPtrArray       *now_firing;            /* (element-type PfIndicator) */
  GPtrArray       *no_longer_firing;      /* (element-type PfIndicator) */
};

G_DEFINE_FINAL_TYPE (PfComparison, pf_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-comparison-error-quark, pf_comparison_error)

static void
pf_answer_change_free (PfAnswerChange *change)
{
  g_clear_pointer (&change->before, pf_answer_unref);
  g_clear_pointer (&change->after, pf_answer_unref);
  g_free (change);
}

static gboolean
answers_differ (PfAnswer *before,
                PfAnswer *after)
{
  if (g_strcmp0 (pf_answer_describe_state (before), pf_answer_describe_state (after)) != 0)
    return TRUE;

  /* Same state; only answered ones carry a value. */
  return before != NULL && pf_answer_is_answered (before)
         && !json_node_equal (pf_answer_get_value (before), pf_answer_get_value (after));
}

static void
add_change_if_any (PfComparison *self,
                   PfQuestion   *question)
{
  const char *id = pf_question_get_id (question);
  PfAnswer *before = pf_assessment_get_answer (self->previous, id);
  PfAnswer *after = pf_assessment_get_answer (self->current, id);
  PfAnswerChange *change;

  if (!answers_differ (before, after))
    return;

  /* References: either assessment may change later. */
  change = g_new0 (PfAnswerChange, 1);
  change->question = question;
  change->before = before != NULL ? pf_answer_ref (before) : NULL;
  change->after = after != NULL ? pf_answer_ref (after) : NULL;
  g_ptr_array_add (self->answer_changes, change);
}

static void
compare_answers (PfComparison *self)
{
  PfCriteriaPack *current_pack = pf_assessment_get_pack (self->current);
  GPtrArray *questions = pf_criteria_pack_get_questions (current_pack);
  PfCriteriaPack *previous_pack = pf_assessment_get_pack (self->previous);
  GPtrArray *previous_questions = pf_criteria_pack_get_questions (previous_pack);

  for (guint i = 0; i < questions->len; i++)
    add_change_if_any (self, g_ptr_array_index (questions, i));

  for (guint i = 0; i < previous_questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (previous_questions, i);

      if (pf_criteria_pack_lookup_question (current_pack, pf_question_get_id (question)) == NULL)
        add_change_if_any (self, question);
    }
}

static gboolean
fires (PfDetermination *determination,
       const char      *indicator_id)
{
  const PfIndicatorResult *result = pf_determination_lookup_indicator (determination, indicator_id);

  return result != NULL && result->state == PF_TRUTH_TRUE;
}

/* Adds to @into each indicator that fires in @here and not in @there. */
static void
collect_firing_only_in (GPtrArray       *into,
                        PfDetermination *here,
                        PfDetermination *there)
{
  GPtrArray *results = pf_determination_get_indicators (here);

  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);
      PfIndicator *indicator = result->indicator;

      if (result->state == PF_TRUTH_TRUE && !fires (there, pf_indicator_get_id (indicator)))
        g_ptr_array_add (into, indicator);
    }
}

static void
pf_comparison_finalize (GObject *object)
{
  PfComparison *self = PF_COMPARISON (object);

  g_clear_object (&self->previous);
  g_clear_object (&self->current);
  g_clear_object (&self->previous_determination);
  g_clear_object (&self->current_determination);
  g_clear_pointer (&self->answer_changes, g_ptr_array_unref);
  g_clear_pointer (&self->now_firing, g_ptr_array_unref);
  g_clear_pointer (&self->no_longer_firing, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_comparison_parent_class)->finalize (object);
}

static void
pf_comparison_class_init (PfComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pf_comparison_finalize;
}

static void
pf_comparison_init (PfComparison *self)
{
  self->answer_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_answer_change_free);
  self->now_firing = g_ptr_array_new ();
  self->no_longer_firing = g_ptr_array_new ();
}

PfComparison *
pf_comparison_new (PfAssessment  *previous,
                   PfAssessment  *current,
                   GError       **error)
{
  PfCriteriaPack *previous_pack, *current_pack;
  g_autoptr(PfComparison) self = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT (previous), NULL);
  g_return_val_if_fail (PF_IS_ASSESSMENT (current), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  previous_pack = pf_assessment_get_pack (previous);
  current_pack = pf_assessment_get_pack (current);
  g_return_val_if_fail (previous_pack != NULL && current_pack != NULL, NULL);

  if (g_strcmp0 (pf_criteria_pack_get_id (previous_pack),
                 pf_criteria_pack_get_id (current_pack)) != 0)
    {
      g_set_error (error, PF_COMPARISON_ERROR, PF_COMPARISON_ERROR_OTHER_PACK,
                   _("The assessments use different criteria packs (“%s” and “%s”), so "
                     "their answers mean different things; compare assessments made with "
                     "the same pack"),
                   pf_criteria_pack_get_id (previous_pack), pf_criteria_pack_get_id (current_pack));
      return NULL;
    }

  self = g_object_new (PF_TYPE_COMPARISON, NULL);
  self->previous = g_object_ref (previous);
  self->current = g_object_ref (current);
  self->previous_determination = pf_determination_new (previous_pack, previous);
  self->current_determination = pf_determination_new (current_pack, current);

  compare_answers (self);
  collect_firing_only_in (self->now_firing, self->current_determination,
                          self->previous_determination);
  collect_firing_only_in (self->no_longer_firing, self->previous_determination,
                          self->current_determination);

  return g_steal_pointer (&self);
}

PfAssessment *
pf_comparison_get_previous (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->previous;
}

PfAssessment *
pf_comparison_get_current (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->current;
}

PfDetermination *
pf_comparison_get_previous_determination (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->previous_determination;
}

PfDetermination *
pf_comparison_get_current_determination (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->current_determination;
}

GPtrArray *
pf_comparison_get_answer_changes (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->answer_changes;
}

GPtrArray *
pf_comparison_get_indicators_now_firing (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->now_firing;
}

GPtrArray *
pf_comparison_get_indicators_no_longer_firing (PfComparison *self)
{
  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  return self->no_longer_firing;
}

static void
add_side (JsonBuilder     *builder,
          const char      *name,
          PfAssessment    *assessment,
          PfDetermination *determination)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "assessment", pf_assessment_get_id (assessment));
  json_builder_set_member_name (builder, "model");
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "name", pf_assessment_get_model_name (assessment));
  pf_json_add_string_member (builder, "version", pf_assessment_get_model_version (assessment));
  json_builder_end_object (builder);
  pf_json_add_string_member (builder, "pack_version",
                             pf_criteria_pack_get_version (pf_assessment_get_pack (assessment)));
  pf_json_add_string_member (builder, "outcome",
                             pf_outcome_to_string (pf_determination_get_outcome (determination)));
  json_builder_end_object (builder);
}

static void
add_answer (JsonBuilder *builder,
            const char  *name,
            PfAnswer    *answer)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "state", pf_answer_describe_state (answer));
  if (answer != NULL && pf_answer_is_answered (answer))
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, json_node_copy (pf_answer_get_value (answer)));
    }
  json_builder_end_object (builder);
}

static void
add_indicators (JsonBuilder *builder,
                const char  *name,
                GPtrArray   *indicators)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < indicators->len; i++)
    {
      PfIndicator *indicator = g_ptr_array_index (indicators, i);

      json_builder_begin_object (builder);
      pf_json_add_string_member (builder, "id", pf_indicator_get_id (indicator));
      pf_json_add_string_member (builder, "title", pf_indicator_get_title (indicator));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
pf_comparison_to_json (PfComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "format", PF_COMPARISON_FORMAT);
  pf_json_add_string_member (builder, "pack",
                             pf_criteria_pack_get_id (pf_assessment_get_pack (self->current)));
  add_side (builder, "previous", self->previous, self->previous_determination);
  add_side (builder, "current", self->current, self->current_determination);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->answer_changes->len; i++)
    {
      const PfAnswerChange *change = g_ptr_array_index (self->answer_changes, i);

      json_builder_begin_object (builder);
      pf_json_add_string_member (builder, "question", pf_question_get_id (change->question));
      pf_json_add_string_member (builder, "prompt", pf_question_get_prompt (change->question));
      add_answer (builder, "before", change->before);
      add_answer (builder, "after", change->after);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_indicators (builder, "indicators_now_firing", self->now_firing);
  add_indicators (builder, "indicators_no_longer_firing", self->no_longer_firing);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GBytes *
pf_comparison_to_bytes (PfComparison *self)
{
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  g_return_val_if_fail (PF_IS_COMPARISON (self), NULL);

  root = pf_comparison_to_json (self);
  text = pf_json_output_to_gstring (root, TRUE);

  return g_string_free_to_bytes (text);
}
