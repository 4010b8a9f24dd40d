/* pf-test-determination.h: looking up what a determination reports, for
 * the core tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "preflight.h"

G_BEGIN_DECLS

/* The open question of @determination about @question_id, or NULL when
 * that question is not open. */
const PfOpenQuestion *pf_test_find_open_question (PfDetermination *determination,
                                                  const char      *question_id);

G_END_DECLS
