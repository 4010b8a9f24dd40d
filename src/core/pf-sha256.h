/* pf-sha256.h: streaming SHA-256 for evidence, bundles and verification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A drop-in for GChecksum (G_CHECKSUM_SHA256) on the paths that hash whole
 * evidence files: OpenSSL's libcrypto uses the CPU's SHA extensions or
 * vector units, several times faster than GLib's portable code, which made
 * export and verify slower than `sha256sum` (DESIGN.md §8, bench/run). */
typedef struct _PfSha256 PfSha256;

PfSha256   *pf_sha256_new        (void);
void        pf_sha256_update     (PfSha256     *self,
                                  const guchar *data,
                                  gssize        length);
/* Lower-case hex digest; the hash is closed after the first call, like
 * g_checksum_get_string(). The string belongs to @self. */
const char *pf_sha256_get_string (PfSha256     *self);
void        pf_sha256_free       (PfSha256     *self);

/* Whether @text is a digest as Preflight writes them everywhere (assessment,
 * evidence store, manifest): 64 lower-case hex digits. NULL is not. */
gboolean    pf_sha256_is_hex     (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfSha256, pf_sha256_free)

G_END_DECLS
