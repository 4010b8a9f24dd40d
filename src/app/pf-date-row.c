/* pf-date-row.c: a date typed as YYYY-MM-DD or picked from a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-date-row"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pf-date-row.h"

struct _PfDateRow
{
  AdwActionRow     parent_instance;

  PfSession       *session;     /* (owned) */
  PfQuestion      *question;    /* (owned) */
  PfQuestionTools *tools;       /* (unowned) */
  GtkWidget       *entry;       /* (unowned) */
  GtkWidget       *error_label; /* (unowned) */
  GtkWidget       *calendar;    /* (unowned) */
  GtkWidget       *pick_button; /* (unowned) */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);
static void commit (PfDateRow *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfDateRow, pf_date_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static PfQuestion *
get_question (PfQuestionRow *row)
{
  return PF_DATE_ROW (row)->question;
}

static PfQuestionTools *
get_tools (PfQuestionRow *row)
{
  return PF_DATE_ROW (row)->tools;
}

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  PfDateRow *self = PF_DATE_ROW (row);

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
  commit (PF_DATE_ROW (row));
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
commit (PfDateRow *self)
{
  /* Focus also leaves while the row is being destroyed. */
  if (self->session == NULL)
    return;

  pf_question_row_commit_text (self->session, self->question,
                               GTK_EDITABLE (self->entry),
                               GTK_LABEL (self->error_label));
}

static void
on_day_selected (PfDateRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  commit (self);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->pick_button));
}

/* Opens the calendar on the typed date when there is one. */
static void
on_popover_show (PfDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  int year, month, day;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3
      && g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GDateTime) when = g_date_time_new_utc (year, month, day, 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
      g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
    }
}

static void
pf_date_row_dispose (GObject *object)
{
  PfDateRow *self = PF_DATE_ROW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pf_date_row_parent_class)->dispose (object);
}

static void
pf_date_row_class_init (PfDateRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pf_date_row_dispose;
}

static void
pf_date_row_init (PfDateRow *self)
{
}

GtkWidget *
pf_date_row_new (PfSession  *session,
                 PfQuestion *question)
{
  PfDateRow *self = g_object_new (PF_TYPE_DATE_ROW, NULL);
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *popover = gtk_popover_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->session = g_object_ref (session);
  self->question = g_object_ref (question);
  self->tools = pf_question_tools_new (session, question);

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
  /* TRANSLATORS: the date format to type; keep the letters as they are */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pf_question_get_prompt (question),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (commit), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit), self);
  gtk_widget_add_controller (self->entry, focus);

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show), self);

  self->pick_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->pick_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->pick_button), popover);
  gtk_widget_set_tooltip_text (self->pick_button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a date"),
                                  -1);

  gtk_widget_add_css_class (line, "linked");
  gtk_box_append (GTK_BOX (line), self->entry);
  gtk_box_append (GTK_BOX (line), self->pick_button);

  self->error_label = pf_question_row_error_label_new ();
  gtk_box_append (GTK_BOX (field), line);
  gtk_box_append (GTK_BOX (field), self->error_label);
  gtk_widget_set_valign (field, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), field);

  pf_question_row_setup (GTK_WIDGET (self), question, self->tools);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
