/* pf-determination.c: the draft coverage determination, computed from an
 * assessment and its pack (never stored as truth).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-determination"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pf-determination.h"
#include "pf-determination-private.h"
#include "pf-json-output.h"

/* Questions and indicators share one numbering ("nodes"): question i is
 * node i, indicator j is node n_questions + j. A question node's value is
 * its applicability (visible_if), an indicator node's value its truth. */

#define NODE_IN_PROGRESS 0xff

/* The time stamp of answers nobody dated: the candidates tried on open
 * questions, evidence links of an assessment without a modified time. */
#define HYPOTHETICAL_UPDATED "1970-01-01T00:00:00Z"

static const char * const caveats[] = {
  N_("This is a draft self-assessment, not an official determination of coverage."),
  N_("The official threshold is set by a classified benchmark: ask the government for an "
     "official determination."),
  N_("Participation is voluntary; the order creates no licensing, preclearance or permitting "
     "requirement."),
  N_("Indicators marked as placeholders are draft rules that no public source fixes, not "
     "official criteria."),
  NULL
};

static const char * const summaries[] = {
  [PF_OUTCOME_LIKELY_COVERED] =
    N_("The answers meet the pack’s rule for a covered model: the model is likely covered."),
  [PF_OUTCOME_BORDERLINE] =
    N_("The answers point both ways or leave a critical question open: ask the government for "
       "an official determination."),
  [PF_OUTCOME_LIKELY_NOT_COVERED] =
    N_("Every critical question is answered and no capability indicator fired: the model is "
       "likely not covered."),
  [PF_OUTCOME_INCOMPLETE] =
    N_("Too many of the questions that decide the outcome are unanswered to draw a conclusion."),
};

/* What a pack needs for evaluation, computed once per pack and kept on it. */
typedef struct {
  guint          n_questions;
  guint          n_indicators;
  guint          n_nodes;
  GHashTable    *node_index;        /* PfQuestion* or PfIndicator* → node + 1 */
  PfExpression **expressions;       /* per node: visible_if or when (unowned, nullable) */
  /* Reverse edges, compressed: the nodes whose expression reads node n
   * directly are readers[reader_offsets[n] .. reader_offsets[n + 1]). */
  guint         *reader_offsets;
  guint         *readers;
  GPtrArray    **indicator_reads;   /* per indicator: question ids read directly, pack order */
  guint8        *read_by_outcomes;  /* per node: an outcome rule reads it directly */
  /* Per question: an indicator or outcome rule reads it, or the visible_if
   * of such a question does (its answer can still change the outcome). */
  guint8        *read_by_rules;
  GPtrArray    **comparisons;       /* per question: PfExpression* that compare it (unowned) */
  /* Built on the first search for open questions, under pack_data_mutex. */
  GPtrArray    **candidates;        /* per question read by rules: PfAnswer* (NULL = none) */
  gboolean       has_candidates;
} PackData;

typedef struct {
  guint8  *values;
  guint32 *stamps;
  guint32  generation;
} Memo;

typedef struct {
  PfEvaluationContext  parent;
  PfDetermination     *self;
} DeterminationContext;

struct _PfDetermination
{
  GObject               parent_instance;

  PfCriteriaPack       *pack;                 /* (owned) */
  PackData             *data;                 /* (unowned) qdata of pack */
  char                 *assessment_id;
  char                 *model_name;
  char                 *model_version;
  char                 *modified;

  PfAnswer            **recorded;             /* (owned) per question, nullable */
  PfAnswer            **effective;            /* (owned) per question: recorded or evidence */

  DeterminationContext  context;
  Memo                  base;
  PfOutcome             outcome;

  PfIndicatorResult    *results;
  GPtrArray            *indicator_results;    /* pointers into results */
  GPtrArray            *open_questions;       /* (nullable) computed on demand */
  const char           *translated_caveats[G_N_ELEMENTS (caveats)];

  /* A hypothetical answer overlaid while looking for open questions: nodes
   * marked dirty (they may read it) are evaluated in the hypothesis memo,
   * everything else keeps its base value. */
  gboolean              hypothetical;
  guint                 hypothesis_question;
  PfAnswer             *hypothesis_answer;    /* (unowned) nullable */
  Memo                  hypothesis;
  guint32              *dirty;
  guint32               dirty_generation;
  GArray               *dirty_nodes;
};

G_DEFINE_FINAL_TYPE (PfDetermination, pf_determination, G_TYPE_OBJECT)

static GQuark
pack_data_quark (void)
{
  return g_quark_from_static_string ("pf-determination-pack-data");
}

static void
pack_data_free (gpointer user_data)
{
  PackData *data = user_data;

  g_hash_table_unref (data->node_index);
  g_free (data->expressions);
  g_free (data->reader_offsets);
  g_free (data->readers);
  for (guint i = 0; i < data->n_indicators; i++)
    g_ptr_array_unref (data->indicator_reads[i]);
  g_free (data->indicator_reads);
  g_free (data->read_by_outcomes);
  g_free (data->read_by_rules);
  for (guint i = 0; i < data->n_questions; i++)
    {
      g_clear_pointer (&data->comparisons[i], g_ptr_array_unref);
      g_clear_pointer (&data->candidates[i], g_ptr_array_unref);
    }
  g_free (data->comparisons);
  g_free (data->candidates);
  g_free (data);
}

