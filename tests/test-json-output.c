/* test-json-output.c: every double json-glib can hold comes out as valid JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "preflight.h"
#include "pf-json-output.h"

static JsonNode *
reparse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_exponent_doubles (void)
{
  const double values[] = { 3e26, 1e21, 1e25, 0.5, 1e-7, 100.0, -4e30, 12.25 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autoptr(GString) text = NULL;
      g_autoptr(JsonNode) back = NULL;

      json_node_set_double (node, values[i]);
      text = pf_json_output_to_gstring (node, FALSE);
      back = reparse (text->str);
      g_assert_cmpfloat (json_node_get_double (back), ==, values[i]);
    }
}

static void
test_strings_untouched (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(JsonNode) back = NULL;
  JsonObject *object;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, "ran 3e+26.0 \"quoted e+5.0\" \\e1.0");
  json_builder_set_member_name (builder, "flops");
  json_builder_add_double_value (builder, 3e26);
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  text = pf_json_output_to_gstring (root, TRUE);
  back = reparse (text->str);
  object = json_node_get_object (back);
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==,
                   "ran 3e+26.0 \"quoted e+5.0\" \\e1.0");
  g_assert_cmpfloat (json_object_get_double_member (object, "flops"), ==, 3e26);
  g_assert_true (json_object_get_boolean_member (object, "done"));
  g_assert_false (json_object_get_boolean_member (object, "open"));
}

/* The bug that made this module: a training-compute answer of 3e26 wrote an
 * assessment that could not be opened again. */
static void
test_assessment_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfAssessment) back = NULL;
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GBytes) bytes = NULL;
  PfAnswer *answer;

  pack = pf_criteria_pack_new_from_resource ("/io/github/preflightapp/Preflight/packs/"
                                             "frontier-cyber-draft.pfpack.json", &error);
  g_assert_no_error (error);
  assessment = pf_assessment_new (pack);
  pf_assessment_set_pack (assessment, pack, &error);
  g_assert_no_error (error);

  json_node_set_double (value, 3e26);
  pf_assessment_set_value (assessment, "b.training_flop", value, &error);
  g_assert_no_error (error);

  bytes = pf_assessment_to_bytes (assessment);
  back = pf_assessment_new_from_bytes (bytes, "round-trip.preflight", &error);
  g_assert_no_error (error);
  answer = pf_assessment_get_answer (back, "b.training_flop");
  g_assert_nonnull (answer);
  g_assert_cmpfloat (json_node_get_double (pf_answer_get_value (answer)), ==, 3e26);
}

/* Bytes that are not UTF-8 in a string would make the text unreadable; the
 * writer puts U+FFFD in their place and warns, since a caller missed them. */
static void
test_not_utf8_replaced (void)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GString) text = NULL;
  g_autoptr(JsonNode) back = NULL;

  json_object_set_string_member (object, "name", "caf\xe9.txt");
  json_node_set_object (root, object);

  g_test_expect_message ("pf-json-output", G_LOG_LEVEL_WARNING, "*not UTF-8*");
  text = pf_json_output_to_gstring (root, FALSE);
  g_test_assert_expected_messages ();

  g_assert_true (g_utf8_validate_len (text->str, text->len, NULL));
  back = reparse (text->str);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (back), "name"), ==,
                   "caf\xef\xbf\xbd.txt");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/json-output/exponent-doubles", test_exponent_doubles);
  g_test_add_func ("/core/json-output/strings-untouched", test_strings_untouched);
  g_test_add_func ("/core/json-output/assessment-round-trip", test_assessment_round_trip);
  g_test_add_func ("/core/json-output/not-utf8-replaced", test_not_utf8_replaced);

  return g_test_run ();
}
