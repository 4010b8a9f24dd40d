/* pf-page-slot.c: a page of the assessment view that builds its real page
 * the first time it is shown.
 *
 * Opening an assessment built all five pages about the whole assessment
 * (determination, evidence, review, timeline, export) although it shows a
 * section: 9 ms of the 80 ms by which opening one exceeded a bare window's
 * first frame (bench/run, DESIGN.md §8). A slot stands in the page stack
 * and the sidebar in the page's place, so the wizard order, the stack's
 * slide direction and the sidebar stay as they were, and it keeps the
 * sidebar's state and progress text current from the session with the
 * page's own summary function.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-page-slot"

#include "config.h"

#include "pf-page-slot.h"

struct _PfPageSlot
{
  PfPage               parent_instance;

  PfPageCreateFunc     create;
  PfPageSummarizeFunc  summarize;
};

G_DEFINE_FINAL_TYPE (PfPageSlot, pf_page_slot, PF_TYPE_PAGE)

static void
update_summary (PfPageSlot *self)
{
  if (self->summarize != NULL)
    pf_page_update_summary (PF_PAGE (self), self->summarize);
}

/* The real page: the slot's child, once built. */
static PfPage *
get_built_page (PfPageSlot *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  return child != NULL ? PF_PAGE (child) : NULL;
}

static void
disconnect_summary (PfPageSlot *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));

  if (session != NULL)
    g_signal_handlers_disconnect_by_data (session, self);
}

PfPage *
pf_page_slot_get_page (PfPageSlot *self)
{
  static const char *shared[] = { "title", "state", "progress-text" };
  PfPage *page;

  g_return_val_if_fail (PF_IS_PAGE_SLOT (self), NULL);

  page = get_built_page (self);
  if (page != NULL)
    return page;

  disconnect_summary (self);
  page = PF_PAGE (self->create (pf_page_get_session (PF_PAGE (self))));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
  /* From now on the sidebar hears the page itself. */
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    g_object_bind_property (page, shared[i], self, shared[i], G_BINDING_SYNC_CREATE);

  return page;
}

static void
pf_page_slot_shown (PfPage *page)
{
  pf_page_shown (pf_page_slot_get_page (PF_PAGE_SLOT (page)));
}

static void
pf_page_slot_commit (PfPage *page)
{
  PfPage *built = get_built_page (PF_PAGE_SLOT (page));

  if (built != NULL)
    pf_page_commit (built);
}

static void
pf_page_slot_dispose (GObject *object)
{
  PfPageSlot *self = PF_PAGE_SLOT (object);

  if (get_built_page (self) == NULL)
    disconnect_summary (self);

  G_OBJECT_CLASS (pf_page_slot_parent_class)->dispose (object);
}

static void
pf_page_slot_class_init (PfPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PfPageClass *page_class = PF_PAGE_CLASS (klass);

  object_class->dispose = pf_page_slot_dispose;
  page_class->shown = pf_page_slot_shown;
  page_class->commit = pf_page_slot_commit;
}

static void
pf_page_slot_init (PfPageSlot *self)
{
}

PfPage *
pf_page_slot_new (PfSession           *session,
                  const char          *title,
                  PfPageCreateFunc     create,
                  PfPageSummarizeFunc  summarize)
{
  PfPageSlot *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (create != NULL, NULL);

  self = g_object_new (PF_TYPE_PAGE_SLOT, "session", session, "title", title, NULL);
  self->create = create;
  self->summarize = summarize;

  /* Every summary reads the assessment or its determination, and the
   * session evaluates the determination again after every change to the
   * assessment: this hears them all, once each. */
  g_signal_connect_swapped (session, "notify::determination", G_CALLBACK (update_summary), self);
  update_summary (self);

  return PF_PAGE (self);
}