static gboolean
pack_data_lookup_node (PackData *data,
                       gpointer  object,
                       guint    *node)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (data->node_index, object));

  if (value == 0)
    return FALSE;
  *node = value - 1;
  return TRUE;
}

/* Gathers the nodes one expression reads directly, and every comparison per
 * question (for the candidate answers of open questions). */
typedef struct {
  PfCriteriaPack *pack;
  PackData       *data;
  GArray         *reads;        /* guint nodes, each once */
  guint32        *seen;         /* per node: stamp of the last expression that read it */
  guint32         stamp;
  GPtrArray     **comparisons;  /* per question: PfExpression* (unowned) */
} Collector;

static gboolean
collect_reads (PfExpression *expression,
               gpointer      user_data)
{
  Collector *collector = user_data;
  gpointer object = NULL;
  guint node;

  switch (pf_expression_get_kind (expression))
    {
    case PF_EXPRESSION_COMPARISON:
      object = pf_expression_get_question (expression);
      if (object == NULL)
        object = pf_criteria_pack_lookup_question (collector->pack,
                                                   pf_expression_get_question_id (expression));
      break;
    case PF_EXPRESSION_INDICATOR:
      object = pf_expression_get_indicator (expression);
      if (object == NULL)
        object = pf_criteria_pack_lookup_indicator (collector->pack,
                                                    pf_expression_get_indicator_id (expression));
      break;
    case PF_EXPRESSION_ALL:
    case PF_EXPRESSION_ANY:
    case PF_EXPRESSION_NOT:
    case PF_EXPRESSION_AT_LEAST:
    default:
      return TRUE;
    }

  /* The pack resolves every reference when it loads. */
  if (object == NULL || !pack_data_lookup_node (collector->data, object, &node))
    g_assert_not_reached ();

  if (node < collector->data->n_questions)
    {
      if (collector->comparisons[node] == NULL)
        collector->comparisons[node] = g_ptr_array_new ();
      g_ptr_array_add (collector->comparisons[node], expression);
    }

  if (collector->seen[node] != collector->stamp)
    {
      collector->seen[node] = collector->stamp;
      g_array_append_val (collector->reads, node);
    }

  return TRUE;
}

static void
collector_run (Collector    *collector,
               PfExpression *expression)
{
  g_array_set_size (collector->reads, 0);
  collector->stamp++;
  if (expression != NULL)
    pf_expression_foreach (expression, collect_reads, collector);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_string (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* NULL stands for "no answer" among the candidates. */
static void
candidate_free (gpointer candidate)
{
  if (candidate != NULL)
    pf_answer_unref (candidate);
}

static PfAnswer *
candidate_new (JsonNode *value)
{
  g_autoptr(JsonNode) owned = value;

  return pf_answer_new (owned, PF_ANSWER_STATE_ANSWERED, FALSE, NULL, HYPOTHETICAL_UPDATED);
}

static void
add_number_literal (GArray     *numbers,
                    gboolean    integer,
                    gboolean    exact,
                    JsonNode   *literal)
{
  double v, delta, values[3];
  guint n = 0;

  if (literal == NULL || JSON_NODE_TYPE (literal) != JSON_NODE_VALUE)
    return;

  v = json_node_get_double (literal);
  if (exact)
    {
      values[n++] = v;
    }
  else if (integer)
    {
      /* Integers on both sides of the cut-off, and the cut-off itself when
       * an integer can equal it. */
      values[n++] = ceil (v) - 1;
      if (floor (v) == v)
        values[n++] = v;
      values[n++] = floor (v) + 1;
    }
  else
    {
      delta = MAX (fabs (v) * 1e-6, 1e-9);
      values[n++] = v - delta;
      values[n++] = v;
      values[n++] = v + delta;
    }

  for (guint i = 0; i < n; i++)
    if (!integer || floor (values[i]) == values[i])
      g_array_append_val (numbers, values[i]);
}

static void
add_numeric_candidates (GPtrArray  *candidates,
                        PfQuestion *question,
                        GPtrArray  *comparisons)
{
  gboolean integer = pf_question_get_question_type (question) == PF_QUESTION_INTEGER;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; comparisons != NULL && i < comparisons->len; i++)
    {
      PfExpression *comparison = g_ptr_array_index (comparisons, i);
      JsonNode *literal = pf_expression_get_value (comparison);

      if (pf_expression_get_operator (comparison) == PF_OP_IN && literal != NULL &&
          JSON_NODE_HOLDS_ARRAY (literal))
        {
          JsonArray *array = json_node_get_array (literal);

          for (guint j = 0; j < json_array_get_length (array); j++)
            add_number_literal (numbers, integer, TRUE, json_array_get_element (array, j));
        }
      else
        {
          add_number_literal (numbers, integer, FALSE, literal);
        }
    }

  /* Only "answered" reads it: any value will do. */
  if (numbers->len == 0)
    {
      double any = pf_question_has_min (question) ? pf_question_get_min (question) : 0;

      if (integer)
        any = ceil (any);
      g_array_append_val (numbers, any);
    }

  g_array_sort (numbers, compare_double);
  for (guint i = 0; i < numbers->len; i++)
    {
      double v = g_array_index (numbers, double, i);
      JsonNode *node;

      if ((i > 0 && g_array_index (numbers, double, i - 1) == v) ||
          (pf_question_has_min (question) && v < pf_question_get_min (question)) ||
          (pf_question_has_max (question) && v > pf_question_get_max (question)))
        continue;

      node = json_node_alloc ();
      if (integer)
        json_node_init_int (node, (gint64) v);
      else
        json_node_init_double (node, v);
      g_ptr_array_add (candidates, candidate_new (node));
    }
}

static void
add_date_literal (GPtrArray *dates,
                  JsonNode  *literal)
{
  const char *text;
  guint year, month, day;

  if (literal == NULL || !JSON_NODE_HOLDS_VALUE (literal) ||
      json_node_get_value_type (literal) != G_TYPE_STRING)
    return;

  text = json_node_get_string (literal);
  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return;

  for (int offset = -1; offset <= 1; offset++)
    {
      GDate date;
      char buffer[16];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      if (offset < 0)
        g_date_subtract_days (&date, 1);
      else if (offset > 0)
        g_date_add_days (&date, 1);
      g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
      g_ptr_array_add (dates, g_strdup (buffer));
    }
}

/* Text and date candidates are strings; sorted, each once. */
static void
add_string_candidates (GPtrArray *candidates,
                       GPtrArray *strings)
{
  g_ptr_array_sort (strings, compare_string);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      JsonNode *node;

      if (i > 0 && strcmp (g_ptr_array_index (strings, i - 1), text) == 0)
        continue;
      node = json_node_alloc ();
      json_node_init_string (node, text);
      g_ptr_array_add (candidates, candidate_new (node));
    }
}

