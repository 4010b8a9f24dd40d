/* pf-bundle-reader.c: verifies a submission bundle in one streaming pass and
 * imports it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-bundle-reader"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pf-bundle-directory.h"
#include "pf-bundle-private.h"
#include "pf-bundle-reader.h"
#include "pf-json-guard.h"
#include "pf-safe-file.h"
#include "pf-sha256.h"

/* Fixed-size read buffer: memory does not grow with the bundle. */
#define CHUNK_SIZE (64 * 1024)

struct _PfBundleReader
{
  GObject   parent_instance;

  GFile    *file;      /* (owned) */
  JsonNode *manifest;  /* (owned) (nullable) */
};

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PfBundleReader, pf_bundle_reader, G_TYPE_OBJECT)

typedef struct
{
  char    *sha256;
  guint64  size;
} ScannedEntry;

static void
scanned_entry_free (ScannedEntry *entry)
{
  g_free (entry->sha256);
  g_free (entry);
}

/* What one pass over the ZIP found. */
typedef struct
{
  GHashTable *entries;           /* (owned) path → ScannedEntry */
  GPtrArray  *order;             /* (owned) paths in ZIP order */
  GHashTable *folded;            /* (owned) case-folded path → path */
  GBytes     *manifest_bytes;    /* (owned) (nullable) */
  GBytes     *checksums_bytes;   /* (owned) (nullable) */
  GBytes     *assessment_bytes;  /* (owned) (nullable) */
  JsonNode   *manifest;          /* (owned) (nullable) once validated */
  GFile      *extract_dir;       /* (owned) (nullable) evidence goes here when importing */
  GHashTable *extracted;         /* (owned) path → temporary GFile */
} Scan;

static void
scan_init (Scan  *scan,
           GFile *extract_dir)
{
  memset (scan, 0, sizeof *scan);
  scan->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) scanned_entry_free);
  scan->order = g_ptr_array_new_with_free_func (g_free);
  scan->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->extract_dir = extract_dir != NULL ? g_object_ref (extract_dir) : NULL;
  scan->extracted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
scan_clear (Scan *scan)
{
  GHashTableIter iter;
  gpointer value;

  /* Temporary evidence copies never outlive the scan. */
  g_hash_table_iter_init (&iter, scan->extracted);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_file_delete (value, NULL, NULL);

  g_clear_pointer (&scan->entries, g_hash_table_unref);
  g_clear_pointer (&scan->order, g_ptr_array_unref);
  g_clear_pointer (&scan->folded, g_hash_table_unref);
  g_clear_pointer (&scan->manifest_bytes, g_bytes_unref);
  g_clear_pointer (&scan->checksums_bytes, g_bytes_unref);
  g_clear_pointer (&scan->assessment_bytes, g_bytes_unref);
  g_clear_pointer (&scan->manifest, json_node_unref);
  g_clear_object (&scan->extract_dir);
  g_clear_pointer (&scan->extracted, g_hash_table_unref);
}

static gboolean
is_document_entry (const char *path)
{
  return g_str_equal (path, PF_BUNDLE_MANIFEST_PATH)
         || g_str_equal (path, PF_BUNDLE_CHECKSUMS_PATH)
         || g_str_equal (path, PF_BUNDLE_ASSESSMENT_PATH);
}

static gboolean
set_cancelled_error (GCancellable  *cancellable,
                     GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_CANCELLED,
                       _("Reading the bundle was cancelled"));
  return TRUE;
}

static gboolean
check_entry_kind (struct archive_entry  *entry,
                  const char            *name,
                  GError               **error)
{
  mode_t type = archive_entry_filetype (entry);

  if (archive_entry_symlink (entry) != NULL || archive_entry_hardlink (entry) != NULL
      || (type != AE_IFREG && type != AE_IFDIR))
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_NOT_REGULAR,
                   _("Entry “%s” is a link or a special file, not a regular file. A bundle "
                     "only holds regular files; do not extract this one with other tools."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_duplicate (Scan        *scan,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  const char *other;

  if (g_hash_table_contains (scan->entries, name))
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DUPLICATE_ENTRY,
                   _("Entry “%s” appears twice in the bundle; which copy counts would depend "
                     "on the tool. Ask the sender for a fresh export."),
                   name);
      return FALSE;
    }

  other = g_hash_table_lookup (scan->folded, folded);
  if (other != NULL)
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DUPLICATE_ENTRY,
                   _("Entries “%s” and “%s” differ only in case and would overwrite each other "
                     "on many systems. Ask the sender for a fresh export."),
                   other, name);
      return FALSE;
    }

  g_hash_table_insert (scan->folded, g_steal_pointer (&folded), g_strdup (name));
  return TRUE;
}

