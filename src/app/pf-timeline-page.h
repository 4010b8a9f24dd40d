/* pf-timeline-page.h: milestones from the planned release date, and their
 * calendar export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_TIMELINE_PAGE (pf_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (PfTimelinePage, pf_timeline_page, PF, TIMELINE_PAGE, PfPage)

GtkWidget *pf_timeline_page_new        (PfSession      *session);
/* The sidebar's summary: the days until release (a PfPageSummarizeFunc). */
void       pf_timeline_page_summarize  (PfSession      *session,
                                        PfPageState    *state,
                                        char          **progress_text);
/* Writes the milestones as an RFC 5545 calendar to @file (atomically). */
gboolean   pf_timeline_page_export_ics (PfTimelinePage *self,
                                        GFile          *file,
                                        GError        **error);

G_END_DECLS
