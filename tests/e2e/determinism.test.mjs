// Two builds of the same input are byte-identical (DESIGN.md: sorted iteration, no clock).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SOURCE_DIR, build, describeRun, hashTree, sha256 } from './lib.mjs';

test('building the example twice gives byte-identical trees', () => {
  const one = build(SOURCE_DIR, `determinism-a-${process.pid}`);
  assert.equal(one.run.status, 0, describeRun(one.run, one.args));
  const two = build(SOURCE_DIR, `determinism-b-${process.pid}`);
  assert.equal(two.run.status, 0, describeRun(two.run, two.args));
  const a = hashTree(one.out);
  const b = hashTree(two.out);
  const listing = (t) => Object.entries(t).map(([f, h]) => `${h}  ${f}`).join('\n');
  if (sha256(listing(a)) !== sha256(listing(b))) {
    const onlyA = Object.keys(a).filter((f) => !(f in b));
    const onlyB = Object.keys(b).filter((f) => !(f in a));
    const differ = Object.keys(a).filter((f) => f in b && a[f] !== b[f]);
    assert.fail(`the two builds differ:\n  only in the first: ${onlyA.slice(0, 20).join(', ') || '-'}\n` +
      `  only in the second: ${onlyB.slice(0, 20).join(', ') || '-'}\n  different content (${differ.length}): ${differ.slice(0, 20).join(', ') || '-'}`);
  }
  assert.ok(Object.keys(a).length > 0);
});

test('the build does not depend on the working directory or on the environment clock', () => {
  const one = build(SOURCE_DIR, `determinism-c-${process.pid}`, [], { env: { TZ: 'Pacific/Kiritimati', LC_ALL: 'C' } });
  assert.equal(one.run.status, 0, describeRun(one.run, one.args));
  const two = build(SOURCE_DIR, `determinism-d-${process.pid}`, [], { env: { TZ: 'America/Adak', LC_ALL: 'C.UTF-8' }, cwd: '/' });
  assert.equal(two.run.status, 0, describeRun(two.run, two.args));
  const a = hashTree(one.out);
  const b = hashTree(two.out);
  const differ = Object.keys({ ...a, ...b }).filter((f) => a[f] !== b[f]);
  assert.deepEqual(differ, [], 'files that differ between builds in different time zones / working directories');
});
