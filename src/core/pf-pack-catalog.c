/* pf-pack-catalog.c: the built-in packs (GResource) and the installed ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-pack-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-pack-catalog.h"

#define BUILTIN_PACKS_PATH "/io/github/preflightapp/Preflight/packs/"
#define PACK_SUFFIX ".pfpack.json"

struct _PfPackCatalog
{
  GObject     parent_instance;

  GPtrArray  *packs;    /* (owned) (element-type PfCriteriaPack) */
  GHashTable *builtin;  /* (owned) set of the built-in PfCriteriaPack, unowned */
  GPtrArray  *problems; /* (owned) (element-type GError) */
};

G_DEFINE_FINAL_TYPE (PfPackCatalog, pf_pack_catalog, G_TYPE_OBJECT)

static void
pf_pack_catalog_dispose (GObject *object)
{
  PfPackCatalog *self = PF_PACK_CATALOG (object);

  g_clear_pointer (&self->builtin, g_hash_table_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_pack_catalog_parent_class)->dispose (object);
}

static void
pf_pack_catalog_finalize (GObject *object)
{
  PfPackCatalog *self = PF_PACK_CATALOG (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_pack_catalog_parent_class)->finalize (object);
}

static void
pf_pack_catalog_class_init (PfPackCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_pack_catalog_dispose;
  object_class->finalize = pf_pack_catalog_finalize;
}

static void
pf_pack_catalog_init (PfPackCatalog *self)
{
  self->packs = g_ptr_array_new_with_free_func (g_object_unref);
  self->builtin = g_hash_table_new (NULL, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/* Compares dotted numeric versions ("1.10.0" > "1.9"); missing parts are 0. */
static int
compare_versions (const char *a,
                  const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      guint64 part_a = g_ascii_strtoull (a, (char **) &a, 10);
      guint64 part_b = g_ascii_strtoull (b, (char **) &b, 10);

      if (part_a != part_b)
        return part_a < part_b ? -1 : 1;

      /* Skip the dot (whatever stopped the number, so the loop advances). */
      if (*a != '\0')
        a++;
      if (*b != '\0')
        b++;
    }

  return 0;
}

static int
compare_packs (gconstpointer a,
               gconstpointer b)
{
  PfCriteriaPack *pack_a = *(PfCriteriaPack **) a;
  PfCriteriaPack *pack_b = *(PfCriteriaPack **) b;
  int order = g_strcmp0 (pf_criteria_pack_get_id (pack_a), pf_criteria_pack_get_id (pack_b));

  if (order != 0)
    return order;

  /* Newest first within one id; the origin settles which copy of the same
   * version is kept, whatever order the folder lists its files in. */
  order = compare_versions (pf_criteria_pack_get_version (pack_b),
                            pf_criteria_pack_get_version (pack_a));
  if (order != 0)
    return order;

  return g_strcmp0 (pf_criteria_pack_get_origin (pack_a), pf_criteria_pack_get_origin (pack_b));
}

static PfCriteriaPack *
find_pack (PfPackCatalog *self,
           const char    *id,
           const char    *version)
{
  PfCriteriaPack *found = NULL;

  for (guint i = 0; i < self->packs->len; i++)
    {
      PfCriteriaPack *pack = g_ptr_array_index (self->packs, i);

      if (!g_str_equal (pf_criteria_pack_get_id (pack), id))
        continue;

      if (version != NULL)
        {
          if (g_str_equal (pf_criteria_pack_get_version (pack), version))
            return pack;
        }
      else if (found == NULL || compare_versions (pf_criteria_pack_get_version (pack),
                                                  pf_criteria_pack_get_version (found)) > 0)
        found = pack;
    }

  return found;
}

/* Adds @packs (sorted) unless the catalog has one of the same id and
 * version already: the first one read wins, so a built-in pack cannot be
 * shadowed by an installed copy. */
static void
add_packs (PfPackCatalog *self,
           GPtrArray     *packs,
           gboolean       builtin)
{
  g_ptr_array_sort (packs, compare_packs);

  for (guint i = 0; i < packs->len; i++)
    {
      PfCriteriaPack *pack = g_ptr_array_index (packs, i);
      PfCriteriaPack *existing = find_pack (self, pf_criteria_pack_get_id (pack),
                                            pf_criteria_pack_get_version (pack));

      if (existing != NULL)
        {
          g_ptr_array_add (self->problems,
                           g_error_new (PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                                        _("%s: skipped — pack “%s” version %s is already provided by %s; remove one of them"),
                                        pf_criteria_pack_get_origin (pack),
                                        pf_criteria_pack_get_id (pack),
                                        pf_criteria_pack_get_version (pack),
                                        pf_criteria_pack_get_origin (existing)));
          continue;
        }

      g_ptr_array_add (self->packs, g_object_ref (pack));
      if (builtin)
        g_hash_table_add (self->builtin, pack);
    }
}

static void
load_builtin (PfPackCatalog *self)
{
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (BUILTIN_PACKS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      PfCriteriaPack *pack;

      if (!g_str_has_suffix (names[i], PACK_SUFFIX))
        continue;

      path = g_strconcat (BUILTIN_PACKS_PATH, names[i], NULL);
      pack = pf_criteria_pack_new_from_resource (path, &error);
      if (pack == NULL)
        g_ptr_array_add (self->problems, g_steal_pointer (&error));
      else
        g_ptr_array_add (packs, pack);
    }

  add_packs (self, packs, TRUE);
}

static void
load_installed (PfPackCatalog *self)
{
  g_autoptr(GFile) dir = pf_pack_catalog_get_install_dir ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* No folder simply means nothing is installed. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *where = g_file_get_parse_name (dir);

          g_prefix_error (&error, "%s: ", where);
          g_ptr_array_add (self->problems, g_steal_pointer (&error));
        }
      return;
    }

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      PfCriteriaPack *pack;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, &error))
        {
          g_ptr_array_add (self->problems, g_steal_pointer (&error));
          break;
        }
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (g_file_info_get_name (info), PACK_SUFFIX))
        continue;

      pack = pf_criteria_pack_new_from_file (child, NULL, &error);
      if (pack == NULL)
        g_ptr_array_add (self->problems, g_steal_pointer (&error));
      else
        g_ptr_array_add (packs, pack);
    }

  add_packs (self, packs, FALSE);
}

