/* pf-verifying-input-stream.h: an input stream that checks the SHA-256 of
 * what it read when it reaches the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PF_TYPE_VERIFYING_INPUT_STREAM (pf_verifying_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (PfVerifyingInputStream, pf_verifying_input_stream,
                      PF, VERIFYING_INPUT_STREAM, GFilterInputStream)

/* Reads @base_stream; the read that reaches its end fails with
 * PF_EVIDENCE_ERROR_ALTERED when the bytes do not hash to @sha256 (lower-case
 * hex). Skipping reads through, so the check still covers every byte. */
GInputStream *pf_verifying_input_stream_new (GInputStream *base_stream,
                                             const char   *sha256);

G_END_DECLS
