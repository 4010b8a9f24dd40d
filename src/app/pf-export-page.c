/* pf-export-page.c: the bundle's marking, a summary of what goes into it and
 * what to look at first, Export Bundle… with progress and Cancel, and
 * Submit…, which uploads a verified bundle only after the user confirmed the
 * endpoint, the size and the marking in a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-export-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-export-page.h"
#include "pf-file-chooser.h"
#include "pf-plain-row.h"
#include "pf-receipt-row.h"
#include "pf-transfer.h"

/* manifest.json, SHA256SUMS, assessment.json, determination.json,
 * report.html, report.pdf and oscal/assessment-results.json. */
#define N_GENERATED_FILES 7

struct _PfExportPage
{
  PfPage           parent_instance;

  GSettings       *settings;         /* (owned) */
  GCancellable    *cancellable;      /* (owned) (nullable): the running work */
  GFile           *destination;      /* (owned) (nullable): of the running export */
  GFile           *exported;         /* (owned) (nullable) */
  GFile           *submit_bundle;    /* (owned) (nullable): of the running submission */
  char            *submit_endpoint;  /* (owned) (nullable): the endpoint the user confirmed */
  const char      *outcome_class;    /* (unowned) static string */
  gboolean         disposed;         /* async results arriving late touch no widget */

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *marking_row;
  GtkLabel        *outcome_badge;
  AdwActionRow    *files_row;
  AdwActionRow    *size_row;
  GtkWidget       *warnings_group;
  GtkListBox      *warnings_list;
  GtkWidget       *progress_box;
  GtkProgressBar  *progress_bar;
  GtkWidget       *result_group;
  AdwActionRow    *exported_row;
  GtkWidget       *receipt_row;      /* (nullable): of the last submission */
  GtkLabel        *files_count;
};

