/* pf-bundle.c: the bundle error domain and the helpers writer, reader and
 * OSCAL export share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pf-bundle-private.h"
#include "pf-bundle-reader.h"
#include "pf-evidence-item.h"
#include "pf-json-output.h"

G_DEFINE_QUARK (pf-bundle-error-quark, pf_bundle_error)

struct _PfBundleProgress
{
  gatomicrefcount        ref_count;
  GMainContext          *context;       /* (owned) */
  GFileProgressCallback  callback;
  gpointer               callback_data;
  GMutex                 lock;
  goffset                current;       /* under lock */
  goffset                total;         /* under lock */
  gboolean               pending;       /* under lock */
};

PfBundleProgress *
pf_bundle_progress_new (GFileProgressCallback callback,
                        gpointer              callback_data)
{
  PfBundleProgress *self = g_new0 (PfBundleProgress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->context = g_main_context_ref_thread_default ();
  self->callback = callback;
  self->callback_data = callback_data;
  g_mutex_init (&self->lock);

  return self;
}

/* Only the pending dispatch takes a second reference. */
static PfBundleProgress *
pf_bundle_progress_ref (PfBundleProgress *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_bundle_progress_unref (PfBundleProgress *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static gboolean
progress_dispatch (gpointer data)
{
  PfBundleProgress *self = data;
  goffset current, total;

  g_mutex_lock (&self->lock);
  self->pending = FALSE;
  current = self->current;
  total = self->total;
  g_mutex_unlock (&self->lock);

  self->callback (current, total, self->callback_data);

  return G_SOURCE_REMOVE;
}

void
pf_bundle_progress_report (PfBundleProgress *self,
                           goffset           current,
                           goffset           total)
{
  gboolean schedule;

  if (self == NULL || self->callback == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->current = current;
  self->total = total;
  schedule = !self->pending;
  self->pending = TRUE;
  g_mutex_unlock (&self->lock);

  /* An idle source, not g_main_context_invoke(), which would run the
   * callback right here in the worker when the main thread is not iterating.
   * Sources of equal priority run in the order they were attached, so every
   * report lands before the GTask's completion callback. */
  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_dispatch, pf_bundle_progress_ref (self),
                             (GDestroyNotify) pf_bundle_progress_unref);
      g_source_set_static_name (source, "[preflight] bundle progress");
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

static gboolean
is_safe_char (gunichar c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
         || c == '.' || c == '_' || c == '-';
}

char *
pf_bundle_safe_file_name (const char *name)
{
  g_autoptr(GString) safe = g_string_new (NULL);
  const char *base;
  const char *p;
  const char *dot;

  g_return_val_if_fail (name != NULL, NULL);

  base = name;
  for (p = name; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;

  /* One "_" per character, not per byte, when the name is UTF-8. */
  if (g_utf8_validate (base, -1, NULL))
    {
      for (p = base; *p != '\0'; p = g_utf8_next_char (p))
        g_string_append_c (safe, is_safe_char (g_utf8_get_char (p)) ? *p : '_');
    }
  else
    {
      for (p = base; *p != '\0'; p++)
        g_string_append_c (safe, is_safe_char ((guchar) *p) ? *p : '_');
    }

  if (safe->len > PF_BUNDLE_SAFE_NAME_MAX)
    {
      g_autofree char *extension = NULL;
      gsize keep;

      dot = strrchr (safe->str, '.');
      if (dot != NULL && strlen (dot) <= 16)
        extension = g_strdup (dot);
      keep = PF_BUNDLE_SAFE_NAME_MAX - (extension != NULL ? strlen (extension) : 0);
      g_string_truncate (safe, keep);
      if (extension != NULL)
        g_string_append (safe, extension);
    }

  if (safe->len == 0 || strspn (safe->str, ".") == safe->len)
    g_string_assign (safe, "file");

  return g_string_free (g_steal_pointer (&safe), FALSE);
}

gboolean
pf_bundle_media_type_is_compressed (const char *media_type)
{
  static const char * const compressed[] = {
    "application/pdf",
    "application/zip",
    "application/gzip",
    "application/x-gzip",
    "application/x-xz",
    "application/x-bzip2",
    "application/zstd",
    "application/x-zstd",
    "application/x-7z-compressed",
    "application/vnd.rar",
    "application/x-rar-compressed",
    "application/epub+zip",
    "application/java-archive",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/heic",
    NULL
  };

  if (media_type == NULL)
    return FALSE;

  /* Office and OpenDocument files are ZIP archives already. */
  return g_strv_contains (compressed, media_type)
         || g_str_has_prefix (media_type, "video/")
         || g_str_has_prefix (media_type, "audio/")
         || g_str_has_prefix (media_type, "application/vnd.openxmlformats-officedocument.")
         || g_str_has_prefix (media_type, "application/vnd.oasis.opendocument.");
}

GPtrArray *
pf_bundle_evidence_paths (GPtrArray *evidence)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (evidence != NULL, NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);
      g_autofree char *safe = pf_bundle_safe_file_name (item->original_name != NULL
                                                        ? item->original_name
                                                        : item->id);
      g_autofree char *prefix = g_strndup (item->sha256, 12);
      g_autofree char *path = g_strdup_printf (PF_BUNDLE_EVIDENCE_DIR "%s-%s", prefix, safe);
      char *folded = g_ascii_strdown (path, -1);
      guint counter = 2;

      /* Case-insensitive, like the reader's duplicate check. */
      while (g_hash_table_contains (taken, folded))
        {
          g_free (path);
          g_free (folded);
          path = g_strdup_printf (PF_BUNDLE_EVIDENCE_DIR "%s-%u-%s", prefix, counter++, safe);
          folded = g_ascii_strdown (path, -1);
        }
      g_hash_table_add (taken, folded);
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  return g_steal_pointer (&paths);
}

gboolean
pf_bundle_check_entry_name (const char  *name,
                            GError     **error)
{
  g_auto(GStrv) components = NULL;
  gsize len;
  const char *reason = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  len = strlen (name);
  if (len == 0)
    reason = _("the name is empty");
  else if (len > PF_BUNDLE_MAX_NAME_LENGTH)
    reason = _("the name is longer than 255 bytes");
  else if (!g_utf8_validate (name, len, NULL))
    reason = _("the name is not valid UTF-8");
  else if (name[0] == '/')
    reason = _("the path is absolute");
  else if (strchr (name, '\\') != NULL)
    reason = _("the name contains a backslash");
  else if (len >= 2 && name[1] == ':' && g_ascii_isalpha (name[0]))
    reason = _("the path starts with a drive letter");
  else
    {
      for (const char *p = name; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || (guchar) *p == 0x7f)
          {
            reason = _("the name contains a control character");
            break;
          }
    }

  if (reason == NULL)
    {
      components = g_strsplit (name, "/", -1);
      for (guint i = 0; components[i] != NULL && reason == NULL; i++)
        {
          /* A trailing "/" (a directory entry) leaves one empty component. */
          if (components[i][0] == '\0' && components[i + 1] == NULL && i > 0)
            break;
          if (components[i][0] == '\0')
            reason = _("the path has an empty component");
          else if (g_str_equal (components[i], ".."))
            reason = _("the path climbs out of the bundle with “..”");
          else if (g_str_equal (components[i], "."))
            reason = _("the path has a “.” component");
        }
    }

  if (reason != NULL)
    {
      g_autofree char *printable = g_strescape (name, NULL);

      g_set_error (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_UNSAFE_PATH,
                   _("Entry “%s”: %s. The bundle may be hostile; do not extract it with other tools."),
                   printable, reason);
      return FALSE;
    }

  return TRUE;
}

GBytes *
pf_bundle_json_to_bytes (JsonNode *node)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  text = pf_json_output_to_gstring (node, TRUE);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

gboolean
pf_bundle_parse_time (const char *iso8601,
                      gint64     *unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso8601 == NULL)
    return FALSE;

  time = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (time == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}
