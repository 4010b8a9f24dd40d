/* pf-criteria-pack.c: loads and validates a criteria pack (*.pfpack.json).
 *
 * Loading checks everything a rule could trip over later (ids, references,
 * operators against question types, literals, cycles), so the rest of the
 * core can evaluate a pack without checking anything again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-criteria-pack"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pf-criteria-pack-private.h"
#include "pf-criteria-pack.h"
#include "pf-json-guard.h"

#define MAX_PACK_SIZE (16 * 1024 * 1024)
#define MAX_JSON_DEPTH (4 * PF_PACK_MAX_DEPTH)

struct _PfCriteriaPack
{
  GObject       parent_instance;

  char         *id;                     /* (owned) */
  char         *version;                /* (owned) */
  PfPackStatus  status;
  char         *published;              /* (owned) */
  char         *title;                  /* (owned) */
  char         *description;            /* (owned) */
  char         *sha256;                 /* (owned) */
  char         *origin;                 /* (owned) */
  GBytes       *bytes;                  /* (owned) */

  GPtrArray    *sources;                /* (owned) (element-type PfSource) */
  GHashTable   *sources_by_id;          /* (owned) id → PfSource */
  GPtrArray    *sections;               /* (owned) (element-type PfSection) */
  GHashTable   *sections_by_id;         /* (owned) id → PfSection */
  GPtrArray    *questions;              /* (owned) (element-type PfQuestion) */
  GHashTable   *questions_by_id;        /* (owned) id → PfQuestion */
  GPtrArray    *indicators;             /* (owned) (element-type PfIndicator) */
  GHashTable   *indicators_by_id;       /* (owned) id → PfIndicator */
  GPtrArray    *outcome_rules;          /* (owned) (element-type PfOutcomeRule) */
  GHashTable   *indicators_by_question; /* (owned) PfQuestion → GPtrArray of PfIndicator */
  GPtrArray    *no_indicators;          /* (owned) empty, for questions no indicator reads */
};

G_DEFINE_FINAL_TYPE (PfCriteriaPack, pf_criteria_pack, G_TYPE_OBJECT)
G_DEFINE_QUARK (pf-pack-error-quark, pf_pack_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pf_source_free (gpointer data)
{
  PfSource *source = data;

  g_free (source->id);
  g_free (source->title);
  g_free (source->url);
  g_free (source);
}

static void
pf_outcome_rule_free (gpointer data)
{
  PfOutcomeRule *rule = data;

  g_clear_pointer (&rule->when, pf_expression_unref);
  g_free (rule);
}

static void
pf_criteria_pack_dispose (GObject *object)
{
  PfCriteriaPack *self = PF_CRITERIA_PACK (object);

  g_clear_pointer (&self->indicators_by_question, g_hash_table_unref);
  g_clear_pointer (&self->sections_by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->indicators_by_id, g_hash_table_unref);
  g_clear_pointer (&self->outcome_rules, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_criteria_pack_parent_class)->dispose (object);
}

static void
pf_criteria_pack_finalize (GObject *object)
{
  PfCriteriaPack *self = PF_CRITERIA_PACK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->no_indicators, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_criteria_pack_parent_class)->finalize (object);
}

static void
pf_criteria_pack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfCriteriaPack *self = PF_CRITERIA_PACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_criteria_pack_class_init (PfCriteriaPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_criteria_pack_dispose;
  object_class->finalize = pf_criteria_pack_finalize;
  object_class->get_property = pf_criteria_pack_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_criteria_pack_init (PfCriteriaPack *self)
{
  self->sources = g_ptr_array_new_with_free_func (pf_source_free);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->sections_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  self->indicators_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->outcome_rules = g_ptr_array_new_with_free_func (pf_outcome_rule_free);
  self->indicators_by_question = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  self->no_indicators = g_ptr_array_new ();
}

/* Reading members with errors that name their JSON path. */

static char *
member_path (const char *path,
             const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);

  return g_strdup_printf ("%s.%s", path, key);
}

static JsonObject *
expect_object (JsonNode    *node,
               const char  *path,
               GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s: must be a JSON object — write it as {\"member\": value, …}"), path);
      return NULL;
    }

  return json_node_get_object (node);
}

/* *out is NULL when an optional member is absent. */
static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *key,
             gboolean     required,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *where = member_path (path, key);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                       _("%s: missing — add this required member"), where);
          return FALSE;
        }
      return TRUE;
    }

  if (!_pf_pack_node_is (node, G_TYPE_STRING))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s: must be a string — put the text in double quotes"), where);
      return FALSE;
    }

  if (required && *json_node_get_string (node) == '\0')
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                   _("%s: is empty — fill in this required member"), where);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/* *out is NULL when an optional member is absent. */
static gboolean
read_array (JsonObject  *object,
            const char  *path,
            const char  *key,
            gboolean     required,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *where = member_path (path, key);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                       _("%s: missing — add this required list"), where);
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("%s: must be a list — write it as [ … ]"), where);
      return FALSE;
    }

  if (required && json_array_get_length (json_node_get_array (node)) == 0)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                   _("%s: is empty — add at least one entry"), where);
      return FALSE;
    }

  *out = json_node_get_array (node);
  return TRUE;
}

