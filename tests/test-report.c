/* test-report.c: the human report (HTML and PDF) of an assessment.
 *
 * The assessments are built from the scenario fixtures on the built-in pack,
 * then frozen to bytes with a fixed modified time so that two separately
 * loaded copies are the same input. The PDF is checked with poppler's
 * pdfinfo and pdftotext, as a reader would see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "preflight.h"
#include "pf-criteria-pack-private.h"
#include "pf-test-catalog.h"

#define BUILTIN_PACK_RESOURCE "/io/github/preflightapp/Preflight/packs/frontier-cyber-draft.pfpack.json"
#define FIXED_TIME "2026-11-26T04:16:22Z"
#define CCI_TEXT "Confidential Commercial Information — FOIA exemption 4"
#define PCII_TEXT "Protected Critical Infrastructure Information"

static const char * const report_sections[] = {
  "Determination", "Indicators by domain", "Fired indicators", "All indicators",
  "Open questions", "Answers", "Evidence index", "Sign-offs", "Timeline", "Caveats", "Sources",
};

static PfCriteriaPack *
load_pack (void)
{
  g_autoptr(GError) error = NULL;
  PfCriteriaPack *pack = pf_criteria_pack_new_from_resource (BUILTIN_PACK_RESOURCE, &error);

  g_assert_no_error (error);
  return pack;
}

static void
add_evidence (PfAssessment *assessment,
              guint         number,
              const char   *title,
              JsonArray    *question_ids)
{
  g_autoptr(PfEvidenceItem) item = pf_evidence_item_new ();
  guint n = json_array_get_length (question_ids);

  item->id = g_strdup_printf ("00000000-0000-4000-8000-%012u", number);
  item->title = g_strdup (title);
  item->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
  item->size = 1536 * (number + 1);
  item->media_type = g_strdup ("application/pdf");
  item->original_name = g_strdup_printf ("evidence-%u.pdf", number);
  item->marking = PF_MARKING_CCI;
  item->added = g_strdup (FIXED_TIME);
  /* pf_evidence_item_new() set an empty vector: free it first. */
  g_strfreev (item->question_ids);
  item->question_ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    item->question_ids[i] = g_strdup (json_array_get_string_element (question_ids, i));

  pf_assessment_put_evidence (assessment, item);
}

static void
add_signoff (PfAssessment *assessment,
             const char   *name,
             const char   *content_sha256)
{
  g_autoptr(PfSignoff) signoff = pf_signoff_new ();

  signoff->id = g_uuid_string_random ();
  signoff->name = g_strdup (name);
  signoff->role = g_strdup ("General counsel");
  signoff->date = g_strdup (FIXED_TIME);
  signoff->decision = PF_DECISION_APPROVE;
  signoff->comment = g_strdup ("Reviewed the evidence index.");
  signoff->content_sha256 = g_strdup (content_sha256);
  pf_assessment_add_signoff (assessment, signoff);
}

/* The scenario's answers on @pack, with cover details, evidence, notes and
 * two sign-offs (one stale), as the bytes of the saved assessment with a
 * fixed modified time. */
static GBytes *
build_assessment_bytes (PfCriteriaPack *pack,
                        const char     *scenario,
                        const char     *model_name,
                        PfMarking       marking,
                        const char     *release_date)
{
  g_autofree char *file_name = g_strconcat (scenario, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "scenarios", file_name,
                                                 NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PfAssessment) assessment = pf_assessment_new (pack);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root, *answers;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  guint number = 0;
  char *text;
  gsize length;

  if (pf_assessment_get_pack (assessment) == NULL)
    {
      pf_assessment_set_pack (assessment, pack, &error);
      g_assert_no_error (error);
    }

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  pf_assessment_set_model_name (assessment, model_name);
  pf_assessment_set_model_version (assessment, "2.1-rc3");
  pf_assessment_set_organisation (assessment, "Example Frontier Lab");
  pf_assessment_set_contact (assessment, "compliance@example.org");
  pf_assessment_set_release_date (assessment, release_date);
  pf_assessment_set_marking (assessment, marking);

  answers = json_object_get_object_member (root, "answers");
  json_object_iter_init (&iter, answers);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), "unknown") == 0)
        pf_assessment_mark_unknown (assessment, member, &error);
      else
        pf_assessment_set_value (assessment, member, node, &error);
      g_assert_no_error (error);
    }

  if (json_object_has_member (root, "evidence_links"))
    {
      json_object_iter_init (&iter, json_object_get_object_member (root, "evidence_links"));
      while (json_object_iter_next (&iter, &member, &node))
        add_evidence (assessment, number++, member, json_node_get_array (node));
    }

  pf_assessment_mark_unknown (assessment, "b.training_flop", &error);
  g_assert_no_error (error);
  pf_assessment_set_needs_review (assessment, "c.novel_vulns_found", TRUE);
  pf_assessment_set_note (assessment, "c.novel_vulns_found",
                          "Three findings confirmed by maintainers; see the advisories.");

  add_signoff (assessment, "Stale Reviewer",
               "0000000000000000000000000000000000000000000000000000000000000000");
  add_signoff (assessment, "Current Reviewer", NULL);

  /* Freeze the times so that the report's date is known. */
  bytes = pf_assessment_to_bytes (assessment);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "created", FIXED_TIME);
  json_object_set_string_member (root, "modified", FIXED_TIME);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static PfReport *
