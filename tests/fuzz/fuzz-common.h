/* fuzz-common.h: what the libFuzzer targets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "preflight.h"

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int             *argc,
                             char          ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t   *data,
                             size_t           size);

/* Makes criticals and warnings fatal, so a g_return_if_fail() tripped by
 * hostile input counts as a crash; GLib's debug allocator settings stay. */
void pf_fuzz_init (void);

/* The built-in pack, loaded once from the core's resources. */
PfCriteriaPack *pf_fuzz_builtin_pack (void);

/* Parses @data as JSON after the guard every loader runs (pf-json-guard.h);
 * NULL when it is not JSON or the guard refuses it. */
JsonNode *pf_fuzz_parse_json (const char *data,
                              gsize       len);

/* Applies an answers object {"q.id": value | "unknown", …} to @assessment,
 * ignoring answers it refuses (as the importer would report them). */
void pf_fuzz_apply_answers (PfAssessment *assessment,
                            JsonNode     *answers);

/* Evaluates @determination the way the app and the CLI present it. */
void pf_fuzz_exercise_determination (PfDetermination *determination);

G_END_DECLS