/* The pack's own ids (option ids, source ids) each must name something. */
static GStrv
read_source_ids (PfCriteriaPack  *self,
                 JsonObject      *object,
                 const char      *path,
                 GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!read_array (object, path, "sources", FALSE, &array, error))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s.sources[%u]", path, i);

      if (!_pf_pack_node_is (element, G_TYPE_STRING))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                       _("%s: must be a source id — write the id in double quotes"), where);
          return NULL;
        }

      if (!g_hash_table_contains (self->sources_by_id, json_node_get_string (element)))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_REFERENCE,
                       _("%s: unknown source “%s” — add it to the pack’s “sources” or fix the id"),
                       where, json_node_get_string (element));
          return NULL;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

static gboolean
version_is_valid (const char *version)
{
  gboolean need_digit = TRUE;

  for (const char *p = version; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        need_digit = FALSE;
      else if (*p == '.' && !need_digit)
        need_digit = TRUE;
      else
        return FALSE;
    }

  return !need_digit;
}

/* The parts of the pack, in the order they depend on each other. */

static gboolean
parse_sources (PfCriteriaPack  *self,
               JsonObject      *root,
               GError         **error)
{
  JsonArray *array;

  if (!read_array (root, NULL, "sources", FALSE, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("sources[%u]", i);
      JsonObject *object;
      const char *id, *title, *url;
      PfSource *source;

      if (!(object = expect_object (json_array_get_element (array, i), path, error)) ||
          !read_string (object, path, "id", TRUE, &id, error) ||
          !read_string (object, path, "title", TRUE, &title, error) ||
          !read_string (object, path, "url", FALSE, &url, error))
        return FALSE;

      if (g_hash_table_contains (self->sources_by_id, id))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                       _("%s.id: duplicate source id “%s” — give each source its own id"),
                       path, id);
          return FALSE;
        }

      source = g_new0 (PfSource, 1);
      source->id = g_strdup (id);
      source->title = g_strdup (title);
      source->url = g_strdup (url);
      g_ptr_array_add (self->sources, source);
      g_hash_table_insert (self->sources_by_id, source->id, source);
    }

  return TRUE;
}

static gboolean
parse_range (PfQuestion  *question,
             JsonObject  *object,
             const char  *path,
             GError     **error)
{
  static const char * const keys[] = { "min", "max" };
  PfQuestionType type = pf_question_get_question_type (question);
  double bounds[2];

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);

      if (node == NULL)
        continue;

      if (type != PF_QUESTION_NUMBER && type != PF_QUESTION_INTEGER)
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                       _("%s.%s: only number and integer questions have a range — remove it"),
                       path, keys[i]);
          return FALSE;
        }

      if (!_pf_pack_node_is_number (node))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                       _("%s.%s: must be a number — write it without quotes, like 100"), path, keys[i]);
          return FALSE;
        }

      bounds[i] = json_node_get_double (node);
      if (i == 0)
        _pf_question_set_min (question, bounds[i]);
      else
        _pf_question_set_max (question, bounds[i]);
    }

  if (pf_question_has_min (question) && pf_question_has_max (question) && bounds[0] > bounds[1])
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_RANGE,
                   _("%s.min: min %g is greater than max %g — swap them or correct one"),
                   path, bounds[0], bounds[1]);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_options (PfQuestion  *question,
               JsonObject  *object,
               const char  *path,
               GError     **error)
{
  PfQuestionType type = pf_question_get_question_type (question);
  gboolean is_choice = type == PF_QUESTION_CHOICE || type == PF_QUESTION_MULTI_CHOICE;
  JsonArray *array;

  if (!read_array (object, path, "options", FALSE, &array, error))
    return FALSE;

  if (!is_choice)
    {
      if (array != NULL)
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                       _("%s.options: only choice and multi_choice questions have options — remove them or change the type"),
                       path);
          return FALSE;
        }
      return TRUE;
    }

  if (array == NULL || json_array_get_length (array) == 0)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_OPTIONS,
                   _("%s.options: a %s question needs options — add a list of {\"id\", \"label\"}"),
                   path, pf_question_type_to_string (type));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *option_path = g_strdup_printf ("%s.options[%u]", path, i);
      JsonObject *option;
      const char *id, *label;

      if (!(option = expect_object (json_array_get_element (array, i), option_path, error)) ||
          !read_string (option, option_path, "id", TRUE, &id, error) ||
          !read_string (option, option_path, "label", TRUE, &label, error))
        return FALSE;

      if (!_pf_question_add_option (question, id, label))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                       _("%s.id: duplicate option id “%s” — option ids must be unique within a question"),
                       option_path, id);
          return FALSE;
        }
    }

  return TRUE;
}

