/* pf-evidence-import.h: attaching files to an assessment as evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pf-session.h"

G_BEGIN_DECLS

/* @fraction of the whole import done, 0.0 to 1.0. */
typedef void (*PfImportProgress) (double   fraction,
                                  gpointer user_data);

/* Hashes @files (element-type GFile) one after the other into the session's
 * evidence store and adds an evidence item for each (title = file name,
 * marking none), linked to @question_id when not NULL. Items of files done
 * before a cancel or an error stay attached. */
void     pf_evidence_import_async  (PfSession            *session,
                                    GListModel           *files,
                                    const char           *question_id,
                                    GCancellable         *cancellable,
                                    PfImportProgress      progress,
                                    gpointer              progress_data,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* Returns the number of files attached. */
gboolean pf_evidence_import_finish (PfSession            *session,
                                    GAsyncResult         *result,
                                    guint                *n_attached,
                                    GError              **error);

G_END_DECLS
