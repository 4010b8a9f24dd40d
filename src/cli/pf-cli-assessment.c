/* pf-cli-assessment.c: the assessment commands: new, answer, import-answers,
 * attach, evaluate, compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"


#include <glib/gi18n.h>

#include "pf-cli-common.h"
#include "pf-json-guard.h"

/* The same ceiling as an assessment file (pf-assessment.c). */
#define MAX_ANSWERS_SIZE (16 * 1024 * 1024)

/* What a user typing VALUE (or writing it in JSON) may give. */
static char *
describe_allowed (PfQuestion *question)
{
  PfQuestionType type = pf_question_get_question_type (question);
  GPtrArray *options = pf_question_get_options (question);
  g_autoptr(GString) ids = g_string_new (NULL);
  char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];
  const char *kind;

  for (guint i = 0; i < options->len; i++)
    {
      const PfOption *option = g_ptr_array_index (options, i);

      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, option->id);
    }

  g_ascii_formatd (min, sizeof min, "%g", pf_question_get_min (question));
  g_ascii_formatd (max, sizeof max, "%g", pf_question_get_max (question));
  kind = type == PF_QUESTION_INTEGER ? _("a whole number") : _("a number");

  switch (type)
    {
    case PF_QUESTION_BOOLEAN:
      return g_strdup (_("yes, no or unknown"));
    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      if (pf_question_has_min (question) && pf_question_has_max (question))
        return g_strdup_printf (_("%s from %s to %s, or unknown"), kind, min, max);
      if (pf_question_has_min (question))
        return g_strdup_printf (_("%s of at least %s, or unknown"), kind, min);
      if (pf_question_has_max (question))
        return g_strdup_printf (_("%s of at most %s, or unknown"), kind, max);
      return g_strdup_printf (_("%s, or unknown"), kind);
    case PF_QUESTION_CHOICE:
      return g_strdup_printf (_("one of %s, or unknown"), ids->str);
    case PF_QUESTION_MULTI_CHOICE:
      return g_strdup_printf (_("option ids separated by commas, from %s; or unknown"), ids->str);
    case PF_QUESTION_TEXT:
      return g_strdup (_("any text, or unknown"));
    case PF_QUESTION_DATE:
      return g_strdup (_("a date as YYYY-MM-DD, or unknown"));
    case PF_QUESTION_EVIDENCE:
      return g_strdup (_("unknown; attach a file to answer it, with "
                         "“preflight-cli attach FILE PATH --question ID”"));
    default:
      g_assert_not_reached ();
    }
}

static int
fail_answer (const char   *where,
             PfQuestion   *question,
             const GError *error)
{
  g_autofree char *allowed = describe_allowed (question);
  g_autoptr(GError) full = NULL;

  full = g_error_new (error->domain, error->code,
                      _("%s: cannot answer “%s”: %s (allowed: %s)"),
                      where, pf_question_get_id (question), error->message, allowed);

  return pf_cli_fail (full);
}

static PfQuestion *
lookup_question (PfAssessment  *assessment,
                 const char    *where,
                 const char    *question_id,
                 GError       **error)
{
  PfCriteriaPack *pack = pf_assessment_get_pack (assessment);
  PfQuestion *question = pf_criteria_pack_lookup_question (pack, question_id);

  if (question == NULL)
    g_set_error (error, PF_ASSESSMENT_ERROR, PF_ASSESSMENT_ERROR_UNKNOWN_QUESTION,
                 _("%s: “%s” is not a question of the pack %s %s"),
                 where, question_id,
                 pf_criteria_pack_get_id (pack), pf_criteria_pack_get_version (pack));

  return question;
}

static gboolean
save (PfAssessment  *assessment,
      GError       **error)
{
  return pf_assessment_save (assessment, pf_assessment_get_file (assessment), error);
}

