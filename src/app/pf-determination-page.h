/* pf-determination-page.h: the live draft determination and its reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_DETERMINATION_PAGE (pf_determination_page_get_type ())
G_DECLARE_FINAL_TYPE (PfDeterminationPage, pf_determination_page, PF, DETERMINATION_PAGE, PfPage)

GtkWidget  *pf_determination_page_new          (PfSession           *session);
/* The outcome as shown in the headline (brings the page up to date first). */
const char *pf_determination_page_get_headline (PfDeterminationPage *self);
/* The sidebar's summary: the outcome (a PfPageSummarizeFunc). */
void        pf_determination_page_summarize    (PfSession           *session,
                                                PfPageState         *state,
                                                char               **progress_text);

G_END_DECLS
