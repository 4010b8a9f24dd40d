/* pf-signoff.c: a reviewer's sign-off, bound to the content it reviewed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-signoff"

#include "config.h"

#include "pf-signoff.h"

G_DEFINE_BOXED_TYPE (PfSignoff, pf_signoff, pf_signoff_copy, pf_signoff_free)

PfSignoff *
pf_signoff_new (void)
{
  PfSignoff *self = g_new0 (PfSignoff, 1);

  self->decision = PF_DECISION_APPROVE;

  return self;
}

PfSignoff *
pf_signoff_copy (const PfSignoff *self)
{
  PfSignoff *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PfSignoff, 1);
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->role = g_strdup (self->role);
  copy->date = g_strdup (self->date);
  copy->decision = self->decision;
  copy->comment = g_strdup (self->comment);
  copy->content_sha256 = g_strdup (self->content_sha256);

  return copy;
}

void
pf_signoff_free (PfSignoff *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->role);
  g_free (self->date);
  g_free (self->comment);
  g_free (self->content_sha256);
  g_free (self);
}
