/* test-submission-nginx.c: PfSubmission and `preflight-cli submit` against a
 * real nginx with TLS and the dav module, started by this test on 127.0.0.1
 * with a CA, server and client certificates made here by openssl.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "preflight.h"
#include "pf-net-fixture.h"

#define BUNDLE_NAME "model-1.0-2026-06-02.preflight-bundle.zip"

/* One nginx for the whole test program: two TLS servers, the second one
 * demanding a client certificate. */
typedef struct {
  char        *dir;
  char        *www;
  char        *access_log;
  char        *ca;
  char        *client_pem;
  char        *client_p12;
  char        *other_ca;
  char       **envp;
  guint16      port;
  guint16      cert_port;
  GSubprocess *nginx;
} Nginx;

static Nginx nginx;

static void
make_certificates (void)
{
  g_autofree char *ext_server = g_build_filename (nginx.dir, "server.ext", NULL);
  g_autofree char *ext_client = g_build_filename (nginx.dir, "client.ext", NULL);
  g_autofree char *client_crt = g_build_filename (nginx.dir, "client.crt", NULL);
  g_autofree char *client_key = g_build_filename (nginx.dir, "client.key", NULL);
  g_autofree char *crt = NULL;
  g_autofree char *key = NULL;
  g_autofree char *pem = NULL;
  g_autoptr(GError) error = NULL;
  const char *ca_key = "ca.key";

  g_file_set_contents (ext_server,
                       "basicConstraints=critical,CA:FALSE\n"
                       "keyUsage=critical,digitalSignature\n"
                       "extendedKeyUsage=serverAuth\n"
                       "subjectAltName=IP:127.0.0.1\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (ext_client,
                       "basicConstraints=critical,CA:FALSE\n"
                       "keyUsage=critical,digitalSignature\n"
                       "extendedKeyUsage=clientAuth\n", -1, &error);
  g_assert_no_error (error);

  /* Relative paths: openssl runs in the test folder. */
  {
    const char *ca[] = { "openssl", "req", "-x509", "-newkey", "ec",
                         "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                         "-keyout", ca_key, "-out", "ca.pem", "-days", "2",
                         "-subj", "/CN=Preflight Test CA",
                         "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL };
    const char *other[] = { "openssl", "req", "-x509", "-newkey", "ec",
                            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                            "-keyout", "other-ca.key", "-out", "other-ca.pem", "-days", "2",
                            "-subj", "/CN=Somebody Else CA",
                            "-addext", "basicConstraints=critical,CA:TRUE",
                            "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL };
    const char *server_req[] = { "openssl", "req", "-newkey", "ec",
                                 "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                 "-keyout", "server.key", "-out", "server.csr",
                                 "-subj", "/CN=127.0.0.1", NULL };
    const char *server_sign[] = { "openssl", "x509", "-req", "-in", "server.csr",
                                  "-CA", "ca.pem", "-CAkey", ca_key, "-set_serial", "2",
                                  "-days", "2", "-extfile", "server.ext",
                                  "-out", "server.pem", NULL };
    const char *client_req[] = { "openssl", "req", "-newkey", "ec",
                                 "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                 "-keyout", "client.key", "-out", "client.csr",
                                 "-subj", "/CN=Preflight Test Lab", NULL };
    const char *client_sign[] = { "openssl", "x509", "-req", "-in", "client.csr",
                                  "-CA", "ca.pem", "-CAkey", ca_key, "-set_serial", "3",
                                  "-days", "2", "-extfile", "client.ext",
                                  "-out", "client.crt", NULL };
    const char *client_p12[] = { "openssl", "pkcs12", "-export", "-in", "client.crt",
                                 "-inkey", "client.key", "-out", "client.p12",
                                 "-passout", "pass:", NULL };
    const char * const *commands[] = { ca, other, server_req, server_sign, client_req,
                                       client_sign, client_p12 };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      pf_net_fixture_run (nginx.envp, nginx.dir, commands[i]);
  }

  /* The client certificate and its key in one PEM file. */
  g_file_get_contents (client_crt, &crt, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (client_key, &key, NULL, &error);
  g_assert_no_error (error);
  pem = g_strconcat (crt, key, NULL);
  g_file_set_contents (nginx.client_pem, pem, -1, &error);
  g_assert_no_error (error);
}

static void
write_config (const char *path)
{
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;
  const char *d = nginx.dir;

  config = g_strdup_printf (
    "daemon off;\n"
    "master_process off;\n"
    "worker_processes 1;\n"
    "pid %s/nginx.pid;\n"
    "error_log %s/error.log info;\n"
    "events { worker_connections 64; }\n"
    "http {\n"
    "  log_format pf '$request_method $uri $status';\n"
    "  access_log %s pf;\n"
    "  client_body_temp_path %s/tmp-body;\n"
    "  proxy_temp_path %s/tmp-proxy;\n"
    "  fastcgi_temp_path %s/tmp-fastcgi;\n"
    "  uwsgi_temp_path %s/tmp-uwsgi;\n"
    "  scgi_temp_path %s/tmp-scgi;\n"
    "  client_max_body_size 0;\n"
    "  ssl_certificate %s/server.pem;\n"
    "  ssl_certificate_key %s/server.key;\n"
    "  root %s;\n"
    "  server {\n"
    "    listen 127.0.0.1:%u ssl;\n"
    "    location /dav/ { dav_methods PUT; create_full_put_path on; dav_access user:rw; }\n"
    "    location /token/ {\n"
    "      if ($http_authorization != \"Bearer good\") { return 401; }\n"
    "      dav_methods PUT; create_full_put_path on; dav_access user:rw;\n"
    "    }\n"
    "    location /forbidden/ { return 403; }\n"
    "  }\n"
    "  server {\n"
    "    listen 127.0.0.1:%u ssl;\n"
    "    ssl_verify_client on;\n"
    "    ssl_client_certificate %s/ca.pem;\n"
    "    location /dav/ { dav_methods PUT; create_full_put_path on; dav_access user:rw; }\n"
    "  }\n"
    "}\n",
    d, d, nginx.access_log, d, d, d, d, d, d, d, nginx.www, nginx.port, nginx.cert_port, d);
  g_file_set_contents (path, config, -1, &error);
  g_assert_no_error (error);
}

static void
start_nginx (void)
{
  g_autofree char *config = NULL;
  g_autofree char *error_log = NULL;
  g_autoptr(GError) error = NULL;

  nginx.dir = g_dir_make_tmp ("preflight-nginx-XXXXXX", &error);
  g_assert_no_error (error);
  nginx.www = g_build_filename (nginx.dir, "www", NULL);
  g_assert_cmpint (g_mkdir (nginx.www, 0755), ==, 0);
  nginx.access_log = g_build_filename (nginx.dir, "access.log", NULL);
  nginx.ca = g_build_filename (nginx.dir, "ca.pem", NULL);
  nginx.other_ca = g_build_filename (nginx.dir, "other-ca.pem", NULL);
  nginx.client_pem = g_build_filename (nginx.dir, "client.pem", NULL);
  nginx.client_p12 = g_build_filename (nginx.dir, "client.p12", NULL);
  nginx.envp = pf_net_fixture_environ (nginx.dir);
  nginx.port = pf_net_fixture_free_port ();
  do
    nginx.cert_port = pf_net_fixture_free_port ();
  while (nginx.cert_port == nginx.port);

  make_certificates ();

  config = g_build_filename (nginx.dir, "nginx.conf", NULL);
  error_log = g_build_filename (nginx.dir, "error.log", NULL);
  write_config (config);

  {
    const char *argv[] = { "/usr/sbin/nginx", "-p", nginx.dir, "-e", error_log,
                           "-c", config, NULL };

    nginx.nginx = pf_net_fixture_spawn (nginx.envp, NULL, G_SUBPROCESS_FLAGS_NONE, argv);
  }

  if (!pf_net_fixture_wait_for_port (nginx.port, 10000)
      || !pf_net_fixture_wait_for_port (nginx.cert_port, 10000))
    {
      g_autofree char *log = NULL;

      g_file_get_contents (error_log, &log, NULL, NULL);
      g_error ("nginx did not start within 10 s: %s", log != NULL ? log : "(no log)");
    }
}

static void
stop_nginx (void)
{
  g_autoptr(GFile) dir = NULL;

  pf_net_fixture_stop (nginx.nginx);
  g_clear_object (&nginx.nginx);

  dir = g_file_new_for_path (nginx.dir);
  pf_net_fixture_remove_tree (dir);
  g_free (nginx.dir);
  g_free (nginx.www);
  g_free (nginx.access_log);
  g_free (nginx.ca);
  g_free (nginx.other_ca);
  g_free (nginx.client_pem);
  g_free (nginx.client_p12);
  g_strfreev (nginx.envp);
}

static char *
endpoint (guint16     port,
          const char *path)
{
  return g_strdup_printf ("https://127.0.0.1:%u/%s", port, path);
}

/* A bundle of its own for each test, in a folder that goes with the test. */
static GFile *
make_bundle (guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("preflight-bundle-XXXXXX", &error);

  g_assert_no_error (error);
  return pf_net_fixture_make_bundle (dir, BUNDLE_NAME, 200 * 1024, seed);
}

static void
remove_bundle (GFile *bundle)
{
  g_autoptr(GFile) dir = g_file_get_parent (bundle);

  pf_net_fixture_remove_tree (dir);
}

typedef struct {
  gboolean   done;
  PfReceipt *receipt;
  GError    *error;
} Result;

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->receipt = pf_submission_submit_finish (PF_SUBMISSION (source), result, &r->error);
  r->done = TRUE;
}

static PfReceipt *
submit (PfSubmission  *submission,
        GError       **error)
{
  Result r = { FALSE, NULL, NULL };

  pf_submission_submit_async (submission, NULL, NULL, NULL, submit_cb, &r);
  g_assert_true (pf_net_fixture_iterate_until (&r.done, 60000));
  if (r.error != NULL)
    g_propagate_error (error, r.error);

  return r.receipt;
}

static PfSubmission *
new_submission (GFile      *bundle,
                guint16     port,
                const char *path)
{
  g_autofree char *url = endpoint (port, path);
  PfSubmission *submission = pf_submission_new (bundle, url);

  pf_submission_set_initial_backoff (submission, 10);
  return submission;
}

static char *
remote_path (GFile      *bundle,
             const char *folder)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (bundle, NULL, &contents, &len, NULL, &error);
  g_assert_no_error (error);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  name = pf_submission_remote_name (BUNDLE_NAME, sha);

  return g_build_filename (nginx.www, folder, name, NULL);
}

static void
assert_same_bytes (GFile      *bundle,
                   const char *stored_path)
{
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;
  gsize expected_len, stored_len;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (bundle, NULL, &expected, &expected_len, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (stored_path, &stored, &stored_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (stored, stored_len, expected, expected_len);
}

static guint
count_files (const char *folder)
{
  g_autofree char *path = g_build_filename (nginx.www, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* nginx writes the access log line once it is done with the request, which
 * for a refused upload is when the client closes the connection: keep the
 * main context running meanwhile. */
static guint
count_requests (const char *needle,
                guint       expected)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  guint n;

  while ((n = pf_net_fixture_count_lines (nginx.access_log, needle)) < expected
         && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20 * 1000);
    }

  if (n != expected)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (nginx.access_log, &log, NULL, NULL);
      g_test_message ("access log:\n%s", log);
    }

  return n;
}

static void
test_cli_upload (void)
{
  g_autoptr(GFile) bundle = make_bundle (1);
  g_autofree char *url = endpoint (nginx.port, "dav/cli");
  g_autofree char *bundle_path = g_file_get_path (bundle);
  g_autofree char *stored = remote_path (bundle, "dav/cli");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("PREFLIGHT_CLI"), "submit", bundle_path,
                         "--endpoint", url, "--ca-file", nginx.ca, NULL };

  g_assert_nonnull (argv[0]);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                               | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  assert_same_bytes (bundle, stored);
  g_assert_nonnull (strstr (out, url));
  g_assert_nonnull (strstr (out, "Digest:  sha-256=:"));
  g_assert_nonnull (strstr (out, "Status:  201"));
  g_assert_cmpuint (count_requests ("PUT /dav/cli/", 1), ==, 1);
  g_assert_cmpuint (count_requests ("HEAD /dav/cli/", 1), ==, 1);

  remove_bundle (bundle);
}

static int
run_cli (const char * const  *args,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PREFLIGHT_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, *err);

  return g_subprocess_get_exit_status (process);
}

