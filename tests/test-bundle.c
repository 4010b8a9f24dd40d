/* test-bundle.c: the submission bundle: writer, verifier, import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "bundle-fixture.h"
#include "pf-bundle-private.h"

static const char * const generated_entries[] = {
  "manifest.json",
  "SHA256SUMS",
  "assessment.json",
  "determination.json",
  "report.html",
  "report.pdf",
  "oscal/assessment-results.json",
  NULL
};

static char *
export_bundle (PfAssessment    *assessment,
               PfEvidenceStore *store,
               const char      *name)
{
  g_autoptr(PfBundleWriter) writer = pf_bundle_writer_new (assessment, store, PF_MARKING_CCI);
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  pf_bundle_writer_write (writer, file, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
assert_verify_fails (const char *path,
                     int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PfBundleReader) reader = pf_bundle_reader_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (pf_bundle_reader_verify (reader, NULL, &error));
  g_assert_error (error, PF_BUNDLE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_null (pf_bundle_reader_get_manifest (reader));
}

/* Runs @argv in @cwd; returns its standard output; asserts exit status 0. */
static char *
run (const char * const *argv,
     const char         *cwd)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[0], out, err);

  return g_steal_pointer (&out);
}

static char *
hostile (const char *good,
         const char *mode,
         const char *entry)
{
  g_autofree char *tool = g_test_build_filename (G_TEST_DIST, "tools", "hostile-zip.py", NULL);
  g_autofree char *name = g_strdup_printf ("hostile-%s.zip", mode);
  g_autofree char *path = fixture_path (name);
  const char *argv[] = { "python3", tool, good, path, mode, entry, NULL };

  g_free (run (argv, NULL));
  return g_steal_pointer (&path);
}

static GPtrArray *
expected_names (PfAssessment *assessment)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = pf_bundle_evidence_paths (pf_assessment_get_evidence (assessment));

  for (guint i = 0; generated_entries[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (generated_entries[i]));
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (names, g_strdup (g_ptr_array_index (paths, i)));

  return names;
}

static void
test_reproducible (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *first = export_bundle (assessment, store, "first.zip");
  g_autofree char *second = export_bundle (assessment, store, "second.zip");
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  gsize first_len, second_len;
  GStatBuf st;

  g_assert_true (g_file_get_contents (first, &first_data, &first_len, NULL));
  g_assert_true (g_file_get_contents (second, &second_data, &second_len, NULL));
  g_assert_cmpmem (first_data, first_len, second_data, second_len);

  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_external_tools (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *bundle = export_bundle (assessment, store, "tools.zip");
  g_autofree char *dir = fixture_path ("unpacked");
  g_autoptr(GPtrArray) names = expected_names (assessment);
  g_autofree char *listing = NULL;
  g_autofree char *sums = NULL;
  g_autofree char *expected = NULL;
  const char *test_argv[] = { "unzip", "-t", bundle, NULL };
  const char *unzip_argv[] = { "unzip", "-q", bundle, "-d", dir, NULL };
  const char *sums_argv[] = { "sha256sum", "--strict", "-c", "SHA256SUMS", NULL };
  const char *python_argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "assert z.testzip() is None\n"
    "for i in z.infolist():\n"
    "    assert i.external_attr >> 16 == 0o100644, (i.filename, oct(i.external_attr >> 16))\n"
    "print('\\n'.join(z.namelist()))\n",
    bundle, NULL
  };

  g_free (run (test_argv, NULL));
  g_free (run (unzip_argv, NULL));
  sums = run (sums_argv, dir);
  g_assert_nonnull (strstr (sums, "manifest.json: OK"));

  listing = run (python_argv, NULL);
  g_ptr_array_add (names, NULL);
  expected = g_strjoinv ("\n", (char **) names->pdata);
  g_assert_cmpstr (g_strchomp (listing), ==, expected);
}

/* Evidence that deflates as far as DEFLATE goes (a sparse disk image):
 * over 1000:1, the ratio an older zip-bomb rule refused, so that our own
 * export could not be verified or imported. */
