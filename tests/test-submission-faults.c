/* test-submission-faults.c: PfSubmission against a SoupServer in the test
 * (plain http on 127.0.0.1, which loopback allows) that misbehaves on cue:
 * 5xx, dropped connections, silence, redirects, short files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "preflight.h"
#include "pf-net-fixture.h"

#define BUNDLE_NAME "lab-model-2-2026-06-02.preflight-bundle.zip"
#define BUNDLE_SIZE (1024 * 1024)

typedef enum {
  MODE_OK,
  MODE_FAIL_TWICE,     /* 503, 503, then store */
  MODE_ALWAYS_503,
  MODE_DROP_ONCE,      /* the first PUT's connection is cut mid-body */
  MODE_SILENT,         /* the PUT is never answered */
  MODE_REDIRECT,       /* 307 to another host */
  MODE_ALREADY_THERE,  /* 412, the file is there */
  MODE_SHORT_FILE,     /* 201, but HEAD shows fewer bytes */
  MODE_NOT_KEPT,       /* 201, but HEAD finds nothing */
} Mode;

typedef struct {
  SoupServer *server;
  char       *base;           /* http://127.0.0.x:port */
  Mode        mode;
  guint       puts;
  guint       heads;
  guint       requests;
  guint       with_authorization;
  GBytes     *stored;         /* the last complete body accepted */
  guint       stores;
  char       *digest;         /* Content-Digest of the stored PUT */
  char       *redirect_to;    /* for MODE_REDIRECT */
  gsize       received;       /* body bytes of the current PUT so far */
  GCancellable *cancel_on_put; /* MODE_SILENT: cancelled once the PUT arrives */
  SoupServerMessage *held;    /* MODE_SILENT: the message left unanswered */
} Server;

typedef struct {
  char   *dir;
  GFile  *bundle;
  Server  main;
  Server  other;  /* on 127.0.0.2, the target of redirects */
} Fixture;

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Server *server = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  server->requests++;
  if (soup_message_headers_get_one (request, "Authorization") != NULL)
    server->with_authorization++;

  if (g_str_equal (method, "HEAD"))
    {
      server->heads++;
      if (server->stored == NULL || server->mode == MODE_NOT_KEPT)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "ETag", "\"stored\"");
      if (server->mode == MODE_SHORT_FILE)
        soup_server_message_set_response (msg, "application/zip", SOUP_MEMORY_COPY,
                                          g_bytes_get_data (server->stored, NULL),
                                          g_bytes_get_size (server->stored) - 1);
      else
        soup_server_message_set_response (msg, "application/zip", SOUP_MEMORY_COPY,
                                          g_bytes_get_data (server->stored, NULL),
                                          g_bytes_get_size (server->stored));
      return;
    }

  if (!g_str_equal (method, "PUT"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  server->puts++;
  switch (server->mode)
    {
    case MODE_FAIL_TWICE:
      if (server->puts <= 2)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
          return;
        }
      break;
    case MODE_ALWAYS_503:
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    case MODE_REDIRECT:
      soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, server->redirect_to);
      return;
    case MODE_SILENT:
      server->held = g_object_ref (msg);
      soup_server_message_pause (msg);
      g_cancellable_cancel (server->cancel_on_put);
      return;
    case MODE_OK:
    case MODE_DROP_ONCE:
    case MODE_ALREADY_THERE:
    case MODE_SHORT_FILE:
    case MODE_NOT_KEPT:
      break;
    }

  g_clear_pointer (&server->stored, g_bytes_unref);
  g_clear_pointer (&server->digest, g_free);
  server->stored = soup_message_body_flatten (body);
  server->digest = g_strdup (soup_message_headers_get_one (request, "Content-Digest"));
  server->stores++;
  if (server->mode == MODE_ALREADY_THERE)
    soup_server_message_set_status (msg, SOUP_STATUS_PRECONDITION_FAILED, NULL);
  else
    soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
}

/* Cuts the first PUT's connection once half of the body has arrived. */
static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Server *server = user_data;

  server->received += g_bytes_get_size (chunk);
  if (server->mode == MODE_DROP_ONCE && server->puts == 0 && server->received > BUNDLE_SIZE / 2)
    {
      server->puts++;
      g_socket_shutdown (soup_server_message_get_socket (msg), TRUE, TRUE, NULL);
    }
}

static void
on_request_started (SoupServer        *soup_server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  Server *server = user_data;

  server->received = 0;
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), server);
}