int
pf_cli_new (const PfCliCommand  *command,
            int                  argc,
            char               **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *pack_name = NULL;
  g_autofree char *model = NULL;
  g_autofree char *model_version = NULL;
  g_autofree char *release_date = NULL;
  g_autofree char *previous_path = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the new assessment to FILE (required; an existing file is never replaced)"),
      N_("FILE") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_name,
      N_("The criteria pack: an id, or a pack file, which is checked and installed "
         "(default: the built-in pack)"),
      N_("ID|PACK.json") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model, N_("Name of the model"), N_("NAME") },
    { "model-version", 0, 0, G_OPTION_ARG_STRING, &model_version,
      N_("Version of the model"), N_("VERSION") },
    { "release-date", 0, 0, G_OPTION_ARG_STRING, &release_date,
      N_("Planned release date"), N_("YYYY-MM-DD") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &previous_path,
      N_("Start from the assessment of an earlier checkpoint: its pack, model name, "
         "organisation, contact, marking and answers, each marked as needing review"),
      N_("PREVIOUS") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(PfAssessment) previous = NULL;
  g_autoptr(PfAssessment) assessment = NULL;

  context = pf_cli_context_new (command, _("-o FILE"), entries, NULL);
  if (!pf_cli_parse (context, &argc, &argv, 0, 0))
    return PF_CLI_EXIT_USAGE;
  if (output == NULL)
    return pf_cli_usage_error (_("missing --output FILE"));
  if (previous_path != NULL && pack_name != NULL)
    return pf_cli_usage_error (_("--from and --pack exclude each other: a new checkpoint "
                                 "is assessed with the pack of the earlier one"));

  file = g_file_new_for_commandline_arg (output);
  if (g_file_query_exists (file, NULL))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists; choose another name or remove it first"), output);
      return pf_cli_fail (error);
    }

  if (release_date != NULL)
    {
      g_autoptr(PfTimeline) timeline = pf_timeline_new (release_date, &error);

      if (timeline == NULL)
        return pf_cli_fail (error);
    }

  if (previous_path != NULL)
    {
      previous = pf_cli_open_assessment (previous_path, &error);
      if (previous == NULL)
        return pf_cli_fail (error);
      pack = g_object_ref (pf_assessment_get_pack (previous));
      assessment = pf_assessment_new_successor (previous);
    }
  else
    {
      pack = pf_cli_resolve_pack (pack_name != NULL ? pack_name : PF_BUILTIN_PACK_ID, &error);
      if (pack == NULL)
        return pf_cli_fail (error);
      assessment = pf_assessment_new (pack);
    }

  if (model != NULL)
    pf_assessment_set_model_name (assessment, model);
  if (model_version != NULL)
    pf_assessment_set_model_version (assessment, model_version);
  if (release_date != NULL)
    pf_assessment_set_release_date (assessment, release_date);

  if (!pf_assessment_save (assessment, file, &error))
    return pf_cli_fail (error);

  g_print (_("Created %s with the pack %s %s\n"), output,
           pf_criteria_pack_get_id (pack), pf_criteria_pack_get_version (pack));
  if (previous != NULL)
    {
      g_autoptr(GPtrArray) carried = pf_assessment_list_answered_ids (assessment);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Carried over %u answer from %s; it needs review\n",
                            "Carried over %u answers from %s; each needs review\n",
                            carried->len),
               carried->len, previous_path);
    }

  return PF_CLI_EXIT_OK;
}

int
pf_cli_answer (const PfCliCommand  *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(JsonNode) value = NULL;
  PfQuestion *question;
  const char *path, *question_id, *text;

  context = pf_cli_context_new (command, _("FILE QUESTION-ID VALUE"), NULL,
                                _("VALUE is yes or no, a number (with a dot for decimals), an "
                                  "option id (several separated by commas for a multiple "
                                  "choice), a date as YYYY-MM-DD or any text, as the question "
                                  "asks; “unknown” marks the answer as unknown. Put -- before "
                                  "a negative number. The file is changed only when the value "
                                  "is accepted."));
  if (!pf_cli_parse (context, &argc, &argv, 3, 3))
    return PF_CLI_EXIT_USAGE;
  path = argv[1];
  question_id = argv[2];
  text = argv[3];

  assessment = pf_cli_open_assessment (path, &error);
  if (assessment == NULL)
    return pf_cli_fail (error);

  question = lookup_question (assessment, path, question_id, &error);
  if (question == NULL)
    return pf_cli_fail (error);

  if (g_str_equal (text, "unknown"))
    {
      if (!pf_assessment_mark_unknown (assessment, question_id, &error))
        return fail_answer (path, question, error);
    }
  else
    {
      value = pf_question_parse_value (question, text, &error);
      if (value == NULL || !pf_assessment_set_value (assessment, question_id, value, &error))
        return fail_answer (path, question, error);
    }

  if (!save (assessment, &error))
    return pf_cli_fail (error);

  return PF_CLI_EXIT_OK;
}

