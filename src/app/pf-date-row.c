/* pf-date-row.c: a date typed as YYYY-MM-DD or picked from a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-date-row"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pf-date-row.h"
#include "pf-question-entry.h"
#include "pf-tooltip.h"

struct _PfDateRow
{
  AdwActionRow     parent_instance;

  PfQuestionEntry *field;       /* (unowned) */
  GtkWidget       *calendar;    /* (unowned) */
  GtkWidget       *pick_button; /* (unowned) */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfDateRow, pf_date_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  pf_question_entry_show_answer (PF_DATE_ROW (row)->field, answer);
}

static void
commit (PfQuestionRow *row)
{
  pf_question_entry_commit (PF_DATE_ROW (row)->field);
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
  iface->commit = commit;
}

static void
on_day_selected (PfDateRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (pf_question_entry_get_entry (self->field)), text);
  pf_question_entry_commit (self->field);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->pick_button));
}

/* Opens the calendar on the typed date when there is one. */
static void
on_popover_show (PfDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (pf_question_entry_get_entry (self->field)));
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
pf_date_row_class_init (PfDateRowClass *klass)
{
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
  GtkWidget *popover = gtk_popover_new ();
  GtkEntry *entry;

  self->field = pf_question_entry_new (session, question, 11);
  entry = pf_question_entry_get_entry (self->field);
  /* TRANSLATORS: the date format to type; keep the letters as they are */
  gtk_entry_set_placeholder_text (entry, _("YYYY-MM-DD"));

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show), self);

  self->pick_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->pick_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->pick_button), popover);
  pf_tooltip_set_text (self->pick_button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a date"),
                                  -1);
  pf_question_entry_add_suffix (self->field, self->pick_button, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->field));

  pf_question_row_setup (GTK_WIDGET (self), session, question);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (entry));
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
