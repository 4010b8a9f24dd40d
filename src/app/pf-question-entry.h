/* pf-question-entry.h: the entry of a typed answer (text, number, date):
 * saved when activated or left, refused values shown under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_QUESTION_ENTRY (pf_question_entry_get_type ())
G_DECLARE_FINAL_TYPE (PfQuestionEntry, pf_question_entry, PF, QUESTION_ENTRY, GtkWidget)

PfQuestionEntry *pf_question_entry_new        (PfSession       *session,
                                               PfQuestion      *question,
                                               int              width_chars);
GtkEntry        *pf_question_entry_get_entry  (PfQuestionEntry *self);
/* Puts @suffix after the entry: a unit beside it, or, when @joined, a
 * button drawn as one piece with it (a picker). */
void             pf_question_entry_add_suffix (PfQuestionEntry *self,
                                               GtkWidget       *suffix,
                                               gboolean         joined);
/* Shows @answer (nullable) as text, unless the user is typing or must
 * still fix a refused value. */
void             pf_question_entry_show_answer (PfQuestionEntry *self,
                                                PfAnswer        *answer);
/* Saves what is typed (empty clears the answer). A value the question
 * refuses is not saved: the entry gets the error style and the label under
 * it says why. */
gboolean         pf_question_entry_commit     (PfQuestionEntry *self);

G_END_DECLS
