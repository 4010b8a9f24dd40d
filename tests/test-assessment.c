/* test-assessment.c: the assessment document: load, save, answers, sign-offs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pf-assessment.h"

static PfCriteriaPack *
load_pack (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "assessment",
                                                 "pack.pfpack.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *pack;

  pack = pf_criteria_pack_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

/* A pack that differs from the fixture by one textual replacement. */
static PfCriteriaPack *
load_pack_variant (const char *find,
                   const char *replace)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  GBytes *bytes = pf_criteria_pack_get_bytes (pack);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (text, find, 2);
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) changed_bytes = NULL;
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *variant;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoin (replace, parts[0], parts[1], NULL);
  changed_bytes = g_bytes_new (changed, strlen (changed));
  variant = pf_criteria_pack_new_from_bytes (changed_bytes, "variant.pfpack.json", &error);
  g_assert_no_error (error);

  return variant;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  return g_file_new_for_path (path);
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
mode_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
set_value (PfAssessment *assessment,
           const char   *question_id,
           const char   *json)
{
  g_autoptr(JsonNode) value = parse_json (json);
  g_autoptr(GError) error = NULL;

  pf_assessment_set_value (assessment, question_id, value, &error);
  g_assert_no_error (error);
}

static void
assert_value (PfAssessment *assessment,
              const char   *question_id,
              const char   *json)
{
  PfAnswer *answer = pf_assessment_get_answer (assessment, question_id);
  g_autofree char *actual = NULL;

  g_assert_nonnull (answer);
  g_assert_nonnull (pf_answer_get_value (answer));
  actual = json_to_string (pf_answer_get_value (answer), FALSE);
  g_assert_cmpstr (actual, ==, json);
}

/* An assessment with every field filled in. */
static PfAssessment *
make_full_assessment (PfCriteriaPack *pack)
{
  PfAssessment *assessment = pf_assessment_new (pack);
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  g_autoptr(PfSignoff) signoff = pf_signoff_new ();
  g_autoptr(PfReceipt) receipt = pf_receipt_new ();
  g_autoptr(GError) error = NULL;
  const char *links[] = { "c.report", "c.found", NULL };

  pf_assessment_set_model_name (assessment, "Example-7B");
  pf_assessment_set_model_version (assessment, "2026-11");
  pf_assessment_set_organisation (assessment, "Example Labs");
  pf_assessment_set_contact (assessment, "safety@example.org");
  pf_assessment_set_release_date (assessment, "2027-01-31");
  pf_assessment_set_marking (assessment, PF_MARKING_CCI);

  set_value (assessment, "a.open_weights", "true");
  set_value (assessment, "a.score", "42.5");
  set_value (assessment, "a.tasks", "7");
  set_value (assessment, "a.access", "\"api\"");
  set_value (assessment, "c.domains", "[\"web\",\"ot\"]");
  set_value (assessment, "c.found", "\"Solved “hard” tasks\"");
  set_value (assessment, "c.date", "\"2026-10-01\"");
  pf_assessment_set_note (assessment, "a.score", "From the internal run");
  pf_assessment_set_needs_review (assessment, "a.tasks", TRUE);
  pf_assessment_set_note (assessment, "c.report", "Report pending sign-off");
  pf_assessment_mark_unknown (assessment, "a.access", &error);
  g_assert_no_error (error);

  item->id = g_strdup ("6f1c7e0a-0d6b-4a51-9b1e-3f0f5b7a2c11");
  item->title = g_strdup ("Evaluation report");
  item->sha256 = g_strdup ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  item->size = 3;
  item->media_type = g_strdup ("application/pdf");
  item->original_name = g_strdup ("eval.pdf");
  item->marking = PF_MARKING_PCII;
  g_strfreev (item->question_ids);
  item->question_ids = g_strdupv ((char **) links);
  item->added = g_strdup ("2026-11-20T10:00:00Z");
  pf_assessment_put_evidence (assessment, item);

  signoff->name = g_strdup ("Ada Reviewer");
  signoff->role = g_strdup ("Safety lead");
  signoff->decision = PF_DECISION_CHANGES_REQUESTED;
  signoff->comment = g_strdup ("Check the score");
  pf_assessment_add_signoff (assessment, signoff);

  receipt->url = g_strdup ("https://example.org/submissions/abc");
  receipt->time = g_strdup ("2026-11-25T09:30:00Z");
  receipt->status = 201;
  receipt->size = 12345;
  receipt->digest = g_strdup ("sha-256=:abc=:");
  receipt->etag = g_strdup ("\"v1\"");
  pf_assessment_add_receipt (assessment, receipt);

  return assessment;
}

