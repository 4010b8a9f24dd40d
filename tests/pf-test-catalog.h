/* pf-test-catalog.h: running a test with a translation of the app, for the
 * tests that check what is translated and what stays English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the current test again in a subprocess (the locale and LANGUAGE
 * must not leak into other tests) with po/@lang.po as its catalog:
 * compiled into the user's cache folder, with the C.UTF-8 locale (which
 * honours LANGUAGE, as plain C does not, so no other locale need be
 * installed) and LANGUAGE=@lang. A test starts with
 *
 *   if (!pf_test_with_catalog ("de"))
 *     return;
 *
 * TRUE in the subprocess, with the catalog live. FALSE in the test's own
 * process, once the subprocess has passed; and FALSE, with the test
 * skipped, when msgfmt or the C.UTF-8 locale is missing. */
gboolean pf_test_with_catalog (const char *lang);

G_END_DECLS
