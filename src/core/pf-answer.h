/* pf-answer.h: one answer of an assessment (immutable, reference counted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-enums.h"

G_BEGIN_DECLS

typedef struct _PfAnswer PfAnswer;

GType          pf_answer_get_type         (void) G_GNUC_CONST;
#define PF_TYPE_ANSWER (pf_answer_get_type ())

/* @value is copied and may be NULL (unknown, skipped, or only a note or a
 * review flag so far). @updated is ISO 8601 UTC ("2026-11-26T04:16:22Z"). */
PfAnswer      *pf_answer_new              (JsonNode      *value,
                                           PfAnswerState  state,
                                           gboolean       needs_review,
                                           const char    *note,
                                           const char    *updated);
PfAnswer      *pf_answer_ref              (PfAnswer      *self);
void           pf_answer_unref            (PfAnswer      *self);

/* Nullable. */
JsonNode      *pf_answer_get_value        (PfAnswer      *self);
PfAnswerState  pf_answer_get_state        (PfAnswer      *self);
gboolean       pf_answer_get_needs_review (PfAnswer      *self);
/* Nullable. */
const char    *pf_answer_get_note         (PfAnswer      *self);
const char    *pf_answer_get_updated      (PfAnswer      *self);
/* TRUE when the state is ANSWERED and there is a value. */
gboolean       pf_answer_is_answered      (PfAnswer      *self);
/* What a record says of its question, as the documents name it:
 * "answered", "unknown", "skipped", or "unanswered" when @self is NULL or
 * holds only a note or a review flag. */
const char    *pf_answer_describe_state   (PfAnswer      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfAnswer, pf_answer_unref)

G_END_DECLS
