/* pf-oscal.c: the assessment as an OSCAL 1.1.2 assessment-results document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-oscal"

#include "config.h"

#include <string.h>

#include "pf-bundle-private.h"
#include "pf-determination-private.h"
#include "pf-oscal.h"
#include "pf-json-output.h"

#define OSCAL_VERSION "1.1.2"

/* RFC 4122 appendix C. */
#define NAMESPACE_URL "6ba7b811-9dad-11d1-80b4-00c04fd430c8"

static gboolean
parse_uuid (const char *text,
            guint8      bytes[16])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]) || n == 16)
        return FALSE;
      bytes[n++] = (g_ascii_xdigit_value (p[0]) << 4) | g_ascii_xdigit_value (p[1]);
      p++;
    }

  return n == 16;
}

char *
pf_oscal_uuid_v5 (const char *namespace_uuid,
                  const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize digest_len = sizeof digest;
  guint8 ns[16];

  g_return_val_if_fail (namespace_uuid != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_uuid (namespace_uuid, ns))
    g_return_val_if_reached (NULL);

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &digest_len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

typedef struct
{
  PfAssessment    *assessment;     /* (unowned) */
  PfDetermination *determination;  /* (unowned) */
  PfCriteriaPack  *pack;           /* (unowned) */
  char            *namespace;      /* per-assessment namespace UUID */
  GHashTable      *observations;   /* question id → observation UUID */
  GHashTable      *resources;      /* evidence id → resource UUID */
} Builder;

static char *
object_uuid (Builder    *b,
             const char *kind,
             const char *id)
{
  g_autofree char *name = g_strdup_printf ("%s/%s", kind, id);

  return pf_oscal_uuid_v5 (b->namespace, name);
}

/* OSCAL strings may not be empty, begin or end with white space or span
 * lines; NULL when nothing is left. */
static char *
oscal_string (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An NCName token (the schema's TokenDatatype) for one of our ids. */
static char *
oscal_token (const char *id)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!g_ascii_isalpha (id[0]) && id[0] != '_')
    g_string_append_c (out, '_');
  for (const char *p = id; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_'
                            ? *p : '_');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_prop (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  g_autofree char *clean = oscal_string (value);

  if (clean == NULL)
    return;

  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_string (builder, "ns", PF_OSCAL_NAMESPACE);
  add_string (builder, "value", clean);
  json_builder_end_object (builder);
}

static char *
value_text (JsonNode *value)
{
  return g_string_free (pf_json_output_to_gstring (value, FALSE), FALSE);
}

static void
add_relevant_evidence (Builder     *b,
                       JsonBuilder *builder,
                       const char  *question_id)
{
  GPtrArray *evidence = pf_assessment_get_evidence (b->assessment);
  gboolean any = FALSE;

  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);
      g_autofree char *description = NULL;
      g_autofree char *href = NULL;

      if (!pf_evidence_item_links_question (item, question_id))
        continue;

      if (!any)
        {
          json_builder_set_member_name (builder, "relevant-evidence");
          json_builder_begin_array (builder);
          any = TRUE;
        }

      description = oscal_string (item->title);
      href = g_strdup_printf ("#%s", (const char *) g_hash_table_lookup (b->resources, item->id));
      json_builder_begin_object (builder);
      add_string (builder, "href", href);
      add_string (builder, "description", description != NULL ? description : item->id);
      json_builder_end_object (builder);
    }

  if (any)
    json_builder_end_array (builder);
}

/* One observation per question with an answer (a value, or marked unknown
 * or skipped) or with evidence linked to it, in pack order. */
