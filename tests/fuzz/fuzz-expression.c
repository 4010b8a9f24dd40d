/* fuzz-expression.c: libFuzzer target for the expression parser and the
 * three-valued evaluation, against the fixed pack tests/data/packs/
 * minimal.pfpack.json (one question of every type).
 *
 * Input: an expression in JSON, optionally followed by a line "--" and an
 * answers object {"q.id": value | "unknown", …}. The expression is parsed on
 * its own, then spliced into the pack as the rule of an extra indicator and
 * of the first outcome rule, so the pack binds and checks it, and evaluated
 * over the answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#define SEPARATOR "\n--\n"

static JsonNode *template_pack;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  pf_fuzz_init ();
  g_file_get_contents (PF_FUZZ_DATA_DIR "/packs/minimal.pfpack.json", &contents, &len, &error);
  g_assert_no_error (error);
  template_pack = pf_fuzz_parse_json (contents, len);
  g_assert_nonnull (template_pack);
  return 0;
}

/* The template with an indicator "fuzz" whose rule is @expression, also
 * read by a first outcome rule. */
static GBytes *
splice_pack (JsonNode *expression)
{
  g_autoptr(JsonNode) root = json_node_copy (template_pack);
  JsonObject *pack = json_node_get_object (root);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) rule = NULL;
  g_autofree char *text = NULL;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "fuzz");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Fuzzed rule");
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, "fuzz");
  json_builder_set_member_name (builder, "strength");
  json_builder_add_string_value (builder, "weak");
  json_builder_set_member_name (builder, "when");
  json_builder_add_value (builder, json_node_copy (expression));
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, "Fuzzed.");
  json_builder_set_member_name (builder, "provenance");
  json_builder_add_string_value (builder, "placeholder");
  json_builder_end_object (builder);
  json_array_add_element (json_object_get_array_member (pack, "indicators"),
                          json_builder_get_root (builder));

  rule = json_from_string ("{\"outcome\": \"borderline\", \"when\": {\"indicator\": \"fuzz\"}}",
                           NULL);
  json_array_add_element (json_object_get_array_member (pack, "outcomes"),
                          g_steal_pointer (&rule));

  text = json_to_string (root, FALSE);
  len = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  /* Stops at a NUL byte: input with one before the separator is all
   * expression (which then is not JSON). */
  const char *separator = g_strstr_len (text, size, SEPARATOR);
  gsize expression_len = separator != NULL ? (gsize) (separator - text) : size;
  g_autoptr(JsonNode) expression_json = pf_fuzz_parse_json (text, expression_len);
  g_autoptr(JsonNode) answers = NULL;
  g_autoptr(PfExpression) expression = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pack_bytes = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfDetermination) determination = NULL;
  const PfIndicatorResult *result;

  if (expression_json == NULL)
    return 0;

  expression = pf_expression_parse (expression_json, "fuzz", &error);
  if (expression == NULL)
    {
      g_assert_true (error != NULL && error->domain == PF_PACK_ERROR);
      return 0;
    }

  pack_bytes = splice_pack (expression_json);
  pack = pf_criteria_pack_new_from_bytes (pack_bytes, "fuzz.pfpack.json", &error);
  if (pack == NULL)
    {
      /* Unknown references, mismatched operators and cycles end here. */
      g_assert_true (error != NULL && error->domain == PF_PACK_ERROR);
      return 0;
    }

  if (separator != NULL)
    {
      gsize offset = expression_len + strlen (SEPARATOR);

      answers = pf_fuzz_parse_json (text + offset, size - offset);
    }

  assessment = pf_assessment_new (pack);
  pf_fuzz_apply_answers (assessment, answers);
  determination = pf_determination_new (pack, assessment);
  result = pf_determination_lookup_indicator (determination, "fuzz");
  g_assert_nonnull (result);
  g_assert_true (result->state == PF_TRUTH_TRUE || result->state == PF_TRUTH_FALSE ||
                 result->state == PF_TRUTH_UNKNOWN);
  pf_fuzz_exercise_determination (determination);

  return 0;
}
