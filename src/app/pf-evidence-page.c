/* pf-evidence-page.c: the evidence items of an assessment. Adding hashes
 * files into the store (progress, Cancel); missing blobs are spotted
 * cheaply whenever the list is drawn, altered ones by Verify, which
 * re-hashes in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-evidence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-evidence-import.h"
#include "pf-evidence-page.h"
#include "pf-tag.h"
#include "pf-file-chooser.h"
#include "pf-tooltip.h"

/* How many hex digits of a hash the list shows. */
#define SHORT_HASH_LEN 12

struct _PfEvidencePage
{
  PfPage         parent_instance;

  GCancellable  *import_cancellable;  /* (owned) (nullable): running import */
  GCancellable  *verify_cancellable;  /* (owned) (nullable): running verify */
  GHashTable    *verified;            /* (owned): sha256 → PfBlobState from the last Verify */
  gboolean       disposed;            /* async results arriving late touch no widget */
  gboolean       rows_stale;          /* the list is rebuilt when the page is next mapped */

  GtkWidget     *add_button;
  GtkWidget     *verify_button;
  GtkLabel      *status_label;
  GtkWidget     *progress_box;
  GtkProgressBar *progress_bar;
  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (PfEvidencePage, pf_evidence_page, PF_TYPE_PAGE)

static PfAssessment *
get_assessment (PfEvidencePage *self)
{
  return pf_session_get_assessment (pf_page_get_session (PF_PAGE (self)));
}

static PfBlobState
blob_state (PfEvidencePage       *self,
            const PfEvidenceItem *item)
{
  PfEvidenceStore *store = pf_session_get_evidence_store (pf_page_get_session (PF_PAGE (self)));
  gpointer state;

  if (!pf_evidence_store_contains (store, item->sha256, item->size))
    return PF_BLOB_MISSING;
  if (g_hash_table_lookup_extended (self->verified, item->sha256, NULL, &state))
    return GPOINTER_TO_INT (state);

  return PF_BLOB_OK;
}

static char *
linked_text (PfEvidencePage       *self,
             const PfEvidenceItem *item)
{
  PfCriteriaPack *pack = pf_session_get_pack (pf_page_get_session (PF_PAGE (self)));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; item->question_ids != NULL && item->question_ids[i] != NULL; i++)
    {
      PfQuestion *question = pf_criteria_pack_lookup_question (pack, item->question_ids[i]);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (question != NULL)
        g_string_append (text, pf_pack_text (pf_question_get_prompt (question)));
      else
        g_string_append (text, item->question_ids[i]);
    }

  if (text->len == 0)
    return g_strdup (_("Not linked to a question"));

  /* TRANSLATORS: %s lists the questions an evidence file supports */
  return g_strdup_printf (_("Supports: %s"), text->str);
}

static void edit_item (PfEvidencePage *self, const char *evidence_id);
static void remove_item (PfEvidencePage *self, const char *evidence_id);

static void
on_edit_clicked (GtkButton      *button,
                 PfEvidencePage *self)
{
  edit_item (self, g_object_get_data (G_OBJECT (button), "evidence-id"));
}

static void
on_remove_clicked (GtkButton      *button,
                   PfEvidencePage *self)
{
  remove_item (self, g_object_get_data (G_OBJECT (button), "evidence-id"));
}

static GtkWidget *
item_button_new (PfEvidencePage       *self,
                 const PfEvidenceItem *item,
                 const char           *icon_name,
                 const char           *label,
                 GCallback             callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  pf_tooltip_set_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "evidence-id", g_strdup (item->id), g_free);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
