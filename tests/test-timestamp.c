/* test-timestamp.c: the ISO 8601 UTC timestamps of Preflight's documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "preflight.h"

static void
test_format_utc (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (-5 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (zone, 2026, 11, 25, 23, 16, 22.75);
  g_autofree char *text = pf_timestamp_format (local);

  /* Converted to UTC, whole seconds, "Z". */
  g_assert_cmpstr (text, ==, "2026-11-26T04:16:22Z");
}

static void
test_now_round_trip (void)
{
  g_autofree char *text = pf_timestamp_now ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (parsed);
  g_assert_cmpuint (strlen (text), ==, strlen ("2026-11-26T04:16:22Z"));
  g_assert_true (g_str_has_suffix (text, "Z"));
  g_assert_cmpint (g_date_time_difference (now, parsed), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, parsed), <, 60 * G_TIME_SPAN_SECOND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/timestamp/format-utc", test_format_utc);
  g_test_add_func ("/core/timestamp/now-round-trip", test_now_round_trip);

  return g_test_run ();
}
