/* pf-new-assessment-dialog.h: asks for the model, its version, the criteria
 * pack and the planned release date, then creates the assessment file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_NEW_ASSESSMENT_DIALOG (pf_new_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PfNewAssessmentDialog, pf_new_assessment_dialog, PF, NEW_ASSESSMENT_DIALOG, AdwWindow)

PfNewAssessmentDialog *pf_new_assessment_dialog_new (GtkWindow       *parent,
                                                     PfPackCatalog   *catalog,
                                                     PfEvidenceStore *store);

/* The dialog for the next version of the model @previous assesses (which
 * must have its pack): it creates pf_assessment_new_successor() of it. */
PfNewAssessmentDialog *pf_new_assessment_dialog_new_version (GtkWindow       *parent,
                                                             PfAssessment    *previous,
                                                             PfEvidenceStore *store);

/* Signal ::created (PfSession *session): the assessment was created and
 * saved; the dialog closes right after. Action "dialog.create" creates. */

G_END_DECLS
