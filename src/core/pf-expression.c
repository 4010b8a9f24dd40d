/* pf-expression.c: JSON rule expressions, parsed once, evaluated three-valued.
 *
 * Parsing checks the shape only; the pack binds each comparison to its
 * PfQuestion and each indicator reference to its PfIndicator and checks
 * operators and literals against the question type, so evaluation does no
 * lookups and allocates nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-expression"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-answer.h"
#include "pf-criteria-pack-private.h"
#include "pf-expression.h"

struct _PfExpression
{
  gatomicrefcount   ref_count;
  PfExpressionKind  kind;
  PfOperator        op;
  guint             at_least;
  char             *path;          /* (owned) */
  GPtrArray        *children;      /* (owned) (nullable) (element-type PfExpression) */
  char             *reference;     /* (owned) (nullable) question or indicator id */
  JsonNode         *value;         /* (owned) (nullable) */
  PfQuestion       *question;      /* (unowned) (nullable) */
  PfIndicator      *indicator;     /* (unowned) (nullable) */
};

G_DEFINE_BOXED_TYPE (PfExpression, pf_expression, pf_expression_ref, pf_expression_unref)

static const char * const operator_names[] = {
  "==", "!=", "<", "<=", ">", ">=", "in", "contains", "answered",
};

const char *
pf_operator_to_string (PfOperator op)
{
  g_return_val_if_fail (op < G_N_ELEMENTS (operator_names), NULL);

  return operator_names[op];
}

gboolean
pf_operator_from_string (const char *str,
                         PfOperator *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (operator_names); i++)
    {
      if (g_str_equal (operator_names[i], str))
        {
          *out = (PfOperator) i;
          return TRUE;
        }
    }

  return FALSE;
}

static PfExpression *
expression_new (PfExpressionKind  kind,
                const char       *path)
{
  PfExpression *self = g_new0 (PfExpression, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->path = g_strdup (path);

  return self;
}

PfExpression *
pf_expression_ref (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_expression_unref (PfExpression *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->value, json_node_unref);
  g_free (self);
}

/* Keys of each expression form, checked so a typo ("vaule") is an error
 * rather than a rule that silently means something else. */
typedef struct {
  const char       *key;
  PfExpressionKind  kind;
  const char       *other_keys[3];
} ExpressionForm;

static const ExpressionForm forms[] = {
  { "all", PF_EXPRESSION_ALL, { NULL } },
  { "any", PF_EXPRESSION_ANY, { NULL } },
  { "not", PF_EXPRESSION_NOT, { NULL } },
  { "at_least", PF_EXPRESSION_AT_LEAST, { "of", NULL } },
  { "answer", PF_EXPRESSION_COMPARISON, { "op", "value", NULL } },
  { "indicator", PF_EXPRESSION_INDICATOR, { NULL } },
};

static gboolean
form_has_key (const ExpressionForm *form,
              const char           *key)
{
  if (g_str_equal (form->key, key))
    return TRUE;

  for (guint i = 0; form->other_keys[i] != NULL; i++)
    if (g_str_equal (form->other_keys[i], key))
      return TRUE;

  return FALSE;
}

static const ExpressionForm *
find_form (JsonObject  *object,
           const char  *path,
           GError     **error)
{
  const ExpressionForm *found = NULL;
  g_autoptr(GList) members = json_object_get_members (object);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (!json_object_has_member (object, forms[i].key))
        continue;

      if (found != NULL)
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                       _("%s: an expression has both “%s” and “%s” — split it into separate expressions inside “all” or “any”"),
                       path, found->key, forms[i].key);
          return NULL;
        }
      found = &forms[i];
    }

  if (found == NULL)
    {
      if (members != NULL)
        g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_OPERATOR,
                     _("%s: unknown expression “%s” — use one of “all”, “any”, “not”, “at_least”, “answer” or “indicator”"),
                     path, (const char *) members->data);
      else
        g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_OPERATOR,
                     _("%s: empty expression — use one of “all”, “any”, “not”, “at_least”, “answer” or “indicator”"),
                     path);
      return NULL;
    }

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!form_has_key (found, l->data))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_OPERATOR,
                       _("%s: unknown key “%s” next to “%s” — remove it or check its spelling"),
                       path, (const char *) l->data, found->key);
          return NULL;
        }
    }

  return found;
}