static GOutputStream *
open_extract_file (Scan        *scan,
                   const char  *name,
                   GFile      **file_out,
                   GError     **error)
{
  g_autofree char *dir = g_file_get_path (scan->extract_dir);
  g_autofree char *template = g_build_filename (dir, ".import-XXXXXX", NULL);
  int fd;

  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                   _("Cannot create a temporary file in “%s” for entry “%s”: %s"),
                   dir, name, g_strerror (saved_errno));
      return NULL;
    }

  *file_out = g_file_new_for_path (template);
  return g_unix_output_stream_new (fd, TRUE);
}

static gboolean
extract_failed (const char  *name,
                GError      *local_error,
                GError     **error)
{
  g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
               _("Cannot copy entry “%s” out of the bundle: %s"), name, local_error->message);
  return FALSE;
}

/* Streams one entry's data: hashes it, counts it against the limits, keeps
 * the small documents, copies evidence out when importing. @declared is the
 * uncompressed size the ZIP headers give, or -1 when they give none.
 *
 * Zip bombs: one DEFLATE stream cannot inflate more than 1032 times (one
 * 258-byte match per 2 bits), so a huge output from a small file needs
 * entries that share compressed data (refused in scan_zip()), an entry
 * that inflates past the size it declares (the declared sizes are checked
 * against the limits before anything is inflated), or a denser method than
 * ours. Each is stopped here as soon as it shows; an honest entry, however
 * compressible (a sparse disk image), passes. */
static gboolean
read_entry_data (Scan             *scan,
                 struct archive   *a,
                 const char       *name,
                 gboolean          is_dir,
                 gint64            declared,
                 guchar           *buffer,
                 guint64          *total_read,
                 goffset           file_size,
                 PfBundleProgress *progress,
                 GCancellable     *cancellable,
                 GError          **error)
{
  /* PfSha256, not GChecksum: see pf-sha256.h. */
  g_autoptr(PfSha256) checksum = pf_sha256_new ();
  g_autoptr(GByteArray) document = NULL;
  g_autoptr(GOutputStream) extract = NULL;
  g_autoptr(GFile) extract_file = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean keep = is_document_entry (name);
  gint64 consumed_start = archive_filter_bytes (a, -1);
  guint64 size = 0;
  ScannedEntry *scanned;

  if (keep)
    document = g_byte_array_new ();

  if (scan->extract_dir != NULL && !is_dir && g_str_has_prefix (name, PF_BUNDLE_EVIDENCE_DIR))
    {
      extract = open_extract_file (scan, name, &extract_file, error);
      if (extract == NULL)
        return FALSE;
      g_hash_table_insert (scan->extracted, g_strdup (name), g_object_ref (extract_file));
    }

  for (;;)
    {
      la_ssize_t n;
      guint64 consumed;

      if (set_cancelled_error (cancellable, error))
        return FALSE;

      n = archive_read_data (a, buffer, CHUNK_SIZE);
      if (n == 0)
        break;
      if (n < 0)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                       _("Entry “%s” is damaged (%s). Ask the sender for a fresh copy."),
                       name, archive_error_string (a));
          return FALSE;
        }

      size += n;
      *total_read += n;
      if (declared >= 0 && size > (guint64) declared)
        {
          g_autofree char *declared_text = g_strdup_printf ("%" G_GINT64_FORMAT, declared);

          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_SIZE_MISMATCH,
                       _("Entry “%s” inflates to more than the %s bytes its ZIP header "
                         "declares, as zip bombs do; the bundle is damaged or hostile. Ask "
                         "the sender for a fresh export."),
                       name, declared_text);
          return FALSE;
        }
      if (size > PF_BUNDLE_MAX_ENTRY_SIZE
          || (keep && size > PF_BUNDLE_MAX_DOCUMENT_SIZE))
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_TOO_LARGE,
                       _("Entry “%s” is larger than this version of Preflight accepts; "
                         "the bundle is damaged or hostile."),
                       name);
          return FALSE;
        }
      if (*total_read > PF_BUNDLE_MAX_TOTAL_SIZE)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle holds more than %s once unpacked (reached at entry "
                         "“%s”); this version of Preflight does not accept it."),
                       "16 GiB", name);
          return FALSE;
        }

      consumed = MAX (archive_filter_bytes (a, -1) - consumed_start, 1);
      if (size > PF_BUNDLE_RATIO_MIN_SIZE && size / consumed > PF_BUNDLE_MAX_RATIO)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_SUSPICIOUS_RATIO,
                       _("Entry “%s” inflates more than %d times its compressed size, more "
                         "than the DEFLATE compression Preflight writes can reach, as zip "
                         "bombs do; the bundle is refused. Ask the sender for a fresh export."),
                       name, PF_BUNDLE_MAX_RATIO);
          return FALSE;
        }

      pf_sha256_update (checksum, buffer, n);
      if (document != NULL)
        g_byte_array_append (document, buffer, n);
      if (extract != NULL
          && !g_output_stream_write_all (extract, buffer, n, NULL, cancellable, &local_error))
        return extract_failed (name, local_error, error);

      pf_bundle_progress_report (progress,
                                 CLAMP (archive_filter_bytes (a, -1), 0, file_size),
                                 file_size);
    }

  if (extract != NULL && !g_output_stream_close (extract, cancellable, &local_error))
    return extract_failed (name, local_error, error);

  if (is_dir)
    return TRUE;

  if (document != NULL)
    {
      GBytes **slot = g_str_equal (name, PF_BUNDLE_MANIFEST_PATH) ? &scan->manifest_bytes
                      : g_str_equal (name, PF_BUNDLE_CHECKSUMS_PATH) ? &scan->checksums_bytes
                      : &scan->assessment_bytes;

      *slot = g_byte_array_free_to_bytes (g_steal_pointer (&document));
    }

  scanned = g_new0 (ScannedEntry, 1);
  scanned->sha256 = g_strdup (pf_sha256_get_string (checksum));
  scanned->size = size;
  g_hash_table_insert (scan->entries, g_strdup (name), scanned);
  g_ptr_array_add (scan->order, g_strdup (name));

  return TRUE;
}

