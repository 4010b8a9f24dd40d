/* pf-report.c: the human report of an assessment, as HTML and as PDF.
 *
 * The report is written in English whatever the locale: it is a record for
 * the agencies, like determination.json, so its strings are not marked for
 * translation. It is built once as a list of blocks (pf-report-private.h)
 * that the HTML and PDF writers lay out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-report"

#include "config.h"

#include <string.h>

#include "pf-criteria-pack-private.h"
#include "pf-determination-private.h"
#include "pf-report.h"
#include "pf-report-private.h"
#include "pf-timeline.h"

/* The express statement PCII needs (6 CFR 29.5(a)(3)). */
#define PCII_EXPRESS_STATEMENT \
  "This information is voluntarily submitted to the Federal Government in expectation of " \
  "protection from disclosure as provided by the provisions of the Critical Infrastructure " \
  "Information Act of 2002."

struct _PfReport
{
  GObject          parent_instance;

  PfAssessment    *assessment;    /* (owned) */
  PfDetermination *determination; /* (owned) */
};

G_DEFINE_TYPE (PfReport, pf_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  PROP_DETERMINATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const outcome_labels[] = {
  [PF_OUTCOME_LIKELY_COVERED] = "Likely covered",
  [PF_OUTCOME_BORDERLINE] = "Borderline — ask for an official determination",
  [PF_OUTCOME_LIKELY_NOT_COVERED] = "Likely not covered",
  [PF_OUTCOME_INCOMPLETE] = "Incomplete",
};

static const char * const marking_texts[] = {
  [PF_MARKING_NONE] = "No confidentiality marking",
  [PF_MARKING_CCI] = "Confidential Commercial Information — FOIA exemption 4",
  [PF_MARKING_PCII] = "Protected Critical Infrastructure Information",
};

static const char * const marking_short[] = {
  [PF_MARKING_NONE] = "None",
  [PF_MARKING_CCI] = "CCI",
  [PF_MARKING_PCII] = "PCII",
};

static const char * const truth_labels[] = {
  [PF_TRUTH_FALSE] = "False",
  [PF_TRUTH_TRUE] = "True (fired)",
  [PF_TRUTH_UNKNOWN] = "Unknown",
};

/* Milestone titles by id: PfMilestone's own are translated. */
static const struct {
  const char *id;
  const char *title;
} milestone_titles[] = {
  { "request-determination", "Ask for an official determination (suggested)" },
  { "offer-access", "Last day to offer the access window of up to 30 days" },
  { "release", "Planned release" },
};

static void
pf_report_dispose (GObject *object)
{
  PfReport *self = PF_REPORT (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->determination);

  G_OBJECT_CLASS (pf_report_parent_class)->dispose (object);
}

static void
pf_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PfReport *self = PF_REPORT (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    case PROP_DETERMINATION:
      g_value_set_object (value, self->determination);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PfReport *self = PF_REPORT (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      self->assessment = g_value_dup_object (value);
      break;

    case PROP_DETERMINATION:
      self->determination = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_report_class_init (PfReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_report_dispose;
  object_class->get_property = pf_report_get_property;
  object_class->set_property = pf_report_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         PF_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DETERMINATION] =
    g_param_spec_object ("determination", NULL, NULL,
                         PF_TYPE_DETERMINATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_report_init (PfReport *self)
{
}

/**
 * pf_report_new:
 * @assessment: an assessment with its pack bound
 * @determination: the determination of @assessment
 *
 * Returns: (transfer full): the report
 */
PfReport *
pf_report_new (PfAssessment    *assessment,
               PfDetermination *determination)
{
  g_return_val_if_fail (PF_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (pf_assessment_get_pack (assessment) != NULL, NULL);
  g_return_val_if_fail (PF_IS_DETERMINATION (determination), NULL);

  return g_object_new (PF_TYPE_REPORT,
                       "assessment", assessment,
                       "determination", determination,
                       NULL);
}

/* The document model */

static void
cell_clear (gpointer data)
{
  PfReportCell *cell = data;

  g_free (cell->text);
  g_free (cell->detail);
}

static void
column_clear (gpointer data)
{
  g_free (((PfReportColumn *) data)->title);
}

static void
bar_clear (gpointer data)
{
  g_free (((PfReportBar *) data)->domain);
}

static void
block_free (gpointer data)
{
  PfReportBlock *block = data;

  g_free (block->anchor);
  g_free (block->text);
  g_free (block->detail);
  g_free (block->url);
  g_clear_pointer (&block->fields, g_array_unref);
  g_clear_pointer (&block->columns, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->bars, g_array_unref);
  g_free (block);
}

void
pf_report_doc_free (PfReportDoc *doc)
{
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->modified);
  g_free (doc->marking_text);
  g_free (doc->marking_statement);
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_free (doc);
}

static PfReportBlock *
add_block (PfReportDoc       *doc,
           PfReportBlockKind  kind,
           const char        *text)
{
  PfReportBlock *block = g_new0 (PfReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (doc->blocks, block);

  return block;
}

static void
add_heading (PfReportDoc *doc,
             guint        level,
             const char  *anchor,
             const char  *text)
{
  PfReportBlock *block = add_block (doc, PF_REPORT_BLOCK_HEADING, text);

  block->level = level;
  block->anchor = g_strdup (anchor);
}

static PfReportBlock *
add_paragraph (PfReportDoc   *doc,
               PfReportStyle  style,
               const char    *text)
{
  PfReportBlock *block = add_block (doc, PF_REPORT_BLOCK_PARAGRAPH, text);

  block->style = style;

  return block;
}

static void
add_cell (GArray     *cells,
          const char *text,
          const char *detail)
{
  PfReportCell cell = { g_strdup (text), g_strdup (detail) };

  g_array_append_val (cells, cell);
}

/* Varargs: title, width (double), monospace (gboolean), …, NULL. */
static PfReportBlock *
add_table (PfReportDoc *doc,
           const char  *first_title,
           ...)
{
  PfReportBlock *block = add_block (doc, PF_REPORT_BLOCK_TABLE, NULL);
  const char *title = first_title;
  va_list args;

  block->columns = g_array_new (FALSE, TRUE, sizeof (PfReportColumn));
  g_array_set_clear_func (block->columns, column_clear);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  va_start (args, first_title);
  while (title != NULL)
    {
      PfReportColumn column;

      column.title = g_strdup (title);
      column.width = va_arg (args, double);
      column.monospace = va_arg (args, gboolean);
      g_array_append_val (block->columns, column);
      title = va_arg (args, const char *);
    }
  va_end (args);

  return block;
}

static GArray *
add_row (PfReportBlock *table)
{
  GArray *cells = g_array_new (FALSE, TRUE, sizeof (PfReportCell));

  g_array_set_clear_func (cells, cell_clear);
  g_ptr_array_add (table->rows, cells);

  return cells;
}

static const char *
or_not_given (const char *text)
{
  return text != NULL && *text != '\0' ? text : "Not given";
}

/* "2026-11-26T04:16:22Z" → "2026-11-26 04:16 UTC" (no month names: they
 * would follow the locale). */
static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (iso == NULL)
    return g_strdup ("Not given");

  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strdup (iso);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
format_size (guint64 size)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (size < 1024)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", size);

  if (size < 1024 * 1024)
    g_ascii_formatd (number, sizeof number, "%.1f KiB", (double) size / 1024.0);
  else if (size < G_GUINT64_CONSTANT (1024) * 1024 * 1024)
    g_ascii_formatd (number, sizeof number, "%.1f MiB", (double) size / (1024.0 * 1024.0));
  else
    g_ascii_formatd (number, sizeof number, "%.2f GiB",
                     (double) size / (1024.0 * 1024.0 * 1024.0));

  return g_strdup_printf ("%s (%" G_GUINT64_FORMAT " bytes)", number, size);
}

/* The answer to @question as the report shows it, and a flag line
 * (needs review) or NULL. Evidence questions list the linked items. */
static char *
describe_answer (PfReport   *self,
                 PfQuestion *question,
                 char      **flags)
{
  const char *id = pf_question_get_id (question);
  PfAnswer *answer = pf_assessment_get_answer (self->assessment, id);
  g_autoptr(GPtrArray) flag_list = g_ptr_array_new ();
  char *text = NULL;

  if (answer != NULL && pf_answer_get_needs_review (answer))
    g_ptr_array_add (flag_list, (gpointer) "Needs review");
  if (pf_determination_get_applicability (self->determination, question) == PF_TRUTH_UNKNOWN)
    g_ptr_array_add (flag_list, (gpointer) "Applies depending on unanswered questions");
  g_ptr_array_add (flag_list, NULL);
  *flags = flag_list->len > 1 ? g_strjoinv ("; ", (char **) flag_list->pdata) : NULL;

  if (pf_question_get_question_type (question) == PF_QUESTION_EVIDENCE)
    {
      GPtrArray *evidence = pf_assessment_get_evidence (self->assessment);
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();

      for (guint i = 0; i < evidence->len; i++)
        {
          const PfEvidenceItem *item = g_ptr_array_index (evidence, i);

          if (pf_evidence_item_links_question (item, id))
            g_ptr_array_add (titles, item->title != NULL ? item->title : item->original_name);
        }
      g_ptr_array_add (titles, NULL);
      if (titles->len > 1)
        text = g_strjoinv ("; ", (char **) titles->pdata);
    }
  else if (answer != NULL && pf_answer_is_answered (answer))
    {
      text = _pf_question_format_value (question, pf_answer_get_value (answer), FALSE);
    }

  if (text != NULL)
    return text;
  if (answer != NULL && pf_answer_get_state (answer) == PF_ANSWER_STATE_UNKNOWN)
    return g_strdup ("Unknown");
  if (answer != NULL && pf_answer_get_state (answer) == PF_ANSWER_STATE_SKIPPED)
    return g_strdup ("Skipped");
  return g_strdup ("Unanswered");
}

static char *
question_detail (PfQuestion *question)
{
  return g_strconcat (pf_question_get_id (question),
                      pf_question_get_critical (question) ? " · critical" : "",
                      NULL);
}

static void
add_question_row (PfReport      *self,
                  PfReportBlock *table,
                  PfQuestion    *question,
                  gboolean       with_note)
{
  GArray *row = add_row (table);
  g_autofree char *detail = question_detail (question);
  g_autofree char *flags = NULL;
  g_autofree char *answer_text = describe_answer (self, question, &flags);

  add_cell (row, pf_question_get_prompt (question), detail);
  add_cell (row, answer_text, flags);
  if (with_note)
    {
      PfAnswer *answer = pf_assessment_get_answer (self->assessment,
                                                   pf_question_get_id (question));

      add_cell (row, answer != NULL ? pf_answer_get_note (answer) : NULL, NULL);
    }
}

static void
add_source_item (PfReportDoc    *doc,
                 const PfSource *source,
                 const char     *fallback_id)
{
  PfReportBlock *item;

  if (source == NULL)
    {
      add_paragraph (doc, PF_REPORT_STYLE_BULLET, fallback_id);
      return;
    }

  item = add_paragraph (doc, PF_REPORT_STYLE_BULLET, source->title);
  item->detail = g_strdup (source->url);
  item->url = g_strdup (source->url);
}

static void
build_cover (PfReport    *self,
             PfReportDoc *doc)
{
  PfAssessment *assessment = self->assessment;
  PfCriteriaPack *pack = pf_assessment_get_pack (assessment);
  PfReportBlock *title;
  PfReportBlock *fields;
  g_autofree char *date = format_timestamp (pf_assessment_get_modified (assessment));
  g_autofree char *pack_line = NULL;
  g_autofree char *progress = NULL;
  guint answered, total;

  title = add_block (doc, PF_REPORT_BLOCK_TITLE, "Draft coverage self-assessment");
  title->detail = g_strdup_printf ("%s %s",
                                   or_not_given (pf_assessment_get_model_name (assessment)),
                                   pf_assessment_get_model_version (assessment) != NULL
                                     ? pf_assessment_get_model_version (assessment) : "");
  g_strstrip (title->detail);

  pack_line = g_strdup_printf ("%s %s (%s)", pf_criteria_pack_get_id (pack),
                               pf_criteria_pack_get_version (pack),
                               pf_pack_status_to_string (pf_criteria_pack_get_status (pack)));
  pf_determination_get_progress (self->determination, &answered, &total);
  progress = g_strdup_printf ("%u of %u applicable questions answered or marked unknown",
                              answered, total);

  fields = add_block (doc, PF_REPORT_BLOCK_FIELDS, NULL);
  fields->fields = g_array_new (FALSE, TRUE, sizeof (PfReportCell));
  g_array_set_clear_func (fields->fields, cell_clear);
  add_cell (fields->fields, "Model", or_not_given (pf_assessment_get_model_name (assessment)));
  add_cell (fields->fields, "Model version",
            or_not_given (pf_assessment_get_model_version (assessment)));
  add_cell (fields->fields, "Organisation",
            or_not_given (pf_assessment_get_organisation (assessment)));
  add_cell (fields->fields, "Point of contact",
            or_not_given (pf_assessment_get_contact (assessment)));
  add_cell (fields->fields, "Date", date);
  add_cell (fields->fields, "Planned release",
            or_not_given (pf_assessment_get_release_date (assessment)));
  add_cell (fields->fields, "Confidentiality marking", doc->marking_text);
  add_cell (fields->fields, "Criteria pack", pf_criteria_pack_get_title (pack));
  add_cell (fields->fields, "Pack id, version and status", pack_line);
  add_cell (fields->fields, "Pack SHA-256", pf_criteria_pack_get_sha256 (pack));
  add_cell (fields->fields, "Assessment id", pf_assessment_get_id (assessment));
  add_cell (fields->fields, "Progress", progress);

  if (doc->marking == PF_MARKING_PCII)
    add_paragraph (doc, PF_REPORT_STYLE_WARNING, PCII_EXPRESS_STATEMENT);
  else if (doc->marking == PF_MARKING_CCI)
    add_paragraph (doc, PF_REPORT_STYLE_WARNING,
                   "The submitter designates this report as confidential commercial "
                   "information, exempt from disclosure under FOIA exemption 4 "
                   "(5 U.S.C. 552(b)(4)), and asks for notice before any disclosure.");

  if (pf_criteria_pack_get_status (pack) == PF_PACK_STATUS_DRAFT)
    add_paragraph (doc, PF_REPORT_STYLE_SMALL,
                   "The criteria pack is a draft: its rules are not guidance from any agency.");
}

static void
build_chart (PfReport    *self,
             PfReportDoc *doc)
{
  GPtrArray *results = pf_determination_get_indicators (self->determination);
  PfReportBlock *chart = add_block (doc, PF_REPORT_BLOCK_CHART,
                                    "Indicator states per domain");

  chart->bars = g_array_new (FALSE, TRUE, sizeof (PfReportBar));
  g_array_set_clear_func (chart->bars, bar_clear);

  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);
      const char *domain = pf_indicator_get_domain (result->indicator);
      PfReportBar *bar = NULL;

      for (guint j = 0; j < chart->bars->len && bar == NULL; j++)
        if (g_strcmp0 (g_array_index (chart->bars, PfReportBar, j).domain, domain) == 0)
          bar = &g_array_index (chart->bars, PfReportBar, j);

      if (bar == NULL)
        {
          PfReportBar new_bar = { g_strdup (domain), 0, 0, 0 };

          g_array_append_val (chart->bars, new_bar);
          bar = &g_array_index (chart->bars, PfReportBar, chart->bars->len - 1);
        }

      if (result->state == PF_TRUTH_TRUE)
        bar->n_true++;
      else if (result->state == PF_TRUTH_UNKNOWN)
        bar->n_unknown++;
      else
        bar->n_false++;
    }
}

static void
build_fired_indicator (PfReport                *self,
                       PfReportDoc             *doc,
                       const PfIndicatorResult *result)
{
  PfCriteriaPack *pack = pf_assessment_get_pack (self->assessment);
  PfIndicator *indicator = result->indicator;
  const char * const *sources = pf_indicator_get_sources (indicator);
  g_autofree char *anchor = g_strconcat ("indicator-", pf_indicator_get_id (indicator), NULL);
  g_autofree char *line = NULL;

  add_heading (doc, 3, anchor, pf_indicator_get_title (indicator));
  line = g_strdup_printf ("%s indicator · domain: %s",
                          pf_indicator_get_strength (indicator) == PF_STRENGTH_STRONG
                            ? "Strong" : "Weak",
                          pf_indicator_get_domain (indicator));
  add_paragraph (doc, PF_REPORT_STYLE_SMALL, line);
  add_paragraph (doc, PF_REPORT_STYLE_BODY, pf_indicator_get_reason (indicator));

  if (pf_indicator_get_provenance (indicator) == PF_PROVENANCE_PLACEHOLDER)
    add_paragraph (doc, PF_REPORT_STYLE_WARNING,
                   "Placeholder: a draft rule that no public source fixes; not an official "
                   "criterion.");

  if (result->question_ids->len > 0)
    {
      PfReportBlock *table = add_table (doc,
                                        "Answer used", 0.6, FALSE,
                                        "Value", 0.4, FALSE,
                                        NULL);

      for (guint i = 0; i < result->question_ids->len; i++)
        {
          PfQuestion *question =
            pf_criteria_pack_lookup_question (pack, g_ptr_array_index (result->question_ids, i));

          if (question != NULL)
            add_question_row (self, table, question, FALSE);
        }
    }

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    add_source_item (doc, pf_criteria_pack_lookup_source (pack, sources[i]), sources[i]);
}

static void
build_determination (PfReport    *self,
                     PfReportDoc *doc)
{
  PfOutcome outcome = pf_determination_get_outcome (self->determination);
  GPtrArray *results = pf_determination_get_indicators (self->determination);
  GPtrArray *open_questions = pf_determination_get_open_questions (self->determination);
  PfReportBlock *box;
  PfReportBlock *table;
  guint n_fired = 0;

  add_heading (doc, 1, "determination", "Determination");
  box = add_block (doc, PF_REPORT_BLOCK_OUTCOME, outcome_labels[outcome]);
  box->detail = g_strdup (_pf_determination_get_english_summary (self->determination));
  add_paragraph (doc, PF_REPORT_STYLE_SMALL,
                 "A draft computed by Preflight from the answers below and the criteria pack; "
                 "not an official determination.");

  add_heading (doc, 2, "indicator-chart", "Indicators by domain");
  build_chart (self, doc);

  add_heading (doc, 2, "fired-indicators", "Fired indicators");
  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);

      if (result->state == PF_TRUTH_TRUE)
        {
          build_fired_indicator (self, doc, result);
          n_fired++;
        }
    }
  if (n_fired == 0)
    add_paragraph (doc, PF_REPORT_STYLE_BODY, "No indicator fired.");

  add_heading (doc, 2, "all-indicators", "All indicators");
  table = add_table (doc,
                     "Indicator", 0.40, FALSE,
                     "Domain", 0.22, FALSE,
                     "Strength", 0.12, FALSE,
                     "State", 0.12, FALSE,
                     "Provenance", 0.14, FALSE,
                     NULL);
  for (guint i = 0; i < results->len; i++)
    {
      const PfIndicatorResult *result = g_ptr_array_index (results, i);
      GArray *row = add_row (table);

      add_cell (row, pf_indicator_get_title (result->indicator),
                pf_indicator_get_id (result->indicator));
      add_cell (row, pf_indicator_get_domain (result->indicator), NULL);
      add_cell (row, pf_indicator_get_strength (result->indicator) == PF_STRENGTH_STRONG
                       ? "Strong" : "Weak", NULL);
      add_cell (row, truth_labels[result->state], NULL);
      add_cell (row, pf_indicator_get_provenance (result->indicator) == PF_PROVENANCE_PLACEHOLDER
                       ? "Placeholder" : "Sourced", NULL);
    }

  add_heading (doc, 2, "open-questions", "Open questions");
  if (open_questions->len == 0)
    {
      add_paragraph (doc, PF_REPORT_STYLE_BODY,
                     "No unanswered question could change this outcome.");
      return;
    }

  add_paragraph (doc, PF_REPORT_STYLE_BODY,
                 "Questions without an answer that the rules read; answering them may change "
                 "the outcome.");
  table = add_table (doc,
                     "Question", 0.58, FALSE,
                     "Critical", 0.12, FALSE,
                     "Could lead to", 0.30, FALSE,
                     NULL);
  for (guint i = 0; i < open_questions->len; i++)
    {
      const PfOpenQuestion *open = g_ptr_array_index (open_questions, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *lead_to = NULL;
      GArray *row = add_row (table);

      for (guint j = 0; j < open->outcomes->len; j++)
        g_ptr_array_add (labels,
                         (gpointer) outcome_labels[g_array_index (open->outcomes, PfOutcome, j)]);
      g_ptr_array_add (labels, NULL);
      lead_to = labels->len > 1 ? g_strjoinv ("; ", (char **) labels->pdata)
                                : g_strdup ("The outcome stays the same");

      add_cell (row, pf_question_get_prompt (open->question),
                pf_question_get_id (open->question));
      add_cell (row, pf_question_get_critical (open->question) ? "Yes" : "No", NULL);
      add_cell (row, lead_to,
                open->changes_outcome ? "One answer alone changes the outcome" : NULL);
    }
}

static void
build_answers (PfReport    *self,
               PfReportDoc *doc)
{
  GPtrArray *sections = pf_criteria_pack_get_sections (pf_assessment_get_pack (self->assessment));

  add_heading (doc, 1, "answers", "Answers");
  add_paragraph (doc, PF_REPORT_STYLE_SMALL,
                 "Every question that applies, by section. Questions that do not apply given "
                 "earlier answers are left out.");

  for (guint i = 0; i < sections->len; i++)
    {
      PfSection *section = g_ptr_array_index (sections, i);
      GPtrArray *questions = pf_section_get_questions (section);
      g_autofree char *anchor = g_strconcat ("section-", pf_section_get_id (section), NULL);
      PfReportBlock *table = NULL;

      add_heading (doc, 2, anchor, pf_section_get_title (section));
      for (guint j = 0; j < questions->len; j++)
        {
          PfQuestion *question = g_ptr_array_index (questions, j);

          if (pf_determination_get_applicability (self->determination, question) == PF_TRUTH_FALSE)
            continue;

          if (table == NULL)
            table = add_table (doc,
                               "Question", 0.42, FALSE,
                               "Answer", 0.30, FALSE,
                               "Note", 0.28, FALSE,
                               NULL);
          add_question_row (self, table, question, TRUE);
        }

      if (table == NULL)
        add_paragraph (doc, PF_REPORT_STYLE_BODY, "No question of this section applies.");
    }
}

static void
build_evidence (PfReport    *self,
                PfReportDoc *doc)
{
  GPtrArray *evidence = pf_assessment_get_evidence (self->assessment);
  PfReportBlock *table;

  add_heading (doc, 1, "evidence", "Evidence index");
  if (evidence->len == 0)
    {
      add_paragraph (doc, PF_REPORT_STYLE_BODY, "No evidence is attached.");
      return;
    }

  table = add_table (doc,
                     "Title", 0.24, FALSE,
                     "File and size", 0.20, FALSE,
                     "SHA-256", 0.26, TRUE,
                     "Marking", 0.10, FALSE,
                     "Questions", 0.20, FALSE,
                     NULL);
  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);
      g_autofree char *size = format_size (item->size);
      g_autofree char *questions = NULL;
      GArray *row = add_row (table);

      questions = item->question_ids != NULL && item->question_ids[0] != NULL
                    ? g_strjoinv (", ", item->question_ids) : g_strdup ("None");
      add_cell (row, or_not_given (item->title), item->media_type);
      add_cell (row, or_not_given (item->original_name), size);
      add_cell (row, item->sha256, NULL);
      add_cell (row, marking_short[item->marking], NULL);
      add_cell (row, questions, NULL);
    }
}

