// Every HTML page of the built example site is valid HTML according to the Nu checker (vnu).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { NODE_MODULES, assertBuiltOk, buildExampleOnce, htmlFiles } from './lib.mjs';

const VNU_JAR = path.join(NODE_MODULES, 'vnu-jar', 'build', 'dist', 'vnu.jar');

test('the Nu HTML checker finds no errors in any page of the example site', () => {
  assert.ok(fs.existsSync(VNU_JAR), `vnu.jar not found at ${VNU_JAR} (run npm ci)`);
  const b = buildExampleOnce('html-valid');
  assertBuiltOk(assert, b);
  const nPages = htmlFiles(b.out).length;
  assert.ok(nPages > 0);

  const r = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', b.out], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000,
  });
  assert.ok(!r.error, `could not run java: ${r.error?.message}`);
  // vnu writes its JSON report to stderr; exit 1 means "errors found".
  let report;
  try {
    report = JSON.parse(r.stderr || r.stdout);
  } catch (e) {
    assert.fail(`vnu did not print JSON (exit ${r.status}):\n${(r.stderr || r.stdout).slice(0, 3000)}`);
  }
  const errors = (report.messages ?? []).filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
  if (errors.length) {
    const byMessage = new Map();
    for (const m of errors) byMessage.set(m.message, (byMessage.get(m.message) ?? 0) + 1);
    const rel = (u) => (u?.startsWith('file:') ? path.relative(b.out, fileURLToPath(u)) : u);
    const first = errors.slice(0, 25).map((m) =>
      `  ${rel(m.url)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\n/g, '⏎')}` : ''}`);
    const summary = [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([msg, n]) => `  ${n}× ${msg}`);
    assert.fail(`vnu: ${errors.length} errors in ${new Set(errors.map((m) => m.url)).size} of ${nPages} pages.\n` +
      `Most frequent:\n${summary.join('\n')}\nFirst errors:\n${first.join('\n')}`);
  }
  assert.equal(r.status, 0, `vnu exited ${r.status}: ${(r.stderr || '').slice(0, 2000)}`);
});