static gboolean
scan_zip (Scan             *scan,
          GFile            *file,
          PfBundleProgress *progress,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree guchar *buffer = NULL;
  struct archive *a;
  struct archive_entry *entry;
  struct stat st;
  g_autofree char *previous = NULL;
  gint64 previous_end = 0;
  guint64 total_read = 0;
  guint n_entries = 0;
  gboolean ok = FALSE;
  int fd;
  int r;

  if (path == NULL)
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                   _("“%s” is not a local file; copy it to this computer first."), display);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                   _("Cannot open “%s”: %s"), display, g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  buffer = g_malloc (CHUNK_SIZE);
  a = archive_read_new ();
  archive_read_support_format_zip (a);

  if (archive_read_open_fd (a, fd, CHUNK_SIZE) != ARCHIVE_OK)
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("“%s” is not a ZIP archive (%s); choose a .preflight-bundle.zip file."),
                   display, archive_error_string (a));
      goto out;
    }

  /* Hardening: names with a NUL byte (which libarchive would silently cut)
   * and declared sizes over the total limit are refused up front. */
  if (!pf_bundle_check_directory (fd, st.st_size, display, error))
    goto out;

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      gint64 data_start = archive_filter_bytes (a, -1);
      gboolean is_dir;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNSAFE_PATH,
                       _("Entry %u of “%s” has a name that cannot be decoded; the bundle is "
                         "damaged or hostile."), n_entries + 1, display);
          goto out;
        }

      if (++n_entries > PF_BUNDLE_MAX_ENTRIES)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_TOO_LARGE,
                       _("“%s” has more than %d entries (reached at “%s”); this version of "
                         "Preflight does not accept it."),
                       display, PF_BUNDLE_MAX_ENTRIES, name);
          goto out;
        }

      if (!pf_bundle_check_entry_name (name, error)
          || !check_entry_kind (entry, name, error)
          || !check_duplicate (scan, name, error))
        goto out;

      if (archive_entry_size_is_set (entry)
          && (guint64) archive_entry_size (entry) > (is_document_entry (name)
                                                     ? PF_BUNDLE_MAX_DOCUMENT_SIZE
                                                     : PF_BUNDLE_MAX_ENTRY_SIZE))
        {
          g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   (gint64) archive_entry_size (entry));

          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_TOO_LARGE,
                       _("Entry “%s” says it holds %s bytes, more than this "
                         "version of Preflight accepts; the bundle is damaged or hostile."),
                       name, size);
          goto out;
        }

      is_dir = archive_entry_filetype (entry) == AE_IFDIR;
      /* libarchive hands out no data for a directory; its size tells. */
      if (is_dir && archive_entry_size_is_set (entry) && archive_entry_size (entry) > 0)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_NOT_REGULAR,
                       _("Entry “%s” is a directory that carries data. A bundle only holds "
                         "regular files; do not extract this one with other tools."),
                       name);
          goto out;
        }
      /* libarchive visits the entries in the order of their place in the
       * file, so data that starts before the previous entry's ended is
       * shared: the overlapping zip bomb, many entries inflating one
       * stream. No ZIP tool writes that. */
      if (data_start < previous_end)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_SUSPICIOUS_RATIO,
                       _("Entry “%s” overlaps entry “%s” in “%s”: they share compressed "
                         "data, as zip bombs do; the bundle is refused. Ask the sender for a "
                         "fresh export."),
                       name, previous, display);
          goto out;
        }
      if (!read_entry_data (scan, a, name, is_dir,
                            archive_entry_size_is_set (entry) ? archive_entry_size (entry) : -1,
                            buffer, &total_read, st.st_size, progress, cancellable, error))
        goto out;
      previous_end = archive_filter_bytes (a, -1);
      g_free (previous);
      previous = g_strdup (name);
    }

  if (r != ARCHIVE_EOF)
    {
      if (set_cancelled_error (cancellable, error))
        goto out;
      if (n_entries == 0)
        g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_NOT_A_BUNDLE,
                     _("“%s” is not a ZIP archive (%s); choose a .preflight-bundle.zip file."),
                     display, archive_error_string (a));
      else
        g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_NOT_A_BUNDLE,
                     _("“%s” is damaged after entry %u (%s); ask the sender for a fresh copy."),
                     display, n_entries, archive_error_string (a));
      goto out;
    }

  pf_bundle_progress_report (progress, st.st_size, st.st_size);
  ok = TRUE;

