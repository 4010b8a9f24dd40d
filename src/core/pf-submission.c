/* pf-submission.c: uploads a verified bundle to a submission endpoint.
 *
 * The protocol is a plain WebDAV PUT (DESIGN.md §7), so that an nginx or
 * Apache with the dav module can receive bundles. Nothing here ever weakens
 * certificate checks: a CA file only adds trust anchors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-submission"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "pf-bundle-reader.h"
#include "pf-sha256.h"
#include "pf-submission.h"
#include "pf-timestamp.h"

#define DEFAULT_MAX_RETRIES        4
#define DEFAULT_INITIAL_BACKOFF_MS 1000
/* Seconds without progress on the connection before libsoup gives up. */
#define IO_TIMEOUT_SECONDS         60
#define HASH_BUFFER_SIZE           (64 * 1024)
#define NAME_HASH_LENGTH           12

struct _PfSubmission
{
  GObject  parent_instance;

  GFile   *bundle;             /* (owned) */
  char    *endpoint;           /* (owned) */
  char    *ca_file;            /* (owned) (nullable) */
  char    *client_certificate; /* (owned) (nullable) */
  char    *token;              /* (owned) (nullable); wiped in finalize */
  guint    max_retries;
  guint    initial_backoff;
};

G_DEFINE_TYPE (PfSubmission, pf_submission, G_TYPE_OBJECT)

G_DEFINE_QUARK (pf-submission-error-quark, pf_submission_error)

enum {
  PROP_0,
  PROP_BUNDLE,
  PROP_ENDPOINT,
  PROP_CA_FILE,
  PROP_CLIENT_CERTIFICATE,
  PROP_MAX_RETRIES,
  PROP_INITIAL_BACKOFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RETRYING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the bundle check in the worker thread found. */
typedef struct {
  guint8  digest[32];
  guint64 size;
} BundleFacts;

/* One submit_async call, owned by its GTask. */
typedef struct {
  SoupSession          *session;          /* (owned) */
  GUri                 *url;              /* (owned) */
  char                 *url_string;       /* (owned) */
  GTlsDatabase         *ca_database;      /* (owned) (nullable) */
  GTlsCertificate      *client_cert;      /* (owned) (nullable) */
  char                 *authorization;    /* (owned) (nullable) */
  char                 *content_digest;   /* (owned) */
  guint64               size;
  GFileProgressCallback progress;
  gpointer              progress_data;
  guint                 attempt;          /* 1 for the first PUT */
  guint64               sent;             /* body bytes of the current attempt */
  guint                 put_status;
  char                 *etag;             /* (owned) (nullable) */
  GSource              *wait_source;      /* (owned) (nullable): backoff timer */
  GSource              *cancel_source;    /* (owned) (nullable): ends the wait */
  GTlsCertificateFlags  rejected_flags;   /* why the server certificate was refused */
  gboolean              certificate_asked; /* the server wanted a client certificate */
} Upload;

static void
upload_free (Upload *upload)
{
  g_clear_object (&upload->session);
  g_clear_pointer (&upload->url, g_uri_unref);
  g_free (upload->url_string);
  g_clear_object (&upload->ca_database);
  g_clear_object (&upload->client_cert);
  if (upload->authorization != NULL)
    memset (upload->authorization, 0, strlen (upload->authorization));
  g_free (upload->authorization);
  g_free (upload->content_digest);
  g_free (upload->etag);
  if (upload->wait_source != NULL)
    g_source_destroy (upload->wait_source);
  g_clear_pointer (&upload->wait_source, g_source_unref);
  if (upload->cancel_source != NULL)
    g_source_destroy (upload->cancel_source);
  g_clear_pointer (&upload->cancel_source, g_source_unref);
  g_free (upload);
}

static void
pf_submission_finalize (GObject *object)
{
  PfSubmission *self = PF_SUBMISSION (object);

  g_clear_object (&self->bundle);
  g_free (self->endpoint);
  g_free (self->ca_file);
  g_free (self->client_certificate);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (pf_submission_parent_class)->finalize (object);
}

static void
pf_submission_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PfSubmission *self = PF_SUBMISSION (object);