static const char *
get_reference (JsonObject  *object,
               const char  *key,
               const char  *path,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *str = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    str = json_node_get_string (node);

  if (str == NULL || *str == '\0')
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s.%s: must be a non-empty string id — write the id in double quotes"), path, key);
      return NULL;
    }

  return str;
}

static PfExpression *parse_node (JsonNode    *node,
                                 const char  *path,
                                 guint        depth,
                                 GError     **error);

static GPtrArray *
parse_children (JsonObject  *object,
                const char  *key,
                const char  *path,
                guint        depth,
                GError     **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_expression_unref);
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s.%s: must be a list of expressions — write them as [ … ]"), path, key);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s.%s[%u]", path, key, i);
      PfExpression *child = parse_node (json_array_get_element (array, i),
                                        child_path, depth + 1, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (children, child);
    }

  return g_steal_pointer (&children);
}

static gboolean
parse_at_least (PfExpression  *self,
                JsonObject    *object,
                guint          depth,
                GError       **error)
{
  JsonNode *count = json_object_get_member (object, "at_least");

  if (!JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64 ||
      json_node_get_int (count) < 0)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s.at_least: must be a whole number, 0 or more — write it without quotes, like 2"), self->path);
      return FALSE;
    }

  if (!json_object_has_member (object, "of"))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                   _("%s.of: missing — list the expressions to count"), self->path);
      return FALSE;
    }

  self->children = parse_children (object, "of", self->path, depth, error);
  if (self->children == NULL)
    return FALSE;

  if (json_node_get_int (count) > self->children->len)
    {
      g_autofree char *wanted = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (count));

      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                   _("%s.at_least: %s is more than the %u expressions listed in “of” — it "
                     "could never hold; lower at_least or list more expressions"),
                   self->path, wanted, self->children->len);
      return FALSE;
    }

  self->at_least = (guint) json_node_get_int (count);
  return TRUE;
}

static gboolean
parse_comparison (PfExpression  *self,
                  JsonObject    *object,
                  GError       **error)
{
  const char *reference;
  JsonNode *op;

  if (!(reference = get_reference (object, "answer", self->path, error)))
    return FALSE;
  self->reference = g_strdup (reference);

  op = json_object_get_member (object, "op");
  if (op == NULL)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                   _("%s.op: missing — add an operator such as \"==\" or \"answered\""),
                   self->path);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (op) || json_node_get_value_type (op) != G_TYPE_STRING ||
      !pf_operator_from_string (json_node_get_string (op), &self->op))
    {
      g_autofree char *shown = json_to_string (op, FALSE);

      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_OPERATOR,
                   _("%s.op: unknown operator %s — use one of == != < <= > >= in contains answered"),
                   self->path, shown);
      return FALSE;
    }

  if (self->op == PF_OP_ANSWERED)
    {
      if (json_object_has_member (object, "value"))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_OPERATOR_MISMATCH,
                       _("%s.value: “answered” takes no value — remove it"), self->path);
          return FALSE;
        }
      return TRUE;
    }

  if (!json_object_has_member (object, "value"))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                   _("%s.value: missing — “%s” compares the answer with a value"),
                   self->path, operator_names[self->op]);
      return FALSE;
    }

  self->value = json_node_copy (json_object_get_member (object, "value"));
  return TRUE;
}

