/* pf-section.h: one section (wizard page) of a criteria pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-question.h"

G_BEGIN_DECLS

#define PF_TYPE_SECTION (pf_section_get_type ())
G_DECLARE_FINAL_TYPE (PfSection, pf_section, PF, SECTION, GObject)

const char *pf_section_get_id          (PfSection *self);
const char *pf_section_get_title       (PfSection *self);
const char *pf_section_get_description (PfSection *self);
/* Element type PfQuestion, in pack order. */
GPtrArray  *pf_section_get_questions   (PfSection *self);

G_END_DECLS
