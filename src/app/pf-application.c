/* pf-application.c: the Preflight application: app-wide actions, settings,
 * the pack catalog and the evidence store shared by its windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-file-chooser.h"
#include "pf-partial-import.h"
#include "pf-preferences-window.h"
#include "pf-window.h"

#define HELP_URI "help:preflight"

struct _PfApplication
{
  AdwApplication   parent_instance;

  PfPackCatalog   *catalog;   /* (owned) (nullable) until first use */
  PfEvidenceStore *store;     /* (owned) (nullable) until first use */
};

G_DEFINE_FINAL_TYPE (PfApplication, pf_application, ADW_TYPE_APPLICATION)

/* A window to act in: the active one if it is ours, else the first of ours
 * showing no assessment, else a new one. */
static PfWindow *
get_window (PfApplication *self,
            gboolean       want_empty)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PF_IS_WINDOW (active) && (!want_empty || pf_window_get_session (PF_WINDOW (active)) == NULL))
    return PF_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (PF_IS_WINDOW (l->data) && pf_window_get_session (PF_WINDOW (l->data)) == NULL)
        return PF_WINDOW (l->data);
    }

  /* Not shown yet: a file to open lands in it before its first frame. */
  return pf_window_new (self);
}

static void
pf_application_activate (GApplication *app)
{
  PfApplication *self = PF_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (get_window (self, FALSE)));
}

static void
pf_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PfApplication *self = PF_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      PfWindow *window = get_window (self, TRUE);

      pf_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  PfWindow *window = get_window (PF_APPLICATION (user_data), FALSE);

  gtk_window_present (GTK_WINDOW (window));
  pf_window_show_new_assessment (window);
}

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PfApplication) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  files = pf_file_chooser_open_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not choose a file: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      PfWindow *window = get_window (self, TRUE);

      pf_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PfApplication *self = PF_APPLICATION (user_data);
  g_autoptr(GtkFileFilter) filter = pf_file_chooser_new_assessment_filter ();

  pf_file_chooser_open_async (gtk_application_get_active_window (GTK_APPLICATION (self)),
                              _("Open Assessment"), TRUE, filter, NULL,
                              open_chosen_cb, g_object_ref (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PfApplication *self = PF_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing each window flushes its session; a window whose save fails
   * stays open and says so, and the application keeps running. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PfApplication *self = PF_APPLICATION (user_data);
  static const char *developers[] = { "The Preflight contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Preflight"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Preflight contributors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare, offline, for the voluntary federal security "
                                       "review of frontier AI models. Preflight gives a draft, "
                                       "not an official determination."),
                         "website", "https://github.com/preflightapp/preflight",
                         "issue-url", "https://github.com/preflightapp/preflight/issues",
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PfApplication *self = PF_APPLICATION (user_data);
  GtkWidget *window;

  window = pf_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_help_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GtkWindow *parent = GTK_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *help_dir = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  /* gnome.yelp() installs the pages beside our data dir. */
  help_dir = g_canonicalize_filename (PKGDATADIR "/../help/C/preflight", NULL);

  g_debug ("Could not show %s: %s", HELP_URI, error->message);

  dialog = adw_message_dialog_new (parent, _("Help Is Not Available"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("No help viewer could open the Preflight manual. "
                                    "Install a help viewer such as Yelp, or read the "
                                    "manual's pages in %s."),
                                  help_dir);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PfApplication *self = PF_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (parent == NULL)
    {
      parent = GTK_WINDOW (get_window (self, FALSE));
      gtk_window_present (parent);
    }

  gtk_show_uri_full (parent, HELP_URI, GDK_CURRENT_TIME, NULL, show_help_cb, NULL);
}

/* For tests only (tests/test-ui-crash.c), registered only when the
 * environment has PREFLIGHT_TEST_ACTIONS=1: app.test-answer with parameter
 * "(ss)" (question id, value as JSON) sets that answer in the first open
 * assessment, through the same setter and autosave as its row, so a test can
 * answer questions in a running app over D-Bus (org.gtk.Actions). */
static void
test_answer_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PfApplication *self = PF_APPLICATION (user_data);
  const char *question_id, *json;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_get (param, "(&s&s)", &question_id, &json);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      PfSession *session = PF_IS_WINDOW (l->data) ? pf_window_get_session (l->data) : NULL;

      if (session == NULL)
        continue;
      value = json_from_string (json, &error);
      if (value == NULL
          || !pf_assessment_set_value (pf_session_get_assessment (session), question_id, value,
                                       &error))
        g_message ("app.test-answer %s: %s", question_id,
                   error != NULL ? error->message : "no value");
      return;
    }
  g_message ("app.test-answer %s: no assessment is open", question_id);
}

static const GActionEntry test_actions[] = {
  { "test-answer", test_answer_action, "(ss)" },
};

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
};

static void
pf_application_startup (GApplication *app)
{
  PfApplication *self = PF_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  /* Pango reads the fontconfig set-up in a thread it starts with the font
   * map, and the first text measured waits for it. Started here, it runs
   * while GTK opens the display and sets up GL instead: 3 ms of opening
   * an assessment (bench/run, DESIGN.md §8). */
  pango_cairo_font_map_get_default ();
  G_APPLICATION_CLASS (pf_application_parent_class)->startup (app);

  pf_partial_import_remove_stale ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  if (g_strcmp0 (g_getenv ("PREFLIGHT_TEST_ACTIONS"), "1") == 0)
    g_action_map_add_action_entries (G_ACTION_MAP (self), test_actions,
                                     G_N_ELEMENTS (test_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
pf_application_dispose (GObject *object)
{
  PfApplication *self = PF_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pf_application_parent_class)->dispose (object);
}

static void
pf_application_class_init (PfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pf_application_dispose;

  app_class->activate = pf_application_activate;
  app_class->open = pf_application_open;
  app_class->startup = pf_application_startup;
}

static void
pf_application_init (PfApplication *self)
{
}

PfApplication *
pf_application_new (void)
{
  /* A fixed base path: the .Devel app id must find the same style.css. */
  return g_object_new (PF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/preflightapp/Preflight",
                       NULL);
}

PfPackCatalog *
pf_application_get_pack_catalog (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), NULL);

  if (self->catalog == NULL)
    {
      self->catalog = pf_pack_catalog_new ();

      for (guint i = 0; i < pf_pack_catalog_get_problems (self->catalog)->len; i++)
        {
          const GError *problem = g_ptr_array_index (pf_pack_catalog_get_problems (self->catalog), i);

          g_message ("Skipped an installed criteria pack: %s", problem->message);
        }
    }

  return self->catalog;
}

PfEvidenceStore *
pf_application_get_evidence_store (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    self->store = pf_evidence_store_new_default ();

  return self->store;
}

GFile *
pf_application_dup_assessments_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "preflight", "assessments", NULL);

  return g_file_new_for_path (path);
}