static void
add_observations (Builder     *b,
                  JsonBuilder *builder)
{
  GPtrArray *questions = pf_criteria_pack_get_questions (b->pack);
  GPtrArray *evidence = pf_assessment_get_evidence (b->assessment);
  gboolean any = FALSE;

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      const char *id = pf_question_get_id (question);
      PfAnswer *answer = pf_assessment_get_answer (b->assessment, id);
      gboolean has_evidence = FALSE;
      gboolean has_answer;
      g_autofree char *uuid = NULL;
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      const char *collected;

      for (guint e = 0; e < evidence->len && !has_evidence; e++)
        has_evidence = pf_evidence_item_links_question (g_ptr_array_index (evidence, e), id);

      has_answer = answer != NULL
                   && (pf_answer_is_answered (answer)
                       || pf_answer_get_state (answer) != PF_ANSWER_STATE_ANSWERED);
      if (!has_answer && !has_evidence)
        continue;

      if (!any)
        {
          json_builder_set_member_name (builder, "observations");
          json_builder_begin_array (builder);
          any = TRUE;
        }

      uuid = object_uuid (b, "observation", id);
      g_hash_table_insert (b->observations, g_strdup (id), g_strdup (uuid));

      /* The raw JSON value keeps the document independent of the locale. */
      if (has_answer && pf_answer_is_answered (answer))
        {
          g_autofree char *text = value_text (pf_answer_get_value (answer));

          description = g_strdup_printf ("Answer: %s", text);
        }
      else if (has_answer)
        description = g_strdup_printf ("Answer: %s",
                                       pf_answer_state_to_string (pf_answer_get_state (answer)));
      else
        description = g_strdup ("Answered by the linked evidence.");

      collected = answer != NULL && pf_answer_get_updated (answer) != NULL
                  ? pf_answer_get_updated (answer)
                  : pf_assessment_get_modified (b->assessment);
      title = oscal_string (pf_question_get_prompt (question));

      json_builder_begin_object (builder);
      add_string (builder, "uuid", uuid);
      add_string (builder, "title", title != NULL ? title : id);
      add_string (builder, "description", description);

      json_builder_set_member_name (builder, "props");
      json_builder_begin_array (builder);
      add_prop (builder, "question-id", id);
      add_prop (builder, "question-type",
                pf_question_type_to_string (pf_question_get_question_type (question)));
      if (has_answer)
        add_prop (builder, "answer-state",
                  pf_answer_state_to_string (pf_answer_get_state (answer)));
      if (pf_question_get_critical (question))
        add_prop (builder, "critical", "true");
      if (answer != NULL && pf_answer_get_needs_review (answer))
        add_prop (builder, "needs-review", "true");
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "methods");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, has_evidence ? "EXAMINE" : "INTERVIEW");
      json_builder_end_array (builder);

      add_relevant_evidence (b, builder, id);
      add_string (builder, "collected", collected);
      if (answer != NULL && pf_answer_get_note (answer) != NULL)
        add_string (builder, "remarks", pf_answer_get_note (answer));
      json_builder_end_object (builder);
    }

  if (any)
    json_builder_end_array (builder);
}

/* One finding per indicator. The objective is "the indicator does not
 * fire": satisfied when its rule is false, not satisfied when it is true
 * or still unknown (reason "other" then). */
