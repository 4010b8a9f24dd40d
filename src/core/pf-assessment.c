/* pf-assessment.c: the assessment document (*.preflight): answers, evidence
 * references, sign-offs and submission receipts of one model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-assessment"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-assessment.h"
#include "pf-json-guard.h"
#include "pf-json-output.h"
#include "pf-safe-file.h"
#include "pf-sha256.h"
#include "pf-timestamp.h"

/* Far above any real assessment (evidence bytes live elsewhere); refusing
 * bigger files keeps a hostile file from exhausting memory in the parser. */
#define MAX_ASSESSMENT_SIZE (16 * 1024 * 1024)

struct _PfAssessment
{
  GObject          parent_instance;

  char            *id;             /* (owned) */
  char            *created;        /* (owned) */
  char            *modified;       /* (owned) */

  char            *pack_id;        /* (owned) */
  char            *pack_version;   /* (owned) */
  char            *pack_sha256;    /* (owned) (nullable) */
  PfCriteriaPack  *pack;           /* (owned) (nullable) */

  char            *model_name;     /* (owned) (nullable) */
  char            *model_version;  /* (owned) (nullable) */
  char            *organisation;   /* (owned) (nullable) */
  char            *contact;        /* (owned) (nullable) */
  char            *release_date;   /* (owned) (nullable) */
  PfMarking        marking;
  /* The assessment of the checkpoint this one started from, if any. */
  char            *previous_id;             /* (owned) (nullable) */
  char            *previous_model_version;  /* (owned) (nullable) */

  GHashTable      *answers;        /* (owned) question id → PfAnswer */
  GPtrArray       *evidence;       /* (owned) PfEvidenceItem */
  GPtrArray       *signoffs;       /* (owned) PfSignoff */
  GPtrArray       *receipts;       /* (owned) PfReceipt */

  /* Top-level members of a newer format version, written back on save. */
  JsonObject      *unknown;        /* (owned) */

