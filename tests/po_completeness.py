# po_completeness.py: whether a translation has every message of a fresh
# template, for check-po.py (the app) and check-help-po.py (the help).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile


def is_complete(label, po, pot, update_hint):
    """Merges @po with @pot (without fuzzy matching, so nothing is guessed),
    prints how many messages are translated, and returns whether none is
    untranslated or fuzzy; @update_hint says how to bring @po up to date."""
    with tempfile.TemporaryDirectory() as tmp:
        merged = os.path.join(tmp, 'merged.po')
        merging = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged,
                                  po, pot], capture_output=True, text=True)
        if merging.returncode != 0:
            print(f'msgmerge failed:\n{merging.stderr}', file=sys.stderr, end='')
            return False
        stats = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull, merged],
                               capture_output=True, text=True).stderr.strip()

    translated = re.search(r'(\d+) translated', stats)
    translated = int(translated.group(1)) if translated else 0
    missing = sum(int(n) for n in re.findall(r'(\d+) (?:fuzzy|untranslated)', stats))
    print(f'{label}: {translated} of {translated + missing} messages translated')
    if missing:
        print(f'{label}: {missing} messages are untranslated or fuzzy; {update_hint}',
              file=sys.stderr)
    return missing == 0
