/* test-scenarios.c: the built-in criteria pack, checked on scenarios a
 * compliance officer would recognise (tests/data/scenarios/NAME.json).
 *
 * A scenario file holds {"description", "expected": {"outcome", "fired"},
 * "answers": {"q.id": value or "unknown"}, "evidence_links": {"title":
 * ["q.id", ...]}}. "fired" lists exactly the indicators that must be TRUE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "preflight.h"

#include "pf-test-determination.h"

#define BUILTIN_PACK_RESOURCE "/io/github/preflightapp/Preflight/packs/frontier-cyber-draft.pfpack.json"

static const char * const scenarios[] = {
  "autonomous-zero-day-exploit",
  "better-than-previous",
  "critical-mostly-unknown",
  "cybench-expert-tasks",
  "empty",
  "framework-threshold-strong-safeguards",
  "large-compute-no-cyber-evals",
  "novice-uplift",
  "ot-ics-result-pending",
  "ot-ics-success",
  "permissive-defender-variant",
  "persistence-lateral-movement",
  "pre-mitigation-unknown",
  "range-completed-rest-open",
  "safeguards-on-only",
  "small-model-weak-ctf",
  "strong-benchmarks-critical-unknown",
  "successor-to-restricted",
};

static PfCriteriaPack *
load_pack (void)
{
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *pack;

  pack = pf_criteria_pack_new_from_resource (BUILTIN_PACK_RESOURCE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static JsonObject *
load_scenario_file (const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "scenarios", file_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
set_answer (PfAssessment *assessment,
            const char   *question_id,
            JsonNode     *value)
{
  g_autoptr(GError) error = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (value), "unknown") == 0)
    pf_assessment_mark_unknown (assessment, question_id, &error);
  else
    pf_assessment_set_value (assessment, question_id, value, &error);

  g_assert_no_error (error);
}

static void
add_evidence (PfAssessment *assessment,
              const char   *title,
              JsonArray    *question_ids)
{
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  guint n = json_array_get_length (question_ids);

  item->id = g_uuid_string_random ();
  item->title = g_strdup (title);
  item->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
  item->size = strlen (title);
  item->media_type = g_strdup ("application/pdf");
  item->original_name = g_strconcat (title, ".pdf", NULL);
  item->marking = PF_MARKING_CCI;
  item->added = g_strdup ("2026-11-26T09:00:00Z");
  /* pf_evidence_item_new() set an empty vector: free it first. */
  g_strfreev (item->question_ids);
  item->question_ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    item->question_ids[i] = g_strdup (json_array_get_string_element (question_ids, i));

  pf_assessment_put_evidence (assessment, item);
}

/* The scenario's answers and evidence in a new assessment on @pack. */
static PfAssessment *
build_assessment (PfCriteriaPack *pack,
                  JsonObject     *scenario)
{
  PfAssessment *assessment = pf_assessment_new (pack);
  JsonObject *answers = json_object_get_object_member (scenario, "answers");
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (pf_assessment_get_pack (assessment) == NULL)
    {
      g_autoptr(GError) error = NULL;

      pf_assessment_set_pack (assessment, pack, &error);
      g_assert_no_error (error);
    }

  json_object_iter_init (&iter, answers);
  while (json_object_iter_next (&iter, &member, &node))
    set_answer (assessment, member, node);

  if (json_object_has_member (scenario, "evidence_links"))
    {
      json_object_iter_init (&iter, json_object_get_object_member (scenario, "evidence_links"));
      while (json_object_iter_next (&iter, &member, &node))
        add_evidence (assessment, member, json_node_get_array (node));
    }

  return assessment;
}

static PfDetermination *
evaluate_scenario (PfCriteriaPack  *pack,
                   const char      *name,
                   JsonObject     **scenario_out)
{
  g_autoptr(JsonObject) scenario = load_scenario_file (name);
  g_autoptr(PfAssessment) assessment = build_assessment (pack, scenario);
  PfDetermination *determination = pf_determination_new (pack, assessment);

  if (scenario_out != NULL)
    *scenario_out = g_steal_pointer (&scenario);

  return determination;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of the TRUE indicators, sorted and joined with spaces. */
static char *
dup_fired (PfDetermination *determination)
{
  GPtrArray *results = pf_determination_get_indicators (determination);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);

      if (result->state == PF_TRUTH_TRUE)
        g_ptr_array_add (ids, (gpointer) pf_indicator_get_id (result->indicator));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (" ", (char **) ids->pdata);
}

