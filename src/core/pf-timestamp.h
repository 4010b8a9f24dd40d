/* pf-timestamp.h: the timestamps of Preflight's documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every timestamp in an assessment, receipt or bundle is ISO 8601 in UTC
 * with seconds and "Z" ("2026-11-26T04:16:22Z"), so that they sort as text
 * and do not depend on the time zone. */
char *pf_timestamp_format (GDateTime *time);
char *pf_timestamp_now    (void);

G_END_DECLS
