/* pf-assessment-view.c: one open assessment: the sidebar of pages, the
 * wizard stack with Back/Next, finding a question, and remembering the last
 * page and scroll position of each assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-assessment-view.h"
#include "pf-determination-page.h"
#include "pf-evidence-page.h"
#include "pf-export-page.h"
#include "pf-menu-button.h"
#include "pf-page.h"
#include "pf-page-slot.h"
#include "pf-plain-row.h"
#include "pf-review-page.h"
#include "pf-section-page.h"
#include "pf-timeline-page.h"
#include "pf-tooltip.h"
#include "pf-width-first-layout.h"

/* Enough to find a question; more would only scroll. */
#define MAX_SEARCH_RESULTS 50

struct _PfAssessmentView
{
  AdwBin          parent_instance;

  PfSession      *session;           /* (owned) (nullable) */
  GSettings      *settings;          /* (owned) */
  /* The pages in wizard order. */
  GPtrArray      *pages;             /* (owned) of (unowned) PfPage */
  PfPage         *current_page;      /* (unowned) (nullable) */
  /* Pages are being added or removed: the stack's own child changes are
   * not the user's. */
  gboolean        rebuilding;
  /* A scroll position waiting for the page to grow tall enough. */
  GtkAdjustment  *restore_adjustment; /* (owned) (nullable) */
  /* The toast that says the last save failed, while it shows. */
  AdwToast       *save_toast;        /* (unowned) (nullable) */
  double          restore_value;
  gulong          restore_handler;

  AdwToastOverlay *toast_overlay;
  GtkMenuButton   *menu_button;
  GMenuModel      *primary_menu;
  AdwWindowTitle  *window_title;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkWidget       *sidebar;
  GtkListBox      *sidebar_list;
  GtkStack        *content_stack;
  GtkStack        *page_stack;
  GtkLabel        *progress_label;
  GtkListBox      *search_list;
};

G_DEFINE_FINAL_TYPE (PfAssessmentView, pf_assessment_view, ADW_TYPE_BIN)

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
get_page_name (PfAssessmentView *self,
               PfPage           *page)
{
  return gtk_stack_page_get_name (gtk_stack_get_page (self->page_stack, GTK_WIDGET (page)));
}

static int
get_page_index (PfAssessmentView *self,
                PfPage           *page)
{
  guint index;

  if (page != NULL && g_ptr_array_find (self->pages, page, &index))
    return (int) index;

  return -1;
}

static void
cancel_scroll_restore (PfAssessmentView *self)
{
  if (self->restore_adjustment != NULL)
    g_clear_signal_handler (&self->restore_handler, self->restore_adjustment);
  g_clear_object (&self->restore_adjustment);
}

static gboolean
try_restore_scroll (PfAssessmentView *self)
{
  GtkAdjustment *adjustment = self->restore_adjustment;

  if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
      < self->restore_value)
    return FALSE;

  gtk_adjustment_set_value (adjustment, self->restore_value);
  cancel_scroll_restore (self);

  return TRUE;
}

static void
on_restore_adjustment_changed (PfAssessmentView *self)
{
  try_restore_scroll (self);
}

/* The page's content is laid out later; wait for the adjustment to be big
 * enough instead of clamping to the empty size. */
static void
restore_scroll (PfAssessmentView *self,
                PfPage           *page,
                double            value)
{
  GtkScrolledWindow *scrolled = find_scrolled_window (GTK_WIDGET (page));

  cancel_scroll_restore (self);

  if (scrolled == NULL || value <= 0)
    return;

  self->restore_adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (scrolled));
  self->restore_value = value;

  if (!try_restore_scroll (self))
    self->restore_handler = g_signal_connect_swapped (self->restore_adjustment, "changed",
                                                      G_CALLBACK (on_restore_adjustment_changed),
                                                      self);
}

/* Settings key "last-pages": assessment id → (page name, scroll position). */
static void
remember_position (PfAssessmentView *self)
{
  g_autoptr(GVariant) old = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s(sd)}"));
  GtkScrolledWindow *scrolled;
  GVariantIter iter;
  const char *id, *key, *page;
  double position, value = 0;

  if (self->session == NULL || self->current_page == NULL)
    return;

  id = pf_assessment_get_id (pf_session_get_assessment (self->session));
  scrolled = find_scrolled_window (GTK_WIDGET (self->current_page));
  if (scrolled != NULL)
    value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled));

  old = g_settings_get_value (self->settings, "last-pages");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s(&sd)}", &key, &page, &position))
    {
      if (g_strcmp0 (key, id) != 0)
        g_variant_builder_add (&builder, "{s(sd)}", key, page, position);
    }

  g_variant_builder_add (&builder, "{s(sd)}", id, get_page_name (self, self->current_page), value);
  g_settings_set_value (self->settings, "last-pages", g_variant_builder_end (&builder));
}