load_report (PfCriteriaPack *pack,
             GBytes         *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = pf_assessment_new_from_bytes (bytes, "test", &error);
  g_autoptr(PfDetermination) determination = NULL;

  g_assert_no_error (error);
  pf_assessment_set_pack (assessment, pack, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pf_assessment_get_modified (assessment), ==, FIXED_TIME);

  determination = pf_determination_new (pack, assessment);
  return pf_report_new (assessment, determination);
}

static char *
render_html (PfReport *report)
{
  g_autoptr(GBytes) bytes = pf_report_render_html (report);

  g_assert_nonnull (bytes);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_contains_escaped (const char *html,
                         const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (strstr (html, escaped) == NULL)
    g_error ("the HTML report lacks “%s”", escaped);
}

/* No fetched resource: nothing with http in a src attribute or a CSS url(). */
static void
assert_self_contained (const char *html)
{
  const char *at;

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "@import"));
  for (at = strstr (html, "src="); at != NULL; at = strstr (at + 1, "src="))
    g_assert_false (g_str_has_prefix (at + 4, "\"http") || g_str_has_prefix (at + 4, "'http"));
  for (at = strstr (html, "url("); at != NULL; at = strstr (at + 1, "url("))
    {
      const char *end = strchr (at, ')');

      g_assert_nonnull (end);
      g_assert_null (g_strstr_len (at, end - at, "http"));
    }
}

/* The marking text before the body's content and after it. */
static void
assert_marked (const char *html,
               const char *marking)
{
  const char *first = strstr (html, marking);
  const char *last = g_strrstr (html, marking);
  const char *main_start = strstr (html, "<main>");
  const char *main_end = strstr (html, "</main>");

  g_assert_nonnull (first);
  g_assert_nonnull (main_start);
  g_assert_nonnull (main_end);
  g_assert_true (first < main_start);
  g_assert_true (last > main_end);
}

