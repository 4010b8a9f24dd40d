/* bench-autosave.c: how long saving an assessment takes — serialising it
 * (on the main thread in the app) and writing it atomically (DESIGN.md §8:
 * autosave never blocks input for more than one frame).
 *
 * Usage: bench-autosave [--quick] ASSESSMENT.preflight
 * Prints "KEY VALUE" lines that bench/run reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-autosave"

#include "config.h"

#include <stdio.h>

#include "bench-stats.h"
#include "preflight.h"

int
main (int    argc,
      char **argv)
{
  gboolean quick = FALSE;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Fewer runs", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ASSESSMENT - autosave time");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfPackCatalog) catalog = NULL;
  g_autoptr(GArray) serialise_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) answered = NULL;
  g_autofree char *copy_path = NULL;
  PfCriteriaPack *pack;
  guint runs;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-autosave [--quick] ASSESSMENT");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  assessment = pf_assessment_load (file, NULL, &error);
  if (assessment == NULL)
    g_error ("%s", error->message);
  catalog = pf_pack_catalog_new ();
  pack = pf_pack_catalog_lookup (catalog, pf_assessment_get_pack_id (assessment),
                                 pf_assessment_get_pack_version (assessment), &error);
  if (pack == NULL || !pf_assessment_set_pack (assessment, pack, &error))
    g_error ("%s", error->message);

  answered = pf_assessment_list_answered_ids (assessment);
  if (answered->len == 0)
    g_error ("%s: no answers to save", argv[1]);
  printf ("autosave-answers %u\nautosave-evidence %u\n",
          answered->len, pf_assessment_get_evidence (assessment)->len);

  /* Saved beside the original, so the write is on the same file system. */
  copy_path = g_strconcat (argv[1], ".bench-copy", NULL);
  copy = g_file_new_for_path (copy_path);

  runs = quick ? 20 : 200;
  for (guint n = 0; n < runs; n++)
    {
      g_autoptr(GBytes) bytes = NULL;
      double start;
      double serialised;
      double saved;

      /* A change, as after an answer, so nothing can be cached. */
      pf_assessment_set_note (assessment, g_ptr_array_index (answered, 0),
                              n % 2 ? "Edited" : "Edited again");
      start = bench_now_ms ();
      bytes = pf_assessment_to_bytes (assessment);
      serialised = bench_now_ms ();
      if (!pf_assessment_save (assessment, copy, &error))
        g_error ("%s", error->message);
      saved = bench_now_ms ();

      serialised -= start;
      saved -= start;
      g_array_append_val (serialise_ms, serialised);
      g_array_append_val (save_ms, saved);
    }

  g_file_delete (copy, NULL, NULL);
  bench_print_dist ("autosave-serialise", serialise_ms);
  bench_print_dist ("autosave-total", save_ms);

  return 0;
}