static void
test_cli_receipt_and_failures (void)
{
  g_autoptr(GFile) bundle = make_bundle (8);
  g_autofree char *bundle_path = g_file_get_path (bundle);
  g_autoptr(GFile) dir = g_file_get_parent (bundle);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *assessment_path = g_build_filename (dir_path, "lab.preflight", NULL);
  g_autofree char *token_path = g_build_filename (dir_path, "token", NULL);
  g_autofree char *token_url = endpoint (nginx.port, "token/cli");
  g_autofree char *forbidden_url = endpoint (nginx.port, "forbidden/cli");
  g_autofree char *untrusted_url = endpoint (nginx.port, "dav/cli-untrusted");
  g_autoptr(GFile) assessment_file = g_file_new_for_path (assessment_path);
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *receipts;
  const PfReceipt *receipt;

  {
    const char *args[] = { "new", "-o", assessment_path, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 0);
  }

  /* A token file with a final newline, as editors write it. */
  g_file_set_contents (token_path, "good\n", -1, &error);
  g_assert_no_error (error);
  {
    const char *args[] = { "submit", bundle_path, "--endpoint", token_url, "--ca-file", nginx.ca,
                           "--token-file", token_path, "--assessment", assessment_path, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 0);
  }

  assessment = pf_assessment_load (assessment_file, NULL, &error);
  g_assert_no_error (error);
  receipts = pf_assessment_get_receipts (assessment);
  g_assert_cmpuint (receipts->len, ==, 1);
  receipt = g_ptr_array_index (receipts, 0);
  g_assert_true (g_str_has_prefix (receipt->url, token_url));
  g_assert_cmpuint (receipt->status, ==, 201);
  g_assert_true (g_str_has_prefix (receipt->digest, "sha-256=:"));
  g_assert_cmpuint (count_files ("token/cli"), ==, 1);

  {
    const char *args[] = { "submit", bundle_path, "--endpoint", forbidden_url,
                           "--ca-file", nginx.ca, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "403 Forbidden"));
  }

  {
    const char *args[] = { "submit", bundle_path, "--endpoint", untrusted_url, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "not trusted"));
    g_assert_cmpuint (count_files ("dav/cli-untrusted"), ==, 0);
  }

  {
    const char *args[] = { "submit", bundle_path, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 2);
  }

  remove_bundle (bundle);
}

