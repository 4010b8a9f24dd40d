/* pf-bundle-directory.c: the central directory check of a bundle's ZIP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-bundle-directory"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "pf-bundle-directory.h"
#include "pf-bundle-reader.h"
#include "pf-bundle.h"

#define EOCD_SIGNATURE         0x06054b50
#define EOCD_SIZE              22
#define ZIP64_LOCATOR_SIGNATURE 0x07064b50
#define ZIP64_LOCATOR_SIZE     20
#define ZIP64_EOCD_SIGNATURE   0x06064b50
#define ZIP64_EOCD_SIZE        56
#define CENTRAL_SIGNATURE      0x02014b50
#define CENTRAL_SIZE           46
#define ZIP64_EXTRA_ID         0x0001
#define MAX_COMMENT            0xffff
/* A central directory of PF_BUNDLE_MAX_ENTRIES entries with the longest
 * names and generous extra fields is far smaller than this. */
#define MAX_DIRECTORY_SIZE     (64 * 1024 * 1024)

static guint16
u16 (const guchar *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
u32 (const guchar *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
u64 (const guchar *p)
{
  return (guint64) u32 (p) | ((guint64) u32 (p + 4) << 32);
}

static gboolean
read_at (int      fd,
         guchar  *buffer,
         gsize    len,
         guint64  offset)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = pread (fd, buffer + done, len - done, offset + done);

      if (n <= 0)
        return FALSE;
      done += n;
    }

  return TRUE;
}

/* The entry's uncompressed size, from its ZIP64 extra field when the
 * 32-bit field says 0xffffffff. */
static guint64
entry_size (const guchar *header,
            const guchar *extra,
            gsize         extra_len)
{
  guint64 size = u32 (header + 24);
  gsize i = 0;

  if (size != 0xffffffff)
    return size;

  while (i + 4 <= extra_len)
    {
      guint16 id = u16 (extra + i);
      guint16 len = u16 (extra + i + 2);

      if (id == ZIP64_EXTRA_ID && len >= 8 && i + 4 + 8 <= extra_len)
        return u64 (extra + i + 4);
      i += 4 + len;
    }

  return size;
}

gboolean
pf_bundle_check_directory (int          fd,
                           guint64      file_size,
                           const char  *display,
                           GError     **error)
{
  g_autofree guchar *tail = NULL;
  g_autofree guchar *directory = NULL;
  gsize tail_len = MIN (file_size, EOCD_SIZE + MAX_COMMENT);
  guint64 tail_offset = file_size - tail_len;
  const guchar *eocd = NULL;
  guint64 n_entries, dir_size, dir_offset, total = 0;
  gsize pos = 0;

  if (tail_len < EOCD_SIZE)
    return TRUE;

  tail = g_malloc (tail_len);
  if (!read_at (fd, tail, tail_len, tail_offset))
    return TRUE;
  for (gsize i = tail_len - EOCD_SIZE + 1; i-- > 0;)
    if (u32 (tail + i) == EOCD_SIGNATURE)
      {
        eocd = tail + i;
        break;
      }
  if (eocd == NULL)
    return TRUE;

  n_entries = u16 (eocd + 10);
  dir_size = u32 (eocd + 12);
  dir_offset = u32 (eocd + 16);

  if (n_entries == 0xffff || dir_size == 0xffffffff || dir_offset == 0xffffffff)
    {
      guint64 eocd_offset = tail_offset + (eocd - tail);
      guchar locator[ZIP64_LOCATOR_SIZE];
      guchar record[ZIP64_EOCD_SIZE];

      if (eocd_offset < ZIP64_LOCATOR_SIZE
          || !read_at (fd, locator, sizeof locator, eocd_offset - ZIP64_LOCATOR_SIZE)
          || u32 (locator) != ZIP64_LOCATOR_SIGNATURE
          || !read_at (fd, record, sizeof record, u64 (locator + 8))
          || u32 (record) != ZIP64_EOCD_SIGNATURE)
        return TRUE;
      n_entries = u64 (record + 32);
      dir_size = u64 (record + 40);
      dir_offset = u64 (record + 48);
    }

  if (n_entries > PF_BUNDLE_MAX_ENTRIES)
    {
      g_autofree char *n_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_entries);

      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_TOO_LARGE,
                   _("“%s” has %s entries, more than the %d this version of "
                     "Preflight accepts; the bundle is damaged or hostile."),
                   display, n_text, PF_BUNDLE_MAX_ENTRIES);
      return FALSE;
    }

  if (dir_size > MAX_DIRECTORY_SIZE || dir_offset > file_size || dir_size > file_size - dir_offset)
    return TRUE;

  directory = g_malloc (dir_size > 0 ? dir_size : 1);
  if (!read_at (fd, directory, dir_size, dir_offset))
    return TRUE;

  for (guint64 i = 0; i < n_entries && pos + CENTRAL_SIZE <= dir_size; i++)
    {
      const guchar *header = directory + pos;
      gsize name_len = u16 (header + 28);
      gsize extra_len = u16 (header + 30);
      gsize comment_len = u16 (header + 32);
      const guchar *name = header + CENTRAL_SIZE;

      if (u32 (header) != CENTRAL_SIGNATURE
          || pos + CENTRAL_SIZE + name_len + extra_len + comment_len > dir_size)
        break;

      if (memchr (name, '\0', name_len) != NULL)
        {
          g_autofree char *shown = g_strndup ((const char *) name, name_len);
          g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, i + 1);

          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNSAFE_PATH,
                       _("Entry %s of “%s” (“%s…”) has a NUL byte in its "
                         "name; the bundle is damaged or hostile."),
                       number, display, shown);
          return FALSE;
        }

      total += entry_size (header, name + name_len, extra_len);
      if (total > PF_BUNDLE_MAX_TOTAL_SIZE)
        {
          g_autofree char *limit = g_format_size (PF_BUNDLE_MAX_TOTAL_SIZE);

          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_TOO_LARGE,
                       _("The entries of “%s” say they hold more than %s together, more "
                         "than this version of Preflight accepts; the bundle is damaged or "
                         "hostile."),
                       display, limit);
          return FALSE;
        }

      pos += CENTRAL_SIZE + name_len + extra_len + comment_len;
    }

  return TRUE;
}
