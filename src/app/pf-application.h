/* pf-application.h: the Preflight application: app-wide actions, settings,
 * the pack catalog and the evidence store shared by its windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "preflight.h"

G_BEGIN_DECLS

#define PF_APPLICATION_SCHEMA_ID "io.github.preflightapp.Preflight"

#define PF_TYPE_APPLICATION (pf_application_get_type ())
G_DECLARE_FINAL_TYPE (PfApplication, pf_application, PF, APPLICATION, AdwApplication)

PfApplication   *pf_application_new                (void);
/* Loaded on first use. */
PfPackCatalog   *pf_application_get_pack_catalog   (PfApplication *self);
PfEvidenceStore *pf_application_get_evidence_store (PfApplication *self);
/* $XDG_DATA_HOME/preflight/assessments: where the start view lists
 * assessments and where new ones are created. */
GFile           *pf_application_dup_assessments_dir (void);

G_END_DECLS
