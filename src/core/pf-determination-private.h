/* pf-determination-private.h: the determination's fixed texts in English,
 * for the records (determination.json, the report) that must not depend on
 * the locale; the public getters translate them for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pf-determination.h"

G_BEGIN_DECLS

const char         *_pf_determination_get_english_summary (PfDetermination *self);
/* NULL-terminated, in the order of pf_determination_get_caveats(). */
const char * const *_pf_determination_get_english_caveats (void);

G_END_DECLS
