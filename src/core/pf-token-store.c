/* pf-token-store.c: the submission bearer token, kept in the user's keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-token-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "pf-token-store.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    PF_TOKEN_STORE_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_prefix_error (&error, _("Could not save the submission token in the keyring: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
pf_token_store_store_async (const char          *endpoint,
                            const char          *token,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (endpoint != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_token_store_store_async);

  /* The label is what the user sees in Passwords and Keys. */
  label = g_strdup_printf (_("Preflight submission token for %s"), endpoint);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "endpoint", endpoint,
                         NULL);
}

gboolean
pf_token_store_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_token_store_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_prefix_error (&error, _("Could not read the submission token from the keyring: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
pf_token_store_lookup_async (const char          *endpoint,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (endpoint != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_token_store_lookup_async);

  secret_password_lookup (token_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "endpoint", endpoint,
                          NULL);
}

char *
pf_token_store_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_token_store_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_prefix_error (&error, _("Could not remove the submission token from the keyring: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
pf_token_store_clear_async (const char          *endpoint,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (endpoint != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_token_store_clear_async);

  secret_password_clear (token_schema (), cancellable, clear_cb, g_steal_pointer (&task),
                         "endpoint", endpoint,
                         NULL);
}

gboolean
pf_token_store_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_token_store_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
