// The search page of the example site in headless Chromium: Japanese queries in every script
// and width, facets and their counts, URL state, near-me ordering with a mocked position, the
// API window.tsunagu.search, keyboard-only use, a sub-path and file://. Expected answers come
// from the data files (tests/e2e/lib.mjs readRecords), not from the index.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { CONTENT_TYPE_SLUGS, NODE_MODULES, SOURCE_DIR, TARGET_SLUGS, asList, assertBuiltOk, buildExampleOnce, readRecords } from '../e2e/lib.mjs';
import { launchBrowser, serveDir, watchPage } from './lib.mjs';

const AXE = path.join(NODE_MODULES, 'axe-core', 'axe.min.js');
let out, server, browser, context;
const activities = readRecords(SOURCE_DIR, 'activities');
const consultation = readRecords(SOURCE_DIR, 'consultation');

before(async () => {
  const b = buildExampleOnce('browser-search');
  assertBuiltOk(assert, b);
  out = b.out;
  server = await serveDir(out, '/deep/sub/path/');
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openSearch(query = '') {
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(`${server.url}search/index.html${query}`);
  await page.waitForFunction(() => window.tsunagu && typeof window.tsunagu.search === 'function');
  return { page, watch };
}

const idsOf = (results) => results.map((r) => r.id);

describe('queries find the expected records', () => {
  let page;
  before(async () => { ({ page } = await openSearch()); });
  after(async () => { await page.close(); });
  const search = (q, opts = {}) => page.evaluate(([q, o]) => window.tsunagu.search(q, o), [q, opts]);

  const cases = [
    ['hiragana reading', 'ときわこどもしょくどう', 'higashi-tokiwadai-jidokan-kodomo-shokudo', 1],
    ['kanji and kana mixed, other spelling', 'ときわ子供食堂', 'higashi-tokiwadai-jidokan-kodomo-shokudo', 3],
    ['katakana for a hiragana name', 'ホットベース', 'chuo-hotbase-ibasho', 3],
    ['half-width katakana', 'ｺｰﾌﾟ宅配', 'aoba-coop-mimamori', 1],
    ['kanji', '囲碁', 'chuo-nakacho-igo-shogi', 1],
    ['one character', '碁', 'chuo-nakacho-igo-shogi', 3],
    ['reading of a single word in the middle', 'しょうぎ', 'chuo-nakacho-igo-shogi', 3],
    ['synonym from data/synonyms.yaml', 'オレンジカフェ', 'kita-aobanomori-ninchisho-cafe', 10],
    ['category word', '子ども食堂', 'higashi-tokiwadai-jidokan-kodomo-shokudo', 10],
    ['an organization by part of its name', '子ども未来ネット', 'aoba-kodomo-mirai', 1],
  ];
  for (const [label, q, id, within] of cases) {
    test(`${label}: ${q}`, async () => {
      const r = await search(q, { limit: 20 });
      const at = idsOf(r).indexOf(id);
      assert.ok(at >= 0 && at < within, `${id} should be in the top ${within} for ${q}, got ${JSON.stringify(idsOf(r).slice(0, 10))}`);
      for (const x of r) assert.ok(x.title && x.url && typeof x.score === 'number', JSON.stringify(x));
    });
  }

  test('full-width latin and digits fold to the same results as ASCII', async () => {
    const wide = await search('ＮＰＯ', { limit: 20 });
    const ascii = await search('npo', { limit: 20 });
    assert.ok(ascii.length > 0, 'organizations with NPO in their data are found');
    assert.deepEqual(idsOf(wide), idsOf(ascii));
    const kana = await search('ｵﾚﾝｼﾞｶﾌｪ', { limit: 20 });
    assert.deepEqual(idsOf(kana), idsOf(await search('オレンジカフェ', { limit: 20 })));
    assert.ok(kana.length > 0, 'half-width katakana of a synonym finds records');
  });

  test('every dementia café is found by 認知症カフェ, names outrank body mentions', async () => {
    const r = await search('認知症カフェ', { limit: 100 });
    const cafes = activities.filter((a) => /認知症カフェ/.test(a.get('name'))).map((a) => a.id);
    assert.ok(cafes.length >= 3);
    const top = idsOf(r).slice(0, cafes.length);
    for (const c of cafes) assert.ok(top.includes(c), `${c} in the top ${cafes.length}: ${top}`);
  });

  test('a consultation point is found by its local alias and its generic type', async () => {
    const houkatsu = consultation.filter((c) => /地域包括支援センター/.test(c.get('name') ?? ''));
    assert.ok(houkatsu.length >= 3);
    const r = await search('包括', { limit: 50 });
    for (const c of houkatsu) assert.ok(idsOf(r).includes(c.id), `${c.id} for 包括`);
  });

  test('organizations are found and link to their page', async () => {
    const r = await search('あおば交通', { limit: 5 });
    assert.equal(r[0].id, 'aoba-kotsu');
    assert.equal(r[0].url, 'organizations/aoba-kotsu.html');
    assert.equal(r[0].kind, 'organization');
  });

  test('nothing found gives an empty list with total 0', async () => {
    const r = await search('ぞぞぞぞ');
    assert.equal(r.length, 0);
  });

  test('every activity can be found by its exact name, in the top 3', async () => {
    const misses = [];
    for (const a of activities) {
      const r = await search(a.get('name'), { limit: 3 });
      if (!idsOf(r).includes(a.id)) misses.push(`${a.id}: ${a.get('name')} → ${idsOf(r)}`);
    }
    assert.deepEqual(misses, []);
  });

  test('every activity can be found by its reading in hiragana and in katakana', async () => {
    const toKata = (s) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
    const misses = [];
    for (const a of activities) {
      const reading = a.get('reading');
      if (!reading) continue;
      for (const q of [reading, toKata(reading)]) {
        const r = await search(q, { limit: 5 });
        if (!idsOf(r).includes(a.id)) misses.push(`${a.id}: ${q}`);
      }
    }
    assert.deepEqual(misses, []);
  });
});

describe('filters', () => {
  let page;
  before(async () => { ({ page } = await openSearch()); });
  after(async () => { await page.close(); });
  const search = (q, opts = {}) => page.evaluate(([q, o]) => window.tsunagu.search(q, o), [q, opts]);

  test('kind: consultation points only', async () => {
    const r = await search('', { filters: { kind: ['consultation'] }, limit: 1000 });
    assert.deepEqual(idsOf(r).sort(), consultation.map((c) => c.id).sort());
  });

  test('content type AND target combine like the data says', async () => {
    const expected = activities.filter((a) => asList(a.get('content_types')).some((t) => CONTENT_TYPE_SLUGS[t] === 'salon')
      && asList(a.get('target_people')).some((t) => TARGET_SLUGS[t] === 'older-people')).map((a) => a.id).sort();
    assert.ok(expected.length > 0);
    const r = await search('', { filters: { type: ['salon'], target: ['older-people'] }, limit: 1000 });
    assert.deepEqual(idsOf(r).sort(), expected);
  });

  test('values within one facet combine with OR', async () => {
    const expected = activities.filter((a) => asList(a.get('content_types')).some((t) => ['salon', 'dementia-cafe'].includes(CONTENT_TYPE_SLUGS[t]))).map((a) => a.id).sort();
    const r = await search('', { filters: { type: ['salon', 'dementia-cafe'] }, limit: 1000 });
    assert.deepEqual(idsOf(r).sort(), expected);
  });

  test('an area includes the areas inside it', async () => {
    const areas = readRecords(SOURCE_DIR, 'areas');
    const parent = Object.fromEntries(areas.map((a) => [a.id, a.get('parent')]));
    const district = areas.find((a) => a.get('level') === '日常生活圏域' || areas.some((c) => c.get('parent') === a.id && parent[a.id]));
    const inside = (id) => { for (let x = id; x; x = parent[x]) if (x === district.id) return true; return false; };
    const expected = activities.filter((a) => asList(a.get('areas')).some(inside)).map((a) => a.id).sort();
    assert.ok(expected.length > 0, `activities in ${district.id}`);
    const r = await search('', { filters: { area: [district.id], kind: ['activity'] }, limit: 1000 });
    assert.deepEqual(idsOf(r).sort(), expected);
  });

  test('free, barrier-free and weekday filters follow the data', async () => {
    const r = await search('', { filters: { access: ['barrier-free'], kind: ['activity'] }, limit: 1000 });
    const bf = activities.filter((a) => /barrier_free:\s*true/.test(String(a.get('accessibility')))).map((a) => a.id).sort();
    assert.deepEqual(idsOf(r).sort(), bf);
    const free = await search('', { filters: { fee: ['free'] }, limit: 1000 });
    assert.ok(free.length > 0);
    const wed = await search('', { filters: { wd: [3], kind: ['activity'] }, limit: 1000 });
    assert.ok(wed.length > 0 && wed.length < activities.length);
  });

  test('open today / this week use the schedule engine with a fixed today', async () => {
    const day = await search('', { openOn: '2026-11-25', limit: 1000 });  // a Wednesday
    const week = await search('', { openOn: { from: '2026-11-23', to: '2026-11-29' }, limit: 1000 });
    assert.ok(day.length > 0, 'something is held on a Wednesday');
    assert.ok(week.length >= day.length);
    for (const id of idsOf(day)) assert.ok(idsOf(week).includes(id));
    // 2026-11-23 is 勤労感謝の日: an activity closed on holidays is not open that day.
    const holiday = await search('', { openOn: '2026-11-23', limit: 1000 });
    const closedOnHolidays = activities.filter((a) => /祝日.*休/.test(String(a.get('schedule')))).map((a) => a.id);
    for (const id of closedOnHolidays) assert.ok(!idsOf(holiday).includes(id), `${id} is closed on 祝日`);
  });

  test('near: ordered by distance from a point', async () => {
    const here = { lat: 35.7160, lon: 139.4100 };
    const r = await search('', { near: here, filters: { kind: ['activity'] }, limit: 1000 });
    const d = r.map((x) => x.distance).filter((x) => x !== undefined);
    assert.ok(d.length > 10);
    for (let i = 1; i < d.length; ++i) assert.ok(d[i - 1] <= d[i], `distance order at ${i}: ${d[i - 1]} > ${d[i]}`);
    // Records without a point come after all with one.
    const firstMissing = r.findIndex((x) => x.distance === undefined);
    if (firstMissing >= 0) assert.ok(r.slice(firstMissing).every((x) => x.distance === undefined));
  });
});

describe('the page', () => {
  test('URL state round-trips: the form is filled from the URL and results and counts shown', async () => {
    const { page, watch } = await openSearch('?q=%E3%82%B5%E3%83%AD%E3%83%B3&type=salon&kind=activity');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    assert.equal(await page.inputValue('#search-q'), 'サロン');
    assert.ok(await page.isChecked('input[name=type][value=salon]'));
    assert.ok(await page.evaluate(() => document.getElementById('search-filter-details').open), 'chosen filters are shown');
    const count = await page.textContent('[data-count="type:salon"]');
    assert.match(count, /（\d+）/);
    const api = await page.evaluate(() => window.tsunagu.search('サロン', { filters: { type: ['salon'], kind: ['activity'] }, limit: 1000 }));
    const shown = await page.locator('#search-results li').count();
    assert.equal(shown, Math.min(20, api.length));
    assert.match(await page.textContent('#search-status'), new RegExp(`${api.length}件`));
    // Changing a filter writes the URL; reloading it restores the same state.
    await page.check('input[name=target][value=older-people]');
    await page.waitForFunction(() => location.search.includes('target=older-people'));
    const url = page.url();
    const again = await context.newPage();
    await again.goto(url);
    await again.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    assert.ok(await again.isChecked('input[name=target][value=older-people]'));
    assert.ok(await again.isChecked('input[name=type][value=salon]'));
    assert.deepEqual(watch.errors, []);
    await again.close();
    await page.close();
  });

  test('facet counts equal the results each value would give', async () => {
    const { page } = await openSearch('?q=%E3%82%AB%E3%83%95%E3%82%A7');  // カフェ
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    const counts = await page.$$eval('.facet-count', (els) => els.map((e) => [e.getAttribute('data-count'), e.textContent]));
    for (const [key, text] of counts.filter(([k]) => /^(type|target|kind):/.test(k))) {
      const [facet, value] = key.split(':');
      const n = Number((/（(\d+)）/.exec(text) ?? [0, -1])[1]);
      const r = await page.evaluate(([f, v]) => window.tsunagu.search('カフェ', { filters: { [f]: [v] }, limit: 1000 }), [facet, value]);
      assert.equal(n, r.length, `count for ${key}`);
    }
    await page.close();
  });

  test('near me: a mocked position orders results nearest first, shown with distances', async () => {
    const ctx = await browser.newContext({ locale: 'ja-JP', geolocation: { latitude: 35.7160, longitude: 139.4100 }, permissions: ['geolocation'] });
    const page = await ctx.newPage();
    await page.goto(`${server.url}search/index.html?kind=activity`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    await page.click('#search-geolocate');
    await page.waitForFunction(() => /近い順/.test(document.getElementById('search-status').textContent));
    const text = await page.$$eval('#search-results li .result-next', (els) => els.map((e) => e.textContent));
    const meters = text.map((t) => { const m = /約([\d.]+) (k?m)/.exec(t); return m ? Number(m[1]) * (m[2] === 'km' ? 1000 : 1) : null; }).filter((x) => x !== null);
    assert.ok(meters.length >= 5, text.join('\n'));
    for (let i = 1; i < meters.length; ++i) assert.ok(meters[i - 1] <= meters[i] + 50, `order ${meters}`);
    assert.ok(!page.url().includes('35.71'), 'the position never goes into the URL');
    await ctx.close();
  });

  test('keyboard only: type, submit, reach a result, open it', async () => {
    const { page } = await openSearch();
    await page.keyboard.press('Tab');  // skip link
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'search-q'; ++i) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    assert.equal(focused, 'search-q');
    assert.equal(await page.evaluate(() => document.getElementById('search-filter-details').open), false, 'no filters chosen: folded');
    await page.keyboard.type('いご');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li a').length > 0);
    let onResult = false;
    for (let i = 0; i < 200 && !onResult; ++i) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => !!document.activeElement?.closest('#search-results'));
    }
    assert.ok(onResult, 'Tab reaches the first result');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(page.url(), /activities\/.+\.html$/);
    await page.close();
  });

  test('axe-core: no violations with results and counts shown, and at 320 px no horizontal scroll', async () => {
    const { page } = await openSearch('?q=%E3%82%B5%E3%83%AD%E3%83%B3');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    await page.addScriptTag({ path: AXE });
    const res = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
    assert.deepEqual(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px at 320px`);
    await page.close();
  });

  test('the site opened from disk (file://) searches too, loading only a few index files', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    const loaded = [];
    page.on('request', (r) => { if (r.url().includes('/search/')) loaded.push(r.url()); });
    await page.goto(pathToFileURL(path.join(out, 'search', 'index.html')).href + '?q=%E5%9B%B2%E7%A2%81');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    assert.match(await page.textContent('#search-results'), /囲碁/);
    const shards = loaded.filter((u) => u.includes('/search/shards/'));
    const total = fs.readdirSync(path.join(out, 'search', 'shards')).length;
    assert.ok(shards.length >= 1 && shards.length <= 4, `${shards.length} of ${total} shards loaded`);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  test('without JavaScript the page still offers browse by area and by category', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}search/index.html`);
    assert.ok(await page.locator('.search-browse a[href*="areas/"]').count() > 3);
    assert.ok(await page.locator('.search-browse a[href*="categories/"]').count() > 3);
    assert.ok(!(await page.isVisible('#search-filters')), 'filters that need the script stay hidden');
    await ctx.close();
  });
});
