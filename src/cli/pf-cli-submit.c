/* pf-cli-submit.c: the submit command: uploads a bundle and prints the receipt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-cli-common.h"

/* A token file holds one line; more than this is not a token. */
#define TOKEN_FILE_MAX 16384

typedef struct {
  GMainLoop *loop;
  PfReceipt *receipt;
  GError    *error;
} SubmitState;

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SubmitState *state = user_data;

  state->receipt = pf_submission_submit_finish (PF_SUBMISSION (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
on_retrying (PfSubmission *submission,
             guint         attempt,
             double        delay,
             gpointer      user_data)
{
  g_printerr (_("Upload failed; retry %u in %.1f s\n"), attempt, delay);
}

/* The token stays out of the command line (and so out of ps and shell
 * history): it is read from a file, surrounding whitespace removed. */
static char *
read_token_file (const char  *path,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (length > TOKEN_FILE_MAX || strlen (contents) != length || g_strstrip (contents)[0] == '\0'
      || strpbrk (contents, "\r\n") != NULL)
    {
      memset (contents, 0, length);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s does not hold a token on one line; write only the token into it"),
                   path);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static void
print_receipt (const PfReceipt *receipt)
{
  g_print ("%-8s %s\n", _("URL:"), receipt->url);
  g_print ("%-8s %s\n", _("Time:"), receipt->time);
  g_print ("%-8s %u\n", _("Status:"), receipt->status);
  g_print ("%-8s %" G_GUINT64_FORMAT "\n", _("Size:"), receipt->size);
  g_print ("%-8s %s\n", _("Digest:"), receipt->digest);
  if (receipt->etag != NULL)
    g_print ("%-8s %s\n", _("ETag:"), receipt->etag);
}

int
pf_cli_submit (const PfCliCommand  *command,
               int                  argc,
               char               **argv)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *client_cert = NULL;
  g_autofree char *assessment_path = NULL;
  const GOptionEntry entries[] = {
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &endpoint,
      N_("Address to upload to (required; https://, or http:// to this computer)"), N_("URL") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the certificate authorities in this PEM file"), N_("FILE") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file,
      N_("Send the bearer token held in this file"), N_("FILE") },
    { "client-cert", 0, 0, G_OPTION_ARG_FILENAME, &client_cert,
      N_("Present this client certificate (PEM with key, or PKCS #12)"), N_("FILE") },
    { "assessment", 0, 0, G_OPTION_ARG_FILENAME, &assessment_path,
      N_("Store the receipt in this assessment"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfSubmission) submission = NULL;
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(PfReceipt) receipt = NULL;
  SubmitState state = { NULL, };

  context = pf_cli_context_new (command, _("BUNDLE.zip --endpoint URL"), entries,
                                _("Verifies the bundle, then uploads it with an HTTPS PUT to "
                                  "URL/NAME-HASH.zip, where HASH is the start of its SHA-256, "
                                  "so a repeated upload is harmless. Certificates are always "
                                  "verified. Network errors and 5xx answers are retried."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 1))
    return PF_CLI_EXIT_USAGE;
  if (endpoint == NULL)
    return pf_cli_usage_error (_("missing --endpoint URL"));

  /* Open the assessment first: a receipt that cannot be stored would be
   * lost after the upload. */
  if (assessment_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (assessment_path);

      assessment = pf_assessment_load (file, NULL, &error);
      if (assessment == NULL)
        return pf_cli_fail (error);
    }

  bundle = g_file_new_for_commandline_arg (argv[1]);
  submission = pf_submission_new (bundle, endpoint);
  pf_submission_set_ca_file (submission, ca_file);
  pf_submission_set_client_certificate (submission, client_cert);
  if (token_file != NULL)
    {
      g_autofree char *token = read_token_file (token_file, &error);

      if (token == NULL)
        return pf_cli_fail (error);
      pf_submission_set_token (submission, token);
      memset (token, 0, strlen (token));
    }
  g_signal_connect (submission, "retrying", G_CALLBACK (on_retrying), NULL);

  loop = g_main_loop_new (NULL, FALSE);
  state.loop = loop;
  pf_submission_submit_async (submission, NULL, NULL, NULL, submit_cb, &state);
  g_main_loop_run (loop);

  receipt = g_steal_pointer (&state.receipt);
  if (receipt == NULL)
    {
      error = g_steal_pointer (&state.error);
      return pf_cli_fail (error);
    }

  print_receipt (receipt);

  if (assessment != NULL)
    {
      pf_assessment_add_receipt (assessment, receipt);
      if (!pf_assessment_save (assessment, pf_assessment_get_file (assessment), &error))
        {
          g_prefix_error (&error, _("The bundle was uploaded but the receipt was not saved: "));
          return pf_cli_fail (error);
        }
    }

  return PF_CLI_EXIT_OK;
}
