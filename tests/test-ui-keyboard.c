/* test-ui-keyboard.c: real key presses reach the app. xdotool sends X
 * events through the X server (XTEST) to the focused window, so these
 * tests exercise the accelerators, shortcut controllers, default widgets
 * and mnemonics as a user at the keyboard does, not the actions behind
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

#include "pf-application.h"
#include "pf-assessment-view.h"
#include "pf-comparison-window.h"
#include "pf-new-assessment-dialog.h"
#include "pf-preferences-window.h"
#include "pf-start-view.h"
#include "pf-ui-test.h"
#include "pf-window.h"

/* Seconds to wait for the X server and the app to act on a key. */
#define KEY_TIMEOUT 10

static PfApplication *app;
static const char *skip_reason;

/* Running xdotool */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *output;
} Run;

static void
on_run_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  if (g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->output,
                                            NULL, &error))
    run->ok = g_subprocess_get_successful (G_SUBPROCESS (object));
  else
    run->output = g_strdup (error->message);
  run->done = TRUE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

/* Runs xdotool with the NULL-terminated arguments while the main context
 * keeps turning (the app answers the X server meanwhile); returns whether
 * it succeeded and, in @output, what it printed. */
static gboolean
try_xdotool (char       **output,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { FALSE, FALSE, NULL };
  va_list ap;

  g_ptr_array_add (args, (gpointer) "xdotool");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_run_done, &run);
  pf_ui_test_wait_until (run_done, &run, KEY_TIMEOUT);
  *output = run.output;

  return run.ok;
}

/* Sends key combinations (xdotool names: "ctrl+n", "alt+Right",
 * "Escape") to the window that has the X input focus. */
static void
press (const char *keys)
{
  g_autofree char *output = NULL;

  if (!try_xdotool (&output, "key", "--delay", "30", keys, NULL))
    g_error ("xdotool key %s failed: %s", keys, output);
}

static void
type_text (const char *text)
{
  g_autofree char *output = NULL;

  if (!try_xdotool (&output, "type", "--delay", "30", text, NULL))
    g_error ("xdotool type %s failed: %s", text, output);
}

static gboolean
surface_mapped (gpointer data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (data));

  return surface != NULL && gdk_surface_get_mapped (surface);
}

/* Gives @window the X input focus. Plain Xvfb has no window manager, so
 * nothing else moves it; xdotool's --sync waits until the server agrees.
 * A window the server has not mapped yet refuses the focus, hence the
 * retries. */