static void
update_sidebar_row (GtkListBoxRow *row)
{
  PfPage *page = g_object_get_data (G_OBJECT (row), "page");
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *detail = g_object_get_data (G_OBJECT (row), "detail");
  const char *progress = pf_page_get_progress_text (page);
  g_autofree char *detail_text = NULL;
  g_autofree char *accessible = NULL;
  const char *state_text = NULL;
  const char *icon_name = NULL;
  const char *css_class = NULL;
  static const char *state_classes[] = { "not-started", "in-progress", "complete", "needs-review" };

  switch (pf_page_get_state (page))
    {
    case PF_PAGE_STATE_NOT_STARTED:
      state_text = _("Not started");
      icon_name = "media-record-symbolic";
      css_class = "not-started";
      break;

    case PF_PAGE_STATE_IN_PROGRESS:
      state_text = _("In progress");
      icon_name = "content-loading-symbolic";
      css_class = "in-progress";
      break;

    case PF_PAGE_STATE_COMPLETE:
      state_text = _("Complete");
      icon_name = "object-select-symbolic";
      css_class = "complete";
      break;

    case PF_PAGE_STATE_NEEDS_REVIEW:
      state_text = _("Needs review");
      icon_name = "dialog-warning-symbolic";
      css_class = "needs-review";
      break;

    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (icon), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (icon), css_class);
  gtk_image_set_from_icon_name (icon, icon_name);

  /* A section tells its progress and state; the other pages tell what they
   * hold ("Likely covered", "2 files"): "Not started" would mislead there. */
  if (progress != NULL && *progress != '\0' && PF_IS_SECTION_PAGE (page))
    /* Translators: page progress and state, e.g. "3 of 7 answered · In progress" */
    detail_text = g_strdup_printf (_("%s · %s"), progress, state_text);
  else if (progress != NULL && *progress != '\0')
    detail_text = g_strdup (progress);
  else if (PF_IS_SECTION_PAGE (page) || pf_page_get_state (page) != PF_PAGE_STATE_NOT_STARTED)
    detail_text = g_strdup (state_text);

  gtk_label_set_label (title, pf_page_get_title (page));
  gtk_label_set_label (detail, detail_text != NULL ? detail_text : "");
  gtk_widget_set_visible (GTK_WIDGET (detail), detail_text != NULL);

  accessible = detail_text != NULL
               ? g_strdup_printf ("%s, %s", pf_page_get_title (page), detail_text)
               : g_strdup (pf_page_get_title (page));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static GtkWidget *
create_sidebar_row (PfPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "page-state-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), detail);
  pf_width_first_layout_install (labels);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "page", page);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "detail", detail);

  g_signal_connect_object (page, "notify::title", G_CALLBACK (update_sidebar_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::state", G_CALLBACK (update_sidebar_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::progress-text", G_CALLBACK (update_sidebar_row), row,
                           G_CONNECT_SWAPPED);
  update_sidebar_row (GTK_LIST_BOX_ROW (row));

  return row;
}

/* A line between the sections and the pages about the whole assessment. */
static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  gboolean is_section = PF_IS_SECTION_PAGE (g_object_get_data (G_OBJECT (row), "page"));
  gboolean after_section = before != NULL &&
                           PF_IS_SECTION_PAGE (g_object_get_data (G_OBJECT (before), "page"));

  if (!is_section && after_section)
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

static void
update_progress (PfAssessmentView *self)
{
  PfAssessment *assessment = pf_session_get_assessment (self->session);
  PfDetermination *determination = pf_session_get_determination (self->session);
  g_autofree char *title = pf_assessment_dup_model_label (assessment);
  g_autofree char *progress = NULL;
  guint answered, total;

  adw_window_title_set_title (self->window_title, title);

  pf_determination_get_progress (determination, &answered, &total);
  /* Translators: progress of the whole questionnaire, e.g. "12 of 57 answered" */
  progress = g_strdup_printf (_("%u of %u answered"), answered, total);
  gtk_label_set_label (self->progress_label, progress);
}

static void
dismiss_save_toast (PfAssessmentView *self)
{
  if (self->save_toast != NULL)
    adw_toast_dismiss (self->save_toast);
}