static void
build_signoffs (PfReport    *self,
                PfReportDoc *doc)
{
  GPtrArray *signoffs = pf_assessment_get_signoffs (self->assessment);
  PfReportBlock *table;

  add_heading (doc, 1, "signoffs", "Sign-offs");
  if (signoffs->len == 0)
    {
      add_paragraph (doc, PF_REPORT_STYLE_BODY, "Nobody has signed off this assessment.");
      return;
    }

  table = add_table (doc,
                     "Reviewer", 0.22, FALSE,
                     "Date", 0.16, FALSE,
                     "Decision", 0.16, FALSE,
                     "Comment", 0.26, FALSE,
                     "Status", 0.20, FALSE,
                     NULL);
  for (guint i = 0; i < signoffs->len; i++)
    {
      const PfSignoff *signoff = g_ptr_array_index (signoffs, i);
      g_autofree char *date = format_timestamp (signoff->date);
      gboolean stale = pf_assessment_signoff_is_stale (self->assessment, signoff);
      GArray *row = add_row (table);

      add_cell (row, or_not_given (signoff->name), signoff->role);
      add_cell (row, date, NULL);
      add_cell (row, signoff->decision == PF_DECISION_APPROVE ? "Approved" : "Changes requested",
                NULL);
      add_cell (row, signoff->comment, NULL);
      add_cell (row, stale ? "STALE" : "Current",
                stale ? "The assessment changed after this sign-off" : "Covers this content");
    }
}

