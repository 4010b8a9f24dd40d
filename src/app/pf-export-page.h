/* pf-export-page.h: exports the submission bundle and, on request, submits it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_EXPORT_PAGE (pf_export_page_get_type ())
G_DECLARE_FINAL_TYPE (PfExportPage, pf_export_page, PF, EXPORT_PAGE, PfPage)

GtkWidget *pf_export_page_new               (PfSession    *session);
/* Writes the bundle to @destination (what Export Bundle… does once the user
 * chose where); success and failure are shown on the page. */
void       pf_export_page_export_to         (PfExportPage *self,
                                             GFile        *destination);
/* Verifies @bundle, then asks in a dialog whether to upload it to the
 * endpoint of the settings; nothing is sent unless the user confirms. */
void       pf_export_page_submit            (PfExportPage *self,
                                             GFile        *bundle);
/* Property "busy": an export, a check or an upload is running. */
gboolean   pf_export_page_get_busy          (PfExportPage *self);
/* Nullable: the bundle exported last from this page. */
GFile     *pf_export_page_get_exported_file (PfExportPage *self);

/* Actions: export.export, export.submit, export.cancel, export.open-folder. */

G_END_DECLS