static void
focus (gpointer window)
{
  gint64 deadline = g_get_monotonic_time () + KEY_TIMEOUT * G_USEC_PER_SEC;
  g_autofree char *xid = NULL;
  GdkSurface *surface;

  pf_ui_test_wait_until (surface_mapped, window, KEY_TIMEOUT);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  for (;;)
    {
      g_autofree char *output = NULL;

      if (try_xdotool (&output, "windowfocus", "--sync", xid, NULL))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("xdotool could not focus window %s: %s", xid, output);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Conditions to wait on */

static gboolean
has_toplevel (gpointer type)
{
  return pf_ui_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
no_toplevel (gpointer type)
{
  return !has_toplevel (type);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
has_session (gpointer window)
{
  return pf_window_get_session (window) != NULL;
}

static gboolean
file_exists (gpointer file)
{
  return g_file_query_exists (file, NULL);
}

static gboolean
file_gone (gpointer file)
{
  return !file_exists (file);
}

typedef struct
{
  gpointer    widget;
  const char *text;
} Expected;

static gboolean
has_text (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (gtk_editable_get_text (expected->widget), expected->text) == 0;
}

static gboolean
shows_page (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (pf_assessment_view_get_page_name (expected->widget), expected->text) == 0;
}

static gboolean
stack_shows (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (expected->widget), expected->text) == 0;
}

static gboolean
has_focus_within (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
search_mode_on (gpointer search_bar)
{
  return gtk_search_bar_get_search_mode (search_bar);
}

static gboolean
search_mode_off (gpointer search_bar)
{
  return !search_mode_on (search_bar);
}

static void
track_destruction (gpointer  object,
                   gpointer *pointer)
{
  *pointer = object;
  g_object_add_weak_pointer (object, pointer);
}

static PfWindow *
new_window (void)
{
  PfWindow *window = pf_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  focus (window);

  return window;
}

static void
close_window (PfWindow *window)
{
  gpointer alive = NULL;

  track_destruction (window, &alive);
  gtk_window_close (GTK_WINDOW (window));
  pf_ui_test_wait_until (is_null, &alive, KEY_TIMEOUT);
}

/* The tests */

/* Ctrl+N, the model name and version typed in, Enter creates it. */
static void
test_new_assessment (void)
{
  PfNewAssessmentDialog *dialog;
  g_autoptr(PfAssessment) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  PfWindow *window;
  PfSession *session;
  Expected model;
  Expected version;
  Expected stack;

  pf_ui_test_reset_assessments ();
  window = new_window ();

  press ("ctrl+n");
  pf_ui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (PF_TYPE_NEW_ASSESSMENT_DIALOG),
                         KEY_TIMEOUT);
  dialog = pf_ui_test_find_toplevel (PF_TYPE_NEW_ASSESSMENT_DIALOG);
  focus (dialog);

  /* The cursor starts in the model name. */
  model.widget = pf_ui_test_template_child (dialog, PF_TYPE_NEW_ASSESSMENT_DIALOG, "model_row");
  model.text = "Falcon";
  g_assert_true (has_focus_within (model.widget));
  type_text (model.text);
  pf_ui_test_wait_until (has_text, &model, KEY_TIMEOUT);

  version.widget = pf_ui_test_template_child (dialog, PF_TYPE_NEW_ASSESSMENT_DIALOG, "version_row");
  version.text = "2.1";
  press ("Tab");
  pf_ui_test_wait_until (has_focus_within, version.widget, KEY_TIMEOUT);
  type_text (version.text);
  pf_ui_test_wait_until (has_text, &version, KEY_TIMEOUT);

  /* Enter in a row activates the dialog's default: Create. */
  press ("Return");
  pf_ui_test_wait_until (has_session, window, KEY_TIMEOUT);
  pf_ui_test_wait_until (no_toplevel, GSIZE_TO_POINTER (PF_TYPE_NEW_ASSESSMENT_DIALOG),
                         KEY_TIMEOUT);
  stack.widget = pf_ui_test_template_child (window, PF_TYPE_WINDOW, "stack");
  stack.text = "assessment";
  g_assert_true (stack_shows (&stack));

  session = pf_window_get_session (window);
  on_disk = pf_assessment_load (pf_session_get_file (session), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_assessment_get_model_name (on_disk), ==, "Falcon");
  g_assert_cmpstr (pf_assessment_get_model_version (on_disk), ==, "2.1");

  close_window (window);
}

/* Escape on the New Assessment dialog cancels it: nothing is created. */
static void
test_new_assessment_escape (void)
{
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  PfWindow *window;

  pf_ui_test_reset_assessments ();
  window = new_window ();

  press ("ctrl+n");
  pf_ui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (PF_TYPE_NEW_ASSESSMENT_DIALOG),
                         KEY_TIMEOUT);
  focus (pf_ui_test_find_toplevel (PF_TYPE_NEW_ASSESSMENT_DIALOG));
  type_text ("Gannet");
  press ("Escape");
  pf_ui_test_wait_until (no_toplevel, GSIZE_TO_POINTER (PF_TYPE_NEW_ASSESSMENT_DIALOG),
                         KEY_TIMEOUT);
  g_assert_null (pf_window_get_session (window));
  g_assert_false (g_file_query_exists (dir, NULL));

  close_window (window);
}

/* A word of @prompt long enough to find few questions. */
static char *
dup_search_word (const char *prompt)
{
  g_auto(GStrv) words = g_strsplit_set (prompt, " ,.;:?!()“”\"'-/", -1);
  const char *best = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (best == NULL || strlen (words[i]) > strlen (best))
      best = words[i];

  g_assert_nonnull (best);
  g_assert_cmpuint (strlen (best), >=, 4);

  return g_strdup (best);
}

/* Whether the search results list the question @data. */
static gboolean
results_list (gpointer data)
{
  Expected *expected = data;

  return pf_ui_test_find_row (expected->widget, expected->text) != NULL;
}

/* Alt+Right and Alt+Left walk the wizard; Ctrl+F finds; Escape stops. */
static void
test_wizard_and_search (void)
{
  GPtrArray *sections = pf_criteria_pack_get_sections (pf_ui_test_builtin_pack (app));
  PfSection *first_section = g_ptr_array_index (sections, 0);
  PfQuestion *question = g_ptr_array_index (pf_section_get_questions (first_section), 0);
  g_autofree char *first = g_strconcat ("section:", pf_section_get_id (first_section), NULL);
  g_autofree char *second = NULL;
  g_autofree char *word = dup_search_word (pf_question_get_prompt (question));
  g_autoptr(GFile) file = NULL;
  GtkSearchBar *search_bar;
  PfAssessmentView *view;
  PfWindow *window;
  Expected page;
  Expected results;
  Expected content;
  Expected entry;

  g_assert_cmpuint (sections->len, >=, 2);
  second = g_strconcat ("section:",
                        pf_section_get_id (g_ptr_array_index (sections, 1)), NULL);

  pf_ui_test_reset_assessments ();
  file = pf_ui_test_write_assessment (app, "Heron");
  window = new_window ();
  pf_window_open_file (window, file);
  view = PF_ASSESSMENT_VIEW (pf_ui_test_find_of_type (GTK_WIDGET (window),
                                                      PF_TYPE_ASSESSMENT_VIEW));
  page.widget = view;
  page.text = first;
  g_assert_true (shows_page (&page));

  press ("alt+Right");
  page.text = second;
  pf_ui_test_wait_until (shows_page, &page, KEY_TIMEOUT);
  press ("alt+Left");
  page.text = first;
  pf_ui_test_wait_until (shows_page, &page, KEY_TIMEOUT);

  search_bar = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "search_bar");
  entry.widget = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "search_entry");
  entry.text = word;
  press ("ctrl+f");
  pf_ui_test_wait_until (search_mode_on, search_bar, KEY_TIMEOUT);
  pf_ui_test_wait_until (has_focus_within, entry.widget, KEY_TIMEOUT);
  /* Keys that come before the search bar's first frame, while the entry
   * is focused but not yet mapped, are dropped by GTK; a person is not
   * that fast. */
  pf_ui_test_wait_until (is_mapped, entry.widget, KEY_TIMEOUT);
  type_text (word);
  pf_ui_test_wait_until (has_text, &entry, KEY_TIMEOUT);

  /* The entry searches after a short pause; the question is listed. */
  content.widget = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "content_stack");
  content.text = "results";
  pf_ui_test_wait_until (stack_shows, &content, KEY_TIMEOUT);
  results.widget = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "search_list");
  results.text = pf_question_get_prompt (question);
  pf_ui_test_wait_until (results_list, &results, KEY_TIMEOUT);

  press ("Escape");
  pf_ui_test_wait_until (search_mode_off, search_bar, KEY_TIMEOUT);
  content.text = "pages";
  g_assert_true (stack_shows (&content));
  g_assert_cmpstr (gtk_editable_get_text (entry.widget), ==, "");
  g_assert_true (shows_page (&page));

  close_window (window);
}