  GFile           *file;           /* (owned) (nullable) */
  /* SHA-256 of what @file held when this assessment last read or wrote it. */
  char            *disk_sha256;    /* (owned) (nullable) */
  /* The file's etag (modification time) then: when it has not moved,
   * pf_assessment_changed_on_disk() need not read the file. */
  char            *disk_etag;      /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (PfAssessment, pf_assessment, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-assessment-error-quark, pf_assessment_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_MODEL_NAME,
  PROP_MODEL_VERSION,
  PROP_ORGANISATION,
  PROP_CONTACT,
  PROP_RELEASE_DATE,
  PROP_MARKING,
  PROP_PACK,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every change goes through here: modified moves, then ::changed. */
static void
pf_assessment_touch (PfAssessment *self,
                     const char   *question_id)
{
  g_autofree char *now = pf_timestamp_now ();

  if (g_strcmp0 (now, self->modified) != 0)
    {
      g_free (self->modified);
      self->modified = g_steal_pointer (&now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_signal_emit (self, signals[CHANGED], 0, question_id);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_string_property (PfAssessment  *self,
                     char         **field,
                     const char    *value,
                     guint          prop_id)
{
  if (!replace_string (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  pf_assessment_touch (self, NULL);
}

static void
pf_assessment_dispose (GObject *object)
{
  PfAssessment *self = PF_ASSESSMENT (object);

  g_clear_object (&self->pack);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (pf_assessment_parent_class)->dispose (object);
}

static void
pf_assessment_finalize (GObject *object)
{
  PfAssessment *self = PF_ASSESSMENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->disk_sha256, g_free);
  g_clear_pointer (&self->disk_etag, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->pack_version, g_free);
  g_clear_pointer (&self->pack_sha256, g_free);
  g_clear_pointer (&self->model_name, g_free);
  g_clear_pointer (&self->model_version, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->release_date, g_free);
  g_clear_pointer (&self->previous_id, g_free);
  g_clear_pointer (&self->previous_model_version, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->signoffs, g_ptr_array_unref);
  g_clear_pointer (&self->receipts, g_ptr_array_unref);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (pf_assessment_parent_class)->finalize (object);
}

static void
pf_assessment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PfAssessment *self = PF_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_MODEL_NAME:
      g_value_set_string (value, self->model_name);
      break;

    case PROP_MODEL_VERSION:
      g_value_set_string (value, self->model_version);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_RELEASE_DATE:
      g_value_set_string (value, self->release_date);
      break;

    case PROP_MARKING:
      g_value_set_uint (value, self->marking);
      break;

    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_assessment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PfAssessment *self = PF_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_MODEL_NAME:
      pf_assessment_set_model_name (self, g_value_get_string (value));
      break;

    case PROP_MODEL_VERSION:
      pf_assessment_set_model_version (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      pf_assessment_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_CONTACT:
      pf_assessment_set_contact (self, g_value_get_string (value));
      break;

    case PROP_RELEASE_DATE:
      pf_assessment_set_release_date (self, g_value_get_string (value));
      break;

    case PROP_MARKING:
      pf_assessment_set_marking (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_assessment_class_init (PfAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = pf_assessment_dispose;
  object_class->finalize = pf_assessment_finalize;
  object_class->get_property = pf_assessment_get_property;
  object_class->set_property = pf_assessment_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, ro);
  properties[PROP_MODEL_NAME] = g_param_spec_string ("model-name", NULL, NULL, NULL, rw);
  properties[PROP_MODEL_VERSION] = g_param_spec_string ("model-version", NULL, NULL, NULL, rw);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, rw);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, NULL, rw);
  properties[PROP_RELEASE_DATE] = g_param_spec_string ("release-date", NULL, NULL, NULL, rw);
  /* A PfMarking; the enums carry no GType. */
  properties[PROP_MARKING] = g_param_spec_uint ("marking", NULL, NULL,
                                                PF_MARKING_NONE, PF_MARKING_PCII,
                                                PF_MARKING_NONE, rw);
  properties[PROP_PACK] = g_param_spec_object ("pack", NULL, NULL,
                                               PF_TYPE_CRITERIA_PACK, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PfAssessment::changed:
   * @question_id: (nullable): the question whose answer changed, or %NULL
   *   for any other change
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pf_assessment_init (PfAssessment *self)
{
  self->marking = PF_MARKING_NONE;
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) pf_answer_unref);
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_evidence_item_free);
  self->signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_signoff_free);
  self->receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_receipt_free);
  self->unknown = json_object_new ();
}

PfAssessment *
pf_assessment_new (PfCriteriaPack *pack)
{
  PfAssessment *self;

  g_return_val_if_fail (PF_IS_CRITERIA_PACK (pack), NULL);

  self = g_object_new (PF_TYPE_ASSESSMENT, NULL);
  self->id = g_uuid_string_random ();
  self->created = pf_timestamp_now ();
  self->modified = g_strdup (self->created);
  self->pack = g_object_ref (pack);
  self->pack_id = g_strdup (pf_criteria_pack_get_id (pack));
  self->pack_version = g_strdup (pf_criteria_pack_get_version (pack));
  self->pack_sha256 = g_strdup (pf_criteria_pack_get_sha256 (pack));

  return self;
}

/* Loading ------------------------------------------------------------------ */

typedef struct {
  const char *origin;
  GError    **error;
} Loader;

static gboolean loader_fail (Loader     *loader,
                             const char *path,
                             const char *format,
                             ...) G_GNUC_PRINTF (3, 4);

/* Sets "ORIGIN: JSON.PATH: what is wrong" and returns FALSE. */
static gboolean
loader_fail (Loader     *loader,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (loader->error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
               _("%s: %s: %s. Correct the file or restore it from a backup."),
               loader->origin, path, what);
  return FALSE;
}

/* Reads an optional string member; absent and null give NULL. */
static gboolean
read_string (Loader      *loader,
             JsonObject  *object,
             const char  *member,
             const char  *parent_path,
             gboolean     required,
             char       **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = *parent_path != '\0' ? g_strdup_printf ("%s.%s", parent_path, member)
                                                : g_strdup (member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return loader_fail (loader, path, _("this member is required"));
      *out = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return loader_fail (loader, path, _("expected a string"));

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_uint64 (Loader      *loader,
             JsonObject  *object,
             const char  *member,
             const char  *parent_path,
             guint64      max,
             guint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", parent_path, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = 0;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 0 || (guint64) json_node_get_int (node) > max)
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      return loader_fail (loader, path, _("expected a whole number from 0 to %s"), max_text);
    }

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_boolean (Loader      *loader,
              JsonObject  *object,
              const char  *member,
              const char  *parent_path,
              gboolean    *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", parent_path, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return loader_fail (loader, path, _("expected true or false"));

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Reads an enumerated string through @from_string; the error lists the
 * spellings @to_string gives for 0 … @n_values - 1. */
static gboolean
read_enum (Loader      *loader,
           JsonObject  *object,
           const char  *member,
           const char  *parent_path,
           gboolean     required,
           guint        n_values,
           gboolean   (*parse) (const char *, guint *),
           const char *(*name)  (guint),
           guint       *out)
{
  g_autofree char *str = NULL;
  g_autofree char *path = *parent_path != '\0' ? g_strdup_printf ("%s.%s", parent_path, member)
                                                : g_strdup (member);

  if (!read_string (loader, object, member, parent_path, required, &str))
    return FALSE;
  if (str == NULL || parse (str, out))
    return TRUE;

  {
    g_autoptr(GString) choices = g_string_new (NULL);

    for (guint i = 0; i < n_values; i++)
      g_string_append_printf (choices, "%s%s", i > 0 ? ", " : "", name (i));

    return loader_fail (loader, path, _("expected one of %s"), choices->str);
  }
}

/* Type-correct adapters so that read_enum() serves every enum. */
#define DEFINE_ENUM_ADAPTERS(Type, prefix, last) \
  static gboolean \
  prefix##_parse (const char *str, \
                  guint      *out) \
  { \
    Type value; \
    if (!prefix##_from_string (str, &value)) \
      return FALSE; \
    *out = value; \
    return TRUE; \
  } \
  static const char * \
  prefix##_name (guint value) \
  { \
    return prefix##_to_string ((Type) value); \
  } \
  static const guint prefix##_count = (last) + 1;

DEFINE_ENUM_ADAPTERS (PfAnswerState, pf_answer_state, PF_ANSWER_STATE_SKIPPED)
DEFINE_ENUM_ADAPTERS (PfMarking, pf_marking, PF_MARKING_PCII)
DEFINE_ENUM_ADAPTERS (PfDecision, pf_decision, PF_DECISION_CHANGES_REQUESTED)

#define READ_ENUM(loader, object, member, parent, required, prefix, out) \
  read_enum (loader, object, member, parent, required, \
             prefix##_count, prefix##_parse, prefix##_name, out)

static gboolean
read_string_array (Loader       *loader,
                   JsonObject   *object,
                   const char   *member,
                   const char   *parent_path,
                   char       ***out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", parent_path, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_strv_builder_end (builder);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return loader_fail (loader, path, _("expected an array of strings"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

          return loader_fail (loader, element_path, _("expected a string"));
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* NULL when absent; FALSE when present but not an array of objects. */
static gboolean
get_object_array (Loader      *loader,
                  JsonObject  *root,
                  const char  *member,
                  JsonArray  **out)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return loader_fail (loader, member, _("expected an array"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

          return loader_fail (loader, path, _("expected an object"));
        }
    }

  *out = array;
  return TRUE;
}

static gboolean
get_object (Loader      *loader,
            JsonObject  *parent,
            const char  *member,
            const char  *path,
            gboolean     required,
            JsonObject **out)
{
  JsonNode *node = json_object_get_member (parent, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? loader_fail (loader, path, _("this member is required")) : TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return loader_fail (loader, path, _("expected an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
load_answers (PfAssessment *self,
              Loader       *loader,
              JsonObject   *root)
{
  JsonObject *answers;
  g_autoptr(GList) members = NULL;

  if (!get_object (loader, root, "answers", "answers", FALSE, &answers))
    return FALSE;
  if (answers == NULL)
    return TRUE;

  members = json_object_get_members (answers);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      g_autofree char *path = g_strdup_printf ("answers[\"%s\"]", question_id);
      g_autofree char *note = NULL;
      g_autofree char *updated = NULL;
      JsonObject *record;
      JsonNode *value;
      guint state = PF_ANSWER_STATE_ANSWERED;
      gboolean needs_review = FALSE;

      if (!get_object (loader, answers, question_id, path, TRUE, &record)
          || !READ_ENUM (loader, record, "state", path, TRUE, pf_answer_state, &state)
          || !read_boolean (loader, record, "needs_review", path, &needs_review)
          || !read_string (loader, record, "note", path, FALSE, &note)
          || !read_string (loader, record, "updated", path, FALSE, &updated))
        return FALSE;

      value = json_object_get_member (record, "value");
      if (value != NULL && JSON_NODE_HOLDS_NULL (value))
        value = NULL;

      g_hash_table_insert (self->answers, g_strdup (question_id),
                           pf_answer_new (value, state, needs_review, note,
                                          updated != NULL ? updated : self->modified));
    }

  return TRUE;
}

static gboolean
load_evidence (PfAssessment *self,
               Loader       *loader,
               JsonObject   *root)
{
  JsonArray *array;

  if (!get_object_array (loader, root, "evidence", &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("evidence[%u]", i);
      g_autoptr(PfEvidenceItem) item = g_new0 (PfEvidenceItem, 1);
      guint marking = PF_MARKING_NONE;

      if (!read_string (loader, object, "id", path, TRUE, &item->id)
          || !read_string (loader, object, "title", path, FALSE, &item->title)
          || !read_string (loader, object, "sha256", path, TRUE, &item->sha256)
          || !read_uint64 (loader, object, "size", path, G_MAXINT64, &item->size)
          || !read_string (loader, object, "media_type", path, FALSE, &item->media_type)
          || !read_string (loader, object, "original_name", path, FALSE, &item->original_name)
          || !READ_ENUM (loader, object, "marking", path, FALSE, pf_marking, &marking)
          || !read_string_array (loader, object, "questions", path, &item->question_ids)
          || !read_string (loader, object, "added", path, FALSE, &item->added))
        return FALSE;

      item->marking = marking;

      /* The hash names a file in the evidence store. */
      if (!pf_sha256_is_hex (item->sha256))
        {
          g_autofree char *sha_path = g_strdup_printf ("%s.sha256", path);

          return loader_fail (loader, sha_path,
                              _("expected 64 lower-case hexadecimal digits"));
        }

      if (pf_assessment_lookup_evidence (self, item->id) != NULL)
        {
          g_autofree char *id_path = g_strdup_printf ("%s.id", path);

          return loader_fail (loader, id_path, _("the id “%s” is used twice"), item->id);
        }

      g_ptr_array_add (self->evidence, g_steal_pointer (&item));
    }

  return TRUE;
}

static gboolean
load_signoffs (PfAssessment *self,
               Loader       *loader,
               JsonObject   *root)
{
  JsonArray *array;

  if (!get_object_array (loader, root, "signoffs", &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("signoffs[%u]", i);
      g_autoptr(PfSignoff) signoff = pf_signoff_new ();
      guint decision = PF_DECISION_APPROVE;

      if (!read_string (loader, object, "id", path, TRUE, &signoff->id)
          || !read_string (loader, object, "name", path, TRUE, &signoff->name)
          || !read_string (loader, object, "role", path, FALSE, &signoff->role)
          || !read_string (loader, object, "date", path, TRUE, &signoff->date)
          || !READ_ENUM (loader, object, "decision", path, TRUE, pf_decision, &decision)
          || !read_string (loader, object, "comment", path, FALSE, &signoff->comment)
          || !read_string (loader, object, "content_sha256", path, FALSE,
                           &signoff->content_sha256))
        return FALSE;

      signoff->decision = decision;
      g_ptr_array_add (self->signoffs, g_steal_pointer (&signoff));
    }

  return TRUE;
}

static gboolean
load_receipts (PfAssessment *self,
               Loader       *loader,
               JsonObject   *root)
{
  JsonArray *array;

  if (!get_object_array (loader, root, "submissions", &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("submissions[%u]", i);
      g_autoptr(PfReceipt) receipt = pf_receipt_new ();
      guint64 status;

      if (!read_string (loader, object, "url", path, TRUE, &receipt->url)
          || !read_string (loader, object, "time", path, TRUE, &receipt->time)
          || !read_uint64 (loader, object, "status", path, 999, &status)
          || !read_uint64 (loader, object, "size", path, G_MAXINT64, &receipt->size)
          || !read_string (loader, object, "digest", path, FALSE, &receipt->digest)
          || !read_string (loader, object, "etag", path, FALSE, &receipt->etag))
        return FALSE;

      receipt->status = status;
      g_ptr_array_add (self->receipts, g_steal_pointer (&receipt));
    }

  return TRUE;
}

static const char * const known_members[] = {
  "format", "id", "created", "modified", "pack", "model", "organisation", "contact",
  "release_date", "marking", "previous", "answers", "evidence", "signoffs", "submissions", NULL,
};

static gboolean
load_root (PfAssessment *self,
           Loader       *loader,
           JsonObject   *root)
{
  g_autoptr(GList) members = NULL;
  JsonObject *pack;
  JsonObject *model;
  JsonObject *previous;
  guint marking = PF_MARKING_NONE;

  if (!read_string (loader, root, "id", "", TRUE, &self->id)
      || !read_string (loader, root, "created", "", TRUE, &self->created)
      || !read_string (loader, root, "modified", "", TRUE, &self->modified)
      || !get_object (loader, root, "pack", "pack", TRUE, &pack)
      || !read_string (loader, pack, "id", "pack", TRUE, &self->pack_id)
      || !read_string (loader, pack, "version", "pack", TRUE, &self->pack_version)
      || !read_string (loader, pack, "sha256", "pack", FALSE, &self->pack_sha256)
      || !get_object (loader, root, "model", "model", FALSE, &model)
      || (model != NULL
          && (!read_string (loader, model, "name", "model", FALSE, &self->model_name)
              || !read_string (loader, model, "version", "model", FALSE, &self->model_version)))
      || !read_string (loader, root, "organisation", "", FALSE, &self->organisation)
      || !read_string (loader, root, "contact", "", FALSE, &self->contact)
      || !read_string (loader, root, "release_date", "", FALSE, &self->release_date)
      || !READ_ENUM (loader, root, "marking", "", FALSE, pf_marking, &marking)
      || !get_object (loader, root, "previous", "previous", FALSE, &previous)
      || (previous != NULL
          && (!read_string (loader, previous, "id", "previous", TRUE, &self->previous_id)
              || !read_string (loader, previous, "model_version", "previous", FALSE,
                               &self->previous_model_version)))
      || !load_answers (self, loader, root)
      || !load_evidence (self, loader, root)
      || !load_signoffs (self, loader, root)
      || !load_receipts (self, loader, root))
    return FALSE;

  self->marking = marking;

  members = json_object_get_members (root);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (known_members, name))
        json_object_set_member (self->unknown, name,
                                json_node_copy (json_object_get_member (root, name)));
    }

  return TRUE;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: WHAT"; users need the
 * file name and line instead. */
static void
set_parse_error (GError     **error,
                 const char  *origin,
                 GError      *parse_error)
{
  g_autoptr(GRegex) regex = g_regex_new ("^<data>:([0-9]+):[0-9]+: Parse error: (.*)$",
                                         G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, parse_error->message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *what = g_match_info_fetch (match, 2);

      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
                   _("%s: line %s: the file is not valid JSON (%s). It may be damaged or cut "
                     "short; restore it from a backup."),
                   origin, line, what);
    }
  else
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
                   _("%s: the file is not valid JSON (%s). It may be damaged or cut short; "
                     "restore it from a backup."),
                   origin, parse_error->message);
    }
}

PfAssessment *
pf_assessment_new_from_bytes (GBytes      *bytes,
                              const char  *origin,
                              GError     **error)
{
  g_autoptr(PfAssessment) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  Loader loader = { origin, error };
  JsonNode *root;
  JsonNode *format;
  gsize len;
  const char *data;
  guint line = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len > MAX_ASSESSMENT_SIZE)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MiB, too large to be an assessment; "
                     "choose the assessment’s .preflight file"),
                   origin, MAX_ASSESSMENT_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Hardening, before json-glib parses what came from outside. */
  switch (pf_json_guard_scan (data, len, PF_JSON_GUARD_MAX_DEPTH, &line))
    {
    case PF_JSON_GUARD_OK:
      break;
    case PF_JSON_GUARD_TOO_DEEP:
      /* json-glib recurses per nesting level and overflows the stack on
       * deeply nested input. */
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE,
                   _("%s: line %u: the JSON nests deeper than %u levels, which no assessment "
                     "does; choose the assessment’s .preflight file"),
                   origin, line, PF_JSON_GUARD_MAX_DEPTH);
      return NULL;
    case PF_JSON_GUARD_SEVERAL_DOCUMENTS:
      /* json-glib would take the last of several documents and leak the rest. */
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
                   _("%s: line %u: a second JSON document follows the first. The file may be "
                     "damaged; restore it from a backup."),
                   origin, line);
      return NULL;
    case PF_JSON_GUARD_NUMBER_OUT_OF_RANGE:
      /* json-glib would read 1e999 as infinity and save it as “inf.0”. */
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
                   _("%s: line %u: a number is too large to store. The file may be damaged; "
                     "restore it from a backup."),
                   origin, line);
      return NULL;
    case PF_JSON_GUARD_BAD_ESCAPE:
      /* … and some escapes as bytes that are not UTF-8. */
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
                   _("%s: line %u: a string holds an escape that does not make text. The file "
                     "may be damaged; restore it from a backup."),
                   origin, line);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", len, &parse_error))
    {
      set_parse_error (error, origin, parse_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_MALFORMED,
                   _("%s: the file is empty. It may be damaged or cut short; restore it "
                     "from a backup."),
                   origin);
      return NULL;
    }

  format = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root),
                                                                   "format")
                                         : NULL;
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is not a Preflight assessment (it has no “format” member); "
                     "open a .preflight file"),
                   origin);
      return NULL;
    }
  if (g_strcmp0 (json_node_get_string (format), PF_ASSESSMENT_FORMAT) != 0)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_UNKNOWN_FORMAT,
                   _("%s: format: “%s” is not a format this version reads (it reads “%s”); "
                     "open it with a newer version of Preflight"),
                   origin, json_node_get_string (format), PF_ASSESSMENT_FORMAT);
      return NULL;
    }

  self = g_object_new (PF_TYPE_ASSESSMENT, NULL);
  if (!load_root (self, &loader, json_node_get_object (root)))
    return NULL;

  return g_steal_pointer (&self);
}

