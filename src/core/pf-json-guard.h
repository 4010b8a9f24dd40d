/* pf-json-guard.h: pre-scans that refuse JSON json-glib would mishandle:
 * nested too deeply (json-glib parses recursively and overflows the stack on
 * input such as 100,000 nested arrays: json-glib 1.6 crashes with SIGSEGV),
 * several documents, numbers too large for a double, and string escapes
 * that do not make text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects accepted in JSON that comes from
 * outside (packs, assessments, bundle manifests, answer files). Real
 * documents nest fewer than 40 levels; json-glib copes with 10,000. */
#define PF_JSON_GUARD_MAX_DEPTH 128

/* Counts the nesting of [ and { outside strings in @data (@len bytes, no
 * NUL needed). Returns FALSE when it goes deeper than @max_depth, with
 * *@out_line (nullable) set to the 1-based line where it did. Does not
 * otherwise validate the JSON: the parser does that afterwards. */
gboolean pf_json_guard_check (const char *data,
                              gsize       len,
                              guint       max_depth,
                              guint      *out_line);

/* Whether @data holds at most one top-level JSON value. json-glib 1.6
 * accepts "{…}{…}", keeps the last value as the root and leaks the others,
 * so a loader calls this first and refuses such input as malformed, with
 * *@out_line (nullable) set to the line where the second value starts. */
gboolean pf_json_guard_check_single (const char *data,
                                     gsize       len,
                                     guint      *out_line);

/* Whether every number in @data (outside strings) fits a double. json-glib
 * 1.6 reads 1e999 as infinity and its generator writes that back as
 * "inf.0", which is not JSON: a file saved after loading such input could
 * never be read again. On FALSE, *@out_line (nullable) is the line of the
 * first number out of range. */
gboolean pf_json_guard_check_numbers (const char *data,
                                      gsize       len,
                                      guint      *out_line);

/* Whether every escape in @data's strings is one JSON has and makes text.
 * json-glib 1.6 also takes octal escapes such as \256, and half of a
 * UTF-16 surrogate pair (\ud800 or \udc00 with more text after it), as
 * bytes that are not UTF-8, and writes them back so: a file saved after
 * loading one could never be read again. \u0000 is refused too: the
 * string would silently end there. On FALSE, *@out_line (nullable) is the
 * line of the first such escape. */
gboolean pf_json_guard_check_escapes (const char *data,
                                      gsize       len,
                                      guint      *out_line);

G_END_DECLS
