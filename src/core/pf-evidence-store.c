/* pf-evidence-store.c: content-addressed store of evidence bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-evidence-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pf-evidence-store.h"
#include "pf-sha256.h"
#include "pf-safe-file.h"
#include "pf-verifying-input-stream.h"

/* Large enough that hashing, not system calls, dominates. */
#define COPY_BUFFER_SIZE (256 * 1024)

struct _PfEvidenceStore
{
  GObject  parent_instance;

  GFile   *root;  /* (owned) */
};

G_DEFINE_FINAL_TYPE (PfEvidenceStore, pf_evidence_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-evidence-error-quark, pf_evidence_error)

enum {
  PROP_0,
  PROP_ROOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pf_evidence_store_dispose (GObject *object)
{
  PfEvidenceStore *self = PF_EVIDENCE_STORE (object);

  g_clear_object (&self->root);

  G_OBJECT_CLASS (pf_evidence_store_parent_class)->dispose (object);
}

static void
pf_evidence_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PfEvidenceStore *self = PF_EVIDENCE_STORE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_evidence_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PfEvidenceStore *self = PF_EVIDENCE_STORE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      self->root = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_evidence_store_class_init (PfEvidenceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_evidence_store_dispose;
  object_class->get_property = pf_evidence_store_get_property;
  object_class->set_property = pf_evidence_store_set_property;

  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_evidence_store_init (PfEvidenceStore *self)
{
}

PfEvidenceStore *
pf_evidence_store_new (GFile *root)
{
  g_return_val_if_fail (G_IS_FILE (root), NULL);

  return g_object_new (PF_TYPE_EVIDENCE_STORE, "root", root, NULL);
}

PfEvidenceStore *
pf_evidence_store_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (),
                                            "preflight", "evidence", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);

  return pf_evidence_store_new (root);
}

GFile *
pf_evidence_store_get_root (PfEvidenceStore *self)
{
  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), NULL);

  return self->root;
}

/* Hashes name files in the store, so anything but 64 lower-case hex digits
 * (for instance "../x" from a crafted assessment) must never reach a path. */
GFile *
pf_evidence_store_get_blob_file (PfEvidenceStore *self,
                                 const char      *sha256)
{
  g_autofree char *prefix = NULL;
  g_autofree char *relative = NULL;

  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (pf_sha256_is_hex (sha256), NULL);

  prefix = g_strndup (sha256, 2);
  relative = g_build_filename ("sha256", prefix, sha256, NULL);

  return g_file_resolve_relative_path (self->root, relative);
}

static gboolean
set_missing_error (GError     **error,
                   const char  *sha256)
{
  g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_MISSING,
               _("The evidence file %s is not in the evidence store; attach the original "
                 "file again"),
               sha256);
  return FALSE;
}

/* Keeps the GIO reason in the message and turns the error into this domain:
 * callers tell a cancel apart from a failure by the code. */
static void
propagate_io_error (GError     **error,
                    GError      *io_error,
                    const char  *what,
                    const char  *where)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_CANCELLED,
                 _("Reading “%s” was cancelled"), where);
  else
    g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_IO,
                 "%s “%s”: %s", what, where, io_error->message);
  g_error_free (io_error);
}

typedef void (*ProgressFunc) (goffset  current,
                              goffset  total,
                              gpointer data);

typedef struct
{
  int           fd;
  goffset       total;
  guint64       copied;
  ProgressFunc  progress;
  gpointer      progress_data;
  const char   *source_name;
} CopyJob;

