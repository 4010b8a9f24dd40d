/* pf-file-chooser.h: the one place that asks the user for files, shaped like
 * GtkFileDialog so that moving to it (GTK 4.10) touches this file only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Filters for pf_file_chooser_open_async(): Preflight assessments
 * (*.preflight) and submission bundles (*.zip). */
GtkFileFilter *pf_file_chooser_new_assessment_filter (void);
GtkFileFilter *pf_file_chooser_new_bundle_filter     (void);

/* Asks for one file (@multiple FALSE) or several to open. @filter may be
 * NULL. Dismissing the dialog finishes with G_IO_ERROR_CANCELLED. */
void        pf_file_chooser_open_async  (GtkWindow            *parent,
                                         const char           *title,
                                         gboolean              multiple,
                                         GtkFileFilter        *filter,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* (element-type GFile): the files chosen. */
GListModel *pf_file_chooser_open_finish (GAsyncResult         *result,
                                         GError              **error);

/* Asks where to save, proposing @suggested_name. */
void        pf_file_chooser_save_async  (GtkWindow            *parent,
                                         const char           *title,
                                         const char           *suggested_name,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GFile      *pf_file_chooser_save_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
