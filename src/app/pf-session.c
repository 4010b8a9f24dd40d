/* pf-session.c: one open assessment in the app: the document, its pack, the
 * live determination, the evidence store and the debounced autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-session"

#include "config.h"

#include "pf-session.h"

/* Long enough to batch the keystrokes of one answer, short enough that a
 * crash loses at most the last half second. */
#define SAVE_DELAY_MS 500
/* A writer's events (create, write, rename) arrive together: look once. */
#define DISK_CHECK_DELAY_MS 200

struct _PfSession
{
  GObject          parent_instance;

  PfAssessment    *assessment;     /* (owned) */
  GFile           *file;           /* (owned) */
  PfEvidenceStore *store;          /* (owned) */
  PfDetermination *determination;  /* (owned) */
  GCancellable    *cancellable;    /* (owned) */
  GError          *save_error;     /* (owned) (nullable) */
  const char      *save_state;     /* (unowned) static string */
  guint            save_source;
  /* Watches the file for another program's writes. */
  GFileMonitor    *monitor;        /* (owned) (nullable) */
  guint            disk_check_source;
  /* Where another program just renamed the file, until that is checked. */
  GFile           *renamed_to;     /* (owned) (nullable) */
  /* Long operations on the assessment under way (pf_session_hold()). */
  guint            holds;
  /* A change has not been handed to a save yet. */
  guint            dirty : 1;
  /* A pf_assessment_save_async() is running. */
  guint            saving : 1;
};

G_DEFINE_FINAL_TYPE (PfSession, pf_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  PROP_FILE,
  PROP_EVIDENCE_STORE,
  PROP_DETERMINATION,
  PROP_SAVE_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED_ON_DISK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_save (PfSession *self);

/* A file name need not be UTF-8; labels and messages must be. */
static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* A save still in its thread wrote an older snapshot, expecting the file's
 * older contents: let it end before anything else writes. */
static void
wait_for_save (PfSession *self)
{
  while (self->saving)
    g_main_context_iteration (NULL, TRUE);
}

static void
set_save_state (PfSession  *self,
                const char *save_state)
{
  if (g_strcmp0 (self->save_state, save_state) == 0)
    return;

  self->save_state = save_state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static void
recompute_determination (PfSession *self)
{
  g_clear_object (&self->determination);
  self->determination = pf_determination_new (pf_assessment_get_pack (self->assessment),
                                              self->assessment);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETERMINATION]);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PfSession) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!pf_assessment_save_finish (PF_ASSESSMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Another program's version on disk is the user's to settle (the view
       * offers to overwrite it), not a fault. */
      if (g_error_matches (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_CHANGED_ON_DISK))
        g_debug ("Not saving %s: %s", g_file_peek_path (self->file), error->message);
      else
        g_warning ("Could not save %s: %s", g_file_peek_path (self->file), error->message);
      /* Still unsaved: the next change or pf_session_flush() tries again. */
      self->dirty = TRUE;
      g_clear_error (&self->save_error);
      self->save_error = g_steal_pointer (&error);
      set_save_state (self, "error");
      return;
    }

  g_clear_error (&self->save_error);

  if (!self->dirty)
    set_save_state (self, "saved");
  else if (self->save_source == 0)
    start_save (self);
}

static void
start_save (PfSession *self)
{
  if (self->saving)
    return;

  self->dirty = FALSE;
  self->saving = TRUE;
  pf_assessment_save_async (self->assessment, self->file, self->cancellable,
                            save_cb, g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PfSession *self = user_data;

  self->save_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static void
on_assessment_changed (PfSession    *self,
                       const char   *question_id,
                       PfAssessment *assessment)
{
  recompute_determination (self);

  self->dirty = TRUE;
  set_save_state (self, "saving");

  /* Hardening: a pending save is not pushed back by later changes, or
   * steady typing would postpone it forever (tests/test-ui-crash.c lost
   * answers that way): every change reaches the disk at most SAVE_DELAY_MS
   * plus one save after it was made. */
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void watch_file (PfSession *self);

/* The file's new name is the session's from now on, so that saves go
 * there rather than bring the old name back. */
static void
follow_rename (PfSession *self,
               GFile     *file)
{
  pf_assessment_file_moved (self->assessment, file);
  g_set_object (&self->file, file);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static gboolean
disk_check_cb (gpointer user_data)
{
  PfSession *self = user_data;
  g_autoptr(GFile) renamed_to = g_steal_pointer (&self->renamed_to);

  self->disk_check_source = 0;

  /* Renamed, and nothing written under the old name meanwhile: some
   * programs save by renaming the old version away first. */
  if (renamed_to != NULL && !g_file_query_exists (self->file, NULL)
      && g_file_query_exists (renamed_to, NULL))
    {
      follow_rename (self, renamed_to);
      return G_SOURCE_REMOVE;
    }

  /* Unsaved changes here meet the other version when they are saved; a
   * held session looks again when it is released. */
  if (!self->dirty && !self->saving && self->holds == 0
      && pf_assessment_changed_on_disk (self->assessment))
    g_signal_emit (self, signals[SIGNAL_CHANGED_ON_DISK], 0);

  return G_SOURCE_REMOVE;
}

static void
schedule_disk_check (PfSession *self)
{
  if (self->disk_check_source == 0)
    self->disk_check_source = g_timeout_add (DISK_CHECK_DELAY_MS, disk_check_cb, self);
}

static void
on_file_event (PfSession         *self,
               GFile             *file,
               GFile             *other_file,
               GFileMonitorEvent  event,
               GFileMonitor      *monitor)
{
  /* The app's own saves rename a temporary file onto the file instead. */
  if (event == G_FILE_MONITOR_EVENT_RENAMED && other_file != NULL
      && g_file_equal (file, self->file) && !g_file_equal (other_file, self->file))
    g_set_object (&self->renamed_to, other_file);

  schedule_disk_check (self);
}

/* Without a monitor (an unusual file system) conflicts still surface when
 * saving. */
static void
watch_file (PfSession *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_event), self,
                             G_CONNECT_SWAPPED);
}

static void
pf_session_constructed (GObject *object)
{
  PfSession *self = PF_SESSION (object);

  G_OBJECT_CLASS (pf_session_parent_class)->constructed (object);

  g_assert (PF_IS_ASSESSMENT (self->assessment));
  g_assert (G_IS_FILE (self->file));
  g_assert (pf_assessment_get_pack (self->assessment) != NULL);

  if (self->store == NULL)
    self->store = pf_evidence_store_new_default ();

  g_signal_connect_object (self->assessment, "changed",
                           G_CALLBACK (on_assessment_changed), self,
                           G_CONNECT_SWAPPED);
  recompute_determination (self);
  watch_file (self);
}

static void
pf_session_dispose (GObject *object)
{
  PfSession *self = PF_SESSION (object);

  if (self->dirty)
    g_warning ("Session for %s disposed with unsaved changes; call pf_session_flush() first",
               g_file_peek_path (self->file));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->disk_check_source, g_source_remove);
  g_clear_object (&self->renamed_to);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->determination);
  g_clear_object (&self->assessment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pf_session_parent_class)->dispose (object);
}

