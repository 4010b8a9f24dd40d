/* pf-assessment-trash.c: the folder where deleted assessments wait. Deleting
 * is a move into it (undoable), and only emptying it, which the user
 * confirms, deletes anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-assessment-trash"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-assessment-trash.h"

struct _PfAssessmentTrash
{
  GObject  parent_instance;

  GFile   *assessments_dir;  /* (owned) */
  GFile   *folder;           /* (owned) */
};

G_DEFINE_FINAL_TYPE (PfAssessmentTrash, pf_assessment_trash, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSESSMENTS_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
pf_trashed_assessment_free (PfTrashedAssessment *trashed)
{
  if (trashed == NULL)
    return;

  g_clear_object (&trashed->file);
  g_clear_pointer (&trashed->title, g_free);
  g_free (trashed);
}

/* Moves @file into @dir under its own name, or "1-name", "2-name"… when
 * that is taken: the move itself refuses an existing name, so nothing is
 * ever replaced, whatever else writes to @dir meanwhile. */
static GFile *
move_to_free_name (GFile   *file,
                   GFile   *dir,
                   GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  for (guint i = 0; ; i++)
    {
      g_autofree char *numbered = i == 0 ? g_strdup (name) : g_strdup_printf ("%u-%s", i, name);
      g_autoptr(GFile) target = g_file_get_child (dir, numbered);
      g_autoptr(GError) local_error = NULL;

      if (g_file_move (file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL,
                       &local_error))
        return g_steal_pointer (&target);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static char *
dup_title (GFile *file)
{
  g_autoptr(PfAssessment) assessment = pf_assessment_load (file, NULL, NULL);
  const char *name = assessment != NULL ? pf_assessment_get_model_name (assessment) : NULL;
  const char *version;

  if (name == NULL || name[0] == '\0')
    return g_file_get_basename (file);

  version = pf_assessment_get_model_version (assessment);

  return g_strstrip (g_strdup_printf ("%s %s", name, version != NULL ? version : ""));
}

/* The assessment in the list with the id of @trashed, if any: import
 * refuses a second copy of an id, and so does restore. An unreadable file
 * has no id to clash with. */
static GFile *
find_same_id (PfAssessmentTrash *self,
              GFile             *trashed)
{
  g_autoptr(PfAssessment) restoring = pf_assessment_load (trashed, NULL, NULL);
  g_autoptr(GFileEnumerator) children = NULL;

  if (restoring == NULL)
    return NULL;

  children = g_file_enumerate_children (self->assessments_dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      g_autoptr(PfAssessment) listed = NULL;
      GFileInfo *info;
      GFile *file;

      if (!g_file_enumerator_iterate (children, &info, &file, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_suffix (g_file_info_get_name (info), ".preflight"))
        continue;

      listed = pf_assessment_load (file, NULL, NULL);
      if (listed != NULL
          && g_strcmp0 (pf_assessment_get_id (listed), pf_assessment_get_id (restoring)) == 0)
        return g_object_ref (file);
    }

  return NULL;
}

static int
compare_trashed (gconstpointer a,
                 gconstpointer b)
{
  const PfTrashedAssessment *ta = *(const PfTrashedAssessment **) a;
  const PfTrashedAssessment *tb = *(const PfTrashedAssessment **) b;

  if (ta->deleted != tb->deleted)
    return ta->deleted < tb->deleted ? 1 : -1;

  return g_strcmp0 (g_file_peek_path (ta->file), g_file_peek_path (tb->file));
}

static void
pf_assessment_trash_finalize (GObject *object)
{
  PfAssessmentTrash *self = PF_ASSESSMENT_TRASH (object);

  g_clear_object (&self->assessments_dir);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (pf_assessment_trash_parent_class)->finalize (object);
}

static void
pf_assessment_trash_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PfAssessmentTrash *self = PF_ASSESSMENT_TRASH (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENTS_DIR:
      g_value_set_object (value, self->assessments_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_assessment_trash_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PfAssessmentTrash *self = PF_ASSESSMENT_TRASH (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENTS_DIR:
      self->assessments_dir = g_value_dup_object (value);
      self->folder = g_file_get_child (self->assessments_dir, "trash");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_assessment_trash_class_init (PfAssessmentTrashClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_assessment_trash_finalize;
  object_class->get_property = pf_assessment_trash_get_property;
  object_class->set_property = pf_assessment_trash_set_property;

  properties[PROP_ASSESSMENTS_DIR] =
    g_param_spec_object ("assessments-dir", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pf_assessment_trash_init (PfAssessmentTrash *self)
{
}

PfAssessmentTrash *
pf_assessment_trash_new (GFile *assessments_dir)
{
  g_return_val_if_fail (G_IS_FILE (assessments_dir), NULL);

  return g_object_new (PF_TYPE_ASSESSMENT_TRASH,
                       "assessments-dir", assessments_dir,
                       NULL);
}

PfAssessmentTrash *
pf_assessment_trash_get_default (void)
{
  static PfAssessmentTrash *trash;

  if (trash == NULL)
    {
      g_autoptr(GFile) dir = pf_application_dup_assessments_dir ();

      trash = pf_assessment_trash_new (dir);
    }

  return trash;
}

GFile *
pf_assessment_trash_get_folder (PfAssessmentTrash *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT_TRASH (self), NULL);

  return self->folder;
}

GFile *
pf_assessment_trash_add (PfAssessmentTrash  *self,
                         GFile              *file,
                         GError            **error)
{
  g_autoptr(GFile) trashed = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT_TRASH (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pf_safe_file_make_private_dir (self->folder, error))
    return NULL;

  trashed = move_to_free_name (file, self->folder, error);
  if (trashed == NULL)
    return NULL;

  g_signal_emit (self, signals[CHANGED], 0);

  return g_steal_pointer (&trashed);
}

GPtrArray *
pf_assessment_trash_list (PfAssessmentTrash  *self,
                          guint64            *total_size,
                          GError            **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 total = 0;

  g_return_val_if_fail (PF_IS_ASSESSMENT_TRASH (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_trashed_assessment_free);
  children = g_file_enumerate_children (self->folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                        G_FILE_ATTRIBUTE_TIME_CHANGED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while (children != NULL)
    {
      PfTrashedAssessment *trashed;
      GFileInfo *info;
      GFile *file;

      if (!g_file_enumerator_iterate (children, &info, &file, NULL, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      trashed = g_new0 (PfTrashedAssessment, 1);
      trashed->file = g_object_ref (file);
      trashed->title = dup_title (file);
      trashed->size = g_file_info_get_size (info);
      /* A move into the trash is a rename: it keeps the time of the last
       * change to the answers, and sets the inode's change time. */
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_CHANGED))
        trashed->deleted = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_CHANGED);
      else
        trashed->deleted = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      total += trashed->size;
      g_ptr_array_add (list, trashed);
    }

  g_ptr_array_sort (list, compare_trashed);
  if (total_size != NULL)
    *total_size = total;

  return g_steal_pointer (&list);
}

GFile *
pf_assessment_trash_restore (PfAssessmentTrash  *self,
                             GFile              *trashed,
                             GError            **error)
{
  g_autoptr(GFile) restored = NULL;
  g_autoptr(GFile) same_id = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT_TRASH (self), NULL);
  g_return_val_if_fail (G_IS_FILE (trashed), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  same_id = find_same_id (self, trashed);
  if (same_id != NULL)
    {
      g_autofree char *name = g_file_get_basename (same_id);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("an assessment with the same id is already in the list (“%s”): two "
                     "copies would be confused with each other, so this one stays deleted. "
                     "Delete the one in the list first to bring this one back"),
                   name);
      return NULL;
    }

  restored = move_to_free_name (trashed, self->assessments_dir, error);
  if (restored == NULL)
    return NULL;

  g_signal_emit (self, signals[CHANGED], 0);

  return g_steal_pointer (&restored);
}

gboolean
pf_assessment_trash_empty (PfAssessmentTrash  *self,
                           GError            **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_deleted = 0;

  g_return_val_if_fail (PF_IS_ASSESSMENT_TRASH (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  children = g_file_enumerate_children (self->folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while (TRUE)
    {
      GFileInfo *info;
      GFile *file;

      if (!g_file_enumerator_iterate (children, &info, &file, NULL, &local_error))
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          break;
        }
      if (info == NULL)
        break;
      /* The trash holds files only; a folder there is not ours to remove. */
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        continue;

      if (g_file_delete (file, NULL, &local_error))
        n_deleted++;
      else if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
      g_clear_error (&local_error);
    }

  if (n_deleted > 0)
    g_signal_emit (self, signals[CHANGED], 0);

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}