static void
test_compressible_evidence (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree guint8 *zeros = g_malloc0 (4 << 20);
  g_autoptr(GFile) source = fixture_write_file ("sparse disk.img", zeros, 4 << 20);
  g_autofree char *bundle = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfBundleReader) reader = NULL;
  g_autoptr(PfEvidenceStore) other = fixture_new_store ("other-store");
  g_autofree char *target_path = fixture_path ("imported.preflight");
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(PfAssessment) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fixture_path ("unpacked");
  g_autofree char *ratio = NULL;
  g_autofree char *sums = NULL;
  g_autofree char *sums_line = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  const PfEvidenceItem *item;
  const char *entry;
  const char *python_argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "i = zipfile.ZipFile(sys.argv[1]).getinfo(sys.argv[2])\n"
    "assert i.compress_type == zipfile.ZIP_DEFLATED\n"
    "print(i.file_size // i.compress_size)\n",
    NULL, NULL, NULL
  };
  const char *test_argv[] = { "unzip", "-t", NULL, NULL };
  const char *unzip_argv[] = { "unzip", "-q", NULL, "-d", dir, NULL };
  const char *sums_argv[] = { "sha256sum", "--strict", "-c", "SHA256SUMS", NULL };

  fixture_attach (assessment, store, source, "Disk image", "application/x-raw-disk-image",
                  NULL);
  item = g_ptr_array_index (pf_assessment_get_evidence (assessment), 2);
  paths = pf_bundle_evidence_paths (pf_assessment_get_evidence (assessment));
  entry = g_ptr_array_index (paths, 2);
  g_assert_true (g_str_has_suffix (entry, "-sparse_disk.img"));
  /* The writer checks the bundle before keeping it: this already failed
   * under the old rule. */
  bundle = export_bundle (assessment, store, "zeros.zip");

  python_argv[3] = bundle;
  python_argv[4] = entry;
  ratio = run (python_argv, NULL);
  g_test_message ("4 MiB of zeros deflated %s:1", g_strchomp (ratio));
  g_assert_cmpuint (g_ascii_strtoull (ratio, NULL, 10), >, 1000);

  file = g_file_new_for_path (bundle);
  reader = pf_bundle_reader_new (file);
  g_assert_true (pf_bundle_reader_verify (reader, NULL, &error));
  g_assert_no_error (error);
  imported = pf_bundle_reader_import (reader, other, target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_evidence_store_check (other, item->sha256, NULL), ==, PF_BLOB_OK);

  /* Stock tools agree. */
  test_argv[2] = bundle;
  g_free (run (test_argv, NULL));
  unzip_argv[2] = bundle;
  g_free (run (unzip_argv, NULL));
  sums = run (sums_argv, dir);
  sums_line = g_strconcat (entry, ": OK\n", NULL);
  g_assert_nonnull (strstr (sums, sums_line));
}

static void
test_manifest (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *bundle = export_bundle (assessment, store, "manifest.zip");
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  g_autoptr(PfBundleReader) reader = pf_bundle_reader_new (file);
  g_autoptr(PfBundleWriter) writer = pf_bundle_writer_new (assessment, store, PF_MARKING_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  JsonObject *manifest;
  JsonArray *files;
  JsonObject *evidence;

  g_assert_true (pf_bundle_reader_verify (reader, NULL, &error));
  g_assert_no_error (error);

  manifest = json_node_get_object (pf_bundle_reader_get_manifest (reader));
  g_assert_cmpstr (json_object_get_string_member (manifest, "format"), ==, PF_BUNDLE_FORMAT);
  g_assert_cmpstr (json_object_get_string_member (manifest, "created"), ==,
                   pf_assessment_get_modified (assessment));
  g_assert_cmpstr (json_object_get_string_member (manifest, "generator"), ==,
                   "Preflight " PACKAGE_VERSION);
  g_assert_cmpstr (json_object_get_string_member (manifest, "outcome"), ==, "borderline");
  g_assert_cmpstr (json_object_get_string_member (manifest, "marking"), ==, "cci");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (manifest, "pack"),
                                                  "status"), ==, "draft");

  /* Everything but the envelope, the first evidence file last but one. */
  files = json_object_get_array_member (manifest, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 5 + 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0),
                                                  "role"), ==, "assessment");
  evidence = json_array_get_object_element (files, 5);
  g_assert_cmpstr (json_object_get_string_member (evidence, "role"), ==, "evidence");
  g_assert_cmpstr (json_object_get_string_member (evidence, "title"), ==, "Evaluation log");
  g_assert_cmpstr (json_object_get_string_member (evidence, "marking"), ==, "cci");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (evidence, "path"),
                                   "-eval_log__final_.txt"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (evidence,
                                                                                "questions"), 0),
                   ==, "b.report");

  name = pf_bundle_writer_suggest_name (writer);
  date = g_strndup (pf_assessment_get_modified (assessment), 10);
  g_assert_true (g_str_has_prefix (name, "Test_Model-2.1_beta-"));
  g_assert_true (g_str_has_suffix (name, ".preflight-bundle.zip"));
  g_assert_nonnull (strstr (name, date));
}

