/* pf-receipt.h: the record of one upload of a bundle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char    *url;
  char    *time;    /* ISO 8601 UTC */
  guint    status;  /* HTTP status of the PUT (201, 204, or 412 when already there) */
  guint64  size;
  char    *digest;  /* the Content-Digest header value sent */
  char    *etag;    /* nullable */
} PfReceipt;

GType      pf_receipt_get_type (void) G_GNUC_CONST;
#define PF_TYPE_RECEIPT (pf_receipt_get_type ())

PfReceipt *pf_receipt_new      (void);
PfReceipt *pf_receipt_copy     (const PfReceipt *self);
void       pf_receipt_free     (PfReceipt       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfReceipt, pf_receipt_free)

G_END_DECLS
