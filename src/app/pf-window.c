/* pf-window.c: the main window: the start view or one open assessment;
 * remembers its size and takes dropped files as evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-assessment-view.h"
#include "pf-comparison-window.h"
#include "pf-file-chooser.h"
#include "pf-new-assessment-dialog.h"
#include "pf-start-view.h"
#include "pf-window.h"

struct _PfWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;  /* (owned) */
  /* The user chose to close although the last changes could not be saved. */
  gboolean              discard_unsaved;

  GtkWindow            *shortcuts;        /* (nullable) until first shown */

  GtkStack             *stack;
  PfStartView          *start_view;       /* (nullable) until first shown */
  PfAssessmentView     *assessment_view;  /* (nullable) until first shown */
  GtkWindow            *comparison;       /* (nullable) (unowned): with the session shown */
};

G_DEFINE_FINAL_TYPE (PfWindow, pf_window, ADW_TYPE_APPLICATION_WINDOW)

static PfApplication *
get_application (PfWindow *self)
{
  return PF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_error (PfWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void on_open_file (PfWindow    *self,
                          GFile       *file,
                          PfStartView *view);

static PfStartView *
ensure_start_view (PfWindow *self)
{
  PfApplication *app = get_application (self);

  if (self->start_view != NULL)
    return self->start_view;

  self->start_view = g_object_new (PF_TYPE_START_VIEW, NULL);
  g_signal_connect_object (self->start_view, "open-file", G_CALLBACK (on_open_file), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->start_view), "start");
  /* Reads the assessments folder and lists it. */
  pf_start_view_set_pack_catalog (self->start_view,
                                  app ? pf_application_get_pack_catalog (app) : NULL);

  return self->start_view;
}

static PfAssessmentView *
ensure_assessment_view (PfWindow *self)
{
  if (self->assessment_view == NULL)
    {
      self->assessment_view = g_object_new (PF_TYPE_ASSESSMENT_VIEW, NULL);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->assessment_view), "assessment");
    }

  return self->assessment_view;
}

/* Saves what is pending before the assessment leaves the window. */
static gboolean
flush_session (PfWindow *self)
{
  PfSession *session = pf_window_get_session (self);
  g_autoptr(GError) error = NULL;

  if (session == NULL || pf_session_flush (session, &error))
    return TRUE;

  show_error (self, _("Changes Could Not Be Saved"), error->message);

  return FALSE;
}

static void
update_title (PfWindow *self)
{
  PfSession *session = pf_window_get_session (self);
  g_autofree char *title = NULL;

  if (session != NULL)
    {
      g_autofree char *model = pf_assessment_dup_model_label (pf_session_get_assessment (session));

      /* Translators: window title; %s is the model's name and version */
      title = g_strdup_printf (_("%s — Preflight"), model);
    }

  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Preflight"));
}

/* Another program wrote the open file, and nothing here was unsaved: show
 * its version. If it cannot be read now (damaged, or still being written),
 * this one stays, and its next save says the file changed. */
static void
on_changed_on_disk (PfWindow  *self,
                    PfSession *session)
{
  PfApplication *app = get_application (self);
  g_autoptr(GFile) file = g_object_ref (pf_session_get_file (session));
  g_autoptr(PfSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (session != pf_window_get_session (self))
    return;

  reloaded = pf_session_load (file, pf_application_get_pack_catalog (app),
                              pf_application_get_evidence_store (app), &error);
  if (reloaded == NULL)
    {
      g_debug ("Not reloading %s: %s", g_file_peek_path (file), error->message);
      return;
    }

  pf_window_set_session (self, reloaded);

  name = pf_session_dup_display_name (reloaded);
  /* Translators: %s is the assessment's file name */
  message = g_strdup_printf (_("Another program changed “%s”: this is its version"), name);
  pf_assessment_view_add_toast (self->assessment_view, adw_toast_new (message));
}

/* The comparison window follows the session shown, not whatever is shown
 * next. */
static void
close_comparison (PfWindow *self)
{
  GtkWindow *comparison = g_steal_pointer (&self->comparison);

  if (comparison != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (comparison), (gpointer *) &self->comparison);
      gtk_window_destroy (comparison);
    }
}

void
pf_window_set_session (PfWindow  *self,
                       PfSession *session)
{
  g_return_if_fail (PF_IS_WINDOW (self));
  g_return_if_fail (!session || PF_IS_SESSION (session));

  if (!flush_session (self))
    return;

  close_comparison (self);
  gtk_widget_action_set_enabled (
    GTK_WIDGET (self), "win.compare-previous",
    session != NULL && pf_assessment_get_previous_id (pf_session_get_assessment (session)) != NULL);
  if (session != NULL || self->assessment_view != NULL)
    pf_assessment_view_set_session (ensure_assessment_view (self), session);
  update_title (self);

  if (session != NULL)
    {
      g_signal_connect_object (session, "changed-on-disk", G_CALLBACK (on_changed_on_disk),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->stack, "assessment");
    }
  else
    {
      /* A new start view lists the assessments as it is made. */
      if (self->start_view != NULL)
        pf_start_view_reload (self->start_view);
      else
        ensure_start_view (self);
      gtk_stack_set_visible_child_name (self->stack, "start");
    }
}

