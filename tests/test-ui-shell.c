/* test-ui-shell.c: the app shell driven through its actions: start view,
 * new assessment, wizard navigation, autosave, reopening, delete and undo,
 * and search in a translated UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pf-application.h"
#include "pf-assessment-view.h"
#include "pf-new-assessment-dialog.h"
#include "pf-start-view.h"
#include "pf-test-catalog.h"
#include "pf-ui-test.h"
#include "pf-window.h"

static PfApplication *app;

static gpointer
dialog_child (gpointer    dialog,
              const char *name)
{
  return pf_ui_test_template_child (dialog, PF_TYPE_NEW_ASSESSMENT_DIALOG, name);
}

static GFile *
assessments_dir (void)
{
  return pf_application_dup_assessments_dir ();
}

static PfWindow *
new_window (void)
{
  PfWindow *window = pf_window_new (app);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* A new window showing a new assessment of @model, the only one saved;
 * its file in @file. */
static PfWindow *
open_new_assessment (const char  *model,
                     GFile      **file)
{
  PfWindow *window;

  pf_ui_test_reset_assessments ();
  *file = pf_ui_test_write_assessment (app, model);
  window = new_window ();
  pf_window_open_file (window, *file);

  return window;
}

/* Answers the built-in pack's first boolean question with @value in
 * @session's assessment; returns the question's id. */
static const char *
answer_boolean (PfSession *session,
                gboolean   value)
{
  PfQuestion *question = pf_ui_test_find_boolean_question (pf_ui_test_builtin_pack (app));
  g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), value);
  g_autoptr(GError) error = NULL;

  pf_assessment_set_value (pf_session_get_assessment (session), pf_question_get_id (question),
                           node, &error);
  g_assert_no_error (error);

  return pf_question_get_id (question);
}

static void
close_window (PfWindow *window)
{
  g_autoptr(GtkWidget) ref = g_object_ref (GTK_WIDGET (window));

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

/* The window makes each view when it first shows it. */
static PfAssessmentView *
get_assessment_view (PfWindow *window)
{
  GtkWidget *view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_ASSESSMENT_VIEW);

  g_assert_nonnull (view);

  return PF_ASSESSMENT_VIEW (view);
}

static PfStartView *
get_start_view (PfWindow *window)
{
  GtkWidget *view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW);

  g_assert_nonnull (view);

  return PF_START_VIEW (view);
}

static const char *
visible_child_name (gpointer    widget,
                    GType       type,
                    const char *stack)
{
  return gtk_stack_get_visible_child_name (pf_ui_test_template_child (widget, type, stack));
}

static void
test_start_view (void)
{
  g_autoptr(GFile) dir = assessments_dir ();
  g_autoptr(GFile) broken = NULL;
  const char *pack_title;
  GtkWidget *pack_label;
  GtkWidget *row;
  GtkMenuButton *menu_button;
  PfWindow *window;
  PfStartView *view;
  g_autoptr(GFile) file = NULL;

  pf_ui_test_reset_assessments ();
  window = new_window ();
  view = get_start_view (window);

  g_assert_cmpstr (visible_child_name (window, PF_TYPE_WINDOW, "stack"), ==, "start");
  g_assert_cmpstr (visible_child_name (view, PF_TYPE_START_VIEW, "stack"), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 0);

  /* The main menu is made when first opened, from the template's model. */
  menu_button = pf_ui_test_template_child (view, PF_TYPE_START_VIEW, "menu_button");
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popup (menu_button);
  g_assert_true (gtk_menu_button_get_menu_model (menu_button) ==
                 pf_ui_test_template_child (view, PF_TYPE_START_VIEW, "primary_menu"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  gtk_menu_button_popdown (menu_button);

  file = pf_ui_test_write_assessment (app, "Alpha");
  pf_start_view_reload (view);

  g_assert_cmpstr (visible_child_name (view, PF_TYPE_START_VIEW, "stack"), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 1);
  {
    g_autoptr(GFile) listed = g_list_model_get_item (pf_start_view_get_assessments (view), 0);

    g_assert_true (g_file_equal (listed, file));
  }

  /* One pack for all: named once above the list, not on each row. */
  pack_label = pf_ui_test_template_child (view, PF_TYPE_START_VIEW, "pack_label");
  pack_title = pf_criteria_pack_get_title (pf_ui_test_builtin_pack (app));
  g_assert_true (gtk_widget_get_visible (pack_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pack_label)), pack_title));
  row = pf_ui_test_find_row (GTK_WIDGET (view), "Alpha 1.0");
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), pack_title));
  /* The tooltip, set before the row was in the window, has the whole
   * subtitle, and the row is still shown. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==,
                   adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_true (gtk_widget_get_visible (row));

  /* An unreadable file has no pack: then each row names its own. */
  broken = g_file_get_child (dir, "broken.preflight");
  g_assert_true (g_file_replace_contents (broken, "{", 1, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  pf_start_view_reload (view);
  g_assert_false (gtk_widget_get_visible (pack_label));
  row = pf_ui_test_find_row (GTK_WIDGET (view), "Alpha 1.0");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), pack_title));
  g_assert_true (g_file_delete (broken, NULL, NULL));

  /* Activating the row's action opens the assessment in the window. */
  gtk_widget_activate_action (GTK_WIDGET (view), "start.open", "s", g_file_peek_path (file));
  g_assert_nonnull (pf_window_get_session (window));
  g_assert_cmpstr (visible_child_name (window, PF_TYPE_WINDOW, "stack"), ==, "assessment");

  close_window (window);
}

