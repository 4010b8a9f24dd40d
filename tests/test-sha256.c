/* test-sha256.c: PfSha256 gives the same digests as GChecksum, however the
 * input is split, and streams through its read-hash-copy loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pf-sha256.h"

static void
test_known_vectors (void)
{
  g_autoptr(PfSha256) empty = pf_sha256_new ();
  g_autoptr(PfSha256) abc = pf_sha256_new ();

  /* FIPS 180-2 test vectors. */
  g_assert_cmpstr (pf_sha256_get_string (empty), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  pf_sha256_update (abc, (const guchar *) "abc", -1);
  g_assert_cmpstr (pf_sha256_get_string (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  /* Asking again gives the same closed digest. */
  g_assert_cmpstr (pf_sha256_get_string (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_matches_gchecksum (void)
{
  gsize length = 3 * 1024 * 1024 + 17;
  g_autofree guchar *data = g_malloc (length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (gsize i = 0; i < length; i++)
    data[i] = g_rand_int (rand) & 0xff;

  /* Odd chunk sizes cross the 64-byte block boundaries every way. */
  for (gsize chunk = 1; chunk <= length; chunk = chunk * 7 + 3)
    {
      g_autoptr(PfSha256) ours = pf_sha256_new ();
      g_autoptr(GChecksum) reference = g_checksum_new (G_CHECKSUM_SHA256);
      gsize limit = chunk < 64 ? 4096 : length;

      for (gsize offset = 0; offset < limit; offset += chunk)
        {
          gsize n = MIN (chunk, limit - offset);

          pf_sha256_update (ours, data + offset, n);
          g_checksum_update (reference, data + offset, n);
        }
      g_assert_cmpstr (pf_sha256_get_string (ours), ==, g_checksum_get_string (reference));
    }
}

/* The one check of digests read from files (assessment, store, manifest). */
static void
test_is_hex (void)
{
  const char *good = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  g_autofree char *upper = g_ascii_strup (good, -1);
  g_autofree char *short_one = g_strndup (good, 63);
  g_autofree char *long_one = g_strconcat (good, "0", NULL);
  g_autofree char *not_hex = g_strdup (good);

  not_hex[10] = 'g';
  g_assert_true (pf_sha256_is_hex (good));
  g_assert_false (pf_sha256_is_hex (upper));
  g_assert_false (pf_sha256_is_hex (short_one));
  g_assert_false (pf_sha256_is_hex (long_one));
  g_assert_false (pf_sha256_is_hex (not_hex));
  g_assert_false (pf_sha256_is_hex (""));
  g_assert_false (pf_sha256_is_hex (NULL));
}

static void
test_digest (void)
{
  g_autoptr(PfSha256) abc = pf_sha256_new ();
  g_autoptr(GChecksum) reference = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 expected[32];
  gsize expected_len = sizeof expected;
  guint8 digest[32];

  pf_sha256_update (abc, (const guchar *) "abc", -1);
  g_checksum_update (reference, (const guchar *) "abc", -1);
  g_checksum_get_digest (reference, expected, &expected_len);
  pf_sha256_get_digest (abc, digest);
  g_assert_cmpmem (digest, sizeof digest, expected, expected_len);
  /* The raw and hex forms are of the same closed hash. */
  g_assert_cmpstr (pf_sha256_get_string (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

typedef struct
{
  GByteArray *copy;
  guint       chunks;
  guint       fail_at;  /* 0: never */
} Sink;

static gboolean
sink_chunk (const guchar  *data,
            gsize          length,
            gpointer       user_data,
            GError       **error)
{
  Sink *sink = user_data;

  if (++sink->chunks == sink->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  g_byte_array_append (sink->copy, data, length);
  return TRUE;
}

static void
test_update_from_stream (void)
{
  gsize length = 100 * 1000 + 7;
  g_autofree guchar *data = g_malloc (length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GChecksum) reference = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize i = 0; i < length; i++)
    data[i] = (i * 31) & 0xff;
  g_checksum_update (reference, data, length);
  bytes = g_bytes_new_static (data, length);

  /* Copied whole, in as many chunks as the buffer size gives. */
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(PfSha256) hash = pf_sha256_new ();
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GError) error = NULL;
    Sink sink = { copy, 0, 0 };
    guint64 size = 0;

    g_assert_true (pf_sha256_update_from_stream (hash, in, 4096, sink_chunk, &sink, &size,
                                                 NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (size, ==, length);
    g_assert_cmpuint (sink.chunks, ==, (length + 4095) / 4096);
    g_assert_cmpmem (copy->data, copy->len, data, length);
    g_assert_cmpstr (pf_sha256_get_string (hash), ==, g_checksum_get_string (reference));
  }

  /* The chunk function's error stops the copy and is returned as set. */
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(PfSha256) hash = pf_sha256_new ();
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GError) error = NULL;
    Sink sink = { copy, 0, 3 };
    guint64 size = 0;

    g_assert_false (pf_sha256_update_from_stream (hash, in, 4096, sink_chunk, &sink, &size,
                                                  NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_assert_cmpuint (sink.chunks, ==, 3);
    g_assert_cmpuint (copy->len, ==, 2 * 4096);
    g_assert_cmpuint (size, ==, 3 * 4096);
  }

  /* A cancel is seen before the first read. */
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(PfSha256) hash = pf_sha256_new ();
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    guint64 size = 1;

    g_cancellable_cancel (cancellable);
    g_assert_false (pf_sha256_update_from_stream (hash, in, 4096, NULL, NULL, &size,
                                                  cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (size, ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/sha256/known-vectors", test_known_vectors);
  g_test_add_func ("/core/sha256/matches-gchecksum", test_matches_gchecksum);
  g_test_add_func ("/core/sha256/is-hex", test_is_hex);
  g_test_add_func ("/core/sha256/digest", test_digest);
  g_test_add_func ("/core/sha256/update-from-stream", test_update_from_stream);

  return g_test_run ();
}