static void
server_start (Server     *server,
              const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (inet, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handler, server, NULL);
  g_signal_connect (server->server, "request-started", G_CALLBACK (on_request_started), server);
  soup_server_listen (server->server, socket_address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  server->base = g_strdup_printf ("http://%s:%d", address, g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
server_stop (Server *server)
{
  if (server->held != NULL)
    {
      soup_server_message_set_status (server->held, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (server->held);
      g_clear_object (&server->held);
    }
  if (server->server != NULL)
    soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_free (server->base);
  g_clear_pointer (&server->stored, g_bytes_unref);
  g_free (server->digest);
  g_free (server->redirect_to);
  g_clear_object (&server->cancel_on_put);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("preflight-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->bundle = pf_net_fixture_make_bundle (fixture->dir, BUNDLE_NAME, BUNDLE_SIZE, 42);
  server_start (&fixture->main, "127.0.0.1");
  server_start (&fixture->other, "127.0.0.2");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  server_stop (&fixture->main);
  server_stop (&fixture->other);
  /* Let the servers' connections close before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->bundle);
  pf_net_fixture_remove_tree (dir);
  g_free (fixture->dir);
}

typedef struct {
  gboolean   done;
  PfReceipt *receipt;
  GError    *error;
  goffset    last_progress;
  gboolean   progress_monotonic;
  GArray    *retries;   /* guint attempt of each ::retrying */
  GArray    *delays;    /* double delay of each ::retrying */
} Run;

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  Run *run = user_data;

  /* Each attempt counts from zero again. */
  if (current < run->last_progress && current > 0)
    run->progress_monotonic = FALSE;
  g_assert_cmpint (current, <=, total);
  run->last_progress = current;
}

static void
on_retrying (PfSubmission *submission,
             guint         attempt,
             double        delay,
             gpointer      user_data)
{
  Run *run = user_data;

  g_array_append_val (run->retries, attempt);
  g_array_append_val (run->delays, delay);
}

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  run->receipt = pf_submission_submit_finish (PF_SUBMISSION (source), result, &run->error);
  run->done = TRUE;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->receipt, pf_receipt_free);
  g_clear_error (&run->error);
  g_clear_pointer (&run->retries, g_array_unref);
  g_clear_pointer (&run->delays, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static PfSubmission *
new_submission (Fixture    *fixture,
                const char *base)
{
  g_autofree char *endpoint = g_strconcat (base, "/incoming", NULL);
  PfSubmission *submission = pf_submission_new (fixture->bundle, endpoint);

  pf_submission_set_initial_backoff (submission, 20);
  pf_submission_set_token (submission, "secret-token");
  return submission;
}

static void
submit (PfSubmission *submission,
        GCancellable *cancellable,
        Run          *run)
{
  run->last_progress = 0;
  run->progress_monotonic = TRUE;
  run->retries = g_array_new (FALSE, FALSE, sizeof (guint));
  run->delays = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (submission, "retrying", G_CALLBACK (on_retrying), run);
  pf_submission_submit_async (submission, cancellable, on_progress, run, submit_cb, run);
  g_assert_true (pf_net_fixture_iterate_until (&run->done, 60000));
}

static void
assert_stored_is_bundle (Fixture *fixture,
                         Server  *server)
{
  g_autofree char *contents = NULL;
  g_autofree char *b64 = NULL;
  g_autofree char *expected_digest = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (fixture->bundle, NULL, &contents, &len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (server->stored);
  g_assert_cmpmem (g_bytes_get_data (server->stored, NULL), g_bytes_get_size (server->stored),
                   contents, len);

  /* RFC 9530: the base64 of the raw digest between colons. */
  g_checksum_update (checksum, (const guchar *) contents, len);
  g_checksum_get_digest (checksum, digest, &digest_len);
  b64 = g_base64_encode (digest, digest_len);
  expected_digest = g_strdup_printf ("sha-256=:%s:", b64);
  g_assert_cmpstr (server->digest, ==, expected_digest);
}

static void
test_ok (Fixture       *fixture,
         gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  gsize len;

  submit (submission, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.receipt);

  g_assert_true (g_file_load_contents (fixture->bundle, NULL, &contents, &len, NULL, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  name = pf_submission_remote_name (BUNDLE_NAME, sha);
  g_assert_true (g_str_has_prefix (name, "lab-model-2-2026-06-02.preflight-bundle-"));
  g_assert_true (g_str_has_suffix (name, ".zip"));
  g_assert_cmpuint (strlen (name), ==, strlen (BUNDLE_NAME) + 13);
  url = g_strconcat (fixture->main.base, "/incoming/", name, NULL);

  g_assert_cmpstr (run.receipt->url, ==, url);
  g_assert_cmpuint (run.receipt->status, ==, 201);
  g_assert_cmpuint (run.receipt->size, ==, len);
  g_assert_cmpstr (run.receipt->digest, ==, fixture->main.digest);
  g_assert_cmpstr (run.receipt->etag, ==, "\"stored\"");
  g_assert_true (g_str_has_suffix (run.receipt->time, "Z"));
  assert_stored_is_bundle (fixture, &fixture->main);
  g_assert_cmpuint (fixture->main.heads, ==, 1);
  g_assert_cmpuint (fixture->main.with_authorization, ==, 2);
  g_assert_cmpint (run.last_progress, ==, len);
  g_assert_true (run.progress_monotonic);
  g_assert_cmpuint (run.retries->len, ==, 0);
}

static void
test_503_twice (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_FAIL_TWICE;
  submit (submission, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.receipt->status, ==, 201);
  g_assert_cmpuint (fixture->main.puts, ==, 3);
  g_assert_cmpuint (fixture->main.stores, ==, 1);
  assert_stored_is_bundle (fixture, &fixture->main);
  g_assert_cmpuint (run.retries->len, ==, 2);
  g_assert_cmpuint (g_array_index (run.retries, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (run.retries, guint, 1), ==, 2);
  /* Exponential backoff from the initial 20 ms. */
  g_assert_cmpfloat_with_epsilon (g_array_index (run.delays, double, 0), 0.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (run.delays, double, 1), 0.04, 1e-9);
}

static void
test_503_exhausts_retries (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_ALWAYS_503;
  pf_submission_set_max_retries (submission, 2);
  submit (submission, NULL, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_SERVER);
  g_assert_nonnull (strstr (run.error->message, "503"));
  g_assert_null (run.receipt);
  g_assert_cmpuint (fixture->main.puts, ==, 3);
  g_assert_cmpuint (run.retries->len, ==, 2);
}

static void
test_dropped_connection (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_DROP_ONCE;
  submit (submission, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.receipt->status, ==, 201);
  /* The cut PUT plus the retry; only the complete body was stored. */
  g_assert_cmpuint (fixture->main.puts, ==, 2);
  g_assert_cmpuint (fixture->main.stores, ==, 1);
  g_assert_cmpuint (run.retries->len, ==, 1);
  assert_stored_is_bundle (fixture, &fixture->main);
}

static void
note_time (GCancellable *cancellable,
           gpointer      user_data)
{
  gint64 *when = user_data;

  *when = g_get_monotonic_time ();
}

static void
test_cancel_slow_server (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Run) run = { 0, };
  gint64 cancelled_at = 0;

  fixture->main.mode = MODE_SILENT;
  fixture->main.cancel_on_put = g_object_ref (cancellable);
  g_cancellable_connect (cancellable, G_CALLBACK (note_time), &cancelled_at, NULL);
  submit (submission, cancellable, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED);
  g_assert_null (run.receipt);
  g_assert_cmpint (cancelled_at, >, 0);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->main.puts, ==, 1);
  g_assert_cmpuint (fixture->main.heads, ==, 0);
}

static void
cancel_on_retry (PfSubmission *submission,
                 guint         attempt,
                 double        delay,
                 gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_during_backoff (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Run) run = { 0, };
  gint64 start;

  fixture->main.mode = MODE_ALWAYS_503;
  /* A wait far longer than the test may take: only the cancel ends it. */
  pf_submission_set_initial_backoff (submission, 60000);
  g_signal_connect (submission, "retrying", G_CALLBACK (cancel_on_retry), cancellable);
  start = g_get_monotonic_time ();
  submit (submission, cancellable, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED);
  g_assert_null (run.receipt);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC * 5);
  g_assert_cmpuint (fixture->main.puts, ==, 1);
}

static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_REDIRECT;
  fixture->main.redirect_to = g_strconcat (fixture->other.base, "/elsewhere", NULL);
  submit (submission, NULL, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_REDIRECT);
  g_assert_nonnull (strstr (run.error->message, fixture->main.redirect_to));
  g_assert_null (run.receipt);
  g_assert_cmpuint (fixture->main.puts, ==, 1);
  /* Neither the token nor the bundle went to the other host. */
  g_assert_cmpuint (fixture->other.requests, ==, 0);
  g_assert_cmpuint (fixture->other.with_authorization, ==, 0);
}

static void
test_already_there (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_ALREADY_THERE;
  submit (submission, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.receipt->status, ==, 412);
  g_assert_cmpuint (fixture->main.heads, ==, 1);
}

static void
test_short_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_SHORT_FILE;
  submit (submission, NULL, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_SIZE_MISMATCH);
  g_assert_null (run.receipt);
}

static void
test_not_kept (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PfSubmission) submission = new_submission (fixture, fixture->main.base);
  g_auto(Run) run = { 0, };

  fixture->main.mode = MODE_NOT_KEPT;
  submit (submission, NULL, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT);
  g_assert_nonnull (strstr (run.error->message, "could not be confirmed"));
  g_assert_nonnull (strstr (run.error->message, "404"));
  g_assert_null (run.receipt);
}

static void
test_insecure_endpoint (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *refused[] = {
    "http://192.0.2.10/incoming",
    "http://example.org/incoming",
    "http://127.0.0.1.example.org/incoming",
    "ftp://127.0.0.1/incoming",
    "not a url",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PfSubmission) submission = pf_submission_new (fixture->bundle, refused[i]);
      g_auto(Run) run = { 0, };

      submit (submission, NULL, &run);
      g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_INSECURE_ENDPOINT);
      g_assert_null (run.receipt);
    }
}

