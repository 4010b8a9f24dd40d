/* bench-determination.c: pack load time and the latency of re-evaluating the
 * determination after one answer changes, on the built-in pack and on a
 * generated pack of 5,000 questions and 1,000 indicators (DESIGN.md §8).
 *
 * Prints "KEY VALUE" lines that bench/run reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-determination"

#include "config.h"

#include <stdio.h>

#include "bench-stats.h"
#include "preflight.h"

#define BUILTIN_PACK_RESOURCE "/io/github/preflightapp/Preflight/packs/" PF_BUILTIN_PACK_ID ".pfpack.json"
#define N_SECTIONS 50
#define QUESTIONS_PER_SECTION 100
#define N_QUESTIONS (N_SECTIONS * QUESTIONS_PER_SECTION)
#define N_INDICATORS 1000
#define READS_PER_INDICATOR 5

/* Question i of the generated pack cycles through four types; every tenth is
 * critical; every twentieth number question shows only when the boolean
 * before it is true, so applicability is exercised too. */
static PfQuestionType
generated_type (guint i)
{
  static const PfQuestionType types[] = {
    PF_QUESTION_BOOLEAN, PF_QUESTION_NUMBER, PF_QUESTION_CHOICE, PF_QUESTION_INTEGER,
  };

  return types[i % G_N_ELEMENTS (types)];
}

static void
append_comparison (GString *json,
                   guint    i)
{
  switch (generated_type (i))
    {
    case PF_QUESTION_BOOLEAN:
      g_string_append_printf (json, "{\"answer\": \"q%u\", \"op\": \"==\", \"value\": true}", i);
      break;
    case PF_QUESTION_NUMBER:
      g_string_append_printf (json, "{\"answer\": \"q%u\", \"op\": \">\", \"value\": 50}", i);
      break;
    case PF_QUESTION_CHOICE:
      g_string_append_printf (json, "{\"answer\": \"q%u\", \"op\": \"in\", \"value\": [\"medium\", \"high\"]}", i);
      break;
    case PF_QUESTION_INTEGER:
    default:
      g_string_append_printf (json, "{\"answer\": \"q%u\", \"op\": \">=\", \"value\": 3}", i);
      break;
    }
}

static void
append_indicator_refs (GString  *json,
                       gboolean  strong)
{
  gboolean first = TRUE;

  for (guint j = 0; j < N_INDICATORS; j++)
    {
      if ((j % 10 == 0) != strong)
        continue;
      g_string_append_printf (json, "%s{\"indicator\": \"i%u\"}", first ? "" : ", ", j);
      first = FALSE;
    }
}

