/* pf-oscal.h: the assessment as an OSCAL 1.1.2 assessment-results document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-assessment.h"
#include "pf-determination.h"

G_BEGIN_DECLS

/* Our namespace for props. */
#define PF_OSCAL_NAMESPACE "https://preflightapp.github.io/ns/oscal"

/* One result for the determination, an observation per answered question, a
 * finding per indicator, evidence as back-matter resources with SHA-256
 * hashes. UUIDs are name-based (v5) from the assessment id, so the same
 * assessment gives the same document. */
JsonNode *pf_oscal_build_assessment_results (PfAssessment    *assessment,
                                             PfDetermination *determination);
/* Name-based UUID (RFC 4122 version 5, SHA-1) of @name in @namespace_uuid. */
char     *pf_oscal_uuid_v5                  (const char      *namespace_uuid,
                                             const char      *name);

G_END_DECLS