static void
update_save_state (PfAssessmentView *self)
{
  const char *state = pf_session_get_save_state (self->session);
  /* The last failure stays until a save succeeds: Overwrite stays
   * available while a retry runs too. */
  const GError *error = pf_session_get_save_error (self->session);
  gboolean changed_on_disk = g_error_matches (error, PF_ASSESSMENT_ERROR,
                                              PF_ASSESSMENT_ERROR_CHANGED_ON_DISK);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.overwrite", changed_on_disk);

  if (g_strcmp0 (state, "saving") == 0)
    {
      adw_window_title_set_subtitle (self->window_title, _("Saving…"));
    }
  else if (g_strcmp0 (state, "error") == 0)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      adw_window_title_set_subtitle (self->window_title, _("Not saved"));
      if (changed_on_disk)
        {
          g_autofree char *display = pf_session_dup_display_name (self->session);

          /* A toast shows one line, cut at its end in a narrow window: the
           * news first. The help says what each choice keeps. */
          /* Translators: %s is the assessment's file name */
          message = g_strdup_printf (_("Not saved: another program changed “%s”"), display);
        }
      else
        /* Translators: %s says why, e.g. the disk is full */
        message = g_strdup_printf (_("Could not save: %s. Preflight tries again with your next "
                                     "change."), error ? error->message : _("unknown error"));

      /* One toast for the latest failure, not one more for each try. */
      dismiss_save_toast (self);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      if (changed_on_disk)
        {
          adw_toast_set_button_label (toast, _("_Overwrite"));
          adw_toast_set_action_name (toast, "view.overwrite");
        }
      self->save_toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->save_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, _("Saved"));
      dismiss_save_toast (self);
    }
}

static void
overwrite_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (widget);

  if (self->session != NULL)
    pf_session_overwrite (self->session);
}

static void
update_wizard_actions (PfAssessmentView *self)
{
  int index = get_page_index (self, self->current_page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 index >= 0 && index + 1 < (int) self->pages->len);
}

static void
on_visible_page_changed (PfAssessmentView *self)
{
  PfPage *page = PF_PAGE (gtk_stack_get_visible_child (self->page_stack));
  GtkListBoxRow *row;

  if (self->rebuilding || page == self->current_page)
    return;

  cancel_scroll_restore (self);

  if (self->current_page != NULL)
    pf_page_commit (self->current_page);

  self->current_page = page;
  update_wizard_actions (self);

  if (page == NULL)
    return;

  row = gtk_list_box_get_row_at_index (self->sidebar_list, get_page_index (self, page));
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  pf_page_shown (page);
  remember_position (self);
}

static void
show_page (PfAssessmentView *self,
           PfPage           *page)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (page));
}

static void
on_sidebar_row_activated (PfAssessmentView *self,
                          GtkListBoxRow    *row)
{
  show_page (self, g_object_get_data (G_OBJECT (row), "page"));
}

static void
wizard_step (PfAssessmentView *self,
             int               delta)
{
  int index = get_page_index (self, self->current_page) + delta;

  if (index >= 0 && index < (int) self->pages->len)
    show_page (self, g_ptr_array_index (self->pages, index));
}

static void
wizard_back_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  wizard_step (PF_ASSESSMENT_VIEW (widget), -1);
}

static void
wizard_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  wizard_step (PF_ASSESSMENT_VIEW (widget), 1);
}

static PfPage *
lookup_page (PfAssessmentView *self,
             const char       *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->page_stack, name);

  return child ? PF_PAGE (child) : NULL;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (widget);
  const char *name = g_variant_get_string (param, NULL);
  PfPage *page = lookup_page (self, name);

  if (page == NULL)
    {
      g_debug ("No page named “%s”", name);
      return;
    }

  show_page (self, page);
}

static void
show_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (widget);
  const char *question_id = g_variant_get_string (param, NULL);
  g_autofree char *page_name = NULL;
  PfQuestion *question;
  PfPage *page;

  if (self->session == NULL)
    return;

  question = pf_criteria_pack_lookup_question (pf_session_get_pack (self->session), question_id);
  if (question == NULL)
    {
      g_debug ("No question “%s” in the pack", question_id);
      return;
    }

  page_name = g_strconcat ("section:", pf_section_get_id (pf_question_get_section (question)), NULL);
  page = lookup_page (self, page_name);
  g_return_if_fail (page != NULL);

  show_page (self, page);
  pf_section_page_focus_question (PF_SECTION_PAGE (page), question_id);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (widget);

  gtk_widget_set_visible (self->sidebar, !gtk_widget_get_visible (self->sidebar));
}

