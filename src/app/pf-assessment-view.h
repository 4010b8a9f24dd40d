/* pf-assessment-view.h: one open assessment: the sidebar of pages, the
 * wizard stack with Back/Next, and finding a question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_ASSESSMENT_VIEW (pf_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (PfAssessmentView, pf_assessment_view, PF, ASSESSMENT_VIEW, AdwBin)

/* Builds the pages for @session and restores its last page and scroll
 * position; NULL remembers them and empties the view. */
void        pf_assessment_view_set_session        (PfAssessmentView *self,
                                                   PfSession        *session);
PfSession  *pf_assessment_view_get_session        (PfAssessmentView *self);
/* The name of the page shown: "section:<id>", "determination", "evidence",
 * "review", "timeline" or "export"; NULL without a session. */
const char *pf_assessment_view_get_page_name      (PfAssessmentView *self);
/* Shows the evidence page and attaches @files (element-type GFile). */
void        pf_assessment_view_add_evidence_files (PfAssessmentView *self,
                                                   GListModel       *files);

/* Actions: wizard.back, wizard.next, view.show-page (s), view.show-question (s),
 * view.find, view.toggle-sidebar. */

/* Shows @toast (transfer full) over the assessment. */
void        pf_assessment_view_add_toast          (PfAssessmentView *self,
                                                   AdwToast         *toast);

G_END_DECLS
