/* pf-test-catalog.h: running a test with a translation of the app, for the
 * tests that check what is translated and what stays English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Compiles po/@lang.po into the user's cache folder and makes it the
 * process's catalog: the C.UTF-8 locale (which honours LANGUAGE, as plain C
 * does not, so no other locale need be installed) and LANGUAGE=@lang. Call
 * it in a subprocess (g_test_trap_subprocess()): the locale must not leak
 * into other tests. Returns FALSE, with the test skipped, when msgfmt or
 * the C.UTF-8 locale is missing. */
gboolean pf_test_use_catalog (const char *lang);

G_END_DECLS
