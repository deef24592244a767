// The browser's occurrence engine (themes/default/assets/js/schedule.js) against the table it
// shares with the C++ one (tests/spec/occurrences.json, also run by
// tests/unit/schedule_json_test.cpp): fed only each row's `schedule` (the JSON an activity page
// carries), it must give the same dates, the same 次回 text and the same national holidays.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(process.env.TSUNAGU_SOURCE_DIR ?? path.join(here, '..', '..'));
const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'spec', 'occurrences.json'), 'utf8'));
// A classic browser script: importing it runs it, and it leaves its API on globalThis.
await import(pathToFileURL(path.join(ROOT, 'themes', 'default', 'assets', 'js', 'schedule.js')).href);
const S = globalThis.tsunaguSchedule;

const listed = (os) => os.map((o) => (o.start >= 0 || o.end >= 0 ? `${o.date} ${o.start}-${o.end}` : o.date));

function* days(from, to) {
  for (let d = S.toDay(from); d <= S.toDay(to); ++d) yield S.iso(d);
}

test('the spec has enough rows', () => {
  assert.ok(spec.rows.length >= 60, `${spec.rows.length} rows`);
});

test('every row of tests/spec/occurrences.json: occurrences, 次回 and its text', () => {
  for (const row of spec.rows) {
    const label = `${row.name} (${row.text})`;
    const s = row.schedule;
    assert.deepEqual(listed(S.occurrences(s, row.from, row.to, 20)), row.held, `held ${label}`);
    const next = S.nextOccurrence(s, row.from);
    if (row.next === null) {
      assert.equal(next, null, `next ${label}`);
    } else {
      assert.deepEqual(next, { date: row.next.date, start: row.next.start, end: row.next.end }, `next ${label}`);
      assert.equal(S.formatNext(next), row.next.text, `next text ${label}`);
    }
    if (row.held.length < 20) {
      const heldDays = new Set(row.held.map((h) => h.slice(0, 10)));
      for (const d of days(row.from, row.to)) assert.equal(S.heldOn(s, d), heldDays.has(d), `${label} on ${d}`);
    }
  }
});

test('isHoliday / holidayName match the C++ holidays for every day of the table\'s years', () => {
  const names = new Map(spec.holidays);
  assert.ok(names.size > 16 * 15);
  let count = 0;
  for (const d of days(spec.holidays_from, spec.holidays_to)) {
    assert.equal(S.holidayName(d), names.get(d) ?? '', d);
    assert.equal(S.isHoliday(d), names.has(d), d);
    if (names.has(d)) ++count;
  }
  assert.equal(count, names.size);
});

test('dates in every accepted form; the time zone of the machine plays no part', () => {
  const wed = { r: [{ k: 'w', w: 8, t: [[600, 720]] }] };
  assert.ok(S.heldOn(wed, '2026-11-25'));
  assert.ok(S.heldOn(wed, { y: 2026, m: 11, d: 25 }));
  assert.ok(S.heldOn(wed, S.toDay('2026-11-25')));
  // A Date is an instant: its date in Japan. 2026-11-24T15:30Z is 11/25 00:30 in Japan.
  assert.ok(S.heldOn(wed, new Date(Date.UTC(2026, 10, 24, 15, 30))));
  assert.ok(!S.heldOn(wed, new Date(Date.UTC(2026, 10, 24, 14, 59))));
  assert.equal(S.todayInJapan(Date.UTC(2026, 11, 31, 15, 0)), S.toDay('2027-01-01'));
  assert.equal(S.formatNext({ date: '2026-11-26', start: -1, end: -1 }), '11月26日(木)');
  assert.equal(S.formatNext({ date: '2026-11-25', start: 9 * 60 + 5, end: -1 }), '11月25日(水) 9:05〜');
});

test('bad input gives nothing, never a throw', () => {
  for (const s of [null, undefined, 3, 'x', [], {}, { r: 'x' }, { r: [null, { k: 'zz' }] }]) {
    assert.deepEqual(S.occurrences(s, '2026-01-01', '2026-12-31'), []);
    assert.equal(S.nextOccurrence(s, '2026-01-01'), null);
  }
  assert.equal(S.heldOn({ r: [{ k: 'a' }] }, '2026-02-30'), false);
  assert.equal(S.heldOn({ r: [{ k: 'a' }] }, 'tomorrow'), false);
  assert.equal(S.isHoliday('2026-13-01'), false);
  assert.equal(S.holidayName('1979-01-01'), '');
  assert.equal(S.holidayName('2100-01-01'), '');
});