PfAssessment *
pf_assessment_load (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  PfAssessment *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  /* Check the size before reading so a huge file is never loaded. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MAX_ASSESSMENT_SIZE)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MiB, too large to be an assessment; "
                     "choose the assessment’s .preflight file"),
                   name, MAX_ASSESSMENT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (info != NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_IO,
                   _("Could not read the assessment “%s”: %s"), name, local_error->message);
      return NULL;
    }

  self = pf_assessment_new_from_bytes (bytes, name, error);
  if (self != NULL)
    {
      self->file = g_object_ref (file);
      self->disk_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      self->disk_etag = g_strdup (g_file_info_get_etag (info));
    }

  return self;
}

GFile *
pf_assessment_find_in_folder (GFile         *folder,
                              const char    *id,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(PfAssessment) assessment = NULL;
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_suffix (g_file_info_get_name (info), ".preflight"))
        continue;

      assessment = pf_assessment_load (child, cancellable, NULL);
      if (assessment != NULL && g_strcmp0 (assessment->id, id) == 0)
        return g_object_ref (child);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("No assessment in %s has the id %s"), g_file_peek_path (folder), id);
  return NULL;
}

/* Saving ------------------------------------------------------------------- */

static void
set_optional_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static JsonObject *
answer_to_object (PfAnswer *answer,
                  gboolean  with_updated)
{
  JsonObject *object = json_object_new ();

  if (pf_answer_get_value (answer) != NULL)
    json_object_set_member (object, "value", json_node_copy (pf_answer_get_value (answer)));
  json_object_set_string_member (object, "state",
                                 pf_answer_state_to_string (pf_answer_get_state (answer)));
  json_object_set_boolean_member (object, "needs_review", pf_answer_get_needs_review (answer));
  set_optional_string (object, "note", pf_answer_get_note (answer));
  if (with_updated)
    json_object_set_string_member (object, "updated", pf_answer_get_updated (answer));

  return object;
}

static JsonObject *
answers_to_object (PfAssessment *self,
                   gboolean      with_updated)
{
  g_autoptr(GPtrArray) ids = pf_assessment_list_answered_ids (self);
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      const char *question_id = g_ptr_array_index (ids, i);

      json_object_set_object_member (object, question_id,
                                     answer_to_object (g_hash_table_lookup (self->answers,
                                                                            question_id),
                                                       with_updated));
    }

  return object;
}