int
pf_cli_import_answers (const PfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GMappedFile) answers_file = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *path, *answers_path;
  const char *answers_data;
  gsize answers_len;
  guint line = 0;
  guint count = 0;

  context = pf_cli_context_new (command, _("FILE ANSWERS.json"), NULL,
                                _("ANSWERS.json is an object {\"question.id\": value, …} with "
                                  "values as in the assessment file (true, 42, \"option-id\", "
                                  "[\"a\", \"b\"], \"2026-10-01\", \"text\") or \"unknown\". "
                                  "Every answer is checked first: if one is not accepted, "
                                  "nothing is changed."));
  if (!pf_cli_parse (context, &argc, &argv, 2, 2))
    return PF_CLI_EXIT_USAGE;
  path = argv[1];
  answers_path = argv[2];

  assessment = pf_cli_open_assessment (path, &error);
  if (assessment == NULL)
    return pf_cli_fail (error);

  /* Hardening: the answers file comes from outside, so its size and nesting
   * are checked before json-glib (which recurses per level) parses it. */
  answers_file = g_mapped_file_new (answers_path, FALSE, &error);
  if (answers_file == NULL)
    return pf_cli_fail (error);
  answers_data = g_mapped_file_get_contents (answers_file);
  answers_len = g_mapped_file_get_length (answers_file);
  if (answers_len > MAX_ANSWERS_SIZE)
    {
      g_set_error (&error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: the file is larger than %u MiB, too large to be an answers file"),
                   answers_path, MAX_ANSWERS_SIZE / (1024 * 1024));
      return pf_cli_fail (error);
    }
  switch (pf_json_guard_scan (answers_data, answers_len, PF_JSON_GUARD_MAX_DEPTH, &line))
    {
    case PF_JSON_GUARD_OK:
      break;
    case PF_JSON_GUARD_TOO_DEEP:
      g_set_error (&error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: line %u: the JSON nests deeper than %u levels; answers nest at "
                     "most two"), answers_path, line, PF_JSON_GUARD_MAX_DEPTH);
      return pf_cli_fail (error);
    case PF_JSON_GUARD_SEVERAL_DOCUMENTS:
      g_set_error (&error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: line %u: a second JSON document follows the first; the file holds "
                     "one object {\"question.id\": value, …}"), answers_path, line);
      return pf_cli_fail (error);
    case PF_JSON_GUARD_NUMBER_OUT_OF_RANGE:
      /* json-glib would read 1e999 as infinity. */
      g_set_error (&error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: line %u: a number is too large to store; numbers stay below 1e308"),
                   answers_path, line);
      return pf_cli_fail (error);
    case PF_JSON_GUARD_BAD_ESCAPE:
      /* … and some escapes as bytes that are not UTF-8. */
      g_set_error (&error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: line %u: a string holds an escape that does not make text; JSON has "
                     "\\\" \\\\ \\/ \\b \\f \\n \\r \\t, and \\u for whole characters"),
                   answers_path, line);
      return pf_cli_fail (error);
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, answers_data != NULL ? answers_data : "",
                                   answers_len, &error))
    {
      g_prefix_error (&error, "%s: ", answers_path);
      return pf_cli_fail (error);
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (&error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: expected an object {\"question.id\": value, …}"), answers_path);
      return pf_cli_fail (error);
    }

  /* Applied to the assessment in memory: the file is only written once
   * every answer has been accepted. */
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonNode *node = json_object_get_member (object, question_id);
      PfQuestion *question = lookup_question (assessment, answers_path, question_id, &error);
      gboolean ok;

      if (question == NULL)
        return pf_cli_fail (error);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (node), "unknown"))
        ok = pf_assessment_mark_unknown (assessment, question_id, &error);
      else
        ok = pf_assessment_set_value (assessment, question_id, node, &error);

      if (!ok)
        return fail_answer (answers_path, question, error);
      count++;
    }

  if (!save (assessment, &error))
    return pf_cli_fail (error);

  g_print (ngettext ("Imported %u answer into %s\n", "Imported %u answers into %s\n", count),
           count, path);

  return PF_CLI_EXIT_OK;
}

/* The first bytes tell a media type apart where the name does not. */
static char *
guess_media_type (GFile   *source,
                  GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = g_file_get_basename (source);
  guchar head[4096];
  gsize n_read = 0;

  stream = g_file_read (source, NULL, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, error))
    return NULL;

  return pf_evidence_guess_media_type (name, head, n_read);
}