static void
test_repeat_is_idempotent (void)
{
  g_autoptr(GFile) bundle = make_bundle (2);
  g_autoptr(PfSubmission) submission = new_submission (bundle, nginx.port, "dav/repeat");
  g_autofree char *stored = remote_path (bundle, "dav/repeat");
  g_autoptr(PfReceipt) first = NULL;
  g_autoptr(PfReceipt) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  pf_submission_set_ca_file (submission, nginx.ca);

  first = submit (submission, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 201);

  second = submit (submission, &error);
  g_assert_no_error (error);
  /* nginx ignores If-None-Match on PUT and overwrites: the same name holds
   * the same bytes, so that is harmless. */
  g_assert_cmpuint (second->status, ==, 204);
  g_assert_cmpstr (second->url, ==, first->url);
  g_assert_cmpstr (second->digest, ==, first->digest);

  g_assert_cmpuint (count_files ("dav/repeat"), ==, 1);
  assert_same_bytes (bundle, stored);

  g_file_load_contents (bundle, NULL, &contents, &len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->size, ==, len);
  g_assert_nonnull (first->etag);

  remove_bundle (bundle);
}

static void
test_untrusted_certificate (void)
{
  g_autoptr(GFile) bundle = make_bundle (3);
  g_autoptr(PfSubmission) without_ca = new_submission (bundle, nginx.port, "dav/untrusted");
  g_autoptr(PfSubmission) wrong_ca = new_submission (bundle, nginx.port, "dav/untrusted");
  g_autoptr(PfReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = submit (without_ca, &error);
  g_assert_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_TLS);
  g_assert_null (receipt);
  g_assert_nonnull (strstr (error->message, "not trusted"));
  g_clear_error (&error);

  /* A CA file adds trust anchors; a CA that did not sign the server's
   * certificate does not make it acceptable. */
  pf_submission_set_ca_file (wrong_ca, nginx.other_ca);
  receipt = submit (wrong_ca, &error);
  g_assert_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_TLS);
  g_assert_null (receipt);

  g_assert_cmpuint (count_files ("dav/untrusted"), ==, 0);
  g_assert_cmpuint (pf_net_fixture_count_lines (nginx.access_log, "/dav/untrusted"), ==, 0);

  remove_bundle (bundle);
}