static PfExpression *
parse_node (JsonNode    *node,
            const char  *path,
            guint        depth,
            GError     **error)
{
  g_autoptr(PfExpression) self = NULL;
  const ExpressionForm *form;
  JsonObject *object;

  if (depth > PF_PACK_MAX_DEPTH)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE,
                   _("%s: expressions nest deeper than %u levels — simplify the rule"),
                   path, PF_PACK_MAX_DEPTH);
      return NULL;
    }

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s: an expression must be a JSON object — for example {\"answer\": \"q.id\", \"op\": \"answered\"}"), path);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!(form = find_form (object, path, error)))
    return NULL;

  self = expression_new (form->kind, path);

  switch (form->kind)
    {
    case PF_EXPRESSION_ALL:
    case PF_EXPRESSION_ANY:
      self->children = parse_children (object, form->key, path, depth, error);
      if (self->children == NULL)
        return NULL;
      break;

    case PF_EXPRESSION_NOT:
      {
        g_autofree char *child_path = g_strdup_printf ("%s.not", path);
        PfExpression *child = parse_node (json_object_get_member (object, "not"),
                                          child_path, depth + 1, error);

        if (child == NULL)
          return NULL;
        self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_expression_unref);
        g_ptr_array_add (self->children, child);
      }
      break;

    case PF_EXPRESSION_AT_LEAST:
      if (!parse_at_least (self, object, depth, error))
        return NULL;
      break;

    case PF_EXPRESSION_COMPARISON:
      if (!parse_comparison (self, object, error))
        return NULL;
      break;

    case PF_EXPRESSION_INDICATOR:
      {
        const char *reference = get_reference (object, "indicator", path, error);

        if (reference == NULL)
          return NULL;
        self->reference = g_strdup (reference);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&self);
}

PfExpression *
pf_expression_parse (JsonNode    *node,
                     const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_node (node, path, 0, error);
}

PfExpressionKind
pf_expression_get_kind (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, PF_EXPRESSION_ALL);

  return self->kind;
}

const char *
pf_expression_get_path (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

guint
pf_expression_get_n_children (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->children != NULL ? self->children->len : 0;
}

PfExpression *
pf_expression_get_child (PfExpression *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < pf_expression_get_n_children (self), NULL);

  return g_ptr_array_index (self->children, index);
}

guint
pf_expression_get_at_least (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->kind == PF_EXPRESSION_AT_LEAST, 0);

  return self->at_least;
}

const char *
pf_expression_get_question_id (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == PF_EXPRESSION_COMPARISON, NULL);

  return self->reference;
}

PfOperator
pf_expression_get_operator (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, PF_OP_ANSWERED);
  g_return_val_if_fail (self->kind == PF_EXPRESSION_COMPARISON, PF_OP_ANSWERED);

  return self->op;
}

JsonNode *
pf_expression_get_value (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == PF_EXPRESSION_COMPARISON, NULL);

  return self->value;
}

const char *
pf_expression_get_indicator_id (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == PF_EXPRESSION_INDICATOR, NULL);

  return self->reference;
}

PfQuestion *
pf_expression_get_question (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->question;
}

void
pf_expression_bind_question (PfExpression *self,
                             PfQuestion   *question)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == PF_EXPRESSION_COMPARISON);

  self->question = question;
}

PfIndicator *
pf_expression_get_indicator (PfExpression *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->indicator;
}

void
pf_expression_bind_indicator (PfExpression *self,
                              PfIndicator  *indicator)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == PF_EXPRESSION_INDICATOR);

  self->indicator = indicator;
}

static gboolean
visit (PfExpression          *self,
       PfExpressionVisitFunc  func,
       gpointer               user_data)
{
  if (!func (self, user_data))
    return FALSE;

  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    if (!visit (g_ptr_array_index (self->children, i), func, user_data))
      return FALSE;

  return TRUE;
}

void
pf_expression_foreach (PfExpression          *self,
                       PfExpressionVisitFunc  func,
                       gpointer               user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  visit (self, func, user_data);
}

/* Case-insensitive substring search that allocates nothing (per character
 * lower-casing, enough for the short texts packs compare). */