int
pf_cli_attach (const PfCliCommand  *command,
               int                  argc,
               char               **argv)
{
  g_auto(GStrv) question_ids = NULL;
  g_autofree char *title = NULL;
  g_autofree char *marking_name = NULL;
  g_autofree char *basename = NULL;
  const GOptionEntry entries[] = {
    { "question", 0, 0, G_OPTION_ARG_STRING_ARRAY, &question_ids,
      N_("Link the file to this question (may be repeated)"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("Title of the evidence (default: the file name)"), N_("TITLE") },
    { "marking", 0, 0, G_OPTION_ARG_STRING, &marking_name,
      N_("Confidentiality marking: none, cci (Confidential Commercial Information) or pcii "
         "(Protected Critical Infrastructure Information); default none"),
      N_("MARKING") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(PfEvidenceItem) item = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *sha256 = NULL;
  PfMarking marking = PF_MARKING_NONE;
  guint64 size = 0;
  const char *path;

  context = pf_cli_context_new (command, _("FILE PATH"), entries,
                                _("Copies PATH into the evidence store and records its title, "
                                  "SHA-256, size, media type and marking in FILE."));
  if (!pf_cli_parse (context, &argc, &argv, 2, 2))
    return PF_CLI_EXIT_USAGE;
  path = argv[1];

  if (marking_name != NULL && !pf_marking_from_string (marking_name, &marking))
    return pf_cli_usage_error (_("unknown marking “%s”; use none, cci or pcii"), marking_name);

  assessment = pf_cli_open_assessment (path, &error);
  if (assessment == NULL)
    return pf_cli_fail (error);

  for (guint i = 0; question_ids != NULL && question_ids[i] != NULL; i++)
    if (lookup_question (assessment, path, question_ids[i], &error) == NULL)
      return pf_cli_fail (error);

  source = g_file_new_for_commandline_arg (argv[2]);
  media_type = guess_media_type (source, &error);
  if (media_type == NULL)
    {
      g_prefix_error (&error, _("Could not attach “%s” (check the path and that you may read "
                                "it): "), argv[2]);
      return pf_cli_fail (error);
    }

  store = pf_evidence_store_new_default ();
  sha256 = pf_evidence_store_add_file (store, source, &size, NULL, &error);
  if (sha256 == NULL)
    return pf_cli_fail (error);

  item = pf_evidence_item_new ();
  item->id = g_uuid_string_random ();
  /* A file name need not be UTF-8; the assessment's JSON must be. */
  basename = g_file_get_basename (source);
  item->original_name = g_filename_display_name (basename);
  item->title = g_strdup (title != NULL ? title : item->original_name);
  item->sha256 = g_steal_pointer (&sha256);
  item->size = size;
  item->media_type = g_steal_pointer (&media_type);
  item->marking = marking;
  g_strfreev (item->question_ids);
  item->question_ids = question_ids != NULL ? g_strdupv (question_ids) : g_new0 (char *, 1);
  item->added = pf_cli_dup_timestamp ();
  pf_assessment_put_evidence (assessment, item);

  if (!save (assessment, &error))
    return pf_cli_fail (error);

  g_print (_("Attached “%s” (%s, SHA-256 %s) to %s\n"),
           item->title, item->media_type, item->sha256, path);

  return PF_CLI_EXIT_OK;
}

static void
print_indicator (PfAssessment            *assessment,
                 const PfIndicatorResult *result)
{
  PfCriteriaPack *pack = pf_assessment_get_pack (assessment);
  PfIndicator *indicator = result->indicator;
  g_autoptr(GString) used = g_string_new (NULL);

  g_print ("  • %s [%s]\n    %s\n",
           pf_pack_text (pf_indicator_get_title (indicator)),
           pf_indicator_get_strength (indicator) == PF_STRENGTH_STRONG ? _("strong") : _("weak"),
           pf_pack_text (pf_indicator_get_reason (indicator)));
  if (pf_indicator_get_provenance (indicator) == PF_PROVENANCE_PLACEHOLDER)
    g_print ("    %s\n",
             _("Placeholder: a draft rule that no public source fixes; not an official "
               "criterion."));

  for (guint i = 0; i < result->question_ids->len; i++)
    {
      const char *question_id = g_ptr_array_index (result->question_ids, i);
      PfQuestion *question = pf_criteria_pack_lookup_question (pack, question_id);
      PfAnswer *answer = pf_assessment_get_answer (assessment, question_id);
      g_autofree char *value = pf_question_describe_answer (question, answer);

      g_string_append_printf (used, "%s%s = %s", used->len > 0 ? "; " : "", question_id, value);
    }
  if (used->len > 0)
    g_print ("    %s %s\n", _("Based on:"), used->str);
}

static int
print_determination (PfAssessment    *assessment,
                     PfDetermination *determination)
{
  PfCriteriaPack *pack = pf_assessment_get_pack (assessment);
  GPtrArray *indicators = pf_determination_get_indicators (determination);
  GPtrArray *open_questions = pf_determination_get_open_questions (determination);
  const char * const *caveats = pf_determination_get_caveats (determination);
  gboolean any_fired = FALSE, any_open = FALSE;
  guint answered, total;

  pf_determination_get_progress (determination, &answered, &total);
  g_print ("%s %s\n%s\n",
           _("Outcome:"), pf_outcome_get_label (pf_determination_get_outcome (determination)),
           pf_determination_get_summary (determination));
  g_print (_("Answered: %u of %u questions\n"), answered, total);
  g_print (_("Criteria pack: %s %s (%s)\n"),
           pf_criteria_pack_get_id (pack), pf_criteria_pack_get_version (pack),
           pf_pack_status_get_label (pf_criteria_pack_get_status (pack)));

  for (guint i = 0; i < indicators->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (indicators, i);

      if (result->state != PF_TRUTH_TRUE)
        continue;
      if (!any_fired)
        g_print ("\n%s\n", _("Indicators that fired:"));
      any_fired = TRUE;
      print_indicator (assessment, result);
    }
  if (!any_fired)
    g_print ("\n%s\n", _("No indicator fired."));

  for (guint i = 0; i < open_questions->len; i++)
    {
      const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);
      g_autoptr(GString) outcomes = g_string_new (NULL);

      if (!open->changes_outcome)
        continue;
      if (!any_open)
        g_print ("\n%s\n", _("Open questions that could change the outcome:"));
      any_open = TRUE;

      for (guint j = 0; j < open->outcomes->len; j++)
        g_string_append_printf (outcomes, "%s%s", j > 0 ? ", " : "",
                                pf_outcome_get_label (g_array_index (open->outcomes, PfOutcome, j)));
      g_print ("  • %s%s: %s\n", pf_question_get_id (open->question),
               pf_question_get_critical (open->question) ? _(" (critical)") : "",
               pf_pack_text (pf_question_get_prompt (open->question)));
      if (outcomes->len > 0)
        g_print ("    %s %s\n", _("Could lead to:"), outcomes->str);
    }

  g_print ("\n");
  for (guint i = 0; caveats != NULL && caveats[i] != NULL; i++)
    g_print ("%s\n", caveats[i]);

  return PF_CLI_EXIT_OK;
}

int
pf_cli_evaluate (const PfCliCommand  *command,
                 int                  argc,
                 char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the determination.json document, as in a submission bundle"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfDetermination) determination = NULL;
  g_autoptr(GBytes) bytes = NULL;

  context = pf_cli_context_new (command, _("FILE"), entries,
                                _("This is a draft, not an official determination: only the "
                                  "government can say whether a model is covered."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 1))
    return PF_CLI_EXIT_USAGE;

  assessment = pf_cli_open_assessment (argv[1], &error);
  if (assessment == NULL)
    return pf_cli_fail (error);

  determination = pf_determination_new (pf_assessment_get_pack (assessment), assessment);
  if (!json)
    return print_determination (assessment, determination);

  bytes = pf_determination_to_bytes (determination);
  return pf_cli_write_stdout (bytes);
}

/* "Atlas 3.1: likely covered" */
static void
print_side (const char      *label,
            PfAssessment    *assessment,
            PfDetermination *determination)
{
  g_autofree char *model = pf_assessment_dup_model_label (assessment);

  g_print ("%s %s: %s\n", label, model,
           pf_outcome_get_label (pf_determination_get_outcome (determination)));
}

static void
print_indicator_list (const char *heading,
                      GPtrArray  *indicators)
{
  if (indicators->len == 0)
    return;

  g_print ("\n%s\n", heading);
  for (guint i = 0; i < indicators->len; i++)
    {
      PfIndicator *indicator = g_ptr_array_index (indicators, i);

      g_print ("  • %s: %s\n", pf_indicator_get_id (indicator),
               pf_pack_text (pf_indicator_get_title (indicator)));
    }
}

static int
print_comparison (PfComparison *comparison)
{
  PfDetermination *before = pf_comparison_get_previous_determination (comparison);
  PfDetermination *after = pf_comparison_get_current_determination (comparison);
  GPtrArray *changes = pf_comparison_get_answer_changes (comparison);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer changed:",
                                                         "%u answers changed:", changes->len),
                                            changes->len);

  print_side (_("Previous:"), pf_comparison_get_previous (comparison), before);
  print_side (_("Current:"), pf_comparison_get_current (comparison), after);
  g_print ("%s\n", pf_determination_get_outcome (before) == pf_determination_get_outcome (after)
                     ? _("The draft outcome is the same.") : _("The draft outcome changed."));

  if (changes->len == 0)
    g_print ("\n%s\n", _("No answer changed."));
  else
    g_print ("\n%s\n", count);
  for (guint i = 0; i < changes->len; i++)
    {
      const PfAnswerChange *change = g_ptr_array_index (changes, i);
      g_autofree char *was = pf_question_describe_answer (change->question, change->before);
      g_autofree char *is = pf_question_describe_answer (change->question, change->after);

      g_print ("  • %s: %s\n    %s → %s\n", pf_question_get_id (change->question),
               pf_pack_text (pf_question_get_prompt (change->question)), was, is);
    }

  print_indicator_list (_("Indicators that fire now and did not before:"),
                        pf_comparison_get_indicators_now_firing (comparison));
  print_indicator_list (_("Indicators that no longer fire:"),
                        pf_comparison_get_indicators_no_longer_firing (comparison));

  return PF_CLI_EXIT_OK;
}