  switch (prop_id)
    {
    case PROP_BUNDLE:
      g_value_set_object (value, self->bundle);
      break;
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    case PROP_CLIENT_CERTIFICATE:
      g_value_set_string (value, self->client_certificate);
      break;
    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;
    case PROP_INITIAL_BACKOFF:
      g_value_set_uint (value, self->initial_backoff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_submission_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PfSubmission *self = PF_SUBMISSION (object);

  switch (prop_id)
    {
    case PROP_BUNDLE:
      self->bundle = g_value_dup_object (value);
      break;
    case PROP_ENDPOINT:
      self->endpoint = g_value_dup_string (value);
      break;
    case PROP_CA_FILE:
      pf_submission_set_ca_file (self, g_value_get_string (value));
      break;
    case PROP_CLIENT_CERTIFICATE:
      pf_submission_set_client_certificate (self, g_value_get_string (value));
      break;
    case PROP_MAX_RETRIES:
      pf_submission_set_max_retries (self, g_value_get_uint (value));
      break;
    case PROP_INITIAL_BACKOFF:
      pf_submission_set_initial_backoff (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_submission_class_init (PfSubmissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_submission_finalize;
  object_class->get_property = pf_submission_get_property;
  object_class->set_property = pf_submission_set_property;

  properties[PROP_BUNDLE] =
    g_param_spec_object ("bundle", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLIENT_CERTIFICATE] =
    g_param_spec_string ("client-certificate", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 20, DEFAULT_MAX_RETRIES,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INITIAL_BACKOFF] =
    g_param_spec_uint ("initial-backoff", NULL, NULL, 0, 600000, DEFAULT_INITIAL_BACKOFF_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted before waiting @delay_seconds for retry number @attempt, so a
   * view can say "retrying in 4 s". */
  signals[SIGNAL_RETRYING] =
    g_signal_new ("retrying",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);
}

static void
pf_submission_init (PfSubmission *self)
{
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->initial_backoff = DEFAULT_INITIAL_BACKOFF_MS;
}

PfSubmission *
pf_submission_new (GFile      *bundle,
                   const char *endpoint)
{
  g_return_val_if_fail (G_IS_FILE (bundle), NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  return g_object_new (PF_TYPE_SUBMISSION, "bundle", bundle, "endpoint", endpoint, NULL);
}

GFile *
pf_submission_get_bundle (PfSubmission *self)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), NULL);

  return self->bundle;
}

const char *
pf_submission_get_endpoint (PfSubmission *self)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), NULL);

  return self->endpoint;
}

static void
set_string (PfSubmission  *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
pf_submission_set_ca_file (PfSubmission *self,
                           const char   *ca_file)
{
  g_return_if_fail (PF_IS_SUBMISSION (self));

  set_string (self, &self->ca_file, ca_file, PROP_CA_FILE);
}

const char *
pf_submission_get_ca_file (PfSubmission *self)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), NULL);

  return self->ca_file;
}

void
pf_submission_set_client_certificate (PfSubmission *self,
                                      const char   *certificate_file)
{
  g_return_if_fail (PF_IS_SUBMISSION (self));

  set_string (self, &self->client_certificate, certificate_file, PROP_CLIENT_CERTIFICATE);
}

const char *
pf_submission_get_client_certificate (PfSubmission *self)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), NULL);

  return self->client_certificate;
}

void
pf_submission_set_token (PfSubmission *self,
                         const char   *token)
{
  g_return_if_fail (PF_IS_SUBMISSION (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = (token != NULL && *token != '\0') ? g_strdup (token) : NULL;
}

void
pf_submission_set_max_retries (PfSubmission *self,
                               guint         max_retries)
{
  g_return_if_fail (PF_IS_SUBMISSION (self));

  if (self->max_retries == max_retries)
    return;

  self->max_retries = max_retries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RETRIES]);
}

