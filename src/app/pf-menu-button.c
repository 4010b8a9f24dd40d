/* pf-menu-button.c: menu buttons whose menu is built when first opened.
 *
 * A GtkMenuButton turns its menu model into a GtkPopoverMenu of some forty
 * widgets as soon as it gets the model. The header bar's main menu and
 * the menu of every question row did that before the first frame, and
 * most are never opened (bench/run, DESIGN.md §8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-menu-button"

#include "config.h"

#include "pf-menu-button.h"

static void
create_popup (GtkMenuButton *button,
              gpointer       model)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

void
pf_menu_button_set_menu_on_demand (GtkMenuButton *button,
                                   GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_popup, g_object_ref (model),
                                         g_object_unref);
}
