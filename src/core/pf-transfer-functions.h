/* pf-transfer-functions.h: the table of bundle, submission and token-store
 * functions that the preflight-transfer module hands to the app.
 *
 * The app does not link libarchive, libsoup and libsecret: loading them (and
 * the twenty-odd libraries behind them) before main() would slow every start
 * for work only an export, import or submission needs. The code that uses
 * them is a module the app opens on first use (src/app/pf-transfer.c); the
 * CLI and the tests link it as the static library libpreflight-transfer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

#include "pf-bundle-reader.h"
#include "pf-bundle-writer.h"
#include "pf-submission.h"
#include "pf-token-store.h"

G_BEGIN_DECLS

/* Raised whenever a member is added, removed or changes its signature. */
#define PF_TRANSFER_FUNCTIONS_ABI 1

/* The module's one exported symbol: a function returning the table. */
#define PF_TRANSFER_ENTRY_POINT "pf_transfer_module_get_functions"

typedef struct _PfTransferFunctions PfTransferFunctions;

/* The module resolves the core's symbols against the executable that loads
 * it, so it must come from the same build of Preflight: the loader refuses a
 * table whose abi, size or package_version differ from its own. Those three
 * members stay first in every version, so that any table can be checked. */
struct _PfTransferFunctions
{
  guint           abi;              /* PF_TRANSFER_FUNCTIONS_ABI */
  gsize           size;             /* sizeof (PfTransferFunctions) */
  const char     *package_version;  /* PACKAGE_VERSION of the module's build */

  PfBundleWriter *(*bundle_writer_new)          (PfAssessment         *assessment,
                                                 PfEvidenceStore      *store,
                                                 PfMarking             marking);
  char           *(*bundle_writer_suggest_name) (PfBundleWriter       *self);
  void            (*bundle_writer_write_async)  (PfBundleWriter       *self,
                                                 GFile                *destination,
                                                 GCancellable         *cancellable,
                                                 GFileProgressCallback progress,
                                                 gpointer              progress_data,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  gboolean        (*bundle_writer_write_finish) (PfBundleWriter       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

  PfBundleReader *(*bundle_reader_new)          (GFile                *file);
  GFile          *(*bundle_reader_get_file)     (PfBundleReader       *self);
  JsonNode       *(*bundle_reader_get_manifest) (PfBundleReader       *self);
  void            (*bundle_reader_verify_async) (PfBundleReader       *self,
                                                 GCancellable         *cancellable,
                                                 GFileProgressCallback progress,
                                                 gpointer              progress_data,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  gboolean        (*bundle_reader_verify_finish) (PfBundleReader      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
  void            (*bundle_reader_import_async) (PfBundleReader       *self,
                                                 PfEvidenceStore      *store,
                                                 GFile                *target,
                                                 GCancellable         *cancellable,
                                                 GFileProgressCallback progress,
                                                 gpointer              progress_data,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  PfAssessment   *(*bundle_reader_import_finish) (PfBundleReader      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

  GQuark          (*submission_error_quark)     (void);
  PfSubmission   *(*submission_new)             (GFile                *bundle,
                                                 const char           *endpoint);
  void            (*submission_set_ca_file)     (PfSubmission         *self,
                                                 const char           *ca_file);
  void            (*submission_set_client_certificate) (PfSubmission  *self,
                                                       const char    *certificate_file);
  void            (*submission_set_token)       (PfSubmission         *self,
                                                 const char           *token);
  void            (*submission_submit_async)    (PfSubmission         *self,
                                                 GCancellable         *cancellable,
                                                 GFileProgressCallback progress,
                                                 gpointer              progress_data,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  PfReceipt      *(*submission_submit_finish)   (PfSubmission         *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

  void            (*token_store_store_async)    (const char           *endpoint,
                                                 const char           *token,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  gboolean        (*token_store_store_finish)   (GAsyncResult         *result,
                                                 GError              **error);
  void            (*token_store_lookup_async)   (const char           *endpoint,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  char           *(*token_store_lookup_finish)  (GAsyncResult         *result,
                                                 GError              **error);
  void            (*token_store_clear_async)    (const char           *endpoint,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
  gboolean        (*token_store_clear_finish)   (GAsyncResult         *result,
                                                 GError              **error);
};

typedef const PfTransferFunctions *(*PfTransferEntryPoint) (void);

G_MODULE_EXPORT const PfTransferFunctions *pf_transfer_module_get_functions (void);

G_END_DECLS
