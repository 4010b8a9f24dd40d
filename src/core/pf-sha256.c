/* pf-sha256.c: streaming SHA-256 on OpenSSL's libcrypto.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-sha256"

#include "config.h"

#include <string.h>

#include <openssl/evp.h>

#include "pf-sha256.h"

struct _PfSha256
{
  EVP_MD_CTX *context;  /* (owned) */
  guint8      digest[32];
  char        hex[2 * 32 + 1];
  gboolean    closed;
};

PfSha256 *
pf_sha256_new (void)
{
  PfSha256 *self = g_new0 (PfSha256, 1);

  self->context = EVP_MD_CTX_new ();
  /* Only fails when out of memory or when the default provider is missing,
   * neither of which a program can recover from. */
  if (self->context == NULL || EVP_DigestInit_ex (self->context, EVP_sha256 (), NULL) != 1)
    g_error ("Cannot initialise SHA-256 in libcrypto");

  return self;
}

void
pf_sha256_update (PfSha256     *self,
                  const guchar *data,
                  gssize        length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->closed);

  if (length < 0)
    length = strlen ((const char *) data);
  if (EVP_DigestUpdate (self->context, data, length) != 1)
    g_error ("SHA-256 update failed in libcrypto");
}

static void
close_hash (PfSha256 *self)
{
  guchar digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;

  if (self->closed)
    return;

  if (EVP_DigestFinal_ex (self->context, digest, &length) != 1 || length != sizeof self->digest)
    g_error ("SHA-256 finalisation failed in libcrypto");
  memcpy (self->digest, digest, sizeof self->digest);
  for (unsigned int i = 0; i < length; i++)
    g_snprintf (self->hex + 2 * i, 3, "%02x", digest[i]);
  self->closed = TRUE;
}

const char *
pf_sha256_get_string (PfSha256 *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  close_hash (self);
  return self->hex;
}

void
pf_sha256_get_digest (PfSha256 *self,
                      guint8    digest[32])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (digest != NULL);

  close_hash (self);
  memcpy (digest, self->digest, sizeof self->digest);
}

void
pf_sha256_free (PfSha256 *self)
{
  if (self == NULL)
    return;

  EVP_MD_CTX_free (self->context);
  g_free (self);
}

gboolean
pf_sha256_update_from_stream (PfSha256          *self,
                              GInputStream      *in,
                              gsize              buffer_size,
                              PfSha256ChunkFunc  chunk_func,
                              gpointer           user_data,
                              guint64           *size,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autofree guchar *buffer = NULL;
  guint64 total = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (buffer_size > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  buffer = g_malloc (buffer_size);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      n = g_input_stream_read (in, buffer, buffer_size, cancellable, error);
      if (n <= 0)
        {
          ok = n == 0;
          break;
        }

      pf_sha256_update (self, buffer, n);
      total += n;
      if (chunk_func != NULL && !chunk_func (buffer, n, user_data, error))
        {
          ok = FALSE;
          break;
        }
    }

  if (size != NULL)
    *size = total;
  return ok;
}

gboolean
pf_sha256_is_hex (const char *text)
{
  gsize i;

  if (text == NULL)
    return FALSE;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return i == 2 * 32;
}