/* Every answer worth trying alone on an open question. */
static GPtrArray *
build_candidates (PfCriteriaPack *pack,
                  PfQuestion     *question,
                  GPtrArray      *comparisons)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (candidate_free);
  GPtrArray *options = pf_question_get_options (question);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node;

  switch (pf_question_get_question_type (question))
    {
    case PF_QUESTION_BOOLEAN:
      for (int value = 1; value >= 0; value--)
        {
          node = json_node_alloc ();
          json_node_init_boolean (node, value);
          g_ptr_array_add (candidates, candidate_new (node));
        }
      break;

    case PF_QUESTION_CHOICE:
      for (guint i = 0; i < options->len; i++)
        {
          const PfOption *option = g_ptr_array_index (options, i);

          node = json_node_alloc ();
          json_node_init_string (node, option->id);
          g_ptr_array_add (candidates, candidate_new (node));
        }
      break;

    case PF_QUESTION_MULTI_CHOICE:
      for (guint i = 0; i <= options->len; i++)
        {
          JsonArray *array = json_array_new ();

          if (i < options->len)
            json_array_add_string_element (array,
                                           ((const PfOption *) g_ptr_array_index (options, i))->id);
          node = json_node_new (JSON_NODE_ARRAY);
          json_node_take_array (node, array);
          g_ptr_array_add (candidates, candidate_new (node));
        }
      break;

    case PF_QUESTION_NUMBER:
    case PF_QUESTION_INTEGER:
      add_numeric_candidates (candidates, question, comparisons);
      break;

    case PF_QUESTION_DATE:
      for (guint i = 0; comparisons != NULL && i < comparisons->len; i++)
        add_date_literal (strings, pf_expression_get_value (g_ptr_array_index (comparisons, i)));
      if (strings->len == 0)
        g_ptr_array_add (strings, g_strdup (pf_criteria_pack_get_published (pack)));
      add_string_candidates (candidates, strings);
      break;

    case PF_QUESTION_TEXT:
      g_ptr_array_add (strings, g_strdup (""));
      for (guint i = 0; comparisons != NULL && i < comparisons->len; i++)
        {
          JsonNode *literal = pf_expression_get_value (g_ptr_array_index (comparisons, i));

          if (literal != NULL && JSON_NODE_HOLDS_VALUE (literal) &&
              json_node_get_value_type (literal) == G_TYPE_STRING)
            g_ptr_array_add (strings, g_strdup (json_node_get_string (literal)));
        }
      add_string_candidates (candidates, strings);
      break;

    case PF_QUESTION_EVIDENCE:
      {
        JsonArray *array = json_array_new ();

        json_array_add_string_element (array, "hypothetical-evidence");
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        g_ptr_array_add (candidates, candidate_new (node));
        /* No linked evidence: "answered" is then false rather than unknown. */
        g_ptr_array_add (candidates, NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return candidates;
}

static PackData *
pack_data_new (PfCriteriaPack *pack)
{
  GPtrArray *questions = pf_criteria_pack_get_questions (pack);
  GPtrArray *indicators = pf_criteria_pack_get_indicators (pack);
  GPtrArray *rules = pf_criteria_pack_get_outcome_rules (pack);
  PackData *data = g_new0 (PackData, 1);
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *fill = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray **visible_if_reads;
  Collector collector = { 0 };

  data->n_questions = questions->len;
  data->n_indicators = indicators->len;
  data->n_nodes = questions->len + indicators->len;
  data->node_index = g_hash_table_new (NULL, NULL);
  data->expressions = g_new0 (PfExpression *, data->n_nodes);
  data->indicator_reads = g_new0 (GPtrArray *, data->n_indicators);
  data->read_by_outcomes = g_new0 (guint8, data->n_nodes);
  data->read_by_rules = g_new0 (guint8, data->n_questions);
  data->candidates = g_new0 (GPtrArray *, data->n_questions);

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);

      g_hash_table_insert (data->node_index, question, GUINT_TO_POINTER (i + 1));
      data->expressions[i] = pf_question_get_visible_if (question);
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      PfIndicator *indicator = g_ptr_array_index (indicators, i);

      g_hash_table_insert (data->node_index, indicator,
                           GUINT_TO_POINTER (data->n_questions + i + 1));
      data->expressions[data->n_questions + i] = pf_indicator_get_when (indicator);
    }

  collector.pack = pack;
  collector.data = data;
  collector.reads = g_array_new (FALSE, FALSE, sizeof (guint));
  collector.seen = g_new0 (guint32, data->n_nodes);
  collector.comparisons = data->comparisons = g_new0 (GPtrArray *, data->n_questions);
  visible_if_reads = g_new0 (GArray *, data->n_questions);

  for (guint reader = 0; reader < data->n_nodes; reader++)
    {
      collector_run (&collector, data->expressions[reader]);
      for (guint i = 0; i < collector.reads->len; i++)
        {
          guint edge[2] = { g_array_index (collector.reads, guint, i), reader };

          g_array_append_val (edges, edge);
        }

      if (reader < data->n_questions && collector.reads->len > 0)
        {
          visible_if_reads[reader] = g_array_copy (collector.reads);
        }
      else if (reader >= data->n_questions)
        {
          GPtrArray *ids = g_ptr_array_new ();

          g_array_sort (collector.reads, compare_guint);
          for (guint i = 0; i < collector.reads->len; i++)
            {
              guint node = g_array_index (collector.reads, guint, i);

              if (node < data->n_questions)
                {
                  g_ptr_array_add (ids, (gpointer) pf_question_get_id (g_ptr_array_index (questions,
                                                                                          node)));
                  data->read_by_rules[node] = TRUE;
                }
            }
          data->indicator_reads[reader - data->n_questions] = ids;
        }
    }

  for (guint i = 0; i < rules->len; i++)
    {
      const PfOutcomeRule *rule = g_ptr_array_index (rules, i);

      collector_run (&collector, rule->when);
      for (guint j = 0; j < collector.reads->len; j++)
        {
          guint node = g_array_index (collector.reads, guint, j);

          data->read_by_outcomes[node] = TRUE;
          if (node < data->n_questions)
            data->read_by_rules[node] = TRUE;
        }
    }

  for (guint i = 0; i < data->n_questions; i++)
    if (data->read_by_rules[i])
      g_array_append_val (pending, i);
  while (pending->len > 0)
    {
      guint question = g_array_index (pending, guint, pending->len - 1);
      GArray *reads = visible_if_reads[question];

      g_array_set_size (pending, pending->len - 1);
      for (guint i = 0; reads != NULL && i < reads->len; i++)
        {
          guint node = g_array_index (reads, guint, i);

          if (node < data->n_questions && !data->read_by_rules[node])
            {
              data->read_by_rules[node] = TRUE;
              g_array_append_val (pending, node);
            }
        }
    }

  data->reader_offsets = g_new0 (guint, data->n_nodes + 1);
  data->readers = g_new (guint, MAX (edges->len, 1));
  for (guint i = 0; i < edges->len; i++)
    data->reader_offsets[((guint *) edges->data)[2 * i] + 1]++;
  for (guint n = 0; n < data->n_nodes; n++)
    data->reader_offsets[n + 1] += data->reader_offsets[n];
  fill = g_memdup2 (data->reader_offsets, sizeof (guint) * data->n_nodes);
  for (guint i = 0; i < edges->len; i++)
    {
      guint *edge = (guint *) edges->data + 2 * i;

      data->readers[fill[edge[0]]++] = edge[1];
    }

  for (guint i = 0; i < data->n_questions; i++)
    g_clear_pointer (&visible_if_reads[i], g_array_unref);

  g_array_unref (collector.reads);
  g_free (collector.seen);
  g_free (visible_if_reads);

  return data;
}