static void
test_round_trip (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = make_full_assessment (pack);
  g_autoptr(PfAssessment) loaded = NULL;
  g_autoptr(GFile) file = data_file ("round-trip.preflight");
  g_autoptr(GBytes) original_bytes = NULL;
  g_autoptr(GBytes) loaded_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const PfEvidenceItem *item;
  const PfSignoff *signoff;
  const PfReceipt *receipt;
  PfAnswer *answer;

  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pf_assessment_get_file (assessment), file));

  loaded = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pf_assessment_get_file (loaded), file));
  g_assert_null (pf_assessment_get_pack (loaded));
  pf_assessment_set_pack (loaded, pack, &error);
  g_assert_no_error (error);
  g_assert_true (pf_assessment_get_pack (loaded) == pack);

  g_assert_cmpstr (pf_assessment_get_id (loaded), ==, pf_assessment_get_id (assessment));
  g_assert_true (g_uuid_string_is_valid (pf_assessment_get_id (loaded)));
  g_assert_cmpstr (pf_assessment_get_created (loaded), ==, pf_assessment_get_created (assessment));
  g_assert_cmpstr (pf_assessment_get_modified (loaded), ==, pf_assessment_get_modified (assessment));
  g_assert_cmpstr (pf_assessment_get_pack_id (loaded), ==, "assessment-test");
  g_assert_cmpstr (pf_assessment_get_pack_version (loaded), ==, "1.0.0");
  g_assert_cmpstr (pf_assessment_get_pack_sha256 (loaded), ==, pf_criteria_pack_get_sha256 (pack));
  g_assert_cmpstr (pf_assessment_get_model_name (loaded), ==, "Example-7B");
  g_assert_cmpstr (pf_assessment_get_model_version (loaded), ==, "2026-11");
  g_assert_cmpstr (pf_assessment_get_organisation (loaded), ==, "Example Labs");
  g_assert_cmpstr (pf_assessment_get_contact (loaded), ==, "safety@example.org");
  g_assert_cmpstr (pf_assessment_get_release_date (loaded), ==, "2027-01-31");
  g_assert_cmpint (pf_assessment_get_marking (loaded), ==, PF_MARKING_CCI);

  assert_value (loaded, "a.open_weights", "true");
  assert_value (loaded, "a.score", "42.5");
  assert_value (loaded, "a.tasks", "7");
  assert_value (loaded, "c.domains", "[\"web\",\"ot\"]");
  assert_value (loaded, "c.found", "\"Solved “hard” tasks\"");
  assert_value (loaded, "c.date", "\"2026-10-01\"");
  g_assert_cmpint (json_node_get_value_type (pf_answer_get_value (pf_assessment_get_answer (loaded, "a.tasks"))),
                   ==, G_TYPE_INT64);

  answer = pf_assessment_get_answer (loaded, "a.score");
  g_assert_cmpstr (pf_answer_get_note (answer), ==, "From the internal run");
  g_assert_false (pf_answer_get_needs_review (answer));
  g_assert_true (pf_answer_is_answered (answer));
  g_assert_cmpstr (pf_answer_get_updated (answer), ==,
                   pf_answer_get_updated (pf_assessment_get_answer (assessment, "a.score")));
  g_assert_true (pf_answer_get_needs_review (pf_assessment_get_answer (loaded, "a.tasks")));

  answer = pf_assessment_get_answer (loaded, "a.access");
  g_assert_cmpint (pf_answer_get_state (answer), ==, PF_ANSWER_STATE_UNKNOWN);
  g_assert_null (pf_answer_get_value (answer));
  g_assert_false (pf_answer_is_answered (answer));

  answer = pf_assessment_get_answer (loaded, "c.report");
  g_assert_cmpstr (pf_answer_get_note (answer), ==, "Report pending sign-off");
  g_assert_false (pf_answer_is_answered (answer));

  g_assert_cmpuint (pf_assessment_get_evidence (loaded)->len, ==, 1);
  item = g_ptr_array_index (pf_assessment_get_evidence (loaded), 0);
  g_assert_cmpstr (item->id, ==, "6f1c7e0a-0d6b-4a51-9b1e-3f0f5b7a2c11");
  g_assert_cmpstr (item->title, ==, "Evaluation report");
  g_assert_cmpstr (item->sha256, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpuint (item->size, ==, 3);
  g_assert_cmpstr (item->media_type, ==, "application/pdf");
  g_assert_cmpstr (item->original_name, ==, "eval.pdf");
  g_assert_cmpint (item->marking, ==, PF_MARKING_PCII);
  g_assert_cmpuint (g_strv_length (item->question_ids), ==, 2);
  g_assert_true (pf_evidence_item_links_question (item, "c.report"));
  g_assert_true (pf_evidence_item_links_question (item, "c.found"));
  g_assert_false (pf_evidence_item_links_question (item, "a.score"));
  g_assert_cmpstr (item->added, ==, "2026-11-20T10:00:00Z");
  g_assert_true (pf_assessment_lookup_evidence (loaded, item->id) == item);

  g_assert_cmpuint (pf_assessment_get_signoffs (loaded)->len, ==, 1);
  signoff = g_ptr_array_index (pf_assessment_get_signoffs (loaded), 0);
  g_assert_true (g_uuid_string_is_valid (signoff->id));
  g_assert_cmpstr (signoff->name, ==, "Ada Reviewer");
  g_assert_cmpstr (signoff->role, ==, "Safety lead");
  {
    /* Freed (valgrind: the date was leaked). */
    g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (signoff->date, NULL);

    g_assert_nonnull (date);
  }
  g_assert_cmpint (signoff->decision, ==, PF_DECISION_CHANGES_REQUESTED);
  g_assert_cmpstr (signoff->comment, ==, "Check the score");
  g_assert_cmpuint (strlen (signoff->content_sha256), ==, 64);
  g_assert_false (pf_assessment_signoff_is_stale (loaded, signoff));

  g_assert_cmpuint (pf_assessment_get_receipts (loaded)->len, ==, 1);
  receipt = g_ptr_array_index (pf_assessment_get_receipts (loaded), 0);
  g_assert_cmpstr (receipt->url, ==, "https://example.org/submissions/abc");
  g_assert_cmpstr (receipt->time, ==, "2026-11-25T09:30:00Z");
  g_assert_cmpuint (receipt->status, ==, 201);
  g_assert_cmpuint (receipt->size, ==, 12345);
  g_assert_cmpstr (receipt->digest, ==, "sha-256=:abc=:");
  g_assert_cmpstr (receipt->etag, ==, "\"v1\"");

  /* Nothing is lost or reordered: the loaded document serialises to the
   * same bytes, and so hashes the same. */
  original_bytes = pf_assessment_to_bytes (assessment);
  loaded_bytes = pf_assessment_to_bytes (loaded);
  g_assert_cmpmem (g_bytes_get_data (original_bytes, NULL), g_bytes_get_size (original_bytes),
                   g_bytes_get_data (loaded_bytes, NULL), g_bytes_get_size (loaded_bytes));
}

