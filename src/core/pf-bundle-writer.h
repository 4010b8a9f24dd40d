/* pf-bundle-writer.h: writes the submission bundle of an assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pf-assessment.h"
#include "pf-bundle.h"
#include "pf-evidence-store.h"

G_BEGIN_DECLS

#define PF_TYPE_BUNDLE_WRITER (pf_bundle_writer_get_type ())
G_DECLARE_FINAL_TYPE (PfBundleWriter, pf_bundle_writer, PF, BUNDLE_WRITER, GObject)

/* @assessment must have its pack bound; its evidence bytes come from @store.
 * @marking is the bundle-level confidentiality marking of the manifest. */
PfBundleWriter *pf_bundle_writer_new          (PfAssessment         *assessment,
                                               PfEvidenceStore      *store,
                                               PfMarking             marking);

/* `<model>-<version>-<YYYY-MM-DD of the last change>.preflight-bundle.zip`,
 * in safe characters only. */
char           *pf_bundle_writer_suggest_name (PfBundleWriter       *self);

/* Renders the documents on the calling thread, then streams the ZIP in a
 * worker thread into a temporary file (0600) beside @destination, re-opens
 * and verifies it with PfBundleReader and only then renames it into place.
 * The same assessment gives a byte-identical file. Progress (bytes of
 * content written out of the total) is reported in the caller's
 * thread-default main context. A cancelled or failed export leaves no file. */
void            pf_bundle_writer_write_async  (PfBundleWriter       *self,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GFileProgressCallback progress,
                                               gpointer              progress_data,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        pf_bundle_writer_write_finish (PfBundleWriter       *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* The same, blocking (for the CLI). */
gboolean        pf_bundle_writer_write        (PfBundleWriter       *self,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);

G_END_DECLS
