/* pf-test-determination.c: looking up what a determination reports, for
 * the core tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pf-test-determination.h"

const PfOpenQuestion *
pf_test_find_open_question (PfDetermination *determination,
                            const char      *question_id)
{
  GPtrArray *open_questions = pf_determination_get_open_questions (determination);

  for (guint i = 0; i < open_questions->len; i++)
    {
      const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);

      if (g_strcmp0 (pf_question_get_id (open->question), question_id) == 0)
        return open;
    }

  return NULL;
}
