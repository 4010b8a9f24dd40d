/* pf-question-tools.c: tags, attach progress and the menu of a question row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-question-tools"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-evidence-import.h"
#include "pf-file-chooser.h"
#include "pf-menu-button.h"
#include "pf-question-tools.h"
#include "pf-tag.h"
#include "pf-tooltip.h"

struct _PfQuestionTools
{
  GtkWidget           parent_instance;

  PfSession          *session;        /* (owned) */
  PfQuestion         *question;       /* (owned) */
  GSimpleActionGroup *actions;        /* (owned) */
  GCancellable       *cancellable;    /* (owned) (nullable): a running attach */

  GtkWidget          *critical_tag;   /* (unowned) children */
  GtkWidget          *unknown_tag;
  GtkWidget          *review_tag;
  GtkWidget          *note_icon;
  GtkWidget          *error_icon;
  GtkWidget          *progress_box;
  GtkWidget          *progress_bar;
  GtkWidget          *menu_button;
};

G_DEFINE_FINAL_TYPE (PfQuestionTools, pf_question_tools, GTK_TYPE_WIDGET)

static PfAssessment *
get_assessment (PfQuestionTools *self)
{
  return pf_session_get_assessment (self->session);
}

static void
mark_unknown_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  pf_question_tools_mark_unknown (PF_QUESTION_TOOLS (user_data));
}

static void
clear_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  PfQuestionTools *self = user_data;

  pf_assessment_clear_value (get_assessment (self), pf_question_get_id (self->question));
}

static void
needs_review_cb (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  PfQuestionTools *self = user_data;

  g_simple_action_set_state (action, state);
  pf_assessment_set_needs_review (get_assessment (self),
                                  pf_question_get_id (self->question),
                                  g_variant_get_boolean (state));
}

static void
on_note_response (AdwMessageDialog *dialog,
                  const char       *response,
                  PfQuestionTools  *self)
{
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  view = g_object_get_data (G_OBJECT (dialog), "text-view");
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  pf_assessment_set_note (get_assessment (self),
                          pf_question_get_id (self->question),
                          text[0] != '\0' ? text : NULL);
}

static void
note_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  PfQuestionTools *self = user_data;
  PfAnswer *answer = pf_assessment_get_answer (get_assessment (self),
                                               pf_question_get_id (self->question));
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Note"),
                                   pf_pack_text (pf_question_get_prompt (self->question)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"),
                                  -1);
  if (answer != NULL && pf_answer_get_note (answer) != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              pf_answer_get_note (answer), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  g_object_set_data (G_OBJECT (dialog), "text-view", view);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
on_attach_progress (double   fraction,
                    gpointer user_data)
{
  PfQuestionTools *self = user_data;

  if (self->session == NULL)
    return;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PfQuestionTools) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  /* Disposed meanwhile: its children are gone. */
  if (self->session == NULL)
    return;

  if (!pf_evidence_import_finish (PF_SESSION (object), result, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_error_matches (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_CANCELLED))
    pf_question_tools_show_error (self, error->message);

  gtk_widget_set_visible (self->progress_box, FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "attach")), TRUE);
}

static void
on_files_chosen (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PfQuestionTools) self = user_data;
  g_autoptr(GListModel) files = NULL;

  files = pf_file_chooser_open_finish (result, NULL);
  if (files == NULL || self->session == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0.0);
  gtk_widget_set_visible (self->progress_box, TRUE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "attach")), FALSE);

  pf_evidence_import_async (self->session, files,
                            pf_question_get_id (self->question),
                            self->cancellable,
                            on_attach_progress, self,
                            on_imported, g_object_ref (self));
}

static void
attach_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  pf_question_tools_attach (PF_QUESTION_TOOLS (user_data));
}