out:
  archive_read_free (a);
  close (fd);
  return ok;
}

static gboolean
malformed (GError     **error,
           guint        index,
           const char  *member)
{
  g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
               _("manifest.json: files[%u].%s is missing or invalid; the bundle is damaged. "
                 "Ask the sender for a fresh export."),
               index, member);
  return FALSE;
}

static gboolean
check_checksums (Scan        *scan,
                 GHashTable  *listed,
                 GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize len;
  const char *data;

  data = g_bytes_get_data (scan->checksums_bytes, &len);
  text = g_strndup (data, len);
  if (len == 0 || text[len - 1] != '\n' || strlen (text) != len)
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                           _("SHA256SUMS is not in the form “sha256sum” writes; the bundle was "
                             "changed after export. Ask the sender for a fresh copy."));
      return FALSE;
    }

  text[len - 1] = '\0';
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *hex = NULL;
      const char *path;
      ScannedEntry *scanned;

      if (strlen (line) < 67 || line[64] != ' ' || line[65] != ' ')
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                       _("SHA256SUMS line %u is not in the form “sha256sum” writes; the bundle "
                         "was changed after export. Ask the sender for a fresh copy."), i + 1);
          return FALSE;
        }

      hex = g_strndup (line, 64);
      path = line + 66;
      if (!g_str_equal (path, PF_BUNDLE_MANIFEST_PATH) && !g_hash_table_contains (listed, path))
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                       _("SHA256SUMS lists “%s”, which the manifest does not; the bundle was "
                         "changed after export. Ask the sender for a fresh copy."), path);
          return FALSE;
        }

      scanned = g_hash_table_lookup (scan->entries, path);
      if (!g_hash_table_add (seen, (gpointer) path) || scanned == NULL
          || !g_str_equal (scanned->sha256, hex))
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                       _("Entry “%s”: its SHA-256 does not match SHA256SUMS; the bundle was "
                         "changed after export. Ask the sender for a fresh copy."), path);
          return FALSE;
        }
    }

  /* Everything but SHA256SUMS itself: the listed files and the manifest. */
  if (g_hash_table_size (seen) != g_hash_table_size (listed) + 1)
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                           _("SHA256SUMS does not list every file of the bundle; the bundle was "
                             "changed after export. Ask the sender for a fresh copy."));
      return FALSE;
    }

  return TRUE;
}

