/* pf-comparison-window.h: what changed between the assessment shown and the
 * assessment of an earlier checkpoint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_COMPARISON_WINDOW (pf_comparison_window_get_type ())
G_DECLARE_FINAL_TYPE (PfComparisonWindow, pf_comparison_window, PF, COMPARISON_WINDOW, AdwWindow)

/* The changes from @previous to @session's assessment, kept current as the
 * session changes; NULL and PF_COMPARISON_ERROR_OTHER_PACK when the two use
 * different packs. Not modal: the window of @parent stays usable beside it. */
PfComparisonWindow *pf_comparison_window_new (GtkWindow     *parent,
                                              PfAssessment  *previous,
                                              PfSession     *session,
                                              GError       **error);

/* Signal ::show-question (const char *question_id): a changed answer was
 * chosen; its question is in both packs or only in the previous one. */

G_END_DECLS
