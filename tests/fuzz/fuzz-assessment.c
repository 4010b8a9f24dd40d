/* fuzz-assessment.c: libFuzzer target for the assessment loader, with the
 * built-in pack bound when the assessment names it.
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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfAssessment) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *hash = NULL;
  PfCriteriaPack *pack = pf_fuzz_builtin_pack ();

  assessment = pf_assessment_new_from_bytes (bytes, "fuzz.preflight", &error);
  if (assessment == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PF_ASSESSMENT_ERROR);
      return 0;
    }

  /* What was accepted must save, and what was saved must load again. */
  hash = pf_assessment_dup_content_hash (assessment);
  saved = pf_assessment_to_bytes (assessment);
  again = pf_assessment_new_from_bytes (saved, "fuzz-saved.preflight", &error);
  g_assert_no_error (error);

  if (pf_assessment_set_pack (assessment, pack, NULL))
    {
      g_autoptr(PfDetermination) determination = pf_determination_new (pack, assessment);

      pf_fuzz_exercise_determination (determination);
    }

  return 0;
}