/* Cross-checks what the pass found against the manifest and SHA256SUMS. */
static gboolean
validate_scan (Scan    *scan,
               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *files;
  const char *format;
  gsize len;
  const char *data;
  guint line = 0;

  if (scan->manifest_bytes == NULL)
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_NOT_A_BUNDLE,
                           _("The ZIP archive has no manifest.json, so it is not a Preflight "
                             "bundle; choose a .preflight-bundle.zip file."));
      return FALSE;
    }

  data = g_bytes_get_data (scan->manifest_bytes, &len);
  /* Hardening, before json-glib parses what came from outside. */
  switch (pf_json_guard_scan (data, len, PF_JSON_GUARD_MAX_DEPTH, &line))
    {
    case PF_JSON_GUARD_OK:
      break;
    case PF_JSON_GUARD_TOO_DEEP:
      /* json-glib recurses per nesting level and overflows the stack on
       * deeply nested input. */
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                   _("manifest.json, line %u: the JSON nests deeper than %u levels, which no "
                     "manifest does; the bundle is damaged or hostile. Ask the sender for a "
                     "fresh export."), line, PF_JSON_GUARD_MAX_DEPTH);
      return FALSE;
    case PF_JSON_GUARD_SEVERAL_DOCUMENTS:
      /* json-glib would take the last of several documents and leak the rest. */
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                   _("manifest.json, line %u: a second JSON document follows the first; the "
                     "bundle is damaged. Ask the sender for a fresh export."), line);
      return FALSE;
    case PF_JSON_GUARD_NUMBER_OUT_OF_RANGE:
      /* json-glib would read 1e999 as infinity. */
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                   _("manifest.json, line %u: a number is too large to store; the bundle is "
                     "damaged or hostile. Ask the sender for a fresh export."), line);
      return FALSE;
    case PF_JSON_GUARD_BAD_ESCAPE:
      /* … and some escapes as bytes that are not UTF-8. */
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                   _("manifest.json, line %u: a string holds an escape that does not make "
                     "text; the bundle is damaged or hostile. Ask the sender for a fresh "
                     "export."), line);
      return FALSE;
    }
  /* An empty manifest.json gives NULL data, which json-glib refuses with a
   * critical instead of a parse error (found by fuzz-bundle). */
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", len, &local_error))
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                   _("manifest.json is not valid JSON (%s); the bundle is damaged. Ask the "
                     "sender for a fresh export."), local_error->message);
      return FALSE;
    }

  /* An empty (or all-whitespace) manifest parses to no root node at all. */
  if (json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                           _("manifest.json is not a JSON object; the bundle is damaged. Ask "
                             "the sender for a fresh export."));
      return FALSE;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  format = json_object_get_string_member_with_default (root, "format", NULL);
  if (g_strcmp0 (format, PF_BUNDLE_FORMAT) != 0)
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNKNOWN_FORMAT,
                   _("manifest.json: format “%s” is not “%s”; the bundle comes from another "
                     "program or a newer Preflight. Update Preflight."),
                   format != NULL ? format : "", PF_BUNDLE_FORMAT);
      return FALSE;
    }

  if (!json_object_has_member (root, "files")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "files")))
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
                           _("manifest.json: “files” is missing or not a list; the bundle is "
                             "damaged. Ask the sender for a fresh export."));
      return FALSE;
    }

  files = json_object_get_array_member (root, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *file;
      JsonNode *member;
      const char *path;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return malformed (error, i, "path");
      file = json_node_get_object (node);

      member = json_object_get_member (file, "path");
      if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
        return malformed (error, i, "path");
      path = json_node_get_string (member);
      if (!pf_bundle_check_entry_name (path, error))
        return FALSE;
      if (g_str_equal (path, PF_BUNDLE_MANIFEST_PATH) || g_str_equal (path, PF_BUNDLE_CHECKSUMS_PATH)
          || !g_hash_table_add (listed, (gpointer) path))
        return malformed (error, i, "path");

      member = json_object_get_member (file, "sha256");
      if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING
          || !pf_sha256_is_hex (json_node_get_string (member)))
        return malformed (error, i, "sha256");

      member = json_object_get_member (file, "size");
      if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64
          || json_node_get_int (member) < 0)
        return malformed (error, i, "size");
    }

  for (guint i = 0; i < scan->order->len; i++)
    {
      const char *path = g_ptr_array_index (scan->order, i);

      if (!g_str_equal (path, PF_BUNDLE_MANIFEST_PATH)
          && !g_str_equal (path, PF_BUNDLE_CHECKSUMS_PATH)
          && !g_hash_table_contains (listed, path))
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNLISTED_ENTRY,
                       _("Entry “%s” is not listed in manifest.json; something was added after "
                         "export. Ask the sender for a fresh copy."), path);
          return FALSE;
        }
    }

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *path = json_object_get_string_member (file, "path");
      ScannedEntry *scanned = g_hash_table_lookup (scan->entries, path);

      if (scanned == NULL)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MISSING_ENTRY,
                       _("Entry “%s” is listed in manifest.json but missing from the bundle; "
                         "ask the sender for a complete copy."), path);
          return FALSE;
        }
      if (scanned->size != (guint64) json_object_get_int_member (file, "size"))
        {
          g_autofree char *held = g_strdup_printf ("%" G_GUINT64_FORMAT, scanned->size);
          g_autofree char *manifest_size = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                            json_object_get_int_member (file,
                                                                                        "size"));

          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_SIZE_MISMATCH,
                       _("Entry “%s” holds %s bytes, not the %s the manifest lists; the bundle "
                         "was changed after export. Ask the sender for a fresh copy."),
                       path, held, manifest_size);
          return FALSE;
        }
      if (!g_str_equal (scanned->sha256, json_object_get_string_member (file, "sha256")))
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_DIGEST_MISMATCH,
                       _("Entry “%s”: its SHA-256 does not match the manifest; the bundle was "
                         "changed after export. Ask the sender for a fresh copy."), path);
          return FALSE;
        }
    }

  if (scan->checksums_bytes == NULL)
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MISSING_ENTRY,
                           _("Entry “SHA256SUMS” is missing from the bundle; ask the sender for "
                             "a complete copy."));
      return FALSE;
    }

  if (!check_checksums (scan, listed, error))
    return FALSE;

  scan->manifest = json_parser_steal_root (parser);
  return TRUE;
}