static JsonObject *
evidence_to_object (const PfEvidenceItem *item)
{
  JsonObject *object = json_object_new ();
  JsonArray *questions = json_array_new ();

  json_object_set_string_member (object, "id", item->id);
  set_optional_string (object, "title", item->title);
  json_object_set_string_member (object, "sha256", item->sha256);
  json_object_set_int_member (object, "size", item->size);
  set_optional_string (object, "media_type", item->media_type);
  set_optional_string (object, "original_name", item->original_name);
  json_object_set_string_member (object, "marking", pf_marking_to_string (item->marking));
  for (guint i = 0; item->question_ids != NULL && item->question_ids[i] != NULL; i++)
    json_array_add_string_element (questions, item->question_ids[i]);
  json_object_set_array_member (object, "questions", questions);
  set_optional_string (object, "added", item->added);

  return object;
}

static JsonObject *
model_to_object (PfAssessment *self)
{
  JsonObject *object = json_object_new ();

  set_optional_string (object, "name", self->model_name);
  set_optional_string (object, "version", self->model_version);

  return object;
}

static GBytes *
object_to_bytes (JsonObject *object,
                 gboolean    pretty)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(GString) text = pf_json_output_to_gstring (node, pretty);

  if (pretty)
    g_string_append_c (text, '\n');

  return g_bytes_new (text->str, text->len);
}

