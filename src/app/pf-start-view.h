/* pf-start-view.h: the list of assessments, or the welcome page when there
 * is none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "preflight.h"

G_BEGIN_DECLS

#define PF_TYPE_START_VIEW (pf_start_view_get_type ())
G_DECLARE_FINAL_TYPE (PfStartView, pf_start_view, PF, START_VIEW, AdwBin)

/* Used to show each assessment's progress and outcome; reloads the list. */
void        pf_start_view_set_pack_catalog (PfStartView   *self,
                                            PfPackCatalog *catalog);
/* Re-reads the assessments folder. */
void        pf_start_view_reload           (PfStartView   *self);
/* (element-type GFile): the assessments listed, most recently changed first. */
GListModel *pf_start_view_get_assessments  (PfStartView   *self);

/* Verifies @bundle and restores its assessment into the assessments folder
 * (evidence into the evidence store), then emits ::open-file for it; an id
 * already there is not imported twice (a dialog offers the existing one). */
void        pf_start_view_import_bundle    (PfStartView   *self,
                                            GFile         *bundle);

/* Signal ::open-file (GFile *file): the user wants to open @file. */

G_END_DECLS