static gboolean
verify_file (GFile             *file,
             Scan              *scan,
             PfBundleProgress  *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  return scan_zip (scan, file, progress, cancellable, error) && validate_scan (scan, error);
}

static void
pf_bundle_reader_finalize (GObject *object)
{
  PfBundleReader *self = (PfBundleReader *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->manifest, json_node_unref);

  G_OBJECT_CLASS (pf_bundle_reader_parent_class)->finalize (object);
}

static void
pf_bundle_reader_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfBundleReader *self = PF_BUNDLE_READER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_bundle_reader_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PfBundleReader *self = PF_BUNDLE_READER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_bundle_reader_class_init (PfBundleReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_bundle_reader_finalize;
  object_class->get_property = pf_bundle_reader_get_property;
  object_class->set_property = pf_bundle_reader_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_bundle_reader_init (PfBundleReader *self)
{
}

PfBundleReader *
pf_bundle_reader_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (PF_TYPE_BUNDLE_READER, "file", file, NULL);
}

GFile *
pf_bundle_reader_get_file (PfBundleReader *self)
{
  g_return_val_if_fail (PF_IS_BUNDLE_READER (self), NULL);

  return self->file;
}

JsonNode *
pf_bundle_reader_get_manifest (PfBundleReader *self)
{
  g_return_val_if_fail (PF_IS_BUNDLE_READER (self), NULL);

  return self->manifest;
}

static void
set_manifest (PfBundleReader *self,
              JsonNode       *manifest)
{
  g_clear_pointer (&self->manifest, json_node_unref);
  self->manifest = manifest;
}

