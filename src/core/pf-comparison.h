/* pf-comparison.h: what changed between two assessments made with the same
 * criteria pack, usually of two checkpoints of one model: the draft
 * outcome, the answers, and the indicators that fire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-assessment.h"
#include "pf-determination.h"

G_BEGIN_DECLS

#define PF_COMPARISON_FORMAT "preflight-comparison/1"

#define PF_COMPARISON_ERROR (pf_comparison_error_quark ())
GQuark pf_comparison_error_quark (void);

typedef enum {
  PF_COMPARISON_ERROR_OTHER_PACK,   /* the two assessments use different packs */
} PfComparisonError;

/* A question whose answer says something else now: another state, or
 * another value. Notes and review flags are commentary, not compared. */
typedef struct {
  PfQuestion *question;   /* unowned: the current pack's, or the previous pack's
                           * when the current version of the pack dropped it */
  PfAnswer   *before;     /* (nullable): no record */
  PfAnswer   *after;      /* (nullable) */
} PfAnswerChange;

#define PF_TYPE_COMPARISON (pf_comparison_get_type ())
G_DECLARE_FINAL_TYPE (PfComparison, pf_comparison, PF, COMPARISON, GObject)

/* Both assessments must have their packs bound; the packs must have the same
 * id (their versions may differ: questions and indicators are matched by
 * id). */
PfComparison    *pf_comparison_new                         (PfAssessment  *previous,
                                                            PfAssessment  *current,
                                                            GError       **error);
PfAssessment    *pf_comparison_get_previous                (PfComparison  *self);
PfAssessment    *pf_comparison_get_current                 (PfComparison  *self);
PfDetermination *pf_comparison_get_previous_determination  (PfComparison  *self);
PfDetermination *pf_comparison_get_current_determination   (PfComparison  *self);
/* (element-type PfAnswerChange): in the current pack's order, then the
 * questions only the previous pack asks. */
GPtrArray       *pf_comparison_get_answer_changes          (PfComparison  *self);
/* (element-type PfIndicator): indicators that fire now and did not fire
 * before (the current pack's), and the reverse (the previous pack's). */
GPtrArray       *pf_comparison_get_indicators_now_firing   (PfComparison  *self);
GPtrArray       *pf_comparison_get_indicators_no_longer_firing (PfComparison *self);

/* The comparison document (format PF_COMPARISON_FORMAT), in English like
 * every record: both assessments' model and outcome, the changed answers
 * with their states and values, and both lists of indicators. */
JsonNode        *pf_comparison_to_json                     (PfComparison  *self);
GBytes          *pf_comparison_to_bytes                    (PfComparison  *self);

G_END_DECLS
