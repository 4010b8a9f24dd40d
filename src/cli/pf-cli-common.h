/* pf-cli-common.h: what every preflight-cli command shares: option parsing,
 * exit statuses, error printing and opening an assessment with its pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "preflight.h"
#include "pf-cli-commands.h"

G_BEGIN_DECLS

typedef enum {
  PF_CLI_EXIT_OK = 0,
  PF_CLI_EXIT_FAILED = 1,   /* the thing checked is invalid, or the operation failed */
  PF_CLI_EXIT_USAGE = 2,    /* unknown command or option, missing arguments */
} PfCliExit;

/* A context whose --help reads "preflight-cli NAME [OPTION…] @parameters",
 * with the command's summary and an optional @description below. */
GOptionContext *pf_cli_context_new     (const PfCliCommand *command,
                                        const char         *parameters,
                                        const GOptionEntry *entries,
                                        const char         *description);
/* Parses the options and checks that between @n_min and @n_max (-1: any)
 * arguments remain; prints the usage error otherwise. */
gboolean        pf_cli_parse           (GOptionContext     *context,
                                        int                *argc,
                                        char             ***argv,
                                        int                 n_min,
                                        int                 n_max);
/* Prints "preflight-cli: MESSAGE" and a hint to --help; returns
 * PF_CLI_EXIT_USAGE. */
int             pf_cli_usage_error     (const char         *format,
                                        ...) G_GNUC_PRINTF (1, 2);
/* Prints "preflight-cli: MESSAGE" on one line; returns PF_CLI_EXIT_FAILED. */
int             pf_cli_fail            (const GError       *error);
/* Writes a document to the standard output; returns PF_CLI_EXIT_OK, or
 * PF_CLI_EXIT_FAILED with a message when it could not. */
int             pf_cli_write_stdout    (GBytes             *bytes);

/* Loads the assessment at @path and binds the pack it names, looked up by
 * id and version among the built-in and installed packs. */
PfAssessment   *pf_cli_open_assessment (const char         *path,
                                        GError            **error);
/* @pack is a pack id (the newest version among the built-in and installed
 * packs) or the path of a pack file; a file is validated and installed
 * (unless the same pack is there already) so that assessments made with it
 * open later. */
PfCriteriaPack *pf_cli_resolve_pack    (const char         *pack,
                                        GError            **error);
/* Now, or $SOURCE_DATE_EPOCH when set (reproducible output), as ISO 8601
 * UTC with seconds. */
char           *pf_cli_dup_timestamp   (void);

G_END_DECLS