/* Returns the validated manifest; runs in any thread, touches no field. */
static JsonNode *
verify_in_thread (GFile             *file,
                  PfBundleProgress  *progress,
                  GCancellable      *cancellable,
                  GError           **error)
{
  Scan scan;
  JsonNode *manifest = NULL;

  scan_init (&scan, NULL);
  if (verify_file (file, &scan, progress, cancellable, error))
    manifest = g_steal_pointer (&scan.manifest);
  scan_clear (&scan);

  return manifest;
}

gboolean
pf_bundle_reader_verify (PfBundleReader  *self,
                         GCancellable    *cancellable,
                         GError         **error)
{
  JsonNode *manifest;

  g_return_val_if_fail (PF_IS_BUNDLE_READER (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  manifest = verify_in_thread (self->file, NULL, cancellable, error);
  if (manifest == NULL)
    return FALSE;

  set_manifest (self, manifest);
  return TRUE;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PfBundleReader *self = source_object;
  GError *error = NULL;
  JsonNode *manifest;

  manifest = verify_in_thread (self->file, task_data, cancellable, &error);
  if (manifest == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, manifest, (GDestroyNotify) json_node_unref);
}

void
pf_bundle_reader_verify_async (PfBundleReader       *self,
                               GCancellable         *cancellable,
                               GFileProgressCallback progress,
                               gpointer              progress_data,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PF_IS_BUNDLE_READER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_bundle_reader_verify_async);
  /* Cancellation is reported as PF_BUNDLE_ERROR_CANCELLED, like every
   * other bundle error, not as GIO's. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, pf_bundle_progress_new (progress, progress_data),
                        (GDestroyNotify) pf_bundle_progress_unref);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
pf_bundle_reader_verify_finish (PfBundleReader  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  JsonNode *manifest;

  g_return_val_if_fail (PF_IS_BUNDLE_READER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_bundle_reader_verify_async,
                        FALSE);

  manifest = g_task_propagate_pointer (G_TASK (result), error);
  if (manifest == NULL)
    return FALSE;

  set_manifest (self, manifest);
  return TRUE;
}

/* Every evidence item of the assessment must come with its file. */
static gboolean
check_assessment_evidence (PfAssessment  *assessment,
                           Scan          *scan,
                           GError       **error)
{
  GPtrArray *evidence = pf_assessment_get_evidence (assessment);
  JsonArray *files = json_object_get_array_member (json_node_get_object (scan->manifest), "files");
  g_autoptr(GHashTable) bundled = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *path = json_object_get_string_member (file, "path");

      if (g_str_has_prefix (path, PF_BUNDLE_EVIDENCE_DIR))
        g_hash_table_insert (bundled,
                             (gpointer) json_object_get_string_member (file, "sha256"),
                             (gpointer) path);
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);

      if (item->sha256 == NULL || !g_hash_table_contains (bundled, item->sha256))
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MISSING_ENTRY,
                       _("The assessment refers to evidence “%s”, but the bundle does not "
                         "carry its file; ask the sender for a complete export."),
                       item->title != NULL ? item->title : item->id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_extracted_evidence (Scan             *scan,
                        PfEvidenceStore  *store,
                        GCancellable     *cancellable,
                        GError          **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, scan->extracted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ScannedEntry *scanned = g_hash_table_lookup (scan->entries, key);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sha256 = NULL;
      guint64 size = 0;

      sha256 = pf_evidence_store_add_file (store, value, &size, cancellable, &local_error);
      if (sha256 == NULL)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_EVIDENCE,
                       _("Cannot add entry “%s” to the evidence store: %s"),
                       (const char *) key, local_error->message);
          return FALSE;
        }
      /* The temporary copy could have changed between the pass and now. */
      if (!g_str_equal (sha256, scanned->sha256) || size != scanned->size)
        {
          g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_EVIDENCE,
                       _("Entry “%s” changed while it was being imported; try again."),
                       (const char *) key);
          return FALSE;
        }
    }

  return TRUE;
}