static GBytes *
generate_pack (void)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{\"format\": \"" PF_PACK_FORMAT "\", \"id\": \"bench-generated\", "
                   "\"version\": \"1.0.0\", \"status\": \"draft\", \"published\": \"2026-01-01\", "
                   "\"title\": \"Generated benchmark pack\", \"description\": \"5,000 questions\", "
                   "\"sections\": [");
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_string_append_printf (json, "%s{\"id\": \"s%u\", \"title\": \"Section %u\", \"questions\": [",
                              s ? ", " : "", s, s);
      for (guint k = 0; k < QUESTIONS_PER_SECTION; k++)
        {
          guint i = s * QUESTIONS_PER_SECTION + k;

          g_string_append_printf (json, "%s{\"id\": \"q%u\", \"prompt\": \"Question %u?\", \"type\": \"%s\"",
                                  k ? ", " : "", i, i,
                                  pf_question_type_to_string (generated_type (i)));
          if (generated_type (i) == PF_QUESTION_NUMBER)
            g_string_append (json, ", \"min\": 0, \"max\": 100");
          if (generated_type (i) == PF_QUESTION_CHOICE)
            g_string_append (json, ", \"options\": [{\"id\": \"low\", \"label\": \"Low\"}, "
                                   "{\"id\": \"medium\", \"label\": \"Medium\"}, "
                                   "{\"id\": \"high\", \"label\": \"High\"}]");
          if (i % 10 == 0)
            g_string_append (json, ", \"critical\": true");
          if (i % 20 == 1)
            g_string_append_printf (json, ", \"visible_if\": {\"answer\": \"q%u\", \"op\": \"==\", "
                                          "\"value\": true}", i - 1);
          g_string_append (json, "}");
        }
      g_string_append (json, "]}");
    }

  /* Each indicator reads five questions spread over the pack; every
   * fiftieth also builds on the previous indicator. */
  g_string_append (json, "], \"indicators\": [");
  for (guint j = 0; j < N_INDICATORS; j++)
    {
      g_string_append_printf (json, "%s{\"id\": \"i%u\", \"title\": \"Indicator %u\", "
                              "\"domain\": \"d%u\", \"strength\": \"%s\", \"reason\": \"Generated\", "
                              "\"provenance\": \"placeholder\", \"when\": {\"any\": [",
                              j ? ", " : "", j, j, j % 7, j % 10 == 0 ? "strong" : "weak");
      if (j % 50 == 49)
        g_string_append_printf (json, "{\"indicator\": \"i%u\"}, ", j - 1);
      g_string_append (json, "{\"at_least\": 3, \"of\": [");
      for (guint r = 0; r < READS_PER_INDICATOR; r++)
        {
          if (r > 0)
            g_string_append (json, ", ");
          append_comparison (json, (j * 4999 + r * 1013) % N_QUESTIONS);
        }
      g_string_append (json, "]}]}}");
    }

  /* The built-in pack's rule shape (FORMATS.md), at this scale. */
  g_string_append (json, "], \"outcomes\": [{\"outcome\": \"likely-covered\", \"when\": {\"any\": [");
  append_indicator_refs (json, TRUE);
  g_string_append_printf (json, "]}}, {\"outcome\": \"incomplete\", \"when\": {\"at_least\": %u, \"of\": [",
                          N_QUESTIONS / 10 / 2);
  for (guint i = 0; i < N_QUESTIONS; i += 10)
    g_string_append_printf (json, "%s{\"not\": {\"answer\": \"q%u\", \"op\": \"answered\"}}", i ? ", " : "", i);
  g_string_append (json, "]}}, {\"outcome\": \"borderline\", \"when\": {\"any\": [");
  append_indicator_refs (json, FALSE);
  g_string_append (json, "]}}, {\"outcome\": \"likely-not-covered\", \"when\": {\"all\": [");
  for (guint i = 0; i < N_QUESTIONS; i += 10)
    g_string_append_printf (json, "%s{\"answer\": \"q%u\", \"op\": \"answered\"}", i ? ", " : "", i);
  g_string_append (json, "]}}, {\"outcome\": \"borderline\", \"when\": {\"all\": []}}]}");

  return g_string_free_to_bytes (json);
}

/* A valid value for question number @i of type @type, varied so that
 * indicators come out both ways. */
static JsonNode *
make_value (PfQuestion *question,
            guint       i)
{
  JsonNode *node = json_node_alloc ();
  GPtrArray *options = pf_question_get_options (question);
  double low = pf_question_has_min (question) ? pf_question_get_min (question) : 0;
  double high = pf_question_has_max (question) ? pf_question_get_max (question) : 100;

  switch (pf_question_get_question_type (question))
    {
    case PF_QUESTION_BOOLEAN:
      return json_node_init_boolean (node, i % 3 != 0);
    case PF_QUESTION_NUMBER:
      return json_node_init_double (node, low + (i % 10) * (high - low) / 9);
    case PF_QUESTION_INTEGER:
      return json_node_init_int (node, (gint64) (low + i % (guint) MAX (1, high - low + 1)));
    case PF_QUESTION_CHOICE:
      return json_node_init_string (node, ((PfOption *) g_ptr_array_index (options, i % options->len))->id);
    case PF_QUESTION_MULTI_CHOICE:
      {
        JsonArray *array = json_array_new ();

        json_array_add_string_element (array, ((PfOption *) g_ptr_array_index (options, i % options->len))->id);
        return json_node_init_array (node, array);
      }
    case PF_QUESTION_TEXT:
      return json_node_init_string (node, "An answer typed for the benchmark.");
    case PF_QUESTION_DATE:
      return json_node_init_string (node, "2026-06-01");
    case PF_QUESTION_EVIDENCE:
    default:
      json_node_free (node);
      return NULL;
    }
}

