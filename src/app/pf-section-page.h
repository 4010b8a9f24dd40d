/* pf-section-page.h: one wizard page that renders any section of the pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_SECTION_PAGE (pf_section_page_get_type ())
G_DECLARE_FINAL_TYPE (PfSectionPage, pf_section_page, PF, SECTION_PAGE, PfPage)

GtkWidget *pf_section_page_new            (PfSession     *session,
                                           PfSection     *section);
PfSection *pf_section_page_get_section    (PfSectionPage *self);
/* The row of @question_id (a PfQuestionRow), or NULL. */
GtkWidget *pf_section_page_get_row        (PfSectionPage *self,
                                           const char    *question_id);
/* Scrolls to the row of @question_id and focuses it (once shown). */
void       pf_section_page_focus_question (PfSectionPage *self,
                                           const char    *question_id);

G_END_DECLS
