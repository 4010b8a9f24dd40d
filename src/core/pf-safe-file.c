/* pf-safe-file.c: crash-safe replacement of a file's contents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pf-safe-file.h"

static gboolean set_error_from_errno (GError     **error,
                                      int          saved_errno,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (3, 4);

/* Sets a GIO error "WHAT: REASON" from an errno value; always FALSE. */
static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *format,
                      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
make_private_dir_path (const char  *path,
                       GError     **error)
{
  struct stat st;
  int saved_errno;

  if (g_mkdir (path, 0700) == 0)
    {
      /* mkdir applies the umask; the folder must be private whatever it is. */
      if (g_chmod (path, 0700) != 0)
        return set_error_from_errno (error, errno,
                                     _("Could not make the folder “%s” private"), path);
      return TRUE;
    }
  saved_errno = errno;

  if (saved_errno == ENOENT)
    {
      g_autofree char *parent = g_path_get_dirname (path);

      if (g_strcmp0 (parent, path) == 0)
        return set_error_from_errno (error, ENOENT, _("Could not create the folder “%s”"), path);
      if (!make_private_dir_path (parent, error))
        return FALSE;
      return make_private_dir_path (path, error);
    }

  if (saved_errno == EEXIST)
    {
      if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
        return TRUE;
      saved_errno = ENOTDIR;
    }

  return set_error_from_errno (error, saved_errno, _("Could not create the folder “%s”"), path);
}

gboolean
pf_safe_file_make_private_dir (GFile   *dir,
                               GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (dir);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local folder; choose a folder on this computer"), uri);
      return FALSE;
    }

  return make_private_dir_path (path, error);
}

gboolean
pf_safe_file_sync_folder (GFile   *dir,
                          GError **error)
{
  g_autofree char *path = NULL;
  int fd;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (dir);
  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_error_from_errno (error, errno, _("Could not open the folder “%s”"), path);

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_error_from_errno (error, saved_errno,
                                   _("Could not flush the folder “%s” to disk"), path);
    }

  close (fd);
  return TRUE;
}

gboolean
pf_safe_file_write_all (int          fd,
                        const void  *data,
                        gsize        len)
{
  const guint8 *bytes = data;

  while (len > 0)
    {
      gssize n = write (fd, bytes, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      bytes += n;
      len -= n;
    }

  return TRUE;
}

gboolean
pf_safe_file_replace (GFile       *file,
                      const void  *data,
                      gsize        len,
                      int          mode,
                      GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) sync_error = NULL;
  int saved_errno;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: it is not a local file; choose a file on this computer"),
                   uri);
      return FALSE;
    }

  dir = g_file_get_parent (file);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not save “%s”: it is a folder; choose a file name"), path);
      return FALSE;
    }
  if (!pf_safe_file_make_private_dir (dir, error))
    return FALSE;

  /* The temporary file must be in the same folder: rename() is only atomic
   * within one file system. */
  dir_path = g_file_get_path (dir);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir_path, base);

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_error_from_errno (error, errno,
                                 _("Could not create a temporary file for “%s”"), path);

  if (!pf_safe_file_write_all (fd, data, len) || fchmod (fd, mode) != 0 || fsync (fd) != 0)
    goto fail;

  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_rename (tmp_path, path) != 0)
    goto fail;

  /* The new file is in place; without this a crash could still lose the
   * rename, but the old contents would survive, so it is not an error. */
  if (!pf_safe_file_sync_folder (dir, &sync_error))
    g_debug ("%s", sync_error->message);

  return TRUE;

fail:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return set_error_from_errno (error, saved_errno, _("Could not save “%s”"), path);
}
