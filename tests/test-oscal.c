/* test-oscal.c: the OSCAL 1.1.2 assessment-results document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "bundle-fixture.h"
#include "pf-bundle-private.h"

/* RFC 4122 appendix C. */
#define NAMESPACE_DNS "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
#define NAMESPACE_URL "6ba7b811-9dad-11d1-80b4-00c04fd430c8"

static JsonNode *
build_document (PfAssessment *assessment)
{
  g_autoptr(PfDetermination) determination =
    pf_determination_new (pf_assessment_get_pack (assessment), assessment);

  return pf_oscal_build_assessment_results (assessment, determination);
}

static JsonObject *
results_of (JsonNode *document)
{
  JsonObject *ar = json_object_get_object_member (json_node_get_object (document),
                                                  "assessment-results");

  return json_array_get_object_element (json_object_get_array_member (ar, "results"), 0);
}

static const char *
prop_value (JsonObject *object,
            const char *name)
{
  JsonArray *props = json_object_get_array_member (object, "props");

  for (guint i = 0; i < json_array_get_length (props); i++)
    {
      JsonObject *prop = json_array_get_object_element (props, i);

      if (g_str_equal (json_object_get_string_member (prop, "name"), name))
        {
          g_assert_cmpstr (json_object_get_string_member (prop, "ns"), ==, PF_OSCAL_NAMESPACE);
          return json_object_get_string_member (prop, "value");
        }
    }

  return NULL;
}

static void
test_uuid_v5 (void)
{
  g_autofree char *python = pf_oscal_uuid_v5 (NAMESPACE_DNS, "python.org");
  g_autofree char *upper = pf_oscal_uuid_v5 ("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org");
  g_autofree char *url = pf_oscal_uuid_v5 (NAMESPACE_URL, "https://www.python.org/");

  /* Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"). */
  g_assert_cmpstr (python, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  g_assert_cmpstr (upper, ==, python);
  /* uuid.uuid5(uuid.NAMESPACE_URL, "https://www.python.org/"). */
  g_assert_cmpstr (url, ==, "5406f80d-92e9-51cd-a176-77445955e733");
}

static void
test_deterministic (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autoptr(PfAssessment) other = fixture_new_assessment (store);
  g_autoptr(JsonNode) first = build_document (assessment);
  g_autoptr(JsonNode) second = build_document (assessment);
  g_autoptr(JsonNode) third = build_document (other);
  g_autoptr(GBytes) first_bytes = pf_bundle_json_to_bytes (first);
  g_autoptr(GBytes) second_bytes = pf_bundle_json_to_bytes (second);
  g_autoptr(GBytes) third_bytes = pf_bundle_json_to_bytes (third);
  JsonObject *ar = json_object_get_object_member (json_node_get_object (first),
                                                  "assessment-results");
  JsonObject *other_ar = json_object_get_object_member (json_node_get_object (third),
                                                        "assessment-results");

  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
  /* Another assessment, other UUIDs. */
  g_assert_false (g_bytes_equal (first_bytes, third_bytes));
  g_assert_cmpstr (json_object_get_string_member (ar, "uuid"), !=,
                   json_object_get_string_member (other_ar, "uuid"));
}

static void
test_content (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autoptr(JsonNode) document = build_document (assessment);
  JsonObject *ar = json_object_get_object_member (json_node_get_object (document),
                                                  "assessment-results");
  JsonObject *metadata = json_object_get_object_member (ar, "metadata");
  JsonObject *result = results_of (document);
  JsonArray *observations = json_object_get_array_member (result, "observations");
  JsonArray *findings = json_object_get_array_member (result, "findings");
  JsonArray *resources = json_object_get_array_member (json_object_get_object_member (ar,
                                                                                      "back-matter"),
                                                       "resources");
  GPtrArray *evidence = pf_assessment_get_evidence (assessment);
  guint checked = 0;

  g_assert_cmpstr (json_object_get_string_member (metadata, "oscal-version"), ==, "1.1.2");
  g_assert_cmpstr (json_object_get_string_member (metadata, "last-modified"), ==,
                   pf_assessment_get_modified (assessment));
  g_assert_cmpstr (prop_value (result, "outcome"), ==, "borderline");

  /* The English summary of determination.json, whatever the locale. */
  {
    g_autoptr(PfDetermination) determination =
      pf_determination_new (pf_assessment_get_pack (assessment), assessment);
    g_autoptr(JsonNode) json = pf_determination_to_json (determination);

    g_assert_cmpstr (json_object_get_string_member (result, "description"), ==,
                     json_object_get_string_member (json_node_get_object (json), "summary"));
  }

  /* a.released, a.access, b.solve_rate, b.zero_days (unknown), b.report
   * (its evidence). */
  g_assert_cmpuint (json_array_get_length (observations), ==, 5);
  g_assert_cmpstr (prop_value (json_array_get_object_element (observations, 3), "answer-state"),
                   ==, "unknown");

  g_assert_cmpuint (json_array_get_length (findings), ==, 3);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      JsonObject *status = json_object_get_object_member (json_object_get_object_member (finding,
                                                                                         "target"),
                                                          "status");
      const char *id = prop_value (finding, "indicator-id");

      if (g_str_equal (id, "open-weights"))
        {
          g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "satisfied");
          checked++;
        }
      else if (g_str_equal (id, "high-solve-rate"))
        {
          g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "not-satisfied");
          g_assert_cmpstr (json_object_get_string_member (status, "reason"), ==, "fail");
          g_assert_true (json_object_has_member (finding, "related-observations"));
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 2);

  /* The pack, then each evidence file with its SHA-256. */
  g_assert_cmpuint (json_array_get_length (resources), ==, 1 + evidence->len);
  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);
      JsonObject *resource = json_array_get_object_element (resources, i + 1);
      JsonObject *rlink = json_array_get_object_element (json_object_get_array_member (resource,
                                                                                       "rlinks"), 0);
      JsonObject *hash = json_array_get_object_element (json_object_get_array_member (rlink,
                                                                                      "hashes"), 0);

      g_assert_cmpstr (json_object_get_string_member (hash, "algorithm"), ==, "SHA-256");
      g_assert_cmpstr (json_object_get_string_member (hash, "value"), ==, item->sha256);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (rlink, "href"),
                                       "../evidence/"));
    }
}