static PfAssessment *
import_in_thread (GFile             *file,
                  PfEvidenceStore   *store,
                  GFile             *target,
                  JsonNode         **manifest_out,
                  PfBundleProgress  *progress,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GFileOutputStream) reservation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *origin = NULL;
  GFile *root = pf_evidence_store_get_root (store);
  Scan scan;

  if (!pf_safe_file_make_private_dir (root, &local_error))
    {
      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                   _("Cannot create the evidence store: %s"), local_error->message);
      return NULL;
    }

  scan_init (&scan, root);
  if (!verify_file (file, &scan, progress, cancellable, error))
    goto out;

  if (scan.assessment_bytes == NULL)
    {
      g_set_error_literal (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_MISSING_ENTRY,
                           _("Entry “assessment.json” is missing from the bundle; ask the "
                             "sender for a complete export."));
      goto out;
    }

  origin = g_strdup_printf ("%s:" PF_BUNDLE_ASSESSMENT_PATH, g_file_peek_path (file));
  assessment = pf_assessment_new_from_bytes (scan.assessment_bytes, origin, error);
  if (assessment == NULL || !check_assessment_evidence (assessment, &scan, error))
    {
      g_clear_object (&assessment);
      goto out;
    }

  /* Reserve the name first so that an existing file is refused before the
   * store changes, and two imports cannot race for it. */
  reservation = g_file_create (target, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (reservation == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (target);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                     _("“%s” already exists; choose another file name for the imported "
                       "assessment."), display);
      else
        g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                     _("Cannot create “%s”: %s"), display, local_error->message);
      g_clear_object (&assessment);
      goto out;
    }
  g_output_stream_close (G_OUTPUT_STREAM (reservation), NULL, NULL);

  if (!add_extracted_evidence (&scan, store, cancellable, error)
      || !pf_assessment_save (assessment, target, &local_error))
    {
      if (local_error != NULL)
        g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_IO,
                     _("Cannot save the imported assessment: %s"), local_error->message);
      g_file_delete (target, NULL, NULL);
      g_clear_object (&assessment);
      goto out;
    }

  *manifest_out = g_steal_pointer (&scan.manifest);

out:
  scan_clear (&scan);
  return g_steal_pointer (&assessment);
}

PfAssessment *
pf_bundle_reader_import (PfBundleReader   *self,
                         PfEvidenceStore  *store,
                         GFile            *target,
                         GCancellable     *cancellable,
                         GError          **error)
{
  JsonNode *manifest = NULL;
  PfAssessment *assessment;

  g_return_val_if_fail (PF_IS_BUNDLE_READER (self), NULL);
  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  assessment = import_in_thread (self->file, store, target, &manifest, NULL, cancellable, error);
  if (assessment != NULL)
    set_manifest (self, manifest);

  return assessment;
}

typedef struct
{
  PfEvidenceStore  *store;     /* (owned) */
  GFile            *target;    /* (owned) */
  PfBundleProgress *progress;  /* (owned) */
  JsonNode         *manifest;  /* (owned) (nullable) */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->target);
  g_clear_pointer (&data->progress, pf_bundle_progress_unref);
  g_clear_pointer (&data->manifest, json_node_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PfBundleReader *self = source_object;
  ImportData *data = task_data;
  GError *error = NULL;
  PfAssessment *assessment;

  assessment = import_in_thread (self->file, data->store, data->target, &data->manifest,
                                 data->progress, cancellable, &error);
  if (assessment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, assessment, g_object_unref);
}

void
pf_bundle_reader_import_async (PfBundleReader       *self,
                               PfEvidenceStore      *store,
                               GFile                *target,
                               GCancellable         *cancellable,
                               GFileProgressCallback progress,
                               gpointer              progress_data,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (PF_IS_BUNDLE_READER (self));
  g_return_if_fail (PF_IS_EVIDENCE_STORE (store));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ImportData, 1);
  data->store = g_object_ref (store);
  data->target = g_object_ref (target);
  data->progress = pf_bundle_progress_new (progress, progress_data);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_bundle_reader_import_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

PfAssessment *
pf_bundle_reader_import_finish (PfBundleReader  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  ImportData *data;
  PfAssessment *assessment;

  g_return_val_if_fail (PF_IS_BUNDLE_READER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_bundle_reader_import_async,
                        NULL);

  assessment = g_task_propagate_pointer (G_TASK (result), error);
  if (assessment == NULL)
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  set_manifest (self, g_steal_pointer (&data->manifest));
  return assessment;
}