GBytes *
pf_assessment_to_bytes (PfAssessment *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonObject *pack = json_object_new ();
  JsonArray *evidence = json_array_new ();
  JsonArray *signoffs = json_array_new ();
  JsonArray *receipts = json_array_new ();
  g_autoptr(GList) unknown = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  json_object_set_string_member (root, "format", PF_ASSESSMENT_FORMAT);
  json_object_set_string_member (root, "id", self->id);
  json_object_set_string_member (root, "created", self->created);
  json_object_set_string_member (root, "modified", self->modified);

  json_object_set_string_member (pack, "id", self->pack_id);
  json_object_set_string_member (pack, "version", self->pack_version);
  set_optional_string (pack, "sha256", self->pack_sha256);
  json_object_set_object_member (root, "pack", pack);

  json_object_set_object_member (root, "model", model_to_object (self));
  set_optional_string (root, "organisation", self->organisation);
  set_optional_string (root, "contact", self->contact);
  set_optional_string (root, "release_date", self->release_date);
  json_object_set_string_member (root, "marking", pf_marking_to_string (self->marking));
  if (self->previous_id != NULL)
    {
      JsonObject *previous = json_object_new ();

      json_object_set_string_member (previous, "id", self->previous_id);
      set_optional_string (previous, "model_version", self->previous_model_version);
      json_object_set_object_member (root, "previous", previous);
    }
  json_object_set_object_member (root, "answers", answers_to_object (self, TRUE));

  for (guint i = 0; i < self->evidence->len; i++)
    json_array_add_object_element (evidence, evidence_to_object (g_ptr_array_index (self->evidence, i)));
  json_object_set_array_member (root, "evidence", evidence);

  for (guint i = 0; i < self->signoffs->len; i++)
    {
      const PfSignoff *signoff = g_ptr_array_index (self->signoffs, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", signoff->id);
      json_object_set_string_member (object, "name", signoff->name);
      set_optional_string (object, "role", signoff->role);
      json_object_set_string_member (object, "date", signoff->date);
      json_object_set_string_member (object, "decision", pf_decision_to_string (signoff->decision));
      set_optional_string (object, "comment", signoff->comment);
      set_optional_string (object, "content_sha256", signoff->content_sha256);
      json_array_add_object_element (signoffs, object);
    }
  json_object_set_array_member (root, "signoffs", signoffs);

  for (guint i = 0; i < self->receipts->len; i++)
    {
      const PfReceipt *receipt = g_ptr_array_index (self->receipts, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "url", receipt->url);
      json_object_set_string_member (object, "time", receipt->time);
      json_object_set_int_member (object, "status", receipt->status);
      json_object_set_int_member (object, "size", receipt->size);
      set_optional_string (object, "digest", receipt->digest);
      set_optional_string (object, "etag", receipt->etag);
      json_array_add_object_element (receipts, object);
    }
  json_object_set_array_member (root, "submissions", receipts);

  unknown = json_object_get_members (self->unknown);
  for (const GList *l = unknown; l != NULL; l = l->next)
    json_object_set_member (root, l->data,
                            json_node_copy (json_object_get_member (self->unknown, l->data)));

  return object_to_bytes (root, TRUE);
}

static void
set_file (PfAssessment *self,
          GFile        *file)
{
  if (self->file != NULL && g_file_equal (self->file, file))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* What @self just wrote to its file: a save then expects to find @sha256
 * (owned) there, and a later check first compares the file's etag. */
static void
remember_disk_contents (PfAssessment *self,
                        char         *sha256)
{
  g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_free (self->disk_sha256);
  self->disk_sha256 = sha256;
  g_free (self->disk_etag);
  self->disk_etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* The SHA-256 that @self last saw in @file, if @file is its own file:
 * what a save there expects to find before it overwrites. */
static char *
dup_expected_sha256 (PfAssessment *self,
                     GFile        *file)
{
  if (self->file == NULL || !g_file_equal (self->file, file))
    return NULL;

  return g_strdup (self->disk_sha256);
}

/* Whether @file exists and holds something else than @expected_sha256. */
static gboolean
holds_other_than (GFile      *file,
                  const char *expected_sha256)
{
  g_autoptr(GBytes) current = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autofree char *sha256 = NULL;

  if (current == NULL)
    return FALSE;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, current);
  return !g_str_equal (sha256, expected_sha256);
}

/* Writes @bytes to @file unless @file no longer holds @expected_sha256
 * (nullable: no expectation); a file gone meanwhile is written again. */
static gboolean
write_bytes (GFile       *file,
             GBytes      *bytes,
             const char  *expected_sha256,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  if (expected_sha256 != NULL && holds_other_than (file, expected_sha256))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_CHANGED_ON_DISK,
                   _("Another program changed “%s” after Preflight last read or saved it, "
                     "so Preflight did not overwrite it"), name);
      return FALSE;
    }

  if (pf_safe_file_replace (file, data, len, 0600, &local_error))
    return TRUE;

  g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_IO,
               _("%s. The previous version of the file is unchanged; choose another "
                 "folder or free some space and save again."),
               local_error->message);
  return FALSE;
}

