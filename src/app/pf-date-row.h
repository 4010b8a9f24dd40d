/* pf-date-row.h: question row for a date typed or picked from a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_DATE_ROW (pf_date_row_get_type ())
G_DECLARE_FINAL_TYPE (PfDateRow, pf_date_row, PF, DATE_ROW, AdwActionRow)

GtkWidget *pf_date_row_new (PfSession  *session,
                            PfQuestion *question);

G_END_DECLS
