/* pf-review-page.h: reviewers' sign-offs, and the form to add one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_REVIEW_PAGE (pf_review_page_get_type ())
G_DECLARE_FINAL_TYPE (PfReviewPage, pf_review_page, PF, REVIEW_PAGE, PfPage)

GtkWidget *pf_review_page_new       (PfSession    *session);
/* The sidebar's summary: complete once a current sign-off approves, to
 * review while there are only others (a PfPageSummarizeFunc). */
void       pf_review_page_summarize (PfSession    *session,
                                     PfPageState  *state,
                                     char        **progress_text);

G_END_DECLS
