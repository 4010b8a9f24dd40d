/* pf-boolean-row.c: Yes / No / Unknown as linked toggle buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-boolean-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-boolean-row.h"

struct _PfBooleanRow
{
  AdwActionRow     parent_instance;

  PfQuestionTools *tools;     /* (unowned) */
  GtkWidget       *yes;       /* (unowned) */
  GtkWidget       *no;        /* (unowned) */
  GtkWidget       *unknown;   /* (unowned) */
  gboolean         syncing;
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfBooleanRow, pf_boolean_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfBooleanRow *self = PF_BOOLEAN_ROW (row);
  GtkWidget *active = NULL;

  if (answer != NULL && pf_answer_is_answered (answer))
    active = json_node_get_boolean (pf_answer_get_value (answer)) ? self->yes : self->no;
  else if (answer != NULL && pf_answer_get_state (answer) == PF_ANSWER_STATE_UNKNOWN)
    active = self->unknown;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->yes), active == self->yes);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->no), active == self->no);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->unknown), active == self->unknown);
  self->syncing = FALSE;
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
}

static void
on_toggled (GtkToggleButton *button,
            PfBooleanRow    *self)
{
  g_autoptr(JsonNode) value = NULL;

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  if (GTK_WIDGET (button) == self->unknown)
    {
      pf_question_tools_mark_unknown (self->tools);
      return;
    }

  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_boolean (value, GTK_WIDGET (button) == self->yes);
  pf_question_row_set_value (PF_QUESTION_ROW (self), value);
}

static void
pf_boolean_row_class_init (PfBooleanRowClass *klass)
{
}

static GtkWidget *
toggle_new (PfBooleanRow *self,
            const char   *label,
            GtkWidget    *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  g_signal_connect (button, "toggled", G_CALLBACK (on_toggled), self);

  return button;
}

static void
pf_boolean_row_init (PfBooleanRow *self)
{
}

GtkWidget *
pf_boolean_row_new (PfSession  *session,
                    PfQuestion *question)
{
  PfBooleanRow *self = g_object_new (PF_TYPE_BOOLEAN_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->yes = toggle_new (self, _("Yes"), NULL);
  self->no = toggle_new (self, _("No"), self->yes);
  self->unknown = toggle_new (self, _("Unknown"), self->yes);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->yes);
  gtk_box_append (GTK_BOX (box), self->no);
  gtk_box_append (GTK_BOX (box), self->unknown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pf_pack_text (pf_question_get_prompt (question)),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);

  self->tools = pf_question_row_setup (GTK_WIDGET (self), session, question);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
