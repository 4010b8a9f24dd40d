/* pf-first-frame.c: start-up measurement hook for bench/run: reports when
 * the first window has painted its first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-first-frame"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "pf-first-frame.h"

/* Milliseconds from when the kernel started this process to @now (seconds
 * on CLOCK_BOOTTIME). /proc/self/stat field 22 counts clock ticks since
 * boot, so it includes exec, the dynamic linker and library constructors
 * that run before main(). */
static double
ms_since_process_start (double now)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;

  /* The command name (field 2) may hold spaces: skip past its ')'. */
  fields = strrchr (stat, ')');
  if (fields == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
              "%*d %*d %llu", &start_ticks) != 1)
    return -1;

  return (now - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  struct timespec now;
  double seconds;

  clock_gettime (CLOCK_BOOTTIME, &now);
  seconds = now.tv_sec + now.tv_nsec / 1e9;
  printf ("first-frame-ms %.1f\n", ms_since_process_start (seconds));
  printf ("first-frame-boottime %.6f\n", seconds);
  fflush (stdout);
  /* Leave at once: the measurement is done and nothing must be saved. */
  _exit (0);
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  /* Only the first window counts. */
  g_signal_handlers_disconnect_by_func (app, window_added_cb, user_data);
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
}

void
pf_first_frame_watch (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (g_getenv ("PREFLIGHT_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}