guint
pf_submission_get_max_retries (PfSubmission *self)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), 0);

  return self->max_retries;
}

void
pf_submission_set_initial_backoff (PfSubmission *self,
                                   guint         milliseconds)
{
  g_return_if_fail (PF_IS_SUBMISSION (self));

  if (self->initial_backoff == milliseconds)
    return;

  self->initial_backoff = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIAL_BACKOFF]);
}

guint
pf_submission_get_initial_backoff (PfSubmission *self)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), 0);

  return self->initial_backoff;
}

char *
pf_submission_remote_name (const char *bundle_basename,
                           const char *sha256_hex)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (bundle_basename != NULL, NULL);
  g_return_val_if_fail (sha256_hex != NULL && strlen (sha256_hex) >= NAME_HASH_LENGTH, NULL);

  if (g_str_has_suffix (bundle_basename, ".zip"))
    stem = g_strndup (bundle_basename, strlen (bundle_basename) - strlen (".zip"));
  else
    stem = g_strdup (bundle_basename);

  return g_strdup_printf ("%s-%.*s.zip", stem, NAME_HASH_LENGTH, sha256_hex);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Only https, or http to this very machine (a test or a local relay):
 * anything else would send the lab's data in clear over a network. */
static GUri *
parse_endpoint (const char  *endpoint,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  const char *host;

  uri = g_uri_parse (endpoint, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_INSECURE_ENDPOINT,
                   _("The endpoint “%s” is not a valid https:// address; check the "
                     "submission settings."), endpoint);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return g_steal_pointer (&uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host))
    return g_steal_pointer (&uri);

  g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_INSECURE_ENDPOINT,
               _("The endpoint “%s” does not use https://; Preflight only sends bundles "
                 "encrypted (plain http:// is allowed for this computer only). Use the "
                 "https:// address of the endpoint."), endpoint);
  return NULL;
}

/* The endpoint with the remote name appended as one more path segment. */
static GUri *
build_target (GUri       *endpoint,
              const char *remote_name)
{
  g_autofree char *escaped = g_uri_escape_string (remote_name, NULL, FALSE);
  const char *path = g_uri_get_path (endpoint);
  g_autofree char *new_path = NULL;

  new_path = g_strconcat (path, g_str_has_suffix (path, "/") ? "" : "/", escaped, NULL);

  return g_uri_build (g_uri_get_flags (endpoint) | G_URI_FLAGS_ENCODED_PATH,
                      g_uri_get_scheme (endpoint), NULL,
                      g_uri_get_host (endpoint), g_uri_get_port (endpoint),
                      new_path, NULL, NULL);
}

/* Runs in a worker thread: the bundle must verify before any byte leaves
 * the machine, and its hash names it on the server. */
static void
check_bundle_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(PfBundleReader) reader = pf_bundle_reader_new (file);
  g_autoptr(GFileInputStream) in = NULL;
  /* PfSha256, not GChecksum: see pf-sha256.h. */
  g_autoptr(PfSha256) checksum = pf_sha256_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  BundleFacts *facts = g_new0 (BundleFacts, 1);

  if (!pf_bundle_reader_verify (reader, cancellable, &error))
    {
      if (g_error_matches (error, PF_BUNDLE_ERROR, PF_BUNDLE_ERROR_CANCELLED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED,
                                 _("The submission was cancelled."));
      else
        g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_BUNDLE_INVALID,
                                 _("The bundle “%s” does not verify, so it was not sent: %s"),
                                 name, error->message);
      g_free (facts);
      return;
    }

  in = g_file_read (file, cancellable, &error);
  if (in == NULL
      || !pf_sha256_update_from_stream (checksum, G_INPUT_STREAM (in), HASH_BUFFER_SIZE,
                                        NULL, NULL, &facts->size, cancellable, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED,
                                 _("The submission was cancelled."));
      else
        g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_BUNDLE_INVALID,
                                 _("Could not read the bundle “%s”: %s"), name, error->message);
      g_free (facts);
      return;
    }

  pf_sha256_get_digest (checksum, facts->digest);
  g_task_return_pointer (task, facts, g_free);
}

