/* pf-receipt-row.c: a list row showing the receipt of one bundle upload, the
 * same on the Export page (just after submitting) and the Review page
 * (the submission history).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-receipt-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-plain-row.h"
#include "pf-receipt-row.h"
#include "pf-tooltip.h"

GtkWidget *
pf_receipt_row_new (const PfReceipt *receipt)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *row;

  g_return_val_if_fail (receipt != NULL, NULL);

  utc = receipt->time != NULL ? g_date_time_new_from_iso8601 (receipt->time, NULL) : NULL;
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: date and time of an upload, see g_date_time_format() */
  time = local != NULL ? g_date_time_format (local, _("%-d %B %Y, %H:%M"))
                       : g_strdup (receipt->time != NULL ? receipt->time : "");
  size = g_format_size (receipt->size);

  /* Translators: an upload's date and time, HTTP status code and size,
   * e.g. "3 November 2026, 14:03 · HTTP 201 · 4.2 MB" */
  subtitle = g_strdup_printf (_("%s · HTTP %u · %s"), time, receipt->status, size);
  /* Translators: the Content-Digest sent and the ETag the server gave back */
  tooltip = g_strdup_printf (_("Digest: %s\nETag: %s"),
                             receipt->digest != NULL ? receipt->digest : "",
                             receipt->etag != NULL ? receipt->etag : _("none"));

  row = pf_plain_row_new (receipt->url, subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("send-to-symbolic"));
  pf_tooltip_set_text (row, tooltip);

  return row;
}
