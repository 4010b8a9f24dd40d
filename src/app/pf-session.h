/* pf-session.h: one open assessment in the app: the document, its pack, the
 * live determination, the evidence store and the autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "preflight.h"

G_BEGIN_DECLS

#define PF_TYPE_SESSION (pf_session_get_type ())
G_DECLARE_FINAL_TYPE (PfSession, pf_session, PF, SESSION, GObject)

/* Binds @assessment (already loaded, with its pack) to @file. */
PfSession       *pf_session_new                (PfAssessment    *assessment,
                                                GFile           *file,
                                                PfEvidenceStore *store);
/* Loads @file and binds the pack it names, looked up in @catalog. */
PfSession       *pf_session_load               (GFile           *file,
                                                PfPackCatalog   *catalog,
                                                PfEvidenceStore *store,
                                                GError         **error);
PfAssessment    *pf_session_get_assessment     (PfSession       *self);
PfCriteriaPack  *pf_session_get_pack           (PfSession       *self);
PfEvidenceStore *pf_session_get_evidence_store (PfSession       *self);
GFile           *pf_session_get_file           (PfSession       *self);
/* Recomputed whenever the assessment changes (property "determination"
 * notifies then; pages listen to that, not to the assessment). */
PfDetermination *pf_session_get_determination  (PfSession       *self);
/* "saved", "saving" or "error": property "save-state". */
const char      *pf_session_get_save_state     (PfSession       *self);
/* Nullable: why the last save failed, until a save succeeds. */
const GError    *pf_session_get_save_error     (PfSession       *self);
/* The file's name as a label shows it (valid UTF-8 whatever the bytes). */
char            *pf_session_dup_display_name   (PfSession       *self);
/* Signal "changed-on-disk": another program wrote the file while the
 * session had nothing unsaved (checked a moment after the file monitor
 * reports a write; the session's own saves do not count). */

/* While held, another program's version of the file is not loaded over
 * the session: an export, an upload or attaching files is under way and
 * works on this version. Each hold is released once. */
void             pf_session_hold               (PfSession       *self);
void             pf_session_release            (PfSession       *self);
/* Saves now over whatever is on disk, after a save found that another
 * program had changed the file (PF_ASSESSMENT_ERROR_CHANGED_ON_DISK). */
void             pf_session_overwrite          (PfSession       *self);
/* Saves now if a save is pending (used on close); blocking, small. */
gboolean         pf_session_flush              (PfSession       *self,
                                                GError         **error);

G_END_DECLS
