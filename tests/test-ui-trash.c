/* test-ui-trash.c: deleted assessments: the trash they wait in, the
 * preferences group that restores them or (after asking) deletes them for
 * good, and the partial imports removed at startup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pf-application.h"
#include "pf-assessment-trash.h"
#include "pf-preferences-window.h"
#include "pf-start-view.h"
#include "pf-ui-test.h"
#include "pf-window.h"

static PfApplication *app;

static gpointer
preferences_child (PfPreferencesWindow *preferences,
                   const char          *name)
{
  return pf_ui_test_template_child (preferences, PF_TYPE_PREFERENCES_WINDOW, name);
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);

  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint64
file_size (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  g_assert_no_error (error);

  return g_file_info_get_size (info);
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

static PfPreferencesWindow *
open_preferences (void)
{
  PfPreferencesWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = pf_ui_test_find_toplevel (PF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  return preferences;
}

static guint
count_rows (PfPreferencesWindow *preferences)
{
  GtkWidget *list = preferences_child (preferences, "trash_list");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static const char *
trash_description (PfPreferencesWindow *preferences)
{
  return adw_preferences_group_get_description (preferences_child (preferences, "trash_group"));
}

/* Delete through the start view, find it in the preferences, restore it. */
static void
test_delete_list_restore (void)
{
  g_autoptr(GFile) keep = NULL;
  g_autoptr(GFile) victim = NULL;
  g_autofree char *name = NULL;
  g_autofree char *victim_bytes = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GFile) trashed = NULL;
  PfTrashedAssessment *listed;
  g_autoptr(GPtrArray) trash_list = NULL;
  PfPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *list;
  PfStartView *view;
  PfWindow *window;
  g_autoptr(GError) error = NULL;
  guint64 total = 0;

  pf_ui_test_reset_assessments ();
  keep = pf_ui_test_write_assessment (app, "Kestrel");
  victim = pf_ui_test_write_assessment (app, "Lark");
  victim_bytes = read_file (victim);
  window = pf_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  view = PF_START_VIEW (pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (view), "start.delete", "s", g_file_peek_path (victim));
  dialog = pf_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  destroy_window (dialog);
  g_assert_false (g_file_query_exists (victim, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 1);

  /* The trash lists it by its model, with when it went and its size. */
  trash_list = pf_assessment_trash_list (pf_assessment_trash_get_default (), &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash_list->len, ==, 1);
  listed = g_ptr_array_index (trash_list, 0);
  g_assert_cmpstr (listed->title, ==, "Lark 1.0");
  g_assert_cmpint (ABS (listed->deleted - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  trashed = g_object_ref (listed->file);
  g_assert_cmpuint (listed->size, ==, strlen (victim_bytes));
  g_assert_cmpuint (total, ==, listed->size);

  preferences = open_preferences ();
  g_assert_cmpuint (count_rows (preferences), ==, 1);
  size = g_format_size (total);
  g_assert_nonnull (strstr (trash_description (preferences), "1 deleted assessment takes"));
  g_assert_nonnull (strstr (trash_description (preferences), size));
  row = pf_ui_test_find_row (GTK_WIDGET (preferences), "Lark 1.0");
  g_assert_nonnull (row);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  button = pf_ui_test_find_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Restore “Lark 1.0”");
  list = preferences_child (preferences, "trash_list");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* The row's button restores it under its own name, and the start view
   * lists it again. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (g_file_query_exists (victim, NULL));
  g_assert_false (g_file_query_exists (trashed, NULL));
  {
    g_autofree char *restored_bytes = read_file (victim);

    g_assert_cmpstr (restored_bytes, ==, victim_bytes);
  }
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 2);
  g_assert_cmpuint (count_rows (preferences), ==, 0);
  g_assert_nonnull (strstr (trash_description (preferences), "None"));

  destroy_window (preferences);
  destroy_window (window);
}

/* Emptying asks first; only "empty" deletes. */
static void
test_empty_asks_first (void)
{
  PfAssessmentTrash *trash = pf_assessment_trash_get_default ();
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(GFile) garbled = g_file_get_child (dir, "garbled.preflight");
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) trashed_garbled = NULL;
  g_autoptr(GFile) keep = NULL;
  g_autoptr(GError) error = NULL;
  PfPreferencesWindow *preferences;
  GtkWidget *empty_button;
  AdwMessageDialog *dialog;
  GFile *trashed[3];

  pf_ui_test_reset_assessments ();
  keep = pf_ui_test_write_assessment (app, "Osprey");
  first = pf_ui_test_write_assessment (app, "Petrel");
  second = pf_ui_test_write_assessment (app, "Quail");
  write_file (garbled, "{ not an assessment");
  trashed[0] = pf_assessment_trash_add (trash, first, &error);
  g_assert_no_error (error);
  trashed[1] = pf_assessment_trash_add (trash, second, &error);
  g_assert_no_error (error);
  trashed[2] = pf_assessment_trash_add (trash, garbled, &error);
  g_assert_no_error (error);

  preferences = open_preferences ();
  g_assert_cmpuint (count_rows (preferences), ==, 3);
  g_assert_nonnull (strstr (trash_description (preferences), "3 deleted assessments take"));
  /* An unreadable file is listed by its name. */
  g_assert_nonnull (pf_ui_test_find_row (GTK_WIDGET (preferences), "garbled.preflight"));
  g_assert_nonnull (pf_ui_test_find_row (GTK_WIDGET (preferences), "Petrel 1.0"));
  empty_button = adw_preferences_group_get_header_suffix (preferences_child (preferences,
                                                                             "trash_group"));
  g_assert_true (GTK_IS_BUTTON (empty_button));
  g_assert_true (gtk_widget_is_sensitive (empty_button));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (empty_button),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  g_signal_emit_by_name (empty_button, "clicked");
  dialog = pf_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "empty"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 deleted assessments"));
  adw_message_dialog_response (dialog, "cancel");
  destroy_window (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (trashed); i++)
    g_assert_true (g_file_query_exists (trashed[i], NULL));
  g_assert_cmpuint (count_rows (preferences), ==, 3);

  g_signal_emit_by_name (empty_button, "clicked");
  dialog = pf_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "empty");
  destroy_window (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (trashed); i++)
    g_assert_false (g_file_query_exists (trashed[i], NULL));
  g_assert_true (g_file_query_exists (keep, NULL));
  g_assert_cmpuint (count_rows (preferences), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (empty_button));

  for (guint i = 0; i < G_N_ELEMENTS (trashed); i++)
    g_object_unref (trashed[i]);
  destroy_window (preferences);
}

