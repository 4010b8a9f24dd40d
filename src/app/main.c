/* main.c: entry point of the Preflight desktop app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pf-application.h"
#include "pf-first-frame.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PfApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pf_application_new ();
  /* bench/run: PREFLIGHT_BENCH_FIRST_FRAME=1 reports the start-up time. */
  pf_first_frame_watch (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
