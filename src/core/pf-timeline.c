/* pf-timeline.c: milestones from a planned release date, and their .ics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-timeline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-timeline.h"
#include "pf-timeline-private.h"

/* The order lets a developer give access for up to 30 days before release. */
#define ACCESS_WINDOW_DAYS 30
/* Not in the order: our suggestion, which leaves another 30 days to get an
 * answer before access would have to be offered. */
#define REQUEST_LEAD_DAYS 60

/* RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF. */
#define ICS_LINE_OCTETS 75

struct _PfTimeline
{
  GObject    parent_instance;

  GDate      release;
  GDate      offer_access_by;
  GDate      request_determination_by;
  GPtrArray *milestones;   /* (owned) (element-type PfMilestone) */
};

G_DEFINE_TYPE (PfTimeline, pf_timeline, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-timeline-error-quark, pf_timeline_error)

static void
pf_milestone_free (PfMilestone *milestone)
{
  g_free (milestone->id);
  g_free (milestone->title);
  g_free (milestone->description);
  g_free (milestone);
}

static PfMilestone *
pf_milestone_new (const char  *id,
                  const GDate *date,
                  const char  *title,
                  const char  *description)
{
  PfMilestone *milestone = g_new0 (PfMilestone, 1);

  milestone->id = g_strdup (id);
  milestone->date = *date;
  milestone->title = g_strdup (title);
  milestone->description = g_strdup (description);

  return milestone;
}

static void
pf_timeline_finalize (GObject *object)
{
  PfTimeline *self = PF_TIMELINE (object);

  g_clear_pointer (&self->milestones, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_timeline_parent_class)->finalize (object);
}

static void
pf_timeline_class_init (PfTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_timeline_finalize;
}

static void
pf_timeline_init (PfTimeline *self)
{
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_milestone_free);
}

/* Strict YYYY-MM-DD: g_date_set_parse() would accept "1/2/2026" and
 * read it by the locale, which is no good for a file format. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/**
 * pf_timeline_new:
 * @release_date: the planned release, YYYY-MM-DD
 * @error: PF_TIMELINE_ERROR_INVALID_DATE when @release_date is not a date
 *
 * Returns: (transfer full) (nullable): the timeline
 */
PfTimeline *
pf_timeline_new (const char  *release_date,
                 GError     **error)
{
  g_autoptr(PfTimeline) self = NULL;
  GDate release;

  if (!parse_iso_date (release_date, &release))
    {
      g_set_error (error, PF_TIMELINE_ERROR, PF_TIMELINE_ERROR_INVALID_DATE,
                   _("“%s” is not a valid release date; use YYYY-MM-DD, for example 2026-10-01"),
                   release_date != NULL ? release_date : "");
      return NULL;
    }

  /* The earliest milestone must still be a date GDate can hold. */
  if (g_date_get_julian (&release) <= REQUEST_LEAD_DAYS)
    {
      g_set_error (error, PF_TIMELINE_ERROR, PF_TIMELINE_ERROR_INVALID_DATE,
                   _("“%s” is too early for a release date; use a date after the year 1"),
                   release_date);
      return NULL;
    }

  self = g_object_new (PF_TYPE_TIMELINE, NULL);
  self->release = release;
  self->offer_access_by = release;
  g_date_subtract_days (&self->offer_access_by, ACCESS_WINDOW_DAYS);
  self->request_determination_by = release;
  g_date_subtract_days (&self->request_determination_by, REQUEST_LEAD_DAYS);

  /* Added in date order: the lead times above are fixed and decreasing. */
  g_ptr_array_add (self->milestones,
                   pf_milestone_new ("request-determination",
                                     &self->request_determination_by,
                                     _("Ask for an official determination"),
                                     _("Suggested date to ask whether the model is a covered "
                                       "frontier model. It leaves 30 days to get an answer "
                                       "before access would have to be offered.")));
  g_ptr_array_add (self->milestones,
                   pf_milestone_new ("offer-access",
                                     &self->offer_access_by,
                                     _("Last day to offer access"),
                                     _("The latest day the voluntary access window of up to "
                                       "30 days can open and still end by the release.")));
  g_ptr_array_add (self->milestones,
                   pf_milestone_new ("release",
                                     &self->release,
                                     _("Planned release"),
                                     _("The planned release date; public sources differ on "
                                       "whether the 30 days run before public release or "
                                       "before release to other trusted partners, so plan "
                                       "for the earlier one.")));

  return g_steal_pointer (&self);
}

const GDate *
pf_timeline_get_release_date (PfTimeline *self)
{
  g_return_val_if_fail (PF_IS_TIMELINE (self), NULL);

  return &self->release;
}

const GDate *
pf_timeline_get_offer_access_by (PfTimeline *self)
{
  g_return_val_if_fail (PF_IS_TIMELINE (self), NULL);

  return &self->offer_access_by;
}

