/* test-expression.c: parsing and three-valued evaluation of rule expressions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pf-criteria-pack-private.h"
#include "preflight.h"

static const PfTruth all_truths[] = { PF_TRUTH_FALSE, PF_TRUTH_TRUE, PF_TRUTH_UNKNOWN };
#define F PF_TRUTH_FALSE
#define T PF_TRUTH_TRUE
#define U PF_TRUTH_UNKNOWN

/* An evaluation context with one question and a few indicators whose states
 * the test sets. */
typedef struct {
  PfEvaluationContext  parent;
  PfQuestion          *question;
  PfAnswer            *answer;
  PfTruth              applicable;
  PfIndicator         *indicators[3];
  PfTruth              indicator_states[3];
  guint                n_lookups;
} TestContext;

static PfAnswer *
lookup_answer (PfEvaluationContext *context,
               PfQuestion          *question,
               PfTruth             *applicable)
{
  TestContext *self = (TestContext *) context;

  g_assert_true (question == self->question);
  self->n_lookups++;
  *applicable = self->applicable;
  return self->answer;
}

static PfTruth
lookup_indicator (PfEvaluationContext *context,
                  PfIndicator         *indicator)
{
  TestContext *self = (TestContext *) context;

  self->n_lookups++;
  for (guint i = 0; i < G_N_ELEMENTS (self->indicators); i++)
    if (self->indicators[i] == indicator)
      return self->indicator_states[i];

  g_assert_not_reached ();
}

static void
test_context_init (TestContext *self)
{
  static const char * const ids[] = { "x", "y", "z" };

  memset (self, 0, sizeof *self);
  self->parent.lookup_answer = lookup_answer;
  self->parent.lookup_indicator = lookup_indicator;
  self->applicable = PF_TRUTH_TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PfExpression) when = NULL;
      g_autoptr(JsonNode) node = json_from_string ("{\"all\": []}", NULL);

      when = pf_expression_parse (node, "when", NULL);
      self->indicators[i] = _pf_indicator_new (ids[i], ids[i], "uplift", PF_STRENGTH_WEAK, when,
                                               "reason", NULL, PF_PROVENANCE_PLACEHOLDER);
    }
}

static void
test_context_clear (TestContext *self)
{
  g_clear_object (&self->question);
  g_clear_pointer (&self->answer, pf_answer_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->indicators); i++)
    g_clear_object (&self->indicators[i]);
}

static PfExpression *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  PfExpression *expression;

  g_assert_no_error (error);
  expression = pf_expression_parse (node, "rule", &error);
  g_assert_no_error (error);
  g_assert_nonnull (expression);

  return expression;
}

static gboolean
bind_visit (PfExpression *expression,
            gpointer      user_data)
{
  TestContext *context = user_data;

  if (pf_expression_get_kind (expression) == PF_EXPRESSION_INDICATOR)
    {
      const char *id = pf_expression_get_indicator_id (expression);

      for (guint i = 0; i < G_N_ELEMENTS (context->indicators); i++)
        if (g_str_equal (pf_indicator_get_id (context->indicators[i]), id))
          pf_expression_bind_indicator (expression, context->indicators[i]);
    }
  else if (pf_expression_get_kind (expression) == PF_EXPRESSION_COMPARISON)
    {
      pf_expression_bind_question (expression, context->question);
    }

  return TRUE;
}

static PfExpression *
parse_bound (TestContext *context,
             const char  *json)
{
  PfExpression *expression = parse (json);

  pf_expression_foreach (expression, bind_visit, context);
  return expression;
}

static PfTruth
evaluate_logic (const char *json,
                PfTruth     x,
                PfTruth     y,
                PfTruth     z)
{
  TestContext context;
  g_autoptr(PfExpression) expression = NULL;
  PfTruth result;

  test_context_init (&context);
  context.indicator_states[0] = x;
  context.indicator_states[1] = y;
  context.indicator_states[2] = z;
  expression = parse_bound (&context, json);
  result = pf_expression_evaluate (expression, &context.parent);
  test_context_clear (&context);

  return result;
}