PfSession *
pf_window_get_session (PfWindow *self)
{
  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);

  if (self->assessment_view == NULL)
    return NULL;

  return pf_assessment_view_get_session (self->assessment_view);
}

/* The window that already shows @file, if any. */
static PfWindow *
find_window_showing (PfWindow *self,
                     GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    {
      PfSession *session;

      if (!PF_IS_WINDOW (l->data))
        continue;

      session = pf_window_get_session (l->data);
      if (session != NULL && g_file_equal (pf_session_get_file (session), file))
        return l->data;
    }

  return NULL;
}

void
pf_window_open_file (PfWindow *self,
                     GFile    *file)
{
  PfApplication *app = get_application (self);
  g_autoptr(PfSession) session = NULL;
  g_autoptr(GError) error = NULL;
  PfWindow *showing;

  g_return_if_fail (PF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Two sessions on one file would overwrite each other's saves. */
  showing = find_window_showing (self, file);
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }

  session = pf_session_load (file,
                             pf_application_get_pack_catalog (app),
                             pf_application_get_evidence_store (app),
                             &error);
  if (session == NULL)
    {
      show_error (self, _("Could Not Open the Assessment"), error->message);
      return;
    }

  pf_window_set_session (self, session);
}

static void
on_open_file (PfWindow    *self,
              GFile       *file,
              PfStartView *view)
{
  pf_window_open_file (self, file);
}

static void
on_created (PfWindow              *self,
            PfSession             *session,
            PfNewAssessmentDialog *dialog)
{
  pf_window_set_session (self, session);
}

/* Shows @dialog; the window shows the assessment it creates. */
static void
present_new_assessment_dialog (PfWindow              *self,
                               PfNewAssessmentDialog *dialog)
{
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pf_window_show_new_assessment (PfWindow *self)
{
  PfApplication *app = get_application (self);
  PfNewAssessmentDialog *dialog;

  g_return_if_fail (PF_IS_WINDOW (self));

  dialog = pf_new_assessment_dialog_new (GTK_WINDOW (self),
                                         pf_application_get_pack_catalog (app),
                                         pf_application_get_evidence_store (app));
  present_new_assessment_dialog (self, dialog);
}

/* A new assessment for the next version of the model shown, starting from
 * this one's answers. */
static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PfWindow *self = PF_WINDOW (widget);
  PfSession *session = pf_window_get_session (self);
  PfApplication *app = get_application (self);
  PfNewAssessmentDialog *dialog;

  if (session == NULL)
    return;

  dialog = pf_new_assessment_dialog_new_version (GTK_WINDOW (self),
                                                 pf_session_get_assessment (session),
                                                 pf_application_get_evidence_store (app));
  present_new_assessment_dialog (self, dialog);
}

static void
on_show_question (PfWindow           *self,
                  const char         *question_id,
                  PfComparisonWindow *window)
{
  if (self->assessment_view == NULL || pf_window_get_session (self) == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->assessment_view), "view.show-question", "s",
                              question_id);
  gtk_window_present (GTK_WINDOW (self));
}

PfComparisonWindow *
pf_window_compare_with (PfWindow *self,
                        GFile    *file)
{
  PfSession *session;
  PfPackCatalog *catalog;
  g_autoptr(PfAssessment) previous = NULL;
  g_autoptr(GError) error = NULL;
  PfComparisonWindow *window = NULL;

  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  session = pf_window_get_session (self);
  g_return_val_if_fail (session != NULL, NULL);

  catalog = pf_application_get_pack_catalog (get_application (self));
  previous = pf_pack_catalog_load_assessment (catalog, file, &error);
  if (previous != NULL)
    window = pf_comparison_window_new (GTK_WINDOW (self), previous, session, &error);
  if (window == NULL)
    {
      show_error (self, _("Could Not Compare the Assessments"), error->message);
      return NULL;
    }

  close_comparison (self);
  self->comparison = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->comparison);
  g_signal_connect_object (window, "show-question", G_CALLBACK (on_show_question), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
compare_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PfWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  files = pf_file_chooser_open_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not choose a file: %s", error->message);
      return;
    }

  /* The assessment may have been closed meanwhile. */
  file = g_list_model_get_item (files, 0);
  if (pf_window_get_session (self) != NULL)
    pf_window_compare_with (self, file);
}