static gboolean
set_copy_error (GError     **error,
                const char  *source_name,
                int          saved_errno)
{
  g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_IO,
               _("Could not copy “%s” into the evidence store: %s"),
               source_name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
copy_chunk (const guchar  *data,
            gsize          length,
            gpointer       user_data,
            GError       **error)
{
  CopyJob *job = user_data;

  if (!pf_safe_file_write_all (job->fd, data, length))
    return set_copy_error (error, job->source_name, errno);

  job->copied += length;
  if (job->progress != NULL)
    job->progress (job->copied, MAX (job->total, (goffset) job->copied), job->progress_data);
  return TRUE;
}

/* Copies @in into the open temporary file @fd while hashing. */
static char *
copy_and_hash (GInputStream  *in,
               int            fd,
               goffset        total,
               guint64       *size,
               ProgressFunc   progress,
               gpointer       progress_data,
               GCancellable  *cancellable,
               const char    *source_name,
               GError       **error)
{
  /* PfSha256, not GChecksum: see pf-sha256.h. */
  g_autoptr(PfSha256) checksum = pf_sha256_new ();
  CopyJob job = { fd, total, 0, progress, progress_data, source_name };
  GError *local_error = NULL;

  if (!pf_sha256_update_from_stream (checksum, in, COPY_BUFFER_SIZE, copy_chunk, &job, NULL,
                                     cancellable, &local_error))
    {
      /* @in is a GFile's stream: any error not in this domain is a read error. */
      if (local_error->domain == PF_EVIDENCE_ERROR)
        g_propagate_error (error, local_error);
      else
        propagate_io_error (error, local_error, _("Could not read"), source_name);
      return NULL;
    }

  if (fsync (fd) != 0)
    {
      set_copy_error (error, source_name, errno);
      return NULL;
    }

  *size = job.copied;
  return g_strdup (pf_sha256_get_string (checksum));
}

/* Moves the finished temporary file to its hash name, or drops it when an
 * intact-looking blob is already there (dedupe). */
static gboolean
install_blob (PfEvidenceStore  *self,
              const char       *tmp_path,
              const char       *sha256,
              guint64           size,
              GError          **error)
{
  g_autoptr(GFile) blob = pf_evidence_store_get_blob_file (self, sha256);
  g_autoptr(GFile) folder = g_file_get_parent (blob);
  g_autofree char *blob_path = g_file_get_path (blob);
  g_autoptr(GError) sync_error = NULL;
  GError *local_error = NULL;

  if (pf_evidence_store_contains (self, sha256, size))
    {
      g_unlink (tmp_path);
      return TRUE;
    }

  if (!pf_safe_file_make_private_dir (folder, &local_error))
    {
      propagate_io_error (error, local_error, _("Could not create the evidence folder"),
                          blob_path);
      return FALSE;
    }

  /* A blob of the wrong size is damaged; the new copy replaces it. */
  if (g_rename (tmp_path, blob_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_IO,
                   _("Could not store the evidence file “%s”: %s"),
                   blob_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!pf_safe_file_sync_folder (folder, &sync_error))
    g_debug ("%s", sync_error->message);

  return TRUE;
}

static char *
add_file (PfEvidenceStore  *self,
          GFile            *source,
          guint64          *size,
          ProgressFunc      progress,
          gpointer          progress_data,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *source_name = g_file_get_parse_name (source);
  g_autofree char *root_path = g_file_get_path (self->root);
  g_autofree char *tmp_path = NULL;
  g_autofree char *sha256 = NULL;
  GError *local_error = NULL;
  guint64 copied = 0;
  goffset total = 0;
  int fd;

  in = g_file_read (source, cancellable, &local_error);
  if (in == NULL)
    {
      propagate_io_error (error, local_error, _("Could not open"), source_name);
      return NULL;
    }

  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    total = g_file_info_get_size (info);

  if (!pf_safe_file_make_private_dir (self->root, &local_error))
    {
      propagate_io_error (error, local_error, _("Could not create the evidence store"),
                          root_path);
      return NULL;
    }

  /* In the store itself so that the final rename stays on one file system. */
  tmp_path = g_build_filename (root_path, ".incoming.XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_IO,
                   _("Could not create a file in the evidence store “%s”: %s"),
                   root_path, g_strerror (saved_errno));
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp_path);
        }
      return NULL;
    }

  sha256 = copy_and_hash (G_INPUT_STREAM (in), fd, total, &copied, progress, progress_data,
                          cancellable, source_name, error);
  close (fd);

  if (sha256 == NULL || !install_blob (self, tmp_path, sha256, copied, error))
    {
      g_unlink (tmp_path);
      return NULL;
    }

  if (size != NULL)
    *size = copied;

  return g_steal_pointer (&sha256);
}

char *
pf_evidence_store_add_file (PfEvidenceStore  *self,
                            GFile            *source,
                            guint64          *size,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return add_file (self, source, size, NULL, NULL, cancellable, error);
}

typedef struct {
  GFile                 *source;         /* (owned) */
  GMainContext          *context;        /* (owned) the caller's */
  GFileProgressCallback  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;    /* (owned) (nullable) */
  guint64                size;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->source);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_object (&data->cancellable);
  g_free (data);
}

typedef struct {
  GFileProgressCallback  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;  /* (owned) (nullable) */
  goffset                current;
  goffset                total;
} ProgressReport;

static void
progress_report_free (ProgressReport *report)
{
  g_clear_object (&report->cancellable);
  g_free (report);
}

static gboolean
progress_report_dispatch (gpointer user_data)
{
  ProgressReport *report = user_data;

  /* Once cancelled, the caller is no longer interested in the count. */
  if (report->cancellable == NULL || !g_cancellable_is_cancelled (report->cancellable))
    report->progress (report->current, report->total, report->progress_data);

  return G_SOURCE_REMOVE;
}

