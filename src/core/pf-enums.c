/* pf-enums.c: JSON spellings, labels and Kleene logic of the pack vocabulary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-enums.h"

/* The JSON spellings are part of the file formats: never translate them. */
static const char * const truth_names[] = { "false", "true", "unknown" };
static const char * const question_type_names[] = {
  "boolean", "number", "integer", "choice", "multi_choice", "text", "date", "evidence",
};
static const char * const outcome_names[] = {
  "likely-covered", "borderline", "likely-not-covered", "incomplete",
};
static const char * const pack_status_names[] = { "draft", "official" };
static const char * const strength_names[] = { "strong", "weak" };
static const char * const provenance_names[] = { "sourced", "placeholder" };
static const char * const answer_state_names[] = { "answered", "unknown", "skipped" };
static const char * const marking_names[] = { "none", "cci", "pcii" };
static const char * const decision_names[] = { "approve", "changes-requested" };

static const char * const outcome_labels[] = {
  N_("Likely covered"),
  N_("Borderline"),
  N_("Likely not covered"),
  N_("Incomplete"),
};
/* TRANSLATORS: the status of a criteria pack, as the command line prints it */
static const char * const pack_status_labels[] = { N_("draft"), N_("official") };
static const char * const marking_labels[] = {
  N_("No marking"),
  N_("Confidential Commercial Information (CCI)"),
  N_("Protected Critical Infrastructure Information (PCII)"),
};

static const char *
name_of (const char * const *names,
         guint               n_names,
         guint               value)
{
  g_return_val_if_fail (value < n_names, NULL);

  return names[value];
}

static gboolean
value_of (const char * const *names,
          guint               n_names,
          const char         *str,
          guint              *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_SPELLINGS(TypeName, type_name, names)                          \
  const char *                                                                \
  type_name##_to_string (TypeName value)                                      \
  {                                                                           \
    return name_of (names, G_N_ELEMENTS (names), value);                      \
  }                                                                           \
                                                                              \
  gboolean                                                                    \
  type_name##_from_string (const char *str,                                   \
                           TypeName   *out)                                   \
  {                                                                           \
    guint value;                                                              \
                                                                              \
    g_return_val_if_fail (out != NULL, FALSE);                                \
                                                                              \
    if (!value_of (names, G_N_ELEMENTS (names), str, &value))                 \
      return FALSE;                                                           \
    *out = (TypeName) value;                                                  \
    return TRUE;                                                              \
  }

const char *
pf_truth_to_string (PfTruth value)
{
  return name_of (truth_names, G_N_ELEMENTS (truth_names), value);
}

DEFINE_SPELLINGS (PfQuestionType, pf_question_type, question_type_names)
DEFINE_SPELLINGS (PfOutcome, pf_outcome, outcome_names)
DEFINE_SPELLINGS (PfPackStatus, pf_pack_status, pack_status_names)
DEFINE_SPELLINGS (PfStrength, pf_strength, strength_names)
DEFINE_SPELLINGS (PfProvenance, pf_provenance, provenance_names)
DEFINE_SPELLINGS (PfAnswerState, pf_answer_state, answer_state_names)
DEFINE_SPELLINGS (PfMarking, pf_marking, marking_names)
DEFINE_SPELLINGS (PfDecision, pf_decision, decision_names)

static const char *
label_of (const char * const *labels,
          guint               n_labels,
          guint               value)
{
  const char *label = name_of (labels, n_labels, value);

  return label != NULL ? _(label) : NULL;
}

const char *
pf_outcome_get_label (PfOutcome value)
{
  return label_of (outcome_labels, G_N_ELEMENTS (outcome_labels), value);
}

const char *
pf_pack_status_get_label (PfPackStatus value)
{
  return label_of (pack_status_labels, G_N_ELEMENTS (pack_status_labels), value);
}

const char *
pf_marking_get_label (PfMarking value)
{
  return label_of (marking_labels, G_N_ELEMENTS (marking_labels), value);
}

PfTruth
pf_truth_and (PfTruth a,
              PfTruth b)
{
  if (a == PF_TRUTH_FALSE || b == PF_TRUTH_FALSE)
    return PF_TRUTH_FALSE;
  if (a == PF_TRUTH_TRUE && b == PF_TRUTH_TRUE)
    return PF_TRUTH_TRUE;
  return PF_TRUTH_UNKNOWN;
}

PfTruth
pf_truth_or (PfTruth a,
             PfTruth b)
{
  if (a == PF_TRUTH_TRUE || b == PF_TRUTH_TRUE)
    return PF_TRUTH_TRUE;
  if (a == PF_TRUTH_FALSE && b == PF_TRUTH_FALSE)
    return PF_TRUTH_FALSE;
  return PF_TRUTH_UNKNOWN;
}

PfTruth
pf_truth_not (PfTruth a)
{
  switch (a)
    {
    case PF_TRUTH_FALSE:
      return PF_TRUTH_TRUE;
    case PF_TRUTH_TRUE:
      return PF_TRUTH_FALSE;
    case PF_TRUTH_UNKNOWN:
    default:
      return PF_TRUTH_UNKNOWN;
    }
}