/* Asks for the assessment of an earlier checkpoint to compare with. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PfWindow *self = PF_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (pf_window_get_session (self) == NULL)
    return;

  filter = pf_file_chooser_new_assessment_filter ();
  pf_file_chooser_open_async (GTK_WINDOW (self), _("Compare With Another Assessment"), FALSE,
                              filter, NULL, compare_chosen_cb, g_object_ref (self));
}

static void
find_previous_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  GError *error = NULL;
  GFile *file = pf_assessment_find_in_folder (dir, task_data, cancellable, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
previous_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PfWindow *self = PF_WINDOW (object);
  PfSession *session = pf_window_get_session (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PfAssessment *assessment;
  const char *version;

  file = g_task_propagate_pointer (G_TASK (result), &error);
  /* The window may show another assessment by now. */
  if (session == NULL)
    return;
  assessment = pf_session_get_assessment (session);
  if (g_strcmp0 (pf_assessment_get_previous_id (assessment),
                 g_task_get_task_data (G_TASK (result))) != 0)
    return;

  if (file != NULL)
    {
      pf_window_compare_with (self, file);
      return;
    }
  /* The folder could not be read: that says more than where to look. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      show_error (self, _("Could Not Compare the Assessments"), error->message);
      return;
    }

  version = pf_assessment_get_previous_model_version (assessment);
  if (version != NULL)
    message = g_strdup_printf (_("The assessment of version %s, which this one started from, "
                                 "is no longer in the assessments folder. Choose its file "
                                 "with “Compare With Another Assessment…”."), version);
  else
    message = g_strdup (_("The assessment this one started from is no longer in the "
                          "assessments folder. Choose its file with “Compare With Another "
                          "Assessment…”."));
  show_error (self, _("Could Not Compare the Assessments"), message);
}

/* Compares with the assessment this one was made from, found by its id in
 * the assessments folder: in a thread, since that reads every assessment
 * there. */
static void
compare_previous_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PfWindow *self = PF_WINDOW (widget);
  PfSession *session = pf_window_get_session (self);
  g_autoptr(GTask) task = NULL;
  const char *previous_id;

  if (session == NULL)
    return;
  previous_id = pf_assessment_get_previous_id (pf_session_get_assessment (session));
  if (previous_id == NULL)
    return;

  task = g_task_new (self, NULL, previous_found_cb, NULL);
  g_task_set_source_tag (task, compare_previous_action);
  g_task_set_task_data (task, g_strdup (previous_id), g_free);
  g_task_run_in_thread (task, find_previous_thread);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PfWindow      *self)
{
  GdkFileList *file_list = g_value_get_boxed (value);
  g_autoptr(GSList) files = gdk_file_list_get_files (file_list);
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = files; l; l = l->next)
    g_list_store_append (store, l->data);

  if (pf_window_get_session (self) != NULL)
    {
      pf_assessment_view_add_evidence_files (self->assessment_view, G_LIST_MODEL (store));
      return TRUE;
    }

  /* On the start view, dropped assessments open; evidence needs one open. */
  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (g_str_has_suffix (name, ".preflight"))
        {
          pf_window_open_file (self, l->data);
          return TRUE;
        }
    }

  return FALSE;
}

static void
show_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  pf_window_set_session (PF_WINDOW (widget), NULL);
}

/* Built when first asked for: GtkApplication would build the shortcuts
 * window from gtk/help-overlay.ui for every new window, 3.5 ms of
 * start-up (bench/run). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PfWindow *self = PF_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/preflightapp/Preflight/pf-shortcuts-window.ui");

      self->shortcuts = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
    }

  gtk_window_present (self->shortcuts);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PfWindow         *self)
{
  self->discard_unsaved = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
pf_window_close_request (GtkWindow *window)
{
  PfWindow *self = PF_WINDOW (window);
  PfSession *session = pf_window_get_session (self);
  g_autoptr(GError) error = NULL;
  int width, height;

  if (session != NULL && !self->discard_unsaved && !pf_session_flush (session, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Changes Could Not Be Saved"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nIf you close the window now, the changes made "
                                        "since the last successful save are lost."),
                                      error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Open"),
                                        "discard", _("_Close Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response::discard",
                               G_CALLBACK (on_unsaved_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Remembers the page and scroll position of the assessment. */
  if (self->assessment_view != NULL)
    pf_assessment_view_set_session (self->assessment_view, NULL);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  if (GTK_WINDOW_CLASS (pf_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (pf_window_parent_class)->close_request (window);

  return FALSE;
}

/* A window that opens no assessment before it is shown shows the start
 * page, made before the window computes its size. */
static void
pf_window_show (GtkWidget *widget)
{
  PfWindow *self = PF_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->stack) == NULL)
    pf_window_set_session (self, NULL);

  GTK_WIDGET_CLASS (pf_window_parent_class)->show (widget);
}

static void
pf_window_dispose (GObject *object)
{
  PfWindow *self = PF_WINDOW (object);

  g_clear_object (&self->settings);
  close_comparison (self);
  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_object (&self->shortcuts);

  G_OBJECT_CLASS (pf_window_parent_class)->dispose (object);
}

static void
pf_window_class_init (PfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pf_window_dispose;
  widget_class->show = pf_window_show;
  window_class->close_request = pf_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.show-start", NULL, show_start_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-previous", NULL,
                                   compare_previous_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
}

static void
pf_window_init (PfWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Until an assessment made from an earlier one is shown. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-previous", FALSE);

  self->settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

PfWindow *
pf_window_new (PfApplication *application)
{
  g_return_val_if_fail (PF_IS_APPLICATION (application), NULL);

  return g_object_new (PF_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
