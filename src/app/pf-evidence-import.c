/* pf-evidence-import.c: hash files into the store, then record them as
 * evidence items of the assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-evidence-import"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-evidence-import.h"

/* Enough bytes for pf_evidence_guess_media_type() to see magic numbers. */
#define SNIFF_SIZE 4096

typedef struct
{
  GListModel       *files;        /* (owned) */
  char             *question_id;  /* (owned) (nullable) */
  PfSession        *session;      /* (owned): held until the import ends */
  PfImportProgress  progress;
  gpointer          progress_data;
  guint             index;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->files);
  g_clear_pointer (&data->question_id, g_free);
  pf_session_release (data->session);
  g_clear_object (&data->session);
  g_free (data);
}

static void import_next (GTask *task);

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
sniff_media_type (PfEvidenceStore *store,
                  const char      *sha256,
                  const char      *file_name)
{
  g_autoptr(GFile) blob = pf_evidence_store_get_blob_file (store, sha256);
  g_autoptr(GFileInputStream) stream = g_file_read (blob, NULL, NULL);
  guchar head[SNIFF_SIZE];
  gsize n_read = 0;

  /* A bounded read of the blob just written: cheap enough for the main loop. */
  if (stream != NULL)
    g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, NULL);

  return pf_evidence_guess_media_type (file_name, head, n_read);
}

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  guint n_files = g_list_model_get_n_items (data->files);
  double file_fraction = total > 0 ? (double) current / (double) total : 0.0;

  if (data->progress != NULL && n_files > 0)
    data->progress ((data->index + CLAMP (file_fraction, 0.0, 1.0)) / n_files,
                    data->progress_data);
}

static void
on_added (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PfEvidenceStore *store = PF_EVIDENCE_STORE (object);
  PfSession *session = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = g_list_model_get_item (data->files, data->index);
  g_autoptr(PfEvidenceItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  guint64 size = 0;

  sha256 = pf_evidence_store_add_finish (store, result, &size, &error);
  if (sha256 == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_prefix_error (&error, _("Could not attach “%s”: "), display);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A file name need not be UTF-8; the assessment's JSON must be. */
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);

  item = pf_evidence_item_new ();
  item->id = g_uuid_string_random ();
  item->title = g_strdup (name);
  item->sha256 = g_strdup (sha256);
  item->size = size;
  item->media_type = sniff_media_type (store, sha256, name);
  item->original_name = g_strdup (name);
  item->marking = PF_MARKING_NONE;
  g_strfreev (item->question_ids);
  item->question_ids = g_new0 (char *, 2);
  item->question_ids[0] = g_strdup (data->question_id);
  item->added = now_iso8601 ();

  pf_assessment_put_evidence (pf_session_get_assessment (session), item);

  data->index++;
  import_next (g_steal_pointer (&task));
}

static void
import_next (GTask *task)
{
  PfSession *session = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;

  if (data->index >= g_list_model_get_n_items (data->files))
    {
      if (data->progress != NULL)
        data->progress (1.0, data->progress_data);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  file = g_list_model_get_item (data->files, data->index);
  pf_evidence_store_add_async (pf_session_get_evidence_store (session),
                               file,
                               g_task_get_cancellable (task),
                               on_progress, task,
                               on_added, task);
}

void
pf_evidence_import_async (PfSession           *session,
                          GListModel          *files,
                          const char          *question_id,
                          GCancellable        *cancellable,
                          PfImportProgress     progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  ImportData *data;

  g_return_if_fail (PF_IS_SESSION (session));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  data = g_new0 (ImportData, 1);
  data->files = g_object_ref (files);
  data->question_id = g_strdup (question_id);
  data->session = g_object_ref (session);
  pf_session_hold (session);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_evidence_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  import_next (task);
}

gboolean
pf_evidence_import_finish (PfSession     *session,
                           GAsyncResult  *result,
                           guint         *n_attached,
                           GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, session), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_attached != NULL)
    *n_attached = data->index;

  return g_task_propagate_boolean (G_TASK (result), error);
}
