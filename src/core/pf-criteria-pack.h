/* pf-criteria-pack.h: a versioned, validated criteria pack (data, not code).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pf-enums.h"
#include "pf-expression.h"
#include "pf-indicator.h"
#include "pf-question.h"
#include "pf-section.h"

G_BEGIN_DECLS

#define PF_PACK_FORMAT "preflight-pack/1"

#define PF_PACK_ERROR (pf_pack_error_quark ())
typedef enum {
  PF_PACK_ERROR_MALFORMED,          /* not JSON, or JSON of the wrong shape */
  PF_PACK_ERROR_UNKNOWN_FORMAT,     /* "format" missing or not PF_PACK_FORMAT */
  PF_PACK_ERROR_MISSING_FIELD,      /* a required member is absent or empty */
  PF_PACK_ERROR_DUPLICATE_ID,
  PF_PACK_ERROR_UNKNOWN_TYPE,       /* question type */
  PF_PACK_ERROR_MISSING_OPTIONS,    /* choice question without options */
  PF_PACK_ERROR_INVALID_RANGE,      /* min > max */
  PF_PACK_ERROR_UNKNOWN_OPERATOR,   /* expression key or op not known */
  PF_PACK_ERROR_OPERATOR_MISMATCH,  /* op does not fit the question type, or bad literal */
  PF_PACK_ERROR_UNKNOWN_REFERENCE,  /* question, indicator, source or option id */
  PF_PACK_ERROR_CYCLE,              /* indicators referring to each other in a loop */
  PF_PACK_ERROR_UNKNOWN_OUTCOME,
  PF_PACK_ERROR_INVALID_VALUE,      /* other bad values: status, strength, provenance, dates */
  PF_PACK_ERROR_TOO_LARGE,          /* size or nesting limits */
  PF_PACK_ERROR_NOT_FOUND,          /* catalog lookups */
} PfPackError;

GQuark pf_pack_error_quark (void);

/* A source a pack cites. */
typedef struct {
  char *id;
  char *title;
  char *url;
} PfSource;

/* One entry of the ordered outcome list: first match wins. */
typedef struct {
  PfOutcome     outcome;
  PfExpression *when;
} PfOutcomeRule;

#define PF_TYPE_CRITERIA_PACK (pf_criteria_pack_get_type ())
G_DECLARE_FINAL_TYPE (PfCriteriaPack, pf_criteria_pack, PF, CRITERIA_PACK, GObject)

/* @origin names the pack in error messages (a file name or resource path).
 * Error messages read "ORIGIN: JSON.PATH: what is wrong", for example
 * "my.pfpack.json: sections[2].questions[4].type: unknown type “bogus”". */
PfCriteriaPack *pf_criteria_pack_new_from_bytes      (GBytes          *bytes,
                                                      const char      *origin,
                                                      GError         **error);
PfCriteriaPack *pf_criteria_pack_new_from_file       (GFile           *file,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
PfCriteriaPack *pf_criteria_pack_new_from_resource   (const char      *resource_path,
                                                      GError         **error);

const char     *pf_criteria_pack_get_id              (PfCriteriaPack  *self);
const char     *pf_criteria_pack_get_version         (PfCriteriaPack  *self);
PfPackStatus    pf_criteria_pack_get_status          (PfCriteriaPack  *self);
/* YYYY-MM-DD */
const char     *pf_criteria_pack_get_published       (PfCriteriaPack  *self);
const char     *pf_criteria_pack_get_title           (PfCriteriaPack  *self);
const char     *pf_criteria_pack_get_description     (PfCriteriaPack  *self);
/* Lower-case hex SHA-256 of the bytes the pack was loaded from. */
const char     *pf_criteria_pack_get_sha256          (PfCriteriaPack  *self);
GBytes         *pf_criteria_pack_get_bytes           (PfCriteriaPack  *self);
const char     *pf_criteria_pack_get_origin          (PfCriteriaPack  *self);

/* Element type PfSource. */
GPtrArray      *pf_criteria_pack_get_sources         (PfCriteriaPack  *self);
const PfSource *pf_criteria_pack_lookup_source       (PfCriteriaPack  *self,
                                                      const char      *source_id);
/* Element type PfSection. */
GPtrArray      *pf_criteria_pack_get_sections        (PfCriteriaPack  *self);
PfSection      *pf_criteria_pack_lookup_section      (PfCriteriaPack  *self,
                                                      const char      *section_id);
/* Element type PfQuestion: every question, in pack order. */
GPtrArray      *pf_criteria_pack_get_questions       (PfCriteriaPack  *self);
PfQuestion     *pf_criteria_pack_lookup_question     (PfCriteriaPack  *self,
                                                      const char      *question_id);
/* Element type PfIndicator, in pack order. */
GPtrArray      *pf_criteria_pack_get_indicators      (PfCriteriaPack  *self);
PfIndicator    *pf_criteria_pack_lookup_indicator    (PfCriteriaPack  *self,
                                                      const char      *indicator_id);
/* Element type PfOutcomeRule, in order. */
GPtrArray      *pf_criteria_pack_get_outcome_rules   (PfCriteriaPack  *self);
/* Indicators whose rule reads @question (directly); element type PfIndicator. */
GPtrArray      *pf_criteria_pack_get_indicators_for_question (PfCriteriaPack *self,
                                                              PfQuestion     *question);

G_END_DECLS
