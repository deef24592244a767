// 開催予定 on activity pages in headless Chromium with the page clock set: schedule.js must
// replace the build-date list with dates from the visitor's today (in Japan, whatever the
// browser's time zone), mark 今日開催 / 今週開催 only when true, and skip holidays and the
// year-end closure. Without JavaScript the list stays as built.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { build, copyFixture, describeRun } from '../e2e/lib.mjs';
import { launchBrowser, serveDir, watchPage } from './lib.mjs';

const BUILD_DAY = '2026-11-23';

// Activities with schedules chosen for the clock settings below.
const ACTIVITIES = {
  'monday-club': '毎週月曜 10:00〜12:00（祝日・年末年始は休み）',
  'daily-cafe': '毎日 9:00〜（年末年始は休み）',
  'friday-circle': '毎週金曜 13:00〜15:00',
};

let out;
let server;
let browser;

before(async () => {
  const site = copyFixture('good');
  for (const [id, schedule] of Object.entries(ACTIVITIES)) {
    fs.writeFileSync(path.join(site, 'data', 'activities', `${id}.yaml`),
      `id: ${id}\nname: テスト ${id}\nreading: てすと\nsummary: 予定の確かめ用です。\ncontent_types: [交流・サロン]\n` +
      `target_people: [誰でも]\nareas: [minami]\nschedule: ${schedule}\nstatus: 活動中\nlast_confirmed: 2026-10-01\n`);
  }
  const b = build(site, `browser-next-dates-${process.pid}`, ['--today', BUILD_DAY]);
  assert.equal(b.run.status, 0, describeRun(b.run, b.args));
  out = b.out;
  server = await serveDir(out, '/good/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens activities/ID.html with the clock fixed at `instant` (an ISO string with offset) in a
// browser whose own zone is far from Japan, and reads the 開催予定 block.
async function blockAt(id, instant, { javaScriptEnabled = true, url } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, timezoneId: 'America/Los_Angeles', locale: 'ja-JP' });
  const page = await context.newPage();
  const watch = watchPage(page);
  if (javaScriptEnabled) await page.clock.setFixedTime(new Date(instant));
  await page.goto(url ?? `${server.url}activities/${id}.html`, { waitUntil: 'load' });
  const block = await page.evaluate(() => {
    const b = document.querySelector('[data-schedule]');
    if (!b) return null;
    const badges = b.querySelector('[data-badges]');
    return {
      next: b.querySelector('[data-next]')?.textContent,
      dates: [...b.querySelectorAll('[data-dates] li')].map((li) => li.textContent),
      asOf: b.querySelector('[data-as-of]')?.textContent,
      badges: badges && !badges.hidden ? [...badges.querySelectorAll('.badge')].map((x) => x.textContent) : [],
    };
  });
  await context.close();
  assert.deepEqual([...watch.errors, ...watch.consoleErrors, ...watch.failed], [], `problems loading ${id}`);
  return block;
}

describe('開催予定 follows the visitor\'s today', () => {
  test('without JavaScript: the list as of the build date, no badges', async () => {
    const b = await blockAt('monday-club', '2027-01-11T10:00:00+09:00', { javaScriptEnabled: false });
    assert.equal(b.next, '11月30日(月) 10:00〜'); // 11/23 is 勤労感謝の日
    assert.deepEqual(b.dates, ['11月30日(月) 10:00〜', '12月7日(月) 10:00〜', '12月14日(月) 10:00〜',
      '12月21日(月) 10:00〜', '12月28日(月) 10:00〜']);
    assert.equal(b.asOf, '2026年11月23日時点');
    assert.deepEqual(b.badges, []);
  });

  test('on a held day: 今日開催', async () => {
    const b = await blockAt('monday-club', '2026-11-30T08:00:00+09:00');
    assert.equal(b.next, '11月30日(月) 10:00〜');
    assert.deepEqual(b.badges, ['今日開催']);
    assert.equal(b.asOf, '2026年11月30日時点');
  });

  test('a holiday closure (成人の日 2027-01-11) moves 次回 to the next week, no badge', async () => {
    // 2027-01-11 00:30 in Japan is still 1/10 in Los Angeles: the date in Japan counts.
    const b = await blockAt('monday-club', '2027-01-11T00:30:00+09:00');
    assert.equal(b.next, '1月18日(月) 10:00〜');
    assert.equal(b.dates[0], '1月18日(月) 10:00〜');
    assert.deepEqual(b.badges, []);
    assert.equal(b.asOf, '2027年1月11日時点');
  });

  test('the year-end closure: from 12/30 the next day is 1/4, across the year', async () => {
    const b = await blockAt('daily-cafe', '2026-12-30T12:00:00+09:00');
    assert.equal(b.next, '1月4日(月) 9:00〜');
    assert.deepEqual(b.dates, ['1月4日(月) 9:00〜', '1月5日(火) 9:00〜', '1月6日(水) 9:00〜', '1月7日(木) 9:00〜',
      '1月8日(金) 9:00〜']);
    assert.deepEqual(b.badges, []); // 1/4 is next week (weeks start on Monday)
    const before = await blockAt('daily-cafe', '2026-12-28T23:59:00+09:00');
    assert.deepEqual(before.badges, ['今日開催']);
    assert.equal(before.dates[1], '1月4日(月) 9:00〜');
  });

  test('later this week: 今週開催', async () => {
    const b = await blockAt('friday-circle', '2026-11-24T09:00:00+09:00');
    assert.equal(b.next, '11月27日(金) 13:00〜');
    assert.deepEqual(b.badges, ['今週開催']);
    const sat = await blockAt('friday-circle', '2026-11-28T09:00:00+09:00');
    assert.equal(sat.next, '12月4日(金) 13:00〜');
    assert.deepEqual(sat.badges, []);
  });

  test('opened from disk (file://) the script runs too', async () => {
    const url = pathToFileURL(path.join(out, 'activities', 'friday-circle.html')).href;
    const b = await blockAt('friday-circle', '2026-11-27T09:00:00+09:00', { url });
    assert.equal(b.next, '11月27日(金) 13:00〜');
    assert.deepEqual(b.badges, ['今日開催']);
  });

  test('a schedule without dates has no block and no script', async () => {
    const html = fs.readFileSync(path.join(out, 'activities', 'kimama-sanpo.html'), 'utf8');
    assert.ok(!html.includes('data-schedule'));
    assert.ok(!html.includes('schedule.js'));
  });
});
