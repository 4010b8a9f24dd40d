/* pf-cli-bundle.c: the bundle commands: export, verify, import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-cli-common.h"

int
pf_cli_export (const PfCliCommand  *command,
               int                  argc,
               char               **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the bundle to BUNDLE.zip (default: MODEL-VERSION-DATE.preflight-bundle.zip "
         "in the current folder; an existing file is replaced)"),
      N_("BUNDLE.zip") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(PfBundleWriter) writer = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *name = NULL;

  context = pf_cli_context_new (command, _("FILE [-o BUNDLE.zip]"), entries,
                                _("The bundle holds the assessment, the draft determination, "
                                  "a report (HTML and PDF), an OSCAL assessment-results "
                                  "document and the evidence, with a manifest and SHA256SUMS. "
                                  "It is checked before it is saved; the same assessment always "
                                  "gives the same bytes."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 1))
    return PF_CLI_EXIT_USAGE;

  assessment = pf_cli_open_assessment (argv[1], &error);
  if (assessment == NULL)
    return pf_cli_fail (error);

  store = pf_evidence_store_new_default ();
  writer = pf_bundle_writer_new (assessment, store, pf_assessment_get_marking (assessment));
  name = output != NULL ? g_strdup (output) : pf_bundle_writer_suggest_name (writer);
  destination = g_file_new_for_commandline_arg (name);

  if (!pf_bundle_writer_write (writer, destination, NULL, &error))
    return pf_cli_fail (error);

  g_print (_("Wrote %s\n"), name);
  return PF_CLI_EXIT_OK;
}

int
pf_cli_verify (const PfCliCommand  *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfBundleReader) reader = NULL;
  g_autoptr(GFile) file = NULL;
  JsonObject *manifest;

  context = pf_cli_context_new (command, _("BUNDLE.zip"), NULL,
                                _("Exit status 0: the bundle is intact. 1: it is not; one line "
                                  "names the entry and what is wrong. Nothing is extracted."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 1))
    return PF_CLI_EXIT_USAGE;

  file = g_file_new_for_commandline_arg (argv[1]);
  reader = pf_bundle_reader_new (file);
  if (!pf_bundle_reader_verify (reader, NULL, &error))
    return pf_cli_fail (error);

  manifest = json_node_get_object (pf_bundle_reader_get_manifest (reader));
  g_print (_("%s: intact, %u files, draft outcome %s\n"), argv[1],
           json_array_get_length (json_object_get_array_member (manifest, "files")),
           json_object_get_string_member_with_default (manifest, "outcome", "?"));
  return PF_CLI_EXIT_OK;
}

int
pf_cli_import (const PfCliCommand  *command,
               int                  argc,
               char               **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the restored assessment to FILE (required; an existing file is never "
         "replaced)"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfBundleReader) reader = NULL;
  g_autoptr(PfEvidenceStore) store = NULL;
  g_autoptr(PfAssessment) assessment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;

  context = pf_cli_context_new (command, _("BUNDLE.zip -o FILE"), entries,
                                _("The bundle is verified first; its evidence goes into the "
                                  "evidence store and nothing is written elsewhere."));
  if (!pf_cli_parse (context, &argc, &argv, 1, 1))
    return PF_CLI_EXIT_USAGE;
  if (output == NULL)
    return pf_cli_usage_error (_("missing --output FILE"));

  file = g_file_new_for_commandline_arg (argv[1]);
  target = g_file_new_for_commandline_arg (output);
  reader = pf_bundle_reader_new (file);
  store = pf_evidence_store_new_default ();
  assessment = pf_bundle_reader_import (reader, store, target, NULL, &error);
  if (assessment == NULL)
    return pf_cli_fail (error);

  g_print (_("Imported %s into %s (%u evidence files)\n"), argv[1], output,
           pf_assessment_get_evidence (assessment)->len);
  return PF_CLI_EXIT_OK;
}