static void
pf_session_finalize (GObject *object)
{
  PfSession *self = PF_SESSION (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (pf_session_parent_class)->finalize (object);
}

static void
pf_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PfSession *self = PF_SESSION (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_EVIDENCE_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DETERMINATION:
      g_value_set_object (value, self->determination);
      break;

    case PROP_SAVE_STATE:
      g_value_set_string (value, self->save_state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PfSession *self = PF_SESSION (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      self->assessment = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_EVIDENCE_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_session_class_init (PfSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pf_session_constructed;
  object_class->dispose = pf_session_dispose;
  object_class->finalize = pf_session_finalize;
  object_class->get_property = pf_session_get_property;
  object_class->set_property = pf_session_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         PF_TYPE_ASSESSMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EVIDENCE_STORE] =
    g_param_spec_object ("evidence-store", NULL, NULL,
                         PF_TYPE_EVIDENCE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DETERMINATION] =
    g_param_spec_object ("determination", NULL, NULL,
                         PF_TYPE_DETERMINATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SAVE_STATE] =
    g_param_spec_string ("save-state", NULL, NULL,
                         "saved",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Another program wrote the file while this session had nothing unsaved:
   * the window reloads it. */
  signals[SIGNAL_CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pf_session_init (PfSession *self)
{
  self->cancellable = g_cancellable_new ();
  self->save_state = "saved";
}

PfSession *
pf_session_new (PfAssessment    *assessment,
                GFile           *file,
                PfEvidenceStore *store)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!store || PF_IS_EVIDENCE_STORE (store), NULL);

  return g_object_new (PF_TYPE_SESSION,
                       "assessment", assessment,
                       "file", file,
                       "evidence-store", store,
                       NULL);
}

PfSession *
pf_session_load (GFile           *file,
                 PfPackCatalog   *catalog,
                 PfEvidenceStore *store,
                 GError         **error)
{
  g_autoptr(PfAssessment) assessment = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (PF_IS_PACK_CATALOG (catalog), NULL);

  assessment = pf_pack_catalog_load_assessment (catalog, file, error);
  if (assessment == NULL)
    return NULL;

  return pf_session_new (assessment, file, store);
}

PfAssessment *
pf_session_get_assessment (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return self->assessment;
}

PfCriteriaPack *
pf_session_get_pack (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return pf_assessment_get_pack (self->assessment);
}

PfEvidenceStore *
pf_session_get_evidence_store (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return self->store;
}

GFile *
pf_session_get_file (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return self->file;
}

PfDetermination *
pf_session_get_determination (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return self->determination;
}

const char *
pf_session_get_save_state (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return self->save_state;
}

const GError *
pf_session_get_save_error (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return self->save_error;
}

char *
pf_session_dup_display_name (PfSession *self)
{
  g_return_val_if_fail (PF_IS_SESSION (self), NULL);

  return dup_display_name (self->file);
}

void
pf_session_hold (PfSession *self)
{
  g_return_if_fail (PF_IS_SESSION (self));

  self->holds++;
}

void
pf_session_release (PfSession *self)
{
  g_return_if_fail (PF_IS_SESSION (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    schedule_disk_check (self);
}

void
pf_session_overwrite (PfSession *self)
{
  g_return_if_fail (PF_IS_SESSION (self));

  wait_for_save (self);

  g_clear_handle_id (&self->save_source, g_source_remove);
  pf_assessment_forget_disk_contents (self->assessment);
  set_save_state (self, "saving");
  start_save (self);
}

gboolean
pf_session_flush (PfSession  *self,
                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PF_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  wait_for_save (self);

  if (!self->dirty)
    return TRUE;

  if (!pf_assessment_save (self->assessment, self->file, &local_error))
    {
      g_clear_error (&self->save_error);
      self->save_error = g_error_copy (local_error);
      set_save_state (self, "error");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->dirty = FALSE;
  g_clear_error (&self->save_error);
  set_save_state (self, "saved");

  return TRUE;
}
