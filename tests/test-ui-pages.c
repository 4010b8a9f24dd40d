/* test-ui-pages.c: the assessment pages driven through their rows, buttons
 * and actions, checked against the assessment and the determination.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pf-determination-page.h"
#include "pf-evidence-page.h"
#include "pf-indicator-chart.h"
#include "pf-page-slot.h"
#include "pf-question-row.h"
#include "pf-review-page.h"
#include "pf-section-page.h"
#include "pf-session.h"
#include "pf-test-catalog.h"
#include "pf-timeline-page.h"
#include "pf-ui-test.h"

#define BUILTIN_PACK_RESOURCE "/io/github/preflightapp/Preflight/packs/frontier-cyber-draft.pfpack.json"

typedef struct
{
  GFile           *dir;
  PfCriteriaPack  *pack;
  PfAssessment    *assessment;
  PfSession       *session;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "ui", "pages.pfpack.json", NULL);
  g_autoptr(GFile) pack_file = g_file_new_for_path (pack_path);
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) store_dir = NULL;
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(GError) error = NULL;

  tmp = g_dir_make_tmp ("test-ui-pages-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_file_new_for_path (tmp);

  /* @data, when given, is the resource path of a built-in pack. */
  if (data != NULL)
    fixture->pack = pf_criteria_pack_new_from_resource (data, &error);
  else
    fixture->pack = pf_criteria_pack_new_from_file (pack_file, NULL, &error);
  g_assert_no_error (error);
  fixture->assessment = pf_assessment_new (fixture->pack);

  file = g_file_get_child (fixture->dir, "model.preflight");
  store_dir = g_file_get_child (fixture->dir, "evidence");
  store = pf_evidence_store_new (store_dir);
  fixture->session = pf_session_new (fixture->assessment, file, store);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (fixture->window);
  pf_session_flush (fixture->session, &error);
  g_assert_no_error (error);

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->pack);

  pf_ui_test_remove_tree (fixture->dir);
  g_clear_object (&fixture->dir);
}

