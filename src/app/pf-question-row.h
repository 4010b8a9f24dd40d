/* pf-question-row.h: what every question row does, and the factory that
 * picks the row for a question's type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-question-tools.h"
#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_QUESTION_ROW (pf_question_row_get_type ())
G_DECLARE_INTERFACE (PfQuestionRow, pf_question_row, PF, QUESTION_ROW, GtkWidget)

struct _PfQuestionRowInterface
{
  GTypeInterface parent_iface;

  PfQuestion      *(*get_question) (PfQuestionRow *self);
  PfQuestionTools *(*get_tools)    (PfQuestionRow *self);
  /* Show the stored answer (it changed, maybe elsewhere). */
  void             (*sync_value)   (PfQuestionRow *self,
                                    PfAnswer      *answer);
  /* Optional: save what is typed but not saved yet. */
  void             (*commit)       (PfQuestionRow *self);
};

/* The row for @question's type (a GtkListBoxRow implementing PfQuestionRow). */
GtkWidget  *pf_question_row_new          (PfSession     *session,
                                          PfQuestion    *question);
PfQuestion *pf_question_row_get_question (PfQuestionRow *self);
/* Refreshes value and state indicators from the assessment. */
void        pf_question_row_sync         (PfQuestionRow *self);
/* Saves pending typed text (the page is being left). */
void        pf_question_row_commit       (PfQuestionRow *self);

/* For the row classes: title, subtitle (first sentence of the help),
 * accessible label and the tools suffix. */
void        pf_question_row_setup        (GtkWidget       *row,
                                          PfQuestion      *question,
                                          PfQuestionTools *tools);
/* The first sentence of the help (the subtitle); "" when there is none. */
char       *pf_question_row_dup_short_help (PfQuestion    *question);
/* Saves what the user typed in @entry (empty clears the answer). A value the
 * question refuses is not saved: @entry gets the error style and
 * @error_label says why. */
gboolean    pf_question_row_commit_text  (PfSession       *session,
                                          PfQuestion      *question,
                                          GtkEditable     *entry,
                                          GtkLabel        *error_label);
/* The caption label under an entry that shows why its text was refused. */
GtkWidget  *pf_question_row_error_label_new (void);

G_END_DECLS