static void
add_findings (Builder     *b,
              JsonBuilder *builder)
{
  GPtrArray *results = pf_determination_get_indicators (b->determination);

  if (results->len == 0)
    return;

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);
      PfIndicator *indicator = result->indicator;
      const char *id = pf_indicator_get_id (indicator);
      g_autofree char *uuid = object_uuid (b, "finding", id);
      g_autofree char *target = oscal_token (id);
      g_autofree char *title = oscal_string (pf_indicator_get_title (indicator));
      g_autofree char *reason = oscal_string (pf_indicator_get_reason (indicator));
      const char * const *sources = pf_indicator_get_sources (indicator);
      gboolean related = FALSE;

      json_builder_begin_object (builder);
      add_string (builder, "uuid", uuid);
      add_string (builder, "title", title != NULL ? title : id);
      add_string (builder, "description", reason != NULL ? reason : id);

      json_builder_set_member_name (builder, "props");
      json_builder_begin_array (builder);
      add_prop (builder, "indicator-id", id);
      add_prop (builder, "indicator-state", pf_truth_to_string (result->state));
      add_prop (builder, "domain", pf_indicator_get_domain (indicator));
      add_prop (builder, "strength", pf_strength_to_string (pf_indicator_get_strength (indicator)));
      add_prop (builder, "provenance",
                pf_provenance_to_string (pf_indicator_get_provenance (indicator)));
      for (guint s = 0; sources != NULL && sources[s] != NULL; s++)
        add_prop (builder, "source", sources[s]);
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "target");
      json_builder_begin_object (builder);
      add_string (builder, "type", "objective-id");
      add_string (builder, "target-id", target);
      json_builder_set_member_name (builder, "status");
      json_builder_begin_object (builder);
      add_string (builder, "state", result->state == PF_TRUTH_FALSE ? "satisfied" : "not-satisfied");
      add_string (builder, "reason", result->state == PF_TRUTH_FALSE ? "pass"
                                     : result->state == PF_TRUTH_TRUE ? "fail" : "other");
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      for (guint q = 0; result->question_ids != NULL && q < result->question_ids->len; q++)
        {
          const char *observation = g_hash_table_lookup (b->observations,
                                                         g_ptr_array_index (result->question_ids, q));

          if (observation == NULL)
            continue;
          if (!related)
            {
              json_builder_set_member_name (builder, "related-observations");
              json_builder_begin_array (builder);
              related = TRUE;
            }
          json_builder_begin_object (builder);
          add_string (builder, "observation-uuid", observation);
          json_builder_end_object (builder);
        }
      if (related)
        json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_result (Builder     *b,
            JsonBuilder *builder)
{
  g_autofree char *uuid = object_uuid (b, "result", "determination");
  /* English, like determination.json: the bundle must not depend on the
   * locale it was exported in. */
  g_autofree char *summary =
    oscal_string (_pf_determination_get_english_summary (b->determination));
  g_autoptr(GString) remarks = g_string_new (NULL);
  const char * const *caveats = _pf_determination_get_english_caveats ();
  guint answered = 0, total = 0;
  g_autofree char *progress = NULL;

  pf_determination_get_progress (b->determination, &answered, &total);
  progress = g_strdup_printf ("%u/%u", answered, total);

  json_builder_begin_object (builder);
  add_string (builder, "uuid", uuid);
  add_string (builder, "title", "Draft coverage determination");
  add_string (builder, "description", summary != NULL ? summary : "Draft coverage determination.");
  add_string (builder, "start", pf_assessment_get_created (b->assessment));
  add_string (builder, "end", pf_assessment_get_modified (b->assessment));

  json_builder_set_member_name (builder, "props");
  json_builder_begin_array (builder);
  add_prop (builder, "outcome",
            pf_outcome_to_string (pf_determination_get_outcome (b->determination)));
  add_prop (builder, "progress", progress);
  add_prop (builder, "pack-id", pf_criteria_pack_get_id (b->pack));
  add_prop (builder, "pack-version", pf_criteria_pack_get_version (b->pack));
  add_prop (builder, "pack-status", pf_pack_status_to_string (pf_criteria_pack_get_status (b->pack)));
  json_builder_end_array (builder);

  /* A criteria pack is not an OSCAL catalog: all of it was reviewed. */
  json_builder_set_member_name (builder, "reviewed-controls");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "control-selections");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "include-all");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_observations (b, builder);
  add_findings (b, builder);

  for (guint i = 0; caveats != NULL && caveats[i] != NULL; i++)
    g_string_append_printf (remarks, "%s%s", i > 0 ? "\n\n" : "", caveats[i]);
  if (remarks->len > 0)
    add_string (builder, "remarks", remarks->str);

  json_builder_end_object (builder);
}

static void
add_back_matter (Builder     *b,
                 JsonBuilder *builder,
                 const char  *pack_uuid)
{
  GPtrArray *evidence = pf_assessment_get_evidence (b->assessment);
  g_autoptr(GPtrArray) paths = pf_bundle_evidence_paths (evidence);
  g_autofree char *pack_title = oscal_string (pf_criteria_pack_get_title (b->pack));

  json_builder_set_member_name (builder, "back-matter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);

  json_builder_begin_object (builder);
  add_string (builder, "uuid", pack_uuid);
  add_string (builder, "title", pack_title != NULL ? pack_title : pf_criteria_pack_get_id (b->pack));
  add_string (builder, "description",
              "The Preflight criteria pack the determination was drawn from; it takes the "
              "place of an OSCAL assessment plan.");
  json_builder_set_member_name (builder, "props");
  json_builder_begin_array (builder);
  add_prop (builder, "pack-id", pf_criteria_pack_get_id (b->pack));
  add_prop (builder, "pack-version", pf_criteria_pack_get_version (b->pack));
  add_prop (builder, "pack-status", pf_pack_status_to_string (pf_criteria_pack_get_status (b->pack)));
  add_prop (builder, "pack-sha256", pf_criteria_pack_get_sha256 (b->pack));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);
      g_autofree char *title = oscal_string (item->title);
      g_autofree char *href = g_strdup_printf ("../%s", (const char *) g_ptr_array_index (paths, i));

      json_builder_begin_object (builder);
      add_string (builder, "uuid", g_hash_table_lookup (b->resources, item->id));
      add_string (builder, "title", title != NULL ? title : item->id);
      json_builder_set_member_name (builder, "props");
      json_builder_begin_array (builder);
      add_prop (builder, "evidence-id", item->id);
      add_prop (builder, "marking", pf_marking_to_string (item->marking));
      add_prop (builder, "original-name", item->original_name);
      for (guint q = 0; item->question_ids[q] != NULL; q++)
        add_prop (builder, "question-id", item->question_ids[q]);
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "rlinks");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "href", href);
      if (item->media_type != NULL)
        add_string (builder, "media-type", item->media_type);
      json_builder_set_member_name (builder, "hashes");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "algorithm", "SHA-256");
      add_string (builder, "value", item->sha256);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
