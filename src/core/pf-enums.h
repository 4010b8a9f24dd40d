/* pf-enums.h: the vocabulary of packs and assessments, with their JSON spellings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Three-valued (Kleene) truth. */
typedef enum {
  PF_TRUTH_FALSE,
  PF_TRUTH_TRUE,
  PF_TRUTH_UNKNOWN,
} PfTruth;

typedef enum {
  PF_QUESTION_BOOLEAN,
  PF_QUESTION_NUMBER,
  PF_QUESTION_INTEGER,
  PF_QUESTION_CHOICE,
  PF_QUESTION_MULTI_CHOICE,
  PF_QUESTION_TEXT,
  PF_QUESTION_DATE,
  PF_QUESTION_EVIDENCE,
} PfQuestionType;

/* Ordered from most to least severe; JSON: "likely-covered", "borderline",
 * "likely-not-covered", "incomplete". */
typedef enum {
  PF_OUTCOME_LIKELY_COVERED,
  PF_OUTCOME_BORDERLINE,
  PF_OUTCOME_LIKELY_NOT_COVERED,
  PF_OUTCOME_INCOMPLETE,
} PfOutcome;

typedef enum {
  PF_PACK_STATUS_DRAFT,
  PF_PACK_STATUS_OFFICIAL,
} PfPackStatus;

typedef enum {
  PF_STRENGTH_STRONG,
  PF_STRENGTH_WEAK,
} PfStrength;

typedef enum {
  PF_PROVENANCE_SOURCED,
  PF_PROVENANCE_PLACEHOLDER,
} PfProvenance;

typedef enum {
  PF_ANSWER_STATE_ANSWERED,
  PF_ANSWER_STATE_UNKNOWN,
  PF_ANSWER_STATE_SKIPPED,
} PfAnswerState;

/* JSON: "none", "cci" (Confidential Commercial Information, FOIA exemption 4),
 * "pcii" (Protected Critical Infrastructure Information). */
typedef enum {
  PF_MARKING_NONE,
  PF_MARKING_CCI,
  PF_MARKING_PCII,
} PfMarking;

/* JSON: "approve", "changes-requested". */
typedef enum {
  PF_DECISION_APPROVE,
  PF_DECISION_CHANGES_REQUESTED,
} PfDecision;

/* Each pair maps the enum to its JSON spelling; from_string returns FALSE for
 * a spelling it does not know and leaves *out untouched. */
const char *pf_truth_to_string           (PfTruth         value);
const char *pf_question_type_to_string   (PfQuestionType  value);
gboolean    pf_question_type_from_string (const char     *str,
                                          PfQuestionType *out);
const char *pf_outcome_to_string         (PfOutcome       value);
gboolean    pf_outcome_from_string       (const char     *str,
                                          PfOutcome      *out);
const char *pf_pack_status_to_string     (PfPackStatus    value);
gboolean    pf_pack_status_from_string   (const char     *str,
                                          PfPackStatus   *out);
const char *pf_strength_to_string        (PfStrength      value);
gboolean    pf_strength_from_string      (const char     *str,
                                          PfStrength     *out);
const char *pf_provenance_to_string      (PfProvenance    value);
gboolean    pf_provenance_from_string    (const char     *str,
                                          PfProvenance   *out);
const char *pf_answer_state_to_string    (PfAnswerState   value);
gboolean    pf_answer_state_from_string  (const char     *str,
                                          PfAnswerState  *out);
const char *pf_marking_to_string         (PfMarking       value);
gboolean    pf_marking_from_string       (const char     *str,
                                          PfMarking      *out);
const char *pf_decision_to_string        (PfDecision      value);
gboolean    pf_decision_from_string      (const char     *str,
                                          PfDecision     *out);

/* Human-readable, translated labels for the UI and reports. */
const char *pf_outcome_get_label         (PfOutcome       value);
const char *pf_pack_status_get_label     (PfPackStatus    value);
const char *pf_marking_get_label         (PfMarking       value);

PfTruth     pf_truth_and                 (PfTruth         a,
                                          PfTruth         b);
PfTruth     pf_truth_or                  (PfTruth         a,
                                          PfTruth         b);
PfTruth     pf_truth_not                 (PfTruth         a);

G_END_DECLS
