/* pf-json-guard.h: a pre-scan that refuses JSON json-glib would mishandle:
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

/* What pf_json_guard_scan() found first. The scan does not otherwise
 * validate the JSON: the parser does that afterwards. */
typedef enum {
  PF_JSON_GUARD_OK,
  /* The [ and { outside strings nest deeper than the limit given: json-glib
   * recurses per level and would overflow the stack. */
  PF_JSON_GUARD_TOO_DEEP,
  /* A second top-level value starts here. json-glib 1.6 accepts "{…}{…}",
   * keeps the last value as the root and leaks the others, so loaders
   * refuse such input as malformed. */
  PF_JSON_GUARD_SEVERAL_DOCUMENTS,
  /* A number (outside strings) does not fit a double. json-glib 1.6 reads
   * 1e999 as infinity and its generator writes that back as "inf.0", which
   * is not JSON: a file saved after loading such input could never be read
   * again. */
  PF_JSON_GUARD_NUMBER_OUT_OF_RANGE,
  /* A string escape JSON does not have, or that does not make text.
   * json-glib 1.6 also takes octal escapes such as \256, and half of a
   * UTF-16 surrogate pair (\ud800 or \udc00 with more text after it), as
   * bytes that are not UTF-8, and writes them back so: a file saved after
   * loading one could never be read again. \u0000 is refused too: the
   * string would silently end there. */
  PF_JSON_GUARD_BAD_ESCAPE,
} PfJsonGuardProblem;

/* Scans @data (@len bytes, no NUL needed) once, for the problems above with
 * nesting limited to @max_depth. Returns the first one in file order (at
 * the same byte, the first in the enum's order), with *@out_line (nullable)
 * set to the 1-based line where it is; or %PF_JSON_GUARD_OK, leaving
 * *@out_line alone. */
PfJsonGuardProblem pf_json_guard_scan (const char *data,
                                       gsize       len,
                                       guint       max_depth,
                                       guint      *out_line);

G_END_DECLS