static GMutex pack_data_mutex;

static PackData *
pack_data_get (PfCriteriaPack *pack)
{
  PackData *data;

  g_mutex_lock (&pack_data_mutex);
  data = g_object_get_qdata (G_OBJECT (pack), pack_data_quark ());
  if (data == NULL)
    {
      data = pack_data_new (pack);
      g_object_set_qdata_full (G_OBJECT (pack), pack_data_quark (), data, pack_data_free);
    }
  g_mutex_unlock (&pack_data_mutex);

  return data;
}

static void
pack_data_ensure_candidates (PackData       *data,
                             PfCriteriaPack *pack)
{
  GPtrArray *questions = pf_criteria_pack_get_questions (pack);

  g_mutex_lock (&pack_data_mutex);
  if (!data->has_candidates)
    {
      for (guint i = 0; i < data->n_questions; i++)
        if (data->read_by_rules[i])
          data->candidates[i] = build_candidates (pack, g_ptr_array_index (questions, i),
                                                  data->comparisons[i]);
      data->has_candidates = TRUE;
    }
  g_mutex_unlock (&pack_data_mutex);
}

static void
memo_init (Memo  *memo,
           guint  n_nodes)
{
  memo->values = g_new0 (guint8, n_nodes);
  memo->stamps = g_new0 (guint32, n_nodes);
  memo->generation = 1;
}

