/* pf-evidence-item.c: metadata of one evidence file an assessment refers to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-evidence-item"

#include "config.h"

#include "pf-evidence-item.h"

G_DEFINE_BOXED_TYPE (PfEvidenceItem, pf_evidence_item,
                     pf_evidence_item_copy, pf_evidence_item_free)

PfEvidenceItem *
pf_evidence_item_new (void)
{
  PfEvidenceItem *self = g_new0 (PfEvidenceItem, 1);

  self->marking = PF_MARKING_NONE;
  self->question_ids = g_new0 (char *, 1);

  return self;
}

PfEvidenceItem *
pf_evidence_item_copy (const PfEvidenceItem *self)
{
  PfEvidenceItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PfEvidenceItem, 1);
  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->sha256 = g_strdup (self->sha256);
  copy->size = self->size;
  copy->media_type = g_strdup (self->media_type);
  copy->original_name = g_strdup (self->original_name);
  copy->marking = self->marking;
  copy->question_ids = self->question_ids != NULL ? g_strdupv (self->question_ids)
                                                  : g_new0 (char *, 1);
  copy->added = g_strdup (self->added);

  return copy;
}

void
pf_evidence_item_free (PfEvidenceItem *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->title);
  g_free (self->sha256);
  g_free (self->media_type);
  g_free (self->original_name);
  g_strfreev (self->question_ids);
  g_free (self->added);
  g_free (self);
}

gboolean
pf_evidence_item_links_question (const PfEvidenceItem *self,
                                 const char           *question_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  return self->question_ids != NULL
         && g_strv_contains ((const char * const *) self->question_ids, question_id);
}