/* Answers every question that takes a value; returns the first boolean
 * question that some indicator reads (the one the benchmark flips). */
static PfQuestion *
answer_everything (PfCriteriaPack *pack,
                   PfAssessment   *assessment)
{
  GPtrArray *questions = pf_criteria_pack_get_questions (pack);
  PfQuestion *flip = NULL;

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(JsonNode) value = make_value (question, i);
      GPtrArray *readers;
      g_autoptr(GError) error = NULL;

      if (value == NULL)
        continue;
      if (!pf_assessment_set_value (assessment, pf_question_get_id (question), value, &error))
        g_error ("%s", error->message);

      readers = pf_criteria_pack_get_indicators_for_question (pack, question);
      if (flip == NULL && pf_question_get_question_type (question) == PF_QUESTION_BOOLEAN &&
          readers->len > 0)
        flip = question;
    }

  if (flip == NULL)
    g_error ("%s: no boolean question read by an indicator", pf_criteria_pack_get_id (pack));

  return flip;
}

static void
bench_pack (const char *key,
            GBytes     *bytes,
            guint       loads,
            guint       changes)
{
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) eval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autofree char *load_key = g_strdup_printf ("pack-load-%s", key);
  g_autofree char *eval_key = g_strdup_printf ("determination-%s", key);
  PfQuestion *flip;

  for (guint n = 0; n < loads; n++)
    {
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms ();
      double elapsed;

      g_clear_object (&pack);
      pack = pf_criteria_pack_new_from_bytes (bytes, key, &error);
      elapsed = bench_now_ms () - start;
      if (pack == NULL)
        g_error ("%s", error->message);
      g_array_append_val (load_ms, elapsed);
    }

  assessment = pf_assessment_new (pack);
  flip = answer_everything (pack, assessment);
  printf ("questions-%s %u\nindicators-%s %u\n",
          key, pf_criteria_pack_get_questions (pack)->len,
          key, pf_criteria_pack_get_indicators (pack)->len);

  /* Opening the assessment evaluates it once, which also compiles the
   * pack's rules (once per pack): not part of the cost of an answer. */
  g_object_unref (pf_determination_new (pack, assessment));

  /* What PfSession does after each answer: store it, then evaluate anew. */
  for (guint n = 0; n < changes; n++)
    {
      g_autoptr(JsonNode) value = json_node_init_boolean (json_node_alloc (), n % 2);
      g_autoptr(PfDetermination) determination = NULL;
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms ();
      double elapsed;

      if (!pf_assessment_set_value (assessment, pf_question_get_id (flip), value, &error))
        g_error ("%s", error->message);
      determination = pf_determination_new (pack, assessment);
      pf_determination_get_outcome (determination);
      elapsed = bench_now_ms () - start;
      g_array_append_val (eval_ms, elapsed);
    }

  bench_print_dist (load_key, load_ms);
  bench_print_dist (eval_key, eval_ms);
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = FALSE;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Fewer runs", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- determination latency");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) builtin = NULL;
  g_autoptr(GBytes) generated = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  builtin = g_resources_lookup_data (BUILTIN_PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (builtin == NULL)
    g_error ("%s", error->message);
  generated = generate_pack ();

  bench_pack ("builtin", builtin, quick ? 5 : 50, quick ? 200 : 2000);
  bench_pack ("generated", generated, quick ? 2 : 5, quick ? 30 : 200);

  return 0;
}
