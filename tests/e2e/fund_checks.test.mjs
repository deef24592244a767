// The money checks of funds over whole sites: the balanced fixture checks clean; the
// unbalanced one reports exactly its eight listed errors at file:line (year and gap in yen
// named); no output is written when the books do not add up; the example site's books balance.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { FIXTURES_DIR, SOURCE_DIR, build, describeRun, formatDiagnostics, realDiagnostics, runTool } from './lib.mjs';

test('the balanced fixture and the example site check without errors', () => {
  for (const source of [path.join(FIXTURES_DIR, 'funds-balanced'), SOURCE_DIR]) {
    const r = runTool(['check', '--source', source]);
    assert.equal(r.status, 0, describeRun(r, ['check', '--source', source]));
    const errors = realDiagnostics(r.diagnostics).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], formatDiagnostics(errors));
  }
});

test('the unbalanced fixture reports exactly its eight errors, each with year, gap and position', () => {
  const source = path.join(FIXTURES_DIR, 'funds-unbalanced');
  const r = runTool(['check', '--source', source]);
  assert.equal(r.status, 1, describeRun(r));
  const errors = realDiagnostics(r.diagnostics).filter((d) => d.severity === 'error')
    .map((d) => ({ file: d.file, line: d.line, code: d.code, message: d.message }));
  const want = [
    ['data/fund-years/test-kikin-2024.yaml', 19, 'money.unbalanced', /2024年度（令和6年度）.*差 1円.*FY2024.*gap 1 yen/],
    ['data/fund-years/test-kikin-2025.yaml', 7, 'money.opening_mismatch', /2025年度（令和7年度）.*差 -1,001円/],
    ['data/grants/test-kikin-2025-001.yaml', 12, 'grant.outside_year', /2025-03-20.*2025年度/],
    ['data/grants/test-kikin-2025-002.yaml', 10, 'money.overdisbursed', /超過 10,000円/],
    ['data/grants/test-kikin-2025-003.yaml', 4, 'grant.programme', /kodomo/],
    ['data/grants/test-kikin-2025-004.yaml', 7, 'ref.dangling', /nai-dantai/],
    ['data/grants/test-kikin-2025-005.yaml', 8, 'money.not_whole_yen', /1000\.5/],
    ['data/grants/test-kikin-2025-006.yaml', 8, 'money.negative', /-50000/],
  ];
  assert.equal(errors.length, want.length, formatDiagnostics(realDiagnostics(r.diagnostics)));
  for (const [file, line, code, re] of want) {
    const e = errors.find((x) => x.file === file && x.code === code);
    assert.ok(e, `no ${code} in ${file}:\n${formatDiagnostics(realDiagnostics(r.diagnostics))}`);
    assert.equal(e.line, line, `${code} at ${file}`);
    assert.match(e.message, re);
  }
});

test('a build with unbalanced books writes nothing', () => {
  const source = path.join(FIXTURES_DIR, 'funds-unbalanced');
  const b = build(source, 'funds-unbalanced-site');
  assert.equal(b.run.status, 1, describeRun(b.run, b.args));
  assert.ok(!fs.existsSync(path.join(b.out, 'index.html')), 'a site was written from books that do not balance');
});