gboolean
pf_assessment_save (PfAssessment  *self,
                    GFile         *file,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = pf_assessment_to_bytes (self);
  expected = dup_expected_sha256 (self, file);
  if (!write_bytes (file, bytes, expected, error))
    return FALSE;

  set_file (self, file);
  remember_disk_contents (self, g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes));
  return TRUE;
}

typedef struct {
  GFile  *file;             /* (owned) */
  GBytes *bytes;            /* (owned) */
  char   *expected_sha256;  /* (owned) (nullable) */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected_sha256);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (write_bytes (data->file, data->bytes, data->expected_sha256, &error))
    g_task_return_pointer (task, g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->bytes),
                           g_free);
  else
    g_task_return_error (task, error);
}

void
pf_assessment_save_async (PfAssessment        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_assessment_save_async);

  /* Serialise now, on the owner's thread: the worker must not touch self. */
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = pf_assessment_to_bytes (self);
  data->expected_sha256 = dup_expected_sha256 (self, file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  g_task_run_in_thread (task, save_thread);
}

gboolean
pf_assessment_save_finish (PfAssessment  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  char *sha256;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_assessment_save_async,
                        FALSE);

  sha256 = g_task_propagate_pointer (G_TASK (result), error);
  if (sha256 == NULL)
    return FALSE;

  set_file (self, ((SaveData *) g_task_get_task_data (G_TASK (result)))->file);
  remember_disk_contents (self, sha256);
  return TRUE;
}

void
pf_assessment_forget_disk_contents (PfAssessment *self)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));

  g_clear_pointer (&self->disk_sha256, g_free);
  g_clear_pointer (&self->disk_etag, g_free);
}

void
pf_assessment_file_moved (PfAssessment *self,
                          GFile        *file)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  set_file (self, file);
}

gboolean
pf_assessment_changed_on_disk (PfAssessment *self)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);

  if (self->file == NULL || self->disk_sha256 == NULL)
    return FALSE;

  /* The file monitor reports this assessment's own saves too: a stat
   * tells those apart without reading the file. */
  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && self->disk_etag != NULL
      && g_strcmp0 (g_file_info_get_etag (info), self->disk_etag) == 0)
    return FALSE;

  return holds_other_than (self->file, self->disk_sha256);
}

GFile *
pf_assessment_get_file (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->file;
}

/* Pack --------------------------------------------------------------------- */

gboolean
pf_assessment_set_pack (PfAssessment    *self,
                        PfCriteriaPack  *pack,
                        GError         **error)
{
  const char *sha256;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (pack), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (pf_criteria_pack_get_id (pack), self->pack_id) != 0
      || g_strcmp0 (pf_criteria_pack_get_version (pack), self->pack_version) != 0)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH,
                   _("The assessment was made with the criteria pack “%s” version %s, not "
                     "“%s” version %s; install that pack to open it"),
                   self->pack_id, self->pack_version,
                   pf_criteria_pack_get_id (pack), pf_criteria_pack_get_version (pack));
      return FALSE;
    }

  sha256 = pf_criteria_pack_get_sha256 (pack);
  if (self->pack_sha256 != NULL && g_strcmp0 (sha256, self->pack_sha256) != 0)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH,
                   _("The criteria pack “%s” version %s differs from the one the assessment "
                     "was made with (its SHA-256 is %s, expected %s); install the original "
                     "pack to open it"),
                   self->pack_id, self->pack_version, sha256, self->pack_sha256);
      return FALSE;
    }

  /* An assessment written without the hash adopts the pack's; this only
   * completes the record and is not a change by the user. */
  if (self->pack_sha256 == NULL)
    self->pack_sha256 = g_strdup (sha256);

  if (g_set_object (&self->pack, pack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);

  return TRUE;
}

PfCriteriaPack *
pf_assessment_get_pack (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->pack;
}

const char *
pf_assessment_get_pack_id (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->pack_id;
}

const char *
pf_assessment_get_pack_version (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->pack_version;
}

const char *
pf_assessment_get_pack_sha256 (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->pack_sha256;
}

/* Metadata ----------------------------------------------------------------- */

const char *
pf_assessment_get_id (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->id;
}

const char *
pf_assessment_get_created (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->created;
}

const char *
pf_assessment_get_modified (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->modified;
}

const char *
pf_assessment_get_model_name (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->model_name;
}

void
pf_assessment_set_model_name (PfAssessment *self,
                              const char   *model_name)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));

  set_string_property (self, &self->model_name, model_name, PROP_MODEL_NAME);
}

const char *
pf_assessment_get_model_version (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->model_version;
}

const char *
pf_assessment_get_previous_id (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->previous_id;
}

const char *
pf_assessment_get_previous_model_version (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->previous_model_version;
}

char *
pf_assessment_dup_model_label (PfAssessment *self)
{
  const char *name;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  name = self->model_name != NULL && *self->model_name != '\0' ? self->model_name
                                                                : _("Unnamed model");
  if (self->model_version == NULL || *self->model_version == '\0')
    return g_strdup (name);

  return g_strdup_printf ("%s %s", name, self->model_version);
}

void
pf_assessment_set_model_version (PfAssessment *self,
                                 const char   *model_version)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));

  set_string_property (self, &self->model_version, model_version, PROP_MODEL_VERSION);
}

const char *
pf_assessment_get_organisation (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->organisation;
}

void
pf_assessment_set_organisation (PfAssessment *self,
                                const char   *organisation)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));

  set_string_property (self, &self->organisation, organisation, PROP_ORGANISATION);
}

const char *
pf_assessment_get_contact (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->contact;
}

void
pf_assessment_set_contact (PfAssessment *self,
                           const char   *contact)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));

  set_string_property (self, &self->contact, contact, PROP_CONTACT);
}

const char *
pf_assessment_get_release_date (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->release_date;
}

void
pf_assessment_set_release_date (PfAssessment *self,
                                const char   *release_date)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));

  set_string_property (self, &self->release_date, release_date, PROP_RELEASE_DATE);
}

PfMarking
pf_assessment_get_marking (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), PF_MARKING_NONE);

  return self->marking;
}

void
pf_assessment_set_marking (PfAssessment *self,
                           PfMarking     marking)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (marking <= PF_MARKING_PCII);

  if (self->marking == marking)
    return;

  self->marking = marking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKING]);
  pf_assessment_touch (self, NULL);
}

/* Answers ------------------------------------------------------------------ */

