/* pf-width-first-layout.h: a layout manager that answers width requests
 * without a height, for columns of wrapping labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PF_TYPE_WIDTH_FIRST_LAYOUT (pf_width_first_layout_get_type ())

G_DECLARE_FINAL_TYPE (PfWidthFirstLayout, pf_width_first_layout, PF, WIDTH_FIRST_LAYOUT, GtkLayoutManager)

/* Gives @widget a layout manager that lays it out exactly as its current
 * one does, except that a width request for a given height is answered as
 * one without a height. Meant for a box of wrapping labels (a row's title
 * and subtitle), whose width never depends on the height it is given. */
void pf_width_first_layout_install         (GtkWidget *widget);

/* Installs it on the title and subtitle column of @row, an AdwActionRow or
 * AdwExpanderRow (the box of CSS class "title" inside it). */
void pf_width_first_layout_install_in_row  (GtkWidget *row);

G_END_DECLS