static gboolean
menu_open (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static gboolean
menu_closed (gpointer button)
{
  return !menu_open (button);
}

static void
press_f10_and_escape (GtkMenuButton *button)
{
  press ("F10");
  pf_ui_test_wait_until (menu_open, button, KEY_TIMEOUT);
  press ("Escape");
  pf_ui_test_wait_until (menu_closed, button, KEY_TIMEOUT);
}

/* F10 opens the main menu of the view the window shows, Escape closes it:
 * on the start page and in an assessment. */
static void
test_main_menu (void)
{
  g_autoptr(GFile) file = NULL;
  PfWindow *window;
  gpointer view;

  pf_ui_test_reset_assessments ();
  file = pf_ui_test_write_assessment (app, "Tern");
  window = new_window ();
  view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW);
  press_f10_and_escape (pf_ui_test_template_child (view, PF_TYPE_START_VIEW, "menu_button"));

  pf_window_open_file (window, file);
  view = pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_ASSESSMENT_VIEW);
  press_f10_and_escape (pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "menu_button"));

  close_window (window);
}

static gboolean
transition_done (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

static gboolean
shows_other_page (gpointer data)
{
  return !shows_page (data);
}

/* Heron 2.0, made from Heron 1.0 with one answer changed, saved beside it
 * in the assessments folder; returns its file. */
static GFile *
write_next_version (const char **question_id)
{
  g_autoptr(GFile) first = pf_ui_test_write_assessment (app, "Heron");
  g_autoptr(PfAssessment) previous = NULL;
  g_autoptr(PfAssessment) next = NULL;
  g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(GError) error = NULL;
  GFile *file;

  previous = pf_pack_catalog_load_assessment (pf_application_get_pack_catalog (app), first, &error);
  g_assert_no_error (error);
  next = pf_assessment_new_successor (previous);
  pf_assessment_set_model_version (next, "2.0");
  *question_id = pf_question_get_id (pf_ui_test_find_boolean_question (pf_ui_test_builtin_pack (app)));
  pf_assessment_set_value (next, *question_id, yes, &error);
  g_assert_no_error (error);
  file = g_file_get_child (dir, "heron-2.0.preflight");
  pf_assessment_save (next, file, &error);
  g_assert_no_error (error);

  return file;
}

/* F10, Down and Enter compare with the previous version; Tab and Enter
 * on a changed answer show its question; Escape closes the comparison. */
static void
test_compare_previous (void)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *section = NULL;
  gpointer comparison = NULL;
  const char *question_id;
  PfAssessmentView *view;
  PfWindow *window;
  Expected page;

  pf_ui_test_reset_assessments ();
  file = write_next_version (&question_id);
  section = g_strconcat ("section:", pf_section_get_id (pf_question_get_section (
                           pf_criteria_pack_lookup_question (pf_ui_test_builtin_pack (app),
                                                             question_id))), NULL);
  window = new_window ();
  pf_window_open_file (window, file);
  view = PF_ASSESSMENT_VIEW (pf_ui_test_find_of_type (GTK_WIDGET (window),
                                                      PF_TYPE_ASSESSMENT_VIEW));
  page.widget = view;
  page.text = section;
  g_assert_true (shows_page (&page));
  /* Away from the question's page, so that the comparison must bring it
   * back. */
  press ("alt+Right");
  pf_ui_test_wait_until (shows_other_page, &page, KEY_TIMEOUT);
  /* A key pressed while the pages slide is dropped; a person is not that
   * fast. */
  pf_ui_test_wait_until (transition_done,
                         pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "page_stack"),
                         KEY_TIMEOUT);

  press ("F10");
  pf_ui_test_wait_until (menu_open, pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW,
                                                               "menu_button"), KEY_TIMEOUT);
  press ("Down");
  press ("Return");
  pf_ui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (PF_TYPE_COMPARISON_WINDOW), KEY_TIMEOUT);

  comparison = pf_ui_test_find_toplevel (PF_TYPE_COMPARISON_WINDOW);
  track_destruction (comparison, &comparison);

  /* The outcome row first, then the changed answer. */
  focus (comparison);
  press ("Tab");
  press ("Return");
  pf_ui_test_wait_until (shows_page, &page, KEY_TIMEOUT);

  focus (comparison);
  press ("Escape");
  pf_ui_test_wait_until (is_null, &comparison, KEY_TIMEOUT);

  close_window (window);
}