static char *
dup_expected_fired (PfCriteriaPack *pack,
                    JsonObject     *expected)
{
  JsonArray *fired = json_object_get_array_member (expected, "fired");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (fired); i++)
    {
      const char *id = json_array_get_string_element (fired, i);

      /* A misspelt id would otherwise only show up as a puzzling mismatch. */
      g_assert_nonnull (pf_criteria_pack_lookup_indicator (pack, id));
      g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
test_scenario (gconstpointer data)
{
  const char *name = data;
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(JsonObject) scenario = NULL;
  g_autoptr(PfDetermination) determination = evaluate_scenario (pack, name, &scenario);
  JsonObject *expected = json_object_get_object_member (scenario, "expected");
  g_autofree char *fired = dup_fired (determination);
  g_autofree char *expected_fired = dup_expected_fired (pack, expected);

  g_test_message ("%s: %s", name, json_object_get_string_member (scenario, "description"));
  g_assert_cmpstr (pf_outcome_to_string (pf_determination_get_outcome (determination)), ==,
                   json_object_get_string_member (expected, "outcome"));
  g_assert_cmpstr (fired, ==, expected_fired);
}

static gboolean
could_lead_to (const PfOpenQuestion *open,
               PfOutcome             outcome)
{
  for (guint i = 0; i < open->outcomes->len; i++)
    if (g_array_index (open->outcomes, PfOutcome, i) == outcome)
      return TRUE;

  return FALSE;
}

static void
test_open_mitigation_bypass (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfDetermination) determination =
    evaluate_scenario (pack, "strong-benchmarks-critical-unknown", NULL);
  const PfOpenQuestion *open = pf_test_find_open_question (determination, "d.mitigation_bypass");

  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_BORDERLINE);
  g_assert_nonnull (open);
  g_assert_true (pf_question_get_critical (open->question));
  g_assert_true (open->changes_outcome);
  g_assert_true (could_lead_to (open, PF_OUTCOME_LIKELY_COVERED));
  /* The strong Cybench score keeps it borderline if the answer is No. */
  g_assert_false (could_lead_to (open, PF_OUTCOME_LIKELY_NOT_COVERED));
}

static void
test_open_pre_mitigation (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfDetermination) determination =
    evaluate_scenario (pack, "pre-mitigation-unknown", NULL);
  const PfOpenQuestion *open =
    pf_test_find_open_question (determination, "k.pre_mitigation_tested");

  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_BORDERLINE);
  g_assert_nonnull (open);
  g_assert_true (open->changes_outcome);
  g_assert_true (could_lead_to (open, PF_OUTCOME_LIKELY_NOT_COVERED));
  g_assert_false (could_lead_to (open, PF_OUTCOME_LIKELY_COVERED));
}

static void
test_open_ot_ics (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfDetermination) determination =
    evaluate_scenario (pack, "ot-ics-result-pending", NULL);
  const PfOpenQuestion *open = pf_test_find_open_question (determination, "g.ot_ics_success");

  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_BORDERLINE);
  g_assert_nonnull (open);
  g_assert_false (pf_question_get_critical (open->question));
  g_assert_true (open->changes_outcome);
  g_assert_true (could_lead_to (open, PF_OUTCOME_LIKELY_COVERED));
  g_assert_true (could_lead_to (open, PF_OUTCOME_LIKELY_NOT_COVERED));
}

static void
test_open_mostly_unknown (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfDetermination) determination =
    evaluate_scenario (pack, "critical-mostly-unknown", NULL);
  const PfOpenQuestion *range = pf_test_find_open_question (determination, "e.range_end_to_end");
  const PfOpenQuestion *pre_mitigation =
    pf_test_find_open_question (determination, "k.pre_mitigation_tested");

  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_INCOMPLETE);
  g_assert_nonnull (range);
  g_assert_true (range->changes_outcome);
  g_assert_true (could_lead_to (range, PF_OUTCOME_LIKELY_COVERED));
  /* Six critical questions are unknown: one answer alone leaves five, still
   * too many, unless it is a capability that fires on its own. */
  g_assert_nonnull (pre_mitigation);
  g_assert_false (pre_mitigation->changes_outcome);
}

