/* pf-text-row.c: free text, saved when the entry is activated or left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-text-row"

#include "config.h"

#include "pf-question-entry.h"
#include "pf-text-row.h"

struct _PfTextRow
{
  AdwActionRow     parent_instance;

  PfQuestionEntry *field;     /* (unowned) */
};

static void question_row_iface_init (PfQuestionRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PfTextRow, pf_text_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (PF_TYPE_QUESTION_ROW, question_row_iface_init))

static void
sync_value (PfQuestionRow *row,
            PfAnswer      *answer)
{
  pf_question_entry_show_answer (PF_TEXT_ROW (row)->field, answer);
}

static void
commit (PfQuestionRow *row)
{
  pf_question_entry_commit (PF_TEXT_ROW (row)->field);
}

static void
question_row_iface_init (PfQuestionRowInterface *iface)
{
  iface->sync_value = sync_value;
  iface->commit = commit;
}

static void
pf_text_row_class_init (PfTextRowClass *klass)
{
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

  self->field = pf_question_entry_new (session, question, 18);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->field));

  pf_question_row_setup (GTK_WIDGET (self), session, question);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self),
                                         GTK_WIDGET (pf_question_entry_get_entry (self->field)));
  pf_question_row_sync (PF_QUESTION_ROW (self));

  return GTK_WIDGET (self);
}
