/* pf-indicator.h: a capability indicator of a criteria pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-enums.h"
#include "pf-expression.h"

G_BEGIN_DECLS

#define PF_TYPE_INDICATOR (pf_indicator_get_type ())
G_DECLARE_FINAL_TYPE (PfIndicator, pf_indicator, PF, INDICATOR, GObject)

const char         *pf_indicator_get_id         (PfIndicator *self);
const char         *pf_indicator_get_title      (PfIndicator *self);
/* e.g. "vulnerability-discovery", "exploitation", "autonomy", "uplift". */
const char         *pf_indicator_get_domain     (PfIndicator *self);
PfStrength          pf_indicator_get_strength   (PfIndicator *self);
PfExpression       *pf_indicator_get_when       (PfIndicator *self);
const char         *pf_indicator_get_reason     (PfIndicator *self);
const char * const *pf_indicator_get_sources    (PfIndicator *self);
PfProvenance        pf_indicator_get_provenance (PfIndicator *self);

G_END_DECLS
