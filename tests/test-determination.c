/* test-determination.c: outcome rules, indicators, open questions, progress
 * and determination.json, on small fixture packs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "preflight.h"

#include "pf-test-determination.h"

static PfCriteriaPack *
load_pack (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "determination", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *pack;

  pack = pf_criteria_pack_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static void
set_answer (PfAssessment *assessment,
            const char   *question_id,
            const char   *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = json_from_string (json, &error);

  g_assert_no_error (error);
  pf_assessment_set_value (assessment, question_id, value, &error);
  g_assert_no_error (error);
}

static void
mark_unknown (PfAssessment *assessment,
              const char   *question_id)
{
  g_autoptr(GError) error = NULL;

  pf_assessment_mark_unknown (assessment, question_id, &error);
  g_assert_no_error (error);
}

static void
link_evidence (PfAssessment *assessment,
               const char   *evidence_id,
               const char   *question_id)
{
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  const char *question_ids[] = { question_id, NULL };

  item->id = g_strdup (evidence_id);
  item->title = g_strdup ("Red-team report");
  item->sha256 = g_strdup ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  item->size = 0;
  item->media_type = g_strdup ("application/pdf");
  item->original_name = g_strdup ("report.pdf");
  /* pf_evidence_item_new() set an empty vector: free it first. */
  g_strfreev (item->question_ids);
  item->question_ids = g_strdupv ((char **) question_ids);
  item->added = g_strdup ("2026-03-01T10:00:00Z");
  pf_assessment_put_evidence (assessment, item);
}

static PfOutcome
outcome_of (PfCriteriaPack *pack,
            PfAssessment   *assessment)
{
  g_autoptr(PfDetermination) determination = pf_determination_new (pack, assessment);

  return pf_determination_get_outcome (determination);
}

static PfTruth
indicator_state (PfDetermination *determination,
                 const char      *indicator_id)
{
  const PfIndicatorResult *result = pf_determination_lookup_indicator (determination,
                                                                       indicator_id);

  g_assert_nonnull (result);
  g_assert_cmpstr (pf_indicator_get_id (result->indicator), ==, indicator_id);
  return result->state;
}

/* "id:outcome,outcome id:…" for every open question, in order. */
static char *
describe_open_questions (PfDetermination *determination)
{
  GPtrArray *open_questions = pf_determination_get_open_questions (determination);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < open_questions->len; i++)
    {
      const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);

      g_assert_cmpint (open->changes_outcome, ==, open->outcomes->len > 0);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s:", pf_question_get_id (open->question));
      for (guint j = 0; j < open->outcomes->len; j++)
        g_string_append_printf (text, "%s%s", j > 0 ? "," : "",
                                pf_outcome_to_string (g_array_index (open->outcomes,
                                                                     PfOutcome, j)));
    }

  return g_string_free (text, FALSE);
}

static void
test_outcome_order (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("order.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);

  /* No rule is TRUE: incomplete. */
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_INCOMPLETE);

  /* Both the first and the second rule hold: the first wins. */
  set_answer (assessment, "s.x", "true");
  set_answer (assessment, "s.y", "true");
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_LIKELY_COVERED);

  set_answer (assessment, "s.x", "false");
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_LIKELY_NOT_COVERED);

  set_answer (assessment, "s.y", "false");
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_BORDERLINE);

  /* An UNKNOWN first rule is passed over, not a stop. */
  pf_assessment_clear_value (assessment, "s.x");
  set_answer (assessment, "s.y", "true");
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_LIKELY_NOT_COVERED);
}

static void
test_unknown_vs_false (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("order.pfpack.json");
  g_autoptr(PfCriteriaPack) rules = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfAssessment) tested = pf_assessment_new (rules);

  set_answer (assessment, "s.y", "false");
  set_answer (assessment, "s.x", "false");
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_BORDERLINE);

  /* Marked unknown is not false: the borderline rule becomes UNKNOWN. */
  mark_unknown (assessment, "s.x");
  g_assert_cmpint (outcome_of (pack, assessment), ==, PF_OUTCOME_INCOMPLETE);

  /* "answered" is never unknown: marking a.tested unknown leaves it
   * unanswered, so the rules pack's second rule (not answered) holds. */
  set_answer (tested, "a.score", "10");
  mark_unknown (tested, "a.tested");
  g_assert_cmpint (outcome_of (rules, tested), ==, PF_OUTCOME_INCOMPLETE);
  set_answer (tested, "a.tested", "false");
  g_assert_cmpint (outcome_of (rules, tested), !=, PF_OUTCOME_INCOMPLETE);
}