/* Shows @page in the fixture's window, as the assessment view would. */
static void
show_page (Fixture   *fixture,
           GtkWidget *page)
{
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  pf_page_shown (PF_PAGE (page));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
section_page (Fixture    *fixture,
              const char *section_id)
{
  return pf_section_page_new (fixture->session,
                              pf_criteria_pack_lookup_section (fixture->pack, section_id));
}

static GtkWidget *
row_of (GtkWidget  *page,
        const char *question_id)
{
  GtkWidget *row = pf_section_page_get_row (PF_SECTION_PAGE (page), question_id);

  g_assert_nonnull (row);
  g_assert_true (PF_IS_QUESTION_ROW (row));

  return row;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label showing @text (whole, or as a part when @substring), visible or not. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text,
            gboolean    substring)
{
  if (GTK_IS_LABEL (root))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (root));

      if (substring ? strstr (label, text) != NULL : g_strcmp0 (label, text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text, substring);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the widget and all its ancestors up to the window are visible. */
static gboolean
shown (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;

  return TRUE;
}

static void
click_toggle (GtkWidget  *row,
              const char *label)
{
  GtkWidget *button = find_button (row, label);

  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static GtkEditable *
entry_of (GtkWidget *row)
{
  GtkWidget *entry = pf_ui_test_find_of_type (row, GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);

  return GTK_EDITABLE (entry);
}

/* Types @text into the row's entry and presses Enter. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  GtkEditable *entry = entry_of (row);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static PfAnswer *
answer_of (Fixture    *fixture,
           const char *question_id)
{
  return pf_assessment_get_answer (fixture->assessment, question_id);
}

static const char *
outcome_label (Fixture *fixture)
{
  return pf_outcome_get_label (pf_determination_get_outcome (pf_session_get_determination (fixture->session)));
}

static void
test_answer_updates_everything (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *page = section_page (fixture, "a");
  GtkWidget *determination_page = g_object_ref_sink (pf_determination_page_new (fixture->session));
  PfSection *section = pf_criteria_pack_lookup_section (fixture->pack, "a");
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  guint answered = 0, total = 0;
  gboolean needs_review;

  show_page (fixture, page);
  before = g_strdup (pf_page_get_progress_text (PF_PAGE (page)));
  g_assert_cmpstr (pf_determination_page_get_headline (PF_DETERMINATION_PAGE (determination_page)),
                   ==, pf_outcome_get_label (PF_OUTCOME_INCOMPLETE));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_NOT_STARTED);

  /* Open weights: a strong indicator alone makes it "likely covered". */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_of (page, "a.access")), 2);

  g_assert_true (pf_answer_is_answered (answer_of (fixture, "a.access")));
  g_assert_cmpstr (json_node_get_string (pf_answer_get_value (answer_of (fixture, "a.access"))),
                   ==, "weights");

  pf_determination_get_section_progress (pf_session_get_determination (fixture->session), section,
                                         &answered, &total, &needs_review);
  g_assert_cmpuint (answered, ==, 1);
  expected = g_strdup_printf ("%u of %u answered", answered, total);
  g_assert_cmpstr (pf_page_get_progress_text (PF_PAGE (page)), ==, expected);
  g_assert_cmpstr (pf_page_get_progress_text (PF_PAGE (page)), !=, before);
  g_assert_nonnull (find_label (page, expected, FALSE));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_IN_PROGRESS);

  g_assert_cmpstr (pf_determination_page_get_headline (PF_DETERMINATION_PAGE (determination_page)),
                   ==, pf_outcome_get_label (PF_OUTCOME_LIKELY_COVERED));
  g_assert_nonnull (pf_ui_test_find_row (determination_page, "Open weights"));

  /* "Not answered" clears it again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_of (page, "a.access")), 0);
  g_assert_false (answer_of (fixture, "a.access") != NULL
                  && pf_answer_is_answered (answer_of (fixture, "a.access")));
  g_assert_cmpstr (pf_determination_page_get_headline (PF_DETERMINATION_PAGE (determination_page)),
                   ==, pf_outcome_get_label (PF_OUTCOME_INCOMPLETE));

  g_object_unref (determination_page);
}

static void
test_conditional_keeps_text (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *page = section_page (fixture, "a");
  GtkWidget *released = NULL;
  GtkWidget *details = NULL;

  show_page (fixture, page);
  released = row_of (page, "a.released");
  details = row_of (page, "a.release_details");
  g_assert_false (gtk_widget_get_visible (details));

  click_toggle (released, "Yes");
  g_assert_true (gtk_widget_get_visible (details));

  /* Saved text, then text typed but not yet saved. */
  type_into (details, "API only");
  g_assert_cmpstr (json_node_get_string (pf_answer_get_value (answer_of (fixture, "a.release_details"))),
                   ==, "API only");
  gtk_editable_set_text (entry_of (details), "API and a trusted tier");

  click_toggle (released, "No");
  g_assert_false (gtk_widget_get_visible (details));
  click_toggle (released, "Yes");
  g_assert_true (gtk_widget_get_visible (details));
  g_assert_cmpstr (gtk_editable_get_text (entry_of (details)), ==, "API and a trusted tier");

  type_into (details, "API and a trusted tier");
  g_assert_cmpstr (json_node_get_string (pf_answer_get_value (answer_of (fixture, "a.release_details"))),
                   ==, "API and a trusted tier");
}

static void
test_number_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = section_page (fixture, "b");
  GtkWidget *row;
  GtkWidget *error_label;

  show_page (fixture, page);
  row = row_of (page, "b.solve_rate");

  type_into (row, "150");
  g_assert_null (answer_of (fixture, "b.solve_rate"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_of (row)), "error"));
  /* The message sits under the entry and its unit. */
  error_label = gtk_widget_get_last_child (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (entry_of (row)))));
  g_assert_true (GTK_IS_LABEL (error_label));
  g_assert_true (shown (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");

  type_into (row, "lots");
  g_assert_null (answer_of (fixture, "b.solve_rate"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_of (row)), "error"));

  type_into (row, "42.5");
  g_assert_cmpfloat (json_node_get_double (pf_answer_get_value (answer_of (fixture, "b.solve_rate"))),
                     ==, 42.5);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry_of (row)), "error"));
  g_assert_false (shown (error_label));

  /* Integers refuse fractions. */
  type_into (row_of (page, "b.zero_days"), "2.5");
  g_assert_null (answer_of (fixture, "b.zero_days"));
  type_into (row_of (page, "b.zero_days"), "2");
  g_assert_cmpint (json_node_get_int (pf_answer_get_value (answer_of (fixture, "b.zero_days"))), ==, 2);
}

