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

#include <glib/gi18n.h>

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

/* The descendant of @widget with builder id @id. */
static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (GTK_IS_BUILDABLE (widget)
      && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
pf_tooltip_set_template_texts (GtkWidget               *widget,
                               const PfTemplateTooltip *tooltips,
                               gsize                    n_tooltips)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (gsize i = 0; i < n_tooltips; i++)
    {
      GtkWidget *child = find_by_id (widget, tooltips[i].id);

      g_return_if_fail (child != NULL);
      pf_tooltip_set_text (child, _(tooltips[i].text));
    }
}