G_DEFINE_FINAL_TYPE (PfExportPage, pf_export_page, PF_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PfAssessment *
get_assessment (PfExportPage *self)
{
  return pf_session_get_assessment (pf_page_get_session (PF_PAGE (self)));
}

static GtkWindow *
get_window (PfExportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (PfExportPage *self,
            const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Failures that stop the work get a dialog: they need reading. */
static void
show_error (PfExportPage *self,
            const char   *heading,
            const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The transfer module loads at the first export or submission, not with
 * the page: it is only then that its libraries are needed. NULL, after
 * showing why, when it does not load. */
static const PfTransferFunctions *
get_transfer (PfExportPage *self,
              const char   *heading)
{
  g_autoptr(GError) error = NULL;
  const PfTransferFunctions *transfer = pf_transfer_get (&error);

  if (transfer == NULL)
    show_error (self, heading, error->message);

  return transfer;
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_CANCELLED)
         || g_error_matches (error, pf_transfer_loaded ()->submission_error_quark (),
                             PF_SUBMISSION_ERROR_CANCELLED);
}

/* Summary */

static GtkWidget *
warning_row_new (const char *title,
                 const char *subtitle,
                 const char *page_name,
                 gboolean    blocking)
{
  GtkWidget *row = pf_plain_row_new (title, subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (blocking ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, blocking ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  /* The assessment view's action: the row leads to where it is fixed. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "view.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", page_name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static guint
count_open_critical (PfExportPage *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  PfDetermination *determination = pf_session_get_determination (session);
  GPtrArray *questions = pf_criteria_pack_get_questions (pf_session_get_pack (session));
  guint n = 0;

  for (guint i = 0; i < questions->len; i++)
    {
      PfQuestion *question = g_ptr_array_index (questions, i);
      PfAnswer *answer;

      if (!pf_question_get_critical (question)
          || pf_determination_get_applicability (determination, question) == PF_TRUTH_FALSE)
        continue;

      answer = pf_assessment_get_answer (get_assessment (self), pf_question_get_id (question));
      if (answer == NULL || !pf_answer_is_answered (answer))
        n++;
    }

  return n;
}

static void
update_summary (PfExportPage *self)
{
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  PfAssessment *assessment = get_assessment (self);
  PfOutcome outcome = pf_determination_get_outcome (pf_session_get_determination (session));
  GPtrArray *evidence = pf_assessment_get_evidence (assessment);
  GPtrArray *signoffs = pf_assessment_get_signoffs (assessment);
  guint64 evidence_size = 0;
  guint n_missing = 0, n_stale = 0, n_critical;
  g_autofree char *count = NULL;
  g_autofree char *files = NULL;
  g_autofree char *size = NULL;
  g_autofree char *size_text = NULL;
  GtkWidget *child;

  if (self->outcome_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_badge), self->outcome_class);
  /* The JSON spellings double as the CSS classes of style.css. */
  self->outcome_class = pf_outcome_to_string (outcome);
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_badge), self->outcome_class);
  gtk_label_set_text (self->outcome_badge, pf_outcome_get_label (outcome));

  for (guint i = 0; i < evidence->len; i++)
    {
      const PfEvidenceItem *item = g_ptr_array_index (evidence, i);

      evidence_size += item->size;
      if (!pf_evidence_store_contains (pf_session_get_evidence_store (session),
                                       item->sha256, item->size))
        n_missing++;
    }

  count = g_strdup_printf ("%u", N_GENERATED_FILES + evidence->len);
  gtk_label_set_text (self->files_count, count);
  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Manifest, checksums, assessment, determination, HTML "
                                        "and PDF reports, OSCAL results and %u evidence file",
                                        "Manifest, checksums, assessment, determination, HTML "
                                        "and PDF reports, OSCAL results and %u evidence files",
                                        evidence->len),
                           evidence->len);
  adw_action_row_set_subtitle (self->files_row, files);

  size = g_format_size (evidence_size);
  /* Translators: %s is a size such as "12.3 MB" */
  size_text = g_strdup_printf (_("%s, plus the reports Preflight generates"), size);
  adw_action_row_set_subtitle (self->size_row, size_text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  if (n_missing > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u evidence file is missing",
                                                             "%u evidence files are missing",
                                                             n_missing),
                                                n_missing);

      gtk_list_box_append (self->warnings_list,
                           warning_row_new (title,
                                            _("The export fails until you attach it again or "
                                              "remove it on the Evidence page."),
                                            "evidence", TRUE));
    }

  n_critical = count_open_critical (self);
  if (n_critical > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u critical question is unanswered or unknown",
                                                             "%u critical questions are unanswered or unknown",
                                                             n_critical),
                                                n_critical);

      gtk_list_box_append (self->warnings_list,
                           warning_row_new (title,
                                            _("While one is open, the draft outcome cannot be "
                                              "“likely not covered”."),
                                            "determination", FALSE));
    }

  for (guint i = 0; i < signoffs->len; i++)
    {
      if (pf_assessment_signoff_is_stale (assessment, g_ptr_array_index (signoffs, i)))
        n_stale++;
    }

  if (signoffs->len == 0)
    {
      gtk_list_box_append (self->warnings_list,
                           warning_row_new (_("No sign-off yet"),
                                            _("The bundle will record that nobody reviewed "
                                              "this assessment."),
                                            "review", FALSE));
    }
  else if (n_stale > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u sign-off is stale",
                                                             "%u sign-offs are stale",
                                                             n_stale),
                                                n_stale);

      gtk_list_box_append (self->warnings_list,
                           warning_row_new (title,
                                            _("The answers or evidence changed after it was "
                                              "given; ask for a new sign-off."),
                                            "review", FALSE));
    }

  gtk_widget_set_visible (self->warnings_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list)) != NULL);
}

/* Work in progress */

static void
update_actions (PfExportPage *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.submit", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.open-folder", self->exported != NULL);
}

