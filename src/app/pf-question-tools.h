/* pf-question-tools.h: the end of every question row: "Critical" tag, state
 * tags (unknown, needs review, note), attach progress and the row's menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_QUESTION_TOOLS (pf_question_tools_get_type ())
G_DECLARE_FINAL_TYPE (PfQuestionTools, pf_question_tools, PF, QUESTION_TOOLS, GtkWidget)

PfQuestionTools *pf_question_tools_new        (PfSession       *session,
                                               PfQuestion      *question);
PfSession       *pf_question_tools_get_session (PfQuestionTools *self);
PfQuestion      *pf_question_tools_get_question (PfQuestionTools *self);
/* Reads the answer's state into the tags and the menu's toggles. */
void             pf_question_tools_sync       (PfQuestionTools *self);
/* Shows @message (NULL hides it) as the row's error. */
void             pf_question_tools_show_error (PfQuestionTools *self,
                                               const char      *message);
/* Marks the question unknown; a refusal shows as the row's error. */
void             pf_question_tools_mark_unknown (PfQuestionTools *self);
/* Asks for files and attaches them as evidence of the question. */
void             pf_question_tools_attach     (PfQuestionTools *self);

G_END_DECLS
