/* pf-indicator.c: a capability indicator of a criteria pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-indicator"

#include "config.h"

#include "pf-criteria-pack-private.h"
#include "pf-indicator.h"

struct _PfIndicator
{
  GObject       parent_instance;

  char         *id;       /* (owned) */
  char         *title;    /* (owned) */
  char         *domain;   /* (owned) */
  PfStrength    strength;
  PfExpression *when;     /* (owned) */
  char         *reason;   /* (owned) */
  GStrv         sources;  /* (owned) */
  PfProvenance  provenance;
};

G_DEFINE_FINAL_TYPE (PfIndicator, pf_indicator, G_TYPE_OBJECT)

static void
pf_indicator_finalize (GObject *object)
{
  PfIndicator *self = PF_INDICATOR (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->when, pf_expression_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->sources, g_strfreev);

  G_OBJECT_CLASS (pf_indicator_parent_class)->finalize (object);
}

static void
pf_indicator_class_init (PfIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_indicator_finalize;
}

static void
pf_indicator_init (PfIndicator *self)
{
}

PfIndicator *
_pf_indicator_new (const char   *id,
                   const char   *title,
                   const char   *domain,
                   PfStrength    strength,
                   PfExpression *when,
                   const char   *reason,
                   GStrv         sources,
                   PfProvenance  provenance)
{
  PfIndicator *self = g_object_new (PF_TYPE_INDICATOR, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->domain = g_strdup (domain);
  self->strength = strength;
  self->when = pf_expression_ref (when);
  self->reason = g_strdup (reason);
  self->sources = sources != NULL ? sources : g_new0 (char *, 1);
  self->provenance = provenance;

  return self;
}

const char *
pf_indicator_get_id (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), NULL);

  return self->id;
}

const char *
pf_indicator_get_title (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), NULL);

  return self->title;
}

const char *
pf_indicator_get_domain (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), NULL);

  return self->domain;
}

PfStrength
pf_indicator_get_strength (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), PF_STRENGTH_WEAK);

  return self->strength;
}

PfExpression *
pf_indicator_get_when (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), NULL);

  return self->when;
}

const char *
pf_indicator_get_reason (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), NULL);

  return self->reason;
}

const char * const *
pf_indicator_get_sources (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), NULL);

  return (const char * const *) self->sources;
}

PfProvenance
pf_indicator_get_provenance (PfIndicator *self)
{
  g_return_val_if_fail (PF_IS_INDICATOR (self), PF_PROVENANCE_PLACEHOLDER);

  return self->provenance;
}
