// opendata/360giving.json and .csv of the example site: one entry per grant that was not
// cancelled, every 360Giving 1.4 required field present and well formed, amounts equal to the
// data, organisation ids JP-JCN- or 360G-, each grant's url a page of the site.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { SOURCE_DIR, assertBuiltOk, buildExampleOnce, readRecords, siteSetting } from './lib.mjs';

let out;
before(() => {
  const b = buildExampleOnce('giving360');
  assertBuiltOk(assert, b);
  out = b.out;
});

test('every grant that was not cancelled, with the required fields and the amounts of the data', () => {
  const grants = readRecords(SOURCE_DIR, 'grants').filter((g) => g.get('status') !== '取消');
  assert.ok(grants.length >= 40, `the example should have 40+ grants, has ${grants.length}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(out, 'opendata', '360giving.json'), 'utf8'));
  assert.equal(pkg.grants.length, grants.length);
  const baseUrl = siteSetting(SOURCE_DIR, 'base_url');
  const byId = new Map(pkg.grants.map((g) => [g.id, g]));
  for (const rec of grants) {
    const g = byId.get(`360G-tsunagu-132993-${rec.id}`);
    assert.ok(g, `no 360Giving entry for ${rec.id}`);
    for (const key of ['id', 'title', 'description', 'currency', 'amountAwarded', 'awardDate']) assert.ok(g[key] !== undefined && g[key] !== '', `${rec.id}: ${key}`);
    assert.equal(g.currency, 'JPY');
    assert.equal(g.amountAwarded, Number(rec.get('amount_awarded')));
    assert.ok(Number.isInteger(g.amountAwarded) && Number.isInteger(g.amountDisbursed));
    assert.ok(g.amountDisbursed <= g.amountAwarded);
    assert.match(g.awardDate, /^\d{4}-\d{2}-\d{2}$/);
    for (const org of [...g.recipientOrganization, ...g.fundingOrganization]) {
      assert.match(org.id, /^(JP-JCN-\d{13}|360G-[A-Za-z0-9-]+)$/);
      assert.ok(org.name);
    }
    assert.ok(g.url.startsWith(baseUrl));
    assert.ok(fs.existsSync(path.join(out, g.url.slice(baseUrl.length))), `${g.url} is not a page of the site`);
  }
  const csv = fs.readFileSync(path.join(out, 'opendata', '360giving.csv'), 'utf8').split('\r\n').filter(Boolean);
  assert.equal(csv.length, grants.length + 1);
  assert.match(csv[0], /^Identifier,Title,Description,Currency,Amount Awarded,/);
  assert.match(fs.readFileSync(path.join(out, 'opendata', 'index.html'), 'utf8'), /href="360giving\.json"/);
});
