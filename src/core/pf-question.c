/* pf-question.c: one question of a criteria pack and the answers it accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-question"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pf-assessment.h"
#include "pf-criteria-pack-private.h"
#include "pf-pack-text.h"
#include "pf-question.h"
#include "pf-section.h"

struct _PfQuestion
{
  GObject         parent_instance;

  char           *id;            /* (owned) */
  PfQuestionType  type;
  char           *prompt;        /* (owned) */
  char           *help;          /* (owned) */
  char           *unit;          /* (owned) (nullable) */
  double          min;
  double          max;
  guint           has_min : 1;
  guint           has_max : 1;
  guint           critical : 1;
  GPtrArray      *options;       /* (owned) (element-type PfOption) */
  GHashTable     *options_by_id; /* (owned) id → PfOption, unowned values */
  PfExpression   *visible_if;    /* (owned) (nullable) */
  char           *evidence_hint; /* (owned) (nullable) */
  GStrv           sources;       /* (owned) */
  PfSection      *section;       /* (unowned) */
};

G_DEFINE_FINAL_TYPE (PfQuestion, pf_question, G_TYPE_OBJECT)

static void
pf_option_free (gpointer data)
{
  PfOption *option = data;

  g_free (option->id);
  g_free (option->label);
  g_free (option);
}

static void
pf_question_finalize (GObject *object)
{
  PfQuestion *self = PF_QUESTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->prompt, g_free);
  g_clear_pointer (&self->help, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->options_by_id, g_hash_table_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->visible_if, pf_expression_unref);
  g_clear_pointer (&self->evidence_hint, g_free);
  g_clear_pointer (&self->sources, g_strfreev);

  G_OBJECT_CLASS (pf_question_parent_class)->finalize (object);
}

static void
pf_question_class_init (PfQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_question_finalize;
}

static void
pf_question_init (PfQuestion *self)
{
  self->options = g_ptr_array_new_with_free_func (pf_option_free);
  self->options_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_new0 (char *, 1);
}

PfQuestion *
_pf_question_new (const char     *id,
                  PfQuestionType  type,
                  const char     *prompt,
                  const char     *help)
{
  PfQuestion *self = g_object_new (PF_TYPE_QUESTION, NULL);

  self->id = g_strdup (id);
  self->type = type;
  self->prompt = g_strdup (prompt);
  self->help = g_strdup (help != NULL ? help : "");

  return self;
}

void
_pf_question_set_unit (PfQuestion *self,
                       const char *unit)
{
  g_free (self->unit);
  self->unit = g_strdup (unit);
}

void
_pf_question_set_min (PfQuestion *self,
                      double      min)
{
  self->min = min;
  self->has_min = TRUE;
}

void
_pf_question_set_max (PfQuestion *self,
                      double      max)
{
  self->max = max;
  self->has_max = TRUE;
}

gboolean
_pf_question_add_option (PfQuestion *self,
                         const char *id,
                         const char *label)
{
  PfOption *option;

  if (g_hash_table_contains (self->options_by_id, id))
    return FALSE;

  option = g_new0 (PfOption, 1);
  option->id = g_strdup (id);
  option->label = g_strdup (label);
  g_ptr_array_add (self->options, option);
  g_hash_table_insert (self->options_by_id, option->id, option);

  return TRUE;
}

void
_pf_question_set_critical (PfQuestion *self,
                           gboolean    critical)
{
  self->critical = !!critical;
}

void
_pf_question_set_visible_if (PfQuestion   *self,
                             PfExpression *visible_if)
{
  g_clear_pointer (&self->visible_if, pf_expression_unref);
  if (visible_if != NULL)
    self->visible_if = pf_expression_ref (visible_if);
}

void
_pf_question_set_evidence_hint (PfQuestion *self,
                                const char *evidence_hint)
{
  g_free (self->evidence_hint);
  self->evidence_hint = g_strdup (evidence_hint);
}

void
_pf_question_set_sources (PfQuestion *self,
                          GStrv       sources)
{
  g_strfreev (self->sources);
  self->sources = sources != NULL ? sources : g_new0 (char *, 1);
}

void
_pf_question_set_section (PfQuestion *self,
                          PfSection  *section)
{
  self->section = section;
}

gboolean
_pf_date_is_valid (const char *str)
{
  guint64 year, month, day;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  year = g_ascii_strtoull (str, NULL, 10);
  month = g_ascii_strtoull (str + 5, NULL, 10);
  day = g_ascii_strtoull (str + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

const char *
pf_question_get_id (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->id;
}

PfQuestionType
pf_question_get_question_type (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), PF_QUESTION_TEXT);

  return self->type;
}

const char *
pf_question_get_prompt (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->prompt;
}

const char *
pf_question_get_help (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->help;
}

const char *
pf_question_get_unit (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->unit;
}

gboolean
pf_question_has_min (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), FALSE);

  return self->has_min;
}

double
pf_question_get_min (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), 0.0);

  return self->min;
}

gboolean
pf_question_has_max (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), FALSE);

  return self->has_max;
}

