/* test-evidence-store.c: the content-addressed evidence store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pf-evidence-store.h"

/* SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static GFile *
write_source (const char *name,
              const void *data,
              gsize       len)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sources", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Pseudo-random but reproducible bytes, so a large file is not all zeros. */
static GBytes *
make_data (gsize len)
{
  guint8 *data = g_malloc (len);
  guint32 state = 2463534242u;

  for (gsize i = 0; i < len; i++)
    {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      data[i] = state & 0xff;
    }

  return g_bytes_new_take (data, len);
}

static char *
path_of (GFile *file)
{
  return g_file_get_path (file);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Counts regular files under @path and fails on anything not a blob. */
static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        count += count_files (child);
      else
        count++;
    }

  return count;
}

static char *
read_all (PfEvidenceStore  *store,
          const char       *sha256,
          gsize            *len,
          GError          **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  in = pf_evidence_store_read (store, sha256, NULL, error);
  if (in == NULL)
    return NULL;

  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;

  *len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_add_sync (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GFile) source = write_source ("abc.txt", "abc", 3);
  g_autofree char *expected_root = g_build_filename (g_get_user_data_dir (),
                                                     "preflight", "evidence", NULL);
  g_autofree char *root = path_of (pf_evidence_store_get_root (store));
  g_autofree char *blob_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) blob = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size = 0;
  gsize len;

  g_assert_cmpstr (root, ==, expected_root);

  sha256 = pf_evidence_store_add_file (store, source, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha256, ==, ABC_SHA256);
  g_assert_cmpuint (size, ==, 3);

  blob = pf_evidence_store_get_blob_file (store, sha256);
  blob_path = path_of (blob);
  g_assert_true (g_str_has_suffix (blob_path, "/sha256/ba/" ABC_SHA256));
  g_assert_true (g_file_get_contents (blob_path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, "abc", 3);

  g_assert_true (pf_evidence_store_contains (store, sha256, 3));
  g_assert_false (pf_evidence_store_contains (store, sha256, 4));
  g_assert_cmpint (pf_evidence_store_check (store, sha256, NULL), ==, PF_BLOB_OK);
}

static void
test_modes (void)
{
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) blob = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *prefix_path = NULL;
  g_autofree char *sha_dir = NULL;
  g_autofree char *root = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  /* The modes must not depend on a permissive umask. */
  old_umask = umask (0);
  store = pf_evidence_store_new_default ();
  source = write_source ("modes.txt", "private", 7);
  sha256 = pf_evidence_store_add_file (store, source, NULL, NULL, &error);
  umask (old_umask);
  g_assert_no_error (error);

  blob = pf_evidence_store_get_blob_file (store, sha256);
  blob_path = path_of (blob);
  prefix_path = g_path_get_dirname (blob_path);
  sha_dir = g_path_get_dirname (prefix_path);
  root = path_of (pf_evidence_store_get_root (store));

  g_assert_cmpuint (mode_of (blob_path), ==, 0600);
  g_assert_cmpuint (mode_of (prefix_path), ==, 0700);
  g_assert_cmpuint (mode_of (sha_dir), ==, 0700);
  g_assert_cmpuint (mode_of (root), ==, 0700);
}

static void
test_dedupe (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GFile) first = write_source ("first.pdf", "same bytes", 10);
  g_autoptr(GFile) second = write_source ("second.pdf", "same bytes", 10);
  g_autoptr(GFile) other = write_source ("other.pdf", "other bytes", 11);
  g_autofree char *sha_first = NULL;
  g_autofree char *sha_second = NULL;
  g_autofree char *sha_other = NULL;
  g_autofree char *root = path_of (pf_evidence_store_get_root (store));
  g_autoptr(GError) error = NULL;

  sha_first = pf_evidence_store_add_file (store, first, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (root), ==, 1);

  sha_second = pf_evidence_store_add_file (store, second, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha_first, ==, sha_second);
  g_assert_cmpuint (count_files (root), ==, 1);

  sha_other = pf_evidence_store_add_file (store, other, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha_first, !=, sha_other);
  g_assert_cmpuint (count_files (root), ==, 2);
}

typedef struct {
  GThread      *main_thread;
  GCancellable *cancel_on_progress;  /* (nullable) */
  GAsyncResult *result;
  guint         n_progress;
  goffset       last_current;
  goffset       last_total;
  gboolean      wrong_thread;
  gboolean      went_backwards;
} AddState;

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  AddState *state = user_data;

  state->wrong_thread |= g_thread_self () != state->main_thread;
  state->went_backwards |= current < state->last_current;
  state->n_progress++;
  state->last_current = current;
  state->last_total = total;

  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AddState *state = user_data;

  state->result = g_object_ref (result);
}