static void
test_truth_functions (void)
{
  static const PfTruth and_table[3][3] = { { F, F, F }, { F, T, U }, { F, U, U } };
  static const PfTruth or_table[3][3] = { { F, T, U }, { T, T, T }, { U, T, U } };

  for (guint a = 0; a < 3; a++)
    for (guint b = 0; b < 3; b++)
      {
        g_assert_cmpint (pf_truth_and (all_truths[a], all_truths[b]), ==, and_table[a][b]);
        g_assert_cmpint (pf_truth_or (all_truths[a], all_truths[b]), ==, or_table[a][b]);
      }

  g_assert_cmpint (pf_truth_not (T), ==, F);
  g_assert_cmpint (pf_truth_not (F), ==, T);
  g_assert_cmpint (pf_truth_not (U), ==, U);
  g_assert_cmpstr (pf_truth_to_string (U), ==, "unknown");
}

static void
test_all_any_not (void)
{
  /* Rows and columns in the order of all_truths: false, true, unknown. */
  static const PfTruth all_table[3][3] = { { F, F, F }, { F, T, U }, { F, U, U } };
  static const PfTruth any_table[3][3] = { { F, T, U }, { T, T, T }, { U, T, U } };
  static const PfTruth not_table[3] = { T, F, U };

  for (guint a = 0; a < 3; a++)
    {
      g_assert_cmpint (evaluate_logic ("{\"not\": {\"indicator\": \"x\"}}", all_truths[a], F, F),
                       ==, not_table[a]);

      for (guint b = 0; b < 3; b++)
        {
          g_assert_cmpint (evaluate_logic ("{\"all\": [{\"indicator\": \"x\"}, {\"indicator\": \"y\"}]}",
                                           all_truths[a], all_truths[b], F),
                           ==, all_table[a][b]);
          g_assert_cmpint (evaluate_logic ("{\"any\": [{\"indicator\": \"x\"}, {\"indicator\": \"y\"}]}",
                                           all_truths[a], all_truths[b], F),
                           ==, any_table[a][b]);
        }
    }

  g_assert_cmpint (evaluate_logic ("{\"all\": []}", F, F, F), ==, T);
  g_assert_cmpint (evaluate_logic ("{\"any\": []}", T, T, T), ==, F);
  g_assert_cmpint (evaluate_logic ("{\"not\": {\"not\": {\"indicator\": \"z\"}}}", F, F, U), ==, U);
}

static void
test_at_least (void)
{
  const char *json[] = {
    "{\"at_least\": 0, \"of\": [{\"indicator\": \"x\"}, {\"indicator\": \"y\"}, {\"indicator\": \"z\"}]}",
    "{\"at_least\": 1, \"of\": [{\"indicator\": \"x\"}, {\"indicator\": \"y\"}, {\"indicator\": \"z\"}]}",
    "{\"at_least\": 2, \"of\": [{\"indicator\": \"x\"}, {\"indicator\": \"y\"}, {\"indicator\": \"z\"}]}",
    "{\"at_least\": 3, \"of\": [{\"indicator\": \"x\"}, {\"indicator\": \"y\"}, {\"indicator\": \"z\"}]}",
  };

  /* Every combination of three children against every count. */
  for (guint n = 0; n < G_N_ELEMENTS (json); n++)
    for (guint a = 0; a < 3; a++)
      for (guint b = 0; b < 3; b++)
        for (guint c = 0; c < 3; c++)
          {
            PfTruth states[] = { all_truths[a], all_truths[b], all_truths[c] };
            guint n_true = 0, n_unknown = 0;
            PfTruth expected;

            for (guint i = 0; i < 3; i++)
              {
                n_true += states[i] == T;
                n_unknown += states[i] == U;
              }
            expected = n_true >= n ? T : n_true + n_unknown < n ? F : U;

            g_assert_cmpint (evaluate_logic (json[n], states[0], states[1], states[2]), ==, expected);
          }

  /* Edge cases written out. */
  g_assert_cmpint (evaluate_logic ("{\"at_least\": 0, \"of\": []}", F, F, F), ==, T);
  g_assert_cmpint (evaluate_logic (json[2], T, U, F), ==, U);
  g_assert_cmpint (evaluate_logic (json[2], T, T, U), ==, T);
  g_assert_cmpint (evaluate_logic (json[2], F, F, U), ==, F);
  g_assert_cmpint (evaluate_logic (json[3], T, T, U), ==, U);
  g_assert_cmpint (evaluate_logic (json[3], T, T, F), ==, F);
  g_assert_cmpint (evaluate_logic (json[1], U, U, U), ==, U);
}