/* Runs in the worker thread. g_main_context_invoke() would run the callback
 * right here when the caller's context happens to be free, so the report is
 * always queued as a source on that context instead. */
static void
add_thread_progress (goffset  current,
                     goffset  total,
                     gpointer user_data)
{
  AddData *data = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  report->progress = data->progress;
  report->progress_data = data->progress_data;
  report->cancellable = data->cancellable != NULL ? g_object_ref (data->cancellable) : NULL;
  report->current = current;
  report->total = total;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_report_dispatch, report,
                         (GDestroyNotify) progress_report_free);
  g_source_set_static_name (source, "[pf] evidence add progress");
  g_source_attach (source, data->context);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PfEvidenceStore *self = source_object;
  AddData *data = task_data;
  GError *error = NULL;
  char *sha256;

  sha256 = add_file (self, data->source, &data->size,
                     data->progress != NULL ? add_thread_progress : NULL, data,
                     cancellable, &error);
  if (sha256 == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sha256, g_free);
}

void
pf_evidence_store_add_async (PfEvidenceStore       *self,
                             GFile                 *source,
                             GCancellable          *cancellable,
                             GFileProgressCallback  progress,
                             gpointer               progress_data,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (PF_IS_EVIDENCE_STORE (self));
  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_evidence_store_add_async);
  /* A cancel is reported in PF_EVIDENCE_ERROR like every other failure. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (AddData, 1);
  data->source = g_object_ref (source);
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  g_task_run_in_thread (task, add_thread);
}

char *
pf_evidence_store_add_finish (PfEvidenceStore  *self,
                              GAsyncResult     *result,
                              guint64          *size,
                              GError          **error)
{
  char *sha256;

  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_evidence_store_add_async,
                        NULL);

  sha256 = g_task_propagate_pointer (G_TASK (result), error);
  if (sha256 != NULL && size != NULL)
    *size = ((AddData *) g_task_get_task_data (G_TASK (result)))->size;

  return sha256;
}

GInputStream *
pf_evidence_store_read (PfEvidenceStore  *self,
                        const char       *sha256,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GFile) blob = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pf_sha256_is_hex (sha256))
    {
      set_missing_error (error, sha256);
      return NULL;
    }

  blob = pf_evidence_store_get_blob_file (self, sha256);
  in = g_file_read (blob, cancellable, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_missing_error (error, sha256);
      else
        propagate_io_error (error, g_steal_pointer (&local_error),
                            _("Could not open the evidence file"), sha256);
      return NULL;
    }

  return pf_verifying_input_stream_new (G_INPUT_STREAM (in), sha256);
}

/* A read error, cancellation included, leaves the blob unconfirmed, which is
 * reported as ALTERED: the bytes cannot be trusted. */
PfBlobState
pf_evidence_store_check (PfEvidenceStore *self,
                         const char      *sha256,
                         GCancellable    *cancellable)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *buffer = NULL;
  gssize n;

  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), PF_BLOB_MISSING);
  g_return_val_if_fail (sha256 != NULL, PF_BLOB_MISSING);

  in = pf_evidence_store_read (self, sha256, cancellable, &error);
  if (in == NULL)
    return g_error_matches (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_MISSING)
           ? PF_BLOB_MISSING : PF_BLOB_ALTERED;

  buffer = g_malloc (COPY_BUFFER_SIZE);
  do
    n = g_input_stream_read (in, buffer, COPY_BUFFER_SIZE, cancellable, &error);
  while (n > 0);

  return n == 0 ? PF_BLOB_OK : PF_BLOB_ALTERED;
}

gboolean
pf_evidence_store_contains (PfEvidenceStore *self,
                            const char      *sha256,
                            guint64          size)
{
  g_autoptr(GFile) blob = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  g_return_val_if_fail (PF_IS_EVIDENCE_STORE (self), FALSE);

  if (!pf_sha256_is_hex (sha256))
    return FALSE;

  blob = pf_evidence_store_get_blob_file (self, sha256);
  path = g_file_get_path (blob);

  return g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size == size;
}

char *
pf_evidence_guess_media_type (const char   *file_name,
                              const guchar *data,
                              gsize         data_len)
{
  g_autofree char *content_type = NULL;
  char *mime_type;

  content_type = g_content_type_guess (file_name, data, data_len, NULL);
  mime_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;

  return mime_type != NULL ? mime_type : g_strdup ("application/octet-stream");
}
