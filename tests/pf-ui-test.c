/* pf-ui-test.c: what the UI tests share: a process set up away from the
 * user's folders and session bus, waiting on the main loop, finding
 * widgets, and removing the folders a test made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pf-ui-test.h"

GFile *
pf_ui_test_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("preflight-ui-XXXXXX", &error);
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  g_assert_no_error (error);
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  cache = g_build_filename (home, "cache", NULL);

  /* Before gtk_test_init(): GLib reads these once, on first use. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  return g_file_new_for_path (home);
}

PfApplication *
pf_ui_test_register_application (void)
{
  PfApplication *app = pf_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

void
pf_ui_test_wait_until (PfUiTestCondition condition,
                       gpointer          data,
                       guint             seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* @root or the first widget below it, depth first, that @matches. */
static GtkWidget *
find_widget (GtkWidget     *root,
             gboolean     (*matches) (GtkWidget *widget, gconstpointer data),
             gconstpointer  data)
{
  if (matches (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
pf_ui_test_find_of_type (GtkWidget *root,
                         GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

PfCriteriaPack *
pf_ui_test_builtin_pack (PfApplication *app)
{
  return pf_pack_catalog_lookup (pf_application_get_pack_catalog (app),
                                 PF_BUILTIN_PACK_ID, NULL, NULL);
}

PfQuestion *
pf_ui_test_find_boolean_question (PfCriteriaPack *pack)
{
  GPtrArray *questions = pf_criteria_pack_get_questions (pack);

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);

      if (pf_question_get_question_type (question) == PF_QUESTION_BOOLEAN &&
          pf_question_get_visible_if (question) == NULL)
        return question;
    }

  g_assert_not_reached ();
}

void
pf_ui_test_reset_assessments (void)
{
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();

  pf_ui_test_remove_tree (dir);
}

GFile *
pf_ui_test_write_assessment (PfApplication *app,
                             const char    *model)
{
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pf_ui_test_builtin_pack (app));
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  pf_assessment_set_model_name (assessment, model);
  pf_assessment_set_model_version (assessment, "1.0");
  name = g_strconcat (pf_assessment_get_id (assessment), ".preflight", NULL);
  file = g_file_get_child (dir, name);
  pf_assessment_save (assessment, file, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

gpointer
pf_ui_test_template_child (gpointer    widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

gpointer
pf_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
pf_ui_test_find_row (GtkWidget  *root,
                     const char *title)
{
  return find_widget (root, is_row_titled, title);
}

static gboolean
is_built_as (GtkWidget     *widget,
             gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

GtkWidget *
pf_ui_test_find_built (GtkWidget  *root,
                       const char *id)
{
  return find_widget (root, is_built_as, id);
}

void
pf_ui_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      pf_ui_test_remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}
