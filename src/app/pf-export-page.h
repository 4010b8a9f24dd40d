/* pf-export-page.h: where bundle export will live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-page.h"

G_BEGIN_DECLS

#define PF_TYPE_EXPORT_PAGE (pf_export_page_get_type ())
G_DECLARE_FINAL_TYPE (PfExportPage, pf_export_page, PF, EXPORT_PAGE, PfPage)

GtkWidget *pf_export_page_new (PfSession *session);

G_END_DECLS