/* Comparisons */

typedef struct {
  const char    *rule;
  const char    *answer;  /* JSON, NULL for no value */
  PfAnswerState  state;
  PfTruth        expected;
} ComparisonCase;

static PfQuestion *
make_question (PfQuestionType type)
{
  PfQuestion *question = _pf_question_new ("q", type, "Prompt?", NULL);

  if (type == PF_QUESTION_CHOICE || type == PF_QUESTION_MULTI_CHOICE)
    {
      _pf_question_add_option (question, "api", "API");
      _pf_question_add_option (question, "weights", "Weights");
      _pf_question_add_option (question, "none", "None");
    }

  return question;
}

static PfTruth
evaluate_comparison (PfQuestionType  type,
                     const char     *rule,
                     const char     *answer_json,
                     PfAnswerState   state,
                     PfTruth         applicable)
{
  TestContext context;
  g_autoptr(PfExpression) expression = NULL;
  g_autoptr(JsonNode) value = NULL;
  PfTruth result;

  test_context_init (&context);
  context.question = make_question (type);
  context.applicable = applicable;
  if (answer_json != NULL)
    value = json_from_string (answer_json, NULL);
  if (answer_json != NULL || state != PF_ANSWER_STATE_ANSWERED)
    context.answer = pf_answer_new (value, state, FALSE, NULL, "2026-01-01T00:00:00Z");

  expression = parse_bound (&context, rule);
  result = pf_expression_evaluate (expression, &context.parent);
  g_assert_cmpuint (context.n_lookups, ==, 1);
  test_context_clear (&context);

  return result;
}

static void
run_cases (PfQuestionType        type,
           const ComparisonCase *cases,
           gsize                 n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      PfTruth result = evaluate_comparison (type, cases[i].rule, cases[i].answer,
                                            cases[i].state, PF_TRUTH_TRUE);

      if (result != cases[i].expected)
        g_error ("%s with answer %s: got %s, expected %s", cases[i].rule,
                 cases[i].answer != NULL ? cases[i].answer : "(none)",
                 pf_truth_to_string (result), pf_truth_to_string (cases[i].expected));

      /* Whatever the answer, a question that does not apply makes the
       * comparison false, and one whose applicability is unknown, unknown. */
      g_assert_cmpint (evaluate_comparison (type, cases[i].rule, cases[i].answer,
                                            cases[i].state, PF_TRUTH_FALSE), ==, F);
      g_assert_cmpint (evaluate_comparison (type, cases[i].rule, cases[i].answer,
                                            cases[i].state, PF_TRUTH_UNKNOWN), ==, U);
    }
}

#define A PF_ANSWER_STATE_ANSWERED

/* Cases every type shares: @rule is unknown while there is no answer;
 * "answered" is never unknown. */
