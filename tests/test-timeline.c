/* test-timeline.c: milestone dates and the .ics calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "preflight.h"
#include "pf-timeline-private.h"

static char *
format_date (const GDate *date)
{
  char buf[16];

  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

typedef struct {
  const char *release;
  const char *offer_access_by;
  const char *request_determination_by;
} DateCase;

static void
test_dates (void)
{
  /* Leap days, month ends, year and century boundaries. */
  static const DateCase cases[] = {
    { "2026-10-01", "2026-09-01", "2026-08-02" },
    { "2028-03-30", "2028-02-29", "2028-01-30" },
    { "2027-03-30", "2027-02-28", "2027-01-29" },
    { "2024-03-01", "2024-01-31", "2024-01-01" },
    { "2026-03-31", "2026-03-01", "2026-01-30" },
    { "2027-01-15", "2026-12-16", "2026-11-16" },
    { "2000-03-01", "2000-01-31", "2000-01-01" },
    { "2100-03-01", "2100-01-30", "2099-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfTimeline) timeline = pf_timeline_new (cases[i].release, &error);

      g_assert_no_error (error);
      assert_date (pf_timeline_get_release_date (timeline), cases[i].release);
      assert_date (pf_timeline_get_offer_access_by (timeline), cases[i].offer_access_by);
      assert_date (pf_timeline_get_request_determination_by (timeline),
                   cases[i].request_determination_by);
    }
}

static void
test_milestones (void)
{
  static const char *ids[] = { "request-determination", "offer-access", "release" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PfTimeline) timeline = pf_timeline_new ("2026-10-01", &error);
  GPtrArray *milestones;

  g_assert_no_error (error);
  milestones = pf_timeline_get_milestones (timeline);
  g_assert_cmpuint (milestones->len, ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < milestones->len; i++)
    {
      const PfMilestone *milestone = g_ptr_array_index (milestones, i);

      g_assert_cmpstr (milestone->id, ==, ids[i]);
      g_assert_true (g_utf8_strlen (milestone->title, -1) > 0);
      g_assert_true (g_utf8_strlen (milestone->description, -1) > 0);
      if (i > 0)
        {
          const PfMilestone *previous = g_ptr_array_index (milestones, i - 1);

          g_assert_cmpint (g_date_compare (&previous->date, &milestone->date), <, 0);
        }
    }

  assert_date (&((PfMilestone *) g_ptr_array_index (milestones, 0))->date, "2026-08-02");
  assert_date (&((PfMilestone *) g_ptr_array_index (milestones, 1))->date, "2026-09-01");
  assert_date (&((PfMilestone *) g_ptr_array_index (milestones, 2))->date, "2026-10-01");
}

static void
test_days_until_release (void)
{
  g_autoptr(PfTimeline) timeline = pf_timeline_new ("2028-03-01", NULL);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2028);
  g_assert_cmpint (pf_timeline_days_until_release (timeline, &today), ==, 0);
  g_date_set_dmy (&today, 1, G_DATE_FEBRUARY, 2028);
  g_assert_cmpint (pf_timeline_days_until_release (timeline, &today), ==, 29);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2027);
  g_assert_cmpint (pf_timeline_days_until_release (timeline, &today), ==, 366);
  g_date_set_dmy (&today, 3, G_DATE_MARCH, 2028);
  g_assert_cmpint (pf_timeline_days_until_release (timeline, &today), ==, -2);
}