static void
test_unknown_and_review (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = section_page (fixture, "a");
  GtkWidget *row;
  GtkWidget *tools;
  GtkWidget *unknown_toggle;
  GtkMenuButton *menu_button;
  g_autoptr(GMenuModel) answer_section = NULL;
  g_autofree char *first_action = NULL;

  show_page (fixture, page);
  row = row_of (page, "a.released");
  tools = GTK_WIDGET (pf_question_row_get_tools (PF_QUESTION_ROW (row)));
  unknown_toggle = find_button (row, "Unknown");

  /* The row's menu is made when it is first opened, with the actions below. */
  menu_button = GTK_MENU_BUTTON (pf_ui_test_find_of_type (tools, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);
  g_assert_null (gtk_menu_button_get_menu_model (menu_button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (menu_button)));
  gtk_menu_button_popup (menu_button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  answer_section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (menu_button), 0,
                                               G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (answer_section, 0, G_MENU_ATTRIBUTE_ACTION,
                                                  "s", &first_action));
  g_assert_cmpstr (first_action, ==, "question.mark-unknown");
  gtk_menu_button_popdown (menu_button);

  click_toggle (row, "Yes");
  g_assert_true (gtk_widget_activate_action (tools, "question.mark-unknown", NULL));
  g_assert_cmpint (pf_answer_get_state (answer_of (fixture, "a.released")), ==, PF_ANSWER_STATE_UNKNOWN);
  g_assert_false (pf_answer_is_answered (answer_of (fixture, "a.released")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknown_toggle)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (row, "Yes"))));
  g_assert_true (shown (find_label (tools, "Unknown", FALSE)));
  /* Unknown counts as dealt with in the progress. */
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_IN_PROGRESS);

  g_assert_true (gtk_widget_activate_action (tools, "question.needs-review", NULL));
  g_assert_true (pf_answer_get_needs_review (answer_of (fixture, "a.released")));
  g_assert_true (shown (find_label (tools, "Needs review", FALSE)));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_NEEDS_REVIEW);

  g_assert_true (gtk_widget_activate_action (tools, "question.needs-review", NULL));
  g_assert_false (pf_answer_get_needs_review (answer_of (fixture, "a.released")));
  g_assert_false (shown (find_label (tools, "Needs review", FALSE)));

  /* The Unknown toggle does the same as the menu. */
  g_assert_true (gtk_widget_activate_action (tools, "question.clear", NULL));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknown_toggle)));
  click_toggle (row, "Unknown");
  g_assert_cmpint (pf_answer_get_state (answer_of (fixture, "a.released")), ==, PF_ANSWER_STATE_UNKNOWN);
}

/* Mark Section Reviewed shows while an answer of the section needs review,
 * and clears every flag of the section, and only of that section. */
static void
test_mark_section_reviewed (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = section_page (fixture, "a");
  GtkWidget *button;
  PfSection *section = pf_criteria_pack_lookup_section (fixture->pack, "a");
  GPtrArray *questions = pf_section_get_questions (section);
  PfSection *other = pf_criteria_pack_lookup_section (fixture->pack, "b");
  const char *other_id = pf_question_get_id (g_ptr_array_index (pf_section_get_questions (other), 0));

  g_assert_cmpuint (questions->len, >=, 2);
  show_page (fixture, page);
  button = pf_ui_test_find_built (page, "review_button");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  for (guint i = 0; i < 2; i++)
    pf_assessment_set_needs_review (fixture->assessment,
                                    pf_question_get_id (g_ptr_array_index (questions, i)), TRUE);
  pf_assessment_set_needs_review (fixture->assessment, other_id, TRUE);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_NEEDS_REVIEW);

  g_assert_true (gtk_widget_activate_action (page, "section.mark-reviewed", NULL));
  for (guint i = 0; i < questions->len; i++)
    {
      PfAnswer *answer = answer_of (fixture, pf_question_get_id (g_ptr_array_index (questions, i)));

      g_assert_true (answer == NULL || !pf_answer_get_needs_review (answer));
    }
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), !=, PF_PAGE_STATE_NEEDS_REVIEW);
  g_assert_true (pf_answer_get_needs_review (answer_of (fixture, other_id)));
}

