/* pf-criteria-pack-private.h: constructors the pack loader uses to build its
 * questions, sections and indicators (the public API only reads them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-criteria-pack.h"

G_BEGIN_DECLS

/* The deepest an expression may nest (the pack's JSON may nest four times
 * deeper, to hold expressions plus their lists and literals). */
#define PF_PACK_MAX_DEPTH 32

PfQuestion  *_pf_question_new              (const char          *id,
                                            PfQuestionType       type,
                                            const char          *prompt,
                                            const char          *help);
void         _pf_question_set_unit         (PfQuestion          *self,
                                            const char          *unit);
void         _pf_question_set_min          (PfQuestion          *self,
                                            double               min);
void         _pf_question_set_max          (PfQuestion          *self,
                                            double               max);
/* FALSE (and nothing added) when an option with @id exists already. */
gboolean     _pf_question_add_option       (PfQuestion          *self,
                                            const char          *id,
                                            const char          *label);
void         _pf_question_set_critical     (PfQuestion          *self,
                                            gboolean             critical);
void         _pf_question_set_visible_if   (PfQuestion          *self,
                                            PfExpression        *visible_if);
void         _pf_question_set_evidence_hint (PfQuestion         *self,
                                             const char         *evidence_hint);
/* Takes ownership of @sources. */
void         _pf_question_set_sources      (PfQuestion          *self,
                                            GStrv                sources);
void         _pf_question_set_section      (PfQuestion          *self,
                                            PfSection           *section);

PfSection   *_pf_section_new               (const char          *id,
                                            const char          *title,
                                            const char          *description);
/* The section takes a reference and becomes the question's section. */
void         _pf_section_add_question      (PfSection           *self,
                                            PfQuestion          *question);

/* Takes ownership of @sources. */
PfIndicator *_pf_indicator_new             (const char          *id,
                                            const char          *title,
                                            const char          *domain,
                                            PfStrength           strength,
                                            PfExpression        *when,
                                            const char          *reason,
                                            GStrv                sources,
                                            PfProvenance         provenance);

/* pf_question_format_value(), translated or, for the report, always English
 * with a decimal point. */
char        *_pf_question_format_value     (PfQuestion          *self,
                                            JsonNode            *value,
                                            gboolean             translate);

/* Whether a pack's JSON @node is a scalar of @type (G_TYPE_INT64,
 * G_TYPE_STRING …), or a number (integer or double). NULL is neither.
 * Inline: the expression evaluator calls them per comparison. */
static inline gboolean
_pf_pack_node_is (JsonNode *node,
                  GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static inline gboolean
_pf_pack_node_is_number (JsonNode *node)
{
  return _pf_pack_node_is (node, G_TYPE_INT64) || _pf_pack_node_is (node, G_TYPE_DOUBLE);
}

/* TRUE for a valid calendar date written YYYY-MM-DD. */
gboolean     _pf_date_is_valid             (const char          *str);

G_END_DECLS
