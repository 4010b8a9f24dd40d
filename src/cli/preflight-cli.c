/* preflight-cli.c: the command line: dispatches to one command per verb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "pf-cli-common.h"

static const PfCliCommand commands[] = {
  { "packs",          pf_cli_packs,          N_("List the built-in and installed criteria packs") },
  { "validate-pack",  pf_cli_validate_pack,  N_("Check a criteria pack; errors name the JSON path") },
  { "new",            pf_cli_new,            N_("Create a new, empty assessment") },
  { "answer",         pf_cli_answer,         N_("Set one answer of an assessment") },
  { "import-answers", pf_cli_import_answers, N_("Set many answers at once from a JSON file") },
  { "attach",         pf_cli_attach,         N_("Attach an evidence file to an assessment") },
  { "evaluate",       pf_cli_evaluate,       N_("Show the draft determination and its reasons") },
  { "compare",        pf_cli_compare,
    N_("Show what changed since the assessment of an earlier checkpoint") },
  { "export",         pf_cli_export,         N_("Write the submission bundle of an assessment") },
  { "verify",         pf_cli_verify,         N_("Check that a bundle is intact") },
  { "import",         pf_cli_import,         N_("Restore an assessment and its evidence from a bundle") },
  { "submit",         pf_cli_submit,         N_("Upload a bundle to a submission endpoint") },
  { "timeline",       pf_cli_timeline,       N_("Show the milestones before a planned release") },
};

static const PfCliCommand *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static void
print_usage (void)
{
  g_print ("%s\n  preflight-cli %s\n\n%s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…] [ARGUMENT…]"),
           _("Prepare, check and evaluate Preflight assessments without a display."),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-16s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n%s\n",
           _("Run “preflight-cli help COMMAND” or “preflight-cli COMMAND --help” for the "
             "options and arguments of a command."),
           _("Exit status: 0 success, 1 invalid input or failure, 2 usage error."));
}

static int
run_command (const PfCliCommand *command,
             int                 argc,
             char              **argv)
{
  g_autofree char *prgname = g_strdup_printf ("preflight-cli %s", command->name);

  /* Usage lines and hints then name the command as it is typed. */
  g_set_prgname (prgname);
  argv[0] = prgname;

  return command->run (command, argc, argv);
}

static int
help (const char *name)
{
  const PfCliCommand *command;
  char *argv[] = { NULL, (char *) "--help", NULL };

  if (name == NULL)
    {
      print_usage ();
      return PF_CLI_EXIT_OK;
    }

  command = lookup_command (name);
  if (command == NULL)
    {
      g_printerr ("preflight-cli: ");
      g_printerr (_("unknown command “%s”\n"), name);
      g_printerr (_("Try “preflight-cli --help” for the list of commands.\n"));
      return PF_CLI_EXIT_USAGE;
    }

  /* GOptionContext prints the command's help and exits on --help. */
  argv[0] = (char *) "preflight-cli";
  return run_command (command, 2, argv);
}

int
main (int    argc,
      char **argv)
{
  const PfCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      g_printerr ("preflight-cli: %s\n", _("missing command"));
      g_printerr (_("Try “preflight-cli --help” for the list of commands.\n"));
      return PF_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "-?"))
    return help (NULL);

  if (g_str_equal (argv[1], "help"))
    {
      if (argc > 3)
        {
          g_printerr ("preflight-cli: %s\n", _("help takes at most one command name"));
          g_printerr (_("Try “preflight-cli --help” for the list of commands.\n"));
          return PF_CLI_EXIT_USAGE;
        }
      return help (argc == 3 ? argv[2] : NULL);
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("preflight-cli %s\n", PACKAGE_VERSION);
      return PF_CLI_EXIT_OK;
    }

  command = lookup_command (argv[1]);
  if (command == NULL)
    return help (argv[1]);

  return run_command (command, argc - 1, argv + 1);
}
