/* pf-cli-timeline.c: the timeline command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-cli-common.h"

int
pf_cli_timeline (const PfCliCommand  *command,
                 int                  argc,
                 char               **argv)
{
  g_autofree char *release = NULL;
  g_autofree char *ics_path = NULL;
  const GOptionEntry entries[] = {
    { "release", 0, 0, G_OPTION_ARG_STRING, &release,
      N_("Planned release date (required)"), N_("YYYY-MM-DD") },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics_path,
      N_("Also write the milestones as an iCalendar file"), N_("FILE.ics") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfTimeline) timeline = NULL;
  g_autoptr(GDateTime) now = NULL;
  GPtrArray *milestones;
  GDate today;
  int days;

  context = pf_cli_context_new (command, _("--release YYYY-MM-DD"), entries,
                                _("The order lets a developer give access for up to 30 days "
                                  "before release; sources differ on whether that is public "
                                  "release or release to other trusted partners. The date to "
                                  "ask for a determination is a suggestion. Set "
                                  "SOURCE_DATE_EPOCH for a reproducible DTSTAMP."));
  if (!pf_cli_parse (context, &argc, &argv, 0, 0))
    return PF_CLI_EXIT_USAGE;
  if (release == NULL)
    return pf_cli_usage_error (_("missing --release YYYY-MM-DD"));

  timeline = pf_timeline_new (release, &error);
  if (timeline == NULL)
    return pf_cli_fail (error);

  milestones = pf_timeline_get_milestones (timeline);
  for (guint i = 0; i < milestones->len; i++)
    {
      const PfMilestone *milestone = g_ptr_array_index (milestones, i);
      char date[16];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &milestone->date);
      g_print ("%s  %s\n            %s\n", date, milestone->title, milestone->description);
    }

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  days = pf_timeline_days_until_release (timeline, &today);
  if (days >= 0)
    g_print (ngettext ("%d day until the release\n", "%d days until the release\n", days), days);
  else
    g_print (ngettext ("The release was %d day ago\n", "The release was %d days ago\n", -days),
             -days);

  if (ics_path != NULL)
    {
      g_autofree char *stamp = pf_cli_dup_timestamp ();
      g_autofree char *seed = g_strconcat ("release:", release, NULL);
      g_autofree char *ics = pf_timeline_to_ics (timeline, seed, stamp);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (ics_path);

      /* 0600: a planned release date is usually confidential. */
      if (!pf_safe_file_replace (file, ics, strlen (ics), 0600, &error))
        {
          g_prefix_error (&error, "%s: ", ics_path);
          return pf_cli_fail (error);
        }
    }

  return PF_CLI_EXIT_OK;
}
