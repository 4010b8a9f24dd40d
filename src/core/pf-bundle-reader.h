/* pf-bundle-reader.h: verifies a submission bundle and imports it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pf-assessment.h"
#include "pf-bundle.h"
#include "pf-evidence-store.h"

G_BEGIN_DECLS

/* Limits the verifier enforces before and while it reads; a bundle over any
 * of them is refused with PF_BUNDLE_ERROR_TOO_LARGE (or _SUSPICIOUS_RATIO). */
/* Entries in the ZIP, directories included. */
#define PF_BUNDLE_MAX_ENTRIES          10000
/* Bytes of an entry name. */
#define PF_BUNDLE_MAX_NAME_LENGTH      255
/* Uncompressed bytes of one entry (an evidence file). */
#define PF_BUNDLE_MAX_ENTRY_SIZE       (G_GUINT64_CONSTANT (2) << 30)
/* Uncompressed bytes of all entries together. */
#define PF_BUNDLE_MAX_TOTAL_SIZE       (G_GUINT64_CONSTANT (16) << 30)
/* Uncompressed bytes of the entries read into memory: manifest.json,
 * SHA256SUMS and assessment.json. */
#define PF_BUNDLE_MAX_DOCUMENT_SIZE    (G_GUINT64_CONSTANT (16) << 20)
/* An entry that inflates to more than PF_BUNDLE_RATIO_MIN_SIZE bytes may not
 * be more than PF_BUNDLE_MAX_RATIO times its compressed size: the most DEFLATE
 * can reach (one 258-byte match per 2 bits), so only a denser method than
 * DEFLATE (never written by Preflight) trips it, never a bundle we wrote. */
#define PF_BUNDLE_MAX_RATIO            1032
#define PF_BUNDLE_RATIO_MIN_SIZE       (G_GUINT64_CONSTANT (1) << 20)

#define PF_TYPE_BUNDLE_READER (pf_bundle_reader_get_type ())
G_DECLARE_FINAL_TYPE (PfBundleReader, pf_bundle_reader, PF, BUNDLE_READER, GObject)

PfBundleReader *pf_bundle_reader_new             (GFile                *file);
GFile          *pf_bundle_reader_get_file        (PfBundleReader       *self);

/* Reads the whole ZIP once, hashing as it goes: known format, safe entry
 * names, regular files only, no duplicates (also ignoring case), limits,
 * every entry listed in the manifest and every listed file present with its
 * size and SHA-256, SHA256SUMS in agreement. Blocking: call it from a worker
 * thread or the CLI. Writes nothing. */
gboolean        pf_bundle_reader_verify          (PfBundleReader       *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
/* The same in a worker thread; progress (bytes of the ZIP read) is reported
 * in the thread-default main context of the caller. */
void            pf_bundle_reader_verify_async    (PfBundleReader       *self,
                                                  GCancellable         *cancellable,
                                                  GFileProgressCallback progress,
                                                  gpointer              progress_data,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        pf_bundle_reader_verify_finish   (PfBundleReader       *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* Nullable: the manifest of the last successful verify or import. */
JsonNode       *pf_bundle_reader_get_manifest    (PfBundleReader       *self);

/* Verifies the bundle while copying its evidence into temporary files in
 * @store's folder, then, once all of it checked out, adds each blob to @store
 * (hash-checked again) and saves the assessment to @target, which must not
 * exist yet (PF_BUNDLE_ERROR_IO otherwise). Nothing is written outside @store
 * and @target; a bundle that fails verification adds nothing. The returned
 * assessment has no pack bound (look it up in the PfPackCatalog by
 * pf_assessment_get_pack_id()). Blocking. */
PfAssessment   *pf_bundle_reader_import          (PfBundleReader       *self,
                                                  PfEvidenceStore      *store,
                                                  GFile                *target,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void            pf_bundle_reader_import_async    (PfBundleReader       *self,
                                                  PfEvidenceStore      *store,
                                                  GFile                *target,
                                                  GCancellable         *cancellable,
                                                  GFileProgressCallback progress,
                                                  gpointer              progress_data,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PfAssessment   *pf_bundle_reader_import_finish   (PfBundleReader       *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
