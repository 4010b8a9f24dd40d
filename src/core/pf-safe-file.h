/* pf-safe-file.h: crash-safe replacement of a file's contents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data to a temporary file in @file's folder with @mode (applied
 * with fchmod, whatever the umask), fsyncs it, renames it over @file and
 * fsyncs the folder. On failure the old file is untouched and the temporary
 * file removed. Creates missing parent folders with mode 0700. */
gboolean pf_safe_file_replace (GFile        *file,
                               const void   *data,
                               gsize         len,
                               int           mode,
                               GError      **error);

/* Creates @dir and missing parents with mode 0700. */
gboolean pf_safe_file_make_private_dir (GFile   *dir,
                                        GError **error);

/* fsyncs the folder @dir so that a rename into it survives a crash. */
gboolean pf_safe_file_sync_folder (GFile   *dir,
                                   GError **error);

/* Writes all @len bytes of @data to @fd, resuming after short writes and
 * EINTR. On failure returns FALSE with errno set. */
gboolean pf_safe_file_write_all (int          fd,
                                 const void  *data,
                                 gsize        len);

G_END_DECLS
