/* test-file-modes.c: what Preflight writes is private whatever the umask:
 * assessments, evidence blobs and bundles 0600, evidence folders 0700.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "preflight.h"

#define BUILTIN_PACK "/io/github/preflightapp/Preflight/packs/frontier-cyber-draft.pfpack.json"

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
work_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static PfAssessment *
new_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = pf_criteria_pack_new_from_resource (BUILTIN_PACK, &error);
  PfAssessment *assessment;

  g_assert_no_error (error);
  assessment = pf_assessment_new (pack);
  pf_assessment_set_model_name (assessment, "Modes");
  pf_assessment_set_model_version (assessment, "1");
  return assessment;
}

static void
test_assessment (void)
{
  g_autoptr(PfAssessment) assessment = new_assessment ();
  g_autofree char *path = work_path ("modes.preflight");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);

  /* A save over an existing file keeps it private too. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  pf_assessment_set_organisation (assessment, "Lab");
  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);
}

static void
test_evidence_store (void)
{
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autofree char *source_path = work_path ("report.txt");
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) blob = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) data_home = g_file_new_for_path (g_get_user_data_dir ());
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *blob_path = NULL;
  guint64 size = 0;
  guint folders = 0;

  g_file_set_contents (source_path, "evidence\n", -1, &error);
  g_assert_no_error (error);

  sha256 = pf_evidence_store_add_file (store, source, &size, NULL, &error);
  g_assert_no_error (error);
  blob = pf_evidence_store_get_blob_file (store, sha256);
  blob_path = g_file_get_path (blob);
  g_assert_cmpuint (mode_of (blob_path), ==, 0600);

  /* Every folder the store made, from the blob up to XDG_DATA_HOME. */
  for (dir = g_file_get_parent (blob); !g_file_equal (dir, data_home);)
    {
      g_autofree char *dir_path = g_file_get_path (dir);
      GFile *parent = g_file_get_parent (dir);

      g_test_message ("%s", dir_path);
      g_assert_cmpuint (mode_of (dir_path), ==, 0700);
      folders++;
      g_object_unref (dir);
      dir = parent;
    }
  g_assert_cmpuint (folders, >=, 2);
}

static void
test_bundle (void)
{
  g_autoptr(PfAssessment) assessment = new_assessment ();
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new_default ();
  g_autoptr(PfBundleWriter) writer = NULL;
  g_autofree char *path = work_path ("modes.preflight-bundle.zip");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  writer = pf_bundle_writer_new (assessment, store, PF_MARKING_NONE);
  pf_bundle_writer_write (writer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The most permissive umask: every mode must be set explicitly. */
  umask (0);

  g_test_add_func ("/core/file-modes/assessment", test_assessment);
  g_test_add_func ("/core/file-modes/evidence-store", test_evidence_store);
  g_test_add_func ("/core/file-modes/bundle", test_bundle);

  return g_test_run ();
}