static void
test_signoff_goes_stale (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = pf_review_page_new (fixture->session);
  GtkWidget *sign;
  GPtrArray *signoffs;
  g_autoptr(JsonNode) yes = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;

  show_page (fixture, page);
  sign = find_button (page, "_Sign Off");
  g_assert_nonnull (sign);
  g_assert_false (gtk_widget_get_sensitive (sign));

  gtk_editable_set_text (GTK_EDITABLE (pf_ui_test_find_row (page, "Reviewer name")), "Ada Reviewer");
  gtk_editable_set_text (GTK_EDITABLE (pf_ui_test_find_row (page, "Role")), "Counsel");
  gtk_editable_set_text (GTK_EDITABLE (pf_ui_test_find_row (page, "Comment")), "Looks right.");
  g_assert_true (gtk_widget_get_sensitive (sign));
  g_signal_emit_by_name (sign, "clicked");

  signoffs = pf_assessment_get_signoffs (fixture->assessment);
  g_assert_cmpuint (signoffs->len, ==, 1);
  g_assert_cmpstr (((PfSignoff *) g_ptr_array_index (signoffs, 0))->name, ==, "Ada Reviewer");
  g_assert_cmpint (((PfSignoff *) g_ptr_array_index (signoffs, 0))->decision, ==, PF_DECISION_APPROVE);
  g_assert_false (pf_assessment_signoff_is_stale (fixture->assessment, g_ptr_array_index (signoffs, 0)));
  g_assert_nonnull (find_label (page, "Current", FALSE));
  g_assert_null (find_label (page, "Stale", FALSE));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_COMPLETE);

  json_node_set_boolean (yes, TRUE);
  g_assert_true (pf_assessment_set_value (fixture->assessment, "a.released", yes, &error));
  g_assert_no_error (error);

  g_assert_true (pf_assessment_signoff_is_stale (fixture->assessment, g_ptr_array_index (signoffs, 0)));
  g_assert_nonnull (find_label (page, "Stale", FALSE));
  g_assert_null (find_label (page, "Current", FALSE));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_NEEDS_REVIEW);
}

static gboolean
evidence_page_idle (gpointer data)
{
  return !pf_evidence_page_get_busy (PF_EVIDENCE_PAGE (data));
}

static void
test_evidence_add_files (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = pf_evidence_page_new (fixture->session);
  const char *contents = "Evaluation report: 12 of 40 tasks solved.\n";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autofree char *short_hash = g_strndup (sha256, 12);
  g_autoptr(GFile) file = g_file_get_child (fixture->dir, "report.txt");
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  const PfEvidenceItem *item;
  GPtrArray *evidence;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  show_page (fixture, page);
  g_assert_nonnull (pf_ui_test_find_row (page, "No evidence yet"));

  g_list_store_append (files, file);
  pf_evidence_page_add_files (PF_EVIDENCE_PAGE (page), G_LIST_MODEL (files));
  g_assert_true (pf_evidence_page_get_busy (PF_EVIDENCE_PAGE (page)));
  pf_ui_test_wait_until (evidence_page_idle, page, 10);

  evidence = pf_assessment_get_evidence (fixture->assessment);
  g_assert_cmpuint (evidence->len, ==, 1);
  item = g_ptr_array_index (evidence, 0);
  g_assert_cmpstr (item->sha256, ==, sha256);
  g_assert_cmpuint (item->size, ==, strlen (contents));
  g_assert_cmpstr (item->original_name, ==, "report.txt");
  g_assert_cmpint (item->marking, ==, PF_MARKING_NONE);

  g_assert_nonnull (pf_ui_test_find_row (page, "report.txt"));
  g_assert_nonnull (find_label (page, short_hash, TRUE));
  g_assert_null (pf_ui_test_find_row (page, "No evidence yet"));
  g_assert_null (find_label (page, "Missing", FALSE));
  g_assert_nonnull (find_label (page, "1 file attached", FALSE));
}

