#!/usr/bin/env python3
# seed-corpora.py: fills the fuzz targets' corpus folders from the test
# fixtures (nothing is duplicated in git: the seeds are derived at run time).
# Usage: seed-corpora.py SOURCE_ROOT CORPUS_DIR PREFLIGHT_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile

src, corpus, cli = sys.argv[1:4]
data = os.path.join(src, 'tests', 'data')
builtin = os.path.join(src, 'src', 'core', 'packs', 'frontier-cyber-draft.pfpack.json')


def put(target, content):
    if isinstance(content, str):
        content = content.encode()
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(content).hexdigest()
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(content)


def expressions(node):
    """Every rule expression of a pack, outermost first."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ('when', 'visible_if'):
                yield value
            yield from expressions(value)
    elif isinstance(node, list):
        for value in node:
            yield from expressions(value)


packs = sorted(glob.glob(os.path.join(data, '**', '*.pfpack.json'), recursive=True)) + [builtin]
for path in packs:
    with open(path, 'rb') as f:
        put('pack', f.read())

# Answers for the fixed pack of fuzz-expression (tests/data/packs/minimal.pfpack.json).
minimal_answers = [
    {},
    {'a.released': True, 'a.access': 'weights', 'a.domains': ['cyber'], 'a.name': 'M',
     'a.release_date': '2026-12-01', 'b.solve_rate': 75.5, 'b.zero_days': 3},
    {'a.released': False, 'a.access': 'unknown', 'b.solve_rate': 'unknown', 'a.domains': []},
]
with open(os.path.join(data, 'packs', 'minimal.pfpack.json')) as f:
    for expression in expressions(json.load(f)):
        text = json.dumps(expression)
        put('expression', text)
        for answers in minimal_answers:
            put('expression', text + '\n--\n' + json.dumps(answers))

with open(builtin, 'rb') as f:
    builtin_bytes = f.read()
builtin_pack = json.loads(builtin_bytes)
scenarios = sorted(glob.glob(os.path.join(data, 'scenarios', '*.json')))
for path in scenarios:
    with open(path) as f:
        answers = json.load(f).get('answers', {})
    put('determination', json.dumps(answers))
    put('assessment', json.dumps({
        'format': 'preflight-assessment/1',
        'id': '00000000-0000-4000-8000-000000000000',
        'created': '2026-11-26T04:16:22Z', 'modified': '2026-11-26T04:16:22Z',
        'pack': {'id': builtin_pack['id'], 'version': builtin_pack['version'],
                 'sha256': hashlib.sha256(builtin_bytes).hexdigest()},
        'model': {'name': 'Model', 'version': '1'},
        'marking': 'none',
        'answers': {q: ({'state': 'unknown'} if v == 'unknown' else
                        {'value': v, 'state': 'answered', 'updated': '2026-11-26T04:16:22Z'})
                    for q, v in answers.items()},
    }, indent=2))

# A real bundle, written by the CLI, with one evidence file.
evidence_question = next((q['id'] for s in builtin_pack['sections'] for q in s['questions']
                          if q['type'] == 'evidence'), None)
with tempfile.TemporaryDirectory() as tmp:
    # The fuzz build's CLI has LeakSanitizer on; fontconfig's caches (the
    # PDF report) would fail it, and leaks are not what the seeds are for.
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, 'data'),
               XDG_CONFIG_HOME=os.path.join(tmp, 'config'), HOME=tmp,
               ASAN_OPTIONS='detect_leaks=0')
    assessment = os.path.join(tmp, 'seed.preflight')
    evidence = os.path.join(tmp, 'report.txt')
    answers = os.path.join(tmp, 'answers.json')
    bundle = os.path.join(tmp, 'seed.preflight-bundle.zip')
    with open(evidence, 'w') as f:
        f.write('Evaluation report\n')
    with open(scenarios[0]) as f:
        json.dump(json.load(f).get('answers', {}), open(answers, 'w'))
    steps = [[cli, 'new', '-o', assessment, '--model', 'Seed', '--model-version', '1'],
             [cli, 'import-answers', assessment, answers]]
    if evidence_question:
        steps.append([cli, 'attach', assessment, evidence, '--question', evidence_question])
    steps.append([cli, 'export', assessment, '-o', bundle])
    try:
        for step in steps:
            subprocess.run(step, env=env, check=True, stdout=subprocess.DEVNULL)
        with open(assessment, 'rb') as f:
            put('assessment', f.read())
        with open(bundle, 'rb') as f:
            put('bundle', f.read())
    except subprocess.CalledProcessError as e:
        # The other targets still have seeds; libFuzzer starts the bundle
        # target from nothing then, which it can.
        print('seed-corpora: no seed bundle (%s)' % e, file=sys.stderr)
        os.makedirs(os.path.join(corpus, 'bundle'), exist_ok=True)