static void
on_search_mode_changed (PfAssessmentView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_stack_set_visible_child_name (self->content_stack, "pages");
    }
}

static void
on_search_changed (PfAssessmentView *self)
{
  g_autofree char *needle = NULL;
  GtkWidget *child;
  GPtrArray *questions;
  guint found = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_list))) != NULL)
    gtk_list_box_remove (self->search_list, child);

  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_strstrip (needle);
  if (*needle == '\0' || self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "pages");
      return;
    }

  questions = pf_criteria_pack_get_questions (pf_session_get_pack (self->session));
  for (guint i = 0; i < questions->len && found < MAX_SEARCH_RESULTS; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      PfSection *section = pf_question_get_section (question);
      const char *english = pf_question_get_prompt (question);
      const char *prompt = pf_pack_text (english);
      g_autofree char *folded = g_utf8_casefold (prompt, -1);
      /* Untranslated, the prompt shown is the English one. */
      g_autofree char *folded_english = prompt != english ? g_utf8_casefold (english, -1) : NULL;
      GtkWidget *row;

      /* The words shown, and the pack's English, which evaluation reports
       * and a lab's own documents quote. */
      if (strstr (folded, needle) == NULL
          && (folded_english == NULL || strstr (folded_english, needle) == NULL)
          && strstr (pf_question_get_id (question), needle) == NULL)
        continue;

      row = pf_plain_row_new (prompt, pf_pack_text (pf_section_get_title (section)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "view.show-question");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", pf_question_get_id (question));
      gtk_list_box_append (self->search_list, row);
      found++;
    }

  gtk_stack_set_visible_child_name (self->content_stack, found > 0 ? "results" : "no-results");
}

static void
on_search_activate (PfAssessmentView *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_list, 0);

  if (first != NULL)
    gtk_widget_activate (GTK_WIDGET (first));
}

static void
add_page (PfAssessmentView *self,
          GtkWidget        *page,
          const char       *name)
{
  g_assert (PF_IS_PAGE (page));

  /* Hidden until first shown: the styles and sizes of pages nobody has
   * looked at yet cost nothing before the first frame (bench/run). */
  gtk_widget_set_visible (page, FALSE);
  gtk_stack_add_named (self->page_stack, page, name);
  g_ptr_array_add (self->pages, page);
  gtk_list_box_append (self->sidebar_list, create_sidebar_row (PF_PAGE (page)));
}

static void
clear_pages (PfAssessmentView *self)
{
  GtkWidget *child;

  cancel_scroll_restore (self);
  self->current_page = NULL;
  g_ptr_array_set_size (self->pages, 0);

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack))) != NULL)
    gtk_stack_remove (self->page_stack, child);
  self->rebuilding = FALSE;
}

/* After the sections, in wizard order; built when first shown. */
static const struct {
  const char          *name;
  const char          *title;
  PfPageCreateFunc     create;
  PfPageSummarizeFunc  summarize;
} whole_assessment_pages[] = {
  { "determination", N_("Determination"), pf_determination_page_new, pf_determination_page_summarize },
  { "evidence", N_("Evidence"), pf_evidence_page_new, pf_evidence_page_summarize },
  { "review", N_("Review"), pf_review_page_new, pf_review_page_summarize },
  { "timeline", N_("Timeline"), pf_timeline_page_new, pf_timeline_page_summarize },
  /* Its only state, exported, comes from its own work. */
  { "export", N_("Export"), pf_export_page_new, NULL },
};