static gboolean
text_contains (const char *haystack,
               const char *needle)
{
  for (const char *start = haystack; ; start = g_utf8_next_char (start))
    {
      const char *h = start;
      const char *n = needle;

      while (*n != '\0' && *h != '\0' &&
             g_unichar_tolower (g_utf8_get_char (h)) == g_unichar_tolower (g_utf8_get_char (n)))
        {
          h = g_utf8_next_char (h);
          n = g_utf8_next_char (n);
        }

      if (*n == '\0')
        return TRUE;
      if (*start == '\0')
        return FALSE;
    }
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *str)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (_pf_pack_node_is (element, G_TYPE_STRING) && g_str_equal (json_node_get_string (element), str))
        return TRUE;
    }

  return FALSE;
}

static gboolean
array_has_number (JsonArray *array,
                  double     number)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (_pf_pack_node_is_number (element) && json_node_get_double (element) == number)
        return TRUE;
    }

  return FALSE;
}

static PfTruth
truth (gboolean value)
{
  return value ? PF_TRUTH_TRUE : PF_TRUTH_FALSE;
}

/* @order is the sign of answer − literal. */
static PfTruth
compare_order (PfOperator op,
               int        order)
{
  switch (op)
    {
    case PF_OP_EQ: return truth (order == 0);
    case PF_OP_NE: return truth (order != 0);
    case PF_OP_LT: return truth (order < 0);
    case PF_OP_LE: return truth (order <= 0);
    case PF_OP_GT: return truth (order > 0);
    case PF_OP_GE: return truth (order >= 0);
    case PF_OP_IN:
    case PF_OP_CONTAINS:
    case PF_OP_ANSWERED:
    default:
      return PF_TRUTH_UNKNOWN;
    }
}

static PfTruth
compare_number (PfExpression *self,
                JsonNode     *answer)
{
  double number;

  if (!_pf_pack_node_is_number (answer))
    return PF_TRUTH_UNKNOWN;

  number = json_node_get_double (answer);
  if (self->op == PF_OP_IN)
    return JSON_NODE_HOLDS_ARRAY (self->value)
             ? truth (array_has_number (json_node_get_array (self->value), number))
             : PF_TRUTH_UNKNOWN;

  if (!_pf_pack_node_is_number (self->value))
    return PF_TRUTH_UNKNOWN;

  return compare_order (self->op, (number > json_node_get_double (self->value)) -
                                  (number < json_node_get_double (self->value)));
}

static PfTruth
compare_string (PfExpression *self,
                JsonNode     *answer)
{
  const char *str;

  if (!_pf_pack_node_is (answer, G_TYPE_STRING))
    return PF_TRUTH_UNKNOWN;

  str = json_node_get_string (answer);
  if (self->op == PF_OP_IN)
    return JSON_NODE_HOLDS_ARRAY (self->value)
             ? truth (array_has_string (json_node_get_array (self->value), str))
             : PF_TRUTH_UNKNOWN;

  if (!_pf_pack_node_is (self->value, G_TYPE_STRING))
    return PF_TRUTH_UNKNOWN;

  if (self->op == PF_OP_CONTAINS)
    return truth (text_contains (str, json_node_get_string (self->value)));

  /* Dates are YYYY-MM-DD, so their byte order is their calendar order. */
  return compare_order (self->op, strcmp (str, json_node_get_string (self->value)));
}

static PfTruth
compare_multi_choice (PfExpression *self,
                      JsonNode     *answer)
{
  JsonArray *selected;

  if (!JSON_NODE_HOLDS_ARRAY (answer))
    return PF_TRUTH_UNKNOWN;

  selected = json_node_get_array (answer);
  if (self->op == PF_OP_CONTAINS && _pf_pack_node_is (self->value, G_TYPE_STRING))
    return truth (array_has_string (selected, json_node_get_string (self->value)));

  if (self->op == PF_OP_IN && JSON_NODE_HOLDS_ARRAY (self->value))
    {
      JsonArray *wanted = json_node_get_array (self->value);

      for (guint i = 0; i < json_array_get_length (selected); i++)
        {
          JsonNode *element = json_array_get_element (selected, i);

          if (_pf_pack_node_is (element, G_TYPE_STRING) &&
              array_has_string (wanted, json_node_get_string (element)))
            return PF_TRUTH_TRUE;
        }
      return PF_TRUTH_FALSE;
    }

  return PF_TRUTH_UNKNOWN;
}

