/* pf-boolean-row.h: question row for yes-no-unknown buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_BOOLEAN_ROW (pf_boolean_row_get_type ())
G_DECLARE_FINAL_TYPE (PfBooleanRow, pf_boolean_row, PF, BOOLEAN_ROW, AdwActionRow)

GtkWidget *pf_boolean_row_new (PfSession  *session,
                               PfQuestion *question);

G_END_DECLS