static void
begin_work (PfExportPage *self,
            const char   *text)
{
  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  /* The bundle, and the receipt an upload adds, belong to this version. */
  pf_session_hold (pf_page_get_session (PF_PAGE (self)));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (self->progress_box, TRUE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
end_work (PfExportPage *self)
{
  g_clear_object (&self->cancellable);
  pf_session_release (pf_page_get_session (PF_PAGE (self)));
  gtk_widget_set_visible (self->progress_box, FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  PfExportPage *self = user_data;

  if (self->disposed || total <= 0)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP ((double) current / total, 0.0, 1.0));
}

/* Export */

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PfExportPage) self = user_data;
  g_autoptr(GFile) destination = g_steal_pointer (&self->destination);
  g_autoptr(GError) error = NULL;
  const PfTransferFunctions *transfer = pf_transfer_loaded ();
  AdwToast *toast;

  if (!transfer->bundle_writer_write_finish ((PfBundleWriter *) object, result, &error))
    {
      if (self->disposed)
        return;
      end_work (self);
      if (is_cancelled (error))
        show_toast (self, _("Export cancelled"));
      else
        show_error (self, _("Export Failed"), error->message);
      return;
    }

  g_set_object (&self->exported, destination);
  if (self->disposed)
    return;
  end_work (self);

  pf_page_set_state (PF_PAGE (self), PF_PAGE_STATE_COMPLETE);
  adw_action_row_set_subtitle (self->exported_row, g_file_peek_path (destination));
  gtk_widget_set_visible (GTK_WIDGET (self->exported_row), TRUE);
  gtk_widget_set_visible (self->result_group, TRUE);

  toast = adw_toast_new (_("Bundle exported"));
  adw_toast_set_button_label (toast, _("Open Folder"));
  adw_toast_set_action_name (toast, "export.open-folder");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
pf_export_page_export_to (PfExportPage *self,
                          GFile        *destination)
{
  PfSession *session;
  g_autoptr(PfBundleWriter) writer = NULL;
  const PfTransferFunctions *transfer;

  g_return_if_fail (PF_IS_EXPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->cancellable != NULL)
    return;
  transfer = get_transfer (self, _("Export Failed"));
  if (transfer == NULL)
    return;

  session = pf_page_get_session (PF_PAGE (self));
  writer = transfer->bundle_writer_new (get_assessment (self),
                                        pf_session_get_evidence_store (session),
                                        pf_assessment_get_marking (get_assessment (self)));
  g_set_object (&self->destination, destination);
  begin_work (self, _("Exporting and verifying…"));
  transfer->bundle_writer_write_async (writer, destination, self->cancellable,
                                       on_progress, self,
                                       on_exported, g_object_ref (self));
}

static void
on_destination_chosen (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PfExportPage) self = user_data;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) error = NULL;

  destination = pf_file_chooser_save_finish (result, &error);
  if (destination == NULL)
    {
      if (!self->disposed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Export Failed"), error->message);
      return;
    }

  if (!self->disposed)
    pf_export_page_export_to (self, destination);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfExportPage *self = PF_EXPORT_PAGE (widget);
  PfSession *session = pf_page_get_session (PF_PAGE (self));
  g_autoptr(PfBundleWriter) writer = NULL;
  g_autofree char *name = NULL;
  const PfTransferFunctions *transfer = get_transfer (self, _("Export Failed"));

  if (transfer == NULL)
    return;

  writer = transfer->bundle_writer_new (get_assessment (self),
                                        pf_session_get_evidence_store (session),
                                        pf_assessment_get_marking (get_assessment (self)));
  name = transfer->bundle_writer_suggest_name (writer);
  pf_file_chooser_save_async (get_window (self), _("Export Bundle"), name, NULL,
                              on_destination_chosen, g_object_ref (self));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PfExportPage *self = PF_EXPORT_PAGE (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->exported == NULL)
    return;

  folder = g_file_get_parent (self->exported);
  uri = g_file_get_uri (folder);
  gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfExportPage *self = PF_EXPORT_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Submission */

static void
on_retrying (PfSubmission *submission,
             guint         attempt,
             double        delay_seconds,
             PfExportPage *self)
{
  g_autofree char *text = NULL;

  if (self->disposed)
    return;

  /* Translators: %.0f is a number of seconds, %u the attempt that failed */
  text = g_strdup_printf (_("Retrying in %.0f s (attempt %u failed)…"), delay_seconds, attempt);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
}

static void
on_submitted (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PfExportPage) self = user_data;
  g_autoptr(PfReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  const PfTransferFunctions *transfer = pf_transfer_loaded ();
  g_signal_handlers_disconnect_by_func (object, on_retrying, self);
  g_clear_object (&self->submit_bundle);
  g_clear_pointer (&self->submit_endpoint, g_free);

  receipt = transfer->submission_submit_finish ((PfSubmission *) object, result, &error);
  if (receipt == NULL)
    {
      if (self->disposed)
        return;
      end_work (self);
      if (is_cancelled (error))
        show_toast (self, _("Submission cancelled; nothing was recorded"));
      else
        show_error (self, _("Submission Failed"), error->message);
      return;
    }

  /* The session's autosave writes it to the assessment file. */
  pf_assessment_add_receipt (get_assessment (self), receipt);
  if (self->disposed)
    return;
  end_work (self);

  if (self->receipt_row != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->result_group), self->receipt_row);
  self->receipt_row = pf_receipt_row_new (receipt);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->result_group), self->receipt_row);
  gtk_widget_set_visible (self->result_group, TRUE);
  show_toast (self, _("Bundle submitted; the receipt is on the Review page"));
}

