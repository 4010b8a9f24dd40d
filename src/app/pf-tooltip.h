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

/* A tooltip for the template child with id @id: translated with _(), so
 * mark it with N_(). */
typedef struct {
  const char *id;
  const char *text;
} PfTemplateTooltip;

/* Sets @tooltips on the widgets inside @widget that its template names:
 * for the tooltips of a template, which GtkBuilder would set on visible
 * widgets. Call right after gtk_widget_init_template(). */
void pf_tooltip_set_template_texts (GtkWidget               *widget,
                                    const PfTemplateTooltip *tooltips,
                                    gsize                    n_tooltips);

G_END_DECLS
