/* pf-section.c: one section (wizard page) of a criteria pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-section"

#include "config.h"

#include "pf-criteria-pack-private.h"
#include "pf-section.h"

struct _PfSection
{
  GObject    parent_instance;

  char      *id;          /* (owned) */
  char      *title;       /* (owned) */
  char      *description; /* (owned) */
  GPtrArray *questions;   /* (owned) (element-type PfQuestion) */
};

G_DEFINE_FINAL_TYPE (PfSection, pf_section, G_TYPE_OBJECT)

static void
pf_section_dispose (GObject *object)
{
  PfSection *self = PF_SECTION (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_section_parent_class)->dispose (object);
}

static void
pf_section_finalize (GObject *object)
{
  PfSection *self = PF_SECTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pf_section_parent_class)->finalize (object);
}

static void
pf_section_class_init (PfSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_section_dispose;
  object_class->finalize = pf_section_finalize;
}

static void
pf_section_init (PfSection *self)
{
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
}

PfSection *
_pf_section_new (const char *id,
                 const char *title,
                 const char *description)
{
  PfSection *self = g_object_new (PF_TYPE_SECTION, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description != NULL ? description : "");

  return self;
}

void
_pf_section_add_question (PfSection  *self,
                          PfQuestion *question)
{
  g_ptr_array_add (self->questions, g_object_ref (question));
  _pf_question_set_section (question, self);
}

const char *
pf_section_get_id (PfSection *self)
{
  g_return_val_if_fail (PF_IS_SECTION (self), NULL);

  return self->id;
}

const char *
pf_section_get_title (PfSection *self)
{
  g_return_val_if_fail (PF_IS_SECTION (self), NULL);

  return self->title;
}

const char *
pf_section_get_description (PfSection *self)
{
  g_return_val_if_fail (PF_IS_SECTION (self), NULL);

  return self->description;
}

GPtrArray *
pf_section_get_questions (PfSection *self)
{
  g_return_val_if_fail (PF_IS_SECTION (self), NULL);

  return self->questions;
}
