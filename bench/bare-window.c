/* bare-window.c: the reference for the start-up budget (DESIGN.md §8): a
 * bare libadwaita window, measured by the same hook as `preflight`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pf-first-frame.h"

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size the app opens at (its GSettings defaults). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.preflightapp.Preflight.BenchBareWindow",
                             G_APPLICATION_DEFAULT_FLAGS);
  pf_first_frame_watch (GTK_APPLICATION (app));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
