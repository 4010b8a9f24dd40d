/* pf-transfer.c: opens the preflight-transfer module, which holds the code
 * that needs libarchive, libsoup and libsecret, the first time the app
 * exports, imports or submits a bundle or touches the token (the reason is
 * in src/core/pf-transfer-functions.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "pf-transfer.h"

#define MODULE_NAME "preflight-transfer." G_MODULE_SUFFIX

G_DEFINE_QUARK (pf-transfer-error-quark, pf_transfer_error)

static const PfTransferFunctions *loaded;

static char *
dup_module_path (void)
{
  const char *dir = g_getenv ("PREFLIGHT_MODULE_DIR");

  /* Set by `meson devenv` and the tests, to run from the build folder. */
  if (dir == NULL || dir[0] == '\0')
    dir = PKGLIBDIR;

  return g_build_filename (dir, MODULE_NAME, NULL);
}

static const PfTransferFunctions *
load (const char  *path,
      GError     **error)
{
  GModule *module;
  PfTransferEntryPoint get_functions = NULL;
  const PfTransferFunctions *functions;

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, PF_TRANSFER_ERROR, PF_TRANSFER_ERROR_NOT_FOUND,
                   /* Translators: %s is a file path, then the system's reason */
                   _("Preflight cannot export, import or submit bundles: its module “%s” "
                     "did not load (%s). Reinstall Preflight."),
                   path, g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, PF_TRANSFER_ENTRY_POINT, (gpointer *) &get_functions)
      || get_functions == NULL)
    {
      g_set_error (error, PF_TRANSFER_ERROR, PF_TRANSFER_ERROR_NOT_FOUND,
                   /* Translators: %s is a file path, then the system's reason */
                   _("Preflight cannot export, import or submit bundles: its module “%s” "
                     "is not a Preflight module (%s). Reinstall Preflight."),
                   path, g_module_error ());
      g_module_close (module);
      return NULL;
    }

  /* Its code calls into the core of this executable: only a module of the
   * same build agrees with it on every structure. */
  functions = get_functions ();
  if (functions->abi != PF_TRANSFER_FUNCTIONS_ABI
      || functions->size != sizeof (PfTransferFunctions)
      || g_strcmp0 (functions->package_version, PACKAGE_VERSION) != 0)
    {
      g_set_error (error, PF_TRANSFER_ERROR, PF_TRANSFER_ERROR_INCOMPATIBLE,
                   /* Translators: %s is a file path, then two version numbers */
                   _("Preflight cannot export, import or submit bundles: its module “%s” "
                     "belongs to Preflight %s, not to this Preflight %s. Reinstall Preflight."),
                   path, functions->package_version, PACKAGE_VERSION);
      g_module_close (module);
      return NULL;
    }

  /* The types it registers cannot be unregistered: it never unloads, and
   * the GModule is never closed. */
  g_module_make_resident (module);
  g_debug ("Loaded %s", path);

  return functions;
}

const PfTransferFunctions *
pf_transfer_get (GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (loaded == NULL)
    {
      path = dup_module_path ();
      loaded = load (path, error);
    }

  return loaded;
}

const PfTransferFunctions *
pf_transfer_loaded (void)
{
  g_assert (loaded != NULL);

  return loaded;
}