item_row_new (PfEvidencePage       *self,
              const PfEvidenceItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (item->size);
  g_autofree char *hash = g_strndup (item->sha256, SHORT_HASH_LEN);
  g_autofree char *linked = linked_text (self, item);
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), item->title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), item->title);
  PfBlobState state = blob_state (self, item);

  /* TRANSLATORS: file name · size · "SHA-256" short hash, then the questions it supports */
  subtitle = g_strdup_printf (_("%s · %s · SHA-256 %s…\n%s"),
                              item->original_name, size, hash, linked);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("text-x-generic-symbolic"));

  if (state == PF_BLOB_MISSING)
    {
      GtkWidget *tag = pf_tag_new (_("Missing"), "pf-problem");

      pf_tooltip_set_text (tag, _("The stored copy of this file is gone; attach the file again"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  else if (state == PF_BLOB_ALTERED)
    {
      GtkWidget *tag = pf_tag_new (_("Altered"), "pf-problem");

      pf_tooltip_set_text (tag, _("The stored copy no longer matches its SHA-256; attach the original file again"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  if (item->marking != PF_MARKING_NONE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               pf_tag_new (pf_marking_get_label (item->marking), "pf-marking"));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             item_button_new (self, item, "document-edit-symbolic",
                                              edit_label, G_CALLBACK (on_edit_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             item_button_new (self, item, "user-trash-symbolic",
                                              remove_label, G_CALLBACK (on_remove_clicked)));

  return row;
}

static void
build_rows (PfEvidencePage *self)
{
  GPtrArray *evidence = pf_assessment_get_evidence (get_assessment (self));
  GtkWidget *child;

  self->rows_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < evidence->len; i++)
    gtk_list_box_append (self->list_box, item_row_new (self, g_ptr_array_index (evidence, i)));

  if (evidence->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No evidence yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add files, or attach them from a question’s menu."));
      gtk_list_box_append (self->list_box, row);
    }
}

void
pf_evidence_page_summarize (PfSession    *session,
                            PfPageState  *state,
                            char        **progress_text)
{
  GPtrArray *evidence = pf_assessment_get_evidence (pf_session_get_assessment (session));

  *state = evidence->len > 0 ? PF_PAGE_STATE_IN_PROGRESS : PF_PAGE_STATE_NOT_STARTED;
  *progress_text = evidence->len > 0
                   ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files",
                                                   evidence->len),
                                      evidence->len)
                   : g_strdup (_("No files"));
}

static void
rebuild (PfEvidencePage *self)
{
  GPtrArray *evidence = pf_assessment_get_evidence (get_assessment (self));

  /* An assessment opens on another page: building a row per evidence item
   * before the first frame made opening several times slower than a bare
   * window (bench/run, DESIGN.md §8), so rows wait until the page shows. */
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);

  gtk_widget_set_sensitive (self->verify_button,
                            evidence->len > 0 && self->verify_cancellable == NULL);
  pf_page_update_summary (PF_PAGE (self), pf_evidence_page_summarize);
}

static void
on_assessment_changed (PfEvidencePage *self,
                       const char     *question_id)
{
  /* Answers carry a question id; evidence and metadata changes do not. */
  if (question_id == NULL)
    rebuild (self);
}

/* Edit dialog */

static void
on_edit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  PfEvidencePage   *self)
{
  const char *evidence_id = g_object_get_data (G_OBJECT (dialog), "evidence-id");
  const PfEvidenceItem *current;
  g_autoptr(PfEvidenceItem) item = NULL;
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "title");
  AdwComboRow *marking = g_object_get_data (G_OBJECT (dialog), "marking");
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_autofree char *title_text = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  current = pf_assessment_lookup_evidence (get_assessment (self), evidence_id);
  if (current == NULL)
    return;

  item = pf_evidence_item_copy (current);
  title_text = g_strstrip (g_strdup (gtk_editable_get_text (title)));
  if (title_text[0] != '\0')
    {
      g_free (item->title);
      item->title = g_steal_pointer (&title_text);
    }
  item->marking = adw_combo_row_get_selected (marking);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (links, g_object_get_data (G_OBJECT (check), "question-id"));
    }
  g_strfreev (item->question_ids);
  item->question_ids = g_strv_builder_end (links);

  pf_assessment_put_evidence (get_assessment (self), item);
}

