// The browser's search tokenizer (themes/default/assets/js/tokenizer.js) against the table it
// shares with the C++ one (tests/spec/tokenizer.json, also run by tests/unit/tokenizer_test.cpp),
// so the index built by the generator and the queries typed in the browser cannot drift apart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(process.env.TSUNAGU_SOURCE_DIR ?? path.join(here, '..', '..'));
const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'spec', 'tokenizer.json'), 'utf8'));
// A classic browser script: importing it runs it, and it leaves its functions on globalThis.
await import(pathToFileURL(path.join(ROOT, 'themes', 'default', 'assets', 'js', 'tokenizer.js')).href);
const { normalizeForSearch, tokenizeForIndex, tokenizeQuery } = globalThis.tsunaguTokenizer;

test('the spec has enough rows', () => {
  assert.ok(spec.rows.length >= 60, `${spec.rows.length} rows`);
});

test('every row of tests/spec/tokenizer.json', () => {
  for (const row of spec.rows) {
    const label = JSON.stringify(row.input.slice(0, 40));
    assert.equal(normalizeForSearch(row.input), row.normalized, `normalized ${label}`);
    assert.deepEqual(tokenizeForIndex(row.input), row.index, `index ${label}`);
    assert.deepEqual(tokenizeQuery(row.input), row.query, `query ${label}`);
  }
});

test('query tokens are index tokens; the index is unique; deterministic', () => {
  for (const row of spec.rows) {
    const index = tokenizeForIndex(row.input);
    const set = new Set(index);
    assert.equal(set.size, index.length);
    for (const q of tokenizeQuery(row.input)) assert.ok(set.has(q), `${q} of ${row.input.slice(0, 40)}`);
    assert.deepEqual(tokenizeForIndex(row.input), index);
  }
});

test('lone surrogates and non-strings do not throw', () => {
  assert.deepEqual(tokenizeQuery('a\uD800b'), ['a', 'b']);
  assert.deepEqual(tokenizeQuery(undefined), []);
  assert.equal(normalizeForSearch(null), '');
});
