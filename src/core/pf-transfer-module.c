/* pf-transfer-module.c: the entry point of the preflight-transfer module,
 * which the app loads on first use (see pf-transfer-functions.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-transfer-module"

#include "config.h"

#include "pf-transfer-functions.h"

static const PfTransferFunctions functions = {
  .abi = PF_TRANSFER_FUNCTIONS_ABI,
  .size = sizeof (PfTransferFunctions),
  .package_version = PACKAGE_VERSION,

  .bundle_writer_new = pf_bundle_writer_new,
  .bundle_writer_suggest_name = pf_bundle_writer_suggest_name,
  .bundle_writer_write_async = pf_bundle_writer_write_async,
  .bundle_writer_write_finish = pf_bundle_writer_write_finish,

  .bundle_reader_new = pf_bundle_reader_new,
  .bundle_reader_get_file = pf_bundle_reader_get_file,
  .bundle_reader_get_manifest = pf_bundle_reader_get_manifest,
  .bundle_reader_verify_async = pf_bundle_reader_verify_async,
  .bundle_reader_verify_finish = pf_bundle_reader_verify_finish,
  .bundle_reader_import_async = pf_bundle_reader_import_async,
  .bundle_reader_import_finish = pf_bundle_reader_import_finish,

  .submission_error_quark = pf_submission_error_quark,
  .submission_new = pf_submission_new,
  .submission_set_ca_file = pf_submission_set_ca_file,
  .submission_set_client_certificate = pf_submission_set_client_certificate,
  .submission_set_token = pf_submission_set_token,
  .submission_submit_async = pf_submission_submit_async,
  .submission_submit_finish = pf_submission_submit_finish,

  .token_store_store_async = pf_token_store_store_async,
  .token_store_store_finish = pf_token_store_store_finish,
  .token_store_lookup_async = pf_token_store_lookup_async,
  .token_store_lookup_finish = pf_token_store_lookup_finish,
  .token_store_clear_async = pf_token_store_clear_async,
  .token_store_clear_finish = pf_token_store_clear_finish,
};

const PfTransferFunctions *
pf_transfer_module_get_functions (void)
{
  return &functions;
}