PfAnswer *
pf_assessment_get_answer (PfAssessment *self,
                          const char   *question_id)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, question_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
pf_assessment_list_answered_ids (PfAssessment *self)
{
  GPtrArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  ids = g_ptr_array_new_full (g_hash_table_size (self->answers), g_free);
  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_strings);

  return ids;
}

static gboolean
answers_equal (PfAnswer *a,
               PfAnswer *b)
{
  JsonNode *va, *vb;

  if (a == NULL || b == NULL)
    return a == b;

  va = pf_answer_get_value (a);
  vb = pf_answer_get_value (b);

  return pf_answer_get_state (a) == pf_answer_get_state (b)
         && pf_answer_get_needs_review (a) == pf_answer_get_needs_review (b)
         && g_strcmp0 (pf_answer_get_note (a), pf_answer_get_note (b)) == 0
         && (va == NULL ? vb == NULL : vb != NULL && json_node_equal (va, vb));
}

/* Stores a new answer record (dropping one that holds nothing at all),
 * unless nothing but the time would change; returns whether it did. */
static gboolean
store_answer (PfAssessment  *self,
              const char    *question_id,
              JsonNode      *value,
              PfAnswerState  state,
              gboolean       needs_review,
              const char    *note)
{
  PfAnswer *old = g_hash_table_lookup (self->answers, question_id);
  g_autofree char *now = pf_timestamp_now ();
  g_autoptr(PfAnswer) answer = NULL;

  if (note != NULL && *note == '\0')
    note = NULL;

  if (value != NULL || state != PF_ANSWER_STATE_ANSWERED || needs_review || note != NULL)
    answer = pf_answer_new (value, state, needs_review, note, now);

  if (answers_equal (old, answer))
    return FALSE;

  if (answer != NULL)
    g_hash_table_replace (self->answers, g_strdup (question_id), g_steal_pointer (&answer));
  else
    g_hash_table_remove (self->answers, question_id);

  return TRUE;
}

/* store_answer (), then signals the change. */
static void
put_answer (PfAssessment  *self,
            const char    *question_id,
            JsonNode      *value,
            PfAnswerState  state,
            gboolean       needs_review,
            const char    *note)
{
  if (store_answer (self, question_id, value, state, needs_review, note))
    pf_assessment_touch (self, question_id);
}

PfAssessment *
pf_assessment_new_successor (PfAssessment *previous)
{
  PfAssessment *self;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PF_IS_ASSESSMENT (previous), NULL);
  g_return_val_if_fail (previous->pack != NULL, NULL);

  self = pf_assessment_new (previous->pack);
  self->model_name = g_strdup (previous->model_name);
  self->organisation = g_strdup (previous->organisation);
  self->contact = g_strdup (previous->contact);
  self->marking = previous->marking;
  self->previous_id = g_strdup (previous->id);
  self->previous_model_version = g_strdup (previous->model_version);

  /* Each record as it was, answers to questions a newer pack version asked
   * included: saving keeps those too. */
  g_hash_table_iter_init (&iter, previous->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    put_answer (self, key, pf_answer_get_value (value), pf_answer_get_state (value), TRUE,
                pf_answer_get_note (value));

  return self;
}

static PfQuestion *
lookup_question (PfAssessment  *self,
                 const char    *question_id,
                 GError       **error)
{
  PfQuestion *question;

  if (self->pack == NULL)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_PACK_MISMATCH,
                   _("The criteria pack “%s” version %s is not loaded, so “%s” cannot be "
                     "answered; install that pack"),
                   self->pack_id, self->pack_version, question_id);
      return NULL;
    }

  question = pf_criteria_pack_lookup_question (self->pack, question_id);
  if (question == NULL)
    g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_UNKNOWN_QUESTION,
                 _("The criteria pack “%s” has no question “%s”; check the question id"),
                 self->pack_id, question_id);

  return question;
}

gboolean
pf_assessment_set_value (PfAssessment  *self,
                         const char    *question_id,
                         JsonNode      *value,
                         GError       **error)
{
  PfQuestion *question;
  PfAnswer *old;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  question = lookup_question (self, question_id, error);
  if (question == NULL)
    return FALSE;

  /* Evidence questions are answered by linking evidence items, so a stored
   * value could only contradict the links. */
  if (pf_question_get_question_type (question) == PF_QUESTION_EVIDENCE)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("“%s” is answered by attaching evidence to it, not by a value"),
                   question_id);
      return FALSE;
    }

  if (!pf_question_check_value (question, value, error))
    return FALSE;

  old = g_hash_table_lookup (self->answers, question_id);
  put_answer (self, question_id, value, PF_ANSWER_STATE_ANSWERED,
              old != NULL && pf_answer_get_needs_review (old),
              old != NULL ? pf_answer_get_note (old) : NULL);

  return TRUE;
}

gboolean
pf_assessment_mark_unknown (PfAssessment  *self,
                            const char    *question_id,
                            GError       **error)
{
  PfAnswer *old;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lookup_question (self, question_id, error) == NULL)
    return FALSE;

  old = g_hash_table_lookup (self->answers, question_id);
  put_answer (self, question_id, NULL, PF_ANSWER_STATE_UNKNOWN,
              old != NULL && pf_answer_get_needs_review (old),
              old != NULL ? pf_answer_get_note (old) : NULL);

  return TRUE;
}

void
pf_assessment_clear_value (PfAssessment *self,
                           const char   *question_id)
{
  PfAnswer *old;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  old = g_hash_table_lookup (self->answers, question_id);
  if (old == NULL)
    return;

  put_answer (self, question_id, NULL, PF_ANSWER_STATE_ANSWERED,
              pf_answer_get_needs_review (old), pf_answer_get_note (old));
}

void
pf_assessment_set_needs_review (PfAssessment *self,
                                const char   *question_id,
                                gboolean      needs_review)
{
  PfAnswer *old;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  old = g_hash_table_lookup (self->answers, question_id);
  put_answer (self, question_id,
              old != NULL ? pf_answer_get_value (old) : NULL,
              old != NULL ? pf_answer_get_state (old) : PF_ANSWER_STATE_ANSWERED,
              !!needs_review,
              old != NULL ? pf_answer_get_note (old) : NULL);
}