static AdwMessageDialog *
ask_to_delete (PfStartView *view,
               GFile       *file)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (view), "start.delete", "s", g_file_peek_path (file));
  dialog = pf_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  focus (dialog);

  return dialog;
}

/* The delete confirmation: Escape and Enter keep the file (Cancel is the
 * default), its Delete mnemonic deletes, the toast's Undo mnemonic
 * brings it back. */
static void
test_delete_confirmation (void)
{
  g_autoptr(GFile) file = NULL;
  gpointer dialog = NULL;
  PfStartView *view;
  PfWindow *window;

  pf_ui_test_reset_assessments ();
  file = pf_ui_test_write_assessment (app, "Kestrel");
  window = new_window ();
  view = PF_START_VIEW (pf_ui_test_find_of_type (GTK_WIDGET (window), PF_TYPE_START_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 1);

  track_destruction (ask_to_delete (view, file), &dialog);
  press ("Escape");
  pf_ui_test_wait_until (is_null, &dialog, KEY_TIMEOUT);
  g_assert_true (g_file_query_exists (file, NULL));

  track_destruction (ask_to_delete (view, file), &dialog);
  press ("Return");
  pf_ui_test_wait_until (is_null, &dialog, KEY_TIMEOUT);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 1);

  track_destruction (ask_to_delete (view, file), &dialog);
  press ("alt+d");
  pf_ui_test_wait_until (file_gone, file, KEY_TIMEOUT);
  pf_ui_test_wait_until (is_null, &dialog, KEY_TIMEOUT);
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 0);

  /* The dialog took the focus with it; the toast is in the window. */
  focus (window);
  press ("alt+u");
  pf_ui_test_wait_until (file_exists, file, KEY_TIMEOUT);
  g_assert_cmpuint (g_list_model_get_n_items (pf_start_view_get_assessments (view)), ==, 1);

  close_window (window);
}