static void
test_answer_records (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  PfAnswer *answer;

  set_value (assessment, "c.found", "\"nothing\"");
  set_value (assessment, "a.score", "10");
  pf_assessment_set_note (assessment, "a.score", "checked");
  pf_assessment_set_needs_review (assessment, "a.score", TRUE);

  ids = pf_assessment_list_answered_ids (assessment);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "a.score");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "c.found");

  /* A new value keeps the note and the review flag. */
  set_value (assessment, "a.score", "11");
  answer = pf_assessment_get_answer (assessment, "a.score");
  g_assert_cmpstr (pf_answer_get_note (answer), ==, "checked");
  g_assert_true (pf_answer_get_needs_review (answer));

  pf_assessment_mark_unknown (assessment, "a.score", &error);
  g_assert_no_error (error);
  answer = pf_assessment_get_answer (assessment, "a.score");
  g_assert_cmpint (pf_answer_get_state (answer), ==, PF_ANSWER_STATE_UNKNOWN);
  g_assert_cmpstr (pf_answer_get_note (answer), ==, "checked");

  /* Clearing keeps the note and flag; a record with nothing left goes. */
  pf_assessment_clear_value (assessment, "a.score");
  answer = pf_assessment_get_answer (assessment, "a.score");
  g_assert_nonnull (answer);
  g_assert_false (pf_answer_is_answered (answer));
  g_assert_cmpstr (pf_answer_get_note (answer), ==, "checked");
  pf_assessment_set_note (assessment, "a.score", NULL);
  pf_assessment_set_needs_review (assessment, "a.score", FALSE);
  g_assert_null (pf_assessment_get_answer (assessment, "a.score"));

  pf_assessment_clear_value (assessment, "c.found");
  g_assert_null (pf_assessment_get_answer (assessment, "c.found"));

  pf_assessment_mark_unknown (assessment, "z.nope", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_UNKNOWN_QUESTION);
}

static void
test_evidence_items (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  g_autoptr(PfEvidenceItem) copy = NULL;
  const PfEvidenceItem *stored;

  item->id = g_strdup ("e1");
  item->title = g_strdup ("First title");
  item->sha256 = g_strdup ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  pf_assessment_put_evidence (assessment, item);

  /* The assessment keeps its own copy. */
  g_free (item->title);
  item->title = g_strdup ("Second title");
  stored = pf_assessment_lookup_evidence (assessment, "e1");
  g_assert_cmpstr (stored->title, ==, "First title");
  g_assert_cmpuint (g_strv_length (stored->question_ids), ==, 0);

  /* Same id replaces. */
  pf_assessment_put_evidence (assessment, item);
  g_assert_cmpuint (pf_assessment_get_evidence (assessment)->len, ==, 1);
  g_assert_cmpstr (pf_assessment_lookup_evidence (assessment, "e1")->title, ==, "Second title");

  copy = pf_evidence_item_copy (item);
  g_free (copy->id);
  copy->id = g_strdup ("e2");
  pf_assessment_put_evidence (assessment, copy);
  g_assert_cmpuint (pf_assessment_get_evidence (assessment)->len, ==, 2);

  g_assert_true (pf_assessment_remove_evidence (assessment, "e1"));
  g_assert_false (pf_assessment_remove_evidence (assessment, "e1"));
  g_assert_null (pf_assessment_lookup_evidence (assessment, "e1"));
  g_assert_nonnull (pf_assessment_lookup_evidence (assessment, "e2"));
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(GFile) file = data_file ("future.preflight");
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *future = NULL;
  JsonObject *object;

  write_file (file,
              "{\"format\": \"preflight-assessment/1\", \"id\": \"0d7c2f3e-1111-4c1a-8a2b-123456789abc\",\n"
              " \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-02T00:00:00Z\",\n"
              " \"pack\": {\"id\": \"assessment-test\", \"version\": \"1.0.0\"},\n"
              " \"future_feature\": {\"enabled\": true, \"levels\": [1, 2.5, \"three\"]},\n"
              " \"answers\": {}, \"x-vendor\": \"kept\"}\n");

  assessment = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (pf_assessment_get_pack_sha256 (assessment));
  pf_assessment_set_model_name (assessment, "Changed");
  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);

  text = read_file (file);
  root = parse_json (text);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "x-vendor"), ==, "kept");
  future = json_to_string (json_object_get_member (object, "future_feature"), FALSE);
  g_assert_cmpstr (future, ==, "{\"enabled\":true,\"levels\":[1,2.5,\"three\"]}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "model"),
                                                  "name"), ==, "Changed");
}

