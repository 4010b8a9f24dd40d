/* bundle-fixture.h: an assessment with answers and evidence, for the bundle
 * and OSCAL tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "preflight.h"

static inline GFile *
fixture_write_file (const char *name,
                    const void *data,
                    gsize       len)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sources", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Adds @source to @store and links it to @question_id (may be NULL). */
static inline void
fixture_attach (PfAssessment    *assessment,
                PfEvidenceStore *store,
                GFile           *source,
                const char      *title,
                const char      *media_type,
                const char      *question_id)
{
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  g_autoptr(GError) error = NULL;
  guint64 size = 0;

  item->sha256 = pf_evidence_store_add_file (store, source, &size, NULL, &error);
  g_assert_no_error (error);
  item->id = g_uuid_string_random ();
  item->title = g_strdup (title);
  item->size = size;
  item->media_type = g_strdup (media_type);
  item->original_name = g_file_get_basename (source);
  item->marking = PF_MARKING_CCI;
  item->added = g_strdup ("2026-11-26T04:16:22Z");
  if (question_id != NULL)
    {
      g_strfreev (item->question_ids);
      item->question_ids = g_new0 (char *, 2);
      item->question_ids[0] = g_strdup (question_id);
    }
  pf_assessment_put_evidence (assessment, item);
}

static inline void
fixture_answer (PfAssessment *assessment,
                const char   *question_id,
                JsonNode     *value)
{
  g_autoptr(GError) error = NULL;

  pf_assessment_set_value (assessment, question_id, value, &error);
  g_assert_no_error (error);
  json_node_unref (value);
}

/* The minimal test pack, a few answers (high-solve-rate fires, open-weights
 * does not, one question marked unknown) and two evidence files: a text
 * log and a fake PDF. */
static inline PfAssessment *
fixture_new_assessment (PfEvidenceStore *store)
{
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "packs",
                                                      "minimal.pfpack.json", NULL);
  g_autoptr(GFile) pack_file = g_file_new_for_path (pack_path);
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(GFile) log = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log_text = g_string_new (NULL);
  PfAssessment *assessment;
  JsonNode *value;

  pack = pf_criteria_pack_new_from_file (pack_file, NULL, &error);
  g_assert_no_error (error);

  assessment = pf_assessment_new (pack);
  pf_assessment_set_model_name (assessment, "Test Model");
  pf_assessment_set_model_version (assessment, "2.1 beta");
  pf_assessment_set_marking (assessment, PF_MARKING_CCI);

  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_boolean (value, TRUE);
  fixture_answer (assessment, "a.released", value);
  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (value, "api");
  fixture_answer (assessment, "a.access", value);
  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (value, 62.5);
  fixture_answer (assessment, "b.solve_rate", value);
  pf_assessment_mark_unknown (assessment, "b.zero_days", &error);
  g_assert_no_error (error);
  pf_assessment_set_note (assessment, "b.zero_days", "Red team still running.\nSecond line.");

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (log_text, "step %u: tried exploit, no shell\n", i);
  log = fixture_write_file ("eval log (final).txt", log_text->str, log_text->len);
  fixture_attach (assessment, store, log, "Evaluation log", "text/plain", "b.report");
  pdf = fixture_write_file ("Report.pdf", "%PDF-1.4 not really\n", 20);
  fixture_attach (assessment, store, pdf, "Evaluation report", "application/pdf", "b.report");

  return assessment;
}

static inline PfEvidenceStore *
fixture_new_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);

  return pf_evidence_store_new (root);
}

/* A fresh path in the test's private cache folder. */
static inline char *
fixture_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "out", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}
