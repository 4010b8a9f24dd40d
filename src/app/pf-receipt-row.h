/* pf-receipt-row.h: a list row showing the receipt of one bundle upload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "preflight.h"

G_BEGIN_DECLS

/* An AdwActionRow: the URL, then the local time, HTTP status and size. */
GtkWidget *pf_receipt_row_new (const PfReceipt *receipt);

G_END_DECLS
