/* pf-evidence-page.h: the evidence of an assessment: add, describe, link,
 * mark, remove and verify files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_EVIDENCE_PAGE (pf_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (PfEvidencePage, pf_evidence_page, PF, EVIDENCE_PAGE, PfPage)

GtkWidget *pf_evidence_page_new       (PfSession      *session);
/* Hashes and attaches @files (element-type GFile), e.g. dropped ones, with
 * progress and Cancel on the page. Ignored while an import runs. */
void       pf_evidence_page_add_files (PfEvidencePage *self,
                                       GListModel     *files);
/* Whether an import is running. */
gboolean   pf_evidence_page_get_busy  (PfEvidencePage *self);
/* The sidebar's summary: how many files (a PfPageSummarizeFunc). */
void       pf_evidence_page_summarize (PfSession      *session,
                                       PfPageState    *state,
                                       char          **progress_text);

G_END_DECLS