static void
memo_clear (Memo *memo)
{
  g_clear_pointer (&memo->values, g_free);
  g_clear_pointer (&memo->stamps, g_free);
}

static PfTruth
evaluate_node (PfDetermination *self,
               guint            node)
{
  Memo *memo = &self->base;
  PfExpression *expression;
  PfTruth value;

  if (self->hypothetical && self->dirty[node] == self->dirty_generation)
    memo = &self->hypothesis;

  if (memo->stamps[node] == memo->generation)
    {
      /* Only a visible_if that reads its own question comes back here. */
      if (memo->values[node] == NODE_IN_PROGRESS)
        return PF_TRUTH_UNKNOWN;
      return memo->values[node];
    }

  memo->stamps[node] = memo->generation;
  memo->values[node] = NODE_IN_PROGRESS;
  expression = self->data->expressions[node];
  value = expression != NULL ? pf_expression_evaluate (expression, &self->context.parent)
                             : PF_TRUTH_TRUE;
  memo->values[node] = value;

  return value;
}

static PfAnswer *
context_lookup_answer (PfEvaluationContext *context,
                       PfQuestion          *question,
                       PfTruth             *applicable)
{
  PfDetermination *self = ((DeterminationContext *) context)->self;
  PfTruth applicability = PF_TRUTH_UNKNOWN;
  PfAnswer *answer = NULL;
  guint node;

  if (pack_data_lookup_node (self->data, question, &node) && node < self->data->n_questions)
    {
      applicability = evaluate_node (self, node);
      if (self->hypothetical && node == self->hypothesis_question)
        answer = self->hypothesis_answer;
      else
        answer = self->effective[node];
    }

  if (applicable != NULL)
    *applicable = applicability;

  return answer;
}

static PfTruth
context_lookup_indicator (PfEvaluationContext *context,
                          PfIndicator         *indicator)
{
  PfDetermination *self = ((DeterminationContext *) context)->self;
  guint node;

  if (!pack_data_lookup_node (self->data, indicator, &node) || node < self->data->n_questions)
    return PF_TRUTH_UNKNOWN;

  return evaluate_node (self, node);
}

static PfOutcome
evaluate_outcome (PfDetermination *self)
{
  GPtrArray *rules = pf_criteria_pack_get_outcome_rules (self->pack);

  for (guint i = 0; i < rules->len; i++)
    {
      const PfOutcomeRule *rule = g_ptr_array_index (rules, i);

      if (pf_expression_evaluate (rule->when, &self->context.parent) == PF_TRUTH_TRUE)
        return rule->outcome;
    }

  return PF_OUTCOME_INCOMPLETE;
}

static void
pf_determination_finalize (GObject *object)
{
  PfDetermination *self = (PfDetermination *)object;
  guint n_questions = self->data->n_questions;

  for (guint i = 0; i < n_questions; i++)
    {
      g_clear_pointer (&self->recorded[i], pf_answer_unref);
      g_clear_pointer (&self->effective[i], pf_answer_unref);
    }
  g_free (self->recorded);
  g_free (self->effective);
  memo_clear (&self->base);
  memo_clear (&self->hypothesis);
  g_free (self->dirty);
  g_clear_pointer (&self->dirty_nodes, g_array_unref);
  g_clear_pointer (&self->indicator_results, g_ptr_array_unref);
  g_free (self->results);
  g_clear_pointer (&self->open_questions, g_ptr_array_unref);
  g_free (self->assessment_id);
  g_free (self->model_name);
  g_free (self->model_version);
  g_free (self->modified);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (pf_determination_parent_class)->finalize (object);
}

static void
pf_determination_class_init (PfDeterminationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_determination_finalize;
}

static void
pf_determination_init (PfDetermination *self)
{
  self->context.parent.lookup_answer = context_lookup_answer;
  self->context.parent.lookup_indicator = context_lookup_indicator;
  self->context.self = self;
}

/* Reads the answers once; an evidence-type question linked by evidence items
 * gets an answer whose value is the array of their ids. */
static void
load_answers (PfDetermination *self,
              PfAssessment    *assessment)
{
  GPtrArray *questions = pf_criteria_pack_get_questions (self->pack);
  GPtrArray *evidence = pf_assessment_get_evidence (assessment);
  g_autofree JsonArray **linked = NULL;

  self->recorded = g_new0 (PfAnswer *, self->data->n_questions);
  self->effective = g_new0 (PfAnswer *, self->data->n_questions);

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      PfAnswer *answer = pf_assessment_get_answer (assessment, pf_question_get_id (question));

      if (answer != NULL)
        self->recorded[i] = pf_answer_ref (answer);
    }

  linked = g_new0 (JsonArray *, self->data->n_questions);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);

      for (guint j = 0; item->question_ids != NULL && item->question_ids[j] != NULL; j++)
        {
          PfQuestion *question = pf_criteria_pack_lookup_question (self->pack,
                                                                   item->question_ids[j]);
          guint node;

          if (question == NULL ||
              pf_question_get_question_type (question) != PF_QUESTION_EVIDENCE ||
              !pack_data_lookup_node (self->data, question, &node))
            continue;
          if (linked[node] == NULL)
            linked[node] = json_array_new ();
          json_array_add_string_element (linked[node], item->id);
        }
    }

  for (guint i = 0; i < questions->len; i++)
    {
      PfAnswer *recorded = self->recorded[i];

      if (linked[i] != NULL)
        {
          g_autoptr(JsonNode) value = json_node_new (JSON_NODE_ARRAY);

          json_node_take_array (value, linked[i]);
          self->effective[i] =
            pf_answer_new (value, PF_ANSWER_STATE_ANSWERED,
                           recorded != NULL && pf_answer_get_needs_review (recorded),
                           recorded != NULL ? pf_answer_get_note (recorded) : NULL,
                           recorded != NULL ? pf_answer_get_updated (recorded)
                                            : (self->modified != NULL ? self->modified
                                                                      : HYPOTHETICAL_UPDATED));
        }
      else if (recorded != NULL)
        {
          self->effective[i] = pf_answer_ref (recorded);
        }
    }
}