static void
test_html_content (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(GBytes) bytes = build_assessment_bytes (pack, "autonomous-zero-day-exploit",
                                                    "Falcon <Cyber> & Co", PF_MARKING_CCI,
                                                    "2027-03-01");
  g_autoptr(PfReport) report = load_report (pack, bytes);
  g_autoptr(PfReport) again = load_report (pack, bytes);
  g_autofree char *html = render_html (report);
  g_autofree char *html_again = render_html (again);
  PfAssessment *assessment = NULL;
  PfDetermination *determination = NULL;
  GPtrArray *sections = pf_criteria_pack_get_sections (pack);
  PfQuestion *question;
  PfAnswer *answer;
  g_autofree char *formatted = NULL;
  g_autofree char *advisories_sha256 =
    g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Maintainer advisories", -1);

  g_object_get (report, "assessment", &assessment, "determination", &determination, NULL);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  assert_self_contained (html);
  assert_marked (html, CCI_TEXT);
  g_assert_cmpstr (html, ==, html_again);

  /* Escaped, never raw. */
  assert_contains_escaped (html, "Falcon <Cyber> & Co");
  g_assert_null (strstr (html, "<Cyber>"));

  g_assert_cmpint (pf_determination_get_outcome (determination), ==,
                   PF_OUTCOME_LIKELY_COVERED);
  assert_contains_escaped (html, "Outcome: Likely covered");
  assert_contains_escaped (html, "Example Frontier Lab");
  assert_contains_escaped (html, "compliance@example.org");
  assert_contains_escaped (html, "2026-11-26 04:16 UTC");
  assert_contains_escaped (html, pf_criteria_pack_get_sha256 (pack));

  for (guint i = 0; i < G_N_ELEMENTS (report_sections); i++)
    assert_contains_escaped (html, report_sections[i]);
  for (guint i = 0; i < sections->len; i++)
    assert_contains_escaped (html, pf_section_get_title (g_ptr_array_index (sections, i)));

  /* Every fired indicator with its reason. */
  for (guint i = 0; i < pf_determination_get_indicators (determination)->len; i++)
    {
      const PfIndicatorResult *result =
        g_ptr_array_index (pf_determination_get_indicators (determination), i);

      assert_contains_escaped (html, pf_indicator_get_title (result->indicator));
      if (result->state == PF_TRUTH_TRUE)
        assert_contains_escaped (html, pf_indicator_get_reason (result->indicator));
    }

  /* Answers as the pack formats them, unknowns, flags and notes. */
  question = pf_criteria_pack_lookup_question (pack, "a.release_type");
  answer = pf_assessment_get_answer (assessment, "a.release_type");
  formatted = pf_question_format_value (question, pf_answer_get_value (answer));
  assert_contains_escaped (html, formatted);
  assert_contains_escaped (html, "Unknown");
  /* The summary and caveats of determination.json, in English. */
  {
    g_autoptr(JsonNode) json = pf_determination_to_json (determination);
    JsonObject *object = json_node_get_object (json);
    JsonArray *caveats = json_object_get_array_member (object, "caveats");

    assert_contains_escaped (html, json_object_get_string_member (object, "summary"));
    g_assert_cmpuint (json_array_get_length (caveats), >, 0);
    for (guint i = 0; i < json_array_get_length (caveats); i++)
      assert_contains_escaped (html, json_array_get_string_element (caveats, i));
  }

  /* Placeholder indicators are draft rules, numeric or not. */
  assert_contains_escaped (html, "Provenance");
  assert_contains_escaped (html, "Placeholder: a draft rule that no public source fixes; not an "
                                 "official criterion.");
  assert_contains_escaped (html, "Needs review");
  assert_contains_escaped (html, "Three findings confirmed by maintainers; see the advisories.");

  /* Evidence index, sign-offs, timeline, sources. */
  assert_contains_escaped (html, "Maintainer advisories");
  assert_contains_escaped (html, "evidence-1.pdf");
  assert_contains_escaped (html, advisories_sha256);
  assert_contains_escaped (html, "Stale Reviewer");
  assert_contains_escaped (html, "STALE");
  assert_contains_escaped (html, "Current Reviewer");
  assert_contains_escaped (html, "2027-01-30");   /* release − 30 days */
  for (guint i = 0; i < pf_criteria_pack_get_sources (pack)->len; i++)
    {
      const PfSource *source = g_ptr_array_index (pf_criteria_pack_get_sources (pack), i);

      assert_contains_escaped (html, source->title);
      assert_contains_escaped (html, source->url);
    }

  g_object_unref (assessment);
  g_object_unref (determination);
}

/* The report's values are English whatever the locale: its formatter never
 * goes through gettext and prints numbers with a decimal point. */
static void
test_untranslated_values (void)
{
  g_autoptr(PfQuestion) boolean = _pf_question_new ("q.bool", PF_QUESTION_BOOLEAN, "B?", NULL);
  g_autoptr(PfQuestion) number = _pf_question_new ("q.num", PF_QUESTION_NUMBER, "N?", NULL);
  g_autoptr(PfQuestion) multi = _pf_question_new ("q.multi", PF_QUESTION_MULTI_CHOICE, "M?", NULL);
  g_autoptr(PfQuestion) evidence = _pf_question_new ("q.ev", PF_QUESTION_EVIDENCE, "E?", NULL);
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) no = json_node_init_boolean (json_node_alloc (), FALSE);
  g_autoptr(JsonNode) half = json_node_init_double (json_node_alloc (), 12.5);
  g_autoptr(JsonArray) empty = json_array_new ();
  g_autoptr(JsonNode) none = json_node_init_array (json_node_alloc (), empty);
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonNode) one_item = NULL;
  struct {
    PfQuestion *question;
    JsonNode   *value;
    const char *english;
  } cases[] = {
    { boolean, yes, "Yes" },
    { boolean, no, "No" },
    { boolean, NULL, "Not answered" },
    { number, half, "12.5 %" },
    { multi, none, "None" },
    { evidence, NULL, "1 evidence item" },   /* filled in below */
  };

  _pf_question_set_unit (number, "%");
  g_assert_true (_pf_question_add_option (multi, "api", "API access"));
  json_array_add_string_element (ids, "00000000-0000-4000-8000-000000000001");
  one_item = json_node_init_array (json_node_alloc (), ids);
  cases[5].value = one_item;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _pf_question_format_value (cases[i].question, cases[i].value, FALSE);

      g_assert_cmpstr (text, ==, cases[i].english);
    }
}

/* With German messages the UI's formatter, summary and pack text are
 * German, the report's stay English. */