static void
test_open_settled (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfDetermination) determination =
    evaluate_scenario (pack, "small-model-weak-ctf", NULL);
  GPtrArray *open_questions = pf_determination_get_open_questions (determination);

  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_NOT_COVERED);
  for (guint i = 0; i < open_questions->len; i++)
    {
      const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);

      g_assert_false (open->changes_outcome);
    }
}

/* Safeguards reduce misuse; they must never talk a capability finding down.
 * Every likely-covered scenario stays so with the strongest and with the
 * weakest safeguards answers. */
static void
test_safeguards_never_lower (void)
{
  static const struct {
    const char *question_id;
    const char *strongest;
    const char *weakest;
  } overlay[] = {
    { "i.cyber_classifiers", "true", "false" },
    { "i.tiered_access", "true", "false" },
    { "i.account_monitoring", "true", "false" },
    { "i.jailbreak_success_rate", "0", "100" },
  };
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autoptr(JsonObject) scenario = load_scenario_file (scenarios[i]);
      JsonObject *expected = json_object_get_object_member (scenario, "expected");

      if (g_strcmp0 (json_object_get_string_member (expected, "outcome"), "likely-covered") != 0)
        continue;

      for (guint variant = 0; variant < 2; variant++)
        {
          g_autoptr(PfAssessment) assessment = build_assessment (pack, scenario);
          g_autoptr(PfDetermination) determination = NULL;

          for (guint j = 0; j < G_N_ELEMENTS (overlay); j++)
            {
              g_autoptr(JsonNode) value = json_from_string (variant == 0 ? overlay[j].strongest
                                                                          : overlay[j].weakest, NULL);

              set_answer (assessment, overlay[j].question_id, value);
            }

          determination = pf_determination_new (pack, assessment);
          g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                           PF_OUTCOME_LIKELY_COVERED);
        }
      checked++;
    }

  g_assert_cmpuint (checked, >=, 5);
}

typedef struct {
  PfCriteriaPack *pack;
  GHashTable     *question_ids;  /* ids the expression compares */
  gboolean        numeric;       /* compares a number outside section b */
} ReadCollector;

static gboolean
collect_reads (PfExpression *expression,
               gpointer      user_data)
{
  ReadCollector *collector = user_data;
  PfQuestion *question;
  PfQuestionType type;

  if (pf_expression_get_kind (expression) != PF_EXPRESSION_COMPARISON)
    return TRUE;

  question = pf_criteria_pack_lookup_question (collector->pack,
                                               pf_expression_get_question_id (expression));
  g_assert_nonnull (question);
  g_hash_table_add (collector->question_ids, (gpointer) pf_question_get_id (question));

  /* Only the training compute figures (10^25, 10^26 FLOP) are sourced. */
  type = pf_question_get_question_type (question);
  if ((type == PF_QUESTION_NUMBER || type == PF_QUESTION_INTEGER) &&
      pf_expression_get_operator (expression) != PF_OP_ANSWERED &&
      g_strcmp0 (pf_section_get_id (pf_question_get_section (question)), "b") != 0)
    collector->numeric = TRUE;

  return TRUE;
}

static void
assert_sources_exist (PfCriteriaPack     *pack,
                      const char * const *source_ids)
{
  for (guint i = 0; source_ids != NULL && source_ids[i] != NULL; i++)
    g_assert_nonnull (pf_criteria_pack_lookup_source (pack, source_ids[i]));
}