static void
run_common_cases (PfQuestionType  type,
                  const char     *rule,
                  const char     *answer)
{
  const ComparisonCase unanswered[] = {
    { rule, NULL, A, U },
    { rule, NULL, PF_ANSWER_STATE_UNKNOWN, U },
    { rule, NULL, PF_ANSWER_STATE_SKIPPED, U },
    /* A stale value kept with an "unknown" state does not count. */
    { rule, answer, PF_ANSWER_STATE_UNKNOWN, U },
  };
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"answered\"}", answer, A, T },
    { "{\"answer\": \"q\", \"op\": \"answered\"}", NULL, A, F },
    { "{\"answer\": \"q\", \"op\": \"answered\"}", NULL, PF_ANSWER_STATE_UNKNOWN, F },
    { "{\"answer\": \"q\", \"op\": \"answered\"}", answer, PF_ANSWER_STATE_SKIPPED, F },
  };

  if (rule != NULL)
    run_cases (type, unanswered, G_N_ELEMENTS (unanswered));
  run_cases (type, cases, G_N_ELEMENTS (cases));
}

static void
test_boolean (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": true}", "true", A, T },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": true}", "false", A, F },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": false}", "false", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": true}", "false", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": true}", "true", A, F },
  };

  run_cases (PF_QUESTION_BOOLEAN, cases, G_N_ELEMENTS (cases));
  run_common_cases (PF_QUESTION_BOOLEAN, cases[0].rule, "true");
}

static void
test_number (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": 50}", "50.0", A, T },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": 50}", "50.5", A, F },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": 50}", "49.9", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": 50}", "50", A, F },
    { "{\"answer\": \"q\", \"op\": \"<\", \"value\": 50}", "49.9", A, T },
    { "{\"answer\": \"q\", \"op\": \"<\", \"value\": 50}", "50", A, F },
    { "{\"answer\": \"q\", \"op\": \"<=\", \"value\": 50}", "50", A, T },
    { "{\"answer\": \"q\", \"op\": \"<=\", \"value\": 50}", "50.1", A, F },
    { "{\"answer\": \"q\", \"op\": \">\", \"value\": 50}", "50.1", A, T },
    { "{\"answer\": \"q\", \"op\": \">\", \"value\": 50}", "50", A, F },
    { "{\"answer\": \"q\", \"op\": \">=\", \"value\": 50.5}", "50.5", A, T },
    { "{\"answer\": \"q\", \"op\": \">=\", \"value\": 50.5}", "50", A, F },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [1, 2.5, 3]}", "2.5", A, T },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [1, 2.5, 3]}", "2", A, F },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": []}", "2", A, F },
  };

  run_cases (PF_QUESTION_NUMBER, cases, G_N_ELEMENTS (cases));
  run_common_cases (PF_QUESTION_NUMBER, cases[0].rule, "50");
}

static void
test_integer (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": 3}", "3", A, T },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": 3}", "4", A, F },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": 3}", "4", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": 3}", "3", A, F },
    { "{\"answer\": \"q\", \"op\": \"<\", \"value\": 3}", "2", A, T },
    { "{\"answer\": \"q\", \"op\": \"<\", \"value\": 3}", "3", A, F },
    { "{\"answer\": \"q\", \"op\": \"<=\", \"value\": 3}", "3", A, T },
    { "{\"answer\": \"q\", \"op\": \"<=\", \"value\": 3}", "4", A, F },
    { "{\"answer\": \"q\", \"op\": \">\", \"value\": 0}", "1", A, T },
    { "{\"answer\": \"q\", \"op\": \">\", \"value\": 0}", "0", A, F },
    { "{\"answer\": \"q\", \"op\": \">=\", \"value\": 2.5}", "3", A, T },
    { "{\"answer\": \"q\", \"op\": \">=\", \"value\": 2.5}", "2", A, F },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [1, 3]}", "3", A, T },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [1, 3]}", "2", A, F },
  };

  run_cases (PF_QUESTION_INTEGER, cases, G_N_ELEMENTS (cases));
  run_common_cases (PF_QUESTION_INTEGER, cases[0].rule, "3");
}

static void
test_choice (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": \"api\"}", "\"api\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": \"api\"}", "\"weights\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": \"api\"}", "\"none\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": \"api\"}", "\"api\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [\"api\", \"weights\"]}", "\"weights\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [\"api\", \"weights\"]}", "\"none\"", A, F },
  };

  run_cases (PF_QUESTION_CHOICE, cases, G_N_ELEMENTS (cases));
  run_common_cases (PF_QUESTION_CHOICE, cases[0].rule, "\"api\"");
}

