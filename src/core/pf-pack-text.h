/* pf-pack-text.h: the text of a criteria pack in the user's language.
 *
 * A pack holds English, and so does everything recorded from it (an
 * assessment, a report, a bundle must not depend on the locale: DESIGN.md
 * §5). The UI shows a pack's prompts, help texts, option labels, section
 * and indicator titles and reasons through the app's catalog instead, where
 * the built-in packs' text is translated (build-aux/pack-strings extracts
 * it). Text that the catalog does not hold, such as another pack's, is
 * shown as written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The message context of pack text in the catalog; build-aux/pack-strings
 * uses the same. */
#define PF_PACK_TEXT_CONTEXT "criteria pack"

/* @text (nullable) in the user's language, or @text itself. */
const char *pf_pack_text (const char *text);

G_END_DECLS