static void
test_tampered (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *good = export_bundle (assessment, store, "good.zip");
  g_autoptr(GPtrArray) names = expected_names (assessment);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *bad = hostile (good, "tamper", g_ptr_array_index (names, i));

      g_test_message ("tampered %s", (const char *) g_ptr_array_index (names, i));
      assert_verify_fails (bad, PF_BUNDLE_ERROR_DIGEST_MISMATCH);
    }
}

static void
test_incomplete (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *good = export_bundle (assessment, store, "good.zip");
  g_autofree char *no_report = hostile (good, "remove", "report.html");
  g_autofree char *no_sums = NULL;
  g_autofree char *no_manifest = NULL;
  g_autofree char *added = NULL;
  g_autofree char *format = NULL;
  g_autofree char *not_zip = NULL;

  assert_verify_fails (no_report, PF_BUNDLE_ERROR_MISSING_ENTRY);
  no_sums = hostile (good, "remove", "SHA256SUMS");
  assert_verify_fails (no_sums, PF_BUNDLE_ERROR_MISSING_ENTRY);
  no_manifest = hostile (good, "remove", "manifest.json");
  assert_verify_fails (no_manifest, PF_BUNDLE_ERROR_NOT_A_BUNDLE);
  added = hostile (good, "add", NULL);
  assert_verify_fails (added, PF_BUNDLE_ERROR_UNLISTED_ENTRY);
  format = hostile (good, "format", NULL);
  assert_verify_fails (format, PF_BUNDLE_ERROR_UNKNOWN_FORMAT);
  not_zip = hostile (good, "notzip", NULL);
  assert_verify_fails (not_zip, PF_BUNDLE_ERROR_NOT_A_BUNDLE);
}

static void
test_unsafe (void)
{
  static const struct {
    const char *mode;
    int         code;
  } cases[] = {
    { "absolute", PF_BUNDLE_ERROR_UNSAFE_PATH },
    { "dotdot", PF_BUNDLE_ERROR_UNSAFE_PATH },
    { "symlink", PF_BUNDLE_ERROR_NOT_REGULAR },
    { "dirdata", PF_BUNDLE_ERROR_NOT_REGULAR },
    { "many", PF_BUNDLE_ERROR_TOO_LARGE },
    { "duplicate", PF_BUNDLE_ERROR_DUPLICATE_ENTRY },
    { "casedup", PF_BUNDLE_ERROR_DUPLICATE_ENTRY },
    { "oversized", PF_BUNDLE_ERROR_TOO_LARGE },
  };
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *good = export_bundle (assessment, store, "good.zip");
  g_autofree char *backslash = NULL;
  g_autofree char *zeros = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfBundleReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = hostile (good, cases[i].mode, NULL);

      g_test_message ("hostile: %s", cases[i].mode);
      assert_verify_fails (bad, cases[i].code);
    }

  /* 16 MiB of zeros deflated by another program (Python's zlib, level 9):
   * about 1030:1, honest DEFLATE, so the zip-bomb checks let it through and
   * the entry is refused only because the manifest does not list it. Zip
   * bombs are tested in test-limits.c. */
  zeros = hostile (good, "ratio", NULL);
  assert_verify_fails (zeros, PF_BUNDLE_ERROR_UNLISTED_ENTRY);

  /* libarchive turns a backslash into "/" before we see the name: the
   * entry is then refused as one the manifest does not list. */
  backslash = hostile (good, "backslash", NULL);
  file = g_file_new_for_path (backslash);
  reader = pf_bundle_reader_new (file);
  g_assert_false (pf_bundle_reader_verify (reader, NULL, &error));
  g_assert_true (g_error_matches (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNSAFE_PATH)
                 || g_error_matches (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNLISTED_ENTRY));
}