static PfQuestion *
parse_question (PfCriteriaPack  *self,
                JsonNode        *node,
                const char      *path,
                GError         **error)
{
  g_autoptr(PfQuestion) question = NULL;
  g_autoptr(PfExpression) visible_if = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *id, *type_name, *prompt, *help, *unit, *evidence;
  PfQuestionType type;
  GStrv sources;

  if (!(object = expect_object (node, path, error)) ||
      !read_string (object, path, "id", TRUE, &id, error) ||
      !read_string (object, path, "type", TRUE, &type_name, error))
    return NULL;

  if (g_hash_table_contains (self->questions_by_id, id))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                   _("%s.id: duplicate question id “%s” — question ids must be unique across the pack"),
                   path, id);
      return NULL;
    }

  if (!pf_question_type_from_string (type_name, &type))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_TYPE,
                   _("%s.type: unknown type “%s” — use boolean, number, integer, choice, multi_choice, text, date or evidence"),
                   path, type_name);
      return NULL;
    }

  if (!read_string (object, path, "prompt", TRUE, &prompt, error) ||
      !read_string (object, path, "help", FALSE, &help, error) ||
      !read_string (object, path, "unit", FALSE, &unit, error) ||
      !read_string (object, path, "evidence", FALSE, &evidence, error))
    return NULL;

  question = _pf_question_new (id, type, prompt, help);
  _pf_question_set_unit (question, unit);
  _pf_question_set_evidence_hint (question, evidence);

  if (!parse_range (question, object, path, error) ||
      !parse_options (question, object, path, error))
    return NULL;

  member = json_object_get_member (object, "critical");
  if (member != NULL)
    {
      if (!_pf_pack_node_is (member, G_TYPE_BOOLEAN))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                       _("%s.critical: must be true or false — write it without quotes"), path);
          return NULL;
        }
      _pf_question_set_critical (question, json_node_get_boolean (member));
    }

  member = json_object_get_member (object, "visible_if");
  if (member != NULL)
    {
      g_autofree char *where = member_path (path, "visible_if");

      if (!(visible_if = pf_expression_parse (member, where, error)))
        return NULL;
      _pf_question_set_visible_if (question, visible_if);
    }

  if (!(sources = read_source_ids (self, object, path, error)))
    return NULL;
  _pf_question_set_sources (question, sources);

  return g_steal_pointer (&question);
}

static gboolean
parse_sections (PfCriteriaPack  *self,
                JsonObject      *root,
                GError         **error)
{
  JsonArray *array;

  if (!read_array (root, NULL, "sections", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("sections[%u]", i);
      g_autoptr(PfSection) section = NULL;
      JsonObject *object;
      JsonArray *questions;
      const char *id, *title, *description;

      if (!(object = expect_object (json_array_get_element (array, i), path, error)) ||
          !read_string (object, path, "id", TRUE, &id, error) ||
          !read_string (object, path, "title", TRUE, &title, error) ||
          !read_string (object, path, "description", FALSE, &description, error) ||
          !read_array (object, path, "questions", TRUE, &questions, error))
        return FALSE;

      if (g_hash_table_contains (self->sections_by_id, id))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                       _("%s.id: duplicate section id “%s” — give each section its own id"),
                       path, id);
          return FALSE;
        }

      section = _pf_section_new (id, title, description);

      for (guint j = 0; j < json_array_get_length (questions); j++)
        {
          g_autofree char *question_path = g_strdup_printf ("%s.questions[%u]", path, j);
          g_autoptr(PfQuestion) question = NULL;

          question = parse_question (self, json_array_get_element (questions, j),
                                     question_path, error);
          if (question == NULL)
            return FALSE;

          _pf_section_add_question (section, question);
          g_ptr_array_add (self->questions, g_object_ref (question));
          g_hash_table_insert (self->questions_by_id,
                               (gpointer) pf_question_get_id (question), question);
        }

      g_hash_table_insert (self->sections_by_id, (gpointer) pf_section_get_id (section), section);
      g_ptr_array_add (self->sections, g_steal_pointer (&section));
    }

  return TRUE;
}