static void
test_truncated (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = make_full_assessment (pack);
  g_autoptr(PfAssessment) loaded = NULL;
  g_autoptr(GFile) file = data_file ("truncated.preflight");
  g_autoptr(GBytes) bytes = pf_assessment_to_bytes (assessment);
  g_autofree char *truncated = g_strndup (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes) / 2);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before_stat, after_stat;

  write_file (file, truncated);
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  loaded = pf_assessment_load (file, NULL, &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED);
  g_assert_null (loaded);
  /* The message names the file and the line and says what to do. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "line "));
  g_assert_nonnull (strstr (error->message, "backup"));

  /* Loading never writes. */
  after = read_file (file);
  g_assert_cmpstr (after, ==, truncated);
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_mtime, ==, before_stat.st_mtime);
  g_assert_cmpint (after_stat.st_mode, ==, before_stat.st_mode);
}

static void
assert_load_error (const char *json,
                   int         code,
                   const char *message_part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = pf_assessment_new_from_bytes (bytes, "test.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, code);
  g_assert_null (assessment);
  g_assert_true (g_str_has_prefix (error->message, "test.preflight: "));
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message_part);
}

#define HEAD "{\"format\": \"preflight-assessment/1\", \"id\": \"i\", \"created\": \"c\", " \
             "\"modified\": \"m\", \"pack\": {\"id\": \"p\", \"version\": \"1\"}"

static void
test_foreign (void)
{
  assert_load_error ("{\"name\": \"package\", \"version\": \"1.0.0\"}",
                     PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT, "format");
  assert_load_error ("[1, 2, 3]", PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT, NULL);
  assert_load_error ("{\"format\": 1}", PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT, NULL);
  assert_load_error ("{\"format\": \"preflight-pack/1\", \"id\": \"x\"}",
                     PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT, "preflight-pack/1");
  assert_load_error ("{\"format\": \"preflight-assessment/2\"}",
                     PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT, "newer version");
  assert_load_error ("", PF_ASSESSMENT_ERROR_MALFORMED, "empty");
  assert_load_error ("\x89PNG\r\n\x1a\n", PF_ASSESSMENT_ERROR_MALFORMED, NULL);
}

