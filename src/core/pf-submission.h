/* pf-submission.h: uploads a verified bundle to a submission endpoint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pf-receipt.h"

G_BEGIN_DECLS

#define PF_SUBMISSION_ERROR (pf_submission_error_quark ())
typedef enum {
  PF_SUBMISSION_ERROR_INSECURE_ENDPOINT, /* not https, and not http to a loopback address */
  PF_SUBMISSION_ERROR_TLS,               /* untrusted server, client certificate refused … */
  PF_SUBMISSION_ERROR_HTTP_CLIENT,       /* a 4xx answer (not retried) */
  PF_SUBMISSION_ERROR_HTTP_SERVER,       /* a 5xx answer, still after every retry */
  PF_SUBMISSION_ERROR_NETWORK,           /* no connection, or it broke, after every retry */
  PF_SUBMISSION_ERROR_SIZE_MISMATCH,     /* the server does not hold the whole bundle */
  PF_SUBMISSION_ERROR_BUNDLE_INVALID,    /* the bundle does not verify */
  PF_SUBMISSION_ERROR_CANCELLED,
  PF_SUBMISSION_ERROR_REDIRECT,          /* the server sent the upload elsewhere */
  PF_SUBMISSION_ERROR_CREDENTIALS,       /* the CA file or client certificate does not load */
} PfSubmissionError;

GQuark pf_submission_error_quark (void);

#define PF_TYPE_SUBMISSION (pf_submission_get_type ())
G_DECLARE_FINAL_TYPE (PfSubmission, pf_submission, PF, SUBMISSION, GObject)

/* Uploads @bundle with an HTTPS PUT to `<endpoint>/<name>-<12 hex of its
 * SHA-256>.zip`; the name carries the hash, so one name always holds the
 * same bytes and repeating a submission is harmless. Plain http:// is only
 * accepted for a loopback host. */
PfSubmission *pf_submission_new                    (GFile         *bundle,
                                                    const char    *endpoint);
GFile        *pf_submission_get_bundle             (PfSubmission  *self);
const char   *pf_submission_get_endpoint           (PfSubmission  *self);

/* A PEM file of CA certificates trusted in addition to the system's. */
void          pf_submission_set_ca_file            (PfSubmission  *self,
                                                    const char    *ca_file);
const char   *pf_submission_get_ca_file            (PfSubmission  *self);
/* A PEM file with certificate and private key, or an unencrypted PKCS#12
 * file (.p12, .pfx), presented when the server asks for one. */
void          pf_submission_set_client_certificate (PfSubmission  *self,
                                                    const char    *certificate_file);
const char   *pf_submission_get_client_certificate (PfSubmission  *self);
/* Sent as "Authorization: Bearer …" to the endpoint's host only; kept in
 * memory, never logged, never a property. */
void          pf_submission_set_token              (PfSubmission  *self,
                                                    const char    *token);
/* Retries after a network error or a 5xx answer (default 4). */
void          pf_submission_set_max_retries        (PfSubmission  *self,
                                                    guint          max_retries);
guint         pf_submission_get_max_retries        (PfSubmission  *self);
/* The wait before the first retry, doubled for each further one
 * (default 1000 ms). */
void          pf_submission_set_initial_backoff    (PfSubmission  *self,
                                                    guint          milliseconds);
guint         pf_submission_get_initial_backoff    (PfSubmission  *self);

/* `<bundle base name without .zip>-<first 12 hex of its SHA-256>.zip`;
 * @sha256_hex is the bundle's lower-case hex digest. */
char         *pf_submission_remote_name            (const char    *bundle_basename,
                                                    const char    *sha256_hex);

/* Verifies the bundle (PfBundleReader), hashes it, then uploads it with
 * bounded retries and confirms the stored size with a HEAD. Progress is the
 * bytes of the body sent in the current attempt, reported in the caller's
 * thread-default main context; ::retrying (guint attempt, gdouble
 * delay_seconds) is emitted before each wait. Cancelling stops at once with
 * PF_SUBMISSION_ERROR_CANCELLED. The receipt is the caller's to store. */
void          pf_submission_submit_async           (PfSubmission         *self,
                                                    GCancellable         *cancellable,
                                                    GFileProgressCallback progress,
                                                    gpointer              progress_data,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
PfReceipt    *pf_submission_submit_finish          (PfSubmission         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
