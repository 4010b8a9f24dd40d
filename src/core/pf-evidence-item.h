/* pf-evidence-item.h: metadata of one evidence file an assessment refers to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pf-enums.h"

G_BEGIN_DECLS

/* A plain record; PfAssessment keeps copies. */
typedef struct {
  char      *id;            /* UUID */
  char      *title;
  char      *sha256;        /* lower-case hex */
  guint64    size;
  char      *media_type;    /* e.g. "application/pdf" */
  char      *original_name; /* base name of the file that was attached */
  PfMarking  marking;
  char     **question_ids;  /* NULL-terminated, may be empty */
  char      *added;         /* ISO 8601 UTC */
} PfEvidenceItem;

GType           pf_evidence_item_get_type (void) G_GNUC_CONST;
#define PF_TYPE_EVIDENCE_ITEM (pf_evidence_item_get_type ())

PfEvidenceItem *pf_evidence_item_new      (void);
PfEvidenceItem *pf_evidence_item_copy     (const PfEvidenceItem *self);
void            pf_evidence_item_free     (PfEvidenceItem       *self);
gboolean        pf_evidence_item_links_question (const PfEvidenceItem *self,
                                                 const char           *question_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfEvidenceItem, pf_evidence_item_free)

G_END_DECLS