static void
test_wrong_types (void)
{
  assert_load_error (HEAD ", \"answers\": {\"c.found\": {\"state\": \"maybe\"}}}",
                     PF_ASSESSMENT_ERROR_MALFORMED,
                     "answers[\"c.found\"].state: expected one of answered, unknown, skipped");
  assert_load_error (HEAD ", \"answers\": {\"c.found\": {\"state\": \"answered\", "
                     "\"needs_review\": \"yes\"}}}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "answers[\"c.found\"].needs_review: expected true or false");
  assert_load_error (HEAD ", \"answers\": {\"c.found\": 3}}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "answers[\"c.found\"]: expected an object");
  assert_load_error (HEAD ", \"answers\": []}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "answers: expected an object");
  assert_load_error (HEAD ", \"marking\": \"secret\"}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "marking: expected one of none, cci, pcii");
  assert_load_error (HEAD ", \"organisation\": 7}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "organisation: expected a string");
  assert_load_error (HEAD ", \"previous\": \"3.0\"}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "previous: expected an object");
  assert_load_error (HEAD ", \"previous\": {\"model_version\": \"3.0\"}}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "previous.id");
  assert_load_error (HEAD ", \"evidence\": [{\"id\": \"e\", \"sha256\": \"../../../etc/passwd\"}]}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "evidence[0].sha256: expected 64");
  assert_load_error (HEAD ", \"evidence\": [{\"id\": \"e\", \"sha256\": \"" "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                     "\", \"size\": -1}]}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "evidence[0].size: expected a whole number");
  assert_load_error (HEAD ", \"evidence\": [{\"id\": \"e\", \"sha256\": \"" "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                     "\", \"questions\": [\"a\", 2]}]}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "evidence[0].questions[1]: expected a string");
  assert_load_error (HEAD ", \"signoffs\": [{\"id\": \"s\", \"name\": \"n\", \"date\": \"d\", "
                     "\"decision\": \"maybe\"}]}",
                     PF_ASSESSMENT_ERROR_MALFORMED,
                     "signoffs[0].decision: expected one of approve, changes-requested");
  assert_load_error (HEAD ", \"submissions\": [{\"url\": \"u\"}]}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "submissions[0].time: this member is required");
  assert_load_error (HEAD ", \"submissions\": {}}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "submissions: expected an array");
  assert_load_error ("{\"format\": \"preflight-assessment/1\", \"id\": \"i\", \"created\": \"c\", "
                     "\"modified\": \"m\"}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "pack: this member is required");
  assert_load_error ("{\"format\": \"preflight-assessment/1\", \"id\": \"i\", \"created\": \"c\", "
                     "\"modified\": \"m\", \"pack\": {\"id\": \"p\", \"version\": 1}}",
                     PF_ASSESSMENT_ERROR_MALFORMED, "pack.version: expected a string");
}

static void
test_too_large (void)
{
  g_autoptr(GFile) file = data_file ("huge.preflight");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 16 * 1024 * 1024 + 1;
  FILE *stream;

  bytes = g_bytes_new_take (g_malloc0 (len), len);
  assessment = pf_assessment_new_from_bytes (bytes, "huge.preflight", &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE);
  g_assert_null (assessment);
  g_clear_error (&error);

  /* A sparse file: the size is refused before anything is read. */
  write_file (file, "");
  stream = g_fopen (path, "r+");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), 512 * 1024 * 1024), ==, 0);
  fclose (stream);
  assessment = pf_assessment_load (file, NULL, &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE);
  g_assert_null (assessment);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = data_file ("absent.preflight");
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = pf_assessment_load (file, NULL, &error);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_IO);
  g_assert_null (assessment);
}

static void
test_modes (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(GFile) file = data_file ("new-folder/inner/modes.preflight");
  g_autoptr(GFile) inner = g_file_get_parent (file);
  g_autoptr(GFile) outer = g_file_get_parent (inner);
  g_autoptr(GFile) existing = data_file ("existing.preflight");
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  write_file (existing, "old");
  g_assert_cmpint (g_chmod (g_file_peek_path (existing), 0644), ==, 0);

  old_umask = umask (0);
  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);
  pf_assessment_save (assessment, existing, &error);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpuint (mode_of (file), ==, 0600);
  g_assert_cmpuint (mode_of (inner), ==, 0700);
  g_assert_cmpuint (mode_of (outer), ==, 0700);
  g_assert_cmpuint (mode_of (existing), ==, 0600);
}

static void
test_save_error (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(GFile) blocker = data_file ("not-a-folder");
  g_autoptr(GFile) file = data_file ("not-a-folder/a.preflight");
  g_autoptr(GError) error = NULL;

  write_file (blocker, "a file where a folder should be");
  g_assert_false (pf_assessment_save (assessment, file, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_IO);
  g_assert_null (pf_assessment_get_file (assessment));
}

typedef struct {
  guint      n_changed;
  GPtrArray *question_ids;
  guint      n_model_name_notify;
} ChangedLog;

static void
on_changed (PfAssessment *assessment,
            const char   *question_id,
            ChangedLog   *log)
{
  log->n_changed++;
  g_ptr_array_add (log->question_ids, g_strdup (question_id));
}

static void
on_model_name_notify (GObject    *object,
                      GParamSpec *pspec,
                      ChangedLog *log)
{
  log->n_model_name_notify++;
}

static void
test_changed_signal (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  ChangedLog log = { 0, };

  /* Loaded with an old time, so that the update is visible. */
  bytes = g_bytes_new_static (HEAD "}", strlen (HEAD "}"));
  assessment = pf_assessment_new_from_bytes (bytes, "t.preflight", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_assessment_get_modified (assessment), ==, "m");

  log.question_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (assessment, "changed", G_CALLBACK (on_changed), &log);
  g_signal_connect (assessment, "notify::model-name", G_CALLBACK (on_model_name_notify), &log);

  g_object_set (assessment, "model-name", "M", NULL);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_null (g_ptr_array_index (log.question_ids, 0));
  g_assert_cmpuint (log.n_model_name_notify, ==, 1);
  modified = g_date_time_new_from_iso8601 (pf_assessment_get_modified (assessment), NULL);
  g_assert_nonnull (modified);
  g_assert_true (g_str_has_suffix (pf_assessment_get_modified (assessment), "Z"));

  /* Unchanged: no signal, no notify. */
  pf_assessment_set_model_name (assessment, "M");
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.n_model_name_notify, ==, 1);

  g_assert_true (pf_assessment_set_pack (assessment, pack, &error) == FALSE);
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH);
  g_clear_error (&error);
  g_clear_object (&assessment);

  assessment = pf_assessment_new (pack);
  g_signal_connect (assessment, "changed", G_CALLBACK (on_changed), &log);
  g_ptr_array_set_size (log.question_ids, 0);
  log.n_changed = 0;

  set_value (assessment, "a.score", "50");
  set_value (assessment, "a.score", "50");
  pf_assessment_set_note (assessment, "c.found", "n");
  pf_assessment_set_note (assessment, "c.found", "n");
  pf_assessment_set_marking (assessment, PF_MARKING_PCII);
  pf_assessment_set_marking (assessment, PF_MARKING_PCII);

  g_assert_cmpuint (log.n_changed, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (log.question_ids, 0), ==, "a.score");
  g_assert_cmpstr (g_ptr_array_index (log.question_ids, 1), ==, "c.found");
  g_assert_null (g_ptr_array_index (log.question_ids, 2));

  g_ptr_array_unref (log.question_ids);
}

/* Clearing the review flags of several answers is one change; answers
 * without a flag, and flags not asked for, stay as they were. */
static void
test_clear_needs_review (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  ChangedLog log = { 0, };

  set_value (assessment, "a.score", "50");
  pf_assessment_set_needs_review (assessment, "a.score", TRUE);
  pf_assessment_set_needs_review (assessment, "c.found", TRUE);
  pf_assessment_set_needs_review (assessment, "a.tasks", TRUE);

  log.question_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (assessment, "changed", G_CALLBACK (on_changed), &log);

  g_ptr_array_add (ids, "a.score");
  g_ptr_array_add (ids, "c.found");
  g_ptr_array_add (ids, "a.open_weights");
  pf_assessment_clear_needs_review (assessment, ids);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_null (g_ptr_array_index (log.question_ids, 0));
  g_assert_false (pf_answer_get_needs_review (pf_assessment_get_answer (assessment, "a.score")));
  g_assert_cmpint (json_node_get_int (pf_answer_get_value (pf_assessment_get_answer (assessment,
                                                                                    "a.score"))),
                   ==, 50);
  /* A flag was all that answer held. */
  g_assert_null (pf_assessment_get_answer (assessment, "c.found"));
  g_assert_true (pf_answer_get_needs_review (pf_assessment_get_answer (assessment, "a.tasks")));

  /* Nothing left to clear: no change. */
  pf_assessment_clear_needs_review (assessment, ids);
  g_assert_cmpuint (log.n_changed, ==, 1);

  g_ptr_array_unref (log.question_ids);
}

static void
test_set_value_invalid (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfAssessment) unbound = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) text = parse_json ("\"yes\"");
  g_autoptr(JsonNode) out_of_range = parse_json ("150");
  g_autoptr(JsonNode) bogus_option = parse_json ("\"carrier-pigeon\"");
  const double not_finite[] = { NAN, INFINITY, -INFINITY };
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0, };

  set_value (assessment, "a.open_weights", "false");
  log.question_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (assessment, "changed", G_CALLBACK (on_changed), &log);

  g_assert_false (pf_assessment_set_value (assessment, "a.open_weights", text, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  assert_value (assessment, "a.open_weights", "false");

  g_assert_false (pf_assessment_set_value (assessment, "a.score", out_of_range, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (pf_assessment_get_answer (assessment, "a.score"));

  /* Not a number is in no range, and infinity would be saved as "inf.0",
   * which is not JSON: neither is a number answer. */
  for (guint i = 0; i < G_N_ELEMENTS (not_finite); i++)
    {
      g_autoptr(JsonNode) value = json_node_init_double (json_node_alloc (), not_finite[i]);

      g_assert_false (pf_assessment_set_value (assessment, "a.score", value, &error));
      g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_false (pf_assessment_set_value (assessment, "a.tasks", value, &error));
      g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
      g_clear_error (&error);
    }
  g_assert_null (pf_assessment_get_answer (assessment, "a.score"));
  g_assert_null (pf_assessment_get_answer (assessment, "a.tasks"));

  g_assert_false (pf_assessment_set_value (assessment, "a.access", bogus_option, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Text must be UTF-8: other bytes would be saved as they are. */
  {
    g_autoptr(JsonNode) latin1 = json_node_init_string (json_node_alloc (), "caf\xe9");

    g_assert_false (pf_assessment_set_value (assessment, "c.found", latin1, &error));
    g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_null (pf_assessment_get_answer (assessment, "c.found"));
  }

  /* Evidence questions are answered by linking evidence. */
  g_assert_false (pf_assessment_set_value (assessment, "c.report", text, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (pf_assessment_set_value (assessment, "z.unknown", text, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_UNKNOWN_QUESTION);
  g_clear_error (&error);

  g_assert_cmpuint (log.n_changed, ==, 0);
  g_ptr_array_unref (log.question_ids);

  /* Without its pack an assessment cannot check values. */
  bytes = pf_assessment_to_bytes (assessment);
  unbound = pf_assessment_new_from_bytes (bytes, "unbound.preflight", &error);
  g_assert_no_error (error);
  g_assert_false (pf_assessment_set_value (unbound, "c.found", text, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH);
}

static void
test_set_pack (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfCriteriaPack) newer = load_pack_variant ("\"1.0.0\"", "\"1.0.1\"");
  g_autoptr(PfCriteriaPack) edited = load_pack_variant ("Benchmark score", "Benchmark result");
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(PfAssessment) loaded = NULL;
  g_autoptr(GBytes) bytes = pf_assessment_to_bytes (assessment);
  g_autoptr(GError) error = NULL;

  loaded = pf_assessment_new_from_bytes (bytes, "a.preflight", &error);
  g_assert_no_error (error);

  g_assert_false (pf_assessment_set_pack (loaded, newer, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH);
  g_clear_error (&error);

  /* Same id and version, other bytes. */
  g_assert_false (pf_assessment_set_pack (loaded, edited, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH);
  g_clear_error (&error);
  g_assert_null (pf_assessment_get_pack (loaded));

  g_assert_true (pf_assessment_set_pack (loaded, pack, &error));
  g_assert_no_error (error);
}

static void
test_signoff_stale (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = make_full_assessment (pack);
  g_autoptr(PfAssessment) reloaded = NULL;
  g_autoptr(PfSignoff) signoff = pf_signoff_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = pf_assessment_dup_content_hash (assessment);
  const PfSignoff *stored;

  signoff->name = g_strdup ("Grace Approver");
  signoff->decision = PF_DECISION_APPROVE;
  pf_assessment_add_signoff (assessment, signoff);
  stored = g_ptr_array_index (pf_assessment_get_signoffs (assessment), 1);
  g_assert_cmpstr (stored->content_sha256, ==, hash);
  g_assert_false (pf_assessment_signoff_is_stale (assessment, stored));
  /* Adding the sign-off itself does not change what was reviewed. */
  g_assert_false (pf_assessment_signoff_is_stale (assessment,
                                                  g_ptr_array_index (pf_assessment_get_signoffs (assessment), 0)));

  /* No-ops and things outside the reviewed content. */
  set_value (assessment, "a.score", "42.5");
  pf_assessment_set_model_name (assessment, "Example-7B");
  pf_assessment_set_note (assessment, "a.score", "From the internal run");
  g_assert_false (pf_assessment_signoff_is_stale (assessment, stored));

  /* Survives a save and load. */
  bytes = pf_assessment_to_bytes (assessment);
  reloaded = pf_assessment_new_from_bytes (bytes, "r.preflight", &error);
  g_assert_no_error (error);
  g_assert_false (pf_assessment_signoff_is_stale (reloaded, stored));

  set_value (assessment, "a.score", "43");
  g_assert_true (pf_assessment_signoff_is_stale (assessment, stored));
  set_value (assessment, "a.score", "42.5");
  g_assert_false (pf_assessment_signoff_is_stale (assessment, stored));

  pf_assessment_set_needs_review (assessment, "a.open_weights", TRUE);
  g_assert_true (pf_assessment_signoff_is_stale (assessment, stored));
  pf_assessment_set_needs_review (assessment, "a.open_weights", FALSE);
  g_assert_false (pf_assessment_signoff_is_stale (assessment, stored));

  pf_assessment_set_release_date (assessment, "2027-02-01");
  g_assert_true (pf_assessment_signoff_is_stale (assessment, stored));
  pf_assessment_set_release_date (assessment, "2027-01-31");

  g_assert_true (pf_assessment_remove_evidence (assessment, "6f1c7e0a-0d6b-4a51-9b1e-3f0f5b7a2c11"));
  g_assert_true (pf_assessment_signoff_is_stale (assessment, stored));
}

/* The next checkpoint's assessment starts from the previous one's answers,
 * every one to be reviewed, and from nothing that belongs to the old
 * checkpoint. */
static void
test_successor (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) previous = make_full_assessment (pack);
  g_autoptr(PfAssessment) next = pf_assessment_new_successor (previous);
  g_autoptr(GPtrArray) previous_ids = pf_assessment_list_answered_ids (previous);
  g_autoptr(GPtrArray) next_ids = pf_assessment_list_answered_ids (next);
  g_autoptr(PfAssessment) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PfAnswer *answer;

  g_assert_true (g_uuid_string_is_valid (pf_assessment_get_id (next)));
  g_assert_cmpstr (pf_assessment_get_id (next), !=, pf_assessment_get_id (previous));
  g_assert_true (pf_assessment_get_pack (next) == pack);
  g_assert_cmpstr (pf_assessment_get_model_name (next), ==, "Example-7B");
  g_assert_null (pf_assessment_get_model_version (next));
  g_assert_null (pf_assessment_get_release_date (next));
  g_assert_cmpstr (pf_assessment_get_organisation (next), ==, "Example Labs");
  g_assert_cmpstr (pf_assessment_get_contact (next), ==, "safety@example.org");
  g_assert_cmpint (pf_assessment_get_marking (next), ==, PF_MARKING_CCI);
  g_assert_cmpstr (pf_assessment_get_previous_id (next), ==, pf_assessment_get_id (previous));
  g_assert_cmpstr (pf_assessment_get_previous_model_version (next), ==,
                   pf_assessment_get_model_version (previous));
  g_assert_null (pf_assessment_get_previous_id (previous));
  g_assert_cmpuint (pf_assessment_get_evidence (previous)->len, >, 0);
  g_assert_cmpuint (pf_assessment_get_signoffs (previous)->len, >, 0);
  g_assert_cmpuint (pf_assessment_get_receipts (previous)->len, >, 0);
  g_assert_cmpuint (pf_assessment_get_evidence (next)->len, ==, 0);
  g_assert_cmpuint (pf_assessment_get_signoffs (next)->len, ==, 0);
  g_assert_cmpuint (pf_assessment_get_receipts (next)->len, ==, 0);

  g_assert_cmpuint (next_ids->len, ==, previous_ids->len);
  for (guint i = 0; i < next_ids->len; i++)
    {
      const char *id = g_ptr_array_index (next_ids, i);
      PfAnswer *old = pf_assessment_get_answer (previous, id);

      g_assert_cmpstr (id, ==, g_ptr_array_index (previous_ids, i));
      answer = pf_assessment_get_answer (next, id);
      g_assert_true (pf_answer_get_needs_review (answer));
      g_assert_cmpint (pf_answer_get_state (answer), ==, pf_answer_get_state (old));
      g_assert_cmpstr (pf_answer_get_note (answer), ==, pf_answer_get_note (old));
    }
  assert_value (next, "a.score", "42.5");
  assert_value (next, "c.domains", "[\"web\",\"ot\"]");
  g_assert_cmpint (pf_answer_get_state (pf_assessment_get_answer (next, "a.access")), ==,
                   PF_ANSWER_STATE_UNKNOWN);
  g_assert_cmpstr (pf_answer_get_note (pf_assessment_get_answer (next, "c.report")), ==,
                   "Report pending sign-off");

  /* The previous assessment is untouched, and the new one saves as any other. */
  g_assert_false (pf_answer_get_needs_review (pf_assessment_get_answer (previous, "a.score")));
  bytes = pf_assessment_to_bytes (next);
  reloaded = pf_assessment_new_from_bytes (bytes, "next.preflight", &error);
  g_assert_no_error (error);
  g_assert_true (pf_answer_get_needs_review (pf_assessment_get_answer (reloaded, "a.open_weights")));
  g_assert_cmpstr (pf_assessment_get_previous_id (reloaded), ==, pf_assessment_get_id (previous));
  g_assert_cmpstr (pf_assessment_get_previous_model_version (reloaded), ==,
                   pf_assessment_get_model_version (previous));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_async (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = make_full_assessment (pack);
  g_autoptr(PfAssessment) loaded = NULL;
  g_autoptr(GFile) file = data_file ("async/saved.preflight");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) expected = pf_assessment_to_bytes (assessment);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  pf_assessment_save_async (assessment, file, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (pf_assessment_save_finish (assessment, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pf_assessment_get_file (assessment), file));

  contents = read_file (file);
  g_assert_cmpmem (contents, strlen (contents),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (mode_of (file), ==, 0600);
}

/* Another program (preflight-cli, a second copy of the app) wrote the file
 * after this assessment read it: saving there refuses to overwrite that,
 * in both save functions, until the user chooses this version. */
static void
test_changed_on_disk (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = make_full_assessment (pack);
  g_autoptr(PfAssessment) other = NULL;
  g_autoptr(PfAssessment) loaded = NULL;
  g_autoptr(GFile) file = data_file ("conflict/model.preflight");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  pf_assessment_set_note (assessment, "c.found", "ours");
  g_assert_true (pf_assessment_save (assessment, file, &error));

  /* Saving again over our own last save is fine. */
  pf_assessment_set_note (assessment, "c.found", "ours, again");
  g_assert_true (pf_assessment_save (assessment, file, &error));
  g_assert_false (pf_assessment_changed_on_disk (assessment));

  other = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  pf_assessment_set_note (other, "c.found", "theirs");
  g_assert_true (pf_assessment_save (other, file, &error));
  theirs = read_file (file);
  g_assert_true (pf_assessment_changed_on_disk (assessment));

  pf_assessment_set_note (assessment, "c.found", "ours, later");
  g_assert_false (pf_assessment_save (assessment, file, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "model.preflight"));
  g_clear_error (&error);

  pf_assessment_save_async (assessment, file, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pf_assessment_save_finish (assessment, result, &error));
  g_assert_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  after = read_file (file);
  g_assert_cmpstr (after, ==, theirs);

  /* The user keeps this version: the next save replaces theirs. */
  pf_assessment_forget_disk_contents (assessment);
  g_assert_true (pf_assessment_save (assessment, file, &error));
  g_assert_false (pf_assessment_changed_on_disk (assessment));
  loaded = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_answer_get_note (pf_assessment_get_answer (loaded, "c.found")), ==,
                   "ours, later");

  /* A file deleted meanwhile is written again. */
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_true (pf_assessment_save (assessment, file, &error));
  g_assert_true (g_file_query_exists (file, NULL));
}

/* Kills a writer at random instants: the file must always be a complete
 * version, never a mix or a prefix. */
static void
test_atomic_save (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(PfAssessment) assessment = make_full_assessment (pack);
  g_autoptr(GFile) file = data_file ("atomic/crash.preflight");
  g_autoptr(GError) error = NULL;
  guint n_newer = 0;

  pf_assessment_set_note (assessment, "c.found", "v0");
  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(PfAssessment) loaded = NULL;
      g_autoptr(GBytes) reserialised = NULL;
      g_autofree char *contents = NULL;
      const char *note;
      int status;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* The file holds what the last killed writer left: this writer
           * replaces it on purpose (a crash test, not two editors). */
          pf_assessment_forget_disk_contents (assessment);
          for (guint version = 1; ; version++)
            {
              g_autofree char *note_text = g_strdup_printf ("v%u", version);

              pf_assessment_set_note (assessment, "c.found", note_text);
              if (!pf_assessment_save (assessment, file, NULL))
                _exit (1);
            }
        }

      g_usleep (g_test_rand_int_range (0, 16) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      contents = read_file (file);
      loaded = pf_assessment_load (file, NULL, &error);
      g_assert_no_error (error);
      note = pf_answer_get_note (pf_assessment_get_answer (loaded, "c.found"));
      g_assert_true (g_regex_match_simple ("^v[0-9]+$", note, 0, 0));
      if (g_strcmp0 (note, "v0") != 0)
        n_newer++;

      /* A whole version: the bytes are exactly what that version writes. */
      reserialised = pf_assessment_to_bytes (loaded);
      g_assert_cmpmem (contents, strlen (contents),
                       g_bytes_get_data (reserialised, NULL), g_bytes_get_size (reserialised));
    }

  /* The writers got far enough to replace the file. */
  g_assert_cmpuint (n_newer, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/assessment/round-trip", test_round_trip);
  g_test_add_func ("/core/assessment/answer-records", test_answer_records);
  g_test_add_func ("/core/assessment/evidence-items", test_evidence_items);
  g_test_add_func ("/core/assessment/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/core/assessment/truncated", test_truncated);
  g_test_add_func ("/core/assessment/foreign", test_foreign);
  g_test_add_func ("/core/assessment/wrong-types", test_wrong_types);
  g_test_add_func ("/core/assessment/too-large", test_too_large);
  g_test_add_func ("/core/assessment/missing-file", test_missing_file);
  g_test_add_func ("/core/assessment/modes", test_modes);
  g_test_add_func ("/core/assessment/save-error", test_save_error);
  g_test_add_func ("/core/assessment/changed-signal", test_changed_signal);
  g_test_add_func ("/core/assessment/clear-needs-review", test_clear_needs_review);
  g_test_add_func ("/core/assessment/set-value-invalid", test_set_value_invalid);
  g_test_add_func ("/core/assessment/set-pack", test_set_pack);
  g_test_add_func ("/core/assessment/signoff-stale", test_signoff_stale);
  g_test_add_func ("/core/assessment/save-async", test_save_async);
  g_test_add_func ("/core/assessment/atomic-save", test_atomic_save);
  g_test_add_func ("/core/assessment/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/core/assessment/successor", test_successor);

  return g_test_run ();
}
