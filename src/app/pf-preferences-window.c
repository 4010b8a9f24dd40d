/* pf-preferences-window.c: the preferences. Everything but the submission
 * token is a GSettings key bound to its row; the token goes to the keyring
 * (pf-token-store) under the endpoint it belongs to, and is never shown
 * again once stored. The deleted assessments (pf-assessment-trash) can be
 * restored or, after a confirmation, deleted for good.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-assessment-trash.h"
#include "pf-file-chooser.h"
#include "pf-plain-row.h"
#include "pf-tooltip.h"
#include "pf-transfer.h"
#include "pf-preferences-window.h"

struct _PfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;      /* (owned) */
  GCancellable         *cancellable;   /* (owned): keyring calls, cancelled on dispose */
  GCancellable         *lookup;        /* (owned) (nullable): the lookup for the endpoint shown */

  GtkEditable          *organisation_row;
  GtkEditable          *contact_row;
  GtkEditable          *endpoint_row;
  GtkEditable          *ca_file_row;
  GtkEditable          *client_cert_row;
  GtkEditable          *token_row;
  AdwActionRow         *token_status_row;
  GtkWidget            *forget_button;
  AdwPreferencesGroup  *trash_group;
  GtkListBox           *trash_list;

  guint                 n_trashed;     /* as last listed, for the confirmation */
  guint64               trashed_size;
};

G_DEFINE_FINAL_TYPE (PfPreferencesWindow, pf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
dup_endpoint (PfPreferencesWindow *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (self->endpoint_row)));
}

static void
set_token_status (PfPreferencesWindow *self,
                  const char          *status,
                  gboolean             stored)
{
  adw_action_row_set_subtitle (self->token_status_row, status);
  gtk_widget_set_sensitive (self->forget_button, stored);
}

static void
on_lookup (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PfPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = pf_transfer_loaded ()->token_store_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->lookup);
  if (error != NULL)
    {
      /* Translators: %s is why the keyring could not be read */
      g_autofree char *status = g_strdup_printf (_("The keyring is not available: %s"),
                                                 error->message);
      set_token_status (self, status, FALSE);
    }
  else if (token != NULL)
    set_token_status (self, _("A token is stored in the keyring for this endpoint"), TRUE);
  else
    set_token_status (self, _("None: submissions go without a token"), FALSE);
}

static void
refresh_token_status (PfPreferencesWindow *self)
{
  g_autofree char *endpoint = dup_endpoint (self);
  g_autoptr(GError) error = NULL;

  if (self->lookup != NULL)
    g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);

  if (endpoint[0] == '\0')
    {
      set_token_status (self, _("Set the endpoint first"), FALSE);
      return;
    }

  if (pf_transfer_get (&error) == NULL)
    {
      set_token_status (self, error->message, FALSE);
      return;
    }

  self->lookup = g_cancellable_new ();
  pf_transfer_loaded ()->token_store_lookup_async (endpoint, self->lookup,
                                                   on_lookup, g_object_ref (self));
}

static void
on_endpoint_changed (PfPreferencesWindow *self)
{
  refresh_token_status (self);
}

static void
on_token_stored (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PfPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pf_transfer_loaded ()->token_store_store_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is why the keyring refused the token */
      message = g_strdup_printf (_("The token was not stored: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Token stored in the keyring")));
  refresh_token_status (self);
}

static void
on_token_apply (PfPreferencesWindow *self)
{
  g_autofree char *endpoint = dup_endpoint (self);
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (self->token_row)));
  g_autoptr(GError) error = NULL;

  if (endpoint[0] == '\0' || token[0] == '\0')
    return;

  /* The entry forgets it at once; only the keyring keeps it. */
  gtk_editable_set_text (self->token_row, "");
  if (pf_transfer_get (&error) == NULL)
    {
      /* Translators: %s is why the token could not be stored */
      g_autofree char *message = g_strdup_printf (_("The token was not stored: %s"),
                                                  error->message);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  pf_transfer_loaded ()->token_store_store_async (endpoint, token, self->cancellable,
                                                  on_token_stored, g_object_ref (self));
}

