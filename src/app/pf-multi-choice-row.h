/* pf-multi-choice-row.h: question row for any number of options as check boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_MULTI_CHOICE_ROW (pf_multi_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (PfMultiChoiceRow, pf_multi_choice_row, PF, MULTI_CHOICE_ROW, AdwExpanderRow)

GtkWidget *pf_multi_choice_row_new (PfSession  *session,
                                    PfQuestion *question);

G_END_DECLS