static void
test_pack_questions (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  GPtrArray *questions = pf_criteria_pack_get_questions (pack);
  GPtrArray *sections = pf_criteria_pack_get_sections (pack);
  gboolean seen_type[PF_QUESTION_EVIDENCE + 1] = { FALSE, };
  guint n_critical = 0;

  g_assert_cmpstr (pf_criteria_pack_get_id (pack), ==, PF_BUILTIN_PACK_ID);
  g_assert_cmpint (pf_criteria_pack_get_status (pack), ==, PF_PACK_STATUS_DRAFT);
  g_assert_nonnull (strstr (pf_criteria_pack_get_description (pack), "classified"));
  g_assert_nonnull (strstr (pf_criteria_pack_get_description (pack), "not an official determination"));

  g_assert_cmpuint (sections->len, ==, 11);
  for (guint i = 0; i < sections->len; i++)
    {
      char id[2] = { (char) ('a' + i), '\0' };

      g_assert_cmpstr (pf_section_get_id (g_ptr_array_index (sections, i)), ==, id);
    }

  g_assert_cmpuint (questions->len, >=, 50);
  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      PfQuestionType type = pf_question_get_question_type (question);
      const char *section_id = pf_section_get_id (pf_question_get_section (question));

      g_test_message ("question %s", pf_question_get_id (question));
      seen_type[type] = TRUE;
      g_assert_true (g_str_has_prefix (pf_question_get_id (question), section_id));
      g_assert_cmpuint (strlen (pf_question_get_help (question)), >=, 40);
      assert_sources_exist (pack, pf_question_get_sources (question));

      if (type == PF_QUESTION_NUMBER || type == PF_QUESTION_INTEGER)
        {
          g_assert_true (pf_question_has_min (question));
          g_assert_cmpfloat (pf_question_get_min (question), >=, 0);
          if (g_strcmp0 (pf_question_get_unit (question), "%") == 0)
            {
              g_assert_true (pf_question_has_max (question));
              g_assert_cmpfloat (pf_question_get_max (question), ==, 100);
            }
        }
      if (type == PF_QUESTION_NUMBER)
        g_assert_nonnull (pf_question_get_unit (question));
      if (type == PF_QUESTION_CHOICE || type == PF_QUESTION_MULTI_CHOICE)
        {
          GPtrArray *options = pf_question_get_options (question);

          g_assert_cmpuint (options->len, >=, 2);
          for (guint j = 0; j < options->len; j++)
            {
              const PfOption *option = g_ptr_array_index (options, j);

              g_assert_nonnull (option->label);
              g_assert_cmpuint (strlen (option->label), >, 0);
            }
        }

      if (pf_question_get_critical (question))
        {
          n_critical++;
          /* A critical question must always apply, or its "unknown" could
           * silently vanish from the rule that needs it. */
          g_assert_null (pf_question_get_visible_if (question));
          g_assert_nonnull (strchr ("cdefk", section_id[0]));
        }
    }

  for (guint type = PF_QUESTION_BOOLEAN; type <= PF_QUESTION_EVIDENCE; type++)
    g_assert_true (seen_type[type]);
  g_assert_cmpuint (n_critical, >=, 8);
  g_assert_true (pf_question_get_critical (pf_criteria_pack_lookup_question (pack, "k.pre_mitigation_tested")));
}

static void
test_pack_indicators (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  GPtrArray *indicators = pf_criteria_pack_get_indicators (pack);
  GPtrArray *sources = pf_criteria_pack_get_sources (pack);
  guint n_strong = 0;
  guint n_weak = 0;

  g_assert_cmpuint (sources->len, >=, 10);
  for (guint i = 0; i < sources->len; i++)
    g_assert_true (g_str_has_prefix (((PfSource *) g_ptr_array_index (sources, i))->url, "https://"));

  for (guint i = 0; i < indicators->len; i++)
    {
      PfIndicator *indicator = g_ptr_array_index (indicators, i);
      const char * const *indicator_sources = pf_indicator_get_sources (indicator);
      g_autoptr(GHashTable) reads = g_hash_table_new (g_str_hash, g_str_equal);
      ReadCollector collector = { pack, reads, FALSE };
      GHashTableIter iter;
      gpointer question_id;

      g_test_message ("indicator %s", pf_indicator_get_id (indicator));
      g_assert_nonnull (indicator_sources);
      g_assert_nonnull (indicator_sources[0]);
      assert_sources_exist (pack, indicator_sources);

      pf_expression_foreach (pf_indicator_get_when (indicator), collect_reads, &collector);
      if (collector.numeric)
        {
          g_assert_cmpint (pf_indicator_get_provenance (indicator), ==, PF_PROVENANCE_PLACEHOLDER);
          g_assert_nonnull (strstr (pf_indicator_get_reason (indicator), "placeholder"));
        }

      /* Other domains are recorded only; safeguards may raise a flag (a
       * permissive variant) but no indicator reads the other safeguards. */
      g_hash_table_iter_init (&iter, reads);
      while (g_hash_table_iter_next (&iter, &question_id, NULL))
        {
          g_assert_false (g_str_has_prefix (question_id, "h."));
          if (g_str_has_prefix (question_id, "i."))
            g_assert_cmpstr (question_id, ==, "i.defender_variant");
        }

      if (pf_indicator_get_strength (indicator) == PF_STRENGTH_STRONG)
        n_strong++;
      else
        n_weak++;
    }

  g_assert_cmpuint (n_strong, >=, 5);
  g_assert_cmpuint (n_weak, >=, 5);
  g_assert_cmpint (pf_indicator_get_provenance (pf_criteria_pack_lookup_indicator (pack, "compute-1e25-no-cyber-evals")),
                   ==, PF_PROVENANCE_SOURCED);
  g_assert_cmpint (pf_indicator_get_provenance (pf_criteria_pack_lookup_indicator (pack, "cybench-strong")),
                   ==, PF_PROVENANCE_PLACEHOLDER);
}