static gboolean
lists_two (gpointer view)
{
  return g_list_model_get_n_items (pf_start_view_get_assessments (view)) == 2;
}

/* An assessment written by another program (or window) into the folder
 * appears on a start page that shows, without anyone reloading it. */
static void
test_start_view_follows_folder (void)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  PfWindow *window;
  PfStartView *view;

  pf_ui_test_reset_assessments ();
  first = pf_ui_test_write_assessment (app, "Swift");
  window = new_window ();
  view = get_start_view (window);
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 1);

  /* A keyboard user on the first row stays on it when the list is made
   * again. */
  gtk_widget_grab_focus (pf_ui_test_find_row (GTK_WIDGET (view), "Swift 1.0"));
  second = pf_ui_test_write_assessment (app, "Martin");
  pf_ui_test_wait_until (lists_two, view, 10);
  g_assert_nonnull (pf_ui_test_find_row (GTK_WIDGET (view), "Martin 1.0"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                 == pf_ui_test_find_row (GTK_WIDGET (view), "Swift 1.0"));

  close_window (window);
}

static void
test_new_assessment (void)
{
  PfWindow *window;
  PfNewAssessmentDialog *dialog;
  GtkWidget *create_button;
  PfSession *session;
  g_autoptr(PfAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  pf_ui_test_reset_assessments ();
  window = new_window ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  dialog = pf_ui_test_find_toplevel (PF_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  create_button = dialog_child (dialog, "create_button");

  /* No model name yet: nothing to create. */
  g_assert_false (gtk_widget_get_sensitive (create_button));

  gtk_editable_set_text (dialog_child (dialog, "model_row"), "Falcon");
  gtk_editable_set_text (dialog_child (dialog, "version_row"), "2.1");
  g_assert_true (gtk_widget_get_sensitive (create_button));

  /* A date that does not exist is refused inline. */
  gtk_editable_set_text (dialog_child (dialog, "date_row"), "2026-02-30");
  g_assert_false (gtk_widget_get_sensitive (create_button));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "date_error")));

  gtk_editable_set_text (dialog_child (dialog, "date_row"), "2026-12-01");
  g_assert_true (gtk_widget_get_sensitive (create_button));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "date_error")));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);

  session = pf_window_get_session (window);
  g_assert_nonnull (session);
  g_assert_cmpstr (visible_child_name (window, PF_TYPE_WINDOW, "stack"), ==, "assessment");
  g_assert_null (pf_ui_test_find_toplevel (PF_TYPE_NEW_ASSESSMENT_DIALOG));

  on_disk = pf_assessment_load (pf_session_get_file (session), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_assessment_get_model_name (on_disk), ==, "Falcon");
  g_assert_cmpstr (pf_assessment_get_model_version (on_disk), ==, "2.1");
  g_assert_cmpstr (pf_assessment_get_release_date (on_disk), ==, "2026-12-01");
  {
    g_autofree char *name = g_file_get_basename (pf_session_get_file (session));
    g_autofree char *expected = g_strconcat (pf_assessment_get_id (on_disk), ".preflight", NULL);

    g_assert_cmpstr (name, ==, expected);
  }

  close_window (window);
}