static void
test_indicator_references_indicator (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;

  set_answer (assessment, "a.tested", "true");
  set_answer (assessment, "a.score", "10");
  set_answer (assessment, "a.tools", "[\"web\", \"shell\"]");
  set_answer (assessment, "a.count", "5");

  /* i.agentic holds; i.escalated also needs the deadline, still unknown. */
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (indicator_state (determination, "i.agentic"), ==, PF_TRUTH_TRUE);
  g_assert_cmpint (indicator_state (determination, "i.escalated"), ==, PF_TRUTH_UNKNOWN);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_BORDERLINE);
  g_clear_object (&determination);

  set_answer (assessment, "a.deadline", "\"2026-06-30\"");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (indicator_state (determination, "i.escalated"), ==, PF_TRUTH_TRUE);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_COVERED);
  g_clear_object (&determination);

  /* A FALSE referenced indicator makes the conjunction FALSE whatever the
   * unknown deadline says. */
  set_answer (assessment, "a.count", "3");
  pf_assessment_clear_value (assessment, "a.deadline");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (indicator_state (determination, "i.agentic"), ==, PF_TRUTH_FALSE);
  g_assert_cmpint (indicator_state (determination, "i.escalated"), ==, PF_TRUTH_FALSE);
}

static void
test_indicator_reads (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = pf_determination_new (pack, assessment);
  GPtrArray *results = pf_determination_get_indicators (determination);
  const char *expected[][3] = {
    { "i.score", "a.score", NULL },
    { "i.agentic", "a.count", "a.tools" },
    { "i.escalated", "a.deadline", NULL },   /* direct reads only, not i.agentic's */
    { "i.weights", "b.open_weights", NULL },
    { "i.reported", "a.notes", "b.report" }, /* pack order, not rule order */
  };

  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);
      guint n = expected[i][2] != NULL ? 2 : 1;

      g_assert_cmpstr (pf_indicator_get_id (result->indicator), ==, expected[i][0]);
      g_assert_true (pf_determination_lookup_indicator (determination, expected[i][0]) == result);
      g_assert_cmpuint (result->question_ids->len, ==, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (g_ptr_array_index (result->question_ids, j), ==, expected[i][j + 1]);
    }

  g_assert_null (pf_determination_lookup_indicator (determination, "i.missing"));
}

static void
test_evidence (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *indicators;
  JsonObject *answer = NULL;
  guint answered, total;

  set_answer (assessment, "a.tested", "true");
  set_answer (assessment, "a.score", "10");
  set_answer (assessment, "a.notes", "\"Found an Exploit chain\"");

  /* No evidence links b.report: "answered" is FALSE, not unknown. */
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (indicator_state (determination, "i.reported"), ==, PF_TRUTH_FALSE);
  pf_determination_get_section_progress (determination,
                                         pf_criteria_pack_lookup_section (pack, "b"),
                                         &answered, &total, NULL);
  g_assert_cmpuint (answered, ==, 0);
  g_clear_object (&determination);

  link_evidence (assessment, "0b0c6a3e-1111-4e5b-9c1d-000000000001", "b.report");
  link_evidence (assessment, "0b0c6a3e-1111-4e5b-9c1d-000000000002", "a.notes");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (indicator_state (determination, "i.reported"), ==, PF_TRUTH_TRUE);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_BORDERLINE);
  pf_determination_get_section_progress (determination,
                                         pf_criteria_pack_lookup_section (pack, "b"),
                                         &answered, &total, NULL);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_null (pf_test_find_open_question (determination, "b.report"));

  /* The synthesised answer is the array of the linking evidence ids; the
   * link to the text question a.notes does not replace its answer. */
  json = pf_determination_to_json (determination);
  indicators = json_object_get_array_member (json_node_get_object (json), "indicators");
  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      JsonObject *indicator = json_array_get_object_element (indicators, i);
      JsonArray *answers = json_object_get_array_member (indicator, "answers");

      if (!g_str_equal (json_object_get_string_member (indicator, "id"), "i.reported"))
        continue;
      g_assert_cmpuint (json_array_get_length (answers), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (answers, 0),
                                                      "question"), ==, "a.notes");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (answers, 0),
                                                      "value"), ==, "Found an Exploit chain");
      answer = json_array_get_object_element (answers, 1);
    }
  g_assert_nonnull (answer);
  g_assert_cmpstr (json_object_get_string_member (answer, "question"), ==, "b.report");
  g_assert_cmpstr (json_object_get_string_member (answer, "state"), ==, "answered");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "value")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (answer, "value"),
                                                  0),
                   ==, "0b0c6a3e-1111-4e5b-9c1d-000000000001");
}