pf_oscal_build_assessment_results (PfAssessment    *assessment,
                                   PfDetermination *determination)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *root_namespace = NULL;
  g_autofree char *document_uuid = NULL;
  g_autofree char *pack_uuid = NULL;
  g_autofree char *pack_href = NULL;
  g_autofree char *title = NULL;
  GPtrArray *evidence;
  Builder b = { 0 };

  g_return_val_if_fail (PF_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (PF_IS_DETERMINATION (determination), NULL);
  g_return_val_if_fail (pf_assessment_get_pack (assessment) != NULL, NULL);

  b.assessment = assessment;
  b.determination = determination;
  b.pack = pf_assessment_get_pack (assessment);
  root_namespace = pf_oscal_uuid_v5 (NAMESPACE_URL, PF_OSCAL_NAMESPACE);
  b.namespace = pf_oscal_uuid_v5 (root_namespace, pf_assessment_get_id (assessment));
  b.observations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  evidence = pf_assessment_get_evidence (assessment);
  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);

      g_hash_table_insert (b.resources, g_strdup (item->id),
                           object_uuid (&b, "evidence", item->id));
    }

  document_uuid = object_uuid (&b, "assessment-results", "document");
  pack_uuid = object_uuid (&b, "resource", "criteria-pack");
  pack_href = g_strdup_printf ("#%s", pack_uuid);
  title = g_strdup_printf ("Preflight draft coverage determination: %s %s",
                           pf_assessment_get_model_name (assessment) != NULL
                           ? pf_assessment_get_model_name (assessment) : "unnamed model",
                           pf_assessment_get_model_version (assessment) != NULL
                           ? pf_assessment_get_model_version (assessment) : "");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assessment-results");
  json_builder_begin_object (builder);
  add_string (builder, "uuid", document_uuid);

  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  add_string (builder, "title", g_strstrip (title));
  add_string (builder, "last-modified", pf_assessment_get_modified (assessment));
  /* Each change of the assessment is a new version of the document. */
  add_string (builder, "version", pf_assessment_get_modified (assessment));
  add_string (builder, "oscal-version", OSCAL_VERSION);
  json_builder_set_member_name (builder, "props");
  json_builder_begin_array (builder);
  add_prop (builder, "assessment-id", pf_assessment_get_id (assessment));
  add_prop (builder, "model-name", pf_assessment_get_model_name (assessment));
  add_prop (builder, "model-version", pf_assessment_get_model_version (assessment));
  add_prop (builder, "organisation", pf_assessment_get_organisation (assessment));
  add_prop (builder, "marking", pf_marking_to_string (pf_assessment_get_marking (assessment)));
  add_prop (builder, "generator", "Preflight " PACKAGE_VERSION);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "import-ap");
  json_builder_begin_object (builder);
  add_string (builder, "href", pack_href);
  add_string (builder, "remarks",
              "There is no OSCAL assessment plan: the criteria pack in the back matter plays "
              "its part.");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  add_result (&b, builder);
  json_builder_end_array (builder);

  add_back_matter (&b, builder, pack_uuid);

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  g_free (b.namespace);
  g_hash_table_unref (b.observations);
  g_hash_table_unref (b.resources);

  return json_builder_get_root (builder);
}
