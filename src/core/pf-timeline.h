/* pf-timeline.h: milestones from a planned release date, and their .ics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PF_TIMELINE_ERROR (pf_timeline_error_quark ())
typedef enum {
  PF_TIMELINE_ERROR_INVALID_DATE,
} PfTimelineError;

GQuark pf_timeline_error_quark (void);

typedef struct {
  char  *id;       /* "request-determination", "offer-access", "release" */
  GDate  date;
  char  *title;    /* translated */
  char  *description;
} PfMilestone;

#define PF_TYPE_TIMELINE (pf_timeline_get_type ())
G_DECLARE_FINAL_TYPE (PfTimeline, pf_timeline, PF, TIMELINE, GObject)

/* @release_date is YYYY-MM-DD. */
PfTimeline  *pf_timeline_new              (const char  *release_date,
                                           GError     **error);
const GDate *pf_timeline_get_release_date (PfTimeline  *self);
/* The last day on which the up-to-30-day access window can start and still
 * end before release. */
const GDate *pf_timeline_get_offer_access_by (PfTimeline *self);
/* A suggested date to ask for an official determination. */
const GDate *pf_timeline_get_request_determination_by (PfTimeline *self);
/* Element type PfMilestone, by date. */
GPtrArray   *pf_timeline_get_milestones   (PfTimeline  *self);
/* Days from @today to the release (negative once past). */
int          pf_timeline_days_until_release (PfTimeline *self,
                                             const GDate *today);
/* RFC 5545 calendar: CRLF lines folded at 75 octets, all-day VEVENTs with
 * stable UIDs derived from @uid_seed, DTSTAMP = @dtstamp (ISO 8601 UTC) so
 * the same input gives the same bytes. */
char        *pf_timeline_to_ics           (PfTimeline  *self,
                                           const char  *uid_seed,
                                           const char  *dtstamp);

G_END_DECLS
