/* pf-evidence-store.h: content-addressed store of evidence bytes,
 * $XDG_DATA_HOME/preflight/evidence/sha256/ab/abcdef…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PF_EVIDENCE_ERROR (pf_evidence_error_quark ())
typedef enum {
  PF_EVIDENCE_ERROR_MISSING,   /* no blob for that hash */
  PF_EVIDENCE_ERROR_ALTERED,   /* the blob's bytes no longer hash to its name */
  PF_EVIDENCE_ERROR_IO,
  PF_EVIDENCE_ERROR_CANCELLED,
} PfEvidenceError;

GQuark pf_evidence_error_quark (void);

typedef enum {
  PF_BLOB_OK,
  PF_BLOB_MISSING,
  PF_BLOB_ALTERED,
} PfBlobState;

#define PF_TYPE_EVIDENCE_STORE (pf_evidence_store_get_type ())
G_DECLARE_FINAL_TYPE (PfEvidenceStore, pf_evidence_store, PF, EVIDENCE_STORE, GObject)

/* The default store under g_get_user_data_dir(). */
PfEvidenceStore *pf_evidence_store_new_default (void);
PfEvidenceStore *pf_evidence_store_new         (GFile            *root);
GFile           *pf_evidence_store_get_root    (PfEvidenceStore  *self);

/* Where the blob for @sha256 (64 lower-case hex digits, see
 * pf_sha256_is_hex()) lives, whether or not it exists. */
GFile           *pf_evidence_store_get_blob_file (PfEvidenceStore *self,
                                                  const char      *sha256);

/* Streams @source once, hashing while copying into a temporary file in the
 * store, then renames it to its hash (or drops it when that blob exists).
 * Progress reports bytes read. Cancel leaves no partial blob. */
void             pf_evidence_store_add_async   (PfEvidenceStore  *self,
                                                GFile            *source,
                                                GCancellable     *cancellable,
                                                GFileProgressCallback progress,
                                                gpointer          progress_data,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
/* Returns the lower-case hex SHA-256; *size gets the byte count. */
char            *pf_evidence_store_add_finish  (PfEvidenceStore  *self,
                                                GAsyncResult     *result,
                                                guint64          *size,
                                                GError          **error);
/* The same, blocking (for the CLI and worker threads). */
char            *pf_evidence_store_add_file    (PfEvidenceStore  *self,
                                                GFile            *source,
                                                guint64          *size,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* Opens the blob for reading; the returned stream fails its last read with
 * PF_EVIDENCE_ERROR_ALTERED when the bytes do not hash to @sha256. */
GInputStream    *pf_evidence_store_read        (PfEvidenceStore  *self,
                                                const char       *sha256,
                                                GCancellable     *cancellable,
                                                GError          **error);
/* Re-hashes the blob (blocking; use a thread for large files). */
PfBlobState      pf_evidence_store_check       (PfEvidenceStore  *self,
                                                const char       *sha256,
                                                GCancellable     *cancellable);
/* Cheap check: present with the expected size. */
gboolean         pf_evidence_store_contains    (PfEvidenceStore  *self,
                                                const char       *sha256,
                                                guint64           size);

/* Guesses a media type from the name and the first bytes. */
char            *pf_evidence_guess_media_type  (const char       *file_name,
                                                const guchar     *data,
                                                gsize             data_len);

G_END_DECLS