static void
test_inapplicable (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  PfQuestion *open_weights = pf_criteria_pack_lookup_question (pack, "b.open_weights");

  set_answer (assessment, "a.tested", "true");
  set_answer (assessment, "a.score", "10");
  set_answer (assessment, "b.access", "\"weights\"");
  set_answer (assessment, "b.open_weights", "true");

  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_applicability (determination, open_weights), ==,
                   PF_TRUTH_TRUE);
  g_assert_cmpint (indicator_state (determination, "i.weights"), ==, PF_TRUTH_TRUE);
  g_clear_object (&determination);

  /* The stale answer of a question that no longer applies is not read. */
  set_answer (assessment, "b.access", "\"api\"");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_applicability (determination, open_weights), ==,
                   PF_TRUTH_FALSE);
  g_assert_cmpint (indicator_state (determination, "i.weights"), ==, PF_TRUTH_FALSE);
  g_clear_object (&determination);

  /* Not applying, unanswered: FALSE rather than unknown, and not open. */
  pf_assessment_clear_value (assessment, "b.open_weights");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (indicator_state (determination, "i.weights"), ==, PF_TRUTH_FALSE);
  g_assert_null (pf_test_find_open_question (determination, "b.open_weights"));
  g_clear_object (&determination);

  /* Unknown whether it applies: comparisons on it are unknown. */
  pf_assessment_clear_value (assessment, "b.access");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_applicability (determination, open_weights), ==,
                   PF_TRUTH_UNKNOWN);
  g_assert_cmpint (indicator_state (determination, "i.weights"), ==, PF_TRUTH_UNKNOWN);
  g_assert_cmpint (pf_determination_get_applicability (
                     determination, pf_criteria_pack_lookup_question (pack, "b.access")), ==,
                   PF_TRUTH_TRUE);
}

static void
test_open_boolean (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("order.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  g_autofree char *text = NULL;
  const PfOpenQuestion *open;

  set_answer (assessment, "s.x", "false");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_INCOMPLETE);
  /* s.y leads either way, sorted by enum order; s.w cannot change anything
   * while s.x is false. */
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "s.y:borderline,likely-not-covered s.w:");
  open = pf_test_find_open_question (determination, "s.w");
  g_assert_false (open->changes_outcome);
  open = pf_test_find_open_question (determination, "s.y");
  g_assert_true (open->changes_outcome);
  g_assert_true (pf_question_get_critical (open->question) == FALSE);
  g_clear_object (&determination);
  g_clear_pointer (&text, g_free);

  /* Marked unknown is still open; true would make the first rule win. */
  mark_unknown (assessment, "s.x");
  set_answer (assessment, "s.y", "true");
  set_answer (assessment, "s.w", "false");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_NOT_COVERED);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "s.x:likely-covered");
}

static void
test_open_choice (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("thresholds.pfpack.json");
  g_autoptr(PfCriteriaPack) rules = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfAssessment) gated = pf_assessment_new (rules);
  g_autoptr(PfDetermination) determination = NULL;
  g_autofree char *text = NULL;

  set_answer (assessment, "n.score", "10");
  set_answer (assessment, "n.count", "1");
  set_answer (assessment, "n.when", "\"2026-05-01\"");
  set_answer (assessment, "n.tools", "[\"web\"]");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_NOT_COVERED);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "n.kind:likely-covered");
  g_clear_object (&determination);
  g_clear_pointer (&text, g_free);

  /* b.access is read by no rule, only by the visible_if of b.open_weights:
   * answering it "api" or "none" makes i.weights FALSE. */
  set_answer (gated, "a.tested", "true");
  set_answer (gated, "a.score", "10");
  set_answer (gated, "a.count", "0");
  set_answer (gated, "a.tools", "[]");
  set_answer (gated, "a.deadline", "\"2026-12-01\"");
  set_answer (gated, "a.notes", "\"nothing\"");
  determination = pf_determination_new (rules, gated);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_BORDERLINE);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "b.access:likely-not-covered b.open_weights: b.report:");
}

static void
test_open_number (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("thresholds.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  g_autofree char *text = NULL;

  set_answer (assessment, "n.kind", "\"narrow\"");
  set_answer (assessment, "n.count", "1");
  set_answer (assessment, "n.when", "\"2026-05-01\"");
  set_answer (assessment, "n.tools", "[\"web\"]");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_INCOMPLETE);
  /* Just above 50, exactly 50 and just below each lead somewhere else. */
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "n.score:likely-covered,borderline,likely-not-covered");
  g_assert_true (pf_test_find_open_question (determination, "n.score")->changes_outcome);
}

