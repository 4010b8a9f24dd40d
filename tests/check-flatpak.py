#!/usr/bin/env python3
# check-flatpak.py: checks the Flatpak manifest against the build: it parses,
# names the build's app id and command, keeps the sandbox narrow (no
# filesystem access, network only for submission) and runs the tests.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import sys

ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
    '--share=network',
}


def check(manifest, app_id, command):
    problems = []

    manifest_id = manifest.get('id', manifest.get('app-id'))
    if manifest_id != app_id:
        problems.append(f'id is {manifest_id!r}, the build uses {app_id!r}')
    if manifest.get('command') != command:
        problems.append(f'command is {manifest.get("command")!r}, the build installs {command!r}')
    for key in ('runtime', 'runtime-version', 'sdk'):
        if not manifest.get(key):
            problems.append(f'{key} is missing')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')

    for arg in manifest.get('finish-args', []):
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f'finish-args: {arg!r} is not needed (files go through portals)')

    modules = manifest.get('modules', [])
    app = modules[-1] if modules else {}
    if not isinstance(app, dict) or app.get('buildsystem') != 'meson':
        problems.append('the last module must be the app, built with meson')
    else:
        if '-Dprofile=development' not in app.get('config-opts', []):
            problems.append('the app module must configure -Dprofile=development')
        if app.get('run-tests') is not True:
            problems.append('the app module must set run-tests to true')
        if {'type': 'dir', 'path': '..'} not in app.get('sources', []):
            problems.append('the app module must build this checkout (type dir, path "..")')

    return problems


def main():
    parser = argparse.ArgumentParser(description="Check the Flatpak manifest against the build.")
    parser.add_argument('manifest')
    parser.add_argument('--app-id', required=True)
    parser.add_argument('--command', required=True)
    args = parser.parse_args()

    try:
        with open(args.manifest, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{args.manifest}: {e}', file=sys.stderr)
        return 1

    problems = check(manifest, args.app_id, args.command)
    for problem in problems:
        print(f'{args.manifest}: {problem}', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
