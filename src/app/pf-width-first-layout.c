/* pf-width-first-layout.c: a layout manager that answers width requests
 * without a height, for columns of wrapping labels.
 *
 * A horizontal GtkBox allocates its children by asking each for its width
 * at the box's height. GTK 4.8 answers that for a wrapping label by laying
 * the text out again at up to twenty widths, searching for the narrowest
 * one that fits the height; a row's title and subtitle went through that
 * search at every allocation, which made opening a section of eight
 * question rows shape each help sentence about sixty times before the first
 * frame (bench/run, DESIGN.md §8). A wrapping label is height-for-width:
 * its width does not depend on the height, so the answer without a height
 * is the same and costs two layouts, which GTK then caches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-width-first-layout"

#include "config.h"

#include "pf-width-first-layout.h"

struct _PfWidthFirstLayout
{
  GtkLayoutManager  parent_instance;

  GtkLayoutManager *inner;  /* (owned): the widget's own layout */
};

G_DEFINE_FINAL_TYPE (PfWidthFirstLayout, pf_width_first_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
pf_width_first_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  PfWidthFirstLayout *self = PF_WIDTH_FIRST_LAYOUT (manager);

  return GTK_LAYOUT_MANAGER_GET_CLASS (self->inner)->get_request_mode (self->inner, widget);
}

static void
pf_width_first_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  PfWidthFirstLayout *self = PF_WIDTH_FIRST_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;

  gtk_layout_manager_measure (self->inner, widget, orientation, for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
pf_width_first_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  PfWidthFirstLayout *self = PF_WIDTH_FIRST_LAYOUT (manager);

  gtk_layout_manager_allocate (self->inner, widget, width, height, baseline);
}

static void
pf_width_first_layout_dispose (GObject *object)
{
  PfWidthFirstLayout *self = PF_WIDTH_FIRST_LAYOUT (object);

  g_clear_object (&self->inner);

  G_OBJECT_CLASS (pf_width_first_layout_parent_class)->dispose (object);
}

static void
pf_width_first_layout_class_init (PfWidthFirstLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->dispose = pf_width_first_layout_dispose;
  layout_class->get_request_mode = pf_width_first_layout_get_request_mode;
  layout_class->measure = pf_width_first_layout_measure;
  layout_class->allocate = pf_width_first_layout_allocate;
}

static void
pf_width_first_layout_init (PfWidthFirstLayout *self)
{
}

void
pf_width_first_layout_install (GtkWidget *widget)
{
  GtkLayoutManager *inner;
  PfWidthFirstLayout *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  inner = gtk_widget_get_layout_manager (widget);
  g_return_if_fail (inner != NULL);

  if (PF_IS_WIDTH_FIRST_LAYOUT (inner))
    return;

  self = g_object_new (PF_TYPE_WIDTH_FIRST_LAYOUT, NULL);
  self->inner = g_object_ref (inner);
  gtk_widget_set_layout_manager (widget, GTK_LAYOUT_MANAGER (self));
}

void
pf_width_first_layout_install_in_row (GtkWidget *row)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if (GTK_IS_BOX (row) && gtk_widget_has_css_class (row, "title"))
    {
      pf_width_first_layout_install (row);
      return;
    }

  for (child = gtk_widget_get_first_child (row);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pf_width_first_layout_install_in_row (child);
}
