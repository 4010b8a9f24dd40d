/* pf-answer.c: one answer of an assessment (immutable, reference counted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-answer"

#include "config.h"

#include "pf-answer.h"

/* Immutable so that PfAssessment can hand out references without copies and
 * a change always means a new record (and a "changed" signal). */
struct _PfAnswer
{
  gatomicrefcount  ref_count;
  JsonNode        *value;        /* (owned) (nullable) */
  PfAnswerState    state;
  gboolean         needs_review;
  char            *note;         /* (owned) (nullable) */
  char            *updated;      /* (owned) */
};

G_DEFINE_BOXED_TYPE (PfAnswer, pf_answer, pf_answer_ref, pf_answer_unref)

PfAnswer *
pf_answer_new (JsonNode      *value,
               PfAnswerState  state,
               gboolean       needs_review,
               const char    *note,
               const char    *updated)
{
  PfAnswer *self;

  g_return_val_if_fail (updated != NULL, NULL);

  self = g_new0 (PfAnswer, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->value = value != NULL ? json_node_copy (value) : NULL;
  self->state = state;
  self->needs_review = !!needs_review;
  self->note = g_strdup (note);
  self->updated = g_strdup (updated);

  return self;
}

PfAnswer *
pf_answer_ref (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
pf_answer_unref (PfAnswer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->value, json_node_unref);
  g_free (self->note);
  g_free (self->updated);
  g_free (self);
}

JsonNode *
pf_answer_get_value (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->value;
}

PfAnswerState
pf_answer_get_state (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, PF_ANSWER_STATE_UNKNOWN);

  return self->state;
}

gboolean
pf_answer_get_needs_review (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->needs_review;
}

const char *
pf_answer_get_note (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->note;
}

const char *
pf_answer_get_updated (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->updated;
}

gboolean
pf_answer_is_answered (PfAnswer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->state == PF_ANSWER_STATE_ANSWERED && self->value != NULL;
}

const char *
pf_answer_describe_state (PfAnswer *self)
{
  if (self == NULL || (self->state == PF_ANSWER_STATE_ANSWERED && self->value == NULL))
    return "unanswered";

  return pf_answer_state_to_string (self->state);
}