static void
test_multi_choice (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"api\"}", "[\"weights\", \"api\"]", A, T },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"api\"}", "[\"weights\"]", A, F },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"api\"}", "[]", A, F },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [\"api\", \"none\"]}", "[\"weights\", \"none\"]", A, T },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [\"api\", \"none\"]}", "[\"weights\"]", A, F },
    { "{\"answer\": \"q\", \"op\": \"in\", \"value\": [\"api\", \"none\"]}", "[]", A, F },
  };

  run_cases (PF_QUESTION_MULTI_CHOICE, cases, G_N_ELEMENTS (cases));
  /* An empty selection is an answer: "none of these". */
  run_common_cases (PF_QUESTION_MULTI_CHOICE, cases[0].rule, "[]");
}

static void
test_text (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": \"Falcon\"}", "\"Falcon\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": \"Falcon\"}", "\"falcon\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": \"Falcon\"}", "\"Hawk\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": \"Falcon\"}", "\"Falcon\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"LCO\"}", "\"Falcon 2\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"ÉTÉ\"}", "\"un été\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"\"}", "\"\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"hawk\"}", "\"Falcon\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"contains\", \"value\": \"cons\"}", "\"Falco\"", A, F },
  };

  run_cases (PF_QUESTION_TEXT, cases, G_N_ELEMENTS (cases));
  run_common_cases (PF_QUESTION_TEXT, cases[0].rule, "\"Falcon\"");
}

static void
test_date (void)
{
  const ComparisonCase cases[] = {
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": \"2026-03-01\"}", "\"2026-03-01\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"==\", \"value\": \"2026-03-01\"}", "\"2026-03-02\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": \"2026-03-01\"}", "\"2025-03-01\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"!=\", \"value\": \"2026-03-01\"}", "\"2026-03-01\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"<\", \"value\": \"2026-03-01\"}", "\"2026-02-28\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"<\", \"value\": \"2026-03-01\"}", "\"2026-03-01\"", A, F },
    { "{\"answer\": \"q\", \"op\": \"<=\", \"value\": \"2026-03-01\"}", "\"2026-03-01\"", A, T },
    { "{\"answer\": \"q\", \"op\": \"<=\", \"value\": \"2026-03-01\"}", "\"2027-01-01\"", A, F },
    { "{\"answer\": \"q\", \"op\": \">\", \"value\": \"2026-03-01\"}", "\"2026-12-01\"", A, T },
    { "{\"answer\": \"q\", \"op\": \">\", \"value\": \"2026-03-01\"}", "\"2026-03-01\"", A, F },
    { "{\"answer\": \"q\", \"op\": \">=\", \"value\": \"2026-03-01\"}", "\"2026-03-01\"", A, T },
    { "{\"answer\": \"q\", \"op\": \">=\", \"value\": \"2026-03-01\"}", "\"1999-12-31\"", A, F },
  };

  run_cases (PF_QUESTION_DATE, cases, G_N_ELEMENTS (cases));
  run_common_cases (PF_QUESTION_DATE, cases[0].rule, "\"2026-03-01\"");
}

static void
test_evidence (void)
{
  run_common_cases (PF_QUESTION_EVIDENCE, NULL, "[\"6f1c2a4e-0000-4000-8000-000000000001\"]");
}

/* Parsing */