static void
build_timeline (PfReport    *self,
                PfReportDoc *doc)
{
  const char *release_date = pf_assessment_get_release_date (self->assessment);
  g_autoptr(PfTimeline) timeline = NULL;
  PfReportBlock *table;
  GPtrArray *milestones;

  if (release_date == NULL)
    return;

  add_heading (doc, 1, "timeline", "Timeline");
  timeline = pf_timeline_new (release_date, NULL);
  if (timeline == NULL)
    {
      add_paragraph (doc, PF_REPORT_STYLE_WARNING,
                     "The planned release date is not a valid date (YYYY-MM-DD).");
      return;
    }

  table = add_table (doc,
                     "Date", 0.22, FALSE,
                     "Milestone", 0.78, FALSE,
                     NULL);
  milestones = pf_timeline_get_milestones (timeline);
  for (guint i = 0; i < milestones->len; i++)
    {
      const PfMilestone *milestone = g_ptr_array_index (milestones, i);
      g_autofree char *date = format_date (&milestone->date);
      const char *title = milestone->id;
      GArray *row = add_row (table);

      for (guint j = 0; j < G_N_ELEMENTS (milestone_titles); j++)
        if (g_strcmp0 (milestone_titles[j].id, milestone->id) == 0)
          title = milestone_titles[j].title;

      add_cell (row, date, NULL);
      add_cell (row, title, NULL);
    }
  add_paragraph (doc, PF_REPORT_STYLE_SMALL,
                 "Public sources differ on whether the 30 days run before public release or "
                 "before release to other trusted partners; plan for the earlier one.");
}