static void
edit_item (PfEvidencePage *self,
           const char     *evidence_id)
{
  const PfEvidenceItem *item = pf_assessment_lookup_evidence (get_assessment (self), evidence_id);
  GPtrArray *questions = pf_criteria_pack_get_questions (pf_session_get_pack (pf_page_get_session (PF_PAGE (self))));
  g_autoptr(GtkStringList) markings = gtk_string_list_new (NULL);
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *dialog, *box, *fields, *title, *marking, *heading, *scrolled, *links;

  if (item == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Edit Evidence"), item->original_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  fields = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (fields), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (fields, "boxed-list");

  title = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title), item->title);
  gtk_list_box_append (GTK_LIST_BOX (fields), title);

  for (PfMarking m = PF_MARKING_NONE; m <= PF_MARKING_PCII; m++)
    gtk_string_list_append (markings, pf_marking_get_label (m));
  marking = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (marking), _("Confidentiality marking"));
  adw_combo_row_set_model (ADW_COMBO_ROW (marking), G_LIST_MODEL (markings));
  adw_combo_row_set_selected (ADW_COMBO_ROW (marking), item->marking);
  gtk_list_box_append (GTK_LIST_BOX (fields), marking);
  gtk_box_append (GTK_BOX (box), fields);

  heading = gtk_label_new (_("Supports these questions"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_box_append (GTK_BOX (box), heading);

  links = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (links), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (links, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (links),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Supports these questions"),
                                  -1);
  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      PfSection *section = pf_question_get_section (question);
      const char *prompt = pf_pack_text (pf_question_get_prompt (question));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prompt);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   pf_pack_text (pf_section_get_title (section)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   pf_evidence_item_links_question (item, pf_question_get_id (question)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, prompt,
                                      -1);
      g_object_set_data (G_OBJECT (check), "question-id", (gpointer) pf_question_get_id (question));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (links), row);
      g_ptr_array_add (checks, check);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), links);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "evidence-id", g_strdup (evidence_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "marking", marking);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Remove */

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PfEvidencePage   *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    pf_assessment_remove_evidence (get_assessment (self),
                                   g_object_get_data (G_OBJECT (dialog), "evidence-id"));
}

static void
remove_item (PfEvidencePage *self,
             const char     *evidence_id)
{
  const PfEvidenceItem *item = pf_assessment_lookup_evidence (get_assessment (self), evidence_id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (item == NULL)
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), item->title);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("The assessment will no longer refer to this file or link it to questions. The file itself is not deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "evidence-id", g_strdup (evidence_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Add */

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  PfEvidencePage *self = user_data;

  if (self->disposed)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PfEvidencePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint n_attached = 0;

  g_clear_object (&self->import_cancellable);
  if (self->disposed)
    return;

  if (!pf_evidence_import_finish (PF_SESSION (object), result, &n_attached, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_CANCELLED))
        status = g_strdup (_("Cancelled"));
      else
        status = g_strdup (error->message);
    }
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file attached", "%u files attached", n_attached),
                              n_attached);

  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_set_sensitive (self->add_button, TRUE);
}

void
pf_evidence_page_add_files (PfEvidencePage *self,
                            GListModel     *files)
{
  g_return_if_fail (PF_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->import_cancellable != NULL || g_list_model_get_n_items (files) == 0)
    return;

  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  gtk_label_set_text (self->status_label, "");

  pf_evidence_import_async (pf_page_get_session (PF_PAGE (self)), files, NULL,
                            self->import_cancellable,
                            on_import_progress, self,
                            on_imported, g_object_ref (self));
}

gboolean
pf_evidence_page_get_busy (PfEvidencePage *self)
{
  g_return_val_if_fail (PF_IS_EVIDENCE_PAGE (self), FALSE);

  return self->import_cancellable != NULL;
}

static void
on_files_chosen (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PfEvidencePage) self = user_data;
  g_autoptr(GListModel) files = pf_file_chooser_open_finish (result, NULL);

  if (files != NULL)
    pf_evidence_page_add_files (self, files);
}

static void
on_add_clicked (PfEvidencePage *self)
{
  pf_file_chooser_open_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                              _("Add Evidence"), TRUE, NULL, NULL,
                              on_files_chosen, g_object_ref (self));
}

static void
on_cancel_clicked (PfEvidencePage *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         PfEvidencePage *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (files, l->data);

  pf_evidence_page_add_files (self, G_LIST_MODEL (files));

  return TRUE;
}

