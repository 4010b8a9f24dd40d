/* pf-tooltip.c: tooltips for widgets that are not in a window yet.
 *
 * GTK 4.8 asks the display where the pointer is whenever the tooltip of a
 * visible widget changes, so that a tooltip already showing follows the
 * change: three X round trips each time. For a widget that is not in a
 * window there is no tooltip showing, and the question is wasted. The
 * rows built before the first frame set some sixty tooltips (bench/run,
 * DESIGN.md §8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-tooltip"

#include "config.h"

#include "pf-tooltip.h"

void
pf_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_root (widget) != NULL || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }

  /* GTK skips the pointer query for a hidden widget. */
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}