PfPackCatalog *
pf_pack_catalog_new (void)
{
  PfPackCatalog *self = g_object_new (PF_TYPE_PACK_CATALOG, NULL);

  load_builtin (self);
  load_installed (self);

  return self;
}

GPtrArray *
pf_pack_catalog_get_packs (PfPackCatalog *self)
{
  g_return_val_if_fail (PF_IS_PACK_CATALOG (self), NULL);

  return self->packs;
}

gboolean
pf_pack_catalog_is_builtin (PfPackCatalog  *self,
                            PfCriteriaPack *pack)
{
  g_return_val_if_fail (PF_IS_PACK_CATALOG (self), FALSE);
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (pack), FALSE);

  return g_hash_table_contains (self->builtin, pack);
}

GPtrArray *
pf_pack_catalog_get_problems (PfPackCatalog *self)
{
  g_return_val_if_fail (PF_IS_PACK_CATALOG (self), NULL);

  return self->problems;
}

PfCriteriaPack *
pf_pack_catalog_lookup (PfPackCatalog  *self,
                        const char     *id,
                        const char     *version,
                        GError        **error)
{
  PfCriteriaPack *pack;

  g_return_val_if_fail (PF_IS_PACK_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pack = find_pack (self, id, version);
  if (pack == NULL)
    {
      g_autoptr(GFile) dir = pf_pack_catalog_get_install_dir ();
      g_autofree char *where = g_file_get_parse_name (dir);

      if (version != NULL)
        g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND,
                     _("No criteria pack “%s” version %s is available — install it into %s"),
                     id, version, where);
      else
        g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND,
                     _("No criteria pack “%s” is available — install it into %s"), id, where);
      return NULL;
    }

  return pack;
}

GFile *
pf_pack_catalog_get_install_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "preflight", "packs", NULL);
}

PfAssessment *
pf_pack_catalog_load_assessment (PfPackCatalog  *self,
                                 GFile          *file,
                                 GError        **error)
{
  g_autoptr(PfAssessment) assessment = NULL;
  PfCriteriaPack *pack;

  g_return_val_if_fail (PF_IS_PACK_CATALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  assessment = pf_assessment_load (file, NULL, error);
  if (assessment == NULL)
    return NULL;

  pack = pf_pack_catalog_lookup (self, pf_assessment_get_pack_id (assessment),
                                 pf_assessment_get_pack_version (assessment), error);
  if (pack == NULL || !pf_assessment_set_pack (assessment, pack, error))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);

      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return g_steal_pointer (&assessment);
}
