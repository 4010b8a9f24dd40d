/* pf-export-page.c: says what export will do; it has no controls until the
 * bundle writer exists, so there is nothing to press that does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-export-page"

#include "config.h"

#include "pf-export-page.h"

struct _PfExportPage
{
  PfPage parent_instance;
};

G_DEFINE_FINAL_TYPE (PfExportPage, pf_export_page, PF_TYPE_PAGE)

static void
pf_export_page_class_init (PfExportPageClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/preflightapp/Preflight/pf-export-page.ui");
}

static void
pf_export_page_init (PfExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_export_page_new (PfSession *session)
{
  PfExportPage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  self = g_object_new (PF_TYPE_EXPORT_PAGE, "session", session, NULL);
  pf_page_set_complete (PF_PAGE (self), TRUE);

  return GTK_WIDGET (self);
}
