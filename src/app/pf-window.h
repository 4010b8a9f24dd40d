/* pf-window.h: the main window: the start view or one open assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-application.h"
#include "pf-comparison-window.h"
#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_WINDOW (pf_window_get_type ())
G_DECLARE_FINAL_TYPE (PfWindow, pf_window, PF, WINDOW, AdwApplicationWindow)

PfWindow  *pf_window_new                 (PfApplication *application);
/* Opens the assessment in @file (errors are shown in a dialog). */
void       pf_window_open_file           (PfWindow      *self,
                                          GFile         *file);
/* Shows @session's assessment, after saving the one shown before. */
void       pf_window_set_session         (PfWindow      *self,
                                          PfSession     *session);
/* Nullable: the assessment shown. */
PfSession *pf_window_get_session         (PfWindow      *self);
void       pf_window_show_new_assessment (PfWindow      *self);
/* Shows what changed since the assessment in @file (errors are shown in a
 * dialog); the window shown must have an assessment. Returns the comparison
 * window, or NULL on error. Action "win.compare" asks for @file. */
PfComparisonWindow *pf_window_compare_with (PfWindow *self,
                                            GFile    *file);

G_END_DECLS
