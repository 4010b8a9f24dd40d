/* pf-json-output.h: JSON text that every parser accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Serialises @node like JsonGenerator (two-space indent when @pretty), but
 * repairs json-glib 1.6's doubles: it appends ".0" to any double printed
 * without a point, which turns 3e+26 into the invalid "3e+26.0". Strings
 * that are not UTF-8 come out with U+FFFD in place of the bad bytes, and a
 * warning: the text is always readable. */
GString *pf_json_output_to_gstring (JsonNode *node,
                                    gboolean  pretty);

/* Adds the member @name to the object @builder is building: the string
 * @value, or null when @value is NULL. */
void     pf_json_add_string_member (JsonBuilder *builder,
                                    const char  *name,
                                    const char  *value);

G_END_DECLS