static void
test_accessors (void)
{
  g_autoptr(PfExpression) expression = NULL;
  PfExpression *comparison;

  expression = parse ("{\"at_least\": 1, \"of\": [{\"answer\": \"a.b\", \"op\": \">=\", \"value\": 5},"
                      " {\"not\": {\"indicator\": \"ind\"}}]}");

  g_assert_cmpint (pf_expression_get_kind (expression), ==, PF_EXPRESSION_AT_LEAST);
  g_assert_cmpstr (pf_expression_get_path (expression), ==, "rule");
  g_assert_cmpuint (pf_expression_get_at_least (expression), ==, 1);
  g_assert_cmpuint (pf_expression_get_n_children (expression), ==, 2);

  comparison = pf_expression_get_child (expression, 0);
  g_assert_cmpint (pf_expression_get_kind (comparison), ==, PF_EXPRESSION_COMPARISON);
  g_assert_cmpstr (pf_expression_get_path (comparison), ==, "rule.of[0]");
  g_assert_cmpstr (pf_expression_get_question_id (comparison), ==, "a.b");
  g_assert_cmpint (pf_expression_get_operator (comparison), ==, PF_OP_GE);
  g_assert_cmpint (json_node_get_int (pf_expression_get_value (comparison)), ==, 5);
  g_assert_null (pf_expression_get_question (comparison));

  g_assert_cmpstr (pf_expression_get_path (pf_expression_get_child (pf_expression_get_child (expression, 1), 0)),
                   ==, "rule.of[1].not");
  g_assert_cmpstr (pf_expression_get_indicator_id (pf_expression_get_child (pf_expression_get_child (expression, 1), 0)),
                   ==, "ind");
}

static gboolean
collect_until_not (PfExpression *expression,
                   gpointer      user_data)
{
  g_ptr_array_add (user_data, expression);
  return pf_expression_get_kind (expression) != PF_EXPRESSION_NOT;
}

static void
test_foreach (void)
{
  g_autoptr(PfExpression) expression = NULL;
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();

  expression = parse ("{\"all\": [{\"any\": [{\"indicator\": \"a\"}]}, {\"not\": {\"indicator\": \"b\"}},"
                      " {\"indicator\": \"c\"}]}");
  pf_expression_foreach (expression, collect_until_not, visited);

  /* Pre-order, and nothing after the visit that returned FALSE. */
  g_assert_cmpuint (visited->len, ==, 4);
  g_assert_true (g_ptr_array_index (visited, 0) == expression);
  g_assert_cmpint (pf_expression_get_kind (g_ptr_array_index (visited, 1)), ==, PF_EXPRESSION_ANY);
  g_assert_cmpstr (pf_expression_get_indicator_id (g_ptr_array_index (visited, 2)), ==, "a");
  g_assert_cmpint (pf_expression_get_kind (g_ptr_array_index (visited, 3)), ==, PF_EXPRESSION_NOT);
}

static void
test_operators (void)
{
  static const char * const names[] = { "==", "!=", "<", "<=", ">", ">=", "in", "contains", "answered" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PfOperator op;

      g_assert_true (pf_operator_from_string (names[i], &op));
      g_assert_cmpint (op, ==, i);
      g_assert_cmpstr (pf_operator_to_string (op), ==, names[i]);
    }

  g_assert_false (pf_operator_from_string ("=", &(PfOperator) { 0 }));
  g_assert_false (pf_operator_from_string (NULL, &(PfOperator) { 0 }));
}

