/* pf-tooltip.h: tooltips for widgets that are not in a window yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Like gtk_widget_set_tooltip_text(), without asking the display where
 * the pointer is when @widget is not in a window yet. */
void pf_tooltip_set_text (GtkWidget  *widget,
                          const char *text);

G_END_DECLS
