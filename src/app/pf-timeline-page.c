/* pf-timeline-page.c: the release date, the dates PfTimeline derives from
 * it, and Export Calendar….
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-timeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-file-chooser.h"
#include "pf-timeline-page.h"

struct _PfTimelinePage
{
  PfPage        parent_instance;

  PfTimeline   *timeline;   /* (owned) (nullable): none without a release date */

  GtkEditable  *release_row;
  GtkLabel     *error_label;
  GtkWidget    *dates_list;
  AdwActionRow *request_row;
  AdwActionRow *offer_row;
  AdwActionRow *days_row;
  GtkWidget    *export_button;
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (PfTimelinePage, pf_timeline_page, PF_TYPE_PAGE)

static PfAssessment *
get_assessment (PfTimelinePage *self)
{
  return pf_session_get_assessment (pf_page_get_session (PF_PAGE (self)));
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date),
                                                     0, 0, 0);

  /* TRANSLATORS: a milestone date, see g_date_time_format() */
  return g_date_time_format (when, _("%A, %-d %B %Y"));
}

static void
set_date_row (AdwActionRow *row,
              const GDate  *date)
{
  g_autofree char *text = format_date (date);

  adw_action_row_set_subtitle (row, text);
}

/* "12 days", "Release is today", "Released 3 days ago". */
static char *
format_days_until_release (PfTimeline *timeline)
{
  g_autoptr(GDate) today = g_date_new ();
  int days;

  g_date_set_time_t (today, time (NULL));
  days = pf_timeline_days_until_release (timeline, today);
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
  if (days == 0)
    return g_strdup (_("Release is today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Released %d day ago", "Released %d days ago", -days),
                          -days);
}

void
pf_timeline_page_summarize (PfSession    *session,
                            PfPageState  *state,
                            char        **progress_text)
{
  const char *release = pf_assessment_get_release_date (pf_session_get_assessment (session));
  g_autoptr(PfTimeline) timeline = release != NULL ? pf_timeline_new (release, NULL) : NULL;

  *state = timeline != NULL ? PF_PAGE_STATE_COMPLETE : PF_PAGE_STATE_NOT_STARTED;
  *progress_text = timeline != NULL
                   ? format_days_until_release (timeline)
                   : g_strdup (_("No release date"));
}

static void
update (PfTimelinePage *self)
{
  const char *release = pf_assessment_get_release_date (get_assessment (self));

  g_clear_object (&self->timeline);
  if (release != NULL)
    self->timeline = pf_timeline_new (release, NULL);

  /* Keep what the user is typing; show the saved date otherwise. */
  if ((gtk_widget_get_state_flags (GTK_WIDGET (self->release_row)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0
      && !gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    gtk_editable_set_text (self->release_row, release != NULL ? release : "");

  gtk_widget_set_visible (self->dates_list, self->timeline != NULL);
  gtk_widget_set_visible (self->export_button, self->timeline != NULL);
  pf_page_update_summary (PF_PAGE (self), pf_timeline_page_summarize);
  if (self->timeline == NULL)
    return;

  set_date_row (self->request_row, pf_timeline_get_request_determination_by (self->timeline));
  set_date_row (self->offer_row, pf_timeline_get_offer_access_by (self->timeline));
  adw_action_row_set_subtitle (self->days_row, pf_page_get_progress_text (PF_PAGE (self)));
}

static void
show_error (PfTimelinePage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->release_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->release_row), "error");
}

static void
on_release_apply (PfTimelinePage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->release_row)));
  g_autoptr(PfTimeline) check = NULL;
  g_autoptr(GError) error = NULL;

  if (text[0] == '\0')
    {
      show_error (self, NULL);
      pf_assessment_set_release_date (get_assessment (self), NULL);
      return;
    }

  check = pf_timeline_new (text, &error);
  if (check == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  if (g_strcmp0 (text, pf_assessment_get_release_date (get_assessment (self))) != 0)
    pf_assessment_set_release_date (get_assessment (self), text);
}

gboolean
pf_timeline_page_export_ics (PfTimelinePage  *self,
                             GFile           *file,
                             GError         **error)
{
  PfAssessment *assessment;
  g_autofree char *ics = NULL;

  g_return_val_if_fail (PF_IS_TIMELINE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->timeline == NULL)
    {
      g_set_error_literal (error, PF_TIMELINE_ERROR, PF_TIMELINE_ERROR_INVALID_DATE,
                           _("There is no release date yet; enter one first"));
      return FALSE;
    }

  assessment = get_assessment (self);
  /* Stable UIDs and DTSTAMP: exporting twice gives the same file. */
  ics = pf_timeline_to_ics (self->timeline,
                            pf_assessment_get_id (assessment),
                            pf_assessment_get_modified (assessment));

  return pf_safe_file_replace (file, ics, strlen (ics), 0600, error);
}

static void
on_save_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PfTimelinePage) self = user_data;
  g_autoptr(GFile) file = pf_file_chooser_save_finish (result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;

  if (file == NULL || self->timeline == NULL)
    return;

  name = g_file_get_basename (file);
  if (pf_timeline_page_export_ics (self, file, &error))
    status = g_strdup_printf (_("Saved “%s”"), name);
  else
    status = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

  gtk_label_set_text (self->status_label, status);
}

static void
on_export_clicked (PfTimelinePage *self)
{
  const char *model = pf_assessment_get_model_name (get_assessment (self));
  g_autofree char *suggested = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* TRANSLATORS: suggested file name; %s is the model name */
  suggested = g_strdup_printf (_("%s-timeline.ics"),
                               model != NULL && model[0] != '\0' ? model : "preflight");
  g_strdelimit (suggested, "/\\", '-');

  pf_file_chooser_save_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              _("Export Calendar"), suggested, NULL,
                              on_save_chosen, g_object_ref (self));
}

static void
pf_timeline_page_finalize (GObject *object)
{
  PfTimelinePage *self = PF_TIMELINE_PAGE (object);

  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (pf_timeline_page_parent_class)->finalize (object);
}

static void
pf_timeline_page_class_init (PfTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pf_timeline_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, release_row);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, dates_list);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, request_row);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, offer_row);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, days_row);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, PfTimelinePage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_release_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

static void
pf_timeline_page_init (PfTimelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_timeline_page_new (PfSession *session)
{
  PfTimelinePage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  self = g_object_new (PF_TYPE_TIMELINE_PAGE, "session", session, NULL);
  pf_page_set_complete (PF_PAGE (self), TRUE);
  g_signal_connect_object (pf_session_get_assessment (session), "changed",
                           G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}