/* Assess a New Version, from the main menu of an open assessment: the new
 * one starts from its answers, each to be reviewed, with its pack. */
static void
test_new_version (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  PfNewAssessmentDialog *dialog;
  PfCriteriaPack *pack;
  PfAssessment *next;
  PfSession *session;
  const char *id;
  PfAnswer *answer;
  PfWindow *window;

  window = open_new_assessment ("Heron", &file);
  pack = pf_assessment_get_pack (pf_session_get_assessment (pf_window_get_session (window)));
  id = answer_boolean (pf_window_get_session (window), TRUE);
  pf_session_flush (pf_window_get_session (window), &error);
  g_assert_no_error (error);
  before = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-version", NULL);
  dialog = pf_ui_test_find_toplevel (PF_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "model_row")), ==, "Heron");
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "pack_row")));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "create_button")));
  gtk_editable_set_text (dialog_child (dialog, "version_row"), "2.0");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);

  session = pf_window_get_session (window);
  g_assert_false (g_file_equal (pf_session_get_file (session), file));
  next = pf_session_get_assessment (session);
  g_assert_cmpstr (pf_assessment_get_model_name (next), ==, "Heron");
  g_assert_cmpstr (pf_assessment_get_model_version (next), ==, "2.0");
  /* The window let the earlier session go; the pack is the catalog's. */
  g_assert_true (pf_assessment_get_pack (next) == pack);
  answer = pf_assessment_get_answer (next, id);
  g_assert_true (pf_answer_is_answered (answer));
  g_assert_true (pf_answer_get_needs_review (answer));
  g_assert_true (g_file_query_exists (pf_session_get_file (session), NULL));

  /* The earlier version's file is as it was. */
  after = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));

  close_window (window);
}

static gboolean
message_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
comparison_shown (gpointer data)
{
  return pf_ui_test_find_toplevel (PF_TYPE_COMPARISON_WINDOW) != NULL;
}

/* Compare With Another Assessment, from the main menu: the changes since
 * the earlier checkpoint, each of which shows its question. */
static void
test_compare (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) unreadable = NULL;
  g_autoptr(GFile) next_file = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(GError) error = NULL;
  PfNewAssessmentDialog *dialog;
  PfComparisonWindow *comparison;
  AdwMessageDialog *message = NULL;
  PfQuestion *question;
  PfSession *session;
  PfWindow *window;
  GtkWidget *row;
  const char *id;

  window = open_new_assessment ("Heron", &file);
  id = answer_boolean (pf_window_get_session (window), TRUE);
  pf_session_flush (pf_window_get_session (window), &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-version", NULL);
  dialog = pf_ui_test_find_toplevel (PF_TYPE_NEW_ASSESSMENT_DIALOG);
  gtk_editable_set_text (dialog_child (dialog, "version_row"), "2.0");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  session = pf_window_get_session (window);
  answer_boolean (session, FALSE);

  /* The new version knows which assessment it came from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-previous", NULL));
  pf_ui_test_wait_until (comparison_shown, NULL, 5);
  comparison = pf_ui_test_find_toplevel (PF_TYPE_COMPARISON_WINDOW);
  gtk_window_destroy (GTK_WINDOW (comparison));

  comparison = pf_window_compare_with (window, file);
  g_assert_nonnull (comparison);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (comparison)));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (comparison)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (comparison)), ==, "Changes Since Heron 1.0");

  question = pf_criteria_pack_lookup_question (pf_session_get_pack (session), id);
  row = pf_ui_test_find_row (GTK_WIDGET (comparison), pf_question_get_prompt (question));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Yes → No");
  g_assert_null (pf_ui_test_find_row (GTK_WIDGET (comparison), "No answer changed"));

  /* Somewhere else first, so that the question's page must be shown. */
  gtk_widget_activate_action (GTK_WIDGET (get_assessment_view (window)), "view.show-page", "s",
                              "timeline");
  g_assert_cmpstr (pf_assessment_view_get_page_name (get_assessment_view (window)), ==, "timeline");
  adw_action_row_activate (ADW_ACTION_ROW (row));
  {
    g_autofree char *expected = g_strconcat ("section:",
                                             pf_section_get_id (pf_question_get_section (question)),
                                             NULL);

    g_assert_cmpstr (pf_assessment_view_get_page_name (get_assessment_view (window)), ==, expected);
  }

  /* It follows the assessment: the answer is back as it was. */
  answer_boolean (session, TRUE);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (pf_ui_test_find_row (GTK_WIDGET (comparison), pf_question_get_prompt (question)));
  g_assert_nonnull (pf_ui_test_find_row (GTK_WIDGET (comparison), "No answer changed"));

  /* Showing another assessment closes it: it would compare with that one. */
  next_file = g_object_ref (pf_session_get_file (session));
  g_object_add_weak_pointer (G_OBJECT (comparison), (gpointer *) &comparison);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-start", NULL);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (comparison);
  pf_window_open_file (window, next_file);

  /* The earlier version's file gone: a dialog says where to look. */
  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-previous", NULL);
  pf_ui_test_wait_until (message_dialog_shown, &message, 5);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "version 1.0"));
  gtk_window_destroy (GTK_WINDOW (message));
  message = NULL;
  g_assert_null (pf_ui_test_find_toplevel (PF_TYPE_COMPARISON_WINDOW));

  /* Not an assessment: a dialog says why, and no comparison opens. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  unreadable = g_file_new_build_filename (g_get_user_cache_dir (), "notes.preflight", NULL);
  g_file_replace_contents (unreadable, "{ not json", 10, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                           NULL, &error);
  g_assert_no_error (error);
  g_assert_null (pf_window_compare_with (window, unreadable));
  pf_ui_test_wait_until (message_dialog_shown, &message, 5);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "notes.preflight"));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_null (pf_ui_test_find_toplevel (PF_TYPE_COMPARISON_WINDOW));

  /* An assessment made from none has nothing to compare with by itself. */
  close_window (window);
  window = open_new_assessment ("Kestrel", &other);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-previous", NULL);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (pf_ui_test_find_toplevel (PF_TYPE_COMPARISON_WINDOW));
  g_assert_false (message_dialog_shown (&message));

  close_window (window);
}