static void
build_closing (PfReport    *self,
               PfReportDoc *doc)
{
  PfCriteriaPack *pack = pf_assessment_get_pack (self->assessment);
  GPtrArray *sources = pf_criteria_pack_get_sources (pack);
  const char * const *caveats = _pf_determination_get_english_caveats ();

  add_heading (doc, 1, "caveats", "Caveats");
  for (guint i = 0; caveats[i] != NULL; i++)
    add_paragraph (doc, PF_REPORT_STYLE_BULLET, caveats[i]);

  add_heading (doc, 1, "sources", "Sources");
  if (sources->len == 0)
    add_paragraph (doc, PF_REPORT_STYLE_BODY, "The criteria pack cites no source.");
  for (guint i = 0; i < sources->len; i++)
    {
      const PfSource *source = g_ptr_array_index (sources, i);

      add_source_item (doc, source, source->id);
    }
}

static PfReportDoc *
build_doc (PfReport *self)
{
  PfReportDoc *doc = g_new0 (PfReportDoc, 1);
  const char *model = pf_assessment_get_model_name (self->assessment);
  const char *version = pf_assessment_get_model_version (self->assessment);

  doc->title = g_strdup_printf ("Draft coverage self-assessment: %s%s%s", or_not_given (model),
                                version != NULL ? " " : "", version != NULL ? version : "");
  doc->author = g_strdup (pf_assessment_get_organisation (self->assessment));
  doc->modified = g_strdup (pf_assessment_get_modified (self->assessment));
  doc->marking = pf_assessment_get_marking (self->assessment);
  doc->marking_text = g_strdup (marking_texts[doc->marking]);
  if (doc->marking == PF_MARKING_PCII)
    doc->marking_statement = g_strdup (PCII_EXPRESS_STATEMENT);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);

  build_cover (self, doc);
  build_determination (self, doc);
  build_answers (self, doc);
  build_evidence (self, doc);
  build_signoffs (self, doc);
  build_timeline (self, doc);
  build_closing (self, doc);

  return doc;
}

/**
 * pf_report_render_html:
 * @self: a report
 *
 * Returns: (transfer full): a self-contained HTML5 document, UTF-8
 */
GBytes *
pf_report_render_html (PfReport *self)
{
  g_autoptr(PfReportDoc) doc = NULL;

  g_return_val_if_fail (PF_IS_REPORT (self), NULL);

  doc = build_doc (self);
  return pf_report_doc_to_html (doc);
}

/**
 * pf_report_render_pdf:
 * @self: a report
 * @error: G_IO_ERROR_FAILED when cairo cannot write the document
 *
 * Returns: (transfer full) (nullable): the PDF document
 */
GBytes *
pf_report_render_pdf (PfReport  *self,
                      GError   **error)
{
  g_autoptr(PfReportDoc) doc = NULL;

  g_return_val_if_fail (PF_IS_REPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = build_doc (self);
  return pf_report_doc_to_pdf (doc, pf_report_paper_for_locale (), error);
}
