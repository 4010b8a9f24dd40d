#!/usr/bin/env python3
# check-transfer-module.py READELF APP MODULE: fails when the app itself needs
# libarchive, libsoup or libsecret, which would then load, with some twenty
# libraries behind them, before main() on every start (DESIGN.md §8); when
# the preflight-transfer module that carries them does not need them; or when
# the module holds a copy of the core instead of using the app's (each GType
# would then be registered twice).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess
import sys

HEAVY = ('libarchive.so', 'libsoup-3.0.so', 'libsecret-1.so')
# A core function the module calls and the app must export to it.
CORE_SYMBOL = 'pf_sha256_new'
ENTRY_POINT = 'pf_transfer_module_get_functions'


def readelf(readelf_path, *args):
    return subprocess.run([readelf_path, '-W'] + list(args), check=True,
                          stdout=subprocess.PIPE, text=True).stdout


def needed(readelf_path, path):
    return re.findall(r'\(NEEDED\)\s+Shared library: \[([^\]]+)\]',
                      readelf(readelf_path, '-d', path))


def dynamic_symbols(readelf_path, path):
    """Name -> whether it is defined (not UND), for the dynamic symbol table."""
    symbols = {}
    for line in readelf(readelf_path, '--dyn-syms', path).splitlines():
        fields = line.split()
        # Num: Value Size Type Bind Vis Ndx Name
        if len(fields) >= 8 and fields[0].endswith(':') and fields[0][:-1].isdigit():
            name = fields[7].split('@')[0]
            symbols[name] = symbols.get(name, False) or fields[6] != 'UND'
    return symbols


def main():
    readelf_path, app, module = sys.argv[1:4]
    problems = []

    app_needed = needed(readelf_path, app)
    module_needed = needed(readelf_path, module)
    for library in HEAVY:
        if any(entry.startswith(library) for entry in app_needed):
            problems.append(f'{app} needs {library} at start-up; only the module may')
        if not any(entry.startswith(library) for entry in module_needed):
            problems.append(f'{module} does not need {library}: the transfer code is elsewhere')

    app_symbols = dynamic_symbols(readelf_path, app)
    module_symbols = dynamic_symbols(readelf_path, module)
    if not app_symbols.get(CORE_SYMBOL, False):
        problems.append(f'{app} does not export {CORE_SYMBOL} to the module (export_dynamic)')
    if module_symbols.get(CORE_SYMBOL, True):
        problems.append(f'{module} does not take {CORE_SYMBOL} from the app: it has its own '
                        'core, or does not use it')
    if not module_symbols.get(ENTRY_POINT, False):
        problems.append(f'{module} does not export {ENTRY_POINT}')

    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f'{app} needs {len(app_needed)} libraries, none of {", ".join(HEAVY)}; '
              f'{module} needs them and uses the app\'s core')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
