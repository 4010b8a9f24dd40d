/* pf-section-page.c: one row per question of a section; conditional rows
 * show and hide as answers change (hidden rows keep what was typed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-question-row.h"
#include "pf-section-page.h"

struct _PfSectionPage
{
  PfPage      parent_instance;

  PfSection  *section;        /* (owned) */
  GHashTable *rows;           /* (owned): question id → PfQuestionRow (unowned) */
  char       *pending_focus;  /* (owned) (nullable): question to focus once mapped */
  gboolean    rows_built;

  /* NULL until the page's widgets are built (ensure_content ()). */
  GtkLabel   *title_label;
  GtkLabel   *description_label;
  GtkLabel   *progress_label;
  GtkWidget  *review_button;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (PfSectionPage, pf_section_page, PF_TYPE_PAGE)

static void
update_from_determination (PfSectionPage *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  PfDetermination *determination = pf_session_get_determination (session);
  GPtrArray *questions = pf_section_get_questions (self->section);
  g_autofree char *progress = NULL;
  guint answered = 0, total = 0;
  gboolean needs_review = FALSE;
  PfPageState state;

  if (determination == NULL)
    return;

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      GtkWidget *row = g_hash_table_lookup (self->rows, pf_question_get_id (question));

      if (row != NULL)
        gtk_widget_set_visible (row, pf_determination_get_applicability (determination, question)
                                     == PF_TRUTH_TRUE);
    }

  pf_determination_get_section_progress (determination, self->section,
                                         &answered, &total, &needs_review);
  /* TRANSLATORS: progress of a section, e.g. "3 of 7 answered" */
  progress = g_strdup_printf (_("%u of %u answered"), answered, total);
  pf_page_set_progress_text (PF_PAGE (self), progress);
  pf_page_set_complete (PF_PAGE (self), answered == total);
  if (self->progress_label != NULL)
    {
      gtk_label_set_text (self->progress_label, progress);
      gtk_widget_set_visible (self->review_button, needs_review);
    }

  if (needs_review)
    state = PF_PAGE_STATE_NEEDS_REVIEW;
  else if (answered == 0)
    state = PF_PAGE_STATE_NOT_STARTED;
  else if (answered == total)
    state = PF_PAGE_STATE_COMPLETE;
  else
    state = PF_PAGE_STATE_IN_PROGRESS;
  pf_page_set_state (PF_PAGE (self), state);
}

static void
on_assessment_changed (PfSectionPage *self,
                       const char    *question_id)
{
  GHashTableIter iter;
  gpointer row;

  if (question_id != NULL)
    {
      row = g_hash_table_lookup (self->rows, question_id);
      if (row != NULL)
        pf_question_row_sync (PF_QUESTION_ROW (row));
      return;
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    pf_question_row_sync (PF_QUESTION_ROW (row));
}

/* Until it is first shown, a page is only its title and summary, for the
 * sidebar: an assessment opens on one section, and the other sections'
 * widgets cost 2 ms of the first frame (bench/run, DESIGN.md §8). */
static void
ensure_content (PfSectionPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  const char *description;

  if (self->list_box != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/preflightapp/Preflight/pf-section-page.ui");
  self->title_label = GTK_LABEL (gtk_builder_get_object (builder, "title_label"));
  self->description_label = GTK_LABEL (gtk_builder_get_object (builder, "description_label"));
  self->progress_label = GTK_LABEL (gtk_builder_get_object (builder, "progress_label"));
  self->review_button = GTK_WIDGET (gtk_builder_get_object (builder, "review_button"));
  self->list_box = GTK_LIST_BOX (gtk_builder_get_object (builder, "list_box"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (gtk_builder_get_object (builder, "content")));

  gtk_label_set_text (self->title_label, pf_pack_text (pf_section_get_title (self->section)));
  description = pf_pack_text (pf_section_get_description (self->section));
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');
}

/* Rows are built when the page is first shown (or mapped, if it was never
 * hidden) or a row is asked for, for the same reason: building every
 * section's rows before the first frame made opening an assessment several
 * times slower than a bare window. Building them on show rather than on map
 * means the window measures the first page once, with its rows, before it
 * maps. */
static void
ensure_rows (PfSectionPage *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  GPtrArray *questions = pf_section_get_questions (self->section);

  if (self->rows_built)
    return;
  self->rows_built = TRUE;
  ensure_content (self);

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      GtkWidget *row = pf_question_row_new (session, question);

      g_hash_table_insert (self->rows, (gpointer) pf_question_get_id (question), row);
      gtk_list_box_append (self->list_box, row);
    }

  update_from_determination (self);
}

static void
focus_now (PfSectionPage *self,
           const char    *question_id)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, question_id);

  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
pf_section_page_show (GtkWidget *widget)
{
  ensure_rows (PF_SECTION_PAGE (widget));
  GTK_WIDGET_CLASS (pf_section_page_parent_class)->show (widget);
}

static void
pf_section_page_map (GtkWidget *widget)
{
  PfSectionPage *self = PF_SECTION_PAGE (widget);

  ensure_rows (self);
  GTK_WIDGET_CLASS (pf_section_page_parent_class)->map (widget);

  if (self->pending_focus != NULL)
    {
      g_autofree char *question_id = g_steal_pointer (&self->pending_focus);

      focus_now (self, question_id);
    }
}

/* Clears the review flag of every answer of the section, once the user has
 * checked them: one at a time, through each row's menu, is a lot of clicks
 * after a new version of the model carried seventy answers over. */
static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PfSectionPage *self = PF_SECTION_PAGE (widget);
  PfAssessment *assessment = pf_session_get_assessment (pf_page_get_session (PF_PAGE (self)));
  GPtrArray *questions = pf_section_get_questions (self->section);
  g_autoptr(GPtrArray) ids = g_ptr_array_sized_new (questions->len);

  for (guint i = 0; i < questions->len; i++)
    g_ptr_array_add (ids, (gpointer) pf_question_get_id (g_ptr_array_index (questions, i)));
  pf_assessment_clear_needs_review (assessment, ids);
}

