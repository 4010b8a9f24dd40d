/* pf-cli-common.c: what every preflight-cli command shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "preflight-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pf-cli-common.h"

GOptionContext *
pf_cli_context_new (const PfCliCommand *command,
                    const char         *parameters,
                    const GOptionEntry *entries,
                    const char         *description)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
pf_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int               n_min,
              int               n_max)
{
  g_autoptr(GError) error = NULL;
  int n_args;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      pf_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  /* GOptionContext keeps the "--" that lets an argument start with a dash
   * (a negative number): drop it. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, (gsize) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  n_args = *argc - 1;
  if (n_args < n_min)
    {
      pf_cli_usage_error (_("missing arguments"));
      return FALSE;
    }
  if (n_max >= 0 && n_args > n_max)
    {
      pf_cli_usage_error (_("unexpected argument “%s”"), (*argv)[n_max + 1]);
      return FALSE;
    }

  return TRUE;
}

int
pf_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("preflight-cli: %s\n", message);
  g_printerr (_("Try “%s --help” for usage.\n"), g_get_prgname ());

  return PF_CLI_EXIT_USAGE;
}

int
pf_cli_fail (const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  g_autofree char *one_line = g_strjoinv (" ", lines);

  g_printerr ("preflight-cli: %s\n", one_line);

  return PF_CLI_EXIT_FAILED;
}

int
pf_cli_write_stdout (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;

  if (fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout)
        != g_bytes_get_size (bytes) || fflush (stdout) != 0)
    {
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not write to the standard output: %s"), g_strerror (errno));
      return pf_cli_fail (error);
    }

  return PF_CLI_EXIT_OK;
}

PfAssessment *
pf_cli_open_assessment (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(PfPackCatalog) catalog = pf_pack_catalog_new ();

  return pf_pack_catalog_load_assessment (catalog, file, error);
}

char *
pf_cli_dup_timestamp (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  gint64 seconds;

  /* Up to 9999-12-31T23:59:59Z, the last instant ISO 8601 years can show. */
  if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_GINT64_CONSTANT (253402300799),
                                                 &seconds, NULL))
    now = g_date_time_new_from_unix_utc (seconds);
  else
    now = g_date_time_new_now_utc ();

  return pf_timestamp_format (now);
}

static gboolean
is_safe_file_name_part (const char *text)
{
  return text[0] != '\0' && text[0] != '.' && strchr (text, '/') == NULL &&
         strchr (text, '\\') == NULL;
}

static PfCriteriaPack *
install_pack (PfPackCatalog   *catalog,
              PfCriteriaPack  *pack,
              GError         **error)
{
  const char *id = pf_criteria_pack_get_id (pack);
  const char *version = pf_criteria_pack_get_version (pack);
  PfCriteriaPack *existing;
  g_autofree char *name = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) destination = NULL;
  GBytes *bytes;

  existing = pf_pack_catalog_lookup (catalog, id, version, NULL);
  if (existing != NULL)
    {
      if (!g_str_equal (pf_criteria_pack_get_sha256 (existing), pf_criteria_pack_get_sha256 (pack)))
        {
          g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_DUPLICATE_ID,
                       _("%s: a different pack “%s” version %s is already available; "
                         "give this one a new version"),
                       pf_criteria_pack_get_origin (pack), id, version);
          return NULL;
        }
      return g_object_ref (existing);
    }

  if (!is_safe_file_name_part (id) || !is_safe_file_name_part (version))
    {
      g_set_error (error, PF_PACK_ERROR, PF_PACK_ERROR_INVALID_VALUE,
                   _("%s: the pack id “%s” or version “%s” cannot be used in a file name"),
                   pf_criteria_pack_get_origin (pack), id, version);
      return NULL;
    }

  name = g_strdup_printf ("%s-%s.pfpack.json", id, version);
  dir = pf_pack_catalog_get_install_dir ();
  destination = g_file_get_child (dir, name);
  bytes = pf_criteria_pack_get_bytes (pack);
  if (!pf_safe_file_replace (destination,
                             g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             0644, error))
    {
      g_prefix_error (error, _("Could not install the pack: "));
      return NULL;
    }

  return g_object_ref (pack);
}

PfCriteriaPack *
pf_cli_resolve_pack (const char  *pack,
                     GError     **error)
{
  g_autoptr(PfPackCatalog) catalog = pf_pack_catalog_new ();
  g_autoptr(PfCriteriaPack) from_file = NULL;
  g_autoptr(GFile) file = NULL;
  PfCriteriaPack *found;

  /* A slash, a .json suffix or an existing file make it a path. */
  if (strchr (pack, '/') == NULL && !g_str_has_suffix (pack, ".json") &&
      !g_file_test (pack, G_FILE_TEST_EXISTS))
    {
      found = pf_pack_catalog_lookup (catalog, pack, NULL, error);
      return found != NULL ? g_object_ref (found) : NULL;
    }

  file = g_file_new_for_commandline_arg (pack);
  from_file = pf_criteria_pack_new_from_file (file, NULL, error);
  if (from_file == NULL)
    return NULL;

  return install_pack (catalog, from_file, error);
}
