// 開催予定 on activity pages, as built: for a fixed --today the static list is the C++ engine's
// (the same dates schedule.js computes from the page's own data-schedule, the two engines being
// pinned together by tests/spec/occurrences.json), the 時点 note names the build date, and the
// build date comes from --today, TSUNAGU_TODAY or SOURCE_DATE_EPOCH.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { SOURCE_DIR, build, decodeEntities, describeRun, hashTree, htmlFiles, readRecords, readText } from './lib.mjs';

await import(pathToFileURL(path.join(SOURCE_DIR, 'themes', 'default', 'assets', 'js', 'schedule.js')).href);
const S = globalThis.tsunaguSchedule;

const TODAY = '2026-11-23';

// The 開催予定 block of a page: {schedule, count, next, dates: [[iso, text]], asOf}, or null.
function block(html) {
  const m = /<div class="next-dates" data-schedule="([^"]*)" data-count="(\d+)">([\s\S]*?)<\/div>\s*<script src="[^"]*assets\/js\/schedule\.js" defer><\/script>/.exec(html);
  if (!m) return null;
  const body = m[3];
  return {
    schedule: JSON.parse(decodeEntities(m[1])),
    count: Number(m[2]),
    next: decodeEntities(/<strong data-next>([^<]*)<\/strong>/.exec(body)?.[1] ?? ''),
    dates: [...body.matchAll(/<li><time datetime="([^"]+)">([^<]*)<\/time><\/li>/g)].map((x) => [x[1], decodeEntities(x[2])]),
    asOf: decodeEntities(/<p class="note" data-as-of>([^<]*)<\/p>/.exec(body)?.[1] ?? ''),
  };
}

test('the example site with --today: every list is what the engine gives from that day', () => {
  const b = build(SOURCE_DIR, `next-dates-${process.pid}`, ['--today', TODAY]);
  assert.equal(b.run.status, 0, describeRun(b.run, b.args));
  const pages = htmlFiles(b.out).filter((p) => p.startsWith('activities/'));
  const status = Object.fromEntries(readRecords(SOURCE_DIR, 'activities').map((r) => [r.id, r.get('status')]));
  let withBlock = 0;
  for (const p of pages) {
    const html = readText(b.out, p);
    const id = p.replace(/^activities\//, '').replace(/\.html$/, '');
    const blk = block(html);
    if (html.includes('data-schedule')) assert.ok(blk, `${p}: a data-schedule block of an unexpected shape`);
    if (!blk) {
      assert.ok(!html.includes('schedule.js'), `${p}: schedule.js without a block`);
      continue;
    }
    ++withBlock;
    assert.ok(!['休止中', '終了', 'paused', 'ended'].includes(status[id]), `${p}: upcoming dates on a ${status[id]} activity`);
    const expected = S.occurrences(blk.schedule, TODAY, S.toDay(TODAY) + 400, blk.count);
    assert.ok(expected.length > 0, `${p}: a block with no dates`);
    assert.deepEqual(blk.dates, expected.map((o) => [o.date, S.formatNext(o)]), p);
    assert.equal(blk.next, S.formatNext(expected[0]), p);
    assert.equal(blk.asOf, '2026年11月23日時点', p);
    assert.equal(blk.count, 5);
  }
  assert.ok(withBlock >= 10, `only ${withBlock} activity pages list upcoming dates`);
});

test('a known schedule, as the C++ engine lists it (11/23 勤労感謝の日 is not a Wednesday)', () => {
  // The fixture's salon: 毎月第2・第4水曜 10:00〜12:00（祝日は休み）.
  const b = build(path.join(SOURCE_DIR, 'tests', 'fixtures', 'sites', 'good'), `next-dates-good-${process.pid}`, ['--today', TODAY]);
  assert.equal(b.run.status, 0, describeRun(b.run, b.args));
  const blk = block(readText(b.out, 'activities/sakuragaoka-salon.html'));
  assert.ok(blk);
  assert.deepEqual(blk.dates.map((d) => d[1]), ['11月25日(水) 10:00〜', '12月9日(水) 10:00〜', '12月23日(水) 10:00〜',
    '1月13日(水) 10:00〜', '1月27日(水) 10:00〜']);
  assert.deepEqual(blk.schedule, { hc: 1, r: [{ k: 'n', n: [2, 4], t: [[600, 720]], w: 8 }] });
  // No block for a schedule the parser could not read.
  assert.equal(block(readText(b.out, 'activities/kimama-sanpo.html')), null);
});

test('the build date: --today, TSUNAGU_TODAY and SOURCE_DATE_EPOCH give the same site', () => {
  const good = path.join(SOURCE_DIR, 'tests', 'fixtures', 'sites', 'good');
  const flag = build(good, `next-dates-flag-${process.pid}`, ['--today', '2026-12-31'], { env: { TSUNAGU_TODAY: '2020-01-01' } });
  const env = build(good, `next-dates-env-${process.pid}`, [], { env: { TSUNAGU_TODAY: '2026-12-31', SOURCE_DATE_EPOCH: '0' } });
  // 2026-12-30T15:00:00Z is 12/31 00:00 in Japan.
  const epoch = build(good, `next-dates-epoch-${process.pid}`, [], { env: { TSUNAGU_TODAY: '', SOURCE_DATE_EPOCH: '1798642800', TZ: 'America/Adak' } });
  for (const b of [flag, env, epoch]) assert.equal(b.run.status, 0, describeRun(b.run, b.args));
  const a = hashTree(flag.out);
  for (const other of [env, epoch]) {
    const h = hashTree(other.out);
    assert.deepEqual(Object.keys(h).filter((f) => h[f] !== a[f]), [], 'files that differ');
  }
  assert.equal(block(readText(flag.out, 'activities/sakuragaoka-salon.html')).asOf, '2026年12月31日時点');
  const bad = build(good, `next-dates-bad-${process.pid}`, ['--today', '2026-02-30']);
  assert.equal(bad.run.status, 2);
});
