/* pf-page.h: base class of the pages of the assessment view (the GisPage idea).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

typedef enum {
  PF_PAGE_STATE_NOT_STARTED,
  PF_PAGE_STATE_IN_PROGRESS,
  PF_PAGE_STATE_COMPLETE,
  PF_PAGE_STATE_NEEDS_REVIEW,
} PfPageState;

/* The state and progress text a page shows for @session, e.g. in the
 * sidebar; @progress_text is set to a new string or NULL. */
typedef void (*PfPageSummarizeFunc) (PfSession    *session,
                                     PfPageState  *state,
                                     char        **progress_text);

#define PF_TYPE_PAGE (pf_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (PfPage, pf_page, PF, PAGE, AdwBin)

struct _PfPageClass
{
  AdwBinClass parent_class;

  /* The page became visible. */
  void (*shown)  (PfPage *page);
  /* The user leaves the page: commit pending edits. */
  void (*commit) (PfPage *page);
};

/* Properties: "session" (construct-only), "title", "complete", "state",
 * "progress-text" (e.g. "3 of 7 answered", may be NULL). */
PfSession   *pf_page_get_session       (PfPage      *self);
const char  *pf_page_get_title         (PfPage      *self);
void         pf_page_set_title         (PfPage      *self,
                                        const char  *title);
gboolean     pf_page_get_complete      (PfPage      *self);
void         pf_page_set_complete      (PfPage      *self,
                                        gboolean     complete);
PfPageState  pf_page_get_state         (PfPage      *self);
void         pf_page_set_state         (PfPage      *self,
                                        PfPageState  state);
const char  *pf_page_get_progress_text (PfPage      *self);
void         pf_page_set_progress_text (PfPage      *self,
                                        const char  *progress_text);
/* Sets the state and progress text @summarize gives for the page's session. */
void         pf_page_update_summary    (PfPage              *self,
                                        PfPageSummarizeFunc  summarize);
void         pf_page_shown             (PfPage      *self);
void         pf_page_commit            (PfPage      *self);

G_END_DECLS