static void
on_cancel_attach (PfQuestionTools *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static GtkWidget *
build_help_details (PfQuestionTools *self)
{
  PfCriteriaPack *pack = pf_session_get_pack (self->session);
  const char * const *sources = pf_question_get_sources (self->question);
  g_autoptr(GPtrArray) indicators = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *hint = pf_pack_text (pf_question_get_evidence_hint (self->question));

  if (hint != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Supporting evidence: %s"), hint);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (GTK_BOX (box), label);
    }

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      const PfSource *source = pf_criteria_pack_lookup_source (pack, sources[i]);
      GtkWidget *link;

      if (source == NULL)
        continue;

      link = gtk_link_button_new_with_label (source->url, source->title);
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), link);
    }

  indicators = pf_criteria_pack_get_indicators_for_question (pack, self->question);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      PfIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (pf_indicator_get_provenance (indicator) == PF_PROVENANCE_PLACEHOLDER)
        text = g_strdup_printf (_("Used by “%s” — a placeholder: a draft rule that no public "
                                  "source fixes; it is not an official criterion."),
                                pf_pack_text (pf_indicator_get_title (indicator)));
      else
        text = g_strdup_printf (_("Used by “%s” — a rule taken from a public source."),
                                pf_pack_text (pf_indicator_get_title (indicator)));

      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      if (pf_indicator_get_provenance (indicator) == PF_PROVENANCE_PLACEHOLDER)
        gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static void
help_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  PfQuestionTools *self = user_data;
  const char *help = pf_pack_text (pf_question_get_help (self->question));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   pf_pack_text (pf_question_get_prompt (self->question)),
                                   help != NULL && help[0] != '\0' ? help : _("No help for this question."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), build_help_details (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry action_entries[] = {
  { "mark-unknown", mark_unknown_cb },
  { "clear", clear_cb },
  { "needs-review", NULL, NULL, "false", needs_review_cb },
  { "note", note_cb },
  { "attach", attach_cb },
  { "help", help_cb },
};

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) answer = g_menu_new ();
  g_autoptr(GMenu) extra = g_menu_new ();
  g_autoptr(GMenu) help = g_menu_new ();

  g_menu_append (answer, _("Mark _Unknown"), "question.mark-unknown");
  g_menu_append (answer, _("_Clear Answer"), "question.clear");
  g_menu_append (answer, _("Needs _Review"), "question.needs-review");
  g_menu_append (extra, _("_Note…"), "question.note");
  g_menu_append (extra, _("_Attach Evidence…"), "question.attach");
  g_menu_append (help, _("_Help"), "question.help");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (answer));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (extra));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (help));

  return G_MENU_MODEL (menu);
}

static void
pf_question_tools_dispose (GObject *object)
{
  PfQuestionTools *self = PF_QUESTION_TOOLS (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->actions);
  g_clear_object (&self->question);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pf_question_tools_parent_class)->dispose (object);
}