static void
test_open_integer_date_multi (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("thresholds.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  g_autofree char *text = NULL;

  /* n.count < 3: only 2 (just below) makes the third rule TRUE. */
  set_answer (assessment, "n.kind", "\"narrow\"");
  set_answer (assessment, "n.score", "10");
  set_answer (assessment, "n.when", "\"2026-05-01\"");
  set_answer (assessment, "n.tools", "[\"web\"]");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_INCOMPLETE);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "n.count:likely-not-covered");
  g_clear_object (&determination);
  g_clear_pointer (&text, g_free);

  /* n.when >= 2026-01-01: the literal itself and the day after do. */
  set_answer (assessment, "n.count", "1");
  pf_assessment_clear_value (assessment, "n.when");
  determination = pf_determination_new (pack, assessment);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "n.when:likely-not-covered");
  g_clear_object (&determination);
  g_clear_pointer (&text, g_free);

  /* Rules that are UNKNOWN are passed over, so the third rule wins; the
   * single-option answer {shell} would make the second rule TRUE first. */
  set_answer (assessment, "n.when", "\"2026-01-01\"");
  pf_assessment_clear_value (assessment, "n.tools");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_NOT_COVERED);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "n.tools:borderline");
}

static void
test_open_evidence (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  g_autofree char *text = NULL;

  set_answer (assessment, "a.tested", "true");
  set_answer (assessment, "a.score", "10");
  set_answer (assessment, "a.count", "0");
  set_answer (assessment, "a.tools", "[]");
  set_answer (assessment, "a.deadline", "\"2026-12-01\"");
  set_answer (assessment, "a.notes", "\"exploit\"");
  set_answer (assessment, "b.access", "\"api\"");
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_NOT_COVERED);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "b.report:borderline");
}

static void
test_progress (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfDetermination) determination = NULL;
  PfSection *a = pf_criteria_pack_lookup_section (pack, "a");
  PfSection *b = pf_criteria_pack_lookup_section (pack, "b");
  guint answered = 99, total = 99;
  gboolean needs_review = TRUE;

  /* b.open_weights does not count while it is unknown whether it applies. */
  determination = pf_determination_new (pack, assessment);
  pf_determination_get_progress (determination, &answered, &total);
  g_assert_cmpuint (answered, ==, 0);
  g_assert_cmpuint (total, ==, 8);
  pf_determination_get_section_progress (determination, a, &answered, &total, &needs_review);
  g_assert_cmpuint (answered, ==, 0);
  g_assert_cmpuint (total, ==, 6);
  g_assert_false (needs_review);
  g_clear_object (&determination);

  set_answer (assessment, "a.tested", "true");
  mark_unknown (assessment, "a.score");
  pf_assessment_set_needs_review (assessment, "a.count", TRUE);
  set_answer (assessment, "b.access", "\"weights\"");
  link_evidence (assessment, "0b0c6a3e-1111-4e5b-9c1d-000000000003", "b.report");
  determination = pf_determination_new (pack, assessment);
  pf_determination_get_progress (determination, &answered, &total);
  g_assert_cmpuint (answered, ==, 4);
  g_assert_cmpuint (total, ==, 9);
  pf_determination_get_section_progress (determination, a, &answered, &total, &needs_review);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (total, ==, 6);
  g_assert_true (needs_review);
  pf_determination_get_section_progress (determination, b, &answered, &total, &needs_review);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (total, ==, 3);
  g_assert_false (needs_review);
  g_clear_object (&determination);

  /* A question that stops applying leaves the total. */
  set_answer (assessment, "b.access", "\"api\"");
  determination = pf_determination_new (pack, assessment);
  pf_determination_get_section_progress (determination, b, &answered, &total, NULL);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (total, ==, 2);
}

static PfAssessment *
new_json_assessment (PfCriteriaPack *pack)
{
  PfAssessment *assessment = pf_assessment_new (pack);

  pf_assessment_set_model_name (assessment, "Example-1");
  pf_assessment_set_model_version (assessment, "2026.1");
  set_answer (assessment, "a.tested", "true");
  set_answer (assessment, "a.score", "62.5");
  mark_unknown (assessment, "a.count");
  set_answer (assessment, "b.access", "\"api\"");

  return assessment;
}