/* Ctrl+? shows the shortcuts, Escape hides them, Ctrl+W closes a window
 * and Ctrl+Q all of them, saving the answer not yet written. */
static void
test_shortcuts_close_quit (void)
{
  PfCriteriaPack *pack = pf_ui_test_builtin_pack (app);
  const char *id = pf_question_get_id (pf_ui_test_find_boolean_question (pack));
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(PfAssessment) on_disk = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gpointer first = NULL;
  gpointer second = NULL;
  PfSession *session;
  PfWindow *window;
  PfAnswer *answer;

  pf_ui_test_reset_assessments ();
  window = new_window ();

  press ("ctrl+question");
  pf_ui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), KEY_TIMEOUT);
  focus (pf_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  press ("Escape");
  pf_ui_test_wait_until (no_toplevel, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), KEY_TIMEOUT);

  focus (window);
  track_destruction (window, &first);
  press ("ctrl+w");
  pf_ui_test_wait_until (is_null, &first, KEY_TIMEOUT);

  file = pf_ui_test_write_assessment (app, "Osprey");
  track_destruction (new_window (), &first);
  window = new_window ();
  track_destruction (window, &second);
  pf_window_open_file (window, file);
  session = pf_window_get_session (window);
  pf_assessment_set_value (pf_session_get_assessment (session), id, yes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_session_get_save_state (session), ==, "saving");

  press ("ctrl+q");
  pf_ui_test_wait_until (is_null, &first, KEY_TIMEOUT);
  pf_ui_test_wait_until (is_null, &second, KEY_TIMEOUT);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  on_disk = pf_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  answer = pf_assessment_get_answer (on_disk, id);
  g_assert_nonnull (answer);
  g_assert_true (json_node_get_boolean (pf_answer_get_value (answer)));
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* F9 hides and shows the sidebar; Ctrl+, opens the preferences and Ctrl+O
 * the file chooser, Escape closing each. (F1 is left out: it would start
 * Yelp, which the test packages install.) */
