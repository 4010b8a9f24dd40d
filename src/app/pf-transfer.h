/* pf-transfer.h: the bundle, submission and token-store functions, loaded
 * from the preflight-transfer module on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pf-transfer-functions.h"

G_BEGIN_DECLS

#define PF_TRANSFER_ERROR (pf_transfer_error_quark ())
typedef enum {
  PF_TRANSFER_ERROR_NOT_FOUND,     /* the module does not load, or has no entry point */
  PF_TRANSFER_ERROR_INCOMPATIBLE,  /* the module comes from another build of Preflight */
} PfTransferError;

GQuark                     pf_transfer_error_quark (void);

/* Opens the module from $PREFLIGHT_MODULE_DIR, or else from where Preflight
 * installed it, the first time it is called; the module then stays loaded
 * (it registers GTypes). A failure is not remembered: the next call tries
 * again. Main thread only. */
const PfTransferFunctions *pf_transfer_get         (GError **error);
/* The table pf_transfer_get() has loaded: for the callbacks and the later
 * steps of work that began with it. */
const PfTransferFunctions *pf_transfer_loaded      (void);

G_END_DECLS