static void
test_client_certificate (void)
{
  g_autoptr(GFile) bundle = make_bundle (4);
  g_autoptr(GFile) other = make_bundle (5);
  g_autoptr(PfSubmission) without = new_submission (bundle, nginx.cert_port, "dav/client");
  g_autoptr(PfSubmission) pem = new_submission (bundle, nginx.cert_port, "dav/client");
  g_autoptr(PfSubmission) p12 = new_submission (other, nginx.cert_port, "dav/client");
  g_autofree char *stored = remote_path (bundle, "dav/client");
  g_autofree char *stored_other = remote_path (other, "dav/client");
  g_autoptr(PfReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  pf_submission_set_ca_file (without, nginx.ca);
  receipt = submit (without, &error);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_TLS)
                 || g_error_matches (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT));
  g_assert_nonnull (strstr (error->message, "client certificate"));
  g_assert_null (receipt);
  g_assert_cmpuint (count_files ("dav/client"), ==, 0);
  g_clear_error (&error);

  pf_submission_set_ca_file (pem, nginx.ca);
  pf_submission_set_client_certificate (pem, nginx.client_pem);
  receipt = submit (pem, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->status, ==, 201);
  assert_same_bytes (bundle, stored);
  g_clear_pointer (&receipt, pf_receipt_free);

  pf_submission_set_ca_file (p12, nginx.ca);
  pf_submission_set_client_certificate (p12, nginx.client_p12);
  receipt = submit (p12, &error);
  g_assert_no_error (error);
  assert_same_bytes (other, stored_other);

  remove_bundle (bundle);
  remove_bundle (other);
}