static gboolean
parse_indicators (PfCriteriaPack  *self,
                  JsonObject      *root,
                  GError         **error)
{
  JsonArray *array;

  if (!read_array (root, NULL, "indicators", FALSE, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("indicators[%u]", i);
      g_autofree char *when_path = g_strdup_printf ("indicators[%u].when", i);
      g_autoptr(PfExpression) when = NULL;
      JsonObject *object;
      const char *id, *title, *domain, *strength_name, *reason, *provenance_name;
      PfStrength strength;
      PfProvenance provenance;
      PfIndicator *indicator;
      GStrv sources;

      if (!(object = expect_object (json_array_get_element (array, i), path, error)) ||
          !read_string (object, path, "id", TRUE, &id, error) ||
          !read_string (object, path, "title", TRUE, &title, error) ||
          !read_string (object, path, "domain", TRUE, &domain, error) ||
          !read_string (object, path, "strength", TRUE, &strength_name, error) ||
          !read_string (object, path, "reason", TRUE, &reason, error) ||
          !read_string (object, path, "provenance", TRUE, &provenance_name, error))
        return FALSE;

      if (g_hash_table_contains (self->indicators_by_id, id))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                       _("%s.id: duplicate indicator id “%s” — give each indicator its own id"),
                       path, id);
          return FALSE;
        }

      if (!pf_strength_from_string (strength_name, &strength))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                       _("%s.strength: unknown strength “%s” — use “strong” or “weak”"),
                       path, strength_name);
          return FALSE;
        }

      if (!pf_provenance_from_string (provenance_name, &provenance))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                       _("%s.provenance: unknown provenance “%s” — use “sourced” or “placeholder”"),
                       path, provenance_name);
          return FALSE;
        }

      if (!json_object_has_member (object, "when"))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                       _("%s: missing — add the rule that makes the indicator hold"), when_path);
          return FALSE;
        }

      if (!(when = pf_expression_parse (json_object_get_member (object, "when"), when_path, error)) ||
          !(sources = read_source_ids (self, object, path, error)))
        return FALSE;

      indicator = _pf_indicator_new (id, title, domain, strength, when, reason, sources, provenance);
      g_ptr_array_add (self->indicators, indicator);
      g_hash_table_insert (self->indicators_by_id, (gpointer) pf_indicator_get_id (indicator), indicator);
    }

  return TRUE;
}

static gboolean
parse_outcomes (PfCriteriaPack  *self,
                JsonObject      *root,
                GError         **error)
{
  JsonArray *array;

  if (!read_array (root, NULL, "outcomes", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("outcomes[%u]", i);
      g_autofree char *when_path = g_strdup_printf ("outcomes[%u].when", i);
      JsonObject *object;
      const char *outcome_name;
      PfOutcome outcome;
      PfExpression *when;
      PfOutcomeRule *rule;

      if (!(object = expect_object (json_array_get_element (array, i), path, error)) ||
          !read_string (object, path, "outcome", TRUE, &outcome_name, error))
        return FALSE;

      if (!pf_outcome_from_string (outcome_name, &outcome))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_OUTCOME,
                       _("%s.outcome: unknown outcome “%s” — use likely-covered, borderline, likely-not-covered or incomplete"),
                       path, outcome_name);
          return FALSE;
        }

      if (!json_object_has_member (object, "when"))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MISSING_FIELD,
                       _("%s: missing — add a rule, or {\"all\": []} to always match"), when_path);
          return FALSE;
        }

      if (!(when = pf_expression_parse (json_object_get_member (object, "when"), when_path, error)))
        return FALSE;

      rule = g_new0 (PfOutcomeRule, 1);
      rule->outcome = outcome;
      rule->when = when;
      g_ptr_array_add (self->outcome_rules, rule);
    }

  return TRUE;
}

/* Binding expressions to questions and indicators. */

static guint
operators_for_type (PfQuestionType type)
{
#define OP(x) (1u << PF_OP_##x)
  switch (type)
    {
    case PF_QUESTION_BOOLEAN:
      return OP (EQ) | OP (NE) | OP (ANSWERED);
    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      return OP (EQ) | OP (NE) | OP (LT) | OP (LE) | OP (GT) | OP (GE) | OP (IN) | OP (ANSWERED);
    case PF_QUESTION_CHOICE:
      return OP (EQ) | OP (NE) | OP (IN) | OP (ANSWERED);
    case PF_QUESTION_MULTI_CHOICE:
      return OP (CONTAINS) | OP (IN) | OP (ANSWERED);
    case PF_QUESTION_TEXT:
      return OP (EQ) | OP (NE) | OP (CONTAINS) | OP (ANSWERED);
    case PF_QUESTION_DATE:
      return OP (EQ) | OP (NE) | OP (LT) | OP (LE) | OP (GT) | OP (GE) | OP (ANSWERED);
    case PF_QUESTION_EVIDENCE:
    default:
      return OP (ANSWERED);
    }
#undef OP
}

