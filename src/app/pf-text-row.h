/* pf-text-row.h: question row for free text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_TEXT_ROW (pf_text_row_get_type ())
G_DECLARE_FINAL_TYPE (PfTextRow, pf_text_row, PF, TEXT_ROW, AdwActionRow)

GtkWidget *pf_text_row_new (PfSession  *session,
                            PfQuestion *question);

G_END_DECLS
