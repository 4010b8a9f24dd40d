/* pf-question.h: one question of a criteria pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-answer.h"
#include "pf-enums.h"
#include "pf-expression.h"

G_BEGIN_DECLS

typedef struct _PfSection PfSection;

/* A choice option: stable id and label. */
typedef struct {
  char *id;
  char *label;
} PfOption;

#define PF_TYPE_QUESTION (pf_question_get_type ())
G_DECLARE_FINAL_TYPE (PfQuestion, pf_question, PF, QUESTION, GObject)

const char     *pf_question_get_id            (PfQuestion  *self);
PfQuestionType  pf_question_get_question_type (PfQuestion  *self);
const char     *pf_question_get_prompt        (PfQuestion  *self);
const char     *pf_question_get_help          (PfQuestion  *self);
/* Nullable. */
const char     *pf_question_get_unit          (PfQuestion  *self);
gboolean        pf_question_has_min           (PfQuestion  *self);
double          pf_question_get_min           (PfQuestion  *self);
gboolean        pf_question_has_max           (PfQuestion  *self);
double          pf_question_get_max           (PfQuestion  *self);
/* Element type PfOption; empty unless choice or multi_choice. */
GPtrArray      *pf_question_get_options       (PfQuestion  *self);
const PfOption *pf_question_lookup_option     (PfQuestion  *self,
                                               const char  *option_id);
gboolean        pf_question_get_critical      (PfQuestion  *self);
/* Nullable: shown only when this holds. */
PfExpression   *pf_question_get_visible_if    (PfQuestion  *self);
/* Nullable: what kind of evidence supports the answer. */
const char     *pf_question_get_evidence_hint (PfQuestion  *self);
/* Source ids (the pack's sources) the question cites; may be empty. */
const char * const *pf_question_get_sources   (PfQuestion  *self);
/* Unowned back pointer to the section that holds it. */
PfSection      *pf_question_get_section       (PfQuestion  *self);

/* Checks that @value is a valid answer (type, range, option ids, date form
 * YYYY-MM-DD). Errors are PF_ASSESSMENT_ERROR_INVALID_VALUE with a message
 * a user can act on ("must be between 0 and 100"). */
gboolean        pf_question_check_value       (PfQuestion  *self,
                                               JsonNode    *value,
                                               GError     **error);
/* Parses what a user typed (UI entry, CLI argument) into a value of the
 * question's type and checks it: "yes"/"no"/"true"/"false" for boolean,
 * option ids (comma separated for multi_choice), numbers in C locale. */
JsonNode       *pf_question_parse_value       (PfQuestion  *self,
                                               const char  *text,
                                               GError     **error);
/* The value as a short human-readable string in the user's language (option
 * labels, "Yes"/"No", numbers as the locale writes them); "Not answered"
 * when @value is NULL or does not fit the question. */
char           *pf_question_format_value      (PfQuestion  *self,
                                               JsonNode    *value);
/* What @answer (nullable) says, in the user's language: its value as
 * pf_question_format_value() writes it, or "Unknown", "Skipped" or "Not
 * answered". */
char           *pf_question_describe_answer   (PfQuestion  *self,
                                               PfAnswer    *answer);

G_END_DECLS