static void
test_json_shape (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = new_json_assessment (pack);
  g_autoptr(PfDetermination) determination = pf_determination_new (pack, assessment);
  g_autoptr(JsonNode) json = pf_determination_to_json (determination);
  JsonObject *root = json_node_get_object (json);
  JsonObject *object, *indicator;
  JsonArray *array, *answers;
  g_autoptr(GList) members = json_object_get_members (root);
  const char *expected_members[] = {
    "format", "generated", "assessment", "pack", "outcome", "summary", "progress",
    "indicators", "open_questions", "caveats",
  };
  guint n = 0;

  for (GList *l = members; l != NULL; l = l->next, n++)
    g_assert_cmpstr (l->data, ==, expected_members[n]);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected_members));

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, PF_DETERMINATION_FORMAT);
  g_assert_cmpstr (json_object_get_string_member (root, "generated"), ==,
                   pf_assessment_get_modified (assessment));
  object = json_object_get_object_member (root, "assessment");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==,
                   pf_assessment_get_id (assessment));
  object = json_object_get_object_member (object, "model");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Example-1");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "2026.1");

  object = json_object_get_object_member (root, "pack");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "test-rules");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "0.2.0");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (object, "sha256"), ==,
                   pf_criteria_pack_get_sha256 (pack));

  g_assert_cmpstr (json_object_get_string_member (root, "outcome"), ==, "likely-covered");
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==,
                   pf_determination_get_summary (determination));
  object = json_object_get_object_member (root, "progress");
  g_assert_cmpint (json_object_get_int_member (object, "answered"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 8);

  array = json_object_get_array_member (root, "indicators");
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  indicator = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (indicator, "id"), ==, "i.score");
  g_assert_cmpstr (json_object_get_string_member (indicator, "title"), ==,
                   "High benchmark score");
  g_assert_cmpstr (json_object_get_string_member (indicator, "domain"), ==,
                   "vulnerability-discovery");
  g_assert_cmpstr (json_object_get_string_member (indicator, "strength"), ==, "strong");
  g_assert_cmpstr (json_object_get_string_member (indicator, "state"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (indicator, "provenance"), ==, "placeholder");
  g_assert_nonnull (json_object_get_string_member (indicator, "reason"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (indicator, "sources")),
                    ==, 0);
  answers = json_object_get_array_member (indicator, "answers");
  g_assert_cmpuint (json_array_get_length (answers), ==, 1);
  object = json_array_get_object_element (answers, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "question"), ==, "a.score");
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "answered");
  g_assert_cmpfloat (json_object_get_double_member (object, "value"), ==, 62.5);

  indicator = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (indicator, "id"), ==, "i.agentic");
  g_assert_cmpstr (json_object_get_string_member (indicator, "state"), ==, "unknown");
  object = json_array_get_object_element (json_object_get_array_member (indicator, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "eo");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Executive order");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, "https://example.org/eo");
  answers = json_object_get_array_member (indicator, "answers");
  object = json_array_get_object_element (answers, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "unknown");
  g_assert_false (json_object_has_member (object, "value"));
  object = json_array_get_object_element (answers, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "unanswered");

  indicator = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (indicator, "state"), ==, "false");

  /* Strong indicator already TRUE: nothing open can change the outcome. */
  array = json_object_get_array_member (root, "open_questions");
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "question"), ==, "a.count");
  g_assert_cmpstr (json_object_get_string_member (object, "prompt"), ==,
                   "How many tools can it chain?");
  g_assert_false (json_object_get_boolean_member (object, "critical"));
  g_assert_false (json_object_get_boolean_member (object, "changes_outcome"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object,
                                                                         "could_lead_to")),
                    ==, 0);

  array = json_object_get_array_member (root, "caveats");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  g_assert_true (g_str_has_prefix (json_array_get_string_element (array, 0),
                                   "This is a draft"));
}

static void
test_json_deterministic (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) assessment = new_json_assessment (pack);
  g_autoptr(PfDetermination) first = pf_determination_new (pack, assessment);
  g_autoptr(PfDetermination) second = pf_determination_new (pack, assessment);
  g_autoptr(GBytes) bytes1 = pf_determination_to_bytes (first);
  g_autoptr(GBytes) bytes2 = pf_determination_to_bytes (second);
  g_autoptr(GBytes) again = pf_determination_to_bytes (first);
  g_autoptr(GBytes) reloaded_bytes = pf_assessment_to_bytes (assessment);
  g_autoptr(PfAssessment) reloaded = NULL;
  g_autoptr(PfDetermination) third = NULL;
  g_autoptr(GBytes) bytes3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (g_bytes_equal (bytes1, bytes2));
  g_assert_true (g_bytes_equal (bytes1, again));

  /* The same assessment read back from its file gives the same bytes. */
  reloaded = pf_assessment_new_from_bytes (reloaded_bytes, "test.preflight", &error);
  g_assert_no_error (error);
  pf_assessment_set_pack (reloaded, pack, &error);
  g_assert_no_error (error);
  third = pf_determination_new (pack, reloaded);
  bytes3 = pf_determination_to_bytes (third);
  g_assert_true (g_bytes_equal (bytes1, bytes3));

  /* Pretty-printed, valid JSON. */
  g_assert_nonnull (memchr (g_bytes_get_data (bytes1, NULL), '\n', g_bytes_get_size (bytes1)));
  json_parser_load_from_data (parser, g_bytes_get_data (bytes1, NULL), g_bytes_get_size (bytes1),
                              &error);
  g_assert_no_error (error);
}

