/* pf-pack-text.c: looks a pack's English text up in the app's catalog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-pack-text"

#include "config.h"

#include <glib/gi18n.h>

#include "pf-pack-text.h"

const char *
pf_pack_text (const char *text)
{
  /* gettext maps the empty string to the catalog's header. */
  if (text == NULL || *text == '\0')
    return text;

  return g_dpgettext2 (GETTEXT_PACKAGE, PF_PACK_TEXT_CONTEXT, text);
}
