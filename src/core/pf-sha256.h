/* pf-sha256.h: streaming SHA-256 for evidence, bundles and verification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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
/* The raw 32-byte digest, for encodings other than hex (base64 in HTTP
 * Content-Digest); closes the hash like pf_sha256_get_string(). */
void        pf_sha256_get_digest (PfSha256     *self,
                                  guint8        digest[32]);
void        pf_sha256_free       (PfSha256     *self);

/* Receives each chunk pf_sha256_update_from_stream() has hashed, to copy it
 * on and report progress. Returns FALSE with @error set (in the caller's
 * own domain) to stop. */
typedef gboolean (*PfSha256ChunkFunc) (const guchar  *data,
                                       gsize          length,
                                       gpointer       user_data,
                                       GError       **error);

/* Reads @in to its end in chunks of @buffer_size bytes, hashing each and
 * handing it to @chunk_func (may be NULL). Checks @cancellable before each
 * chunk. On failure @error is the stream's own (G_IO_ERROR_CANCELLED on a
 * cancel) or the one @chunk_func set. @size (may be NULL) receives the
 * number of bytes hashed. The one read-hash-copy loop of evidence import,
 * export and submission: callers keep their buffer sizes, which bench/run
 * tuned. */
gboolean    pf_sha256_update_from_stream (PfSha256          *self,
                                          GInputStream      *in,
                                          gsize              buffer_size,
                                          PfSha256ChunkFunc  chunk_func,
                                          gpointer           user_data,
                                          guint64           *size,
                                          GCancellable      *cancellable,
                                          GError           **error);

/* Whether @text is a digest as Preflight writes them everywhere (assessment,
 * evidence store, manifest): 64 lower-case hex digits. NULL is not. */
gboolean    pf_sha256_is_hex     (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfSha256, pf_sha256_free)

G_END_DECLS
