/* pf-bundle.h: the submission bundle's shared vocabulary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PF_BUNDLE_FORMAT "preflight-bundle/1"

#define PF_BUNDLE_ERROR (pf_bundle_error_quark ())
typedef enum {
  PF_BUNDLE_ERROR_NOT_A_BUNDLE,      /* not a ZIP, or no manifest.json */
  PF_BUNDLE_ERROR_UNKNOWN_FORMAT,    /* manifest format not PF_BUNDLE_FORMAT */
  PF_BUNDLE_ERROR_MALFORMED_MANIFEST,
  PF_BUNDLE_ERROR_UNSAFE_PATH,       /* absolute, "..", NUL/control chars, too long */
  PF_BUNDLE_ERROR_NOT_REGULAR,       /* symlink, directory with data, device … */
  PF_BUNDLE_ERROR_DUPLICATE_ENTRY,   /* same name, or names equal but for case */
  PF_BUNDLE_ERROR_UNLISTED_ENTRY,    /* in the ZIP, not in the manifest */
  PF_BUNDLE_ERROR_MISSING_ENTRY,     /* in the manifest, not in the ZIP */
  PF_BUNDLE_ERROR_SIZE_MISMATCH,
  PF_BUNDLE_ERROR_DIGEST_MISMATCH,
  PF_BUNDLE_ERROR_TOO_LARGE,         /* entry count, entry size, total size */
  PF_BUNDLE_ERROR_SUSPICIOUS_RATIO,  /* compression ratio */
  PF_BUNDLE_ERROR_EVIDENCE,          /* an evidence blob is missing or altered */
  PF_BUNDLE_ERROR_IO,
  PF_BUNDLE_ERROR_CANCELLED,
} PfBundleError;

GQuark pf_bundle_error_quark (void);

G_END_DECLS
