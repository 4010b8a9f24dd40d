/* fuzz-common.c: what the libFuzzer targets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "pf-json-guard.h"

void
pf_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

PfCriteriaPack *
pf_fuzz_builtin_pack (void)
{
  static PfCriteriaPack *pack;

  if (pack == NULL)
    {
      g_autoptr(GError) error = NULL;

      pack = pf_criteria_pack_new_from_resource ("/io/github/preflightapp/Preflight/packs/"
                                                 "frontier-cyber-draft.pfpack.json", &error);
      g_assert_no_error (error);
    }

  return pack;
}

JsonNode *
pf_fuzz_parse_json (const char *data,
                    gsize       len)
{
  g_autoptr(JsonParser) parser = NULL;

  /* Every problem is refused, as the loaders do: the scan stops at the
   * first, so input it refuses for a number or an escape could still nest
   * deep enough to crash json-glib further on. */
  if (pf_json_guard_scan (data, len, PF_JSON_GUARD_MAX_DEPTH, NULL) != PF_JSON_GUARD_OK)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, len > 0 ? data : "", len, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

void
pf_fuzz_apply_answers (PfAssessment *assessment,
                       JsonNode     *answers)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
    return;

  object = json_node_get_object (answers);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonNode *node = json_object_get_member (object, question_id);
      g_autoptr(GError) error = NULL;

      /* Unknown ids and ill-typed values must be refused with an error. */
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (node), "unknown"))
        pf_assessment_mark_unknown (assessment, question_id, &error);
      else
        pf_assessment_set_value (assessment, question_id, node, &error);
    }
}

void
pf_fuzz_exercise_determination (PfDetermination *determination)
{
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint answered, total;

  pf_determination_get_outcome (determination);
  pf_determination_get_summary (determination);
  pf_determination_get_progress (determination, &answered, &total);
  g_assert_cmpuint (answered, <=, total);
  pf_determination_get_open_questions (determination);
  json = pf_determination_to_json (determination);
  bytes = pf_determination_to_bytes (determination);
  g_assert_nonnull (json);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
}