static void
test_german_catalog (void)
{
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PfReport) report = NULL;
  g_autoptr(PfDetermination) determination = NULL;
  g_autoptr(PfQuestion) boolean = NULL;
  g_autoptr(JsonNode) yes = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *html = NULL;
  g_autofree char *ui_text = NULL;
  g_autofree char *report_text = NULL;
  g_autofree char *german_summary = NULL;
  const char *english_summary;

  if (!pf_test_with_catalog ("de"))
    return;

  boolean = _pf_question_new ("q.bool", PF_QUESTION_BOOLEAN, "B?", NULL);
  yes = json_node_init_boolean (json_node_alloc (), TRUE);
  ui_text = pf_question_format_value (boolean, yes);
  report_text = _pf_question_format_value (boolean, yes, FALSE);
  g_assert_cmpstr (ui_text, ==, g_dgettext (GETTEXT_PACKAGE, "Yes"));
  g_assert_cmpstr (report_text, ==, "Yes");

  pack = load_pack ();
  bytes = build_assessment_bytes (pack, "autonomous-zero-day-exploit", "Falcon",
                                  PF_MARKING_NONE, "2027-03-01");
  report = load_report (pack, bytes);
  html = render_html (report);
  g_object_get (report, "determination", &determination, NULL);
  json = pf_determination_to_json (determination);
  english_summary = json_object_get_string_member (json_node_get_object (json), "summary");
  german_summary = g_markup_escape_text (pf_determination_get_summary (determination), -1);
  g_assert_cmpstr (german_summary, !=, english_summary);
  assert_contains_escaped (html, english_summary);
  g_assert_null (strstr (html, german_summary));
  assert_contains_escaped (html, "Outcome: Likely covered");

  /* So is the pack's own text: a section title, and an option label. */
  {
    PfSection *section = g_ptr_array_index (pf_criteria_pack_get_sections (pack), 0);
    const char *english_title = pf_section_get_title (section);
    g_autofree char *german_title = g_markup_escape_text (pf_pack_text (english_title), -1);
    PfQuestion *choice = pf_criteria_pack_lookup_question (pack, "a.release_type");
    const PfOption *option = g_ptr_array_index (pf_question_get_options (choice), 0);
    g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), option->id);
    g_autofree char *ui_label = pf_question_format_value (choice, value);
    g_autofree char *report_label = _pf_question_format_value (choice, value, FALSE);

    g_assert_cmpstr (german_title, !=, english_title);
    assert_contains_escaped (html, english_title);
    g_assert_null (strstr (html, german_title));
    g_assert_cmpstr (ui_label, ==, pf_pack_text (option->label));
    g_assert_cmpstr (ui_label, !=, option->label);
    g_assert_cmpstr (report_label, ==, option->label);
    /* Text the catalog does not hold is shown as written. */
    g_assert_cmpstr (pf_pack_text ("A question from another pack"), ==,
                     "A question from another pack");
    g_assert_null (pf_pack_text (NULL));
    g_assert_cmpstr (pf_pack_text (""), ==, "");
  }

  /* The OSCAL document of the bundle is a record too. */
  {
    g_autoptr(PfAssessment) assessment = NULL;
    g_autoptr(JsonNode) oscal = NULL;
    JsonObject *results;
    JsonObject *result;

    g_object_get (report, "assessment", &assessment, NULL);
    oscal = pf_oscal_build_assessment_results (assessment, determination);
    results = json_object_get_object_member (json_node_get_object (oscal), "assessment-results");
    result = json_array_get_object_element (json_object_get_array_member (results, "results"), 0);
    g_assert_cmpstr (json_object_get_string_member (result, "description"), ==, english_summary);
  }
}

static void
test_html_pcii_no_timeline (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(GBytes) bytes = build_assessment_bytes (pack, "critical-mostly-unknown", "Kestrel",
                                                    PF_MARKING_PCII, NULL);
  g_autoptr(PfReport) report = load_report (pack, bytes);
  g_autofree char *html = render_html (report);

  assert_self_contained (html);
  assert_marked (html, PCII_TEXT);
  assert_marked (html, "voluntarily submitted");
  assert_contains_escaped (html, "Outcome: Incomplete");
  assert_contains_escaped (html, "Unanswered");
  g_assert_null (strstr (html, "id=\"timeline\""));
  g_assert_null (strstr (html, CCI_TEXT));
}

static void
test_html_no_marking (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(GBytes) bytes = build_assessment_bytes (pack, "empty", "Wren", PF_MARKING_NONE,
                                                    NULL);
  g_autoptr(PfReport) report = load_report (pack, bytes);
  g_autofree char *html = render_html (report);

  assert_marked (html, "No confidentiality marking");
  assert_contains_escaped (html, "No indicator fired.");
}

