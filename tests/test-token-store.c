/* test-token-store.c: the submission token in a real Secret Service: a
 * private D-Bus session bus and gnome-keyring-daemon started by the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "preflight.h"
#include "pf-net-fixture.h"

#define ENDPOINT_A "https://submit.example.gov/incoming"
#define ENDPOINT_B "https://other.example.gov/incoming"

typedef struct {
  char        *dir;
  char       **envp;
  GSubprocess *bus;
  GSubprocess *keyring;
  /* Held for the whole run, so that libsecret uses this very connection,
   * the one that does not exit the process when the bus goes away. */
  GDBusConnection *connection;
} Session;

static Session session;

typedef struct {
  gboolean  done;
  char     *line;
} ReadLine;

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadLine *read = user_data;

  read->line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, NULL);
  read->done = TRUE;
}

static char *
read_bus_address (GSubprocess *bus)
{
  g_autoptr(GDataInputStream) in = NULL;
  ReadLine read = { FALSE, NULL };

  /* dbus-daemon prints the address once it listens; a dead daemon gives EOF. */
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus));
  g_data_input_stream_read_line_async (in, G_PRIORITY_DEFAULT, NULL, read_line_cb, &read);
  if (!pf_net_fixture_iterate_until (&read.done, 10000))
    g_error ("dbus-daemon did not print its address within 10 s");
  if (read.line == NULL || *read.line == '\0')
    g_error ("dbus-daemon did not print its address");

  return read.line;
}

static gboolean
secrets_on_bus (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 1000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static void
start_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  gint64 deadline;

  if (!g_file_test ("/usr/bin/gnome-keyring-daemon", G_FILE_TEST_IS_EXECUTABLE)
      || !g_file_test ("/usr/bin/dbus-daemon", G_FILE_TEST_IS_EXECUTABLE))
    g_error ("gnome-keyring-daemon or dbus-daemon is missing: apt-get install gnome-keyring dbus");

  session.dir = g_dir_make_tmp ("preflight-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  session.envp = pf_net_fixture_environ (session.dir);

  {
    const char *argv[] = { "dbus-daemon", "--config-file=/usr/share/dbus-1/session.conf",
                           "--print-address=1", "--nofork", NULL };

    session.bus = pf_net_fixture_spawn (session.envp, NULL, G_SUBPROCESS_FLAGS_STDOUT_PIPE, argv);
  }
  address = read_bus_address (session.bus);
  session.envp = g_environ_setenv (session.envp, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  /* Only this test's bus: libsecret connects to the session bus it names. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);

  {
    /* --unlock reads the login keyring's password on stdin and creates
     * that keyring unlocked, so no prompt (and no display) is needed. */
    const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock",
                           "--components=secrets", NULL };
    GOutputStream *in;

    session.keyring = pf_net_fixture_spawn (session.envp, NULL,
                                            G_SUBPROCESS_FLAGS_STDIN_PIPE
                                            | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                            argv);
    in = g_subprocess_get_stdin_pipe (session.keyring);
    g_output_stream_write_all (in, "preflight-test", strlen ("preflight-test"), NULL, NULL,
                               &error);
    g_assert_no_error (error);
    g_output_stream_close (in, NULL, &error);
    g_assert_no_error (error);
  }

  session.connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  /* The bus goes away before this process does. */
  g_dbus_connection_set_exit_on_close (session.connection, FALSE);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!secrets_on_bus (session.connection))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gnome-keyring-daemon did not own org.freedesktop.secrets within 10 s");
      g_usleep (50 * 1000);
    }
}

static void
stop_session (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (session.dir);

  pf_net_fixture_stop (session.keyring);
  g_clear_object (&session.keyring);
  pf_net_fixture_stop (session.bus);
  g_clear_object (&session.bus);
  g_clear_object (&session.connection);
  pf_net_fixture_remove_tree (dir);
  g_free (session.dir);
  g_strfreev (session.envp);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  char     *token;
  GError   *error;
} Call;

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Call *call = user_data;

  call->ok = pf_token_store_store_finish (result, &call->error);
  call->done = TRUE;
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->token = pf_token_store_lookup_finish (result, &call->error);
  call->done = TRUE;
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Call *call = user_data;

  call->ok = pf_token_store_clear_finish (result, &call->error);
  call->done = TRUE;
}

static void
store (const char *endpoint,
       const char *token)
{
  Call call = { FALSE, };

  pf_token_store_store_async (endpoint, token, NULL, store_cb, &call);
  g_assert_true (pf_net_fixture_iterate_until (&call.done, 20000));
  g_assert_no_error (call.error);
  g_assert_true (call.ok);
}

static char *
lookup (const char *endpoint)
{
  Call call = { FALSE, };

  pf_token_store_lookup_async (endpoint, NULL, lookup_cb, &call);
  g_assert_true (pf_net_fixture_iterate_until (&call.done, 20000));
  g_assert_no_error (call.error);

  return call.token;
}

static void
clear (const char *endpoint)
{
  Call call = { FALSE, };

  pf_token_store_clear_async (endpoint, NULL, clear_cb, &call);
  g_assert_true (pf_net_fixture_iterate_until (&call.done, 20000));
  g_assert_no_error (call.error);
  g_assert_true (call.ok);
}

static void
test_round_trip (void)
{
  g_autofree char *none = NULL;
  g_autofree char *a = NULL;
  g_autofree char *a_again = NULL;
  g_autofree char *a_cleared = NULL;
  g_autofree char *b = NULL;

  none = lookup (ENDPOINT_A);
  g_assert_null (none);

  store (ENDPOINT_A, "token-for-a");
  store (ENDPOINT_B, "token-for-b");
  a = lookup (ENDPOINT_A);
  g_assert_cmpstr (a, ==, "token-for-a");

  /* Storing again replaces: one token per endpoint. */
  store (ENDPOINT_A, "new-token-for-a");
  a_again = lookup (ENDPOINT_A);
  g_assert_cmpstr (a_again, ==, "new-token-for-a");

  clear (ENDPOINT_A);
  a_cleared = lookup (ENDPOINT_A);
  g_assert_null (a_cleared);
  b = lookup (ENDPOINT_B);
  g_assert_cmpstr (b, ==, "token-for-b");

  /* Nothing left to clear is not an error. */
  clear (ENDPOINT_A);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Call call = { FALSE, };

  g_cancellable_cancel (cancellable);
  pf_token_store_lookup_async (ENDPOINT_B, cancellable, lookup_cb, &call);
  g_assert_true (pf_net_fixture_iterate_until (&call.done, 20000));
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (call.token);
  g_clear_error (&call.error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/net/token-store/round-trip", test_round_trip);
  g_test_add_func ("/net/token-store/cancelled", test_cancelled);

  start_session ();
  status = g_test_run ();
  stop_session ();

  return status;
}