static void
pf_section_page_commit (PfPage *page)
{
  PfSectionPage *self = PF_SECTION_PAGE (page);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    pf_question_row_commit (PF_QUESTION_ROW (row));
}

static void
pf_section_page_dispose (GObject *object)
{
  PfSectionPage *self = PF_SECTION_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (pf_section_page_parent_class)->dispose (object);
}

static void
pf_section_page_finalize (GObject *object)
{
  PfSectionPage *self = PF_SECTION_PAGE (object);

  g_clear_pointer (&self->pending_focus, g_free);

  G_OBJECT_CLASS (pf_section_page_parent_class)->finalize (object);
}

static void
pf_section_page_class_init (PfSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfPageClass *page_class = PF_PAGE_CLASS (klass);

  object_class->dispose = pf_section_page_dispose;
  object_class->finalize = pf_section_page_finalize;
  widget_class->show = pf_section_page_show;
  widget_class->map = pf_section_page_map;
  page_class->commit = pf_section_page_commit;


  gtk_widget_class_install_action (widget_class, "section.mark-reviewed", NULL,
                                   mark_reviewed_action);
}

static void
pf_section_page_init (PfSectionPage *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
pf_section_page_new (PfSession *session,
                     PfSection *section)
{
  PfSectionPage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (PF_IS_SECTION (section), NULL);

  self = g_object_new (PF_TYPE_SECTION_PAGE,
                       "session", session,
                       "title", pf_pack_text (pf_section_get_title (section)),
                       NULL);
  self->section = g_object_ref (section);

  g_signal_connect_object (session, "notify::determination",
                           G_CALLBACK (update_from_determination), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pf_session_get_assessment (session), "changed",
                           G_CALLBACK (on_assessment_changed), self,
                           G_CONNECT_SWAPPED);
  update_from_determination (self);

  return GTK_WIDGET (self);
}

PfSection *
pf_section_page_get_section (PfSectionPage *self)
{
  g_return_val_if_fail (PF_IS_SECTION_PAGE (self), NULL);

  return self->section;
}

GtkWidget *
pf_section_page_get_row (PfSectionPage *self,
                         const char    *question_id)
{
  g_return_val_if_fail (PF_IS_SECTION_PAGE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  ensure_rows (self);

  return g_hash_table_lookup (self->rows, question_id);
}

void
pf_section_page_focus_question (PfSectionPage *self,
                                const char    *question_id)
{
  g_return_if_fail (PF_IS_SECTION_PAGE (self));
  g_return_if_fail (question_id != NULL);

  ensure_rows (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      focus_now (self, question_id);
      return;
    }

  /* The stack shows the page after this call; focus when it is mapped. */
  g_free (self->pending_focus);
  self->pending_focus = g_strdup (question_id);
}