double
pf_question_get_max (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), 0.0);

  return self->max;
}

GPtrArray *
pf_question_get_options (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->options;
}

const PfOption *
pf_question_lookup_option (PfQuestion *self,
                           const char *option_id)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);
  g_return_val_if_fail (option_id != NULL, NULL);

  return g_hash_table_lookup (self->options_by_id, option_id);
}

gboolean
pf_question_get_critical (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), FALSE);

  return self->critical;
}

PfExpression *
pf_question_get_visible_if (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->visible_if;
}

const char *
pf_question_get_evidence_hint (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->evidence_hint;
}

const char * const *
pf_question_get_sources (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return (const char * const *) self->sources;
}

PfSection *
pf_question_get_section (PfQuestion *self)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return self->section;
}

static gboolean
value_is (JsonNode *value,
          GType     type)
{
  return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == type;
}

static gboolean
value_is_number (JsonNode *value)
{
  return value_is (value, G_TYPE_INT64) || value_is (value, G_TYPE_DOUBLE);
}

static gboolean
check_number (PfQuestion *self,
              JsonNode   *value,
              GError    **error)
{
  double number;

  if (!value_is_number (value))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” must be a number"), self->id);
      return FALSE;
    }

  number = json_node_get_double (value);
  /* Infinity would be saved as “inf.0”, which is not JSON. */
  if (!isfinite (number))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” must be a number"), self->id);
      return FALSE;
    }
  if (self->type == PF_QUESTION_INTEGER && number != floor (number))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” must be a whole number"), self->id);
      return FALSE;
    }

  if ((self->has_min && number < self->min) || (self->has_max && number > self->max))
    {
      if (self->has_min && self->has_max)
        g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                     _("The answer to “%s” must be between %g and %g"),
                     self->id, self->min, self->max);
      else if (self->has_min)
        g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                     _("The answer to “%s” must be at least %g"), self->id, self->min);
      else
        g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                     _("The answer to “%s” must be at most %g"), self->id, self->max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_option (PfQuestion *self,
              JsonNode   *value,
              GError    **error)
{
  const char *option_id;

  if (!value_is (value, G_TYPE_STRING))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” must be an option id"), self->id);
      return FALSE;
    }

  option_id = json_node_get_string (value);
  if (!g_hash_table_contains (self->options_by_id, option_id))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not an option of “%s” — pick one of the listed options"),
                   option_id, self->id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_multi_choice (PfQuestion *self,
                    JsonNode   *value,
                    GError    **error)
{
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” must be a list of option ids"), self->id);
      return FALSE;
    }

  array = json_node_get_array (value);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!check_option (self, element, error))
        return FALSE;

      if (!g_hash_table_add (seen, (gpointer) json_node_get_string (element)))
        {
          g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                       _("The answer to “%s” lists “%s” twice"),
                       self->id, json_node_get_string (element));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_evidence (PfQuestion *self,
                JsonNode   *value,
                GError    **error)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!value_is (json_array_get_element (array, i), G_TYPE_STRING))
      array = NULL;

  if (array == NULL)
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” must be a list of evidence ids — link evidence to the question instead of typing an answer"),
                   self->id);
      return FALSE;
    }

  return TRUE;
}

gboolean
pf_question_check_value (PfQuestion *self,
                         JsonNode   *value,
                         GError    **error)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("The answer to “%s” has no value — answer it or mark it unknown"),
                   self->id);
      return FALSE;
    }

  switch (self->type)
    {
    case PF_QUESTION_BOOLEAN:
      if (!value_is (value, G_TYPE_BOOLEAN))
        {
          g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                       _("The answer to “%s” must be yes or no"), self->id);
          return FALSE;
        }
      return TRUE;

    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      return check_number (self, value, error);

    case PF_QUESTION_CHOICE:
      return check_option (self, value, error);

    case PF_QUESTION_MULTI_CHOICE:
      return check_multi_choice (self, value, error);

    case PF_QUESTION_TEXT:
      /* Bytes that are not UTF-8 would be saved as they are: not JSON. */
      if (!value_is (value, G_TYPE_STRING)
          || !g_utf8_validate (json_node_get_string (value), -1, NULL))
        {
          g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                       _("The answer to “%s” must be text"), self->id);
          return FALSE;
        }
      return TRUE;

    case PF_QUESTION_DATE:
      if (!value_is (value, G_TYPE_STRING) || !_pf_date_is_valid (json_node_get_string (value)))
        {
          g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                       _("The answer to “%s” must be a date written YYYY-MM-DD"), self->id);
          return FALSE;
        }
      return TRUE;

    case PF_QUESTION_EVIDENCE:
      return check_evidence (self, value, error);

    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
parse_boolean (PfQuestion *self,
               const char *text,
               GError    **error)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0)
    return json_node_init_boolean (json_node_alloc (), TRUE);
  if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "false") == 0)
    return json_node_init_boolean (json_node_alloc (), FALSE);

  g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
               _("“%s” is not an answer to “%s” — type yes or no"), text, self->id);
  return NULL;
}