const GDate *
pf_timeline_get_request_determination_by (PfTimeline *self)
{
  g_return_val_if_fail (PF_IS_TIMELINE (self), NULL);

  return &self->request_determination_by;
}

/**
 * pf_timeline_get_milestones:
 *
 * Returns: (transfer none) (element-type PfMilestone): the milestones by date
 */
GPtrArray *
pf_timeline_get_milestones (PfTimeline *self)
{
  g_return_val_if_fail (PF_IS_TIMELINE (self), NULL);

  return self->milestones;
}

int
pf_timeline_days_until_release (PfTimeline  *self,
                                const GDate *today)
{
  g_return_val_if_fail (PF_IS_TIMELINE (self), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  return g_date_days_between (today, &self->release);
}

/* RFC 5545 §3.3.11 TEXT escaping. */
static void
append_escaped_text (GString    *out,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Appends @line with CRLF, folded so that no physical line exceeds
 * ICS_LINE_OCTETS octets; a fold never falls inside a UTF-8 sequence, so
 * every physical line stays valid UTF-8 on its own. */
static void
append_folded_line (GString    *out,
                    const char *line)
{
  gsize len = strlen (line);
  gsize start = 0;
  gboolean first = TRUE;

  while (len - start > (first ? ICS_LINE_OCTETS : ICS_LINE_OCTETS - 1))
    {
      gsize end = start + (first ? ICS_LINE_OCTETS : ICS_LINE_OCTETS - 1);

      while (end > start && ((guchar) line[end] & 0xC0) == 0x80)
        end--;

      if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + start, (gssize) (end - start));
      g_string_append (out, "\r\n");

      start = end;
      first = FALSE;
    }

  if (!first)
    g_string_append_c (out, ' ');
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

void
pf_timeline_append_ics_text (GString    *out,
                             const char *name,
                             const char *text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_escaped_text (line, text);
  append_folded_line (out, line->str);
}

/* A name-based UUID (version 5 layout over SHA-256), so the same seed and
 * milestone always give the same UID and a re-import updates the events
 * instead of duplicating them. */
static char *
make_uid (const char *seed,
          const char *milestone_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) seed, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) milestone_id, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);

  digest[6] = (digest[6] & 0x0F) | 0x50;
  digest[8] = (digest[8] & 0x3F) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x@preflightapp.github.io",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/**
 * pf_timeline_to_ics:
 * @uid_seed: what makes the UIDs unique to one plan, e.g. the assessment id
 * @dtstamp: ISO 8601 UTC, e.g. the assessment's modified time
 *
 * Returns: (transfer full): the calendar, CRLF line ends
 */
char *
pf_timeline_to_ics (PfTimeline *self,
                    const char *uid_seed,
                    const char *dtstamp)
{
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *stamp = NULL;
  GString *out;

  g_return_val_if_fail (PF_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (uid_seed != NULL, NULL);
  g_return_val_if_fail (dtstamp != NULL, NULL);

  stamp_time = g_date_time_new_from_iso8601 (dtstamp, NULL);
  g_return_val_if_fail (stamp_time != NULL, NULL);
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (stamp_time);
    stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  }

  out = g_string_new (NULL);
  append_folded_line (out, "BEGIN:VCALENDAR");
  append_folded_line (out, "VERSION:2.0");
  append_folded_line (out, "PRODID:-//preflightapp.github.io//Preflight//EN");
  append_folded_line (out, "CALSCALE:GREGORIAN");
  append_folded_line (out, "METHOD:PUBLISH");

  for (guint i = 0; i < self->milestones->len; i++)
    {
      const PfMilestone *milestone = g_ptr_array_index (self->milestones, i);
      g_autofree char *uid = make_uid (uid_seed, milestone->id);
      GDate next = milestone->date;
      char start[16], end[16];
      g_autofree char *line = NULL;

      g_date_add_days (&next, 1);
      g_date_strftime (start, sizeof start, "%Y%m%d", &milestone->date);
      g_date_strftime (end, sizeof end, "%Y%m%d", &next);

      append_folded_line (out, "BEGIN:VEVENT");
      line = g_strconcat ("UID:", uid, NULL);
      append_folded_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strconcat ("DTSTAMP:", stamp, NULL);
      append_folded_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strconcat ("DTSTART;VALUE=DATE:", start, NULL);
      append_folded_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strconcat ("DTEND;VALUE=DATE:", end, NULL);
      append_folded_line (out, line);
      pf_timeline_append_ics_text (out, "SUMMARY", milestone->title);
      pf_timeline_append_ics_text (out, "DESCRIPTION", milestone->description);
      append_folded_line (out, "TRANSP:TRANSPARENT");
      append_folded_line (out, "END:VEVENT");
    }

  append_folded_line (out, "END:VCALENDAR");

  return g_string_free (out, FALSE);
}