static PfTruth
evaluate_comparison (PfExpression        *self,
                     PfEvaluationContext *context)
{
  PfTruth applicable = PF_TRUTH_TRUE;
  PfAnswer *answer;
  JsonNode *value;

  g_return_val_if_fail (self->question != NULL, PF_TRUTH_UNKNOWN);

  answer = context->lookup_answer (context, self->question, &applicable);
  if (applicable != PF_TRUTH_TRUE)
    return applicable;

  value = answer != NULL ? pf_answer_get_value (answer) : NULL;
  if (answer == NULL || pf_answer_get_state (answer) != PF_ANSWER_STATE_ANSWERED || value == NULL)
    return self->op == PF_OP_ANSWERED ? PF_TRUTH_FALSE : PF_TRUTH_UNKNOWN;

  if (self->op == PF_OP_ANSWERED)
    return PF_TRUTH_TRUE;

  switch (pf_question_get_question_type (self->question))
    {
    case PF_QUESTION_BOOLEAN:
      if (!_pf_pack_node_is (value, G_TYPE_BOOLEAN) || !_pf_pack_node_is (self->value, G_TYPE_BOOLEAN))
        return PF_TRUTH_UNKNOWN;
      return compare_order (self->op, json_node_get_boolean (value) != json_node_get_boolean (self->value));

    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      return compare_number (self, value);

    case PF_QUESTION_CHOICE:
    case PF_QUESTION_TEXT:
    case PF_QUESTION_DATE:
      return compare_string (self, value);

    case PF_QUESTION_MULTI_CHOICE:
      return compare_multi_choice (self, value);

    case PF_QUESTION_EVIDENCE:
    default:
      return PF_TRUTH_UNKNOWN;
    }
}

PfTruth
pf_expression_evaluate (PfExpression        *self,
                        PfEvaluationContext *context)
{
  guint n_true = 0, n_unknown = 0;

  g_return_val_if_fail (self != NULL, PF_TRUTH_UNKNOWN);
  g_return_val_if_fail (context != NULL, PF_TRUTH_UNKNOWN);

  switch (self->kind)
    {
    case PF_EXPRESSION_ALL:
      {
        PfTruth result = PF_TRUTH_TRUE;

        for (guint i = 0; i < self->children->len && result != PF_TRUTH_FALSE; i++)
          result = pf_truth_and (result, pf_expression_evaluate (g_ptr_array_index (self->children, i),
                                                                 context));
        return result;
      }

    case PF_EXPRESSION_ANY:
      {
        PfTruth result = PF_TRUTH_FALSE;

        for (guint i = 0; i < self->children->len && result != PF_TRUTH_TRUE; i++)
          result = pf_truth_or (result, pf_expression_evaluate (g_ptr_array_index (self->children, i),
                                                                context));
        return result;
      }

    case PF_EXPRESSION_NOT:
      return pf_truth_not (pf_expression_evaluate (g_ptr_array_index (self->children, 0), context));

    case PF_EXPRESSION_AT_LEAST:
      for (guint i = 0; i < self->children->len && n_true < self->at_least; i++)
        {
          PfTruth child = pf_expression_evaluate (g_ptr_array_index (self->children, i), context);

          n_true += child == PF_TRUTH_TRUE;
          n_unknown += child == PF_TRUTH_UNKNOWN;
        }
      if (n_true >= self->at_least)
        return PF_TRUTH_TRUE;
      if (n_true + n_unknown < self->at_least)
        return PF_TRUTH_FALSE;
      return PF_TRUTH_UNKNOWN;

    case PF_EXPRESSION_COMPARISON:
      return evaluate_comparison (self, context);

    case PF_EXPRESSION_INDICATOR:
      g_return_val_if_fail (self->indicator != NULL, PF_TRUTH_UNKNOWN);
      return context->lookup_indicator (context, self->indicator);

    default:
      g_assert_not_reached ();
    }
}