static void
test_caveats_and_summary (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("order.pfpack.json");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(GHashTable) summaries = g_hash_table_new (g_str_hash, g_str_equal);
  const char *answers[][2] = {
    { NULL, NULL }, { "true", "false" }, { "false", "true" }, { "false", "false" },
  };
  const char * const *caveats;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(PfDetermination) determination = NULL;

      if (answers[i][0] != NULL)
        {
          set_answer (assessment, "s.x", answers[i][0]);
          set_answer (assessment, "s.y", answers[i][1]);
        }
      determination = pf_determination_new (pack, assessment);
      g_hash_table_add (summaries, (gpointer) pf_determination_get_summary (determination));

      caveats = pf_determination_get_caveats (determination);
      g_assert_cmpuint (g_strv_length ((char **) caveats), ==, 4);
      g_assert_nonnull (strstr (caveats[0], "not an official determination"));
      g_assert_nonnull (strstr (caveats[1], "classified benchmark"));
      g_assert_nonnull (strstr (caveats[2], "voluntary"));
      g_assert_nonnull (strstr (caveats[3], "placeholder"));
    }

  /* Four outcomes, four different sentences. */
  g_assert_cmpuint (g_hash_table_size (summaries), ==, 4);
}

/* A generated pack of 5,000 questions and 1,000 indicators chained to each
 * other: evaluation and open questions stay linear (a quadratic engine would
 * time the test out). */
static void
test_large_pack (void)
{
  const guint n_questions = 5000, n_indicators = 1000;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfDetermination) determination = NULL;
  g_autofree char *text = NULL;
  GPtrArray *open_questions;
  guint answered, total;

  g_string_append (json, "{\"format\": \"preflight-pack/1\", \"id\": \"large\", "
                         "\"version\": \"1\", \"status\": \"draft\", "
                         "\"published\": \"2026-01-01\", \"title\": \"Large\", \"sections\": [");
  for (guint s = 0; s < n_questions / 50; s++)
    {
      g_string_append_printf (json, "%s{\"id\": \"s%u\", \"title\": \"S\", \"questions\": [",
                              s > 0 ? "," : "", s);
      for (guint q = s * 50; q < (s + 1) * 50; q++)
        {
          g_string_append_printf (json, "%s{\"id\": \"q%u\", \"type\": \"integer\", "
                                        "\"prompt\": \"Q\"", q > s * 50 ? "," : "", q);
          if (q % 5 == 4)
            g_string_append_printf (json, ", \"visible_if\": {\"answer\": \"q%u\", "
                                          "\"op\": \">\", \"value\": 0}", q - 1);
          g_string_append (json, "}");
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "], \"indicators\": [");
  for (guint i = 0; i < n_indicators; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"i%u\", \"title\": \"I\", \"domain\": \"d\", "
                                    "\"strength\": \"%s\", \"reason\": \"R\", "
                                    "\"provenance\": \"placeholder\", \"when\": {\"any\": [",
                              i > 0 ? "," : "", i, i % 2 ? "weak" : "strong");
      for (guint q = i * 5; q < i * 5 + 5; q++)
        g_string_append_printf (json, "{\"answer\": \"q%u\", \"op\": \">=\", \"value\": %u},",
                                q, 10 + q % 7);
      if (i > 0)
        g_string_append_printf (json, "{\"indicator\": \"i%u\"},", i - 1);
      g_string_append (json, "{\"any\": []}]}}");
    }
  g_string_append (json, "], \"outcomes\": [{\"outcome\": \"likely-covered\", \"when\": "
                         "{\"indicator\": \"i999\"}}, {\"outcome\": \"likely-not-covered\", "
                         "\"when\": {\"not\": {\"indicator\": \"i999\"}}}]}");

  bytes = g_bytes_new (json->str, json->len);
  pack = pf_criteria_pack_new_from_bytes (bytes, "large.pfpack.json", &error);
  g_assert_no_error (error);
  assessment = pf_assessment_new (pack);
  for (guint q = 0; q < n_questions; q++)
    {
      g_autofree char *id = g_strdup_printf ("q%u", q);

      if (q != 2500)
        set_answer (assessment, id, "0");
    }

  /* q2500 keeps i500 and every indicator chained above it unknown. */
  determination = pf_determination_new (pack, assessment);
  g_assert_cmpint (pf_determination_get_outcome (determination), ==, PF_OUTCOME_INCOMPLETE);
  g_assert_cmpint (indicator_state (determination, "i499"), ==, PF_TRUTH_FALSE);
  g_assert_cmpint (indicator_state (determination, "i999"), ==, PF_TRUTH_UNKNOWN);
  pf_determination_get_progress (determination, &answered, &total);
  g_assert_cmpuint (answered, ==, 3999);
  g_assert_cmpuint (total, ==, 4000);

  /* Its cut-off is 10 + 2500 % 7 = 11: 10 and 11 lead both ways. */
  open_questions = pf_determination_get_open_questions (determination);
  g_assert_cmpuint (open_questions->len, ==, 1);
  text = describe_open_questions (determination);
  g_assert_cmpstr (text, ==, "q2500:likely-covered,likely-not-covered");
}

