/* test-pack.c: loading and validating criteria packs, and the pack catalog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "preflight.h"

#define TINY_PACK \
  "{\"format\": \"preflight-pack/1\", \"id\": \"tiny\", \"version\": \"2\", \"status\": \"official\", " \
  "\"published\": \"2026-02-28\", \"title\": \"Tiny\", \"sections\": [{\"id\": \"s\", \"title\": \"S\", " \
  "\"questions\": [{\"id\": \"s.q\", \"type\": \"boolean\", \"prompt\": \"Q?\"}]}], " \
  "\"outcomes\": [{\"outcome\": \"borderline\", \"when\": {\"all\": []}}]}"
/* Computed with sha256sum(1) from TINY_PACK. */
#define TINY_PACK_SHA256 "5060470bfcd62a8342599ac508cb8479eccfc5c25d8a9430b69273b9aca4fcf8"

static char *
minimal_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "packs", "minimal.pfpack.json", NULL);
}

static PfCriteriaPack *
load_minimal (void)
{
  g_autofree char *path = minimal_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *pack;

  pack = pf_criteria_pack_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static const char *
question_ids_of (GPtrArray *indicators,
                 GString   *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; i < indicators->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            pf_indicator_get_id (g_ptr_array_index (indicators, i)));
  return out->str;
}

