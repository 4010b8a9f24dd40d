#!/usr/bin/env python3
# check-potfiles.py: fails when a source file with translatable strings is
# missing from po/POTFILES.in, when POTFILES.in names a file that does not
# exist, or when it is not sorted; otherwise strings would silently stay in
# English.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

# The gettext calls of the glib preset (po/meson.build), not part of a
# longer identifier such as foo_( or g_strdup_(.
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|'
                      r'g_dpgettext2?|ngettext)\s*\(')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.DOTALL)
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
SCANNED_DIRS = ('src', 'data')


def has_translatable_strings(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith(('.c', '.h')):
        # Comments may mention N_() without marking anything.
        return C_MARKER.search(C_COMMENT.sub('', text)) is not None
    if path.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    if path.endswith(('.desktop.in', '.metainfo.xml.in')):
        return True
    if path.endswith('.gschema.xml'):
        return 'gettext-domain=' in text
    return False


def translatable_files(root):
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, root))
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')
    with open(potfiles_path, encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.lstrip().startswith('#')]

    problems = []
    for path in sorted(set(translatable_files(root)) - set(listed)):
        problems.append(f'{path} has translatable strings but is not in po/POTFILES.in')
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            problems.append(f'po/POTFILES.in lists {path}, which does not exist')
    if listed != sorted(listed):
        problems.append('po/POTFILES.in is not sorted (run: LC_ALL=C sort)')
    if len(listed) != len(set(listed)):
        problems.append('po/POTFILES.in lists a file twice')

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'{len(listed)} files listed, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
