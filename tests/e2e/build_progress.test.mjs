// What a build tells the person waiting: --verbose prints the time of every stage; on a terminal
// each stage is shown as it finishes; in CI (not a terminal) nothing but the summary; --quiet
// prints nothing at all on success.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

import { BIN, SOURCE_DIR, describeRun, freshOutPath, runTool } from './lib.mjs';

const STAGES = ['load', 'resolve', 'check', 'render', 'index', 'write'];

test('--verbose prints every stage with its milliseconds and the total', () => {
  const out = freshOutPath('progress-verbose');
  const r = runTool(['build', '--source', SOURCE_DIR, '--out', out, '--verbose'], { env: { CI: 'true' } });
  assert.equal(r.status, 0, describeRun(r));
  for (const s of STAGES) assert.match(r.stderr, new RegExp(`^  ${s}\\s+\\d+ ms`, 'm'), `no ${s} line:\n${r.stderr}`);
  assert.match(r.stderr, /^  total\s+\d+ ms/m);
  assert.match(r.stderr, /load\s+\d+ ms\s+読み込み\s+\d+ 件の活動/);
  // Not a terminal: no per-stage progress on stdout, just the one summary line.
  assert.equal(r.stdout.trim().split('\n').length, 1, r.stdout);
});

test('--quiet prints nothing on success, even with --verbose', () => {
  const out = freshOutPath('progress-quiet');
  const r = runTool(['build', '--source', SOURCE_DIR, '--out', out, '--quiet', '--verbose']);
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
});

test('on a terminal each stage is shown as it finishes', { skip: spawnSync('sh', ['-c', 'command -v script']).status !== 0 && 'no script(1)' }, () => {
  const out = freshOutPath('progress-tty');
  const env = { ...process.env, LANG: 'C.UTF-8' };
  delete env.CI;
  // script(1) gives the build a pseudo-terminal as stdout.
  const cmd = `${BIN} build --source ${SOURCE_DIR} --out ${out}`;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const [ja, en] of [['読み込み', 'load'], ['描画', 'render'], ['書き出し', 'write']])
    assert.match(r.stdout, new RegExp(`${ja} \\(${en}\\).*\\d+\\.\\d s`), r.stdout);
});
