/* pf-plain-row.h: rows that show text as it is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwActionRow with @title and @subtitle (nullable), both plain text:
 * pack text and file names may hold “&” or “<”, which markup would read. */
GtkWidget *pf_plain_row_new (const char *title,
                             const char *subtitle);

G_END_DECLS