PfDetermination *
pf_determination_new (PfCriteriaPack *pack,
                      PfAssessment   *assessment)
{
  PfDetermination *self;
  GPtrArray *indicators;

  g_return_val_if_fail (PF_IS_CRITERIA_PACK (pack), NULL);
  g_return_val_if_fail (PF_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (PF_TYPE_DETERMINATION, NULL);
  self->pack = g_object_ref (pack);
  self->data = pack_data_get (pack);
  self->assessment_id = g_strdup (pf_assessment_get_id (assessment));
  self->model_name = g_strdup (pf_assessment_get_model_name (assessment));
  self->model_version = g_strdup (pf_assessment_get_model_version (assessment));
  self->modified = g_strdup (pf_assessment_get_modified (assessment));

  load_answers (self, assessment);

  memo_init (&self->base, self->data->n_nodes);
  for (guint node = 0; node < self->data->n_nodes; node++)
    evaluate_node (self, node);
  self->outcome = evaluate_outcome (self);

  indicators = pf_criteria_pack_get_indicators (pack);
  self->results = g_new0 (PfIndicatorResult, self->data->n_indicators);
  self->indicator_results = g_ptr_array_sized_new (self->data->n_indicators);
  for (guint i = 0; i < self->data->n_indicators; i++)
    {
      PfIndicatorResult *result = &self->results[i];

      result->indicator = g_ptr_array_index (indicators, i);
      result->state = self->base.values[self->data->n_questions + i];
      result->question_ids = self->data->indicator_reads[i];
      g_ptr_array_add (self->indicator_results, result);
    }

  return self;
}

PfOutcome
pf_determination_get_outcome (PfDetermination *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION (self), PF_OUTCOME_INCOMPLETE);

  return self->outcome;
}

const char *
pf_determination_get_summary (PfDetermination *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  return _(summaries[self->outcome]);
}

const char *
_pf_determination_get_english_summary (PfDetermination *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  return summaries[self->outcome];
}

const char * const *
_pf_determination_get_english_caveats (void)
{
  return caveats;
}

GPtrArray *
pf_determination_get_indicators (PfDetermination *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  return self->indicator_results;
}

const PfIndicatorResult *
pf_determination_lookup_indicator (PfDetermination *self,
                                   const char      *indicator_id)
{
  PfIndicator *indicator;
  guint node;

  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);
  g_return_val_if_fail (indicator_id != NULL, NULL);

  indicator = pf_criteria_pack_lookup_indicator (self->pack, indicator_id);
  if (indicator == NULL || !pack_data_lookup_node (self->data, indicator, &node))
    return NULL;

  return &self->results[node - self->data->n_questions];
}

static void
open_question_free (gpointer user_data)
{
  PfOpenQuestion *open = user_data;

  g_array_unref (open->outcomes);
  g_free (open);
}

/* Marks every node that may read @question's answer, directly or through
 * other nodes. */
static void
mark_dirty (PfDetermination *self,
            guint            question)
{
  PackData *data = self->data;
  guint next = 0;

  self->dirty_generation++;
  g_array_set_size (self->dirty_nodes, 0);
  g_array_append_val (self->dirty_nodes, question);

  /* The question itself is the seed; only its readers are dirty (unless
   * its own visible_if reads it, which marks it through the edges). */
  while (next < self->dirty_nodes->len)
    {
      guint node = g_array_index (self->dirty_nodes, guint, next++);

      for (guint i = data->reader_offsets[node]; i < data->reader_offsets[node + 1]; i++)
        {
          guint reader = data->readers[i];

          if (self->dirty[reader] != self->dirty_generation)
            {
              self->dirty[reader] = self->dirty_generation;
              g_array_append_val (self->dirty_nodes, reader);
            }
        }
    }
}

/* The outcome with the hypothetical answer overlaid. The outcome rules are
 * evaluated again only when something they read directly changed. */
static PfOutcome
evaluate_hypothesis (PfDetermination *self,
                     guint            question,
                     PfAnswer        *answer)
{
  PackData *data = self->data;
  gboolean changed = data->read_by_outcomes[question];

  self->hypothetical = TRUE;
  self->hypothesis_question = question;
  self->hypothesis_answer = answer;
  self->hypothesis.generation++;

  /* dirty_nodes[0] is the question itself, whose applicability is unchanged
   * unless it is dirty too (then it appears again later). */
  for (guint i = 1; !changed && i < self->dirty_nodes->len; i++)
    {
      guint node = g_array_index (self->dirty_nodes, guint, i);

      if (data->read_by_outcomes[node] && evaluate_node (self, node) != self->base.values[node])
        changed = TRUE;
    }

  return changed ? evaluate_outcome (self) : self->outcome;
}

