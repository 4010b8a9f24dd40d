/* pf-partial-import.c: the hidden file an import of a bundle writes in the
 * assessments folder until the assessment gets its final name, and the
 * removal of those a crash left behind. They are our temporary files, never
 * the user's data: the bundle they came from still holds everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-partial-import"

#include "config.h"

#include "pf-application.h"
#include "pf-partial-import.h"

#define PARTIAL_PREFIX ".import-"
#define PARTIAL_SUFFIX ".part"

char *
pf_partial_import_dup_name (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (PARTIAL_PREFIX, uuid, PARTIAL_SUFFIX, NULL);
}

guint
pf_partial_import_remove_stale (void)
{
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Could not look for partial imports in %s: %s",
                 g_file_peek_path (dir), error->message);
      return 0;
    }

  while (TRUE)
    {
      GFileInfo *info;
      GFile *file;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &file, NULL, &error))
        {
          g_debug ("Could not look for partial imports in %s: %s",
                   g_file_peek_path (dir), error->message);
          break;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_prefix (name, PARTIAL_PREFIX)
          || !g_str_has_suffix (name, PARTIAL_SUFFIX))
        continue;

      if (g_file_delete (file, NULL, &error))
        {
          g_debug ("Removed %s, left by an import that did not finish", g_file_peek_path (file));
          n_removed++;
        }
      else
        {
          g_debug ("Could not remove the partial import %s: %s",
                   g_file_peek_path (file), error->message);
        }
      g_clear_error (&error);
    }

  return n_removed;
}