static gboolean
check_literal (PfQuestion  *question,
               JsonNode    *literal,
               const char  *path,
               GError     **error)
{
  PfQuestionType type = pf_question_get_question_type (question);
  const char *expected = NULL;

  switch (type)
    {
    case PF_QUESTION_BOOLEAN:
      if (!_pf_pack_node_is (literal, G_TYPE_BOOLEAN))
        expected = _("true or false");
      break;

    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      if (!_pf_pack_node_is_number (literal))
        expected = _("a number");
      break;

    case PF_QUESTION_CHOICE:
    case PF_QUESTION_MULTI_CHOICE:
      if (!_pf_pack_node_is (literal, G_TYPE_STRING))
        expected = _("an option id (a string)");
      else if (pf_question_lookup_option (question, json_node_get_string (literal)) == NULL)
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_REFERENCE,
                       _("%s: “%s” is not an option of “%s” — use one of its option ids"),
                       path, json_node_get_string (literal), pf_question_get_id (question));
          return FALSE;
        }
      break;

    case PF_QUESTION_TEXT:
      if (!_pf_pack_node_is (literal, G_TYPE_STRING))
        expected = _("a string");
      break;

    case PF_QUESTION_DATE:
      if (!_pf_pack_node_is (literal, G_TYPE_STRING) || !_pf_date_is_valid (json_node_get_string (literal)))
        expected = _("a date written \"YYYY-MM-DD\"");
      break;

    case PF_QUESTION_EVIDENCE:
    default:
      g_assert_not_reached ();
    }

  if (expected != NULL)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_OPERATOR_MISMATCH,
                   _("%s: must be %s to compare with the %s question “%s” — correct the value"),
                   path, expected, pf_question_type_to_string (type), pf_question_get_id (question));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_comparison (PfExpression  *expression,
                  PfQuestion    *question,
                  GError       **error)
{
  PfOperator op = pf_expression_get_operator (expression);
  PfQuestionType type = pf_question_get_question_type (question);
  guint allowed = operators_for_type (type);
  JsonNode *literal = pf_expression_get_value (expression);
  g_autofree char *value_path = member_path (pf_expression_get_path (expression), "value");

  if (!(allowed & (1u << op)))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i <= PF_OP_ANSWERED; i++)
        if (allowed & (1u << i))
          g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "",
                                  pf_operator_to_string (i));

      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_OPERATOR_MISMATCH,
                   _("%s.op: “%s” does not apply to the %s question “%s” — use one of %s"),
                   pf_expression_get_path (expression), pf_operator_to_string (op),
                   pf_question_type_to_string (type), pf_question_get_id (question), names->str);
      return FALSE;
    }

  if (op == PF_OP_ANSWERED)
    return TRUE;

  if (op == PF_OP_IN)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (literal))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_OPERATOR_MISMATCH,
                       _("%s: “in” needs a list of values — write them as [ … ]"), value_path);
          return FALSE;
        }

      array = json_node_get_array (literal);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", value_path, i);

          if (!check_literal (question, json_array_get_element (array, i), element_path, error))
            return FALSE;
        }
      return TRUE;
    }

  return check_literal (question, literal, value_path, error);
}

typedef struct {
  PfCriteriaPack  *self;
  GError         **error;
} BindData;

static gboolean
bind_reference (PfExpression *expression,
                gpointer      user_data)
{
  BindData *data = user_data;
  const char *path = pf_expression_get_path (expression);

  if (pf_expression_get_kind (expression) == PF_EXPRESSION_COMPARISON)
    {
      const char *id = pf_expression_get_question_id (expression);
      PfQuestion *question = g_hash_table_lookup (data->self->questions_by_id, id);

      if (question == NULL)
        {
          g_set_error (data->error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_REFERENCE,
                       _("%s.answer: unknown question “%s” — use the id of a question in the pack"),
                       path, id);
          return FALSE;
        }

      pf_expression_bind_question (expression, question);
      return check_comparison (expression, question, data->error);
    }

  if (pf_expression_get_kind (expression) == PF_EXPRESSION_INDICATOR)
    {
      const char *id = pf_expression_get_indicator_id (expression);
      PfIndicator *indicator = g_hash_table_lookup (data->self->indicators_by_id, id);

      if (indicator == NULL)
        {
          g_set_error (data->error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_REFERENCE,
                       _("%s.indicator: unknown indicator “%s” — use the id of an indicator in the pack"),
                       path, id);
          return FALSE;
        }

      pf_expression_bind_indicator (expression, indicator);
    }

  return TRUE;
}