static void
pf_question_tools_class_init (PfQuestionToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_question_tools_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
pf_question_tools_init (PfQuestionTools *self)
{
  g_autoptr(GMenuModel) menu = build_menu ();
  GtkWidget *cancel;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->critical_tag = pf_tag_new (_("Critical"), "pf-critical");
  pf_tooltip_set_text (self->critical_tag,
                               _("While this is unknown the outcome cannot be “likely not covered”"));
  self->unknown_tag = pf_tag_new (_("Unknown"), "pf-unknown");
  self->review_tag = pf_tag_new (_("Needs review"), "pf-review");
  gtk_widget_set_visible (self->unknown_tag, FALSE);
  gtk_widget_set_visible (self->review_tag, FALSE);

  self->note_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_visible (self->note_icon, FALSE);

  self->error_icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (self->error_icon, "error");
  gtk_widget_set_visible (self->error_icon, FALSE);

  self->progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (self->progress_box, FALSE);
  self->progress_bar = gtk_progress_bar_new ();
  gtk_widget_set_size_request (self->progress_bar, 60, -1);
  gtk_widget_set_valign (self->progress_bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attaching evidence"),
                                  -1);
  cancel = gtk_button_new_from_icon_name ("process-stop-symbolic");
  gtk_widget_add_css_class (cancel, "flat");
  pf_tooltip_set_text (cancel, _("Cancel Attaching"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel attaching"),
                                  -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_attach), self);
  gtk_box_append (GTK_BOX (self->progress_box), self->progress_bar);
  gtk_box_append (GTK_BOX (self->progress_box), cancel);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  pf_menu_button_set_menu_on_demand (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  pf_tooltip_set_text (self->menu_button, _("Question Menu"));

  gtk_widget_set_parent (self->critical_tag, GTK_WIDGET (self));
  gtk_widget_set_parent (self->unknown_tag, GTK_WIDGET (self));
  gtk_widget_set_parent (self->review_tag, GTK_WIDGET (self));
  gtk_widget_set_parent (self->note_icon, GTK_WIDGET (self));
  gtk_widget_set_parent (self->error_icon, GTK_WIDGET (self));
  gtk_widget_set_parent (self->progress_box, GTK_WIDGET (self));
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   action_entries, G_N_ELEMENTS (action_entries),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "question", G_ACTION_GROUP (self->actions));
}

PfQuestionTools *
pf_question_tools_new (PfSession  *session,
                       PfQuestion *question)
{
  PfQuestionTools *self;
  g_autofree char *menu_label = NULL;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (PF_IS_QUESTION (question), NULL);

  self = g_object_new (PF_TYPE_QUESTION_TOOLS, NULL);
  self->session = g_object_ref (session);
  self->question = g_object_ref (question);

  gtk_widget_set_visible (self->critical_tag, pf_question_get_critical (question));

  menu_label = g_strdup_printf (_("More for “%s”"),
                                pf_pack_text (pf_question_get_prompt (question)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);

  pf_question_tools_sync (self);

  return self;
}

PfSession *
pf_question_tools_get_session (PfQuestionTools *self)
{
  g_return_val_if_fail (PF_IS_QUESTION_TOOLS (self), NULL);

  return self->session;
}

PfQuestion *
pf_question_tools_get_question (PfQuestionTools *self)
{
  g_return_val_if_fail (PF_IS_QUESTION_TOOLS (self), NULL);

  return self->question;
}

void
pf_question_tools_sync (PfQuestionTools *self)
{
  PfAnswer *answer;
  const char *note = NULL;
  gboolean unknown = FALSE;
  gboolean needs_review = FALSE;
  gboolean has_record = FALSE;
  GAction *action;

  g_return_if_fail (PF_IS_QUESTION_TOOLS (self));

  answer = pf_assessment_get_answer (get_assessment (self), pf_question_get_id (self->question));
  if (answer != NULL)
    {
      unknown = pf_answer_get_state (answer) == PF_ANSWER_STATE_UNKNOWN;
      needs_review = pf_answer_get_needs_review (answer);
      note = pf_answer_get_note (answer);
      has_record = unknown || pf_answer_is_answered (answer);
    }

  gtk_widget_set_visible (self->unknown_tag, unknown);
  gtk_widget_set_visible (self->review_tag, needs_review);
  gtk_widget_set_visible (self->note_icon, note != NULL && note[0] != '\0');
  pf_tooltip_set_text (self->note_icon, note);
  if (note != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Note: %s"), note);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "needs-review");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (needs_review));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "mark-unknown");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !unknown);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "clear");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_record);
}

void
pf_question_tools_show_error (PfQuestionTools *self,
                              const char      *message)
{
  g_return_if_fail (PF_IS_QUESTION_TOOLS (self));

  gtk_widget_set_visible (self->error_icon, message != NULL);
  pf_tooltip_set_text (self->error_icon, message);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                    -1);
}

void
pf_question_tools_mark_unknown (PfQuestionTools *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PF_IS_QUESTION_TOOLS (self));

  if (!pf_assessment_mark_unknown (get_assessment (self),
                                   pf_question_get_id (self->question),
                                   &error))
    pf_question_tools_show_error (self, error->message);
}

void
pf_question_tools_attach (PfQuestionTools *self)
{
  g_autofree char *title = NULL;

  g_return_if_fail (PF_IS_QUESTION_TOOLS (self));

  if (self->cancellable != NULL)
    return;

  title = g_strdup_printf (_("Attach Evidence for “%s”"),
                           pf_pack_text (pf_question_get_prompt (self->question)));
  pf_file_chooser_open_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                              title, TRUE, NULL, NULL, on_files_chosen, g_object_ref (self));
}
