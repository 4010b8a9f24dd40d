/* pf-cli-pack.c: the pack commands: packs, validate-pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-cli-common.h"

int
pf_cli_packs (const PfCliCommand  *command,
              int                  argc,
              char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PfPackCatalog) catalog = NULL;
  GPtrArray *packs;
  GPtrArray *problems;

  context = pf_cli_context_new (command, NULL, NULL,
                                _("Prints one pack a line, tab-separated: id, version, status "
                                  "(draft or official), built-in or installed, title. Installed "
                                  "packs that are not valid are skipped and reported on stderr."));
  if (!pf_cli_parse (context, &argc, &argv, 0, 0))
    return PF_CLI_EXIT_USAGE;

  catalog = pf_pack_catalog_new ();
  packs = pf_pack_catalog_get_packs (catalog);
  for (guint i = 0; i < packs->len; i++)
    {
      PfCriteriaPack *pack = g_ptr_array_index (packs, i);

      g_print ("%s\t%s\t%s\t%s\t%s\n",
               pf_criteria_pack_get_id (pack),
               pf_criteria_pack_get_version (pack),
               pf_pack_status_to_string (pf_criteria_pack_get_status (pack)),
               pf_pack_catalog_is_builtin (catalog, pack) ? "built-in" : "installed",
               pf_pack_text (pf_criteria_pack_get_title (pack)));
    }

  problems = pf_pack_catalog_get_problems (catalog);
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      g_printerr ("preflight-cli: ");
      g_printerr (_("skipped an invalid installed pack: %s\n"), problem->message);
    }

  return PF_CLI_EXIT_OK;
}

int
pf_cli_validate_pack (const PfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PfCriteriaPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;

  context = pf_cli_context_new (command, _("PACK.json"), NULL,
                                _("Prints “valid: ID VERSION (N questions, M indicators)” and "
                                  "exits with 0, or prints what is wrong, with its JSON path, "
                                  "and exits with 1."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 1))
    return PF_CLI_EXIT_USAGE;

  file = g_file_new_for_commandline_arg (argv[1]);
  pack = pf_criteria_pack_new_from_file (file, NULL, &error);
  if (pack == NULL)
    return pf_cli_fail (error);

  counts = g_strdup_printf (_("%u questions, %u indicators"),
                            pf_criteria_pack_get_questions (pack)->len,
                            pf_criteria_pack_get_indicators (pack)->len);
  /* "valid:" stays untranslated: scripts match it. */
  g_print ("valid: %s %s (%s)\n",
           pf_criteria_pack_get_id (pack), pf_criteria_pack_get_version (pack), counts);

  return PF_CLI_EXIT_OK;
}
