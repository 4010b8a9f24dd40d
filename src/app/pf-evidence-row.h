/* pf-evidence-row.h: question row for the evidence linked to the question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question-row.h"

G_BEGIN_DECLS

#define PF_TYPE_EVIDENCE_ROW (pf_evidence_row_get_type ())
G_DECLARE_FINAL_TYPE (PfEvidenceRow, pf_evidence_row, PF, EVIDENCE_ROW, AdwExpanderRow)

GtkWidget *pf_evidence_row_new (PfSession  *session,
                                PfQuestion *question);

G_END_DECLS
