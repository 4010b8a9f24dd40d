/* fuzz-pack.c: libFuzzer target for the criteria pack loader and validator.
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
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfDetermination) determination = NULL;
  GPtrArray *questions;

  pack = pf_criteria_pack_new_from_bytes (bytes, "fuzz.pfpack.json", &error);
  if (pack == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == PF_PACK_ERROR);
      return 0;
    }

  /* A pack the validator accepts must be safe to use everywhere. */
  questions = pf_criteria_pack_get_questions (pack);
  for (guint i = 0; i < questions->len; i++)
    g_assert_nonnull (pf_criteria_pack_get_indicators_for_question (pack, questions->pdata[i]));

  assessment = pf_assessment_new (pack);
  determination = pf_determination_new (pack, assessment);
  pf_fuzz_exercise_determination (determination);

  return 0;
}