static char *
format_gdate (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (when, "%A, %-d %B %Y");
}

static void
test_timeline_dates (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = pf_timeline_page_new (fixture->session);
  GtkWidget *release_row;
  GtkWidget *offer_row;
  g_autoptr(PfTimeline) timeline = NULL;
  g_autoptr(GFile) ics_file = g_file_get_child (fixture->dir, "timeline.ics");
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *expected = NULL;

  show_page (fixture, page);
  release_row = pf_ui_test_find_row (page, "Planned release date (YYYY-MM-DD)");
  offer_row = pf_ui_test_find_row (page, "Last day to offer access");
  g_assert_nonnull (release_row);
  g_assert_false (shown (offer_row));
  g_assert_false (pf_timeline_page_export_ics (PF_TIMELINE_PAGE (page), ics_file, &error));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (release_row), "2026-13-45");
  g_signal_emit_by_name (release_row, "apply");
  g_assert_null (pf_assessment_get_release_date (fixture->assessment));
  g_assert_true (gtk_widget_has_css_class (release_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (release_row), "2026-09-30");
  g_signal_emit_by_name (release_row, "apply");
  g_assert_cmpstr (pf_assessment_get_release_date (fixture->assessment), ==, "2026-09-30");
  g_assert_false (gtk_widget_has_css_class (release_row, "error"));
  g_assert_true (shown (offer_row));

  timeline = pf_timeline_new ("2026-09-30", &error);
  g_assert_no_error (error);
  expected = format_gdate (pf_timeline_get_offer_access_by (timeline));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offer_row)), ==, expected);
  g_free (expected);
  expected = format_gdate (pf_timeline_get_request_determination_by (timeline));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pf_ui_test_find_row (page, "Ask for an official determination by"))),
                   ==, expected);
  g_assert_nonnull (pf_page_get_progress_text (PF_PAGE (page)));

  g_assert_true (pf_timeline_page_export_ics (PF_TIMELINE_PAGE (page), ics_file, &error));
  g_assert_no_error (error);
  g_file_load_contents (ics_file, NULL, &ics, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR"));
}

static void
test_walk_to_likely_covered (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *a = g_object_ref_sink (section_page (fixture, "a"));
  GtkWidget *b = g_object_ref_sink (section_page (fixture, "b"));
  GtkWidget *determination_page = pf_determination_page_new (fixture->session);
  GtkWidget *multi;

  g_assert_cmpstr (outcome_label (fixture), ==, pf_outcome_get_label (PF_OUTCOME_INCOMPLETE));

  show_page (fixture, a);
  click_toggle (row_of (a, "a.released"), "Yes");
  type_into (row_of (a, "a.release_details"), "Through the API");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_of (a, "a.access")), 1);
  multi = row_of (a, "a.domains");
  /* Its options are built when it is first expanded. */
  g_assert_null (pf_ui_test_find_of_type (multi, GTK_TYPE_CHECK_BUTTON));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (multi), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pf_ui_test_find_of_type (multi,
                                                                          GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  type_into (row_of (a, "a.release_date"), "2026-09-30");
  pf_page_commit (PF_PAGE (a));
  g_assert_true (pf_page_get_complete (PF_PAGE (a)));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (a)), ==, PF_PAGE_STATE_COMPLETE);

  /* API access and nothing measured yet: not covered on what is known. */
  g_assert_cmpstr (outcome_label (fixture), !=, pf_outcome_get_label (PF_OUTCOME_LIKELY_COVERED));

  show_page (fixture, b);
  type_into (row_of (b, "b.solve_rate"), "75");
  g_assert_cmpstr (outcome_label (fixture), ==, pf_outcome_get_label (PF_OUTCOME_BORDERLINE));
  type_into (row_of (b, "b.zero_days"), "3");

  show_page (fixture, determination_page);
  g_assert_cmpstr (pf_determination_page_get_headline (PF_DETERMINATION_PAGE (determination_page)),
                   ==, pf_outcome_get_label (PF_OUTCOME_LIKELY_COVERED));
  g_assert_nonnull (pf_ui_test_find_row (determination_page, "Finds novel vulnerabilities"));
  g_assert_nonnull (find_label (determination_page, "Placeholder", FALSE));
  g_assert_nonnull (find_label (determination_page, pf_determination_get_summary (pf_session_get_determination (fixture->session)), FALSE));

  g_assert_cmpstr (json_node_get_string (pf_answer_get_value (answer_of (fixture, "a.access"))), ==, "api");
  g_assert_cmpfloat (json_node_get_double (pf_answer_get_value (answer_of (fixture, "b.solve_rate"))), ==, 75.0);
  g_assert_cmpstr (json_node_get_string (pf_answer_get_value (answer_of (fixture, "a.release_date"))), ==, "2026-09-30");

  g_object_unref (a);
  g_object_unref (b);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* A hidden section page has no widgets, only its title and summary for
 * the sidebar; showing it builds them and its rows at once, so that the
 * window measures the page with its rows before mapping it. */