static void
test_loopback_names (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GUri) uri = g_uri_parse (fixture->main.base, G_URI_FLAGS_NONE, NULL);
  g_autofree char *localhost = g_strdup_printf ("http://localhost:%d", g_uri_get_port (uri));
  g_autoptr(PfSubmission) submission = new_submission (fixture, localhost);
  g_auto(Run) run = { 0, };

  submit (submission, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.receipt);
}

static void
test_invalid_bundle (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "not-a-bundle.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *endpoint = g_strconcat (fixture->main.base, "/incoming", NULL);
  g_autoptr(PfSubmission) submission = NULL;
  g_auto(Run) run = { 0, };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "PK\x03\x04 but not really", -1, &error);
  g_assert_no_error (error);
  submission = pf_submission_new (file, endpoint);
  submit (submission, NULL, &run);
  g_assert_error (run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_BUNDLE_INVALID);
  g_assert_nonnull (strstr (run.error->message, "not-a-bundle.zip"));
  g_assert_cmpuint (fixture->main.requests, ==, 0);
}

static void
test_bad_credentials (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.pem", NULL);
  g_autoptr(PfSubmission) ca = new_submission (fixture, fixture->main.base);
  g_autoptr(PfSubmission) cert = new_submission (fixture, fixture->main.base);
  g_auto(Run) ca_run = { 0, };
  g_auto(Run) cert_run = { 0, };

  pf_submission_set_ca_file (ca, missing);
  submit (ca, NULL, &ca_run);
  g_assert_error (ca_run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CREDENTIALS);

  pf_submission_set_client_certificate (cert, missing);
  submit (cert, NULL, &cert_run);
  g_assert_error (cert_run.error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CREDENTIALS);
  g_assert_cmpuint (fixture->main.requests, ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/b.zip");
  g_autoptr(PfSubmission) submission = pf_submission_new (file, "https://example.org/in");
  g_autofree char *name = NULL;
  guint notified = 0;

  g_assert_true (pf_submission_get_bundle (submission) == file);
  g_assert_cmpstr (pf_submission_get_endpoint (submission), ==, "https://example.org/in");
  g_assert_cmpuint (pf_submission_get_max_retries (submission), ==, 4);
  g_assert_cmpuint (pf_submission_get_initial_backoff (submission), ==, 1000);

  g_signal_connect (submission, "notify", G_CALLBACK (count_notify), &notified);
  pf_submission_set_ca_file (submission, "/ca.pem");
  pf_submission_set_ca_file (submission, "/ca.pem");
  pf_submission_set_client_certificate (submission, "/me.p12");
  pf_submission_set_max_retries (submission, 1);
  pf_submission_set_initial_backoff (submission, 5);
  pf_submission_set_initial_backoff (submission, 5);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpstr (pf_submission_get_ca_file (submission), ==, "/ca.pem");
  g_assert_cmpstr (pf_submission_get_client_certificate (submission), ==, "/me.p12");

  name = pf_submission_remote_name ("a.zip", "0123456789abcdef0123456789abcdef"
                                             "0123456789abcdef0123456789abcdef");
  g_assert_cmpstr (name, ==, "a-0123456789ab.zip");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The desktop's proxy resolver reads GSettings schemas that the isolated
   * test folders do not have; the servers are on loopback anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_add_func ("/net/faults/properties", test_properties);
#define ADD(path, func) \
  g_test_add ("/net/faults/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("upload", test_ok);
  ADD ("503-twice-then-created", test_503_twice);
  ADD ("503-exhausts-retries", test_503_exhausts_retries);
  ADD ("dropped-connection", test_dropped_connection);
  ADD ("cancel-slow-server", test_cancel_slow_server);
  ADD ("cancel-during-backoff", test_cancel_during_backoff);
  ADD ("redirect-not-followed", test_redirect_not_followed);
  ADD ("already-there", test_already_there);
  ADD ("short-file", test_short_file);
  ADD ("not-kept", test_not_kept);
  ADD ("insecure-endpoint", test_insecure_endpoint);
  ADD ("loopback-names", test_loopback_names);
  ADD ("invalid-bundle", test_invalid_bundle);
  ADD ("bad-credentials", test_bad_credentials);
#undef ADD

  return g_test_run ();
}
