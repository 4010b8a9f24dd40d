/* stale-transfer-module.c: a preflight-transfer module as another build of
 * Preflight would have made it, which the app's loader must refuse
 * (test-ui-export: /ui/export/module-stale).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "stale-transfer-module"

#include "config.h"

#include "pf-transfer-functions.h"

/* The same table layout: only the version tells it apart. */
static const PfTransferFunctions functions = {
  .abi = PF_TRANSFER_FUNCTIONS_ABI,
  .size = sizeof (PfTransferFunctions),
  .package_version = "0.0.0-stale",
};

const PfTransferFunctions *
pf_transfer_module_get_functions (void)
{
  return &functions;
}