static void
test_entry_names (void)
{
  static const char * const bad[] = {
    "", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a\\b", "C:x", "a\x01" "b",
    "\xff\xfe", NULL
  };
  g_autofree char *long_name = g_strnfill (256, 'a');

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pf_bundle_check_entry_name (bad[i], &error));
      g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNSAFE_PATH);
    }
  g_assert_false (pf_bundle_check_entry_name (long_name, NULL));
  g_assert_true (pf_bundle_check_entry_name ("evidence/abc-x.pdf", NULL));
  g_assert_true (pf_bundle_check_entry_name ("oscal/", NULL));
}

static void
test_safe_names (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "report.pdf", "report.pdf" },
    { "../../etc/passwd", "passwd" },
    { "C:\\Users\\x\\eval log.txt", "eval_log.txt" },
    { "r\xc3\xa9sum\xc3\xa9 final.pdf", "r_sum__final.pdf" },
    { "..", "file" },
    { ".", "file" },
    { "", "file" },
    { "dir/", "file" },
    { "a\nb", "a_b" },
  };
  g_autofree char *stem = g_strnfill (300, 'x');
  g_autofree char *long_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *safe = pf_bundle_safe_file_name (long_name);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_evidence_item_free);
  g_autoptr(GPtrArray) paths = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pf_bundle_safe_file_name (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_cmpuint (strlen (safe), ==, PF_BUNDLE_SAFE_NAME_MAX);
  g_assert_true (g_str_has_suffix (safe, ".pdf"));

  /* Same bytes under names equal but for case: distinct paths. */
  for (guint i = 0; i < 3; i++)
    {
      PfEvidenceItem *item = pf_evidence_item_new ();

      item->id = g_strdup_printf ("id-%u", i);
      item->sha256 = g_strnfill (64, 'a');
      item->original_name = g_strdup (i == 1 ? "A.txt" : "a.txt");
      g_ptr_array_add (items, item);
    }
  paths = pf_bundle_evidence_paths (items);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "evidence/aaaaaaaaaaaa-a.txt");
  g_assert_cmpstr (g_ptr_array_index (paths, 1), ==, "evidence/aaaaaaaaaaaa-2-A.txt");
  g_assert_cmpstr (g_ptr_array_index (paths, 2), ==, "evidence/aaaaaaaaaaaa-3-a.txt");

  g_assert_true (pf_bundle_media_type_is_compressed ("video/mp4"));
  g_assert_true (pf_bundle_media_type_is_compressed ("application/pdf"));
  g_assert_false (pf_bundle_media_type_is_compressed ("text/plain"));
  g_assert_false (pf_bundle_media_type_is_compressed (NULL));
}

