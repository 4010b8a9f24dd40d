/* pf-choice-row.h: question row for one option from a drop-down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_CHOICE_ROW (pf_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (PfChoiceRow, pf_choice_row, PF, CHOICE_ROW, AdwComboRow)

GtkWidget *pf_choice_row_new (PfSession  *session,
                              PfQuestion *question);

G_END_DECLS