static GPtrArray *
compute_open_questions (PfDetermination *self)
{
  PackData *data = self->data;
  GPtrArray *questions = pf_criteria_pack_get_questions (self->pack);
  GPtrArray *open_questions = g_ptr_array_new_with_free_func (open_question_free);

  pack_data_ensure_candidates (data, self->pack);
  memo_init (&self->hypothesis, data->n_nodes);
  self->dirty = g_new0 (guint32, data->n_nodes);
  self->dirty_generation = 0;
  self->dirty_nodes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < data->n_questions; i++)
    {
      PfAnswer *answer = self->effective[i];
      GPtrArray *candidates = data->candidates[i];
      gboolean reached[PF_OUTCOME_INCOMPLETE + 1] = { FALSE, };
      PfOpenQuestion *open;

      if (!data->read_by_rules[i] ||
          (answer != NULL && pf_answer_is_answered (answer)) ||
          self->base.values[i] == PF_TRUTH_FALSE)
        continue;

      mark_dirty (self, i);
      for (guint j = 0; j < candidates->len; j++)
        reached[evaluate_hypothesis (self, i, g_ptr_array_index (candidates, j))] = TRUE;
      self->hypothetical = FALSE;

      open = g_new0 (PfOpenQuestion, 1);
      open->question = g_ptr_array_index (questions, i);
      open->outcomes = g_array_new (FALSE, FALSE, sizeof (PfOutcome));
      for (PfOutcome outcome = PF_OUTCOME_LIKELY_COVERED; outcome <= PF_OUTCOME_INCOMPLETE;
           outcome++)
        if (reached[outcome] && outcome != self->outcome)
          g_array_append_val (open->outcomes, outcome);
      open->changes_outcome = open->outcomes->len > 0;
      g_ptr_array_add (open_questions, open);
    }

  memo_clear (&self->hypothesis);
  g_clear_pointer (&self->dirty, g_free);
  g_clear_pointer (&self->dirty_nodes, g_array_unref);

  return open_questions;
}

GPtrArray *
pf_determination_get_open_questions (PfDetermination *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  if (self->open_questions == NULL)
    self->open_questions = compute_open_questions (self);

  return self->open_questions;
}

const char * const *
pf_determination_get_caveats (PfDetermination *self)
{
  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  for (guint i = 0; caveats[i] != NULL; i++)
    self->translated_caveats[i] = _(caveats[i]);

  return self->translated_caveats;
}

PfTruth
pf_determination_get_applicability (PfDetermination *self,
                                    PfQuestion      *question)
{
  guint node;

  g_return_val_if_fail (PF_IS_DETERMINATION (self), PF_TRUTH_UNKNOWN);
  g_return_val_if_fail (PF_IS_QUESTION (question), PF_TRUTH_UNKNOWN);

  if (!pack_data_lookup_node (self->data, question, &node) || node >= self->data->n_questions)
    {
      g_critical ("Question “%s” is not part of pack “%s”",
                  pf_question_get_id (question), pf_criteria_pack_get_id (self->pack));
      return PF_TRUTH_UNKNOWN;
    }

  return self->base.values[node];
}

/* Questions that apply count; those answered, marked unknown, or (evidence)
 * linked to evidence count as answered. */
static void
count_progress (PfDetermination *self,
                GPtrArray       *questions,
                guint           *answered,
                guint           *total,
                gboolean        *needs_review)
{
  for (guint i = 0; i < questions->len; i++)
    {
      guint node;
      PfAnswer *answer;

      if (!pack_data_lookup_node (self->data, g_ptr_array_index (questions, i), &node) ||
          self->base.values[node] != PF_TRUTH_TRUE)
        continue;

      (*total)++;
      answer = self->effective[node];
      if (answer != NULL &&
          (pf_answer_is_answered (answer) ||
           pf_answer_get_state (answer) == PF_ANSWER_STATE_UNKNOWN))
        (*answered)++;
      if (self->recorded[node] != NULL && pf_answer_get_needs_review (self->recorded[node]))
        *needs_review = TRUE;
    }
}

void
pf_determination_get_section_progress (PfDetermination *self,
                                       PfSection       *section,
                                       guint           *answered,
                                       guint           *total,
                                       gboolean        *needs_review)
{
  guint n_answered = 0, n_total = 0;
  gboolean review = FALSE;

  g_return_if_fail (PF_IS_DETERMINATION (self));
  g_return_if_fail (PF_IS_SECTION (section));

  count_progress (self, pf_section_get_questions (section), &n_answered, &n_total, &review);

  if (answered != NULL)
    *answered = n_answered;
  if (total != NULL)
    *total = n_total;
  if (needs_review != NULL)
    *needs_review = review;
}