static void
on_token (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PfExportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *client_cert = NULL;
  g_autoptr(PfSubmission) submission = NULL;
  const PfTransferFunctions *transfer = pf_transfer_loaded ();

  token = transfer->token_store_lookup_finish (result, &error);
  if (self->disposed)
    return;
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->submit_bundle);
      g_clear_pointer (&self->submit_endpoint, g_free);
      end_work (self);
      show_toast (self, _("Submission cancelled; nothing was recorded"));
      return;
    }
  /* Without a keyring the upload goes without a token; an endpoint that
   * needs one answers 401, which the failure dialog reports. */
  if (error != NULL)
    g_debug ("No token for %s: %s", self->submit_endpoint, error->message);

  submission = transfer->submission_new (self->submit_bundle, self->submit_endpoint);
  ca_file = g_settings_get_string (self->settings, "submission-ca-file");
  if (ca_file[0] != '\0')
    transfer->submission_set_ca_file (submission, ca_file);
  client_cert = g_settings_get_string (self->settings, "submission-client-cert");
  if (client_cert[0] != '\0')
    transfer->submission_set_client_certificate (submission, client_cert);
  if (token != NULL)
    transfer->submission_set_token (submission, token);

  g_signal_connect (submission, "retrying", G_CALLBACK (on_retrying), self);
  gtk_progress_bar_set_text (self->progress_bar, _("Uploading…"));
  transfer->submission_submit_async (submission, self->cancellable,
                                     on_progress, self,
                                     on_submitted, g_object_ref (self));
}

static void
on_submit_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PfExportPage     *self)
{
  if (self->cancellable != NULL)
    return;

  g_set_object (&self->submit_bundle, g_object_get_data (G_OBJECT (dialog), "bundle"));
  g_free (self->submit_endpoint);
  self->submit_endpoint = g_strdup (g_object_get_data (G_OBJECT (dialog), "endpoint"));

  begin_work (self, _("Connecting…"));
  pf_transfer_loaded ()->token_store_lookup_async (self->submit_endpoint, self->cancellable,
                                                   on_token, g_object_ref (self));
}

static void
confirm_submission (PfExportPage *self,
                    GFile        *bundle,
                    const char   *endpoint,
                    PfMarking     marking)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (bundle);
  g_autofree char *size = NULL;
  GtkWidget *dialog;

  info = g_file_query_info (bundle, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    {
      show_error (self, _("The Bundle Cannot Be Submitted"), error->message);
      return;
    }
  size = g_format_size (g_file_info_get_size (info));

  dialog = adw_message_dialog_new (get_window (self), _("Submit the Bundle?"), NULL);
  /* Translators: bundle file name, its size, its marking, then the endpoint URL */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” (%s, marking: %s) will be uploaded to\n\n%s\n\n"
                                    "Submit only if you mean to share it with whoever runs "
                                    "this endpoint."),
                                  name, size, pf_marking_get_label (marking), endpoint);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bundle", g_object_ref (bundle), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "endpoint", g_strdup (endpoint), g_free);
  g_signal_connect_object (dialog, "response::submit",
                           G_CALLBACK (on_submit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_submit_verified (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PfExportPage) self = user_data;
  PfBundleReader *reader = (PfBundleReader *) object;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  PfMarking marking = PF_MARKING_NONE;
  JsonObject *manifest;
  const PfTransferFunctions *transfer = pf_transfer_loaded ();

  if (!transfer->bundle_reader_verify_finish (reader, result, &error))
    {
      if (self->disposed)
        return;
      end_work (self);
      if (!is_cancelled (error))
        show_error (self, _("The Bundle Cannot Be Submitted"), error->message);
      return;
    }

  if (self->disposed)
    return;
  end_work (self);

  manifest = json_node_get_object (transfer->bundle_reader_get_manifest (reader));
  pf_marking_from_string (json_object_get_string_member_with_default (manifest, "marking", ""),
                          &marking);
  endpoint = g_settings_get_string (self->settings, "submission-endpoint");
  confirm_submission (self, transfer->bundle_reader_get_file (reader), endpoint, marking);
}

void
pf_export_page_submit (PfExportPage *self,
                       GFile        *bundle)
{
  g_autofree char *endpoint = NULL;
  g_autoptr(PfBundleReader) reader = NULL;
  const PfTransferFunctions *transfer;

  g_return_if_fail (PF_IS_EXPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (bundle));

  if (self->cancellable != NULL)
    return;

  endpoint = g_settings_get_string (self->settings, "submission-endpoint");
  if (endpoint[0] == '\0')
    {
      AdwToast *toast = adw_toast_new (_("No submission endpoint is set"));

      adw_toast_set_button_label (toast, _("Preferences"));
      adw_toast_set_action_name (toast, "app.preferences");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  transfer = get_transfer (self, _("The Bundle Cannot Be Submitted"));
  if (transfer == NULL)
    return;

  reader = transfer->bundle_reader_new (bundle);
  begin_work (self, _("Checking the bundle…"));
  transfer->bundle_reader_verify_async (reader, self->cancellable, on_progress, self,
                                        on_submit_verified, g_object_ref (self));
}

static void
on_bundle_chosen (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PfExportPage) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GError) error = NULL;

  files = pf_file_chooser_open_finish (result, &error);
  if (files == NULL || self->disposed)
    return;

  bundle = g_list_model_get_item (files, 0);
  if (bundle != NULL)
    pf_export_page_submit (self, bundle);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PfExportPage *self = PF_EXPORT_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->exported != NULL)
    {
      pf_export_page_submit (self, self->exported);
      return;
    }

  filter = pf_file_chooser_new_bundle_filter ();
  pf_file_chooser_open_async (get_window (self), _("Choose a Bundle to Submit"), FALSE, filter,
                              NULL, on_bundle_chosen, g_object_ref (self));
}

