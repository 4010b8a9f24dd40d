/* pf-preferences-window.c: the preferences. Everything but the submission
 * token is a GSettings key bound to its row; the token goes to the keyring
 * (pf-token-store) under the endpoint it belongs to, and is never shown
 * again once stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-file-chooser.h"
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
  g_autofree char *token = pf_token_store_lookup_finish (result, &error);

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

  if (self->lookup != NULL)
    g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);

  if (endpoint[0] == '\0')
    {
      set_token_status (self, _("Set the endpoint first"), FALSE);
      return;
    }

  self->lookup = g_cancellable_new ();
  pf_token_store_lookup_async (endpoint, self->lookup, on_lookup, g_object_ref (self));
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

  if (!pf_token_store_store_finish (result, &error))
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

  if (endpoint[0] == '\0' || token[0] == '\0')
    return;

  /* The entry forgets it at once; only the keyring keeps it. */
  gtk_editable_set_text (self->token_row, "");
  pf_token_store_store_async (endpoint, token, self->cancellable,
                              on_token_stored, g_object_ref (self));
}

static void
on_token_cleared (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PfPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pf_token_store_clear_finish (result, &error))
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

  if (endpoint[0] == '\0')
    return;

  pf_token_store_clear_async (endpoint, self->cancellable, on_token_cleared, g_object_ref (self));
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
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_token_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_ca_file);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_client_cert);
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
}

GtkWidget *
pf_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
