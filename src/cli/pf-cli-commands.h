/* pf-cli-commands.h: the commands of preflight-cli, one function each.
 *
 * To add a command: write it in pf-cli-<group>.c, declare it here and add
 * one line to the table in preflight-cli.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PfCliCommand PfCliCommand;

/* @argv[0] is "preflight-cli NAME"; returns the exit status (PfCliExit). */
typedef int (*PfCliCommandFunc) (const PfCliCommand  *command,
                                 int                  argc,
                                 char               **argv);

struct _PfCliCommand
{
  const char       *name;
  PfCliCommandFunc  run;
  const char       *summary;   /* untranslated; N_() in the table */
};

/* pf-cli-pack.c */
int pf_cli_packs          (const PfCliCommand *command, int argc, char **argv);
int pf_cli_validate_pack  (const PfCliCommand *command, int argc, char **argv);

/* pf-cli-assessment.c */
int pf_cli_new            (const PfCliCommand *command, int argc, char **argv);
int pf_cli_answer         (const PfCliCommand *command, int argc, char **argv);
int pf_cli_import_answers (const PfCliCommand *command, int argc, char **argv);
int pf_cli_attach         (const PfCliCommand *command, int argc, char **argv);
int pf_cli_evaluate       (const PfCliCommand *command, int argc, char **argv);
int pf_cli_compare        (const PfCliCommand *command, int argc, char **argv);

/* pf-cli-bundle.c */
int pf_cli_export         (const PfCliCommand *command, int argc, char **argv);
int pf_cli_verify         (const PfCliCommand *command, int argc, char **argv);
int pf_cli_import         (const PfCliCommand *command, int argc, char **argv);

/* pf-cli-submit.c */
int pf_cli_submit         (const PfCliCommand *command, int argc, char **argv);

/* pf-cli-timeline.c */
int pf_cli_timeline       (const PfCliCommand *command, int argc, char **argv);

G_END_DECLS