static void
test_rows_built_when_shown (Fixture       *fixture,
                            gconstpointer  data)
{
  PfSection *section = g_ptr_array_index (pf_criteria_pack_get_sections (fixture->pack), 0);
  GtkWidget *page = pf_section_page_new (fixture->session, section);
  g_autofree char *progress = NULL;
  GtkWidget *list_box;

  gtk_widget_set_visible (page, FALSE);
  gtk_window_set_child (fixture->window, page);
  g_assert_null (gtk_widget_get_first_child (page));
  g_assert_cmpstr (pf_page_get_title (PF_PAGE (page)), ==,
                   pf_pack_text (pf_section_get_title (section)));
  g_assert_cmpint (pf_page_get_state (PF_PAGE (page)), ==, PF_PAGE_STATE_NOT_STARTED);
  progress = g_strdup (pf_page_get_progress_text (PF_PAGE (page)));
  g_assert_nonnull (progress);

  gtk_widget_set_visible (page, TRUE);
  g_assert_false (gtk_widget_get_mapped (page));
  list_box = pf_ui_test_find_built (page, "list_box");
  g_assert_nonnull (list_box);
  g_assert_cmpuint (count_children (list_box), ==,
                    pf_section_get_questions (section)->len);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pf_ui_test_find_built (page, "progress_label"))),
                   ==, progress);
}

/* A slot tells the sidebar what its page would, without building the page,
 * until it is first shown; then it tells what the page itself says. */
static void
test_slot_builds_when_shown (Fixture       *fixture,
                             gconstpointer  data)
{
  PfPage *slot = g_object_ref_sink (pf_page_slot_new (fixture->session, "Timeline",
                                                      pf_timeline_page_new,
                                                      pf_timeline_page_summarize));
  PfPageState state;
  g_autofree char *progress_text = NULL;
  PfPage *page;

  g_assert_cmpstr (pf_page_get_title (slot), ==, "Timeline");
  g_assert_cmpint (pf_page_get_state (slot), ==, PF_PAGE_STATE_NOT_STARTED);
  g_assert_cmpstr (pf_page_get_progress_text (slot), ==, "No release date");

  /* Followed from the assessment, still without the page. */
  pf_assessment_set_release_date (fixture->assessment, "2099-01-31");
  pf_timeline_page_summarize (fixture->session, &state, &progress_text);
  g_assert_cmpint (state, ==, PF_PAGE_STATE_COMPLETE);
  g_assert_cmpint (pf_page_get_state (slot), ==, PF_PAGE_STATE_COMPLETE);
  g_assert_cmpstr (pf_page_get_progress_text (slot), ==, progress_text);
  g_assert_null (adw_bin_get_child (ADW_BIN (slot)));

  show_page (fixture, GTK_WIDGET (slot));
  page = pf_page_slot_get_page (PF_PAGE_SLOT (slot));
  g_assert_true (PF_IS_TIMELINE_PAGE (page));
  g_assert_true (adw_bin_get_child (ADW_BIN (slot)) == GTK_WIDGET (page));
  g_assert_true (pf_ui_test_find_row (GTK_WIDGET (slot), "Last day to offer access") != NULL);

  /* Now the page's own state, as the page changes it. */
  pf_page_set_state (page, PF_PAGE_STATE_NEEDS_REVIEW);
  g_assert_cmpint (pf_page_get_state (slot), ==, PF_PAGE_STATE_NEEDS_REVIEW);
  pf_assessment_set_release_date (fixture->assessment, NULL);
  g_assert_cmpint (pf_page_get_state (slot), ==, PF_PAGE_STATE_NOT_STARTED);
  g_assert_cmpstr (pf_page_get_progress_text (slot), ==, "No release date");

  gtk_window_set_child (fixture->window, NULL);
  g_object_unref (slot);
}