static void
test_wizard_navigation (void)
{
  g_autoptr(GFile) file = NULL;
  PfWindow *window;
  PfAssessmentView *view;
  PfCriteriaPack *pack = pf_ui_test_builtin_pack (app);
  GPtrArray *sections = pf_criteria_pack_get_sections (pack);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last_section = NULL;
  PfSection *second_section;
  PfQuestion *question;
  GtkListBox *sidebar;

  g_assert_cmpuint (sections->len, >=, 2);
  first = g_strconcat ("section:", pf_section_get_id (g_ptr_array_index (sections, 0)), NULL);
  second_section = g_ptr_array_index (sections, 1);
  second = g_strconcat ("section:", pf_section_get_id (second_section), NULL);
  last_section = g_strconcat ("section:",
                              pf_section_get_id (g_ptr_array_index (sections, sections->len - 1)),
                              NULL);

  window = open_new_assessment ("Heron", &file);
  view = get_assessment_view (window);

  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, first);

  /* Back does nothing on the first page. */
  gtk_widget_activate_action (GTK_WIDGET (view), "wizard.back", NULL);
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, first);

  gtk_widget_activate_action (GTK_WIDGET (view), "wizard.next", NULL);
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, second);
  gtk_widget_activate_action (GTK_WIDGET (view), "wizard.back", NULL);
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, first);

  /* After the sections come the pages about the whole assessment. */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.show-page", "s", last_section);
  gtk_widget_activate_action (GTK_WIDGET (view), "wizard.next", NULL);
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, "determination");

  gtk_widget_activate_action (GTK_WIDGET (view), "view.show-page", "s", "export");
  gtk_widget_activate_action (GTK_WIDGET (view), "wizard.next", NULL);
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, "export");

  /* The sidebar: one row per section, then the five other pages. */
  sidebar = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "sidebar_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, sections->len + 4));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, sections->len + 5));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) ==
                 gtk_list_box_get_row_at_index (sidebar, sections->len + 4));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, second);

  /* Jumping to a question shows its section. */
  question = g_ptr_array_index (pf_section_get_questions (g_ptr_array_index (sections, 0)), 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.show-question", "s",
                              pf_question_get_id (question));
  g_assert_cmpstr (pf_assessment_view_get_page_name (view), ==, first);

  close_window (window);
}