static void
test_altered_evidence (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  const PfEvidenceItem *item = g_ptr_array_index (pf_assessment_get_evidence (assessment), 0);
  g_autoptr(GFile) blob = pf_evidence_store_get_blob_file (store, item->sha256);
  g_autofree char *blob_path = g_file_get_path (blob);
  g_autoptr(PfBundleWriter) writer = pf_bundle_writer_new (assessment, store, PF_MARKING_CCI);
  g_autofree char *path = fixture_path ("altered.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (blob_path, &data, &len, NULL));
  data[len / 2] ^= 1;
  g_assert_cmpint (g_chmod (blob_path, 0600), ==, 0);
  g_assert_true (g_file_set_contents (blob_path, data, len, NULL));

  g_assert_false (pf_bundle_writer_write (writer, file, NULL, &error));
  g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_EVIDENCE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* No temporary file left behind either. */
  folder = g_path_get_dirname (path);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
on_write_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  pf_bundle_writer_write_finish (PF_BUNDLE_WRITER (source), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

typedef struct
{
  GThread      *main_thread;
  GCancellable *cancel_on_progress;
  goffset       current;
  goffset       total;
  guint         calls;
} Progress;

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* Progress reaches the caller's main context, never the worker thread. */
  g_assert_true (g_thread_self () == progress->main_thread);
  g_assert_cmpint (current, <=, total);
  g_assert_cmpint (current, >=, progress->current);
  progress->current = current;
  progress->total = total;
  progress->calls++;
  if (progress->cancel_on_progress != NULL)
    g_cancellable_cancel (progress->cancel_on_progress);
}

static void
test_async_and_cancel (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autoptr(PfBundleWriter) writer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) big = NULL;
  g_autofree char *path = fixture_path ("async.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree guint8 *data = g_malloc (32 << 20);
  g_autoptr(GDir) dir = NULL;
  GError *error = NULL;
  Progress progress = { g_thread_self (), NULL, 0, 0, 0 };

  /* Big enough that a cancel from the first progress report lands mid-way. */
  for (gsize i = 0; i < (32 << 20); i++)
    data[i] = (i * 2654435761u) >> 13;
  big = fixture_write_file ("capture.mp4", data, 32 << 20);
  fixture_attach (assessment, store, big, "Screen capture", "video/mp4", NULL);
  writer = pf_bundle_writer_new (assessment, store, PF_MARKING_NONE);

  pf_bundle_writer_write_async (writer, file, NULL, on_progress, &progress, on_write_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (progress.calls, >, 0);
  g_assert_cmpint (progress.current, ==, progress.total);
  g_assert_cmpint (progress.total, >, 32 << 20);
  g_assert_cmpint (g_unlink (path), ==, 0);

  progress = (Progress) { g_thread_self (), cancellable, 0, 0, 0 };
  pf_bundle_writer_write_async (writer, file, cancellable, on_progress, &progress,
                                on_write_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  pf_bundle_writer_write_async (writer, file, cancellable, NULL, NULL, on_write_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_CANCELLED);
  g_clear_error (&error);

  dir = g_dir_open (folder, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
on_verify_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (pf_bundle_reader_verify_finish (PF_BUNDLE_READER (source), result, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

static void
test_verify_async (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *good = export_bundle (assessment, store, "good.zip");
  g_autofree char *bad = hostile (good, "tamper", "report.pdf");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(PfBundleReader) reader = pf_bundle_reader_new (good_file);
  g_autoptr(PfBundleReader) bad_reader = pf_bundle_reader_new (bad_file);
  Progress progress = { g_thread_self (), NULL, 0, 0, 0 };
  GError *error = NULL;
  GStatBuf st;

  pf_bundle_reader_verify_async (reader, NULL, on_progress, &progress, on_verify_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_nonnull (pf_bundle_reader_get_manifest (reader));
  g_assert_cmpint (g_stat (good, &st), ==, 0);
  g_assert_cmpint (progress.total, ==, st.st_size);
  g_assert_cmpint (progress.current, ==, progress.total);

  pf_bundle_reader_verify_async (bad_reader, NULL, NULL, NULL, on_verify_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH);
  g_clear_error (&error);
}

static guint
count_blobs (PfEvidenceStore *store)
{
  g_autofree char *root = g_file_get_path (pf_evidence_store_get_root (store));
  g_autofree char *out = NULL;
  const char *argv[] = { "find", root, "-type", "f", NULL };
  guint n = 0;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    return 0;
  out = run (argv, NULL);
  for (const char *p = out; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PfAssessment **assessment = user_data;
  g_autoptr(GError) error = NULL;

  *assessment = pf_bundle_reader_import_finish (PF_BUNDLE_READER (source), result, &error);
  g_assert_no_error (error);
}

static void
test_import (void)
{
  g_autoptr(PfEvidenceStore) store = fixture_new_store ("store");
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *good = export_bundle (assessment, store, "good.zip");
  g_autoptr(GPtrArray) names = expected_names (assessment);
  g_autofree char *bad = hostile (good, "tamper", g_ptr_array_index (names, names->len - 1));
  g_autoptr(PfEvidenceStore) other = fixture_new_store ("other-store");
  g_autoptr(PfEvidenceStore) third = fixture_new_store ("third-store");
  g_autofree char *target_path = fixture_path ("imported.preflight");
  g_autofree char *bad_target_path = fixture_path ("bad.preflight");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GFile) bad_target = g_file_new_for_path (bad_target_path);
  g_autoptr(PfBundleReader) reader = pf_bundle_reader_new (good_file);
  g_autoptr(PfBundleReader) bad_reader = pf_bundle_reader_new (bad_file);
  g_autoptr(PfAssessment) imported = NULL;
  g_autoptr(PfAssessment) again = NULL;
  g_autoptr(PfAssessment) async_imported = NULL;
  g_autoptr(GBytes) original_bytes = pf_assessment_to_bytes (assessment);
  g_autoptr(GBytes) imported_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;

  imported = pf_bundle_reader_import (reader, other, target, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pf_bundle_reader_get_manifest (reader));
  imported_bytes = pf_assessment_to_bytes (imported);
  g_assert_true (g_bytes_equal (original_bytes, imported_bytes));
  g_assert_true (g_file_test (target_path, G_FILE_TEST_IS_REGULAR));

  evidence = pf_assessment_get_evidence (imported);
  g_assert_cmpuint (evidence->len, ==, 2);
  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);

      g_assert_cmpint (pf_evidence_store_check (other, item->sha256, NULL), ==, PF_BLOB_OK);
    }
  /* Just the blobs: no temporary copy left in the store's folder. */
  g_assert_cmpuint (count_blobs (other), ==, 2);

  /* An existing file is never replaced. */
  again = pf_bundle_reader_import (reader, other, target, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO);
  g_clear_error (&error);

  /* A bundle that fails verification adds nothing anywhere. */
  g_assert_null (pf_bundle_reader_import (bad_reader, third, bad_target, NULL, &error));
  g_assert_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_target_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_blobs (third), ==, 0);

  pf_bundle_reader_import_async (reader, third, bad_target, NULL, NULL, NULL,
                                 on_import_done, &async_imported);
  while (async_imported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (pf_assessment_get_id (async_imported), ==, pf_assessment_get_id (assessment));
  g_assert_cmpuint (count_blobs (third), ==, 2);
}

/* Runs preflight-cli; returns its exit status, *out gets its output. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *own_err = NULL;
  int status = 0;

  if (err == NULL)
    err = &own_err;
  g_strv_builder_add (builder, g_getenv ("PREFLIGHT_CLI"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  /* The test's private folders live in GLib, not in the environment. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  /* A far time zone (POSIX form, no tzdata needed): ZIP's MS-DOS times
   * must not depend on it. */
  envp = g_environ_setenv (envp, "TZ", "XST-13:45", TRUE);
  g_spawn_sync (NULL, argv, envp, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("preflight-cli %s: %s", args[0], *err);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(PfAssessment) assessment = fixture_new_assessment (store);
  g_autofree char *pack_source = g_test_build_filename (G_TEST_DIST, "data", "packs",
                                                        "minimal.pfpack.json", NULL);
  g_autoptr(GFile) install_dir = pf_pack_catalog_get_install_dir ();
  g_autofree char *install_path = g_file_get_path (install_dir);
  g_autofree char *installed = g_build_filename (install_path, "test-minimal.pfpack.json", NULL);
  g_autofree char *pack_data = NULL;
  g_autofree char *assessment_path = fixture_path ("model.preflight");
  g_autoptr(GFile) assessment_file = g_file_new_for_path (assessment_path);
  g_autofree char *library_bundle = NULL;
  g_autofree char *cli_bundle = fixture_path ("cli.zip");
  g_autofree char *imported = fixture_path ("imported.preflight");
  g_autofree char *bad = NULL;
  g_autofree char *library_data = NULL;
  g_autofree char *cli_data = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize library_len, cli_len;
  gsize pack_len;

  /* The CLI finds the pack among the installed ones, the evidence in the
   * default store: both under this test's private data folder. */
  g_assert_true (g_file_get_contents (pack_source, &pack_data, &pack_len, NULL));
  g_assert_cmpint (g_mkdir_with_parents (install_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (installed, pack_data, pack_len, NULL));
  pf_assessment_save (assessment, assessment_file, &error);
  g_assert_no_error (error);
  library_bundle = export_bundle (assessment, store, "library.zip");

  {
    const char *args[] = { "export", assessment_path, "-o", cli_bundle, NULL };

    g_assert_cmpint (run_cli (args, &out, NULL), ==, 0);
  }
  /* The same assessment through either door, in any time zone, gives the
   * same bytes. */
  g_assert_true (g_file_get_contents (library_bundle, &library_data, &library_len, NULL));
  g_assert_true (g_file_get_contents (cli_bundle, &cli_data, &cli_len, NULL));
  g_assert_cmpmem (library_data, library_len, cli_data, cli_len);

  /* `evaluate --json` prints the bundle's determination.json, byte for byte
   * (DESIGN.md §10). */
  {
    const char *args[] = { "evaluate", assessment_path, "--json", NULL };
    const char *unzip[] = { "unzip", "-p", cli_bundle, "determination.json", NULL };
    g_autofree char *in_bundle = run (unzip, NULL);

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (args, &out, NULL), ==, 0);
    g_assert_cmpstr (strstr (out, "\"outcome\""), !=, NULL);
    g_assert_cmpstr (out, ==, in_bundle);
  }

  {
    const char *args[] = { "verify", cli_bundle, NULL };

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (args, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "intact"));
  }

  bad = hostile (cli_bundle, "tamper", "report.pdf");
  {
    const char *args[] = { "verify", bad, NULL };

    g_assert_cmpint (run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "report.pdf"));
    g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
  }

  {
    const char *args[] = { "import", cli_bundle, "-o", imported, NULL };

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (args, &out, NULL), ==, 0);
    g_assert_true (g_file_test (imported, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (args, &out, NULL), ==, 1);
  }
}

static guint64
read_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* In a child process, so that the peak is this export's alone. */
static void
test_large_evidence (void)
{
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autofree char *source_path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree guint8 *block = NULL;
  guint64 before, after;
  g_autofree char *bundle = NULL;
  FILE *out;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  store = fixture_new_store ("store");
  assessment = fixture_new_assessment (store);
  source_path = fixture_path ("evaluation-run.log");
  source = g_file_new_for_path (source_path);
  block = g_malloc (1 << 20);

  /* 200 MiB written in 1 MiB blocks; varied so that deflate has work. */
  out = fopen (source_path, "wb");
  g_assert_nonnull (out);
  for (guint i = 0; i < 200; i++)
    {
      for (gsize j = 0; j < (1 << 20); j++)
        block[j] = ((j + i) * 2654435761u) >> 11;
      g_assert_cmpuint (fwrite (block, 1, 1 << 20, out), ==, 1 << 20);
    }
  g_assert_cmpint (fclose (out), ==, 0);
  fixture_attach (assessment, store, source, "Full evaluation log", "text/plain", NULL);
  g_assert_cmpint (g_unlink (source_path), ==, 0);

  before = read_hwm_kib ();
  bundle = export_bundle (assessment, store, "large.zip");
  after = read_hwm_kib ();
  g_test_message ("peak resident memory before %" G_GUINT64_FORMAT " KiB, after %"
                  G_GUINT64_FORMAT " KiB", before, after);
  g_assert_cmpuint (after - before, <, 64 * 1024);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/bundle/reproducible", test_reproducible);
  g_test_add_func ("/core/bundle/external-tools", test_external_tools);
  g_test_add_func ("/core/bundle/compressible-evidence", test_compressible_evidence);
  g_test_add_func ("/core/bundle/manifest", test_manifest);
  g_test_add_func ("/core/bundle/tampered", test_tampered);
  g_test_add_func ("/core/bundle/incomplete", test_incomplete);
  g_test_add_func ("/core/bundle/unsafe", test_unsafe);
  g_test_add_func ("/core/bundle/entry-names", test_entry_names);
  g_test_add_func ("/core/bundle/safe-names", test_safe_names);
  g_test_add_func ("/core/bundle/altered-evidence", test_altered_evidence);
  g_test_add_func ("/core/bundle/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/core/bundle/verify-async", test_verify_async);
  g_test_add_func ("/core/bundle/import", test_import);
  g_test_add_func ("/core/bundle/cli", test_cli);
  g_test_add_func ("/core/bundle/large-evidence", test_large_evidence);

  return g_test_run ();
}