static void
test_minimal (void)
{
  g_autoptr(PfCriteriaPack) pack = load_minimal ();
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *path = minimal_path ();
  g_autofree char *title = NULL;
  PfQuestion *question;
  PfSection *section;
  PfIndicator *indicator;
  PfOutcomeRule *rule;
  PfExpression *visible_if;

  g_assert_cmpstr (pf_criteria_pack_get_id (pack), ==, "test-minimal");
  g_assert_cmpstr (pf_criteria_pack_get_version (pack), ==, "1.0.0");
  g_assert_cmpint (pf_criteria_pack_get_status (pack), ==, PF_PACK_STATUS_DRAFT);
  g_assert_cmpstr (pf_criteria_pack_get_published (pack), ==, "2026-01-15");
  g_assert_cmpstr (pf_criteria_pack_get_title (pack), ==, "Minimal test pack");
  g_assert_true (g_str_has_prefix (pf_criteria_pack_get_description (pack), "A small pack"));
  g_assert_cmpstr (pf_criteria_pack_get_origin (pack), ==, path);
  g_object_get (pack, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Minimal test pack");

  g_assert_cmpuint (pf_criteria_pack_get_sources (pack)->len, ==, 2);
  g_assert_cmpstr (pf_criteria_pack_lookup_source (pack, "src-b")->url, ==, "https://example.org/b");
  g_assert_null (pf_criteria_pack_lookup_source (pack, "src-c"));

  g_assert_cmpuint (pf_criteria_pack_get_sections (pack)->len, ==, 2);
  section = pf_criteria_pack_lookup_section (pack, "b");
  g_assert_true (section == g_ptr_array_index (pf_criteria_pack_get_sections (pack), 1));
  g_assert_cmpstr (pf_section_get_title (section), ==, "Evaluations");
  g_assert_cmpstr (pf_section_get_description (section), ==, "");
  g_assert_cmpuint (pf_section_get_questions (section)->len, ==, 3);
  g_assert_null (pf_criteria_pack_lookup_section (pack, "c"));

  /* Questions in pack order across sections. */
  g_assert_cmpuint (pf_criteria_pack_get_questions (pack)->len, ==, 8);
  question = g_ptr_array_index (pf_criteria_pack_get_questions (pack), 5);
  g_assert_true (question == pf_criteria_pack_lookup_question (pack, "b.solve_rate"));
  g_assert_true (pf_question_get_section (question) == section);
  g_assert_cmpint (pf_question_get_question_type (question), ==, PF_QUESTION_NUMBER);
  g_assert_cmpstr (pf_question_get_prompt (question), ==, "CTF solve rate");
  g_assert_cmpstr (pf_question_get_help (question), ==, "");
  g_assert_cmpstr (pf_question_get_unit (question), ==, "%");
  g_assert_true (pf_question_has_min (question));
  g_assert_true (pf_question_has_max (question));
  g_assert_cmpfloat (pf_question_get_min (question), ==, 0.0);
  g_assert_cmpfloat (pf_question_get_max (question), ==, 100.0);
  g_assert_true (pf_question_get_critical (question));
  g_assert_cmpstrv (pf_question_get_sources (question), ((const char *[]) { "src-b", NULL }));
  g_assert_null (pf_question_get_visible_if (question));

  question = pf_criteria_pack_lookup_question (pack, "b.zero_days");
  g_assert_true (pf_question_has_min (question));
  g_assert_false (pf_question_has_max (question));
  g_assert_false (pf_question_get_critical (question));
  g_assert_cmpstrv (pf_question_get_sources (question), ((const char *[]) { NULL }));

  question = pf_criteria_pack_lookup_question (pack, "a.access");
  g_assert_cmpuint (pf_question_get_options (question)->len, ==, 3);
  g_assert_cmpstr (pf_question_lookup_option (question, "weights")->label, ==, "Open weights");
  g_assert_null (pf_question_lookup_option (question, "gpu"));
  g_assert_null (pf_question_get_unit (question));

  question = pf_criteria_pack_lookup_question (pack, "b.report");
  g_assert_cmpstr (pf_question_get_evidence_hint (question), ==, "Evaluation report (PDF)");
  visible_if = pf_question_get_visible_if (question);
  g_assert_nonnull (visible_if);
  g_assert_cmpstr (pf_expression_get_path (visible_if), ==, "sections[1].questions[2].visible_if");
  g_assert_true (pf_expression_get_question (visible_if) ==
                 pf_criteria_pack_lookup_question (pack, "a.released"));
  g_assert_null (pf_criteria_pack_lookup_question (pack, "a.nope"));

  g_assert_cmpuint (pf_criteria_pack_get_indicators (pack)->len, ==, 3);
  indicator = pf_criteria_pack_lookup_indicator (pack, "high-solve-rate");
  g_assert_cmpstr (pf_indicator_get_title (indicator), ==, "High solve rate");
  g_assert_cmpstr (pf_indicator_get_domain (indicator), ==, "vulnerability-discovery");
  g_assert_cmpint (pf_indicator_get_strength (indicator), ==, PF_STRENGTH_WEAK);
  g_assert_cmpint (pf_indicator_get_provenance (indicator), ==, PF_PROVENANCE_PLACEHOLDER);
  g_assert_cmpstr (pf_indicator_get_reason (indicator), ==, "Solves many CTF tasks.");
  g_assert_cmpstrv (pf_indicator_get_sources (indicator), ((const char *[]) { NULL }));
  g_assert_cmpstr (pf_expression_get_path (pf_indicator_get_when (indicator)), ==, "indicators[1].when");
  g_assert_cmpstrv (pf_indicator_get_sources (pf_criteria_pack_lookup_indicator (pack, "cyber-and-zero-days")),
                    ((const char *[]) { "src-a", "src-b", NULL }));

  /* Indicator references are bound to the pack's indicators. */
  indicator = pf_criteria_pack_lookup_indicator (pack, "cyber-and-zero-days");
  g_assert_true (pf_expression_get_indicator (pf_expression_get_child (pf_indicator_get_when (indicator), 0)) ==
                 pf_criteria_pack_lookup_indicator (pack, "high-solve-rate"));

  g_assert_cmpuint (pf_criteria_pack_get_outcome_rules (pack)->len, ==, 5);
  rule = g_ptr_array_index (pf_criteria_pack_get_outcome_rules (pack), 1);
  g_assert_cmpint (rule->outcome, ==, PF_OUTCOME_INCOMPLETE);
  g_assert_cmpint (pf_expression_get_kind (rule->when), ==, PF_EXPRESSION_AT_LEAST);

  /* Which indicators read a question directly (each listed once). */
  g_assert_cmpstr (question_ids_of (pf_criteria_pack_get_indicators_for_question (
                     pack, pf_criteria_pack_lookup_question (pack, "b.zero_days")), ids),
                   ==, "cyber-and-zero-days");
  g_assert_cmpstr (question_ids_of (pf_criteria_pack_get_indicators_for_question (
                     pack, pf_criteria_pack_lookup_question (pack, "b.solve_rate")), ids),
                   ==, "high-solve-rate");
  g_assert_cmpstr (question_ids_of (pf_criteria_pack_get_indicators_for_question (
                     pack, pf_criteria_pack_lookup_question (pack, "a.name")), ids),
                   ==, "");
}

static void
test_sha256 (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (TINY_PACK, strlen (TINY_PACK));
  g_autoptr(GBytes) other = g_bytes_new_static (TINY_PACK "\n", strlen (TINY_PACK) + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfCriteriaPack) other_pack = NULL;

  pack = pf_criteria_pack_new_from_bytes (bytes, "tiny.pfpack.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_criteria_pack_get_sha256 (pack), ==, TINY_PACK_SHA256);
  g_assert_true (g_bytes_equal (pf_criteria_pack_get_bytes (pack), bytes));
  g_assert_cmpint (pf_criteria_pack_get_status (pack), ==, PF_PACK_STATUS_OFFICIAL);

  /* The digest is of the bytes, not of the meaning. */
  other_pack = pf_criteria_pack_new_from_bytes (other, "tiny.pfpack.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_criteria_pack_get_sha256 (other_pack), !=, TINY_PACK_SHA256);
  g_assert_cmpuint (strlen (pf_criteria_pack_get_sha256 (other_pack)), ==, 64);
}

static void
test_resource (void)
{
  const char *path = "/io/github/preflightapp/Preflight/packs/" PF_BUILTIN_PACK_ID ".pfpack.json";
  g_autofree char *source = g_build_filename (g_getenv ("PREFLIGHT_SOURCE_ROOT"), "src", "core", "packs",
                                              PF_BUILTIN_PACK_ID ".pfpack.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;

  /* The built-in pack is compiled into the core. */
  resource = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (resource, NULL), g_bytes_get_size (resource), contents, length);

  pack = pf_criteria_pack_new_from_resource (path, &error);
  if (pack != NULL)
    {
      g_assert_cmpstr (pf_criteria_pack_get_id (pack), ==, PF_BUILTIN_PACK_ID);
      g_assert_cmpstr (pf_criteria_pack_get_origin (pack), ==, path);
      g_assert_true (g_bytes_equal (pf_criteria_pack_get_bytes (pack), resource));
    }
  else
    {
      /* Whatever is wrong with it, the message says where. */
      g_assert_true (error->domain == PF_PACK_ERROR);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_clear_error (&error);
    }

  g_clear_object (&pack);
  pack = pf_criteria_pack_new_from_resource ("/io/github/preflightapp/Preflight/packs/nope.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND);
  g_assert_null (pack);
}

static void
test_too_large (void)
{
  gsize size = 16 * 1024 * 1024 + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.pfpack.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  int fd;

  pack = pf_criteria_pack_new_from_bytes (bytes, "huge.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.pfpack.json: "));
  g_assert_null (pack);
  g_clear_error (&error);

  /* A sparse file: refused from its size, without reading it. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, 64 * 1024 * 1024));
  g_assert_no_errno (close (fd));

  pack = pf_criteria_pack_new_from_file (file, NULL, &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (pack);
}

static void
test_too_deep (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"preflight-pack/1\", \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;

  /* Brackets inside strings do not count. */
  g_string_append (json, "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\", \"y\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));

  pack = pf_criteria_pack_new_from_bytes (bytes, "deep.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "deep.pfpack.json: line 1: "));
  g_assert_null (pack);
}

static void
test_malformed (void)
{
  const char *json = "{\n  \"format\": \"preflight-pack/1\",\n  \"id\": oops\n}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) array = g_bytes_new_static ("[]", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;

  pack = pf_criteria_pack_new_from_bytes (bytes, "bad.pfpack.json", &error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "bad.pfpack.json: line 3, column "));
  g_assert_nonnull (strstr (error->message, " — "));
  g_clear_error (&error);

  pack = pf_criteria_pack_new_from_bytes (empty, "empty.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "empty.pfpack.json: "));
  g_clear_error (&error);

  pack = pf_criteria_pack_new_from_bytes (array, "array.pfpack.json", &error);
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "array.pfpack.json: "));
  g_assert_null (pack);
}

/* Validation: each case changes one member of the minimal pack. @path is
 * a JSON path whose last part is a member name; @value is the JSON to set
 * there, or NULL to remove the member. */
typedef struct {
  const char *name;
  const char *path;
  const char *value;
  int         code;
  const char *error_path;  /* what the message names after the origin */
  const char *detail;      /* NULL, or a part the message must contain */
} ValidationCase;

static const ValidationCase validation_cases[] = {
  { "unknown-format", "format", "\"preflight-pack/2\"", PF_PACK_ERROR_UNKNOWN_FORMAT, "format", NULL },
  { "missing-format", "format", NULL, PF_PACK_ERROR_UNKNOWN_FORMAT, "format", NULL },
  { "missing-id", "id", NULL, PF_PACK_ERROR_MISSING_FIELD, "id", NULL },
  { "empty-title", "title", "\"\"", PF_PACK_ERROR_MISSING_FIELD, "title", NULL },
  { "wrong-member-type", "title", "5", PF_PACK_ERROR_MALFORMED, "title", NULL },
  { "no-sections", "sections", "[]", PF_PACK_ERROR_MISSING_FIELD, "sections", NULL },
  { "no-outcomes", "outcomes", NULL, PF_PACK_ERROR_MISSING_FIELD, "outcomes", NULL },
  { "missing-prompt", "sections[0].questions[1].prompt", NULL, PF_PACK_ERROR_MISSING_FIELD,
    "sections[0].questions[1].prompt", NULL },
  { "missing-question-id", "sections[1].questions[0].id", NULL, PF_PACK_ERROR_MISSING_FIELD,
    "sections[1].questions[0].id", NULL },
  { "missing-when", "indicators[2].when", NULL, PF_PACK_ERROR_MISSING_FIELD, "indicators[2].when", NULL },
  { "missing-reason", "indicators[0].reason", NULL, PF_PACK_ERROR_MISSING_FIELD, "indicators[0].reason", NULL },
  { "duplicate-question", "sections[1].questions[0].id", "\"a.released\"", PF_PACK_ERROR_DUPLICATE_ID,
    "sections[1].questions[0].id", "“a.released”" },
  { "duplicate-section", "sections[1].id", "\"a\"", PF_PACK_ERROR_DUPLICATE_ID, "sections[1].id", NULL },
  { "duplicate-indicator", "indicators[2].id", "\"open-weights\"", PF_PACK_ERROR_DUPLICATE_ID,
    "indicators[2].id", NULL },
  { "duplicate-source", "sources", "[{\"id\": \"s\", \"title\": \"S\"}, {\"id\": \"s\", \"title\": \"T\"}]",
    PF_PACK_ERROR_DUPLICATE_ID, "sources[1].id", NULL },
  { "duplicate-option", "sections[0].questions[1].options",
    "[{\"id\": \"api\", \"label\": \"A\"}, {\"id\": \"api\", \"label\": \"B\"}]",
    PF_PACK_ERROR_DUPLICATE_ID, "sections[0].questions[1].options[1].id", NULL },
  { "unknown-type", "sections[0].questions[4].type", "\"bogus\"", PF_PACK_ERROR_UNKNOWN_TYPE,
    "sections[0].questions[4].type", "unknown type “bogus”" },
  { "missing-options", "sections[0].questions[2].options", NULL, PF_PACK_ERROR_MISSING_OPTIONS,
    "sections[0].questions[2].options", NULL },
  { "empty-options", "sections[0].questions[1].options", "[]", PF_PACK_ERROR_MISSING_OPTIONS,
    "sections[0].questions[1].options", NULL },
  { "options-on-text", "sections[0].questions[3].options", "[{\"id\": \"a\", \"label\": \"A\"}]",
    PF_PACK_ERROR_INVALID_VALUE, "sections[0].questions[3].options", NULL },
  { "min-above-max", "sections[1].questions[0].min", "101", PF_PACK_ERROR_INVALID_RANGE,
    "sections[1].questions[0].min", NULL },
  { "range-on-text", "sections[0].questions[3].max", "3", PF_PACK_ERROR_INVALID_VALUE,
    "sections[0].questions[3].max", NULL },
  { "unknown-expression-key", "indicators[0].when",
    "{\"answer\": \"a.access\", \"op\": \"==\", \"valeu\": \"weights\"}", PF_PACK_ERROR_UNKNOWN_OPERATOR,
    "indicators[0].when", "“valeu”" },
  { "unknown-expression", "outcomes[4].when", "{\"every\": []}", PF_PACK_ERROR_UNKNOWN_OPERATOR,
    "outcomes[4].when", "“every”" },
  { "unknown-operator", "indicators[0].when.op", "\"~=\"", PF_PACK_ERROR_UNKNOWN_OPERATOR,
    "indicators[0].when.op", NULL },
  { "operator-mismatch", "indicators[0].when.op", "\"<\"", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "indicators[0].when.op", "choice" },
  { "contains-on-number", "indicators[1].when.op", "\"contains\"", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "indicators[1].when.op", NULL },
  { "compare-evidence", "sections[1].questions[2].visible_if",
    "{\"answer\": \"b.report\", \"op\": \"==\", \"value\": true}", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "sections[1].questions[2].visible_if.op", NULL },
  { "wrong-literal", "indicators[1].when.value", "\"fifty\"", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "indicators[1].when.value", NULL },
  { "wrong-boolean-literal", "sections[1].questions[2].visible_if.value", "\"yes\"",
    PF_PACK_ERROR_OPERATOR_MISMATCH, "sections[1].questions[2].visible_if.value", NULL },
  { "in-needs-list", "indicators[1].when",
    "{\"answer\": \"b.solve_rate\", \"op\": \"in\", \"value\": 5}", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "indicators[1].when.value", NULL },
  { "wrong-list-literal", "indicators[1].when",
    "{\"answer\": \"b.solve_rate\", \"op\": \"in\", \"value\": [5, \"6\"]}", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "indicators[1].when.value[1]", NULL },
  { "bad-date-literal", "indicators[1].when",
    "{\"answer\": \"a.release_date\", \"op\": \"<\", \"value\": \"2026-02-30\"}", PF_PACK_ERROR_OPERATOR_MISMATCH,
    "indicators[1].when.value", NULL },
  { "unknown-question", "indicators[0].when.answer", "\"a.nope\"", PF_PACK_ERROR_UNKNOWN_REFERENCE,
    "indicators[0].when.answer", "“a.nope”" },
  { "unknown-indicator", "outcomes[2].when.indicator", "\"nope\"", PF_PACK_ERROR_UNKNOWN_REFERENCE,
    "outcomes[2].when.indicator", "“nope”" },
  { "unknown-source", "indicators[0].sources", "[\"src-a\", \"src-z\"]", PF_PACK_ERROR_UNKNOWN_REFERENCE,
    "indicators[0].sources[1]", "“src-z”" },
  { "unknown-question-source", "sections[0].questions[0].sources", "[\"src-z\"]",
    PF_PACK_ERROR_UNKNOWN_REFERENCE, "sections[0].questions[0].sources[0]", NULL },
  { "unknown-option", "indicators[0].when.value", "\"gpu\"", PF_PACK_ERROR_UNKNOWN_REFERENCE,
    "indicators[0].when.value", "“gpu”" },
  { "unknown-option-in-list", "indicators[0].when",
    "{\"answer\": \"a.domains\", \"op\": \"in\", \"value\": [\"bio\", \"nuclear\"]}",
    PF_PACK_ERROR_UNKNOWN_REFERENCE, "indicators[0].when.value[1]", "“nuclear”" },
  { "cycle", "indicators[1].when", "{\"indicator\": \"cyber-and-zero-days\"}", PF_PACK_ERROR_CYCLE,
    "indicators[1].when",
    "indicator “high-solve-rate” → indicator “cyber-and-zero-days” → indicator “high-solve-rate”" },
  { "self-cycle", "indicators[0].when", "{\"not\": {\"indicator\": \"open-weights\"}}", PF_PACK_ERROR_CYCLE,
    "indicators[0].when", "indicator “open-weights” → indicator “open-weights”" },
  { "visible-if-cycle", "sections[0].questions[1].visible_if", "{\"indicator\": \"open-weights\"}",
    PF_PACK_ERROR_CYCLE, "sections[0].questions[1].visible_if",
    "question “a.access” → indicator “open-weights” → question “a.access”" },
  { "unknown-outcome", "outcomes[0].outcome", "\"covered\"", PF_PACK_ERROR_UNKNOWN_OUTCOME,
    "outcomes[0].outcome", "“covered”" },
  { "bad-status", "status", "\"final\"", PF_PACK_ERROR_INVALID_VALUE, "status", "“final”" },
  { "bad-strength", "indicators[1].strength", "\"medium\"", PF_PACK_ERROR_INVALID_VALUE,
    "indicators[1].strength", NULL },
  { "bad-provenance", "indicators[2].provenance", "\"guess\"", PF_PACK_ERROR_INVALID_VALUE,
    "indicators[2].provenance", NULL },
  { "bad-published", "published", "\"15/01/2026\"", PF_PACK_ERROR_INVALID_VALUE, "published", NULL },
  { "bad-version", "version", "\"1.0-beta\"", PF_PACK_ERROR_INVALID_VALUE, "version", NULL },
  { "at-least-too-many", "outcomes[1].when.at_least", "4", PF_PACK_ERROR_INVALID_VALUE,
    "outcomes[1].when.at_least", NULL },
};

/* Walks "a.b[2].c" to the object holding the last member. */
static JsonObject *
walk_to_parent (JsonNode    *root,
                const char  *path,
                const char **last)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n_parts = g_strv_length (parts);
  JsonNode *node = root;

  for (guint i = 0; i + 1 < n_parts; i++)
    {
      g_auto(GStrv) indices = g_strsplit (parts[i], "[", -1);

      node = json_object_get_member (json_node_get_object (node), indices[0]);
      for (guint j = 1; indices[j] != NULL; j++)
        node = json_array_get_element (json_node_get_array (node), g_ascii_strtoull (indices[j], NULL, 10));
      g_assert_nonnull (node);
    }

  *last = path + strlen (path) - strlen (parts[n_parts - 1]);
  return json_node_get_object (node);
}

static void
test_validation (gconstpointer data)
{
  const ValidationCase *test_case = data;
  g_autofree char *path = minimal_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *prefix = NULL;
  JsonObject *parent;
  const char *member;
  gsize length;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  parent = walk_to_parent (json_parser_get_root (parser), test_case->path, &member);
  if (test_case->value != NULL)
    json_object_set_member (parent, member, json_from_string (test_case->value, NULL));
  else
    {
      g_assert_true (json_object_has_member (parent, member));
      json_object_remove_member (parent, member);
    }

  json = json_to_string (json_parser_get_root (parser), TRUE);
  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  pack = pf_criteria_pack_new_from_bytes (bytes, "bad.pfpack.json", &error);

  g_assert_null (pack);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PF_PACK_ERROR, test_case->code);

  /* "ORIGIN: JSON.PATH: what is wrong — what to do" */
  prefix = g_strdup_printf ("bad.pfpack.json: %s: ", test_case->error_path);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  g_assert_nonnull (strstr (error->message, " — "));
  if (test_case->detail != NULL && strstr (error->message, test_case->detail) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, test_case->detail);
}

static JsonNode *
json (const char *text)
{
  return json_from_string (text, NULL);
}

static void
assert_invalid (PfQuestion *question,
                const char *value)
{
  g_autoptr(JsonNode) node = json (value);
  g_autoptr(GError) error = NULL;

  g_assert_false (pf_question_check_value (question, node, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, pf_question_get_id (question)));
}

static void
assert_valid (PfQuestion *question,
              const char *value)
{
  g_autoptr(JsonNode) node = json (value);
  g_autoptr(GError) error = NULL;

  g_assert_true (pf_question_check_value (question, node, &error));
  g_assert_no_error (error);
}

static void
test_check_value (void)
{
  g_autoptr(PfCriteriaPack) pack = load_minimal ();
  PfQuestion *boolean = pf_criteria_pack_lookup_question (pack, "a.released");
  PfQuestion *choice = pf_criteria_pack_lookup_question (pack, "a.access");
  PfQuestion *multi = pf_criteria_pack_lookup_question (pack, "a.domains");
  PfQuestion *text = pf_criteria_pack_lookup_question (pack, "a.name");
  PfQuestion *date = pf_criteria_pack_lookup_question (pack, "a.release_date");
  PfQuestion *number = pf_criteria_pack_lookup_question (pack, "b.solve_rate");
  PfQuestion *integer = pf_criteria_pack_lookup_question (pack, "b.zero_days");
  PfQuestion *evidence = pf_criteria_pack_lookup_question (pack, "b.report");
  g_autoptr(JsonNode) too_high = json ("200");
  g_autoptr(GError) error = NULL;

  assert_valid (boolean, "false");
  assert_invalid (boolean, "\"yes\"");
  assert_valid (choice, "\"api\"");
  assert_invalid (choice, "\"gpu\"");
  assert_invalid (choice, "[\"api\"]");
  assert_valid (multi, "[]");
  assert_valid (multi, "[\"bio\", \"cyber\"]");
  assert_invalid (multi, "[\"bio\", \"bio\"]");
  assert_invalid (multi, "[\"nuclear\"]");
  assert_invalid (multi, "\"bio\"");
  assert_valid (text, "\"Falcon\"");
  assert_invalid (text, "42");
  assert_valid (date, "\"2024-02-29\"");
  assert_invalid (date, "\"2025-02-29\"");
  assert_invalid (date, "\"2025-2-28\"");
  assert_valid (number, "0");
  assert_valid (number, "99.5");
  assert_valid (number, "100");
  assert_invalid (number, "100.01");
  assert_invalid (number, "-1");
  assert_invalid (number, "true");
  assert_valid (integer, "7");
  assert_valid (integer, "7.0");
  assert_invalid (integer, "7.5");
  assert_invalid (integer, "-3");
  assert_valid (evidence, "[\"id-1\"]");
  assert_invalid (evidence, "true");

  g_assert_false (pf_question_check_value (number, NULL, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* The range is in the message, so the user knows what to type. */
  g_assert_false (pf_question_check_value (number, too_high, &error));
  g_assert_nonnull (strstr (error->message, "between 0 and 100"));
}

static void
assert_parses (PfQuestion *question,
               const char *text,
               const char *expected_json,
               const char *expected_format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = pf_question_parse_value (question, text, &error);
  g_autofree char *value_json = NULL;
  g_autofree char *formatted = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (value);
  value_json = json_to_string (value, FALSE);
  g_assert_cmpstr (value_json, ==, expected_json);
  formatted = pf_question_format_value (question, value);
  g_assert_cmpstr (formatted, ==, expected_format);
}

static void
assert_parse_fails (PfQuestion *question,
                    const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = pf_question_parse_value (question, text, &error);

  g_assert_null (value);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
}

static void
test_parse_value (void)
{
  g_autoptr(PfCriteriaPack) pack = load_minimal ();
  PfQuestion *boolean = pf_criteria_pack_lookup_question (pack, "a.released");
  PfQuestion *choice = pf_criteria_pack_lookup_question (pack, "a.access");
  PfQuestion *multi = pf_criteria_pack_lookup_question (pack, "a.domains");
  PfQuestion *text = pf_criteria_pack_lookup_question (pack, "a.name");
  PfQuestion *date = pf_criteria_pack_lookup_question (pack, "a.release_date");
  PfQuestion *number = pf_criteria_pack_lookup_question (pack, "b.solve_rate");
  PfQuestion *integer = pf_criteria_pack_lookup_question (pack, "b.zero_days");
  PfQuestion *evidence = pf_criteria_pack_lookup_question (pack, "b.report");
  g_autofree char *none = NULL;
  g_autofree char *evidence_text = NULL;
  g_autoptr(JsonNode) evidence_value = json ("[\"e1\", \"e2\"]");

  assert_parses (boolean, " Yes ", "true", "Yes");
  assert_parses (boolean, "false", "false", "No");
  assert_parse_fails (boolean, "maybe");
  assert_parses (choice, "weights", "\"weights\"", "Open weights");
  assert_parse_fails (choice, "Open weights");
  assert_parses (multi, "cyber, chem", "[\"cyber\",\"chem\"]", "Cyber, Chemistry");
  assert_parses (multi, "", "[]", "None");
  assert_parse_fails (multi, "cyber,space");
  assert_parses (text, "Falcon 2", "\"Falcon 2\"", "Falcon 2");
  assert_parses (date, "2026-03-01", "\"2026-03-01\"", "2026-03-01");
  assert_parse_fails (date, "March 1");
  assert_parses (number, "12.5", "12.5", "12.5 %");
  assert_parse_fails (number, "12,5");
  assert_parse_fails (number, "150");
  assert_parse_fails (number, "nan");
  assert_parses (integer, "42", "42", "42");
  assert_parse_fails (integer, "4.2");
  assert_parse_fails (integer, "-1");
  assert_parse_fails (evidence, "report.pdf");

  none = pf_question_format_value (number, NULL);
  g_assert_cmpstr (none, ==, "Not answered");
  evidence_text = pf_question_format_value (evidence, evidence_value);
  g_assert_cmpstr (evidence_text, ==, "2 evidence items");
}

static void
test_enums (void)
{
  PfOutcome outcome = PF_OUTCOME_BORDERLINE;
  PfQuestionType type;
  PfMarking marking;
  PfDecision decision;
  PfAnswerState state;

  g_assert_true (pf_outcome_from_string ("likely-not-covered", &outcome));
  g_assert_cmpint (outcome, ==, PF_OUTCOME_LIKELY_NOT_COVERED);
  g_assert_false (pf_outcome_from_string ("covered", &outcome));
  g_assert_cmpint (outcome, ==, PF_OUTCOME_LIKELY_NOT_COVERED);
  g_assert_false (pf_outcome_from_string (NULL, &outcome));
  g_assert_cmpstr (pf_outcome_to_string (PF_OUTCOME_INCOMPLETE), ==, "incomplete");
  g_assert_cmpstr (pf_outcome_get_label (PF_OUTCOME_LIKELY_COVERED), ==, "Likely covered");

  g_assert_true (pf_question_type_from_string ("multi_choice", &type));
  g_assert_cmpint (type, ==, PF_QUESTION_MULTI_CHOICE);
  g_assert_cmpstr (pf_question_type_to_string (PF_QUESTION_EVIDENCE), ==, "evidence");
  g_assert_true (pf_marking_from_string ("pcii", &marking));
  g_assert_cmpint (marking, ==, PF_MARKING_PCII);
  g_assert_nonnull (strstr (pf_marking_get_label (PF_MARKING_CCI), "CCI"));
  g_assert_true (pf_decision_from_string ("changes-requested", &decision));
  g_assert_cmpint (decision, ==, PF_DECISION_CHANGES_REQUESTED);
  g_assert_cmpstr (pf_decision_to_string (PF_DECISION_APPROVE), ==, "approve");
  g_assert_true (pf_answer_state_from_string ("skipped", &state));
  g_assert_cmpint (state, ==, PF_ANSWER_STATE_SKIPPED);
  g_assert_cmpstr (pf_pack_status_to_string (PF_PACK_STATUS_OFFICIAL), ==, "official");
  g_assert_cmpstr (pf_strength_to_string (PF_STRENGTH_WEAK), ==, "weak");
  g_assert_cmpstr (pf_provenance_to_string (PF_PROVENANCE_PLACEHOLDER), ==, "placeholder");
}

/* Catalog */

static void
install_pack (const char *name,
              const char *version,
              const char *contents)
{
  g_autoptr(GFile) dir = pf_pack_catalog_get_install_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *path = g_build_filename (dir_path, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *minimal = minimal_path ();
  g_autofree char *text = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir_path, 0700));

  if (contents == NULL)
    {
      g_autoptr(GRegex) regex = g_regex_new ("\"version\": \"1.0.0\"", 0, 0, NULL);
      g_autofree char *replacement = g_strdup_printf ("\"version\": \"%s\"", version);
      g_autofree char *original = NULL;

      g_file_get_contents (minimal, &original, NULL, &error);
      g_assert_no_error (error);
      text = g_regex_replace_literal (regex, original, -1, 0, replacement, 0, &error);
      g_assert_no_error (error);
      contents = text;
    }

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static gboolean
is_builtin_problem (GError *problem)
{
  return g_str_has_prefix (problem->message, "/io/github/preflightapp/Preflight/packs/");
}

static guint
count_builtin_resources (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/preflightapp/Preflight/packs/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    n += g_str_has_suffix (names[i], ".pfpack.json");

  return n;
}

static void
test_catalog_empty (void)
{
  g_autoptr(PfPackCatalog) catalog = pf_pack_catalog_new ();
  GPtrArray *packs = pf_pack_catalog_get_packs (catalog);
  GPtrArray *problems = pf_pack_catalog_get_problems (catalog);
  g_autoptr(GFile) dir = pf_pack_catalog_get_install_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "preflight", "packs", NULL);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (dir_path, ==, expected);

  /* Only built-in packs (when valid), and no problem but theirs. */
  for (guint i = 0; i < packs->len; i++)
    {
      PfCriteriaPack *pack = g_ptr_array_index (packs, i);

      g_assert_true (pf_pack_catalog_is_builtin (catalog, pack));
      g_assert_true (g_str_has_prefix (pf_criteria_pack_get_origin (pack),
                                       "/io/github/preflightapp/Preflight/packs/"));
    }
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (is_builtin_problem (g_ptr_array_index (problems, i)));
  g_assert_cmpuint (packs->len + problems->len, ==, count_builtin_resources ());

  g_assert_null (pf_pack_catalog_lookup (catalog, "test-minimal", NULL, &error));
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND);
}

static void
test_catalog_installed (void)
{
  g_autoptr(PfPackCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) installed = g_ptr_array_new ();
  g_autoptr(GPtrArray) installed_problems = g_ptr_array_new ();
  GPtrArray *packs;
  PfCriteriaPack *pack;
  GError *problem;
  guint n_builtin = 0;

  install_pack ("minimal.pfpack.json", "1.0.0", NULL);
  install_pack ("minimal-1.9.pfpack.json", "1.9.0", NULL);
  install_pack ("minimal-1.10.pfpack.json", "1.10.0", NULL);
  install_pack ("copy.pfpack.json", "1.9.0", NULL);
  install_pack ("broken.pfpack.json", NULL, "{\"format\": \"preflight-pack/1\",");
  install_pack ("notes.txt", NULL, "not a pack");

  catalog = pf_pack_catalog_new ();
  packs = pf_pack_catalog_get_packs (catalog);

  for (guint i = 0; i < packs->len; i++)
    {
      pack = g_ptr_array_index (packs, i);
      if (pf_pack_catalog_is_builtin (catalog, pack))
        {
          /* Built-in packs come first. */
          g_assert_cmpuint (installed->len, ==, 0);
          n_builtin++;
        }
      else
        g_ptr_array_add (installed, pack);
    }

  /* By id, newest first; the copy of 1.9.0 is skipped. */
  g_assert_cmpuint (installed->len, ==, 3);
  g_assert_cmpstr (pf_criteria_pack_get_version (g_ptr_array_index (installed, 0)), ==, "1.10.0");
  g_assert_cmpstr (pf_criteria_pack_get_version (g_ptr_array_index (installed, 1)), ==, "1.9.0");
  g_assert_cmpstr (pf_criteria_pack_get_version (g_ptr_array_index (installed, 2)), ==, "1.0.0");

  for (guint i = 0; i < pf_pack_catalog_get_problems (catalog)->len; i++)
    {
      problem = g_ptr_array_index (pf_pack_catalog_get_problems (catalog), i);
      g_test_message ("problem: %s", problem->message);
      if (!is_builtin_problem (problem))
        g_ptr_array_add (installed_problems, problem);
    }

  g_assert_cmpuint (installed_problems->len, ==, 2);
  problem = g_ptr_array_index (installed_problems, 0);
  g_assert_error (problem, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (problem->message, "broken.pfpack.json: line "));
  problem = g_ptr_array_index (installed_problems, 1);
  g_assert_error (problem, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_suffix (pf_criteria_pack_get_origin (g_ptr_array_index (installed, 1)),
                                   "copy.pfpack.json"));
  g_assert_nonnull (strstr (problem->message, "minimal-1.9.pfpack.json: skipped"));

  pack = pf_pack_catalog_lookup (catalog, "test-minimal", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_criteria_pack_get_version (pack), ==, "1.10.0");
  pack = pf_pack_catalog_lookup (catalog, "test-minimal", "1.9.0", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_criteria_pack_get_version (pack), ==, "1.9.0");
  g_assert_false (pf_pack_catalog_is_builtin (catalog, pack));

  g_assert_null (pf_pack_catalog_lookup (catalog, "test-minimal", "3.0", &error));
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "3.0"));
  g_clear_error (&error);
  g_assert_null (pf_pack_catalog_lookup (catalog, "other", NULL, &error));
  g_assert_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND);

  g_assert_cmpuint (n_builtin + packs->len, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/pack/minimal", test_minimal);
  g_test_add_func ("/core/pack/sha256", test_sha256);
  g_test_add_func ("/core/pack/resource", test_resource);
  g_test_add_func ("/core/pack/too-large", test_too_large);
  g_test_add_func ("/core/pack/too-deep", test_too_deep);
  g_test_add_func ("/core/pack/malformed", test_malformed);
  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/pack/invalid/%s", validation_cases[i].name);

      g_test_add_data_func (test_path, &validation_cases[i], test_validation);
    }
  g_test_add_func ("/core/pack/check-value", test_check_value);
  g_test_add_func ("/core/pack/parse-value", test_parse_value);
  g_test_add_func ("/core/pack/enums", test_enums);
  g_test_add_func ("/core/pack/catalog-empty", test_catalog_empty);
  g_test_add_func ("/core/pack/catalog-installed", test_catalog_installed);

  return g_test_run ();
}