static void
count_retry (PfSubmission *submission,
             guint         attempt,
             double        delay,
             gpointer      user_data)
{
  guint *retries = user_data;

  (*retries)++;
}

static void
test_unauthorized (void)
{
  g_autoptr(GFile) bundle = make_bundle (6);
  g_autoptr(PfSubmission) submission = new_submission (bundle, nginx.port, "token/lab");
  g_autoptr(PfReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  guint retries = 0;

  pf_submission_set_ca_file (submission, nginx.ca);
  g_signal_connect (submission, "retrying", G_CALLBACK (count_retry), &retries);

  receipt = submit (submission, &error);
  g_assert_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT);
  g_assert_nonnull (strstr (error->message, "401"));
  g_assert_null (receipt);
  g_assert_cmpuint (count_requests ("PUT /token/lab/", 1), ==, 1);
  g_clear_error (&error);

  pf_submission_set_token (submission, "bad");
  receipt = submit (submission, &error);
  g_assert_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT);
  g_assert_null (receipt);
  g_assert_cmpuint (count_requests ("PUT /token/lab/", 2), ==, 2);
  g_assert_cmpuint (count_files ("token/lab"), ==, 0);
  g_clear_error (&error);

  pf_submission_set_token (submission, "good");
  receipt = submit (submission, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->status, ==, 201);
  g_assert_cmpuint (count_files ("token/lab"), ==, 1);
  g_assert_cmpuint (retries, ==, 0);

  remove_bundle (bundle);
}

static void
test_forbidden (void)
{
  g_autoptr(GFile) bundle = make_bundle (7);
  g_autoptr(PfSubmission) submission = new_submission (bundle, nginx.port, "forbidden/lib");
  g_autoptr(PfReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  guint retries = 0;

  pf_submission_set_ca_file (submission, nginx.ca);
  pf_submission_set_token (submission, "good");
  g_signal_connect (submission, "retrying", G_CALLBACK (count_retry), &retries);

  receipt = submit (submission, &error);
  g_assert_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT);
  g_assert_nonnull (strstr (error->message, "403 Forbidden"));
  g_assert_null (receipt);
  g_assert_cmpuint (count_requests ("PUT /forbidden/lib/", 1), ==, 1);
  g_assert_cmpuint (retries, ==, 0);

  remove_bundle (bundle);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The desktop's proxy resolver reads GSettings schemas that the isolated
   * test folders do not have; the servers are on loopback anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  if (!g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    g_error ("/usr/sbin/nginx is missing: apt-get install nginx openssl");

  g_test_add_func ("/net/nginx/cli-upload-byte-exact", test_cli_upload);
  g_test_add_func ("/net/nginx/cli-receipt-and-failures", test_cli_receipt_and_failures);
  g_test_add_func ("/net/nginx/repeat-is-idempotent", test_repeat_is_idempotent);
  g_test_add_func ("/net/nginx/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/net/nginx/client-certificate", test_client_certificate);
  g_test_add_func ("/net/nginx/unauthorized", test_unauthorized);
  g_test_add_func ("/net/nginx/forbidden", test_forbidden);

  start_nginx ();
  status = g_test_run ();
  stop_nginx ();

  return status;
}
