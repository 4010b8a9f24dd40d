/* pf-number-row.h: question row for a number or integer with its unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_NUMBER_ROW (pf_number_row_get_type ())
G_DECLARE_FINAL_TYPE (PfNumberRow, pf_number_row, PF, NUMBER_ROW, AdwActionRow)

GtkWidget *pf_number_row_new (PfSession  *session,
                              PfQuestion *question);

G_END_DECLS