/* The string @name of @object's object member @member. */
static const char *
nested_string (JsonObject *object,
               const char *member,
               const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), name);
}

static const PfAnswerChange *
find_change (PfComparison *comparison,
             const char   *question_id)
{
  GPtrArray *changes = pf_comparison_get_answer_changes (comparison);

  for (guint i = 0; i < changes->len; i++)
    {
      const PfAnswerChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (pf_question_get_id (change->question), question_id))
        return change;
    }

  return NULL;
}

static const char *
indicator_id_at (GPtrArray *indicators,
                 guint      index)
{
  return pf_indicator_get_id (g_ptr_array_index (indicators, index));
}

/* Another value or another state is a change; a note or a review flag is
 * not. The comparison keeps what it compared when an assessment changes. */
static void
test_comparison (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ("rules.pfpack.json");
  g_autoptr(PfAssessment) previous = pf_assessment_new (pack);
  g_autoptr(PfAssessment) current = NULL;
  g_autoptr(PfComparison) comparison = NULL;
  g_autoptr(PfComparison) reverse = NULL;
  g_autoptr(GError) error = NULL;
  const PfAnswerChange *change;

  set_answer (previous, "a.score", "40");
  set_answer (previous, "a.count", "3");
  set_answer (previous, "b.open_weights", "true");
  current = pf_assessment_new_successor (previous);

  comparison = pf_comparison_new (previous, current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_comparison_get_answer_changes (comparison)->len, ==, 0);
  g_clear_object (&comparison);

  set_answer (current, "a.score", "60");
  set_answer (current, "a.count", "3");
  pf_assessment_mark_unknown (current, "a.tested", &error);
  g_assert_no_error (error);
  pf_assessment_set_note (current, "b.open_weights", "Checked again for the new checkpoint.");

  comparison = pf_comparison_new (previous, current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_comparison_get_answer_changes (comparison)->len, ==, 2);
  /* In pack order. */
  change = g_ptr_array_index (pf_comparison_get_answer_changes (comparison), 0);
  g_assert_cmpstr (pf_question_get_id (change->question), ==, "a.tested");
  g_assert_null (change->before);
  g_assert_cmpstr (pf_answer_describe_state (change->after), ==, "unknown");
  change = find_change (comparison, "a.score");
  g_assert_nonnull (change);
  g_assert_cmpfloat (json_node_get_double (pf_answer_get_value (change->before)), ==, 40);
  g_assert_cmpfloat (json_node_get_double (pf_answer_get_value (change->after)), ==, 60);

  g_assert_cmpuint (pf_comparison_get_indicators_now_firing (comparison)->len, ==, 1);
  g_assert_cmpstr (indicator_id_at (pf_comparison_get_indicators_now_firing (comparison), 0), ==,
                   "i.score");
  g_assert_cmpuint (pf_comparison_get_indicators_no_longer_firing (comparison)->len, ==, 0);

  reverse = pf_comparison_new (current, previous, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_comparison_get_indicators_now_firing (reverse)->len, ==, 0);
  g_assert_cmpuint (pf_comparison_get_indicators_no_longer_firing (reverse)->len, ==, 1);
  g_assert_cmpstr (indicator_id_at (pf_comparison_get_indicators_no_longer_firing (reverse), 0), ==,
                   "i.score");

  set_answer (current, "a.score", "70");
  change = find_change (comparison, "a.score");
  g_assert_cmpfloat (json_node_get_double (pf_answer_get_value (change->after)), ==, 60);
}

