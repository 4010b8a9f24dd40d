/* pf-menu-button.h: menu buttons whose menu is built when first opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @button the menu @model, turned into a popover only when the
 * button first opens it (click, F10 on a primary button, or
 * gtk_menu_button_popup()). */
void pf_menu_button_set_menu_on_demand (GtkMenuButton *button,
                                        GMenuModel    *model);

G_END_DECLS
