#!/usr/bin/env python3
# check-po.py: checks one translation: msgfmt -c --check-format accepts it,
# and merged with a template freshly extracted from the sources (the files in
# po/POTFILES.in) it has no untranslated or fuzzy message, so a string added
# to the code and not yet translated fails the test.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

from po_completeness import is_complete

# The xgettext arguments of meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def main():
    root, lang = sys.argv[1], sys.argv[2]
    po = os.path.join(root, 'po', lang + '.po')
    if not os.path.isfile(po):
        print(f'{po} does not exist', file=sys.stderr)
        return 1

    checked = run(['msgfmt', '-c', '--check-format', '-o', os.devnull, po])
    if checked.returncode != 0:
        print(checked.stderr, file=sys.stderr, end='')
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'preflight.pot')
        extracted = run(['xgettext', '--package-name=preflight', '-D', root,
                         '-f', os.path.join(root, 'po', 'POTFILES.in'), '-o', pot]
                        + XGETTEXT_ARGS)
        if extracted.returncode != 0:
            print(extracted.stderr, file=sys.stderr, end='')
            return 1
        if not is_complete(lang, po, pot, 'run msgmerge and translate them'):
            return 1
    return 0

if __name__ == '__main__':
    sys.exit(main())
