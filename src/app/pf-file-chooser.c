/* pf-file-chooser.c: GtkFileChooserNative behind a GtkFileDialog-like API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-file-chooser.h"

static void
on_cancelled (GCancellable         *cancellable,
              GtkFileChooserNative *native)
{
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (native));
}

static void
on_response (GtkFileChooserNative *native,
             int                   response,
             GTask                *task)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    g_signal_handlers_disconnect_by_func (cancellable, on_cancelled, native);

  if (response != GTK_RESPONSE_ACCEPT)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("No file was chosen"));
  else if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    g_task_return_pointer (task, gtk_file_chooser_get_file (chooser), g_object_unref);
  else
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (chooser);
      GListStore *files = g_list_store_new (G_TYPE_FILE);

      /* Copy: the chooser's model changes when the chooser is reused. */
      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (chosen, i);
          g_list_store_append (files, file);
        }
      g_task_return_pointer (task, files, g_object_unref);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
  g_object_unref (task);
}

static void
run (GtkFileChooserNative *native,
     GTask                *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_response), task);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled), native, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GtkFileFilter *
filter_new (const char *name,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);

  return filter;
}

GtkFileFilter *
pf_file_chooser_new_assessment_filter (void)
{
  return filter_new (_("Preflight assessments"), "*.preflight");
}

GtkFileFilter *
pf_file_chooser_new_bundle_filter (void)
{
  return filter_new (_("Submission bundles"), "*.zip");
}

void
pf_file_chooser_open_async (GtkWindow           *parent,
                            const char          *title,
                            gboolean             multiple,
                            GtkFileFilter       *filter,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_file_chooser_open_async);

  native = gtk_file_chooser_native_new (title, parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  run (native, task);
}

GListModel *
pf_file_chooser_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_file_chooser_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pf_file_chooser_save_async (GtkWindow           *parent,
                            const char          *title,
                            const char          *suggested_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GtkFileChooserNative *native;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_file_chooser_save_async);

  native = gtk_file_chooser_native_new (title, parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  run (native, task);
}

GFile *
pf_file_chooser_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_file_chooser_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
