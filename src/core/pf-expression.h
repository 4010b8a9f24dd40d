/* pf-expression.h: JSON rule expressions, parsed once, evaluated three-valued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-enums.h"

G_BEGIN_DECLS

typedef struct _PfExpression PfExpression;
typedef struct _PfQuestion   PfQuestion;
typedef struct _PfIndicator  PfIndicator;
typedef struct _PfAnswer     PfAnswer;

typedef enum {
  PF_EXPRESSION_ALL,
  PF_EXPRESSION_ANY,
  PF_EXPRESSION_NOT,
  PF_EXPRESSION_AT_LEAST,
  PF_EXPRESSION_COMPARISON,
  PF_EXPRESSION_INDICATOR,
} PfExpressionKind;

/* Comparison operators; JSON: == != < <= > >= in contains answered. */
typedef enum {
  PF_OP_EQ,
  PF_OP_NE,
  PF_OP_LT,
  PF_OP_LE,
  PF_OP_GT,
  PF_OP_GE,
  PF_OP_IN,
  PF_OP_CONTAINS,
  PF_OP_ANSWERED,
} PfOperator;

/* What an expression reads while it is evaluated. lookup_answer returns the
 * answer to @question or NULL when there is none, and sets *applicable to
 * the question's visible_if (it starts as PF_TRUTH_TRUE). When that is not
 * TRUE every comparison on the question, "answered" included, takes its
 * value: FALSE when the question does not apply, UNKNOWN when that is not
 * known yet (FORMATS.md, Expressions). */
typedef struct _PfEvaluationContext PfEvaluationContext;
struct _PfEvaluationContext
{
  PfAnswer *(*lookup_answer)    (PfEvaluationContext *context,
                                 PfQuestion          *question,
                                 PfTruth             *applicable);
  PfTruth   (*lookup_indicator) (PfEvaluationContext *context,
                                 PfIndicator         *indicator);
};

typedef gboolean (*PfExpressionVisitFunc) (PfExpression *expression,
                                           gpointer      user_data);

GType             pf_expression_get_type         (void) G_GNUC_CONST;
#define PF_TYPE_EXPRESSION (pf_expression_get_type ())

/* Parses @node; @path (e.g. "indicators[3].when") prefixes error messages.
 * References are resolved later by the pack (pf_criteria_pack_*). Errors are
 * PF_PACK_ERROR. */
PfExpression     *pf_expression_parse            (JsonNode             *node,
                                                  const char           *path,
                                                  GError              **error);
PfExpression     *pf_expression_ref              (PfExpression         *self);
void              pf_expression_unref            (PfExpression         *self);

PfExpressionKind  pf_expression_get_kind         (PfExpression         *self);
/* The JSON path the expression was parsed from, for messages. */
const char       *pf_expression_get_path         (PfExpression         *self);
/* ALL/ANY/AT_LEAST/NOT children (NOT has one). */
guint             pf_expression_get_n_children   (PfExpression         *self);
PfExpression     *pf_expression_get_child        (PfExpression         *self,
                                                  guint                 index);
guint             pf_expression_get_at_least     (PfExpression         *self);
/* COMPARISON: the question id, operator and literal (NULL for "answered"). */
const char       *pf_expression_get_question_id  (PfExpression         *self);
PfOperator        pf_expression_get_operator     (PfExpression         *self);
JsonNode         *pf_expression_get_value        (PfExpression         *self);
/* INDICATOR: the indicator id. */
const char       *pf_expression_get_indicator_id (PfExpression         *self);

/* Set by the pack when it binds references; unowned. */
PfQuestion       *pf_expression_get_question     (PfExpression         *self);
void              pf_expression_bind_question    (PfExpression         *self,
                                                  PfQuestion           *question);
PfIndicator      *pf_expression_get_indicator    (PfExpression         *self);
void              pf_expression_bind_indicator   (PfExpression         *self,
                                                  PfIndicator          *indicator);

/* Depth-first, pre-order; stops early when @func returns FALSE. */
void              pf_expression_foreach          (PfExpression         *self,
                                                  PfExpressionVisitFunc func,
                                                  gpointer              user_data);

PfTruth           pf_expression_evaluate         (PfExpression         *self,
                                                  PfEvaluationContext  *context);

const char       *pf_operator_to_string          (PfOperator            op);
gboolean          pf_operator_from_string        (const char           *str,
                                                  PfOperator           *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfExpression, pf_expression_unref)

G_END_DECLS
