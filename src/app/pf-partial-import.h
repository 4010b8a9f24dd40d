/* pf-partial-import.h: the hidden file an import of a bundle writes in the
 * assessments folder until the assessment gets its final name, and the
 * removal of those a crash left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new name ".import-<uuid>.part": hidden, so the start view lists it not. */
char  *pf_partial_import_dup_name     (void);
/* Deletes the partial imports in the assessments folder. Only while no
 * import runs, that is at startup: the application is single-instance.
 * Returns how many were deleted. */
guint  pf_partial_import_remove_stale (void);

G_END_DECLS
