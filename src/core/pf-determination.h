/* pf-determination.h: the draft coverage determination, computed from an
 * assessment and its pack (never stored as truth).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-assessment.h"
#include "pf-criteria-pack.h"

G_BEGIN_DECLS

#define PF_DETERMINATION_FORMAT "preflight-determination/1"

/* One indicator's state and what it read. */
typedef struct {
  PfIndicator *indicator;      /* unowned, belongs to the pack */
  PfTruth      state;
  GPtrArray   *question_ids;   /* (element-type utf8) questions its rule reads, pack order */
} PfIndicatorResult;

/* A question whose answer is missing or unknown that some rule reads. */
typedef struct {
  PfQuestion *question;        /* unowned */
  gboolean    changes_outcome; /* some single answer to it alone changes the outcome */
  GArray     *outcomes;        /* (element-type PfOutcome) the outcomes it could lead to, other than the current one */
} PfOpenQuestion;

#define PF_TYPE_DETERMINATION (pf_determination_get_type ())
G_DECLARE_FINAL_TYPE (PfDetermination, pf_determination, PF, DETERMINATION, GObject)

/* Evaluates every indicator and the outcome rules. @assessment must have
 * @pack bound. Cheap enough to call after every answer. */
PfDetermination *pf_determination_new                 (PfCriteriaPack  *pack,
                                                       PfAssessment    *assessment);

PfOutcome        pf_determination_get_outcome         (PfDetermination *self);
/* One sentence that says what the outcome means, translated. */
const char      *pf_determination_get_summary         (PfDetermination *self);
/* Element type PfIndicatorResult, in pack order. */
GPtrArray       *pf_determination_get_indicators      (PfDetermination *self);
const PfIndicatorResult *pf_determination_lookup_indicator (PfDetermination *self,
                                                            const char      *indicator_id);
/* Computed on first call (tries each option and each threshold just above
 * and below the rules' cut-offs). Element type PfOpenQuestion, pack order. */
GPtrArray       *pf_determination_get_open_questions  (PfDetermination *self);
/* The fixed caveats (this is a draft, not an official determination; …). */
const char * const *pf_determination_get_caveats      (PfDetermination *self);

/* Whether @question applies (its visible_if), three-valued. */
PfTruth          pf_determination_get_applicability   (PfDetermination *self,
                                                       PfQuestion      *question);
/* Progress over the questions that apply: answered (or marked unknown)
 * out of total, and whether any is flagged needs_review. */
void             pf_determination_get_section_progress (PfDetermination *self,
                                                        PfSection       *section,
                                                        guint           *answered,
                                                        guint           *total,
                                                        gboolean        *needs_review);
void             pf_determination_get_progress        (PfDetermination *self,
                                                       guint           *answered,
                                                       guint           *total);

/* The determination.json document (format PF_DETERMINATION_FORMAT): outcome,
 * generated (= the assessment's modified time), pack, indicators with state,
 * reason, sources, provenance and the answers they used, open questions,
 * caveats. Same assessment, same bytes. */
JsonNode        *pf_determination_to_json             (PfDetermination *self);
GBytes          *pf_determination_to_bytes            (PfDetermination *self);

G_END_DECLS
