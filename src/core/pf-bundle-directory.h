/* pf-bundle-directory.h: a check of a ZIP's central directory before
 * libarchive reads the entries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads the central directory of the ZIP open as @fd (@file_size bytes) and
 * refuses, before anything is inflated, what libarchive would hide or only
 * find late: an entry name holding a NUL byte (libarchive cuts the name
 * there; PF_BUNDLE_ERROR_UNSAFE_PATH), more than PF_BUNDLE_MAX_ENTRIES
 * entries, or declared sizes adding up to more than PF_BUNDLE_MAX_TOTAL_SIZE
 * (PF_BUNDLE_ERROR_TOO_LARGE). A file without a readable central directory
 * passes: libarchive reports it. @display names the file in messages. */
gboolean pf_bundle_check_directory (int          fd,
                                    guint64      file_size,
                                    const char  *display,
                                    GError     **error);

G_END_DECLS