static void
on_token_cleared (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PfPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pf_transfer_loaded ()->token_store_clear_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (error->message));
      return;
    }

  refresh_token_status (self);
}

static void
on_forget_clicked (PfPreferencesWindow *self)
{
  g_autofree char *endpoint = dup_endpoint (self);
  g_autoptr(GError) error = NULL;

  if (endpoint[0] == '\0')
    return;

  if (pf_transfer_get (&error) == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  pf_transfer_loaded ()->token_store_clear_async (endpoint, self->cancellable,
                                                  on_token_cleared, g_object_ref (self));
}

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkEditable) row = user_data;
  g_autoptr(GListModel) files = pf_file_chooser_open_finish (result, NULL);
  g_autoptr(GFile) file = NULL;

  if (files == NULL || g_list_model_get_n_items (files) == 0)
    return;

  file = g_list_model_get_item (files, 0);
  gtk_editable_set_text (row, g_file_peek_path (file));
}

static void
choose_file (PfPreferencesWindow *self,
             const char          *title,
             GtkEditable         *row)
{
  pf_file_chooser_open_async (GTK_WINDOW (self), title, FALSE, NULL, NULL,
                              on_file_chosen, g_object_ref (row));
}

static void
on_choose_ca_file (PfPreferencesWindow *self)
{
  choose_file (self, _("Choose a CA File"), self->ca_file_row);
}

static void
on_choose_client_cert (PfPreferencesWindow *self)
{
  choose_file (self, _("Choose a Client Certificate"), self->client_cert_row);
}

/* Deleted assessments */