void
pf_assessment_clear_needs_review (PfAssessment *self,
                                  GPtrArray    *question_ids)
{
  gboolean changed = FALSE;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (question_ids != NULL);

  for (guint i = 0; i < question_ids->len; i++)
    {
      const char *question_id = g_ptr_array_index (question_ids, i);
      PfAnswer *old = g_hash_table_lookup (self->answers, question_id);

      if (old != NULL && pf_answer_get_needs_review (old))
        changed |= store_answer (self, question_id, pf_answer_get_value (old),
                                 pf_answer_get_state (old), FALSE, pf_answer_get_note (old));
    }

  /* One change for them all: whoever listens (the determination, the
   * autosave, every page) updates once, not once per answer. */
  if (changed)
    pf_assessment_touch (self, NULL);
}

void
pf_assessment_set_note (PfAssessment *self,
                        const char   *question_id,
                        const char   *note)
{
  PfAnswer *old;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);

  old = g_hash_table_lookup (self->answers, question_id);
  put_answer (self, question_id,
              old != NULL ? pf_answer_get_value (old) : NULL,
              old != NULL ? pf_answer_get_state (old) : PF_ANSWER_STATE_ANSWERED,
              old != NULL && pf_answer_get_needs_review (old),
              note);
}

/* Evidence ----------------------------------------------------------------- */

GPtrArray *
pf_assessment_get_evidence (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->evidence;
}

static gboolean
find_evidence (PfAssessment *self,
               const char   *evidence_id,
               guint        *index)
{
  for (guint i = 0; i < self->evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (self->evidence, i);

      if (g_strcmp0 (item->id, evidence_id) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const PfEvidenceItem *
pf_assessment_lookup_evidence (PfAssessment *self,
                               const char   *evidence_id)
{
  guint index;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (evidence_id != NULL, NULL);

  return find_evidence (self, evidence_id, &index) ? g_ptr_array_index (self->evidence, index)
                                                   : NULL;
}

void
pf_assessment_put_evidence (PfAssessment         *self,
                            const PfEvidenceItem *item)
{
  guint index;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (item != NULL);
  g_return_if_fail (item->id != NULL);
  g_return_if_fail (item->sha256 != NULL && pf_sha256_is_hex (item->sha256));

  if (find_evidence (self, item->id, &index))
    {
      pf_evidence_item_free (g_ptr_array_index (self->evidence, index));
      g_ptr_array_index (self->evidence, index) = pf_evidence_item_copy (item);
    }
  else
    {
      g_ptr_array_add (self->evidence, pf_evidence_item_copy (item));
    }

  pf_assessment_touch (self, NULL);
}

gboolean
pf_assessment_remove_evidence (PfAssessment *self,
                               const char   *evidence_id)
{
  guint index;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (evidence_id != NULL, FALSE);

  if (!find_evidence (self, evidence_id, &index))
    return FALSE;

  g_ptr_array_remove_index (self->evidence, index);
  pf_assessment_touch (self, NULL);

  return TRUE;
}

/* Sign-offs and receipts --------------------------------------------------- */

GPtrArray *
pf_assessment_get_signoffs (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->signoffs;
}

void
pf_assessment_add_signoff (PfAssessment    *self,
                           const PfSignoff *signoff)
{
  PfSignoff *copy;

  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (signoff != NULL);
  g_return_if_fail (signoff->name != NULL);

  copy = pf_signoff_copy (signoff);
  if (copy->id == NULL)
    copy->id = g_uuid_string_random ();
  if (copy->date == NULL)
    copy->date = pf_timestamp_now ();
  if (copy->content_sha256 == NULL)
    copy->content_sha256 = pf_assessment_dup_content_hash (self);

  g_ptr_array_add (self->signoffs, copy);
  pf_assessment_touch (self, NULL);
}

gboolean
pf_assessment_signoff_is_stale (PfAssessment    *self,
                                const PfSignoff *signoff)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), TRUE);
  g_return_val_if_fail (signoff != NULL, TRUE);

  if (signoff->content_sha256 == NULL)
    return TRUE;

  current = pf_assessment_dup_content_hash (self);
  return g_ascii_strcasecmp (current, signoff->content_sha256) != 0;
}

static int
compare_evidence_ids (gconstpointer a,
                      gconstpointer b)
{
  const PfEvidenceItem *ia = *(const PfEvidenceItem * const *) a;
  const PfEvidenceItem *ib = *(const PfEvidenceItem * const *) b;

  return strcmp (ia->id, ib->id);
}

/* The hashed form is compact JSON with a fixed member order, answers sorted
 * by question id and evidence by id, so equal content gives equal hashes
 * whatever the order of edits. Answer times are left out: re-entering the
 * same answer is not a change a reviewer has to see again. */
char *
pf_assessment_dup_content_hash (PfAssessment *self)
{
  g_autoptr(JsonObject) content = json_object_new ();
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *evidence_array = json_array_new ();
  gsize len;
  const guchar *data;

  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  json_object_set_object_member (content, "model", model_to_object (self));
  set_optional_string (content, "organisation", self->organisation);
  set_optional_string (content, "contact", self->contact);
  set_optional_string (content, "release_date", self->release_date);
  json_object_set_string_member (content, "marking", pf_marking_to_string (self->marking));
  json_object_set_object_member (content, "answers", answers_to_object (self, FALSE));

  /* Borrowed pointers: g_ptr_array_copy() would inherit the free function. */
  evidence = g_ptr_array_sized_new (self->evidence->len);
  for (guint i = 0; i < self->evidence->len; i++)
    g_ptr_array_add (evidence, g_ptr_array_index (self->evidence, i));
  g_ptr_array_sort (evidence, compare_evidence_ids);
  for (guint i = 0; i < evidence->len; i++)
    json_array_add_object_element (evidence_array, evidence_to_object (g_ptr_array_index (evidence, i)));
  json_object_set_array_member (content, "evidence", evidence_array);

  bytes = object_to_bytes (content, FALSE);
  data = g_bytes_get_data (bytes, &len);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

GPtrArray *
pf_assessment_get_receipts (PfAssessment *self)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (self), NULL);

  return self->receipts;
}

void
pf_assessment_add_receipt (PfAssessment    *self,
                           const PfReceipt *receipt)
{
  g_return_if_fail (PF_IS_ASSESSMENT (self));
  g_return_if_fail (receipt != NULL);
  g_return_if_fail (receipt->url != NULL && receipt->time != NULL);

  g_ptr_array_add (self->receipts, pf_receipt_copy (receipt));
  pf_assessment_touch (self, NULL);
}