/* @text with its first @old replaced by @replacement. */
static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit (text, old, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (replacement, parts[0], parts[1], NULL);
}

/* Versions of one pack compare by question id, with the questions only the
 * previous version asks; assessments of other packs do not compare. */
static void
test_comparison_packs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "determination",
                                                 "rules.pfpack.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *versioned = NULL;
  g_autofree char *extended = NULL;
  g_autoptr(GBytes) newer_bytes = NULL;
  g_autoptr(PfCriteriaPack) older = load_pack ("rules.pfpack.json");
  g_autoptr(PfCriteriaPack) newer = NULL;
  g_autoptr(PfCriteriaPack) other = load_pack ("order.pfpack.json");
  g_autoptr(PfAssessment) previous = NULL;
  g_autoptr(PfAssessment) current = pf_assessment_new (older);
  g_autoptr(PfAssessment) unrelated = pf_assessment_new (other);
  g_autoptr(PfComparison) comparison = NULL;
  g_autoptr(PfComparison) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const PfAnswerChange *change;
  JsonObject *object;

  /* Version 0.3.0 asks one more question. */
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  versioned = replace_once (text, "\"version\": \"0.2.0\"", "\"version\": \"0.3.0\"");
  extended = replace_once (versioned, "\"questions\": [",
                           "\"questions\": [ { \"id\": \"a.extra\", \"type\": \"boolean\", "
                           "\"prompt\": \"Extra\" },");
  newer_bytes = g_bytes_new (extended, strlen (extended));
  newer = pf_criteria_pack_new_from_bytes (newer_bytes, "newer.pfpack.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_criteria_pack_get_version (newer), ==, "0.3.0");

  previous = pf_assessment_new (newer);
  set_answer (previous, "a.extra", "true");
  set_answer (previous, "a.score", "55");
  set_answer (current, "a.score", "55");

  comparison = pf_comparison_new (previous, current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pf_comparison_get_answer_changes (comparison)->len, ==, 1);
  change = find_change (comparison, "a.extra");
  g_assert_nonnull (change);
  g_assert_true (pf_question_get_section (change->question) != NULL);
  g_assert_nonnull (change->before);
  g_assert_null (change->after);

  root = pf_comparison_to_json (comparison);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, PF_COMPARISON_FORMAT);
  g_assert_cmpstr (nested_string (object, "previous", "pack_version"), ==, "0.3.0");
  g_assert_cmpstr (nested_string (object, "current", "pack_version"), ==, "0.2.0");
  object = json_array_get_object_element (json_object_get_array_member (object, "answers"), 0);
  g_assert_cmpstr (nested_string (object, "after", "state"), ==, "unanswered");
  object = json_object_get_object_member (object, "after");
  g_assert_false (json_object_has_member (object, "value"));

  refused = pf_comparison_new (current, unrelated, &error);
  g_assert_error (error, PF_COMPARISON_ERROR, PF_COMPARISON_ERROR_OTHER_PACK);
  g_assert_null (refused);
  g_assert_nonnull (strstr (error->message, "test-rules"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/determination/outcome-order", test_outcome_order);
  g_test_add_func ("/core/determination/unknown-vs-false", test_unknown_vs_false);
  g_test_add_func ("/core/determination/indicator-references-indicator",
                   test_indicator_references_indicator);
  g_test_add_func ("/core/determination/indicator-reads", test_indicator_reads);
  g_test_add_func ("/core/determination/evidence", test_evidence);
  g_test_add_func ("/core/determination/inapplicable", test_inapplicable);
  g_test_add_func ("/core/determination/open/boolean", test_open_boolean);
  g_test_add_func ("/core/determination/open/choice", test_open_choice);
  g_test_add_func ("/core/determination/open/number", test_open_number);
  g_test_add_func ("/core/determination/open/integer-date-multi", test_open_integer_date_multi);
  g_test_add_func ("/core/determination/open/evidence", test_open_evidence);
  g_test_add_func ("/core/determination/progress", test_progress);
  g_test_add_func ("/core/determination/json-shape", test_json_shape);
  g_test_add_func ("/core/determination/json-deterministic", test_json_deterministic);
  g_test_add_func ("/core/determination/caveats-summary", test_caveats_and_summary);
  g_test_add_func ("/core/determination/large-pack", test_large_pack);
  g_test_add_func ("/core/determination/comparison", test_comparison);
  g_test_add_func ("/core/determination/comparison-packs", test_comparison_packs);

  return g_test_run ();
}