/* The assessment @current was made from, in the same folder as @path. */
static PfAssessment *
open_previous (const char    *path,
               PfAssessment  *current,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) found = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder_name = NULL;

  if (pf_assessment_get_previous_id (current) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s was not made from an earlier assessment (preflight-cli new --from); "
                     "name the one to compare with: preflight-cli compare PREVIOUS CURRENT"),
                   path);
      return NULL;
    }

  found = pf_assessment_find_in_folder (folder, pf_assessment_get_previous_id (current), NULL,
                                        &local_error);
  if (found != NULL)
    return pf_cli_open_assessment (g_file_peek_path (found), error);

  /* The folder could not be read: that says more than where to look. */
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  folder_name = g_file_get_parse_name (folder);
  if (pf_assessment_get_previous_model_version (current) != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The assessment %s was made from (model version %s) is not in %s; name it: "
                   "preflight-cli compare PREVIOUS CURRENT"),
                 path, pf_assessment_get_previous_model_version (current), folder_name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The assessment %s was made from is not in %s; name it: "
                   "preflight-cli compare PREVIOUS CURRENT"),
                 path, folder_name);
  return NULL;
}

int
pf_cli_compare (const PfCliCommand  *command,
                int                  argc,
                char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the comparison as a JSON document (format preflight-comparison/1)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) previous = NULL;
  g_autoptr(PfAssessment) current = NULL;
  g_autoptr(PfComparison) comparison = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *current_path;

  context = pf_cli_context_new (command, _("[PREVIOUS] CURRENT"), entries,
                                _("Shows what changed from the assessment of an earlier "
                                  "checkpoint to the current one: the draft outcome, the "
                                  "answers and the indicators that fire. Without PREVIOUS, "
                                  "the assessment CURRENT was made from (preflight-cli new "
                                  "--from) is looked for in CURRENT’s folder."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 2))
    return PF_CLI_EXIT_USAGE;

  current_path = argv[argc - 1];
  current = pf_cli_open_assessment (current_path, &error);
  if (current == NULL)
    return pf_cli_fail (error);
  if (argc == 3)
    previous = pf_cli_open_assessment (argv[1], &error);
  else
    previous = open_previous (current_path, current, &error);
  if (previous == NULL)
    return pf_cli_fail (error);

  comparison = pf_comparison_new (previous, current, &error);
  if (comparison == NULL)
    return pf_cli_fail (error);
  if (!json)
    return print_comparison (comparison);

  bytes = pf_comparison_to_bytes (comparison);
  return pf_cli_write_stdout (bytes);
}
