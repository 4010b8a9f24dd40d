/* pf-signoff.h: a reviewer's sign-off, bound to the content it reviewed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pf-enums.h"

G_BEGIN_DECLS

typedef struct {
  char       *id;              /* UUID */
  char       *name;
  char       *role;
  char       *date;            /* ISO 8601 UTC */
  PfDecision  decision;
  char       *comment;         /* nullable */
  char       *content_sha256;  /* pf_assessment_dup_content_hash() when signed */
} PfSignoff;

GType      pf_signoff_get_type (void) G_GNUC_CONST;
#define PF_TYPE_SIGNOFF (pf_signoff_get_type ())

PfSignoff *pf_signoff_new      (void);
PfSignoff *pf_signoff_copy     (const PfSignoff *self);
void       pf_signoff_free     (PfSignoff       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfSignoff, pf_signoff_free)

G_END_DECLS