static JsonNode *
parse_number (PfQuestion *self,
              const char *text,
              GError    **error)
{
  char *end = NULL;
  double number;

  if (self->type == PF_QUESTION_INTEGER)
    {
      gint64 integer;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &integer, NULL))
        {
          g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                       _("“%s” is not a whole number — type digits only, like 42"), text);
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), integer);
    }

  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number))
    {
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not a number — use a dot for decimals, like 12.5"), text);
      return NULL;
    }

  return json_node_init_double (json_node_alloc (), number);
}

static JsonNode *
parse_multi_choice (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (*part != '\0')
        json_array_add_string_element (array, part);
    }

  return json_node_init_array (json_node_alloc (), array);
}

JsonNode *
pf_question_parse_value (PfQuestion *self,
                         const char *text,
                         GError    **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(JsonNode) value = NULL;

  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = g_strstrip (g_strdup (text));

  switch (self->type)
    {
    case PF_QUESTION_BOOLEAN:
      value = parse_boolean (self, stripped, error);
      break;

    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      value = parse_number (self, stripped, error);
      break;

    case PF_QUESTION_CHOICE:
    case PF_QUESTION_DATE:
      value = json_node_init_string (json_node_alloc (), stripped);
      break;

    case PF_QUESTION_MULTI_CHOICE:
      value = parse_multi_choice (stripped);
      break;

    case PF_QUESTION_TEXT:
      value = json_node_init_string (json_node_alloc (), text);
      break;

    case PF_QUESTION_EVIDENCE:
      g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_INVALID_VALUE,
                   _("“%s” is answered by evidence — add evidence and link it to the question"),
                   self->id);
      break;

    default:
      g_assert_not_reached ();
    }

  if (value == NULL || !pf_question_check_value (self, value, error))
    return NULL;

  return g_steal_pointer (&value);
}

static const char *
option_label (PfQuestion *self,
              JsonNode   *value,
              gboolean    translate)
{
  const char *option_id = json_node_get_string (value);
  const PfOption *option = option_id != NULL ? g_hash_table_lookup (self->options_by_id, option_id) : NULL;

  if (option != NULL)
    return translate ? pf_pack_text (option->label) : option->label;

  return option_id != NULL ? option_id : "";
}

char *
pf_question_format_value (PfQuestion *self,
                          JsonNode   *value)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  return _pf_question_format_value (self, value, TRUE);
}

char *
pf_question_describe_answer (PfQuestion *self,
                             PfAnswer   *answer)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  if (answer != NULL && pf_answer_is_answered (answer))
    return pf_question_format_value (self, pf_answer_get_value (answer));
  if (answer != NULL && pf_answer_get_state (answer) == PF_ANSWER_STATE_UNKNOWN)
    return g_strdup (_("Unknown"));
  if (answer != NULL && pf_answer_get_state (answer) == PF_ANSWER_STATE_SKIPPED)
    return g_strdup (_("Skipped"));

  return g_strdup (_("Not answered"));
}

/* With @translate FALSE every word is English and numbers use a decimal
 * point whatever the locale: the report is a record for agencies. */
char *
_pf_question_format_value (PfQuestion *self,
                           JsonNode   *value,
                           gboolean    translate)
{
  g_return_val_if_fail (PF_IS_QUESTION (self), NULL);

  if (value == NULL || !pf_question_check_value (self, value, NULL))
    return g_strdup (translate ? _("Not answered") : "Not answered");

  switch (self->type)
    {
    case PF_QUESTION_BOOLEAN:
      if (json_node_get_boolean (value))
        return g_strdup (translate ? _("Yes") : "Yes");
      return g_strdup (translate ? _("No") : "No");

    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      {
        char ascii[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *number = NULL;

        /* Up to 10 significant digits: a readable number, not a float dump. */
        if (translate)
          number = g_strdup_printf ("%.10g", json_node_get_double (value));
        else
          number = g_strdup (g_ascii_formatd (ascii, sizeof ascii, "%.10g",
                                              json_node_get_double (value)));

        if (self->unit != NULL)
          return g_strdup_printf ("%s %s", number, self->unit);
        return g_steal_pointer (&number);
      }

    case PF_QUESTION_CHOICE:
      return g_strdup (option_label (self, value, translate));

    case PF_QUESTION_MULTI_CHOICE:
      {
        JsonArray *array = json_node_get_array (value);
        g_autoptr(GString) text = g_string_new (NULL);

        if (json_array_get_length (array) == 0)
          return g_strdup (translate ? _("None") : "None");

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (text, ", ");
            g_string_append (text, option_label (self, json_array_get_element (array, i), translate));
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }

    case PF_QUESTION_TEXT:
    case PF_QUESTION_DATE:
      return g_strdup (json_node_get_string (value));

    case PF_QUESTION_EVIDENCE:
      {
        guint n = json_array_get_length (json_node_get_array (value));

        if (!translate)
          return g_strdup_printf (n == 1 ? "%u evidence item" : "%u evidence items", n);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence item",
                                             "%u evidence items", n), n);
      }

    default:
      g_assert_not_reached ();
    }
}
