/* pf-timeline-private.h: the .ics writing pieces, for the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends the property NAME:TEXT with TEXT escaped (RFC 5545 §3.3.11),
 * folded at 75 octets without splitting a UTF-8 sequence, and CRLF. */
void pf_timeline_append_ics_text (GString    *out,
                                  const char *name,
                                  const char *text);

G_END_DECLS