static gboolean
bind_expression (PfCriteriaPack  *self,
                 PfExpression    *expression,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  BindData data = { self, &local_error };

  if (expression == NULL)
    return TRUE;

  pf_expression_foreach (expression, bind_reference, &data);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
bind_all (PfCriteriaPack  *self,
          GError         **error)
{
  for (guint i = 0; i < self->questions->len; i++)
    if (!bind_expression (self, pf_question_get_visible_if (g_ptr_array_index (self->questions, i)), error))
      return FALSE;

  for (guint i = 0; i < self->indicators->len; i++)
    if (!bind_expression (self, pf_indicator_get_when (g_ptr_array_index (self->indicators, i)), error))
      return FALSE;

  for (guint i = 0; i < self->outcome_rules->len; i++)
    {
      PfOutcomeRule *rule = g_ptr_array_index (self->outcome_rules, i);

      if (!bind_expression (self, rule->when, error))
        return FALSE;
    }

  return TRUE;
}

/* Cycles. A question depends on what its visible_if reads (its answer only
 * counts when it applies) and an indicator on what its rule reads; a loop
 * there would make evaluation recurse forever. Questions are nodes
 * 0…n_questions-1, indicators follow. */

typedef struct {
  GHashTable *index_of; /* PfQuestion or PfIndicator → node index + 1 */
  GArray     *deps;     /* guint node indices of the expression being walked */
} DepsData;

static gboolean
collect_dep (PfExpression *expression,
             gpointer      user_data)
{
  DepsData *data = user_data;
  gpointer target = NULL;
  guint node;

  if (pf_expression_get_kind (expression) == PF_EXPRESSION_COMPARISON)
    target = pf_expression_get_question (expression);
  else if (pf_expression_get_kind (expression) == PF_EXPRESSION_INDICATOR)
    target = pf_expression_get_indicator (expression);

  if (target != NULL)
    {
      node = GPOINTER_TO_UINT (g_hash_table_lookup (data->index_of, target)) - 1;
      g_array_append_val (data->deps, node);
    }

  return TRUE;
}

static PfExpression *
node_expression (PfCriteriaPack *self,
                 guint           node)
{
  if (node < self->questions->len)
    return pf_question_get_visible_if (g_ptr_array_index (self->questions, node));

  return pf_indicator_get_when (g_ptr_array_index (self->indicators, node - self->questions->len));
}

static char *
node_name (PfCriteriaPack *self,
           guint           node)
{
  if (node < self->questions->len)
    return g_strdup_printf (_("question “%s”"),
                            pf_question_get_id (g_ptr_array_index (self->questions, node)));

  return g_strdup_printf (_("indicator “%s”"),
                          pf_indicator_get_id (g_ptr_array_index (self->indicators,
                                                                  node - self->questions->len)));
}

static void
report_cycle (PfCriteriaPack  *self,
              GArray          *stack,
              guint            first,
              GError         **error)
{
  g_autoptr(GString) cycle = g_string_new (NULL);
  g_autofree char *first_name = node_name (self, first);
  guint start = 0;

  while (g_array_index (stack, guint, start) != first)
    start++;

  for (guint i = start; i < stack->len; i++)
    {
      g_autofree char *name = node_name (self, g_array_index (stack, guint, i));

      g_string_append_printf (cycle, "%s → ", name);
    }
  g_string_append (cycle, first_name);

  g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_CYCLE,
               _("%s: rules depend on each other in a loop: %s — change one rule so the loop is broken"),
               pf_expression_get_path (node_expression (self, first)), cycle->str);
}

static gboolean
check_cycles (PfCriteriaPack  *self,
              GError         **error)
{
  enum { WHITE, GREY, BLACK };
  guint n_nodes = self->questions->len + self->indicators->len;
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) adjacency = g_ptr_array_new_full (n_nodes, (GDestroyNotify) g_array_unref);
  g_autofree guint8 *state = g_new0 (guint8, n_nodes);
  g_autofree guint *next = g_new0 (guint, n_nodes);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->questions->len; i++)
    g_hash_table_insert (index_of, g_ptr_array_index (self->questions, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->indicators->len; i++)
    g_hash_table_insert (index_of, g_ptr_array_index (self->indicators, i),
                         GUINT_TO_POINTER (self->questions->len + i + 1));

  for (guint node = 0; node < n_nodes; node++)
    {
      DepsData data = { index_of, g_array_new (FALSE, FALSE, sizeof (guint)) };
      PfExpression *expression = node_expression (self, node);

      if (expression != NULL)
        pf_expression_foreach (expression, collect_dep, &data);
      g_ptr_array_add (adjacency, data.deps);
    }

  /* Iterative depth-first search: a chain of rules may be as long as the
   * pack, far deeper than the stack should go. */
  for (guint root = 0; root < n_nodes; root++)
    {
      if (state[root] != WHITE)
        continue;

      state[root] = GREY;
      g_array_append_val (stack, root);

      while (stack->len > 0)
        {
          guint node = g_array_index (stack, guint, stack->len - 1);
          GArray *deps = g_ptr_array_index (adjacency, node);

          if (next[node] < deps->len)
            {
              guint dep = g_array_index (deps, guint, next[node]++);

              if (state[dep] == GREY)
                {
                  report_cycle (self, stack, dep, error);
                  return FALSE;
                }

              if (state[dep] == WHITE)
                {
                  state[dep] = GREY;
                  g_array_append_val (stack, dep);
                }
            }
          else
            {
              state[node] = BLACK;
              g_array_set_size (stack, stack->len - 1);
            }
        }
    }

  return TRUE;
}