static char *
describe_certificate_flags (GTlsCertificateFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (reasons, _("it is signed by an authority that is not trusted"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (reasons, _("it was issued for another host name"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (reasons, _("it is not valid yet"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (reasons, _("it has expired"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (reasons, _("it was revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (reasons, _("it uses an insecure algorithm"));
  if (reasons->len == 0)
    g_ptr_array_add (reasons, _("it could not be verified"));
  g_ptr_array_add (reasons, NULL);

  return g_strjoinv ("; ", (char **) reasons->pdata);
}

/* Emitted only when the system trust store refused the certificate: give
 * the configured CA file its say, with the full chain and host name check. */
static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  Upload *upload = user_data;
  g_autoptr(GSocketConnectable) identity = NULL;
  GTlsCertificateFlags flags;

  upload->rejected_flags = errors;
  if (upload->ca_database == NULL)
    return FALSE;

  identity = g_network_address_new (g_uri_get_host (upload->url),
                                    (guint16) g_uri_get_port (upload->url));
  flags = g_tls_database_verify_chain (upload->ca_database, certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, identity,
                                       NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, NULL);
  upload->rejected_flags = flags;

  return flags == 0;
}

static gboolean
on_request_certificate (SoupMessage          *msg,
                        GTlsClientConnection *connection,
                        gpointer              user_data)
{
  Upload *upload = user_data;

  /* Only reached when no client certificate was configured; the handshake
   * then goes on without one and the error says what the server wanted. */
  upload->certificate_asked = TRUE;

  return FALSE;
}

static void
on_wrote_body_data (SoupMessage *msg,
                    guint        chunk_size,
                    gpointer     user_data)
{
  Upload *upload = user_data;

  upload->sent += chunk_size;
  if (upload->progress != NULL)
    upload->progress ((goffset) upload->sent, (goffset) upload->size, upload->progress_data);
}

static SoupMessage *
new_message (Upload     *upload,
             const char *method)
{
  g_autoptr(SoupMessage) msg = soup_message_new_from_uri (method, upload->url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  /* A redirect could carry the bundle and the token to another host. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (upload->authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", upload->authorization);
  if (upload->client_cert != NULL)
    soup_message_set_tls_client_certificate (msg, upload->client_cert);

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), upload);
  g_signal_connect (msg, "request-certificate", G_CALLBACK (on_request_certificate), upload);

  return g_steal_pointer (&msg);
}

/* Turns a failed exchange into the error the user sees; TRUE when a retry
 * could help. */
static gboolean
classify_transport_error (Upload  *upload,
                          GError  *error,
                          GError **out_error)
{
  const char *host = g_uri_get_host (upload->url);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_set_error_literal (out_error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED,
                           _("The submission was cancelled."));
      return FALSE;
    }

  if (upload->rejected_flags != 0)
    {
      g_autofree char *reasons = describe_certificate_flags (upload->rejected_flags);

      g_set_error (out_error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_TLS,
                   _("The certificate of %s is not trusted (%s), so nothing was sent. If "
                     "the endpoint uses a private certificate authority, give its "
                     "certificate as the CA file."),
                   host, reasons);
      return FALSE;
    }

  if (error->domain == G_TLS_ERROR)
    {
      if (upload->certificate_asked && upload->client_cert == NULL)
        g_set_error (out_error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_TLS,
                     _("%s requires a client certificate (%s); choose the certificate your "
                       "organisation was given for submissions."),
                     host, error->message);
      else
        g_set_error (out_error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_TLS,
                     _("The secure connection to %s failed: %s"), host, error->message);
      return FALSE;
    }

  g_set_error (out_error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_NETWORK,
               _("Could not send the bundle to %s: %s. Check the network connection and "
                 "the endpoint address."),
               host, error->message);
  return TRUE;
}

static void
set_http_error (GError      **error,
                Upload       *upload,
                SoupMessage  *msg)
{
  guint status = soup_message_get_status (msg);
  const char *reason = soup_message_get_reason_phrase (msg);
  const char *host = g_uri_get_host (upload->url);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT,
                 _("%s refused the upload (%u %s): the token is missing or not valid; "
                   "check the token in the submission settings."),
                 host, status, reason);
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT,
                 _("%s refused the upload (%u %s): check the token and the client "
                   "certificate, and that this endpoint accepts your submissions."),
                 host, status, reason);
  else if (SOUP_STATUS_IS_CLIENT_ERROR (status) && upload->certificate_asked
           && upload->client_cert == NULL)
    g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT,
                 _("%s refused the upload (%u %s): it asks for a client certificate; choose "
                   "the certificate your organisation was given for submissions."),
                 host, status, reason);
  else if (SOUP_STATUS_IS_CLIENT_ERROR (status))
    g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_CLIENT,
                 _("%s refused the upload (%u %s); check the endpoint address and the "
                   "submission settings."),
                 host, status, reason);
  else
    g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_HTTP_SERVER,
                 _("%s could not store the upload (%u %s); try again later or tell the "
                   "endpoint’s operators."),
                 host, status, reason);
}

static void
set_redirect_error (GError      **error,
                    Upload       *upload,
                    SoupMessage  *msg)
{
  const char *location =
    soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");

  g_set_error (error, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_REDIRECT,
               _("%s answered %u %s and points elsewhere (%s); Preflight does not follow "
                 "redirects with your bundle. If you trust that address, set it as the "
                 "endpoint."),
               g_uri_get_host (upload->url), soup_message_get_status (msg),
               soup_message_get_reason_phrase (msg), location != NULL ? location : "?");
}

static void start_put (GTask *task);

static void
finish_with_receipt (GTask *task)
{
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(PfReceipt) receipt = pf_receipt_new ();

  receipt->url = g_strdup (upload->url_string);
  receipt->time = pf_timestamp_now ();
  receipt->status = upload->put_status;
  receipt->size = upload->size;
  receipt->digest = g_strdup (upload->content_digest);
  /* A header may hold any bytes; the receipt is saved in the assessment's
   * JSON, which must be UTF-8 (the ETag is kept for the record only). */
  if (upload->etag != NULL && g_utf8_validate (upload->etag, -1, NULL))
    receipt->etag = g_strdup (upload->etag);

  g_task_return_pointer (task, g_steal_pointer (&receipt), (GDestroyNotify) pf_receipt_free);
}

static void
head_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *upload = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reported = NULL;
  SoupMessageHeaders *headers;
  goffset length;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      classify_transport_error (upload, error, &reported);
      g_prefix_error (&reported, _("The upload could not be confirmed: "));
      g_task_return_error (task, g_steal_pointer (&reported));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      set_http_error (&error, upload, msg);
      g_prefix_error (&error, _("The upload could not be confirmed: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  headers = soup_message_get_response_headers (msg);
  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH
      || (guint64) length != upload->size)
    {
      g_autofree char *stored = g_strdup_printf ("%" G_GOFFSET_FORMAT, length);
      g_autofree char *sent = g_strdup_printf ("%" G_GUINT64_FORMAT, upload->size);

      g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_SIZE_MISMATCH,
                               _("%s holds %s bytes under %s, not the %s of the bundle; "
                                 "submit again or tell the endpoint’s operators."),
                               g_uri_get_host (upload->url), stored, upload->url_string, sent);
      return;
    }

  if (upload->etag == NULL)
    upload->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));

  finish_with_receipt (task);
}

static void
start_head (GTask *task)
{
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = new_message (upload, SOUP_METHOD_HEAD);

  soup_session_send_and_read_async (upload->session, msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), head_cb,
                                    g_object_ref (task));
}

static void
stop_waiting (Upload *upload)
{
  g_source_destroy (upload->wait_source);
  g_clear_pointer (&upload->wait_source, g_source_unref);
  g_source_destroy (upload->cancel_source);
  g_clear_pointer (&upload->cancel_source, g_source_unref);
}

static gboolean
backoff_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Upload *upload = g_task_get_task_data (task);

  stop_waiting (upload);
  start_put (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

static gboolean
backoff_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  Upload *upload = g_task_get_task_data (task);

  stop_waiting (upload);
  g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED,
                           _("The submission was cancelled."));

  return G_SOURCE_REMOVE;
}

