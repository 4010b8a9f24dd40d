/* test-ui-a11y.c: every control of the assessment view, on every page of
 * the built-in pack, has a name assistive technologies can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pf-assessment-view.h"
#include "pf-comparison-window.h"
#include "pf-ui-test.h"

typedef struct
{
  GFile            *dir;
  PfPackCatalog    *catalog;
  PfAssessment     *assessment;
  PfSession        *session;
  GtkWindow        *window;
  PfAssessmentView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  PfCriteriaPack *pack;
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) store_dir = NULL;
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(GError) error = NULL;

  tmp = g_dir_make_tmp ("test-ui-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_file_new_for_path (tmp);

  fixture->catalog = pf_pack_catalog_new ();
  pack = pf_pack_catalog_lookup (fixture->catalog, PF_BUILTIN_PACK_ID, NULL, &error);
  g_assert_no_error (error);
  fixture->assessment = pf_assessment_new (pack);
  pf_assessment_set_model_name (fixture->assessment, "Atlas");
  pf_assessment_set_model_version (fixture->assessment, "3.1");

  file = g_file_get_child (fixture->dir, "model.preflight");
  store_dir = g_file_get_child (fixture->dir, "evidence");
  store = pf_evidence_store_new (store_dir);
  fixture->session = pf_session_new (fixture->assessment, file, store);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->view = g_object_new (PF_TYPE_ASSESSMENT_VIEW, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  pf_assessment_view_set_session (fixture->view, fixture->session);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pf_assessment_view_set_session (fixture->view, NULL);
  gtk_window_destroy (fixture->window);
  pf_session_flush (fixture->session, &error);
  g_assert_no_error (error);

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->catalog);

  pf_ui_test_remove_tree (fixture->dir);
  g_clear_object (&fixture->dir);
}

/* A label the user sees inside @widget; the placeholder inside an entry's
 * text does not name it. */
static gboolean
has_text_label (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || GTK_IS_TEXT (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;

  return FALSE;
}

/* Not the labelled-by relation: GTK sets it on every button, to its own
 * child, icon or not. */
static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
         || gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION)
         || has_text_label (widget);
}

/* A control whose insides are its own business: its name is checked, its
 * parts (the text of an entry, the button inside a menu button) are not. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_EDITABLE (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_CHECK_BUTTON (widget);
}

/* Containers that are focusable only to hand focus to their children,
 * which are checked themselves. */
static gboolean
passes_focus_on (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget)
         || GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget);
}

static guint
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  guint n_checked = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;

  if (is_control (widget))
    n_checked++;

  if ((is_control (widget) || (gtk_widget_get_focusable (widget) && !passes_focus_on (widget)))
      && !has_name (widget))
    g_string_append_printf (unnamed, "\n  %s (in %s)", G_OBJECT_TYPE_NAME (widget),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));

  if (is_control (widget))
    return n_checked;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_checked += collect_unnamed (child, unnamed);

  return n_checked;
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.show-page",
                                             "s", name));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (pf_assessment_view_get_page_name (fixture->view), ==, name);
}

/* Returns how many controls were checked. */
static guint
assert_all_named (GtkWindow  *window,
                  const char *page)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_checked;

  g_test_message ("Page %s", page);
  n_checked = collect_unnamed (GTK_WIDGET (window), unnamed);
  g_assert_cmpstr (unnamed->str, ==, "");

  return n_checked;
}

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *other_pages[] = { "determination", "evidence", "review", "timeline", "export" };
  PfCriteriaPack *pack = pf_session_get_pack (fixture->session);
  GPtrArray *sections = pf_criteria_pack_get_sections (pack);
  guint n_checked = 0;

  g_assert_cmpuint (sections->len, >, 0);
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *name = g_strconcat ("section:",
                                           pf_section_get_id (g_ptr_array_index (sections, i)),
                                           NULL);

      show_page (fixture, name);
      n_checked += assert_all_named (fixture->window, name);
    }
  /* The walk reached the rows: each question has at least its menu. */
  g_assert_cmpuint (n_checked, >, pf_criteria_pack_get_questions (pack)->len);

  for (guint i = 0; i < G_N_ELEMENTS (other_pages); i++)
    {
      show_page (fixture, other_pages[i]);
      assert_all_named (fixture->window, other_pages[i]);
    }
}

/* The comparison with an earlier checkpoint: the row that says no answer
 * changed, then, as the window follows the session, a changed answer. */
static void
test_comparison_window (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PfAssessment) previous = pf_assessment_new_successor (fixture->assessment);
  PfQuestion *question = pf_ui_test_find_boolean_question (pf_session_get_pack (fixture->session));
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(GError) error = NULL;
  PfComparisonWindow *window;

  window = pf_comparison_window_new (fixture->window, previous, fixture->session, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_nonnull (pf_ui_test_find_row (GTK_WIDGET (window), "No answer changed"));
  /* The window's close button at least. */
  g_assert_cmpuint (assert_all_named (GTK_WINDOW (window), "comparison"), >, 0);

  pf_assessment_set_value (fixture->assessment, pf_question_get_id (question), yes, &error);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (pf_ui_test_find_row (GTK_WIDGET (window), "No answer changed"));
  g_assert_nonnull (pf_ui_test_find_row (GTK_WIDGET (window), pf_question_get_prompt (question)));
  assert_all_named (GTK_WINDOW (window), "comparison with a change");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The check itself must be able to fail. */
static void
test_unnamed_found (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon_button = gtk_button_new_from_icon_name ("view-more-symbolic");
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GString) unnamed = g_string_new (NULL);

  g_object_ref_sink (box);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "Placeholder only");
  gtk_box_append (GTK_BOX (box), icon_button);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Named"));

  g_assert_cmpuint (collect_unnamed (box, unnamed), ==, 3);
  g_assert_nonnull (strstr (unnamed->str, "GtkButton"));
  g_assert_nonnull (strstr (unnamed->str, "GtkEntry"));

  g_string_truncate (unnamed, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "More", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Name", -1);
  collect_unnamed (box, unnamed);
  g_assert_cmpstr (unnamed->str, ==, "");

  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context records the names the app sets; "none" (the suite's
   * default) would drop them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/a11y/unnamed-found", test_unnamed_found);
  g_test_add ("/ui/a11y/comparison-window", Fixture, NULL,
              fixture_set_up, test_comparison_window, fixture_tear_down);
  g_test_add ("/ui/a11y/every-page", Fixture, NULL,
              fixture_set_up, test_every_page, fixture_tear_down);

  return g_test_run ();
}