/* With a German catalog, the built-in pack's section and questions read in
 * German, in the sidebar's title too, and so do the chart's domains. */
static void
test_pack_text_translated (Fixture       *fixture,
                           gconstpointer  data)
{
  PfSection *section;
  PfQuestion *question;
  GtkWidget *page;
  GtkLabel *title_label;
  GtkWidget *chart;
  g_autofree char *chart_text = NULL;
  const char *title;

  if (!pf_test_with_catalog ("de"))
    return;

  section = g_ptr_array_index (pf_criteria_pack_get_sections (fixture->pack), 0);
  question = g_ptr_array_index (pf_section_get_questions (section), 0);
  title = pf_pack_text (pf_section_get_title (section));
  g_assert_cmpstr (title, !=, pf_section_get_title (section));

  page = pf_section_page_new (fixture->session, section);
  show_page (fixture, page);
  title_label = GTK_LABEL (pf_ui_test_find_built (page, "title_label"));
  g_assert_nonnull (title_label);
  g_assert_cmpstr (gtk_label_get_text (title_label), ==, title);
  g_assert_cmpstr (pf_page_get_title (PF_PAGE (page)), ==, title);
  g_assert_cmpstr (pf_pack_text (pf_question_get_prompt (question)), !=,
                   pf_question_get_prompt (question));
  g_assert_nonnull (pf_ui_test_find_row (page, pf_pack_text (pf_question_get_prompt (question))));
  g_assert_null (pf_ui_test_find_row (page, pf_question_get_prompt (question)));

  /* The chart's domains, named from their ids ("Vulnerability discovery"). */
  chart = g_object_ref_sink (pf_indicator_chart_new ());
  pf_indicator_chart_set_determination (PF_INDICATOR_CHART (chart),
                                        pf_session_get_determination (fixture->session));
  chart_text = pf_indicator_chart_dup_text (PF_INDICATOR_CHART (chart));
  g_assert_nonnull (strstr (chart_text, "Schwachstellen"));
  g_assert_null (strstr (chart_text, "Vulnerability discovery"));
  g_object_unref (chart);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/pages/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("answer-updates-everything", test_answer_updates_everything);
  ADD ("conditional-keeps-text", test_conditional_keeps_text);
  ADD ("number-refused", test_number_refused);
  ADD ("unknown-and-review", test_unknown_and_review);
  ADD ("mark-section-reviewed", test_mark_section_reviewed);
  ADD ("signoff-goes-stale", test_signoff_goes_stale);
  ADD ("evidence-add-files", test_evidence_add_files);
  ADD ("timeline-dates", test_timeline_dates);
  ADD ("walk-to-likely-covered", test_walk_to_likely_covered);
  ADD ("rows-built-when-shown", test_rows_built_when_shown);
  ADD ("slot-builds-when-shown", test_slot_builds_when_shown);
  g_test_add ("/ui/pages/pack-text-translated", Fixture, BUILTIN_PACK_RESOURCE,
              fixture_set_up, test_pack_text_translated, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
