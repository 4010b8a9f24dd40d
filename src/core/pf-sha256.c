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

const char *
pf_sha256_get_string (PfSha256 *self)
{
  guchar digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->closed)
    {
      if (EVP_DigestFinal_ex (self->context, digest, &length) != 1 || length != 32)
        g_error ("SHA-256 finalisation failed in libcrypto");
      for (unsigned int i = 0; i < length; i++)
        g_snprintf (self->hex + 2 * i, 3, "%02x", digest[i]);
      self->closed = TRUE;
    }

  return self->hex;
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