typedef struct {
  PfCriteriaPack *self;
  PfIndicator    *indicator;
} ReadersData;

static gboolean
record_reader (PfExpression *expression,
               gpointer      user_data)
{
  ReadersData *data = user_data;
  PfQuestion *question;
  GPtrArray *readers;

  if (pf_expression_get_kind (expression) != PF_EXPRESSION_COMPARISON)
    return TRUE;

  question = pf_expression_get_question (expression);
  readers = g_hash_table_lookup (data->self->indicators_by_question, question);
  if (readers == NULL)
    {
      readers = g_ptr_array_new ();
      g_hash_table_insert (data->self->indicators_by_question, question, readers);
    }

  /* Indicators are walked one after the other, so a repeat is always last. */
  if (readers->len == 0 || g_ptr_array_index (readers, readers->len - 1) != data->indicator)
    g_ptr_array_add (readers, data->indicator);

  return TRUE;
}

static void
index_readers (PfCriteriaPack *self)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      ReadersData data = { self, g_ptr_array_index (self->indicators, i) };

      pf_expression_foreach (pf_indicator_get_when (data.indicator), record_reader, &data);
    }
}

/* Refuses documents that nest deep enough to exhaust the recursive JSON
 * parser's stack, hold several documents, numbers too large for a double or
 * escapes of half a surrogate pair, before it runs (hardening: the scan is
 * shared with the other loaders in pf-json-guard.c). */
static gboolean
check_guards (GBytes  *bytes,
               GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  guint line = 0;

  switch (pf_json_guard_scan (data, size, MAX_JSON_DEPTH, &line))
    {
    case PF_JSON_GUARD_OK:
      break;
    case PF_JSON_GUARD_TOO_DEEP:
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE,
                   _("line %u: the JSON nests deeper than %u levels — simplify the rules"),
                   line, MAX_JSON_DEPTH);
      return FALSE;
    case PF_JSON_GUARD_SEVERAL_DOCUMENTS:
      /* json-glib would take the last of several documents and leak the rest. */
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("line %u: a second JSON document follows the first — a pack file holds "
                     "exactly one JSON object"), line);
      return FALSE;
    case PF_JSON_GUARD_NUMBER_OUT_OF_RANGE:
      /* json-glib would read 1e999 as infinity. */
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("line %u: a number is too large to store — numbers in a pack stay "
                     "below 1e308"), line);
      return FALSE;
    case PF_JSON_GUARD_BAD_ESCAPE:
      /* … and some escapes as bytes that are not UTF-8. */
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("line %u: a string holds an escape that does not make text — JSON has "
                     "\\\" \\\\ \\/ \\b \\f \\n \\r \\t, and \\u for whole characters"),
                   line);
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
parse_document (JsonParser  *parser,
                GBytes      *bytes,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  if (!check_guards (bytes, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      guint line, column;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COL: Parse error: …". */
      if (sscanf (local_error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 &&
          consumed > 0)
        g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                     _("line %u, column %u: %s — fix the JSON syntax there"),
                     line, column, local_error->message + consumed);
      else
        g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                     _("not valid JSON: %s — fix the JSON syntax"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_MALFORMED,
                   _("the document is not a JSON object — a pack starts with {\"format\": \"%s\", …}"),
                   PF_PACK_FORMAT);
      return NULL;
    }

  return json_node_get_object (root);
}

static gboolean
parse_header (PfCriteriaPack  *self,
              JsonObject      *root,
              GError         **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  const char *id, *version, *status, *published, *title, *description;

  if (!_pf_pack_node_is (format, G_TYPE_STRING) || !g_str_equal (json_node_get_string (format), PF_PACK_FORMAT))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_UNKNOWN_FORMAT,
                   _("format: not a criteria pack of format “%s” — this version of Preflight reads only that format"),
                   PF_PACK_FORMAT);
      return FALSE;
    }

  if (!read_string (root, NULL, "id", TRUE, &id, error) ||
      !read_string (root, NULL, "version", TRUE, &version, error) ||
      !read_string (root, NULL, "status", TRUE, &status, error) ||
      !read_string (root, NULL, "published", TRUE, &published, error) ||
      !read_string (root, NULL, "title", TRUE, &title, error) ||
      !read_string (root, NULL, "description", FALSE, &description, error))
    return FALSE;

  if (!version_is_valid (version))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                   _("version: “%s” is not a version — use dotted numbers such as 1.2.0"), version);
      return FALSE;
    }

  if (!pf_pack_status_from_string (status, &self->status))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                   _("status: unknown status “%s” — use “draft” or “official”"), status);
      return FALSE;
    }

  if (!_pf_date_is_valid (published))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                   _("published: “%s” is not a date — write it YYYY-MM-DD"), published);
      return FALSE;
    }

  self->id = g_strdup (id);
  self->version = g_strdup (version);
  self->published = g_strdup (published);
  self->title = g_strdup (title);
  self->description = g_strdup (description != NULL ? description : "");

  return TRUE;
}