static GAsyncResult *
add_and_wait (PfEvidenceStore *store,
              GFile           *source,
              GCancellable    *cancellable,
              AddState        *state)
{
  state->main_thread = g_thread_self ();
  pf_evidence_store_add_async (store, source, cancellable, on_progress, state, on_added, state);
  while (state->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return state->result;
}

static void
test_add_async (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GBytes) data = make_data (3 * 1024 * 1024 + 17);
  g_autoptr(GFile) source = write_source ("big.bin", g_bytes_get_data (data, NULL),
                                          g_bytes_get_size (data));
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AddState state = { 0, };
  guint64 size = 0;
  gsize len = 0;

  result = add_and_wait (store, source, NULL, &state);
  sha256 = pf_evidence_store_add_finish (store, result, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha256, ==, expected);
  g_assert_cmpuint (size, ==, g_bytes_get_size (data));

  g_assert_cmpuint (state.n_progress, >=, 2);
  g_assert_false (state.wrong_thread);
  g_assert_false (state.went_backwards);
  g_assert_cmpint (state.last_current, ==, g_bytes_get_size (data));
  g_assert_cmpint (state.last_total, ==, g_bytes_get_size (data));

  /* Reading back verifies the hash at the end and gives the same bytes. */
  contents = read_all (store, sha256, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
}

static void
test_cancel (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GBytes) data = make_data (64 * 1024 * 1024);
  g_autoptr(GFile) source = write_source ("huge.bin", g_bytes_get_data (data, NULL),
                                          g_bytes_get_size (data));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *root = path_of (pf_evidence_store_get_root (store));
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) error = NULL;
  AddState state = { 0, };

  state.cancel_on_progress = cancellable;
  result = add_and_wait (store, source, cancellable, &state);
  sha256 = pf_evidence_store_add_finish (store, result, NULL, &error);
  g_assert_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_CANCELLED);
  g_assert_null (sha256);

  /* Exactly one report: the rest arrive after the cancel and are dropped. */
  g_assert_cmpuint (state.n_progress, ==, 1);
  g_assert_cmpint (state.last_current, <, g_bytes_get_size (data));
  g_assert_cmpuint (count_files (root), ==, 0);
}

static void
alter_blob (PfEvidenceStore *store,
            const char      *sha256,
            const char      *contents)
{
  g_autoptr(GFile) blob = pf_evidence_store_get_blob_file (store, sha256);
  g_autofree char *path = path_of (blob);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_altered (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GFile) source = write_source ("report.txt", "original report", 15);
  g_autofree char *sha256 = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  sha256 = pf_evidence_store_add_file (store, source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_evidence_store_check (store, sha256, NULL), ==, PF_BLOB_OK);

  /* Same size, different bytes: only the hash can tell. */
  alter_blob (store, sha256, "tampered report");
  g_assert_true (pf_evidence_store_contains (store, sha256, 15));
  g_assert_cmpint (pf_evidence_store_check (store, sha256, NULL), ==, PF_BLOB_ALTERED);

  contents = read_all (store, sha256, &len, &error);
  g_assert_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_ALTERED);
  g_assert_null (contents);
  g_clear_error (&error);

  /* Skipping must not bypass the check. */
  {
    g_autoptr(GInputStream) in = pf_evidence_store_read (store, sha256, NULL, &error);
    char rest[64];

    g_assert_no_error (error);
    g_assert_cmpint (g_input_stream_skip (in, 9, NULL, &error), ==, 9);
    g_assert_no_error (error);
    g_assert_cmpint (g_input_stream_read_all (in, rest, sizeof rest, &len, NULL, &error), ==, FALSE);
    g_assert_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_ALTERED);
    g_clear_error (&error);
  }

  /* A blob of the wrong size is damaged; adding the original replaces it. */
  alter_blob (store, sha256, "short");
  g_free (sha256);
  sha256 = pf_evidence_store_add_file (store, source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_evidence_store_check (store, sha256, NULL), ==, PF_BLOB_OK);
}

static void
test_missing (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pf_evidence_store_check (store, ABC_SHA256, NULL), ==, PF_BLOB_MISSING);
  g_assert_false (pf_evidence_store_contains (store, ABC_SHA256, 3));

  in = pf_evidence_store_read (store, ABC_SHA256, NULL, &error);
  g_assert_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_MISSING);
  g_assert_null (in);
  g_clear_error (&error);

  /* A crafted hash never becomes a path outside the store. */
  in = pf_evidence_store_read (store, "../../../../etc/passwd", NULL, &error);
  g_assert_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_MISSING);
  g_assert_null (in);
  g_assert_false (pf_evidence_store_contains (store, "../x", 0));
}

static void
test_missing_source (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(GFile) source = g_file_new_for_path ("/nonexistent/preflight/file.pdf");
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) error = NULL;

  sha256 = pf_evidence_store_add_file (store, source, NULL, NULL, &error);
  g_assert_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/preflight/file.pdf"));
  g_assert_null (sha256);
}

static void
test_media_type (void)
{
  static const guchar pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  static const guchar binary[] = { 0x00, 0x01, 0xfe, 0xff, 0x00, 0x13, 0x37, 0x00 };
  g_autofree char *from_pdf = pf_evidence_guess_media_type ("report.pdf", pdf, sizeof pdf - 1);
  g_autofree char *from_bytes = pf_evidence_guess_media_type (NULL, pdf, sizeof pdf - 1);
  g_autofree char *unknown = pf_evidence_guess_media_type (NULL, binary, sizeof binary);

  g_assert_cmpstr (from_pdf, ==, "application/pdf");
  g_assert_cmpstr (from_bytes, ==, "application/pdf");
  g_assert_cmpstr (unknown, ==, "application/octet-stream");
}

int
main (int   argc,
      char *argv[])
{
  /* Media types come from the system's MIME database, which the isolated
   * XDG_DATA_DIRS would hide; this pins the real folders before isolation. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/evidence-store/add-sync", test_add_sync);
  g_test_add_func ("/core/evidence-store/modes", test_modes);
  g_test_add_func ("/core/evidence-store/dedupe", test_dedupe);
  g_test_add_func ("/core/evidence-store/add-async", test_add_async);
  g_test_add_func ("/core/evidence-store/cancel", test_cancel);
  g_test_add_func ("/core/evidence-store/altered", test_altered);
  g_test_add_func ("/core/evidence-store/missing", test_missing);
  g_test_add_func ("/core/evidence-store/missing-source", test_missing_source);
  g_test_add_func ("/core/evidence-store/media-type", test_media_type);

  return g_test_run ();
}
