/* pf-test-catalog.c: running a test with a translation of the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pf-test-catalog.h"

gboolean
pf_test_with_catalog (const char *lang)
{
  g_autofree char *po_name = g_strconcat (lang, ".po", NULL);
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", po_name, NULL);
  g_autofree char *locale_dir = g_build_filename (g_get_user_cache_dir (), "locale", NULL);
  g_autofree char *messages_dir = g_build_filename (locale_dir, lang, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  int status = 0;

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return FALSE;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return FALSE;
    }
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("the C.UTF-8 locale is missing");
      return FALSE;
    }

  g_assert_cmpint (g_mkdir_with_parents (messages_dir, 0700), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_setenv ("LANGUAGE", lang, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The catalog is live: otherwise a test with it would prove nothing. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Yes"), !=, "Yes");

  return TRUE;
}