static gboolean
load (PfCriteriaPack  *self,
      GBytes          *bytes,
      GError         **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  if (g_bytes_get_size (bytes) > MAX_PACK_SIZE)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE,
                   _("the pack is larger than %u MiB — a criteria pack is a small JSON file; check that this is one"),
                   MAX_PACK_SIZE / (1024 * 1024));
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!(root = parse_document (parser, bytes, error)))
    return FALSE;

  return parse_header (self, root, error) &&
         parse_sources (self, root, error) &&
         parse_sections (self, root, error) &&
         parse_indicators (self, root, error) &&
         parse_outcomes (self, root, error) &&
         bind_all (self, error) &&
         check_cycles (self, error);
}

PfCriteriaPack *
pf_criteria_pack_new_from_bytes (GBytes      *bytes,
                                 const char  *origin,
                                 GError     **error)
{
  g_autoptr(PfCriteriaPack) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PF_TYPE_CRITERIA_PACK, NULL);
  self->origin = g_strdup (origin);

  if (!load (self, bytes, error))
    {
      g_prefix_error (error, "%s: ", origin);
      return NULL;
    }

  index_readers (self);
  self->bytes = g_bytes_ref (bytes);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_steal_pointer (&self);
}

PfCriteriaPack *
pf_criteria_pack_new_from_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  origin = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    {
      g_prefix_error (error, "%s: ", origin);
      return NULL;
    }

  /* Checked before reading too, so a huge file is never loaded in memory. */
  if (g_file_info_get_size (info) > MAX_PACK_SIZE)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_TOO_LARGE,
                   _("%s: the pack is larger than %u MiB — a criteria pack is a small JSON file; check that this is one"),
                   origin, MAX_PACK_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", origin);
      return NULL;
    }

  return pf_criteria_pack_new_from_bytes (bytes, origin, error);
}

PfCriteriaPack *
pf_criteria_pack_new_from_resource (const char  *resource_path,
                                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_NOT_FOUND,
                   _("%s: no built-in pack here (%s) — the build may be incomplete"),
                   resource_path, local_error->message);
      return NULL;
    }

  return pf_criteria_pack_new_from_bytes (bytes, resource_path, error);
}

const char *
pf_criteria_pack_get_id (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->id;
}

const char *
pf_criteria_pack_get_version (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->version;
}

PfPackStatus
pf_criteria_pack_get_status (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), PF_PACK_STATUS_DRAFT);

  return self->status;
}

const char *
pf_criteria_pack_get_published (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->published;
}

const char *
pf_criteria_pack_get_title (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->title;
}

const char *
pf_criteria_pack_get_description (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->description;
}

const char *
pf_criteria_pack_get_sha256 (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->sha256;
}

GBytes *
pf_criteria_pack_get_bytes (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->bytes;
}

const char *
pf_criteria_pack_get_origin (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->origin;
}

GPtrArray *
pf_criteria_pack_get_sources (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->sources;
}

const PfSource *
pf_criteria_pack_lookup_source (PfCriteriaPack *self,
                                const char     *source_id)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  return g_hash_table_lookup (self->sources_by_id, source_id);
}

GPtrArray *
pf_criteria_pack_get_sections (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->sections;
}

PfSection *
pf_criteria_pack_lookup_section (PfCriteriaPack *self,
                                 const char     *section_id)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  return g_hash_table_lookup (self->sections_by_id, section_id);
}

GPtrArray *
pf_criteria_pack_get_questions (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->questions;
}

PfQuestion *
pf_criteria_pack_lookup_question (PfCriteriaPack *self,
                                  const char     *question_id)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->questions_by_id, question_id);
}

GPtrArray *
pf_criteria_pack_get_indicators (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->indicators;
}

PfIndicator *
pf_criteria_pack_lookup_indicator (PfCriteriaPack *self,
                                   const char     *indicator_id)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);
  g_return_val_if_fail (indicator_id != NULL, NULL);

  return g_hash_table_lookup (self->indicators_by_id, indicator_id);
}

GPtrArray *
pf_criteria_pack_get_outcome_rules (PfCriteriaPack *self)
{
  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);

  return self->outcome_rules;
}

GPtrArray *
pf_criteria_pack_get_indicators_for_question (PfCriteriaPack *self,
                                              PfQuestion     *question)
{
  GPtrArray *readers;

  g_return_val_if_fail (PF_IS_CRITERIA_PACK (self), NULL);
  g_return_val_if_fail (PF_IS_QUESTION (question), NULL);

  readers = g_hash_table_lookup (self->indicators_by_question, question);
  return readers != NULL ? readers : self->no_indicators;
}