static void
test_invalid (void)
{
  static const char *bad[] = {
    "2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
    "", "2026-1-01", "01/10/2026", "2026-10-01x", " 2026-10-01", "abcd-ef-gh",
    "2026/10/01", "0000-01-01", "0001-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PfTimeline) timeline = pf_timeline_new (bad[i], &error);

      g_assert_null (timeline);
      g_assert_error (error, PF_TIMELINE_ERROR, PF_TIMELINE_ERROR_INVALID_DATE);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* Splits at CRLF, checking the physical lines, and unfolds them. */
static GPtrArray *
unfold_ics (const char *ics)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  physical = g_strsplit (ics, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = physical[i];

      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));

      if (line[0] == ' ')
        {
          g_assert_cmpuint (lines->len, >, 0);
          {
            char *joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1),
                                        line + 1, NULL);
            g_free (g_ptr_array_index (lines, lines->len - 1));
            g_ptr_array_index (lines, lines->len - 1) = joined;
          }
        }
      else
        {
          g_assert_cmpuint (strlen (line), >, 0);
          g_ptr_array_add (lines, g_strdup (line));
        }
    }

  return g_steal_pointer (&lines);
}

static char *
unescape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          /* An unescaped separator would end the value early. */
          g_assert_true (*p != ';' && *p != ',');
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case '\\': case ';': case ',':
          g_string_append_c (out, *p);
          break;
        case 'n': case 'N':
          g_string_append_c (out, '\n');
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

static const char *
value_of (const char *line,
          const char *name)
{
  gsize len = strlen (name);

  if (strncmp (line, name, len) == 0 && line[len] == ':')
    return line + len + 1;
  return NULL;
}

static void
test_ics_structure (void)
{
  static const struct {
    const char *release;
    const char *starts[3];
    const char *release_end;
  } cases[] = {
    { "2026-10-01", { "20260802", "20260901", "20261001" }, "20261002" },
    { "2028-02-28", { "20271230", "20280129", "20280228" }, "20280229" },
    { "2026-12-31", { "20261101", "20261201", "20261231" }, "20270101" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PfTimeline) timeline = pf_timeline_new (cases[c].release, NULL);
      g_autofree char *ics = pf_timeline_to_ics (timeline, "seed", "2026-11-26T04:16:22Z");
      g_autoptr(GPtrArray) lines = unfold_ics (ics);
      g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
      GPtrArray *milestones = pf_timeline_get_milestones (timeline);
      gboolean in_event = FALSE;
      guint events = 0;
      guint props = 0;

      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
      g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
      g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "VERSION:2.0");

      for (guint i = 1; i + 1 < lines->len; i++)
        {
          const char *line = g_ptr_array_index (lines, i);
          const PfMilestone *milestone = events > 0 && events <= milestones->len
                                         ? g_ptr_array_index (milestones, events - 1) : NULL;
          const char *value;

          if (g_str_equal (line, "BEGIN:VEVENT"))
            {
              g_assert_false (in_event);
              in_event = TRUE;
              events++;
              props = 0;
              continue;
            }
          if (g_str_equal (line, "END:VEVENT"))
            {
              g_assert_true (in_event);
              /* UID, DTSTAMP, DTSTART, DTEND, SUMMARY, DESCRIPTION */
              g_assert_cmpuint (props, ==, 6);
              in_event = FALSE;
              continue;
            }
          if (!in_event)
            {
              g_assert_true (value_of (line, "VERSION") || value_of (line, "PRODID") ||
                             value_of (line, "CALSCALE") || value_of (line, "METHOD"));
              if ((value = value_of (line, "CALSCALE")))
                g_assert_cmpstr (value, ==, "GREGORIAN");
              if ((value = value_of (line, "PRODID")))
                g_assert_true (strlen (value) > 0);
              continue;
            }

          g_assert_nonnull (milestone);
          if ((value = value_of (line, "UID")))
            {
              g_assert_true (g_str_has_suffix (value, "@preflightapp.github.io"));
              g_assert_cmpuint (strlen (value), ==, 36 + strlen ("@preflightapp.github.io"));
              g_assert_true (g_hash_table_add (uids, (gpointer) value));
              props++;
            }
          else if ((value = value_of (line, "DTSTAMP")))
            {
              g_assert_cmpstr (value, ==, "20261126T041622Z");
              props++;
            }
          else if ((value = value_of (line, "DTSTART;VALUE=DATE")))
            {
              g_assert_cmpstr (value, ==, cases[c].starts[events - 1]);
              props++;
            }
          else if ((value = value_of (line, "DTEND;VALUE=DATE")))
            {
              if (events == 3)
                g_assert_cmpstr (value, ==, cases[c].release_end);
              g_assert_cmpstr (value, >, cases[c].starts[events - 1]);
              props++;
            }
          else if ((value = value_of (line, "SUMMARY")))
            {
              g_autofree char *text = unescape_text (value);

              g_assert_cmpstr (text, ==, milestone->title);
              props++;
            }
          else if ((value = value_of (line, "DESCRIPTION")))
            {
              g_autofree char *text = unescape_text (value);

              g_assert_cmpstr (text, ==, milestone->description);
              props++;
            }
          else
            {
              g_assert_cmpstr (line, ==, "TRANSP:TRANSPARENT");
            }
        }

      g_assert_false (in_event);
      g_assert_cmpuint (events, ==, 3);
    }
}

