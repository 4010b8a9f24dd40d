/* pf-tag.c: the small rounded label that tags a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-tag"

#include "config.h"

#include "pf-tag.h"

GtkWidget *
pf_tag_new (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "pf-tag");
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}
