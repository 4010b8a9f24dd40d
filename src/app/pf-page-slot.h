/* pf-page-slot.h: a page of the assessment view that builds its real page
 * the first time it is shown, and tells the sidebar the page's state until
 * then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

/* Makes the real page. */
typedef GtkWidget *(*PfPageCreateFunc) (PfSession *session);

#define PF_TYPE_PAGE_SLOT (pf_page_slot_get_type ())
G_DECLARE_FINAL_TYPE (PfPageSlot, pf_page_slot, PF, PAGE_SLOT, PfPage)

/* @summarize, the real page's own, may be NULL: the page is then "not
 * started" until built. */
PfPage *pf_page_slot_new      (PfSession           *session,
                               const char          *title,
                               PfPageCreateFunc     create,
                               PfPageSummarizeFunc  summarize);
/* The real page, built now if it was not yet. */
PfPage *pf_page_slot_get_page (PfPageSlot          *self);

G_END_DECLS
