/* pf-tag.h: the small rounded label that tags a row ("Critical", "Missing").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A tag showing @text; @style is one of the pf-tag colour classes of
 * style.css (pf-critical, pf-problem, pf-placeholder…). */
GtkWidget *pf_tag_new (const char *text,
                       const char *style);

G_END_DECLS