/* Runs @argv (a poppler tool) and returns its output, or NULL after marking
 * the test skipped when the tool is missing. */
static char *
run_tool (const char * const *argv)
{
  /* The isolated test environment's HOME and XDG dirs upset some tools. */
  const char * const envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", NULL };
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip_printf ("%s is not installed (Debian package poppler-utils)", argv[0]);
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  if (error != NULL)
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

static void
remove_pdf_file (gpointer data)
{
  g_autofree char *path = data;
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

/* Renders @report on @paper into a file that goes away with the test. */
static char *
render_pdf_file (PfReport   *report,
                 const char *paper,
                 GBytes    **bytes_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  char *path;

  g_setenv ("PREFLIGHT_PAPER", paper, TRUE);
  bytes = pf_report_render_pdf (report, &error);
  g_unsetenv ("PREFLIGHT_PAPER");
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));

  dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  if (g_getenv ("PREFLIGHT_TEST_KEEP_PDF") == NULL)
    g_test_queue_destroy (remove_pdf_file, g_strdup (path));

  if (bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);

  return path;
}

static guint
pdf_pages (const char *info)
{
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + 6, " "), NULL, 10);
}

/* pdftotext's view of @path: every page carries @marking at its top and
 * bottom and its number; returns the text. */
static char *
check_pdf_pages (const char *path,
                 guint       n_pages,
                 const char *marking)
{
  const char *text_argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *text = run_tool (text_argv);
  g_auto(GStrv) pages = NULL;

  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      const char *first = strstr (pages[i], marking);

      g_assert_nonnull (first);
      g_assert_nonnull (strstr (first + 1, marking));
      g_assert_nonnull (strstr (pages[i], number));
    }

  return text;
}

static void
test_pdf_deterministic_a4 (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(GBytes) bytes = build_assessment_bytes (pack, "autonomous-zero-day-exploit",
                                                    "Falcon", PF_MARKING_PCII, "2027-03-01");
  g_autoptr(PfReport) report = load_report (pack, bytes);
  g_autoptr(PfReport) again = load_report (pack, bytes);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf_again = NULL;
  g_autofree char *path = render_pdf_file (report, "a4", &pdf);
  g_autofree char *path_again = render_pdf_file (again, "a4", &pdf_again);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_bytes_equal (pdf, pdf_again));

  info = run_tool (info_argv);
  if (info == NULL)
    return;
  g_assert_cmpuint (pdf_pages (info), >=, 2);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));
  g_assert_nonnull (strstr (info, "Creator:         Preflight"));
  g_assert_nonnull (strstr (info, "CreationDate:"));

  text = check_pdf_pages (path, pdf_pages (info), PCII_TEXT);
  g_assert_nonnull (strstr (text, "Outcome: Likely covered"));
  g_assert_nonnull (strstr (text, "voluntarily submitted"));
}

static void
test_pdf_text_letter (void)
{
  g_autoptr(PfCriteriaPack) pack = load_pack ();
  g_autoptr(GBytes) bytes = build_assessment_bytes (pack,
                                                    "strong-benchmarks-critical-unknown",
                                                    "Falcon", PF_MARKING_CCI, "2027-03-01");
  g_autoptr(PfReport) report = load_report (pack, bytes);
  g_autofree char *path = render_pdf_file (report, "letter", NULL);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  info = run_tool (info_argv);
  if (info == NULL)
    return;
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  n_pages = pdf_pages (info);
  g_assert_cmpuint (n_pages, >=, 2);

  text = check_pdf_pages (path, n_pages, CCI_TEXT);
  g_assert_nonnull (strstr (text, "Falcon 2.1-rc3"));
  g_assert_nonnull (strstr (text, "Outcome: Borderline"));
  for (guint i = 0; i < G_N_ELEMENTS (report_sections); i++)
    g_assert_nonnull (strstr (text, report_sections[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/report/html/content", test_html_content);
  g_test_add_func ("/core/report/untranslated-values", test_untranslated_values);
  g_test_add_func ("/core/report/german-catalog", test_german_catalog);
  g_test_add_func ("/core/report/html/pcii-no-timeline", test_html_pcii_no_timeline);
  g_test_add_func ("/core/report/html/no-marking", test_html_no_marking);
  g_test_add_func ("/core/report/pdf/deterministic-a4", test_pdf_deterministic_a4);
  g_test_add_func ("/core/report/pdf/text-letter", test_pdf_text_letter);

  return g_test_run ();
}
