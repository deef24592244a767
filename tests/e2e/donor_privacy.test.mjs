// A donor who did not consent to being named never appears anywhere in a built site: pages,
// search index, open data, feeds. The names are read from the data itself (every named_donors
// entry with consent: false), so new data is covered without changing the test.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { FIXTURES_DIR, SOURCE_DIR, build, describeRun, walk } from './lib.mjs';

// Names of non-consenting donors in data/fund-years/*.yaml (flow items, as in the example, or
// block items: "- name: …" followed by "consent: false" before the next item).
function nonConsentingDonors(source) {
  const dir = path.join(source, 'data', 'fund-years');
  const names = new Set();
  if (!fs.existsSync(dir)) return names;
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/\{\s*name:\s*([^,}]+?)\s*,[^}]*\bconsent:\s*false\b[^}]*\}/g)) names.add(m[1].replace(/^["']|["']$/g, ''));
    for (const m of text.matchAll(/^\s*-\s*name:\s*(.+?)\s*\n((?:\s{3,}.*\n)*)/gm))
      if (/\bconsent:\s*false\b/.test(m[2])) names.add(m[1].replace(/^["']|["']$/g, ''));
  }
  return names;
}

for (const [label, source] of [['example site', SOURCE_DIR], ['funds-balanced fixture', path.join(FIXTURES_DIR, 'funds-balanced')]]) {
  test(`${label}: no non-consenting donor's name in any output file`, () => {
    const names = nonConsentingDonors(source);
    assert.ok(names.size > 0, `the ${label} should have a donor without consent to test with`);
    const b = build(source, `donor-privacy-${label.replace(/\W+/g, '-')}`);
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    const files = walk(b.out);
    assert.ok(files.some((f) => f.startsWith('funds/')), 'no fund pages were built');
    for (const rel of files) {
      const text = fs.readFileSync(path.join(b.out, rel)).toString('utf8');
      for (const name of names) assert.ok(!text.includes(name), `${name} (no consent) appears in ${rel}`);
    }
  });
}