/* Exponential backoff, waiting in the task's main context; a cancel ends
 * the wait at once. The task's reference is held by the two sources. */
static gboolean
schedule_retry (GTask *task)
{
  PfSubmission *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *context = g_task_get_context (task);
  guint retry = upload->attempt;
  guint64 delay_ms;

  if (retry > self->max_retries)
    return FALSE;

  delay_ms = (guint64) self->initial_backoff << MIN (retry - 1, 16u);
  delay_ms = MIN (delay_ms, G_GUINT64_CONSTANT (600000));
  g_signal_emit (self, signals[SIGNAL_RETRYING], 0, retry, delay_ms / 1000.0);
  g_debug ("retry %u of %u in %" G_GUINT64_FORMAT " ms", retry, self->max_retries, delay_ms);

  upload->wait_source = g_timeout_source_new ((guint) delay_ms);
  g_source_set_callback (upload->wait_source, backoff_done_cb, g_object_ref (task),
                         g_object_unref);
  g_source_attach (upload->wait_source, context);

  upload->cancel_source = g_cancellable_source_new (cancellable);
  g_source_set_callback (upload->cancel_source, G_SOURCE_FUNC (backoff_cancelled_cb),
                         g_object_ref (task), g_object_unref);
  g_source_attach (upload->cancel_source, context);

  return TRUE;
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *upload = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reported = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (classify_transport_error (upload, error, &reported) && schedule_retry (task))
        return;
      g_task_return_error (task, g_steal_pointer (&reported));
      return;
    }

  status = soup_message_get_status (msg);
  g_debug ("PUT attempt %u: %u", upload->attempt, status);

  if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      upload->put_status = status;
      g_clear_pointer (&upload->etag, g_free);
      upload->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                              "ETag"));
      start_head (task);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      set_redirect_error (&reported, upload, msg);
      g_task_return_error (task, g_steal_pointer (&reported));
      return;
    }

  set_http_error (&reported, upload, msg);
  if (SOUP_STATUS_IS_SERVER_ERROR (status) && schedule_retry (task))
    return;

  g_task_return_error (task, g_steal_pointer (&reported));
}