/* Runs the ajv 8 validator; returns its exit status. */
static int
validate (const char *document_path)
{
  const char *root = g_getenv ("PREFLIGHT_SOURCE_ROOT");
  g_autofree char *schema = NULL;
  g_autofree char *script = NULL;
  g_autofree char *ajv = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (root);
  schema = g_build_filename (root, "..", "shared", "oscal",
                             "oscal_assessment-results_schema.json", NULL);
  script = g_build_filename (root, "tests", "tools", "validate-oscal.js", NULL);
  ajv = g_build_filename (root, "tests", "tools", "node_modules", "ajv", NULL);
  if (!g_file_test (ajv, G_FILE_TEST_IS_DIR))
    g_error ("ajv is not installed; run “npm install --prefix tests/tools” first");

  {
    const char *argv[] = { "node", script, schema, document_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("validator: %s", err);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static char *
write_document (JsonNode   *document,
                const char *name)
{
  g_autoptr(GBytes) bytes = pf_bundle_json_to_bytes (document);
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_schema (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autoptr(JsonNode) document = build_document (assessment);
  g_autofree char *good = write_document (document, "good.json");
  g_autofree char *bad = NULL;
  JsonObject *result = results_of (document);
  JsonObject *prop;

  g_assert_cmpint (validate (good), ==, 0);

  /* A prop name outside the token pattern, and no start time: invalid. */
  prop = json_array_get_object_element (json_object_get_array_member (result, "props"), 0);
  json_object_set_string_member (prop, "name", "not a token");
  json_object_remove_member (result, "start");
  bad = write_document (document, "bad.json");
  g_assert_cmpint (validate (bad), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/oscal/uuid-v5", test_uuid_v5);
  g_test_add_func ("/core/oscal/deterministic", test_deterministic);
  g_test_add_func ("/core/oscal/content", test_content);
  g_test_add_func ("/core/oscal/schema", test_schema);

  return g_test_run ();
}
