/* test-sha256.c: PfSha256 gives the same digests as GChecksum, however the
 * input is split.
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/sha256/known-vectors", test_known_vectors);
  g_test_add_func ("/core/sha256/matches-gchecksum", test_matches_gchecksum);
  g_test_add_func ("/core/sha256/is-hex", test_is_hex);

  return g_test_run ();
}