static void
test_parse_errors (void)
{
  const struct {
    const char *json;
    int         code;
    const char *path;
  } cases[] = {
    { "[1]", PF_PACK_ERROR_MALFORMED, "rule: " },
    { "{}", PF_PACK_ERROR_UNKNOWN_OPERATOR, "rule: " },
    { "{\"every\": []}", PF_PACK_ERROR_UNKNOWN_OPERATOR, "rule: " },
    { "{\"all\": [], \"any\": []}", PF_PACK_ERROR_MALFORMED, "rule: " },
    { "{\"all\": [], \"extra\": 1}", PF_PACK_ERROR_UNKNOWN_OPERATOR, "rule: " },
    { "{\"all\": {}}", PF_PACK_ERROR_MALFORMED, "rule.all: " },
    { "{\"any\": [{\"all\": []}, 3]}", PF_PACK_ERROR_MALFORMED, "rule.any[1]: " },
    { "{\"not\": []}", PF_PACK_ERROR_MALFORMED, "rule.not: " },
    { "{\"at_least\": 2, \"of\": [{\"all\": []}]}", PF_PACK_ERROR_INVALID_VALUE, "rule.at_least: " },
    { "{\"at_least\": -1, \"of\": []}", PF_PACK_ERROR_MALFORMED, "rule.at_least: " },
    { "{\"at_least\": 1.5, \"of\": [{\"all\": []}, {\"all\": []}]}", PF_PACK_ERROR_MALFORMED, "rule.at_least: " },
    { "{\"at_least\": 1}", PF_PACK_ERROR_MISSING_FIELD, "rule.of: " },
    { "{\"answer\": \"q\", \"op\": \"~=\", \"value\": 1}", PF_PACK_ERROR_UNKNOWN_OPERATOR, "rule.op: " },
    { "{\"answer\": \"q\", \"op\": 3, \"value\": 1}", PF_PACK_ERROR_UNKNOWN_OPERATOR, "rule.op: " },
    { "{\"answer\": \"q\", \"value\": 1}", PF_PACK_ERROR_MISSING_FIELD, "rule.op: " },
    { "{\"answer\": \"q\", \"op\": \"==\"}", PF_PACK_ERROR_MISSING_FIELD, "rule.value: " },
    { "{\"answer\": \"q\", \"op\": \"answered\", \"value\": true}", PF_PACK_ERROR_OPERATOR_MISMATCH, "rule.value: " },
    { "{\"answer\": \"q\", \"op\": \"==\", \"vaule\": 1}", PF_PACK_ERROR_UNKNOWN_OPERATOR, "rule: " },
    { "{\"answer\": \"\", \"op\": \"answered\"}", PF_PACK_ERROR_MALFORMED, "rule.answer: " },
    { "{\"indicator\": 7}", PF_PACK_ERROR_MALFORMED, "rule.indicator: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfExpression) expression = pf_expression_parse (node, "rule", &error);

      g_test_message ("%s: %s", cases[i].json, error != NULL ? error->message : "(no error)");
      g_assert_null (expression);
      g_assert_error (error, PF_PACK_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].path));
      /* Every message says what to do, or at least what is expected. */
      g_assert_cmpuint (strlen (error->message), >, strlen (cases[i].path) + 10);
    }
}

static void
test_parse_too_deep (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfExpression) expression = NULL;

  for (guint i = 0; i < PF_PACK_MAX_DEPTH + 1; i++)
    g_string_append (json, "{\"not\": ");
  g_string_append (json, "{\"all\": []}");
  for (guint i = 0; i < PF_PACK_MAX_DEPTH + 1; i++)
    g_string_append (json, "}");

  node = json_from_string (json->str, NULL);
  expression = pf_expression_parse (node, "rule", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_null (expression);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/expression/truth-functions", test_truth_functions);
  g_test_add_func ("/core/expression/all-any-not", test_all_any_not);
  g_test_add_func ("/core/expression/at-least", test_at_least);
  g_test_add_func ("/core/expression/boolean", test_boolean);
  g_test_add_func ("/core/expression/number", test_number);
  g_test_add_func ("/core/expression/integer", test_integer);
  g_test_add_func ("/core/expression/choice", test_choice);
  g_test_add_func ("/core/expression/multi-choice", test_multi_choice);
  g_test_add_func ("/core/expression/text", test_text);
  g_test_add_func ("/core/expression/date", test_date);
  g_test_add_func ("/core/expression/evidence", test_evidence);
  g_test_add_func ("/core/expression/accessors", test_accessors);
  g_test_add_func ("/core/expression/foreach", test_foreach);
  g_test_add_func ("/core/expression/operators", test_operators);
  g_test_add_func ("/core/expression/parse-errors", test_parse_errors);
  g_test_add_func ("/core/expression/parse-too-deep", test_parse_too_deep);

  return g_test_run ();
}
