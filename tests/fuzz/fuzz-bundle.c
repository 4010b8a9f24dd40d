/* fuzz-bundle.c: libFuzzer target for the bundle verifier, fed whole ZIP
 * files (the reader works on a GFile, so each input is written to a
 * temporary file first). A bundle that verifies is also imported into a
 * scratch evidence store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-fuzz"

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"

static char *scratch_dir;
static GFile *bundle_file;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  pf_fuzz_init ();
  scratch_dir = g_dir_make_tmp ("fuzz-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (scratch_dir, "input.preflight-bundle.zip", NULL);
  bundle_file = g_file_new_for_path (path);
  return 0;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          g_object_unref (info);
          remove_tree (child);
        }
    }
  g_file_delete (file, NULL, NULL);
}

static void
import_bundle (PfBundleReader *reader)
{
  g_autofree char *store_path = g_build_filename (scratch_dir, "store", NULL);
  g_autofree char *target_path = g_build_filename (scratch_dir, "imported.preflight", NULL);
  g_autoptr(GFile) store_root = g_file_new_for_path (store_path);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(PfEvidenceStore) store = pf_evidence_store_new (store_root);
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = pf_bundle_reader_import (reader, store, target, NULL, &error);
  g_assert_true ((assessment != NULL) == (error == NULL));

  remove_tree (store_root);
  g_file_delete (target, NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfBundleReader) reader = NULL;

  g_file_replace_contents (bundle_file, (const char *) data, size, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  reader = pf_bundle_reader_new (bundle_file);
  if (!pf_bundle_reader_verify (reader, NULL, &error))
    {
      g_assert_true (error != NULL && error->domain == PF_BUNDLE_ERROR);
      return 0;
    }

  g_assert_nonnull (pf_bundle_reader_get_manifest (reader));
  import_bundle (reader);

  return 0;
}
