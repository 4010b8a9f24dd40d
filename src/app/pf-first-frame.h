/* pf-first-frame.h: start-up measurement hook for bench/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When PREFLIGHT_BENCH_FIRST_FRAME is set, prints "first-frame-ms N" (the
 * time from process start to the end of the first window's first paint, to
 * the kernel's 10 ms clock ticks) and "first-frame-boottime S" (that end on
 * CLOCK_BOOTTIME, in seconds to the microsecond, for a caller that noted
 * when it started the process) on stdout and exits. Otherwise does
 * nothing. Shared by `preflight` and bench/bare-window.c so both are
 * measured the same way. */
void pf_first_frame_watch (GtkApplication *app);

G_END_DECLS