static void
build_pages (PfAssessmentView *self)
{
  PfSession *session = self->session;
  GPtrArray *sections = pf_criteria_pack_get_sections (pf_session_get_pack (session));
  g_autoptr(GVariant) positions = g_settings_get_value (self->settings, "last-pages");
  const char *id = pf_assessment_get_id (pf_session_get_assessment (session));
  GtkStackTransitionType transition;
  const char *last_page = NULL;
  double last_scroll = 0;
  PfPage *first;

  self->rebuilding = TRUE;

  for (guint i = 0; i < sections->len; i++)
    {
      PfSection *section = g_ptr_array_index (sections, i);
      g_autofree char *name = g_strconcat ("section:", pf_section_get_id (section), NULL);

      add_page (self, GTK_WIDGET (pf_section_page_new (session, section)), name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (whole_assessment_pages); i++)
    add_page (self,
              GTK_WIDGET (pf_page_slot_new (session, _(whole_assessment_pages[i].title),
                                            whole_assessment_pages[i].create,
                                            whole_assessment_pages[i].summarize)),
              whole_assessment_pages[i].name);

  g_variant_lookup (positions, id, "(&sd)", &last_page, &last_scroll);
  first = last_page ? lookup_page (self, last_page) : NULL;
  if (first == NULL)
    {
      first = g_ptr_array_index (self->pages, 0);
      last_scroll = 0;
    }

  /* Reopening lands on the page directly, without sliding through. */
  transition = gtk_stack_get_transition_type (self->page_stack);
  gtk_stack_set_transition_type (self->page_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  show_page (self, first);
  gtk_stack_set_transition_type (self->page_stack, transition);

  self->rebuilding = FALSE;
  on_visible_page_changed (self);

  restore_scroll (self, first, last_scroll);
}

void
pf_assessment_view_set_session (PfAssessmentView *self,
                                PfSession        *session)
{
  g_return_if_fail (PF_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (!session || PF_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      if (self->current_page != NULL)
        pf_page_commit (self->current_page);
      remember_position (self);
      g_signal_handlers_disconnect_by_data (self->session, self);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      clear_pages (self);
    }

  g_set_object (&self->session, session);

  if (session == NULL)
    {
      update_wizard_actions (self);
      return;
    }

  g_signal_connect_swapped (session, "notify::determination", G_CALLBACK (update_progress), self);
  g_signal_connect_swapped (session, "notify::save-state", G_CALLBACK (update_save_state), self);
  update_progress (self);
  update_save_state (self);
  build_pages (self);
}

PfSession *
pf_assessment_view_get_session (PfAssessmentView *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT_VIEW (self), NULL);

  return self->session;
}

const char *
pf_assessment_view_get_page_name (PfAssessmentView *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT_VIEW (self), NULL);

  if (self->current_page == NULL)
    return NULL;

  return get_page_name (self, self->current_page);
}

void
pf_assessment_view_add_evidence_files (PfAssessmentView *self,
                                       GListModel       *files)
{
  PfPage *page;

  g_return_if_fail (PF_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  page = lookup_page (self, "evidence");
  g_return_if_fail (PF_IS_PAGE_SLOT (page));

  show_page (self, page);
  pf_evidence_page_add_files (PF_EVIDENCE_PAGE (pf_page_slot_get_page (PF_PAGE_SLOT (page))),
                              files);
}

void
pf_assessment_view_add_toast (PfAssessmentView *self,
                              AdwToast         *toast)
{
  g_return_if_fail (PF_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
pf_assessment_view_dispose (GObject *object)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->save_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->save_toast), (gpointer *) &self->save_toast);
  self->save_toast = NULL;
  /* The sidebar's rows point at the pages: remove them while both live, not
   * in whatever order the template's children go. */
  if (self->pages->len > 0)
    clear_pages (self);
  cancel_scroll_restore (self);
  self->current_page = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_assessment_view_parent_class)->dispose (object);
}

static void
pf_assessment_view_finalize (GObject *object)
{
  PfAssessmentView *self = PF_ASSESSMENT_VIEW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_assessment_view_parent_class)->finalize (object);
}

/* The template's tooltips, set in code: see pf_tooltip_set_template_texts(). */
static const PfTemplateTooltip tooltips[] = {
  { "back_button", N_("All Assessments") },
  { "sidebar_button", N_("Show Sidebar (F9)") },
  { "menu_button", N_("Main Menu") },
  { "search_button", N_("Find a Question (Ctrl+F)") },
  { "previous_button", N_("Previous page (Alt+Left)") },
  { "next_button", N_("Next page (Alt+Right)") },
};

static void
pf_assessment_view_class_init (PfAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_assessment_view_dispose;
  object_class->finalize = pf_assessment_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, window_title);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PfAssessmentView, search_list);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, wizard_back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, wizard_next_action);
  gtk_widget_class_install_action (widget_class, "view.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "view.show-question", "s", show_question_action);
  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "view.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "view.overwrite", NULL, overwrite_action);
}

static void
pf_assessment_view_init (PfAssessmentView *self)
{
  self->pages = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pf_tooltip_set_template_texts (GTK_WIDGET (self),
                                 tooltips, G_N_ELEMENTS (tooltips));
  pf_menu_button_set_menu_on_demand (self->menu_button, self->primary_menu);

  self->settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_wizard_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.overwrite", FALSE);
}
