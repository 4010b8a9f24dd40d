/* pf-multi-choice-row.c: any number of options, as check boxes in an
 * expander row; an empty selection is the answer "none of these".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-multi-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-multi-choice-row.h"

struct _PfMultiChoiceRow
{
  AdwExpanderRow   parent_instance;

  /* (owned) (element-type GtkCheckButton): one per option, in order; empty
   * until the row is first expanded */
  GPtrArray       *checks;
  gboolean         syncing;
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfMultiChoiceRow, pf_multi_choice_row, ADW_TYPE_EXPANDER_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static gboolean
array_has_string (JsonArray  *array,
                  const char *str)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), str) == 0)
      return TRUE;

  return FALSE;
}

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfMultiChoiceRow *self = PF_MULTI_CHOICE_ROW (row);
  PfQuestion *question = pf_question_row_get_question (row);
  GPtrArray *options = pf_question_get_options (question);
  JsonArray *chosen = NULL;
  g_autofree char *summary = NULL;

  if (answer != NULL && pf_answer_is_answered (answer))
    {
      chosen = json_node_get_array (pf_answer_get_value (answer));
      summary = pf_question_format_value (question, pf_answer_get_value (answer));
    }

  self->syncing = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    {
      const PfOption *option = g_ptr_array_index (options, i);

      gtk_check_button_set_active (g_ptr_array_index (self->checks, i),
                                   chosen != NULL && array_has_string (chosen, option->id));
    }
  self->syncing = FALSE;

  /* Collapsed, the row still tells what was chosen. */
  if (summary != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                   json_array_get_length (chosen) > 0 ? summary : _("None of these"));
  else
    {
      g_autofree char *help = pf_question_row_dup_short_help (question);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), help);
    }
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
}

static void
on_toggled (PfMultiChoiceRow *self)
{
  GPtrArray *options = pf_question_get_options (pf_question_row_get_question (PF_QUESTION_ROW (self)));
  g_autoptr(JsonArray) chosen = json_array_new ();
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_ARRAY);

  if (self->syncing)
    return;

  for (guint i = 0; i < options->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      json_array_add_string_element (chosen, ((PfOption *) g_ptr_array_index (options, i))->id);

  json_node_set_array (value, chosen);
  pf_question_row_set_value (PF_QUESTION_ROW (self), value);
}

static void
pf_multi_choice_row_dispose (GObject *object)
{
  PfMultiChoiceRow *self = PF_MULTI_CHOICE_ROW (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_multi_choice_row_parent_class)->dispose (object);
}

static void
pf_multi_choice_row_class_init (PfMultiChoiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_multi_choice_row_dispose;
}

static void
pf_multi_choice_row_init (PfMultiChoiceRow *self)
{
  self->checks = g_ptr_array_new ();
}

/* The options are built when the row is first expanded: collapsed, GTK
 * still measures them (and shapes their text) before the first frame, and
 * the subtitle already tells what was chosen. */
static void
on_expanded (PfMultiChoiceRow *self)
{
  GPtrArray *options = pf_question_get_options (pf_question_row_get_question (PF_QUESTION_ROW (self)));

  if (self->checks->len > 0 || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  for (guint i = 0; i < options->len; i++)
    {
      const PfOption *option = g_ptr_array_index (options, i);
      const char *label = pf_pack_text (option->label);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_toggled), self);
      g_ptr_array_add (self->checks, check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }

  pf_question_row_sync (PF_QUESTION_ROW (self));
}

GtkWidget *
pf_multi_choice_row_new (PfSession  *session,
                         PfQuestion *question)
{
  PfMultiChoiceRow *self = g_object_new (PF_TYPE_MULTI_CHOICE_ROW, NULL);

  pf_question_row_setup (GTK_WIDGET (self), session, question);
  pf_question_row_sync (PF_QUESTION_ROW (self));
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded), NULL);

  return GTK_WIDGET (self);
}
