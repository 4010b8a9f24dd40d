/* fuzz-determination.c: libFuzzer target for the determination of the
 * built-in pack over fuzzed answers ({"q.id": value | "unknown", …}).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-fuzz"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  pf_fuzz_init ();
  pf_fuzz_builtin_pack ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  PfCriteriaPack *pack = pf_fuzz_builtin_pack ();
  g_autoptr(JsonNode) answers = pf_fuzz_parse_json ((const char *) data, size);
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfDetermination) determination = NULL;

  if (answers == NULL)
    return 0;

  assessment = pf_assessment_new (pack);
  pf_fuzz_apply_answers (assessment, answers);
  determination = pf_determination_new (pack, assessment);
  pf_fuzz_exercise_determination (determination);

  return 0;
}