/* Takes over the reference to @owned_task. */
static void
start_put (GTask *owned_task)
{
  g_autoptr(GTask) task = owned_task;
  PfSubmission *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  upload->attempt++;
  upload->sent = 0;
  upload->rejected_flags = 0;

  /* A fresh stream per attempt: the body is read from disk as it is sent,
   * so memory does not grow with the bundle. */
  in = g_file_read (self->bundle, cancellable, &error);
  if (in == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->bundle);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CANCELLED,
                                 _("The submission was cancelled."));
      else
        g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_BUNDLE_INVALID,
                                 _("Could not read the bundle “%s”: %s"), name, error->message);
      return;
    }

  msg = new_message (upload, SOUP_METHOD_PUT);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Content-Digest", upload->content_digest);
  soup_message_headers_replace (headers, "If-None-Match", "*");
  /* No "Expect: 100-continue": nginx sends the 100 anyway to discard a refused
   * body, and libsoup 3.2 then waits out nginx's lingering close on a 401. */
  soup_message_set_request_body (msg, "application/zip", G_INPUT_STREAM (in),
                                 (gssize) upload->size);
  g_signal_connect (msg, "wrote-body-data", G_CALLBACK (on_wrote_body_data), upload);

  soup_session_send_and_read_async (upload->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    put_cb, g_steal_pointer (&task));
}