static gboolean
session_saved (gpointer data)
{
  return g_strcmp0 (pf_session_get_save_state (data), "saved") == 0;
}

static void
test_autosave (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  PfWindow *window;
  PfSession *session;
  PfAnswer *answer;

  window = open_new_assessment ("Ibis", &file);
  session = pf_window_get_session (window);
  g_assert_cmpstr (pf_session_get_save_state (session), ==, "saved");

  id = answer_boolean (session, TRUE);
  g_assert_cmpstr (pf_session_get_save_state (session), ==, "saving");

  /* Nothing is written before the debounce runs out. */
  on_disk = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (pf_assessment_get_answer (on_disk, id));
  g_clear_object (&on_disk);

  pf_ui_test_wait_until (session_saved, session, 10);

  on_disk = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  answer = pf_assessment_get_answer (on_disk, id);
  g_assert_nonnull (answer);
  g_assert_true (pf_answer_is_answered (answer));
  g_assert_true (json_node_get_boolean (pf_answer_get_value (answer)));

  close_window (window);
}

static gboolean
session_failed (gpointer session)
{
  return g_strcmp0 (pf_session_get_save_state (session), "error") == 0;
}

/* Another program (here a second PfAssessment, as preflight-cli would be)
 * writes the open file: the app's next save leaves that version alone and
 * says so; the view's Overwrite action then keeps the app's version. */
static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfAssessment) other = NULL;
  g_autoptr(PfAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  PfWindow *window;
  PfSession *session;
  gpointer view;

  window = open_new_assessment ("Stork", &file);
  session = pf_window_get_session (window);
  view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_ASSESSMENT_VIEW);

  other = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  pf_assessment_set_model_name (other, "Stork (edited elsewhere)");
  g_assert_true (pf_assessment_save (other, file, &error));
  g_assert_true (g_file_load_contents (file, NULL, &theirs, NULL, NULL, &error));

  id = answer_boolean (session, TRUE);
  pf_ui_test_wait_until (session_failed, session, 10);
  g_assert_error (pf_session_get_save_error (session), PF_ASSESSMENT_ERROR,
                  PF_ASSESSMENT_ERROR_CHANGED_ON_DISK);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, &error));
  g_assert_cmpstr (after, ==, theirs);

  gtk_widget_activate_action (view, "view.overwrite", NULL);
  pf_ui_test_wait_until (session_saved, session, 10);
  on_disk = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_assessment_get_model_name (on_disk), ==, "Stork");
  g_assert_nonnull (pf_assessment_get_answer (on_disk, id));

  close_window (window);
}

static void
run_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

typedef struct
{
  PfSession *session;
  GFile     *file;
} Renamed;

static gboolean
session_file_is (gpointer data)
{
  Renamed *renamed = data;

  return g_file_equal (pf_session_get_file (renamed->session), renamed->file);
}

/* Another program renames the open file: the session follows, and its next
 * save goes to the new name instead of bringing the old one back. */
