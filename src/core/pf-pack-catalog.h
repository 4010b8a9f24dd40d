/* pf-pack-catalog.h: the built-in packs (GResource) and the installed ones
 * ($XDG_DATA_HOME/preflight/packs/NAME.pfpack.json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-assessment.h"
#include "pf-criteria-pack.h"

G_BEGIN_DECLS

#define PF_BUILTIN_PACK_ID "frontier-cyber-draft"

#define PF_TYPE_PACK_CATALOG (pf_pack_catalog_get_type ())
G_DECLARE_FINAL_TYPE (PfPackCatalog, pf_pack_catalog, PF, PACK_CATALOG, GObject)

/* Reads the built-in packs and every valid installed pack; invalid installed
 * packs are skipped and listed by pf_pack_catalog_get_problems(). */
PfPackCatalog  *pf_pack_catalog_new           (void);
/* Element type PfCriteriaPack: built-in first, then installed, by id. The
 * array belongs to the catalog. */
GPtrArray      *pf_pack_catalog_get_packs     (PfPackCatalog  *self);
gboolean        pf_pack_catalog_is_builtin    (PfPackCatalog  *self,
                                               PfCriteriaPack *pack);
/* Element type GError: why an installed pack was skipped. The array belongs
 * to the catalog. */
GPtrArray      *pf_pack_catalog_get_problems  (PfPackCatalog  *self);
/* @version may be NULL for the newest. The pack belongs to the catalog (take
 * a reference to keep it longer than the catalog); NULL and
 * PF_PACK_ERROR_NOT_FOUND when no such pack is available. */
PfCriteriaPack *pf_pack_catalog_lookup        (PfPackCatalog  *self,
                                               const char     *id,
                                               const char     *version,
                                               GError        **error);
/* Loads the assessment at @file and binds the pack it names, by id and
 * version. Errors about the pack start with the file's name. */
PfAssessment   *pf_pack_catalog_load_assessment (PfPackCatalog *self,
                                                 GFile         *file,
                                                 GError       **error);
/* The directory installed packs are read from. */
GFile          *pf_pack_catalog_get_install_dir (void);

G_END_DECLS