static void
check_bundle_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PfSubmission *self = g_task_get_source_object (task);
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree BundleFacts *facts = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *b64 = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *remote_name = NULL;
  GUri *target;

  facts = g_task_propagate_pointer (G_TASK (result), &error);
  if (facts == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  hex = g_malloc (2 * sizeof facts->digest + 1);
  for (guint i = 0; i < sizeof facts->digest; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", facts->digest[i]);
  b64 = g_base64_encode (facts->digest, sizeof facts->digest);

  upload->size = facts->size;
  upload->content_digest = g_strdup_printf ("sha-256=:%s:", b64);

  basename = g_file_get_basename (self->bundle);
  remote_name = pf_submission_remote_name (basename, hex);
  target = build_target (upload->url, remote_name);
  g_uri_unref (upload->url);
  upload->url = target;
  upload->url_string = g_uri_to_string (target);

  start_put (g_steal_pointer (&task));
}

void
pf_submission_submit_async (PfSubmission         *self,
                            GCancellable         *cancellable,
                            GFileProgressCallback progress,
                            gpointer              progress_data,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_agent = NULL;
  Upload *upload;

  g_return_if_fail (PF_IS_SUBMISSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_submission_submit_async);
  /* Cancel must end the work at once and always with our own error. */
  g_task_set_check_cancellable (task, FALSE);

  upload = g_new0 (Upload, 1);
  upload->progress = progress;
  upload->progress_data = progress_data;
  g_task_set_task_data (task, upload, (GDestroyNotify) upload_free);

  upload->url = parse_endpoint (self->endpoint, &error);
  if (upload->url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->ca_file != NULL)
    {
      upload->ca_database = g_tls_file_database_new (self->ca_file, &error);
      if (upload->ca_database == NULL)
        {
          g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CREDENTIALS,
                                   _("Could not load the CA file “%s”: %s. Choose a PEM file "
                                     "with the certificate authority of the endpoint."),
                                   self->ca_file, error->message);
          return;
        }
    }

  if (self->client_certificate != NULL)
    {
      upload->client_cert = g_tls_certificate_new_from_file (self->client_certificate, &error);
      if (upload->client_cert == NULL)
        {
          g_task_return_new_error (task, PF_SUBMISSION_ERROR, PF_SUBMISSION_ERROR_CREDENTIALS,
                                   _("Could not load the client certificate “%s”: %s. Choose "
                                     "a PEM file with certificate and private key, or a "
                                     "PKCS #12 file without password."),
                                   self->client_certificate, error->message);
          return;
        }
    }

  if (self->token != NULL)
    upload->authorization = g_strconcat ("Bearer ", self->token, NULL);

  user_agent = g_strdup_printf ("Preflight/%s", PACKAGE_VERSION);
  upload->session = soup_session_new_with_options ("user-agent", user_agent,
                                                   "timeout", IO_TIMEOUT_SECONDS,
                                                   NULL);

  check = g_task_new (self, cancellable, check_bundle_cb, g_steal_pointer (&task));
  g_task_set_source_tag (check, check_bundle_thread);
  g_task_set_check_cancellable (check, FALSE);
  g_task_set_task_data (check, g_object_ref (self->bundle), g_object_unref);
  g_task_run_in_thread (check, check_bundle_thread);
}

PfReceipt *
pf_submission_submit_finish (PfSubmission  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PF_IS_SUBMISSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pf_submission_submit_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
