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

  /* Show the stored answer (it changed, maybe elsewhere). */
  void (*sync_value) (PfQuestionRow *self,
                      PfAnswer      *answer);
  /* Optional: save what is typed but not saved yet. */
  void (*commit)     (PfQuestionRow *self);
};

/* The row for @question's type (a GtkListBoxRow implementing PfQuestionRow). */
GtkWidget       *pf_question_row_new            (PfSession     *session,
                                                 PfQuestion    *question);
PfQuestion      *pf_question_row_get_question   (PfQuestionRow *self);
PfQuestionTools *pf_question_row_get_tools      (PfQuestionRow *self);
/* Refreshes value and state indicators from the assessment. */
void             pf_question_row_sync           (PfQuestionRow *self);
/* Saves pending typed text (the page is being left). */
void             pf_question_row_commit         (PfQuestionRow *self);
/* Saves @value as the answer and shows a refusal as the row's error. */
void             pf_question_row_set_value      (PfQuestionRow *self,
                                                 JsonNode      *value);

/* For the row classes, once their own widgets are in: title, subtitle
 * (first sentence of the help), accessible label, and the tools at the
 * end, which the row keeps (unowned). */
PfQuestionTools *pf_question_row_setup          (GtkWidget     *row,
                                                 PfSession     *session,
                                                 PfQuestion    *question);
/* The first sentence of the help (the subtitle); "" when there is none. */
char            *pf_question_row_dup_short_help (PfQuestion    *question);
/* Saves @value (NULL clears) as @question's answer. A value equal to the
 * answer is not saved again: leaving a field unchanged must not touch the
 * document (nor autosave). */
gboolean         pf_question_row_save_value     (PfSession     *session,
                                                 PfQuestion    *question,
                                                 JsonNode      *value,
                                                 GError       **error);

G_END_DECLS