/* Verify */

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PfEvidenceStore *store = source_object;
  GPtrArray *hashes = task_data;
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      g_hash_table_insert (states, g_strdup (sha256),
                           GINT_TO_POINTER (pf_evidence_store_check (store, sha256, cancellable)));
    }

  g_task_return_pointer (task, g_steal_pointer (&states), (GDestroyNotify) g_hash_table_unref);
}

static void
on_verified (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PfEvidencePage) self = user_data;
  g_autoptr(GHashTable) states = g_task_propagate_pointer (G_TASK (result), NULL);
  GHashTableIter iter;
  gpointer key, state;
  guint n_bad = 0;

  g_clear_object (&self->verify_cancellable);
  if (states == NULL || self->disposed)
    return;

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &key, &state))
    {
      g_hash_table_insert (self->verified, g_strdup (key), state);
      if (GPOINTER_TO_INT (state) != PF_BLOB_OK)
        n_bad++;
    }

  if (n_bad == 0)
    gtk_label_set_text (self->status_label, _("Every file is intact"));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u file is missing or altered",
                                                            "%u files are missing or altered",
                                                            n_bad),
                                               n_bad);
      gtk_label_set_text (self->status_label, text);
    }

  rebuild (self);
}

static void
on_verify_clicked (PfEvidencePage *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  GPtrArray *evidence = pf_assessment_get_evidence (get_assessment (self));
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTask) task = NULL;

  if (self->verify_cancellable != NULL)
    return;

  for (guint i = 0; i < evidence->len; i++)
    g_ptr_array_add (hashes, g_strdup (((PfEvidenceItem *) g_ptr_array_index (evidence, i))->sha256));

  self->verify_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->verify_button, FALSE);
  gtk_label_set_text (self->status_label, _("Verifying…"));

  task = g_task_new (pf_session_get_evidence_store (session), self->verify_cancellable,
                     on_verified, g_object_ref (self));
  g_task_set_source_tag (task, on_verify_clicked);
  g_task_set_task_data (task, hashes, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, verify_thread);
}

static void
pf_evidence_page_shown (PfPage *page)
{
  /* pf_evidence_store_contains() in rebuild() notices deleted blobs. */
  rebuild (PF_EVIDENCE_PAGE (page));
}

static void
pf_evidence_page_dispose (GObject *object)
{
  PfEvidencePage *self = PF_EVIDENCE_PAGE (object);

  self->disposed = TRUE;
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->verify_cancellable != NULL)
    g_cancellable_cancel (self->verify_cancellable);

  G_OBJECT_CLASS (pf_evidence_page_parent_class)->dispose (object);
}

static void
pf_evidence_page_finalize (GObject *object)
{
  PfEvidencePage *self = PF_EVIDENCE_PAGE (object);

  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_pointer (&self->verified, g_hash_table_unref);

  G_OBJECT_CLASS (pf_evidence_page_parent_class)->finalize (object);
}

static void
pf_evidence_page_map (GtkWidget *widget)
{
  PfEvidencePage *self = PF_EVIDENCE_PAGE (widget);

  if (self->rows_stale)
    build_rows (self);

  GTK_WIDGET_CLASS (pf_evidence_page_parent_class)->map (widget);
}

static void
pf_evidence_page_class_init (PfEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfPageClass *page_class = PF_PAGE_CLASS (klass);

  object_class->dispose = pf_evidence_page_dispose;
  object_class->finalize = pf_evidence_page_finalize;
  widget_class->map = pf_evidence_page_map;
  page_class->shown = pf_evidence_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfEvidencePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, PfEvidencePage, verify_button);
  gtk_widget_class_bind_template_child (widget_class, PfEvidencePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PfEvidencePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PfEvidencePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PfEvidencePage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
pf_evidence_page_init (PfEvidencePage *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->verified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
pf_evidence_page_new (PfSession *session)
{
  PfEvidencePage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  self = g_object_new (PF_TYPE_EVIDENCE_PAGE, "session", session, NULL);
  pf_page_set_complete (PF_PAGE (self), TRUE);
  g_signal_connect_object (pf_session_get_assessment (session), "changed",
                           G_CALLBACK (on_assessment_changed), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
