/* pf-review-page.c: sign-offs with their staleness, a form to add one, and
 * the submission history (the receipts of uploads).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-receipt-row.h"
#include "pf-review-page.h"
#include "pf-tooltip.h"

struct _PfReviewPage
{
  PfPage       parent_instance;

  GtkListBox  *signoff_list;
  GtkListBox  *receipt_list;
  GtkEditable *name_row;
  GtkEditable *role_row;
  AdwComboRow *decision_row;
  GtkEditable *comment_row;
  GtkWidget   *sign_button;
};

G_DEFINE_FINAL_TYPE (PfReviewPage, pf_review_page, PF_TYPE_PAGE)

static PfAssessment *
get_assessment (PfReviewPage *self)
{
  return pf_session_get_assessment (pf_page_get_session (PF_PAGE (self)));
}

static char *
format_date (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");

  local = g_date_time_to_local (utc);
  /* TRANSLATORS: date and time of a sign-off, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static GtkWidget *
tag_new (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "pf-tag");
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

static GtkWidget *
signoff_row_new (PfReviewPage    *self,
                 const PfSignoff *signoff)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean stale = pf_assessment_signoff_is_stale (get_assessment (self), signoff);
  g_autofree char *title = g_strdup_printf (_("%s, %s"), signoff->name, signoff->role);
  g_autofree char *date = format_date (signoff->date);
  g_autofree char *subtitle = NULL;
  GtkWidget *tag;

  if (signoff->comment != NULL && signoff->comment[0] != '\0')
    subtitle = g_strdup_printf ("%s\n%s", date, signoff->comment);
  else
    subtitle = g_strdup (date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (signoff->decision == PF_DECISION_APPROVE
                                                           ? "emblem-ok-symbolic"
                                                           : "document-edit-symbolic"));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             signoff->decision == PF_DECISION_APPROVE
                             ? tag_new (_("Approved"), "pf-approved")
                             : tag_new (_("Changes requested"), "pf-changes"));

  if (stale)
    {
      tag = tag_new (_("Stale"), "pf-stale");
      pf_tooltip_set_text (tag, _("The answers or evidence changed after this sign-off; it no longer covers them"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  else
    {
      tag = tag_new (_("Current"), "pf-current");
      pf_tooltip_set_text (tag, _("Nothing changed since this sign-off"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  return row;
}

static void
rebuild_receipts (PfReviewPage *self)
{
  GPtrArray *receipts = pf_assessment_get_receipts (get_assessment (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->receipt_list))) != NULL)
    gtk_list_box_remove (self->receipt_list, child);

  for (guint i = receipts->len; i > 0; i--)
    gtk_list_box_append (self->receipt_list,
                         pf_receipt_row_new (g_ptr_array_index (receipts, i - 1)));

  if (receipts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not submitted"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Bundles submitted from the Export page are listed here "
                                     "with their receipts."));
      gtk_list_box_append (self->receipt_list, row);
    }
}

void
pf_review_page_summarize (PfSession    *session,
                          PfPageState  *state,
                          char        **progress_text)
{
  PfAssessment *assessment = pf_session_get_assessment (session);
  GPtrArray *signoffs = pf_assessment_get_signoffs (assessment);

  *progress_text = NULL;
  *state = signoffs->len > 0 ? PF_PAGE_STATE_NEEDS_REVIEW : PF_PAGE_STATE_NOT_STARTED;
  for (guint i = 0; i < signoffs->len; i++)
    {
      const PfSignoff *signoff = g_ptr_array_index (signoffs, i);

      if (signoff->decision == PF_DECISION_APPROVE
          && !pf_assessment_signoff_is_stale (assessment, signoff))
        {
          *state = PF_PAGE_STATE_COMPLETE;
          return;
        }
    }
}

static void
rebuild (PfReviewPage *self)
{
  GPtrArray *signoffs = pf_assessment_get_signoffs (get_assessment (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->signoff_list))) != NULL)
    gtk_list_box_remove (self->signoff_list, child);

  /* Newest first: that is the one a reader looks for. */
  for (guint i = signoffs->len; i > 0; i--)
    {
      const PfSignoff *signoff = g_ptr_array_index (signoffs, i - 1);

      gtk_list_box_append (self->signoff_list, signoff_row_new (self, signoff));
    }

  if (signoffs->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sign-off yet"));
      gtk_list_box_append (self->signoff_list, row);
    }

  rebuild_receipts (self);

  pf_page_update_summary (PF_PAGE (self), pf_review_page_summarize);
}

static char *
stripped_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
update_sign_button (PfReviewPage *self)
{
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *role = stripped_text (self->role_row);

  gtk_widget_set_sensitive (self->sign_button, name[0] != '\0' && role[0] != '\0');
}

static void
on_sign_clicked (PfReviewPage *self)
{
  g_autoptr(PfSignoff) signoff = pf_signoff_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *comment = stripped_text (self->comment_row);

  signoff->id = g_uuid_string_random ();
  signoff->name = stripped_text (self->name_row);
  signoff->role = stripped_text (self->role_row);
  signoff->date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  signoff->decision = adw_combo_row_get_selected (self->decision_row) == 1
                      ? PF_DECISION_CHANGES_REQUESTED : PF_DECISION_APPROVE;
  signoff->comment = comment[0] != '\0' ? g_steal_pointer (&comment) : NULL;

  if (signoff->name[0] == '\0' || signoff->role[0] == '\0')
    return;

  pf_assessment_add_signoff (get_assessment (self), signoff);
  gtk_editable_set_text (self->comment_row, "");
}

static void
pf_review_page_class_init (PfReviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, signoff_list);
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, receipt_list);
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, comment_row);
  gtk_widget_class_bind_template_child (widget_class, PfReviewPage, sign_button);
  gtk_widget_class_bind_template_callback (widget_class, update_sign_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_clicked);
}

static void
pf_review_page_init (PfReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_review_page_new (PfSession *session)
{
  PfReviewPage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  self = g_object_new (PF_TYPE_REVIEW_PAGE, "session", session, NULL);
  pf_page_set_complete (PF_PAGE (self), TRUE);
  /* Any change can make a sign-off stale. */
  g_signal_connect_object (pf_session_get_assessment (session), "changed",
                           G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
