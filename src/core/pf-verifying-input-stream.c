/* pf-verifying-input-stream.c: an input stream that checks the SHA-256 of
 * what it read when it reaches the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-verifying-input-stream"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-evidence-store.h"
#include "pf-sha256.h"
#include "pf-verifying-input-stream.h"

struct _PfVerifyingInputStream
{
  GFilterInputStream  parent_instance;

  PfSha256           *checksum;  /* (owned) PfSha256, not GChecksum: see pf-sha256.h */
  char               *expected;  /* (owned) */
  gboolean            verified;
};

G_DEFINE_FINAL_TYPE (PfVerifyingInputStream, pf_verifying_input_stream,
                     G_TYPE_FILTER_INPUT_STREAM)

static gssize
pf_verifying_input_stream_read (GInputStream  *stream,
                                void          *buffer,
                                gsize          count,
                                GCancellable  *cancellable,
                                GError       **error)
{
  PfVerifyingInputStream *self = PF_VERIFYING_INPUT_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
  gssize n;

  n = g_input_stream_read (base, buffer, count, cancellable, error);
  if (n > 0)
    pf_sha256_update (self->checksum, buffer, n);

  if (n == 0 && count > 0 && !self->verified)
    {
      const char *actual = pf_sha256_get_string (self->checksum);

      if (g_strcmp0 (actual, self->expected) != 0)
        {
          g_set_error (error, PF_EVIDENCE_ERROR, PF_EVIDENCE_ERROR_ALTERED,
                       _("The stored evidence file %s has been altered (its contents now hash "
                         "to %s); attach the original file again"),
                       self->expected, actual);
          return -1;
        }
      self->verified = TRUE;
    }

  return n;
}

static gssize
pf_verifying_input_stream_skip (GInputStream  *stream,
                                gsize          count,
                                GCancellable  *cancellable,
                                GError       **error)
{
  guint8 scratch[8192];

  /* Skipped bytes must still be hashed, so read them. */
  return pf_verifying_input_stream_read (stream, scratch, MIN (count, sizeof scratch),
                                         cancellable, error);
}

static void
pf_verifying_input_stream_finalize (GObject *object)
{
  PfVerifyingInputStream *self = PF_VERIFYING_INPUT_STREAM (object);

  g_clear_pointer (&self->checksum, pf_sha256_free);
  g_clear_pointer (&self->expected, g_free);

  G_OBJECT_CLASS (pf_verifying_input_stream_parent_class)->finalize (object);
}

static void
pf_verifying_input_stream_class_init (PfVerifyingInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = pf_verifying_input_stream_finalize;

  stream_class->read_fn = pf_verifying_input_stream_read;
  stream_class->skip = pf_verifying_input_stream_skip;
}

static void
pf_verifying_input_stream_init (PfVerifyingInputStream *self)
{
  self->checksum = pf_sha256_new ();
}

GInputStream *
pf_verifying_input_stream_new (GInputStream *base_stream,
                               const char   *sha256)
{
  PfVerifyingInputStream *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (base_stream), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  self = g_object_new (PF_TYPE_VERIFYING_INPUT_STREAM,
                       "base-stream", base_stream,
                       NULL);
  self->expected = g_ascii_strdown (sha256, -1);

  return G_INPUT_STREAM (self);
}
