/* pf-receipt.c: the record of one upload of a bundle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-receipt"

#include "config.h"

#include "pf-receipt.h"

G_DEFINE_BOXED_TYPE (PfReceipt, pf_receipt, pf_receipt_copy, pf_receipt_free)

PfReceipt *
pf_receipt_new (void)
{
  return g_new0 (PfReceipt, 1);
}

PfReceipt *
pf_receipt_copy (const PfReceipt *self)
{
  PfReceipt *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PfReceipt, 1);
  copy->url = g_strdup (self->url);
  copy->time = g_strdup (self->time);
  copy->status = self->status;
  copy->size = self->size;
  copy->digest = g_strdup (self->digest);
  copy->etag = g_strdup (self->etag);

  return copy;
}

void
pf_receipt_free (PfReceipt *self)
{
  if (self == NULL)
    return;

  g_free (self->url);
  g_free (self->time);
  g_free (self->digest);
  g_free (self->etag);
  g_free (self);
}
