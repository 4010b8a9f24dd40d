/* pf-report.h: the human report of an assessment, as HTML and as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pf-assessment.h"
#include "pf-determination.h"

G_BEGIN_DECLS

#define PF_TYPE_REPORT (pf_report_get_type ())
G_DECLARE_FINAL_TYPE (PfReport, pf_report, PF, REPORT, GObject)

/* @assessment must have its pack bound. The report reads everything it shows
 * from the assessment, its pack and @determination; dates come from the
 * assessment, so the same input gives the same bytes. It is in English (a
 * record for agencies) whatever the locale, apart from the page size. */
PfReport *pf_report_new         (PfAssessment    *assessment,
                                 PfDetermination *determination);
/* Self-contained HTML: inline CSS, no scripts, no external resources. */
GBytes   *pf_report_render_html (PfReport        *self);
/* Paginated PDF (Pango + cairo), A4 or Letter by locale, page numbers and the
 * marking on every page. */
GBytes   *pf_report_render_pdf  (PfReport        *self,
                                 GError         **error);

G_END_DECLS