static void
test_rename_followed (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) new_file = NULL;
  g_autoptr(PfAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  PfWindow *window;
  Renamed renamed;

  window = open_new_assessment ("Heron", &file);
  renamed.session = pf_window_get_session (window);
  parent = g_file_get_parent (file);
  new_file = g_file_get_child (parent, "Heron renamed.preflight");
  renamed.file = new_file;

  g_assert_true (g_file_move (file, new_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pf_ui_test_wait_until (session_file_is, &renamed, 10);
  g_assert_true (g_file_equal (pf_assessment_get_file (pf_session_get_assessment (renamed.session)),
                               new_file));

  id = answer_boolean (renamed.session, TRUE);
  pf_ui_test_wait_until (session_saved, renamed.session, 10);
  g_assert_false (g_file_query_exists (file, NULL));
  on_disk = pf_assessment_load (new_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pf_assessment_get_answer (on_disk, id));

  close_window (window);
  g_assert_true (g_file_delete (new_file, NULL, &error));
}

/* Some programs save by renaming the old version away (a backup) and
 * writing the new one under the name: the session keeps the name and
 * shows that new version. */
static void
test_rename_to_backup_not_followed (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(PfAssessment) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_name = NULL;
  PfWindow *window;
  PfSession *session;

  window = open_new_assessment ("Egret", &file);
  session = pf_window_get_session (window);
  other = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  pf_assessment_set_model_name (other, "Egret (edited elsewhere)");

  backup_name = g_strconcat (g_file_peek_path (file), "~", NULL);
  backup = g_file_new_for_path (backup_name);
  g_assert_true (g_file_move (file, backup, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_true (pf_assessment_save (other, file, &error));
  g_assert_no_error (error);

  run_for_ms (600);
  session = pf_window_get_session (window);
  g_assert_true (g_file_equal (pf_session_get_file (session), file));
  g_assert_cmpstr (pf_assessment_get_model_name (pf_session_get_assessment (session)), ==,
                   "Egret (edited elsewhere)");

  close_window (window);
  g_assert_true (g_file_delete (backup, NULL, &error));
}

typedef struct
{
  PfWindow  *window;
  PfSession *before;  /* compared, not used: it may be gone */
} Reload;

static gboolean
session_replaced (gpointer data)
{
  Reload *reload = data;

  return pf_window_get_session (reload->window) != reload->before;
}

/* Another program writes the open file while nothing is unsaved here: the
 * window shows its version, on the same page, once no export, upload or
 * attaching holds the session. */
static void
test_reloaded_from_disk (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfAssessment) other = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sections = pf_criteria_pack_get_sections (pf_ui_test_builtin_pack (app));
  g_autofree char *second = g_strconcat ("section:",
                                         pf_section_get_id (g_ptr_array_index (sections, 1)),
                                         NULL);
  PfSession *session;
  Reload reload;

  reload.window = open_new_assessment ("Crane", &file);
  gtk_widget_activate_action (GTK_WIDGET (get_assessment_view (reload.window)),
                              "view.show-page", "s", second);
  reload.before = pf_window_get_session (reload.window);

  /* An export or upload under way holds the session: no reload under it. */
  pf_session_hold (reload.before);
  other = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  pf_assessment_set_model_name (other, "Crane (edited elsewhere)");
  g_assert_true (pf_assessment_save (other, file, &error));
  run_for_ms (600);
  g_assert_true (pf_window_get_session (reload.window) == reload.before);

  /* Released, it looks again and shows the other version. */
  pf_session_release (reload.before);
  pf_ui_test_wait_until (session_replaced, &reload, 10);
  session = pf_window_get_session (reload.window);
  g_assert_cmpstr (pf_assessment_get_model_name (pf_session_get_assessment (session)), ==,
                   "Crane (edited elsewhere)");
  g_assert_cmpstr (pf_assessment_view_get_page_name (get_assessment_view (reload.window)), ==,
                   second);
  g_assert_cmpstr (pf_session_get_save_state (session), ==, "saved");

  close_window (reload.window);
}

static void
test_reopen (void)
{
  g_autoptr(GFile) file = NULL;
  const char *id;
  PfWindow *window;
  PfAnswer *answer;

  window = open_new_assessment ("Jay", &file);

  id = answer_boolean (pf_window_get_session (window), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (get_assessment_view (window)), "view.show-page", "s",
                              "timeline");

  /* Back to the start view saves at once, without waiting for the timer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-start", NULL);
  g_assert_null (pf_window_get_session (window));
  g_assert_cmpstr (visible_child_name (window, PF_TYPE_WINDOW, "stack"), ==, "start");
  close_window (window);

  window = new_window ();
  pf_window_open_file (window, file);
  g_assert_cmpstr (pf_assessment_view_get_page_name (get_assessment_view (window)), ==, "timeline");
  answer = pf_assessment_get_answer (pf_session_get_assessment (pf_window_get_session (window)), id);
  g_assert_nonnull (answer);
  g_assert_false (json_node_get_boolean (pf_answer_get_value (answer)));

  close_window (window);
}

static gboolean
has_evidence (gpointer data)
{
  return pf_assessment_get_evidence (data)->len == 1;
}

/* What the window's drop target does with files while an assessment is open. */
static void
test_dropped_evidence (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = assessments_dir ();
  g_autoptr(GFile) report = g_file_get_child (dir, "report.txt");
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  PfAssessment *assessment;
  const PfEvidenceItem *item;
  PfWindow *window;

  pf_ui_test_reset_assessments ();
  file = pf_ui_test_write_assessment (app, "Nightjar");
  g_file_replace_contents (report, "evaluation report\n", 18, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_list_store_append (files, report);

  window = new_window ();
  pf_window_open_file (window, file);
  assessment = pf_session_get_assessment (pf_window_get_session (window));
  pf_assessment_view_add_evidence_files (get_assessment_view (window), G_LIST_MODEL (files));

  g_assert_cmpstr (pf_assessment_view_get_page_name (get_assessment_view (window)), ==, "evidence");
  pf_ui_test_wait_until (has_evidence, assessment, 10);
  item = g_ptr_array_index (pf_assessment_get_evidence (assessment), 0);
  g_assert_cmpstr (item->original_name, ==, "report.txt");
  g_assert_cmpuint (item->size, ==, 18);

  close_window (window);
}

static GtkAdjustment *
find_vadjustment (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = find_vadjustment (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkAdjustment *
visible_page_vadjustment (PfWindow *window)
{
  GtkStack *pages = pf_ui_test_template_child (get_assessment_view (window),
                                               PF_TYPE_ASSESSMENT_VIEW, "page_stack");
  GtkAdjustment *adjustment = find_vadjustment (gtk_stack_get_visible_child (pages));

  g_assert_nonnull (adjustment);

  return adjustment;
}

static gboolean
scrollable_by_100 (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >= 100;
}

static gboolean
scrolled_to_100 (gpointer data)
{
  return G_APPROX_VALUE (gtk_adjustment_get_value (data), 100, 0.5);
}

/* The longest section is taller than a small window: scroll it, close, and
 * find the same position on reopening. */
static void
test_restore_scroll (void)
{
  g_autoptr(GFile) file = NULL;
  GPtrArray *sections = pf_criteria_pack_get_sections (pf_ui_test_builtin_pack (app));
  PfSection *longest = NULL;
  g_autofree char *page = NULL;
  GtkAdjustment *adjustment;
  PfWindow *window;

  for (guint i = 0; i < sections->len; i++)
    {
      PfSection *section = g_ptr_array_index (sections, i);

      if (longest == NULL ||
          pf_section_get_questions (section)->len > pf_section_get_questions (longest)->len)
        longest = section;
    }
  page = g_strconcat ("section:", pf_section_get_id (longest), NULL);

  pf_ui_test_reset_assessments ();
  file = pf_ui_test_write_assessment (app, "Merlin");
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  pf_window_open_file (window, file);
  gtk_widget_activate_action (GTK_WIDGET (get_assessment_view (window)), "view.show-page", "s",
                              page);
  adjustment = visible_page_vadjustment (window);
  pf_ui_test_wait_until (scrollable_by_100, adjustment, 10);
  gtk_adjustment_set_value (adjustment, 100);
  close_window (window);

  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  pf_window_open_file (window, file);
  g_assert_cmpstr (pf_assessment_view_get_page_name (get_assessment_view (window)), ==, page);
  pf_ui_test_wait_until (scrolled_to_100, visible_page_vadjustment (window), 10);

  close_window (window);
}

static void
test_delete_undo (void)
{
  g_autoptr(GFile) keep = NULL;
  g_autoptr(GFile) victim = NULL;
  g_autoptr(GFile) dir = assessments_dir ();
  g_autoptr(GFile) trash = NULL;
  g_autoptr(GFile) trashed = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  PfWindow *window;
  PfStartView *view;
  GListModel *listed;

  pf_ui_test_reset_assessments ();
  keep = pf_ui_test_write_assessment (app, "Kestrel");
  victim = pf_ui_test_write_assessment (app, "Lark");
  window = new_window ();
  view = get_start_view (window);
  listed = pf_start_view_get_assessments (view);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);

  /* Cancelling the question keeps the file. */
  gtk_widget_activate_action (GTK_WIDGET (view), "start.delete", "s", g_file_peek_path (victim));
  dialog = pf_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (g_file_query_exists (victim, NULL));

  gtk_widget_activate_action (GTK_WIDGET (view), "start.delete", "s", g_file_peek_path (victim));
  dialog = pf_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (g_file_query_exists (victim, NULL));
  g_assert_true (g_file_query_exists (keep, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);

  /* The bytes wait in the trash folder until the user undoes. */
  trash = g_file_get_child (dir, "trash");
  name = g_file_get_basename (victim);
  trashed = g_file_get_child (trash, name);
  g_assert_true (g_file_query_exists (trashed, NULL));

  gtk_widget_activate_action (GTK_WIDGET (view), "start.undo-delete", "(ss)",
                              g_file_peek_path (trashed), g_file_peek_path (victim));
  g_assert_true (g_file_query_exists (victim, NULL));
  g_assert_false (g_file_query_exists (trashed, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);

  close_window (window);
}

/* The longest word of @text whose case-folded form is not in @other. */
static char *
dup_word_not_in (const char *text,
                 const char *other)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,.;:?!()“”„\"'-/", -1);
  g_autofree char *folded_other = g_utf8_casefold (other, -1);
  const char *best = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (words[i], -1);

      if (strstr (folded_other, folded) == NULL
          && (best == NULL || strlen (words[i]) > strlen (best)))
        best = words[i];
    }

  g_assert_nonnull (best);
  g_assert_cmpuint (strlen (best), >=, 4);

  return g_strdup (best);
}

typedef struct
{
  GtkWidget  *list;
  const char *title;
  gboolean    listed;
} Listing;

static gboolean
listing_is (gpointer data)
{
  Listing *listing = data;

  return (pf_ui_test_find_row (listing->list, listing->title) != NULL) == listing->listed;
}

/* With a German catalog, a search finds a question by a word shown only in
 * German and by one only in the pack's English, and lists it in German. */
static void
test_search_both_languages (void)
{
  PfSection *section;
  PfQuestion *question;
  const char *english;
  const char *german;
  g_autofree char *german_word = NULL;
  g_autofree char *english_word = NULL;
  g_autoptr(GFile) file = NULL;
  PfAssessmentView *view;
  PfWindow *window;
  GtkEditable *entry;
  Listing listing;

  if (!pf_test_with_catalog ("de"))
    return;

  section = g_ptr_array_index (pf_criteria_pack_get_sections (pf_ui_test_builtin_pack (app)), 0);
  question = g_ptr_array_index (pf_section_get_questions (section), 0);
  english = pf_question_get_prompt (question);
  german = pf_pack_text (english);
  german_word = dup_word_not_in (german, english);
  english_word = dup_word_not_in (english, german);

  window = open_new_assessment ("Heron", &file);
  view = get_assessment_view (window);
  gtk_search_bar_set_search_mode (pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW,
                                                             "search_bar"), TRUE);
  entry = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "search_entry");
  listing.list = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "search_list");
  listing.title = german;

  gtk_editable_set_text (entry, german_word);
  listing.listed = TRUE;
  pf_ui_test_wait_until (listing_is, &listing, 5);

  gtk_editable_set_text (entry, "");
  listing.listed = FALSE;
  pf_ui_test_wait_until (listing_is, &listing, 5);

  gtk_editable_set_text (entry, english_word);
  listing.listed = TRUE;
  pf_ui_test_wait_until (listing_is, &listing, 5);

  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) home = NULL;
  int status;

  home = pf_ui_test_init (&argc, &argv);
  app = pf_ui_test_register_application ();

  g_test_add_func ("/ui/shell/start-view", test_start_view);
  g_test_add_func ("/ui/shell/start-view-follows-folder", test_start_view_follows_folder);
  g_test_add_func ("/ui/shell/new-assessment", test_new_assessment);
  g_test_add_func ("/ui/shell/new-version", test_new_version);
  g_test_add_func ("/ui/shell/compare", test_compare);
  g_test_add_func ("/ui/shell/wizard-navigation", test_wizard_navigation);
  g_test_add_func ("/ui/shell/autosave", test_autosave);
  g_test_add_func ("/ui/shell/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/ui/shell/rename-followed", test_rename_followed);
  g_test_add_func ("/ui/shell/rename-to-backup-not-followed", test_rename_to_backup_not_followed);
  g_test_add_func ("/ui/shell/reloaded-from-disk", test_reloaded_from_disk);
  g_test_add_func ("/ui/shell/reopen", test_reopen);
  g_test_add_func ("/ui/shell/restore-scroll", test_restore_scroll);
  g_test_add_func ("/ui/shell/dropped-evidence", test_dropped_evidence);
  g_test_add_func ("/ui/shell/delete-undo", test_delete_undo);
  g_test_add_func ("/ui/shell/search-both-languages", test_search_both_languages);

  status = g_test_run ();

  g_clear_object (&app);
  pf_ui_test_remove_tree (home);

  return status;
}