static void
test_sidebar_preferences_open (void)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *sidebar;
  PfAssessmentView *view;
  PfWindow *window;

  pf_ui_test_reset_assessments ();
  file = pf_ui_test_write_assessment (app, "Gannet");
  window = new_window ();
  pf_window_open_file (window, file);
  view = PF_ASSESSMENT_VIEW (pf_ui_test_find_of_type (GTK_WIDGET (window),
                                                      PF_TYPE_ASSESSMENT_VIEW));
  sidebar = pf_ui_test_template_child (view, PF_TYPE_ASSESSMENT_VIEW, "sidebar");
  g_assert_true (gtk_widget_get_visible (sidebar));

  press ("F9");
  pf_ui_test_wait_until (is_hidden, sidebar, KEY_TIMEOUT);
  press ("F9");
  pf_ui_test_wait_until (is_shown, sidebar, KEY_TIMEOUT);

  press ("ctrl+comma");
  pf_ui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (PF_TYPE_PREFERENCES_WINDOW), KEY_TIMEOUT);
  focus (pf_ui_test_find_toplevel (PF_TYPE_PREFERENCES_WINDOW));
  press ("Escape");
  pf_ui_test_wait_until (no_toplevel, GSIZE_TO_POINTER (PF_TYPE_PREFERENCES_WINDOW), KEY_TIMEOUT);

  focus (window);
  press ("ctrl+o");
  pf_ui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), KEY_TIMEOUT);
  focus (pf_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  press ("Escape");
  pf_ui_test_wait_until (no_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), KEY_TIMEOUT);
  g_assert_true (pf_window_get_session (window) != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef void (*TestFunc) (void);

/* Skips every test, saying why, when there is no X server to send to. */
static void
run_test (gconstpointer data)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  ((TestFunc) data) ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) home = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      skip_reason = "no X display (DISPLAY is unset): run under xvfb-run -a";
      g_test_init (&argc, &argv, NULL);
    }
  else
    {
      g_autofree char *xdotool = g_find_program_in_path ("xdotool");

      if (xdotool == NULL)
        g_error ("xdotool is not installed (Debian package xdotool, build-aux/debian-packages)");
      /* Key events go through the X server, also when Wayland is there. */
      g_setenv ("GDK_BACKEND", "x11", TRUE);
      home = pf_ui_test_init (&argc, &argv);
      app = pf_ui_test_register_application ();
    }

  g_test_add_data_func ("/ui/keyboard/new-assessment", test_new_assessment, run_test);
  g_test_add_data_func ("/ui/keyboard/new-assessment-escape", test_new_assessment_escape,
                        run_test);
  g_test_add_data_func ("/ui/keyboard/wizard-and-search", test_wizard_and_search, run_test);
  g_test_add_data_func ("/ui/keyboard/main-menu", test_main_menu, run_test);
  g_test_add_data_func ("/ui/keyboard/compare-previous", test_compare_previous, run_test);
  g_test_add_data_func ("/ui/keyboard/delete-confirmation", test_delete_confirmation, run_test);
  g_test_add_data_func ("/ui/keyboard/sidebar-preferences-open",
                        test_sidebar_preferences_open, run_test);
  g_test_add_data_func ("/ui/keyboard/shortcuts-close-quit", test_shortcuts_close_quit,
                        run_test);

  status = g_test_run ();

  g_clear_object (&app);
  if (home != NULL)
    pf_ui_test_remove_tree (home);

  return status;
}