static void
test_pack_outcome_rules (void)
{
  static const PfOutcome order[] = {
    PF_OUTCOME_LIKELY_COVERED,
    PF_OUTCOME_INCOMPLETE,
    PF_OUTCOME_BORDERLINE,
    PF_OUTCOME_LIKELY_NOT_COVERED,
    PF_OUTCOME_BORDERLINE,
  };
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  GPtrArray *rules = pf_criteria_pack_get_outcome_rules (pack);
  PfOutcomeRule *last;

  g_assert_cmpuint (rules->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < rules->len; i++)
    g_assert_cmpint (((PfOutcomeRule *) g_ptr_array_index (rules, i))->outcome, ==, order[i]);

  /* The catch-all: {"all": []}. */
  last = g_ptr_array_index (rules, rules->len - 1);
  g_assert_cmpint (pf_expression_get_kind (last->when), ==, PF_EXPRESSION_ALL);
  g_assert_cmpuint (pf_expression_get_n_children (last->when), ==, 0);
}

static void
test_catalog_builtin (void)
{
  g_autoptr(PfPackCatalog) catalog = pf_pack_catalog_new ();
  g_autoptr(PfCriteriaPack) resource_pack = load_pack ();
  g_autoptr(GError) error = NULL;
  /* Unowned: the catalog keeps its packs. */
  PfCriteriaPack *pack = pf_pack_catalog_lookup (catalog, PF_BUILTIN_PACK_ID, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (pf_pack_catalog_is_builtin (catalog, pack));
  g_assert_cmpstr (pf_criteria_pack_get_version (pack), ==, "0.1.0");
  g_assert_cmpstr (pf_criteria_pack_get_sha256 (pack), ==, pf_criteria_pack_get_sha256 (resource_pack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/scenarios/pack/questions", test_pack_questions);
  g_test_add_func ("/core/scenarios/pack/indicators", test_pack_indicators);
  g_test_add_func ("/core/scenarios/pack/outcome-rules", test_pack_outcome_rules);
  g_test_add_func ("/core/scenarios/pack/catalog", test_catalog_builtin);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strconcat ("/core/scenarios/outcome/", scenarios[i], NULL);

      g_test_add_data_func (path, scenarios[i], test_scenario);
    }

  g_test_add_func ("/core/scenarios/open/mitigation-bypass", test_open_mitigation_bypass);
  g_test_add_func ("/core/scenarios/open/pre-mitigation", test_open_pre_mitigation);
  g_test_add_func ("/core/scenarios/open/ot-ics-pending", test_open_ot_ics);
  g_test_add_func ("/core/scenarios/open/mostly-unknown", test_open_mostly_unknown);
  g_test_add_func ("/core/scenarios/open/settled", test_open_settled);
  g_test_add_func ("/core/scenarios/safeguards-never-lower", test_safeguards_never_lower);

  return g_test_run ();
}