/* GObject */

static void
pf_export_page_shown (PfPage *page)
{
  /* Evidence blobs can vanish while another page is shown. */
  update_summary (PF_EXPORT_PAGE (page));
}

static void
pf_export_page_constructed (GObject *object)
{
  PfExportPage *self = PF_EXPORT_PAGE (object);
  PfSession *session;
  g_autoptr(GtkStringList) markings = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (pf_export_page_parent_class)->constructed (object);

  session = pf_page_get_session (PF_PAGE (self));

  for (PfMarking marking = PF_MARKING_NONE; marking <= PF_MARKING_PCII; marking++)
    gtk_string_list_append (markings, pf_marking_get_label (marking));
  adw_combo_row_set_model (self->marking_row, G_LIST_MODEL (markings));
  g_object_bind_property (pf_session_get_assessment (session), "marking",
                          self->marking_row, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (session, "notify::determination",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
  update_actions (self);
}

static void
pf_export_page_dispose (GObject *object)
{
  PfExportPage *self = PF_EXPORT_PAGE (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    {
      /* The work's callbacks stop at self->disposed: its end is here. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      pf_session_release (pf_page_get_session (PF_PAGE (self)));
    }

  G_OBJECT_CLASS (pf_export_page_parent_class)->dispose (object);
}

static void
pf_export_page_finalize (GObject *object)
{
  PfExportPage *self = PF_EXPORT_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->destination);
  g_clear_object (&self->exported);
  g_clear_object (&self->submit_bundle);
  g_clear_pointer (&self->submit_endpoint, g_free);

  G_OBJECT_CLASS (pf_export_page_parent_class)->finalize (object);
}

static void
pf_export_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PfExportPage *self = PF_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, pf_export_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_export_page_class_init (PfExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfPageClass *page_class = PF_PAGE_CLASS (klass);

  object_class->constructed = pf_export_page_constructed;
  object_class->dispose = pf_export_page_dispose;
  object_class->finalize = pf_export_page_finalize;
  object_class->get_property = pf_export_page_get_property;
  page_class->shown = pf_export_page_shown;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, marking_row);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, outcome_badge);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, files_row);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, files_count);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, PfExportPage, exported_row);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL, open_folder_action);
}

static void
pf_export_page_init (PfExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);
}

GtkWidget *
pf_export_page_new (PfSession *session)
{
  PfExportPage *self;

  g_return_val_if_fail (PF_IS_SESSION (session), NULL);

  self = g_object_new (PF_TYPE_EXPORT_PAGE, "session", session, NULL);
  pf_page_set_complete (PF_PAGE (self), TRUE);

  return GTK_WIDGET (self);
}

gboolean
pf_export_page_get_busy (PfExportPage *self)
{
  g_return_val_if_fail (PF_IS_EXPORT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

GFile *
pf_export_page_get_exported_file (PfExportPage *self)
{
  g_return_val_if_fail (PF_IS_EXPORT_PAGE (self), NULL);

  return self->exported;
}
