#!/usr/bin/env python3
# check-help-po.py ROOT LANG: checks one translation of the user help: msgfmt
# -c accepts help/LANG/LANG.po, it has no untranslated or fuzzy message
# against the pages as they are now (so a page edited without its
# translations fails), and itstool merges it into pages that yelp-check
# validates, as `meson install` would build them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import subprocess
import sys
import tempfile

from po_completeness import is_complete


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def fail(step, result):
    print(f'{step} failed:\n{result.stdout}{result.stderr}', file=sys.stderr, end='')
    return 1


def main():
    root, lang = sys.argv[1], sys.argv[2]
    help_dir = os.path.join(root, 'help')
    po = os.path.join(help_dir, lang, lang + '.po')
    # The pages and legal.xml, which they include, by relative names as
    # meson's yelp helper passes them.
    sources = sorted(os.path.basename(path)
                     for pattern in ('*.page', '*.xml')
                     for path in glob.glob(os.path.join(help_dir, 'C', pattern)))

    with tempfile.TemporaryDirectory() as tmp:
        mo = os.path.join(tmp, lang + '.mo')
        checked = run(['msgfmt', '-c', '-o', mo, po])
        if checked.returncode != 0:
            return fail('msgfmt -c', checked)

        pot = os.path.join(tmp, 'help.pot')
        extracted = run(['itstool', '-o', pot] + sources, cwd=os.path.join(help_dir, 'C'))
        if extracted.returncode != 0:
            return fail('itstool (extracting)', extracted)
        if not is_complete(f'help {lang}', po, pot,
                           'run ninja help-preflight-update-po and translate them'):
            return 1

        out = os.path.join(tmp, lang)
        os.mkdir(out)
        merging = run(['itstool', '-m', mo, '-o', out + os.sep] + sources,
                      cwd=os.path.join(help_dir, 'C'))
        # itstool reports a translation whose markup does not match on
        # stderr but still exits 0.
        if merging.returncode != 0 or merging.stderr.strip():
            return fail('itstool (merging)', merging)
        validated = run(['yelp-check', 'validate']
                        + sorted(glob.glob(os.path.join(out, '*.page'))))
        if validated.returncode != 0 or validated.stdout.strip():
            return fail('yelp-check validate', validated)
    return 0


if __name__ == '__main__':
    sys.exit(main())
