/* test-fuzz-regressions.c: replays, in the normal core suite, every input a
 * fuzz target once failed on (tests/data/fuzz-regressions/TARGET/), through
 * the target's own code (tests/fuzz/fuzz-TARGET.c, built in with
 * -DPF_FUZZ_TARGET="TARGET"), plus the empty input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz/fuzz-common.h"

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  /* libFuzzer never passes NULL, even for an empty input. */
  if (path == NULL)
    contents = g_strdup ("");
  else
    {
      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
    }

  /* The target asserts what must hold; a crash fails the test. */
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, len), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) entries = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  g_test_add_data_func ("/core/fuzz-regressions/" PF_FUZZ_TARGET "/empty", NULL, replay);

  dir = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", PF_FUZZ_TARGET, NULL);
  entries = g_dir_open (dir, 0, NULL);
  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/fuzz-regressions/%s/%s",
                                                    PF_FUZZ_TARGET,
                                                    (char *) names->pdata[i]);

      /* The path is kept for the life of the test run. */
      g_test_add_data_func_full (test_path, g_build_filename (dir, names->pdata[i], NULL),
                                 replay, g_free);
    }

  return g_test_run ();
}