/* Neither a second deletion of a name nor a restore over a file that took
 * the name replaces anything. */
static void
test_free_names (void)
{
  PfAssessmentTrash *trash = pf_assessment_trash_get_default ();
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "model.preflight");
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *restored_name = NULL;
  g_autofree char *contents = NULL;

  pf_ui_test_reset_assessments ();
  write_file (file, "first");
  first = pf_assessment_trash_add (trash, file, &error);
  g_assert_no_error (error);
  write_file (file, "second");
  second = pf_assessment_trash_add (trash, file, &error);
  g_assert_no_error (error);
  first_name = g_file_get_basename (first);
  second_name = g_file_get_basename (second);
  g_assert_cmpstr (first_name, ==, "model.preflight");
  g_assert_cmpstr (second_name, ==, "1-model.preflight");

  write_file (file, "third");
  restored = pf_assessment_trash_restore (trash, first, &error);
  g_assert_no_error (error);
  restored_name = g_file_get_basename (restored);
  g_assert_cmpstr (restored_name, ==, "1-model.preflight");
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "third");
  g_free (contents);
  contents = read_file (restored);
  g_assert_cmpstr (contents, ==, "first");
  g_assert_true (g_file_query_exists (second, NULL));
  g_assert_cmpuint (file_size (second), ==, strlen ("second"));
}

/* A crashed import's hidden file goes at startup; nothing else does. */
static void
test_stale_partial_import (void)
{
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(GFile) partial = g_file_get_child (dir, ".import-x.part");
  g_autoptr(GFile) other_part = g_file_get_child (dir, "notes.part");
  g_autoptr(GFile) assessment = NULL;
  g_autoptr(PfApplication) second_app = NULL;

  pf_ui_test_reset_assessments ();
  assessment = pf_ui_test_write_assessment (app, "Raven");
  write_file (partial, "{}");
  write_file (other_part, "mine");

  second_app = pf_ui_test_register_application ();

  g_assert_false (g_file_query_exists (partial, NULL));
  g_assert_true (g_file_query_exists (assessment, NULL));
  g_assert_true (g_file_query_exists (other_part, NULL));
}

/* Like import, restore brings back no second copy of an assessment id. */
static void
test_same_id (void)
{
  PfAssessmentTrash *trash = pf_assessment_trash_get_default ();
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(GFile) listed = NULL;
  g_autoptr(GFile) copy = g_file_get_child (dir, "copy.preflight");
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GFile) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  pf_ui_test_reset_assessments ();
  listed = pf_ui_test_write_assessment (app, "Razorbill");
  contents = read_file (listed);
  write_file (copy, contents);
  trashed = pf_assessment_trash_add (trash, copy, &error);
  g_assert_no_error (error);

  restored = pf_assessment_trash_restore (trash, trashed, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (restored);
  g_assert_nonnull (strstr (error->message, "same id"));
  g_assert_true (g_file_query_exists (trashed, NULL));
  g_assert_false (g_file_query_exists (copy, NULL));
  g_clear_error (&error);

  /* Once the listed copy is gone, the deleted one comes back. */
  g_assert_true (g_file_delete (listed, NULL, NULL));
  restored = pf_assessment_trash_restore (trash, trashed, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (restored, copy));
  g_assert_false (g_file_query_exists (trashed, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) home = NULL;
  int status;

  /* The test AT context records the names the app sets. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  home = pf_ui_test_init (&argc, &argv);
  app = pf_ui_test_register_application ();

  g_test_add_func ("/ui/trash/delete-list-restore", test_delete_list_restore);
  g_test_add_func ("/ui/trash/empty-asks-first", test_empty_asks_first);
  g_test_add_func ("/ui/trash/free-names", test_free_names);
  g_test_add_func ("/ui/trash/same-id", test_same_id);
  g_test_add_func ("/ui/trash/stale-partial-import", test_stale_partial_import);

  status = g_test_run ();

  g_clear_object (&app);
  pf_ui_test_remove_tree (home);

  return status;
}