static GtkWidget *
create_trash_row (const PfTrashedAssessment *trashed)
{
  g_autoptr(GDateTime) deleted = g_date_time_new_from_unix_local (trashed->deleted);
  g_autofree char *when = NULL;
  g_autofree char *size = g_format_size (trashed->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *restore_label = NULL;
  GtkWidget *row;
  GtkWidget *button;

  /* Translators: a date and time as strftime() formats them, e.g.
   * "3 Nov 2026, 14:03"; adjust the order to your language. */
  when = g_date_time_format (deleted, _("%-d %b %Y, %H:%M"));
  /* Translators: when an assessment was deleted, then its size */
  subtitle = g_strdup_printf (_("Deleted %s · %s"), when, size);

  row = pf_plain_row_new (trashed->title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, trashed->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  pf_tooltip_set_text (button, _("Put the assessment back in the list"));
  /* Translators: %s is the model name and version of a deleted assessment */
  restore_label = g_strdup_printf (_("Restore “%s”"), trashed->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "trash.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    g_file_peek_path (trashed->file));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
refresh_trash (PfPreferencesWindow *self)
{
  g_autoptr(GPtrArray) trashed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *child;
  guint64 size = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trash_list))) != NULL)
    gtk_list_box_remove (self->trash_list, child);

  trashed = pf_assessment_trash_list (pf_assessment_trash_get_default (), &size, &error);
  self->n_trashed = trashed != NULL ? trashed->len : 0;
  self->trashed_size = size;

  if (trashed == NULL)
    {
      /* Translators: %s says why the folder could not be read */
      description = g_strdup_printf (_("The deleted assessments cannot be listed: %s"),
                                     error->message);
    }
  else if (trashed->len == 0)
    {
      description = g_strdup (_("None. A deleted assessment waits here until you restore it "
                                "or empty the trash."));
    }
  else
    {
      g_autofree char *formatted = g_format_size (size);

      /* Translators: %u is how many assessments, %s the space they take, e.g. "12.3 kB" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u deleted assessment takes %s. It waits "
                                                  "here until you restore it or empty the trash.",
                                                  "%u deleted assessments take %s. They wait "
                                                  "here until you restore them or empty the trash.",
                                                  trashed->len),
                                     trashed->len, formatted);
      for (guint i = 0; i < trashed->len; i++)
        gtk_list_box_append (self->trash_list, create_trash_row (g_ptr_array_index (trashed, i)));
    }

  /* The group's description is markup. */
  markup = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->trash_group, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->trash_list), self->n_trashed > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", self->n_trashed > 0);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PfPreferencesWindow *self = PF_PREFERENCES_WINDOW (widget);
  g_autoptr(GFile) trashed = g_file_new_for_path (g_variant_get_string (param, NULL));
  g_autoptr(GFile) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* The trash's ::changed refreshes this list and the start views. */
  restored = pf_assessment_trash_restore (pf_assessment_trash_get_default (), trashed, &error);
  if (restored != NULL)
    message = g_strdup (_("Assessment restored to the list"));
  else
    message = g_strdup_printf (_("Could not restore the assessment: %s"), error->message);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_empty_response (AdwMessageDialog    *dialog,
                   const char          *response,
                   PfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!pf_assessment_trash_empty (pf_assessment_trash_get_default (), &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not empty the trash: %s"),
                                                  error->message);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static void
empty_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PfPreferencesWindow *self = PF_PREFERENCES_WINDOW (widget);
  g_autofree char *size = g_format_size (self->trashed_size);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Empty the Trash?"), NULL);
  /* Translators: %u is how many assessments, %s the space they take */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u deleted assessment (%s) will be deleted "
                                               "permanently, with its answers, notes and "
                                               "sign-offs. This cannot be undone.",
                                               "%u deleted assessments (%s) will be deleted "
                                               "permanently, with their answers, notes and "
                                               "sign-offs. This cannot be undone.",
                                               self->n_trashed),
                                  self->n_trashed, size);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::empty",
                           G_CALLBACK (on_empty_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pf_preferences_window_dispose (GObject *object)
{
  PfPreferencesWindow *self = PF_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->lookup != NULL)
    g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_preferences_window_parent_class)->dispose (object);
}

static void
pf_preferences_window_finalize (GObject *object)
{
  PfPreferencesWindow *self = PF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pf_preferences_window_parent_class)->finalize (object);
}

static void
pf_preferences_window_class_init (PfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_preferences_window_dispose;
  object_class->finalize = pf_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/preflightapp/Preflight/pf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, ca_file_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, client_cert_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, token_status_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, forget_button);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, trash_group);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, trash_list);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_token_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_ca_file);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_client_cert);

  gtk_widget_class_install_action (widget_class, "trash.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, empty_action);
}

static void
pf_preferences_window_init (PfPreferencesWindow *self)
{
  static const struct {
    const char *key;
    gsize       offset;
  } bindings[] = {
    { "default-organisation", G_STRUCT_OFFSET (PfPreferencesWindow, organisation_row) },
    { "default-contact", G_STRUCT_OFFSET (PfPreferencesWindow, contact_row) },
    { "submission-endpoint", G_STRUCT_OFFSET (PfPreferencesWindow, endpoint_row) },
    { "submission-ca-file", G_STRUCT_OFFSET (PfPreferencesWindow, ca_file_row) },
    { "submission-client-cert", G_STRUCT_OFFSET (PfPreferencesWindow, client_cert_row) },
  };

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (PF_APPLICATION_SCHEMA_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (self->settings, bindings[i].key,
                     G_STRUCT_MEMBER (GObject *, self, bindings[i].offset), "text",
                     G_SETTINGS_BIND_DEFAULT);

  refresh_token_status (self);

  g_signal_connect_object (pf_assessment_trash_get_default (), "changed",
                           G_CALLBACK (refresh_trash), self, G_CONNECT_SWAPPED);
  refresh_trash (self);
}

GtkWidget *
pf_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