static void
test_ics_deterministic (void)
{
  g_autoptr(PfTimeline) timeline = pf_timeline_new ("2026-10-01", NULL);
  g_autofree char *a = pf_timeline_to_ics (timeline, "seed-1", "2026-11-26T04:16:22Z");
  g_autofree char *b = pf_timeline_to_ics (timeline, "seed-1", "2026-11-26T04:16:22Z");
  g_autofree char *c = pf_timeline_to_ics (timeline, "seed-2", "2026-11-26T04:16:22Z");
  /* The same instant in another zone gives the same UTC stamp. */
  g_autofree char *d = pf_timeline_to_ics (timeline, "seed-1", "2026-11-26T06:16:22+02:00");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, ==, d);
  g_assert_nonnull (strstr (a, "\r\nDTSTAMP:20261126T041622Z\r\n"));
}

static void
test_ics_escaping (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  pf_timeline_append_ics_text (out, "SUMMARY", "a\\b;c,d\ne\r\nf");
  g_assert_cmpstr (out->str, ==, "SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\r\n");
}

static void
test_ics_folding (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *expected = NULL;
  const char *first_end;

  /* "X:" then 2-octet characters: octet 75 falls inside one, so the first
   * line must stop at 74. Then 3-octet and 4-octet characters. */
  for (guint i = 0; i < 60; i++)
    g_string_append (text, "é");
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "€");
  for (guint i = 0; i < 30; i++)
    g_string_append (text, "𝄞");

  pf_timeline_append_ics_text (out, "X", text->str);

  first_end = strstr (out->str, "\r\n");
  g_assert_cmpint (first_end - out->str, ==, 74);

  lines = unfold_ics (out->str);
  g_assert_cmpuint (lines->len, ==, 1);
  expected = g_strconcat ("X:", text->str, NULL);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, expected);

  /* Exactly 75 octets stays on one line. */
  g_string_truncate (out, 0);
  g_string_truncate (text, 0);
  for (guint i = 0; i < 73; i++)
    g_string_append_c (text, 'a');
  pf_timeline_append_ics_text (out, "X", text->str);
  g_assert_cmpuint (out->len, ==, 77);

  g_string_truncate (out, 0);
  g_string_append_c (text, 'a');
  pf_timeline_append_ics_text (out, "X", text->str);
  g_assert_true (g_str_has_suffix (out->str, "\r\n a\r\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/timeline/dates", test_dates);
  g_test_add_func ("/core/timeline/milestones", test_milestones);
  g_test_add_func ("/core/timeline/days-until-release", test_days_until_release);
  g_test_add_func ("/core/timeline/invalid", test_invalid);
  g_test_add_func ("/core/timeline/ics-structure", test_ics_structure);
  g_test_add_func ("/core/timeline/ics-deterministic", test_ics_deterministic);
  g_test_add_func ("/core/timeline/ics-escaping", test_ics_escaping);
  g_test_add_func ("/core/timeline/ics-folding", test_ics_folding);

  return g_test_run ();
}
