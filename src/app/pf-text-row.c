/* pf-text-row.c: free text, saved when the entry is activated or left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-text-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-text-row.h"

struct _PfTextRow
{
  AdwActionRow     parent_instance;

  PfSession       *session;     /* (owned) */
  PfQuestion      *question;    /* (owned) */
  PfQuestionTools *tools;       /* (unowned) */
  GtkWidget       *entry;       /* (unowned) */
  GtkWidget       *error_label; /* (unowned) */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);
static void commit (PfTextRow *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfTextRow, pf_text_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static PfQuestion *
get_question (PfQuestionRow *row)
{
  return PF_TEXT_ROW (row)->question;
}

static PfQuestionTools *
get_tools (PfQuestionRow *row)
{
  return PF_TEXT_ROW (row)->tools;
}

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfTextRow *self = PF_TEXT_ROW (row);

  /* Never overwrite what the user is typing. */
  if ((gtk_widget_get_state_flags (self->entry) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0
      || gtk_widget_get_visible (self->error_label))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry),
                         answer != NULL && pf_answer_is_answered (answer)
                         ? json_node_get_string (pf_answer_get_value (answer)) : "");
}

static void
commit_row (PfQuestionRow *row)
{
  commit (PF_TEXT_ROW (row));
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->get_question = get_question;
  iface->get_tools = get_tools;
  iface->sync_value = sync_value;
  iface->commit = commit_row;
}

static void
commit (PfTextRow *self)
{
  /* Focus also leaves while the row is being destroyed. */
  if (self->session == NULL)
    return;

  pf_question_row_commit_text (self->session, self->question,
                               GTK_EDITABLE (self->entry),
                               GTK_LABEL (self->error_label));
}

static void
pf_text_row_dispose (GObject *object)
{
  PfTextRow *self = PF_TEXT_ROW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pf_text_row_parent_class)->dispose (object);
}

static void
pf_text_row_class_init (PfTextRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_text_row_dispose;
}

static void
pf_text_row_init (PfTextRow *self)
{
}

GtkWidget *
pf_text_row_new (PfSession  *session,
                 PfQuestion *question)
{
  PfTextRow *self = g_object_new (PF_TYPE_TEXT_ROW, NULL);
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->session = g_object_ref (session);
  self->question = g_object_ref (question);
  self->tools = pf_question_tools_new (session, question);

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_question_get_prompt (question),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (commit), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit), self);
  gtk_widget_add_controller (self->entry, focus);

  self->error_label = pf_question_row_error_label_new ();
  gtk_box_append (GTK_BOX (field), self->entry);
  gtk_box_append (GTK_BOX (field), self->error_label);
  gtk_widget_set_valign (field, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), field);

  pf_question_row_setup (GTK_WIDGET (self), question, self->tools);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
