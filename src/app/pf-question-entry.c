/* pf-question-entry.c: an entry that saves a typed answer, and says under
 * it why a value was refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-question-entry"

#include "config.h"

#include "pf-question-entry.h"
#include "pf-question-row.h"

struct _PfQuestionEntry
{
  GtkWidget   parent_instance;

  PfSession  *session;     /* (owned) */
  PfQuestion *question;    /* (owned) */

  GtkWidget  *line;        /* (unowned) children */
  GtkWidget  *entry;
  GtkWidget  *error_label;
};

G_DEFINE_FINAL_TYPE (PfQuestionEntry, pf_question_entry, GTK_TYPE_WIDGET)

static void
show_refusal (PfQuestionEntry *self,
              const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (self->entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_commit (PfQuestionEntry *self)
{
  pf_question_entry_commit (self);
}

static void
pf_question_entry_dispose (GObject *object)
{
  PfQuestionEntry *self = PF_QUESTION_ENTRY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->session);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pf_question_entry_parent_class)->dispose (object);
}

static void
pf_question_entry_class_init (PfQuestionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_question_entry_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
pf_question_entry_init (PfQuestionEntry *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->entry = gtk_entry_new ();
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_commit), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_commit), self);
  gtk_widget_add_controller (self->entry, focus);
  gtk_box_append (GTK_BOX (self->line), self->entry);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 28);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_widget_add_css_class (self->error_label, "caption");
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);

  gtk_widget_set_parent (self->line, GTK_WIDGET (self));
  gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));
}

PfQuestionEntry *
pf_question_entry_new (PfSession  *session,
                       PfQuestion *question,
                       int         width_chars)
{
  PfQuestionEntry *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (PF_IS_QUESTION (question), NULL);

  self = g_object_new (PF_TYPE_QUESTION_ENTRY, NULL);
  self->session = g_object_ref (session);
  self->question = g_object_ref (question);

  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pf_pack_text (pf_question_get_prompt (question)),
                                  -1);

  return self;
}

GtkEntry *
pf_question_entry_get_entry (PfQuestionEntry *self)
{
  g_return_val_if_fail (PF_IS_QUESTION_ENTRY (self), NULL);

  return GTK_ENTRY (self->entry);
}

void
pf_question_entry_add_suffix (PfQuestionEntry *self,
                              GtkWidget       *suffix,
                              gboolean         joined)
{
  g_return_if_fail (PF_IS_QUESTION_ENTRY (self));
  g_return_if_fail (GTK_IS_WIDGET (suffix));

  if (joined)
    {
      gtk_box_set_spacing (GTK_BOX (self->line), 0);
      gtk_widget_add_css_class (self->line, "linked");
    }
  gtk_box_append (GTK_BOX (self->line), suffix);
}

void
pf_question_entry_show_answer (PfQuestionEntry *self,
                               PfAnswer        *answer)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE] = "";
  const char *text = number;

  g_return_if_fail (PF_IS_QUESTION_ENTRY (self));

  if ((gtk_widget_get_state_flags (self->entry) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0
      || gtk_widget_get_visible (self->error_label))
    return;

  if (answer != NULL && pf_answer_is_answered (answer))
    {
      JsonNode *value = pf_answer_get_value (answer);

      /* Numbers in plain C-locale digits: what pf_question_parse_value()
       * reads back. */
      switch (pf_question_get_question_type (self->question))
        {
        case PF_QUESTION_INTEGER:
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, json_node_get_int (value));
          break;
        case PF_QUESTION_NUMBER:
          g_ascii_formatd (number, sizeof number, "%.15g", json_node_get_double (value));
          break;
        default:
          text = json_node_get_string (value);
        }
    }

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

gboolean
pf_question_entry_commit (PfQuestionEntry *self)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PF_IS_QUESTION_ENTRY (self), FALSE);

  /* Focus also leaves while the entry is being destroyed. */
  if (self->session == NULL)
    return FALSE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (text[0] != '\0')
    {
      value = pf_question_parse_value (self->question, text, &error);
      if (value == NULL)
        {
          show_refusal (self, error->message);
          return FALSE;
        }
    }

  if (!pf_question_row_save_value (self->session, self->question, value, &error))
    {
      show_refusal (self, error->message);
      return FALSE;
    }

  show_refusal (self, NULL);
  return TRUE;
}
