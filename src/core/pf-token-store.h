/* pf-token-store.h: the submission bearer token, kept in the user's keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The libsecret schema: one token per endpoint URL (attribute "endpoint"). */
#define PF_TOKEN_STORE_SCHEMA_NAME "io.github.preflightapp.Preflight.Token"

/* The token never goes to GSettings, an assessment or a bundle: only to the
 * Secret Service (GNOME Keyring, KWallet …) through libsecret. A call may
 * wait for the user to unlock the keyring, hence async only. Errors are
 * libsecret's and D-Bus's, prefixed with what failed. */
void      pf_token_store_store_async  (const char          *endpoint,
                                       const char          *token,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  pf_token_store_store_finish (GAsyncResult        *result,
                                       GError             **error);

/* Finishes with NULL and no error when no token is stored for @endpoint;
 * free the token with g_free(). */
void      pf_token_store_lookup_async  (const char          *endpoint,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char     *pf_token_store_lookup_finish (GAsyncResult        *result,
                                        GError             **error);

/* Succeeds also when nothing was stored. */
void      pf_token_store_clear_async  (const char          *endpoint,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  pf_token_store_clear_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