void
pf_determination_get_progress (PfDetermination *self,
                               guint           *answered,
                               guint           *total)
{
  guint n_answered = 0, n_total = 0;
  gboolean review = FALSE;

  g_return_if_fail (PF_IS_DETERMINATION (self));

  count_progress (self, pf_criteria_pack_get_questions (self->pack), &n_answered, &n_total,
                  &review);

  if (answered != NULL)
    *answered = n_answered;
  if (total != NULL)
    *total = n_total;
}

static void
add_indicator_answers (PfDetermination         *self,
                       JsonBuilder             *builder,
                       const PfIndicatorResult *result)
{
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->question_ids->len; i++)
    {
      const char *question_id = g_ptr_array_index (result->question_ids, i);
      PfQuestion *question = pf_criteria_pack_lookup_question (self->pack, question_id);
      PfAnswer *answer = NULL;
      guint node;

      if (question != NULL && pack_data_lookup_node (self->data, question, &node))
        answer = self->effective[node];

      json_builder_begin_object (builder);
      pf_json_add_string_member (builder, "question", question_id);
      pf_json_add_string_member (builder, "state", pf_answer_describe_state (answer));
      if (answer != NULL && pf_answer_is_answered (answer))
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_value (builder, json_node_copy (pf_answer_get_value (answer)));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_indicator (PfDetermination         *self,
               JsonBuilder             *builder,
               const PfIndicatorResult *result)
{
  PfIndicator *indicator = result->indicator;
  const char * const *sources = pf_indicator_get_sources (indicator);

  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "id", pf_indicator_get_id (indicator));
  pf_json_add_string_member (builder, "title", pf_indicator_get_title (indicator));
  pf_json_add_string_member (builder, "domain", pf_indicator_get_domain (indicator));
  pf_json_add_string_member (builder, "strength",
                     pf_strength_to_string (pf_indicator_get_strength (indicator)));
  pf_json_add_string_member (builder, "state", pf_truth_to_string (result->state));
  pf_json_add_string_member (builder, "reason", pf_indicator_get_reason (indicator));
  pf_json_add_string_member (builder, "provenance",
                     pf_provenance_to_string (pf_indicator_get_provenance (indicator)));

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      const PfSource *source = pf_criteria_pack_lookup_source (self->pack, sources[i]);

      json_builder_begin_object (builder);
      pf_json_add_string_member (builder, "id", sources[i]);
      pf_json_add_string_member (builder, "title", source != NULL ? source->title : NULL);
      pf_json_add_string_member (builder, "url", source != NULL ? source->url : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_indicator_answers (self, builder, result);
  json_builder_end_object (builder);
}

static void
add_open_question (JsonBuilder          *builder,
                   const PfOpenQuestion *open)
{
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "question", pf_question_get_id (open->question));
  pf_json_add_string_member (builder, "prompt", pf_question_get_prompt (open->question));
  json_builder_set_member_name (builder, "critical");
  json_builder_add_boolean_value (builder, pf_question_get_critical (open->question));
  json_builder_set_member_name (builder, "changes_outcome");
  json_builder_add_boolean_value (builder, open->changes_outcome);
  json_builder_set_member_name (builder, "could_lead_to");
  json_builder_begin_array (builder);
  for (guint i = 0; i < open->outcomes->len; i++)
    json_builder_add_string_value (builder,
                                   pf_outcome_to_string (g_array_index (open->outcomes,
                                                                        PfOutcome, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
pf_determination_to_json (PfDetermination *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *open_questions;
  guint answered, total;

  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  open_questions = pf_determination_get_open_questions (self);
  pf_determination_get_progress (self, &answered, &total);

  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "format", PF_DETERMINATION_FORMAT);
  pf_json_add_string_member (builder, "generated", self->modified);

  json_builder_set_member_name (builder, "assessment");
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "id", self->assessment_id);
  json_builder_set_member_name (builder, "model");
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "name", self->model_name);
  pf_json_add_string_member (builder, "version", self->model_version);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "pack");
  json_builder_begin_object (builder);
  pf_json_add_string_member (builder, "id", pf_criteria_pack_get_id (self->pack));
  pf_json_add_string_member (builder, "version", pf_criteria_pack_get_version (self->pack));
  pf_json_add_string_member (builder, "status",
                     pf_pack_status_to_string (pf_criteria_pack_get_status (self->pack)));
  pf_json_add_string_member (builder, "sha256", pf_criteria_pack_get_sha256 (self->pack));
  json_builder_end_object (builder);

  pf_json_add_string_member (builder, "outcome", pf_outcome_to_string (self->outcome));
  pf_json_add_string_member (builder, "summary", summaries[self->outcome]);

  json_builder_set_member_name (builder, "progress");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "answered");
  json_builder_add_int_value (builder, answered);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->indicator_results->len; i++)
    add_indicator (self, builder, g_ptr_array_index (self->indicator_results, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "open_questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < open_questions->len; i++)
    add_open_question (builder, g_ptr_array_index (open_questions, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "caveats");
  json_builder_begin_array (builder);
  for (guint i = 0; caveats[i] != NULL; i++)
    json_builder_add_string_value (builder, caveats[i]);
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GBytes *
pf_determination_to_bytes (PfDetermination *self)
{
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  g_return_val_if_fail (PF_IS_DETERMINATION (self), NULL);

  root = pf_determination_to_json (self);
  text = pf_json_output_to_gstring (root, TRUE);

  return g_string_free_to_bytes (text);
}
