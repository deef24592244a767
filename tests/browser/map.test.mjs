// The map view on area pages (themes/default/assets/js/map.js with Leaflet and 地理院タイル), in
// headless Chromium with no network: tiles are routed to abort, so the page must work without
// them. One marker per listed activity with a point, private homes as approximate circles,
// keyboard use, the 地図を表示 toggle, a sub-path and file://, axe-core with the map shown, and
// the script API the search page uses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { NODE_MODULES, SOURCE_DIR, assertBuiltOk, buildExampleOnce, readRecords } from '../e2e/lib.mjs';
import { launchBrowser, serveDir, watchPage } from './lib.mjs';

const AXE = path.join(NODE_MODULES, 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TILES = '**/cyberjapandata.gsi.go.jp/**';
const SUB = '/some/sub/path/';

let out;
let server;
let browser;
let areaPage;          // e.g. areas/kita-sakuragaoka.html: lists a private-home activity
let privateIds;        // activity ids whose venue is a private home

before(async () => {
  const b = buildExampleOnce('browser-map');
  assertBuiltOk(assert, b);
  out = b.out;
  privateIds = new Set(readRecords(SOURCE_DIR, 'activities')
    .filter((r) => /^\s+private_home:\s*true\b/m.test(fs.readFileSync(r.file, 'utf8')))
    .map((r) => r.id));
  assert.ok(privateIds.size > 0, 'the example data has no private-home venue to test with');
  const areas = fs.readdirSync(path.join(out, 'areas')).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
  const withPrivate = areas.filter((f) => {
    const html = fs.readFileSync(path.join(out, 'areas', f), 'utf8');
    return html.includes('data-tsunagu-map') && [...privateIds].some((id) => html.includes(`activities/${id}.html`));
  });
  assert.ok(withPrivate.length > 0, 'no area page with a map lists a private-home activity');
  // The smallest such page (a 地区 rather than the whole city) keeps the keyboard walk short.
  withPrivate.sort((a, b) => fs.statSync(path.join(out, 'areas', a)).size - fs.statSync(path.join(out, 'areas', b)).size);
  areaPage = `areas/${withPrivate[0]}`;
  server = await serveDir(out, SUB);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// A page with tiles aborted (no network) and its problems recorded; tileRequests counts them.
async function openPage(url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', ...contextOptions });
  const tileRequests = [];
  await context.route(TILES, (route) => { tileRequests.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('.map-panel:not([hidden]) .leaflet-container', { timeout: 10_000 });
  return { context, page, watch, tileRequests };
}

// What the list says the map should show: unique links of items carrying a point.
function expectedFromList(page) {
  return page.evaluate(() => {
    const list = document.getElementById(document.querySelector('[data-tsunagu-map]').getAttribute('data-tsunagu-map-list'));
    const precise = new Set();
    const approx = new Set();
    const preciseSpots = new Set();
    const approxSpots = new Set();
    for (const li of list.querySelectorAll('li[data-lat][data-lon]')) {
      const href = li.querySelector('a[href]').getAttribute('href');
      const spot = `${parseFloat(li.dataset.lat)},${parseFloat(li.dataset.lon)}`;
      if (li.hasAttribute('data-approx')) { approx.add(href); approxSpots.add(spot); } else { precise.add(href); preciseSpots.add(spot); }
    }
    return {
      precise: [...precise].sort(), approx: [...approx].sort(), preciseSpots: preciseSpots.size, approxSpots: approxSpots.size,
      cards: list.querySelectorAll('li.card').length,
    };
  });
}

// Presses Tab until the focused element matches selector; returns whether it got there.
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return true;
  }
  return false;
}

describe('map view on an area page', () => {
  test('one marker per listed activity with a point; private homes as ~500 m circles, never pins', async () => {
    const { context, page, watch, tileRequests } = await openPage(server.url + areaPage);
    const want = await expectedFromList(page);
    assert.ok(want.precise.length + want.approx.length > 0);
    assert.ok(want.approx.length > 0, `${areaPage}: no card marked data-approx`);
    for (const href of want.approx) assert.ok(privateIds.has(href.replace(/^.*activities\/|\.html$/g, '')), `${href} is approximate but not a private home`);
    for (const href of want.precise) assert.ok(!privateIds.has(href.replace(/^.*activities\/|\.html$/g, '')), `${href} is a private home shown as a precise point`);

    const got = await page.evaluate(() => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { l: r.left, t: r.top, r: r.right, b: r.bottom }; };
      const h = window.tsunaguMap.get(document.querySelector('[data-tsunagu-map]'));
      return {
        markers: [...document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')].map((m) => m.getAttribute('alt')),
        boxes: [...document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')].map(box),
        controls: [...document.querySelectorAll('.leaflet-control')].map(box),
        circles: [...document.querySelectorAll('path.tsunagu-approx')].map((c) => c.getAttribute('aria-label')),
        drawn: h.markers().map((m) => ({ approx: m.approximate, hrefs: m.points.map((p) => p.url) })),
        places: h.places().map((pl) => ({ approx: pl.approximate, at: `${pl.lat},${pl.lon}` })),
      };
    });
    // Every listed activity with a point is on the map exactly once. Activities at one spot share a
    // marker, and so do markers that would cover each other at this zoom (each stays a whole target).
    const drawn = (approx) => got.drawn.filter((m) => m.approx === approx).flatMap((m) => m.hrefs).sort();
    assert.deepEqual(drawn(false), want.precise);
    assert.deepEqual(drawn(true), want.approx);
    assert.equal(got.places.filter((pl) => !pl.approx).length, want.preciseSpots);
    assert.equal(got.places.filter((pl) => pl.approx).length, want.approxSpots);
    assert.equal(got.markers.length, got.drawn.filter((m) => !m.approx).length, `markers: ${got.markers.join(', ')}`);
    assert.equal(got.circles.length, want.approxSpots, `circles: ${got.circles.join(', ')}`);
    const overlap = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    for (let i = 0; i < got.boxes.length; i++) {
      for (let j = i + 1; j < got.boxes.length; j++) assert.ok(!overlap(got.boxes[i], got.boxes[j]), `markers ${got.markers[i]} and ${got.markers[j]} overlap`);
      for (const c of got.controls) assert.ok(!overlap(got.boxes[i], c), `marker ${got.markers[i]} is under a map control`);
    }
    for (const label of got.circles) assert.match(label, /おおよその場所/);
    for (const alt of got.markers) assert.ok(alt && alt.length > 0, 'a marker without an accessible name');

    // A circle's radius on screen is a few hundred metres, not a pin's few pixels.
    const r = await page.evaluate(() => {
      const c = document.querySelector('path.tsunagu-approx').getBoundingClientRect();
      return Math.max(c.width, c.height);
    });
    assert.ok(r > 20, `the approximate area is only ${r}px wide`);

    // The list is still all there, and the page tried the tiles and survived their failure.
    assert.ok(want.cards >= want.precise.length + want.approx.length);
    assert.ok(tileRequests.length > 0, 'no tile was requested (is the tile layer missing?)');
    assert.ok(tileRequests.every((u) => u.startsWith('https://cyberjapandata.gsi.go.jp/xyz/std/')), tileRequests[0]);
    assert.deepEqual(watch.errors, [], 'page errors');
    assert.deepEqual(watch.consoleErrors, [], 'console errors');
    assert.deepEqual(watch.failed, [], 'failed requests other than tiles (served under a sub-path)');
    assert.ok(await page.locator('.leaflet-control-attribution a[href="https://maps.gsi.go.jp/development/ichiran.html"]').count() === 1,
      'the 地理院タイル attribution is missing');
    await context.close();
  });

  test('keyboard: Tab reaches the markers, Enter opens a popup with the link, Escape closes it', async () => {
    const { context, page, watch } = await openPage(server.url + areaPage);
    await page.focus('.map-toggle');
    assert.ok(await tabTo(page, '.leaflet-marker-icon'), 'Tab never reached a marker');
    const name = await page.evaluate(() => document.activeElement.getAttribute('alt'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup .tsunagu-popup a[href]');
    const popup = await page.evaluate(() => {
      const a = document.querySelector('.leaflet-popup .tsunagu-popup a[href]');
      return { text: a.textContent, href: a.getAttribute('href'), focused: document.activeElement === a };
    });
    assert.ok(name.includes(popup.text), `marker "${name}" opened a popup for "${popup.text}"`);
    assert.match(popup.href, /^\.\.\/activities\/[a-z0-9-]+\.html$/);
    assert.ok(popup.focused, 'focus did not move into the popup');
    assert.ok(await page.locator(`#area-activities a[href="${popup.href}"]`).count() > 0, 'the popup links a page that is not in the list');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.leaflet-popup', { state: 'detached' });
    assert.ok(await page.evaluate(() => document.activeElement.matches('.leaflet-marker-icon')), 'focus did not return to the marker');

    // The approximate areas are reachable too and say so.
    await page.focus('.map-toggle');
    assert.ok(await tabTo(page, 'path.tsunagu-approx'), 'Tab never reached an approximate area');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup .tsunagu-popup-note');
    assert.match(await page.locator('.leaflet-popup').innerText(), /おおよその場所/);

    // Following the popup's link opens the activity page.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/activities\/[a-z0-9-]+\.html$/);
    assert.equal(await page.locator('h1').count(), 1);
    assert.deepEqual(watch.errors, []);
    await context.close();
  });

  test('the skip link jumps past the map to the list', async () => {
    const { context, page } = await openPage(server.url + areaPage);
    const skip = page.locator('.map-skip a');
    assert.equal(await skip.count(), 1);
    assert.match(await skip.innerText(), /地図をとばして/);
    const order = await page.evaluate(() => {
      const a = document.querySelector('.map-skip a');
      const target = document.getElementById(a.getAttribute('href').slice(1));
      const map = document.querySelector('.map-canvas');
      return { exists: !!target, after: !!target && !!(map.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) };
    });
    assert.ok(order.exists && order.after, 'the skip link does not point past the map');
    await skip.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inMap = await page.evaluate(() => !!document.activeElement.closest('.map-panel'));
    assert.ok(!inMap, 'after the skip link, Tab is still inside the map');
    await context.close();
  });

  test('the 地図を表示 toggle hides and shows the map; the list stays', async () => {
    const { context, page, watch } = await openPage(server.url + areaPage);
    const toggle = page.locator('.map-toggle');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.ok(!(await page.locator('.map-canvas').isVisible()), 'the map is still visible');
    assert.ok(await page.locator('#area-activities li.card').first().isVisible(), 'the list went with the map');
    await toggle.focus();
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('.map-canvas').isVisible());
    assert.ok(await page.locator('.leaflet-marker-icon').first().isVisible(), 'markers did not come back');
    assert.deepEqual(watch.errors, []);
    await context.close();
  });

  test('works opened from disk (file://)', async () => {
    const url = pathToFileURL(path.join(out, areaPage)).href;
    const { context, page, watch } = await openPage(url);
    const want = await expectedFromList(page);
    const drawn = await page.evaluate(() => window.tsunaguMap.get(document.querySelector('[data-tsunagu-map]')).markers()
      .filter((m) => !m.approximate).flatMap((m) => m.points.map((p) => p.url)).sort());
    assert.deepEqual(drawn, want.precise);
    assert.ok(await page.locator('.leaflet-marker-icon').count() > 0);
    assert.equal(await page.locator('path.tsunagu-approx').count(), want.approxSpots);
    const icon = await page.locator('.leaflet-marker-icon').first().getAttribute('src');
    assert.match(icon, /^file:.*assets\/vendor\/leaflet\/images\/marker-icon\.png$/);
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.failed, [], 'resources that did not load from disk');
    await context.close();
  });

  test('at 320 CSS px nothing scrolls sideways', async () => {
    const { context, page } = await openPage(server.url + areaPage, { viewport: { width: 320, height: 640 } });
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
    await context.close();
  });

  test('axe-core: no WCAG 2.x A/AA violations with the map shown, and with a popup open', async () => {
    const { context, page } = await openPage(server.url + areaPage);
    await page.addScriptTag({ path: AXE });
    const run = () => page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }, TAGS);
    assert.deepEqual(await run(), []);
    await page.focus('.map-toggle');
    assert.ok(await tabTo(page, '.leaflet-marker-icon'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup');
    // Leaflet fades popups in; measure contrast once it is fully shown.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
    assert.deepEqual(await run(), []);
    await context.close();
  });
});

describe('tsunaguMap script API (for pages that draw their own points, e.g. search results)', () => {
  test('render() draws points, update() redraws them, pointsFromList() reads list markup', async () => {
    const { context, page, watch } = await openPage(server.url + areaPage);
    const r = await page.evaluate(() => {
      const div = document.createElement('div');
      div.style.height = '300px';
      document.querySelector('main').appendChild(div);
      const h = window.tsunaguMap.render(div, [
        { lat: 35.70, lon: 139.75, title: 'A', url: 'a.html', label: '交流・サロン' },
        { lat: 35.71, lon: 139.76, title: 'B', url: 'b.html', approximate: true },
        { lat: 35.71, lon: 139.76, title: 'B', url: 'b.html', approximate: true },   // duplicate: one place
        { lat: 'x', lon: 1, title: 'bad' },
      ], { tiles: false });
      const first = { pins: div.querySelectorAll('.leaflet-marker-icon').length, circles: div.querySelectorAll('path.tsunagu-approx').length,
        alt: div.querySelector('.leaflet-marker-icon').getAttribute('alt'), circle: div.querySelector('path.tsunagu-approx').getAttribute('aria-label') };
      h.update([{ lat: 35.72, lon: 139.77, title: 'C', url: 'c.html' }, { lat: 35.73, lon: 139.78, title: 'D', url: 'd.html' },
        { lat: 35.73, lon: 139.78, title: 'E', url: 'e.html' }]);   // D and E meet at one venue: one marker
      const second = { pins: div.querySelectorAll('.leaflet-marker-icon').length, circles: div.querySelectorAll('path.tsunagu-approx').length };
      const shared = h.places().find((pl) => pl.points.length === 2);
      const sharedAlt = div.querySelectorAll('.leaflet-marker-icon')[1]?.getAttribute('alt');
      // Two venues 30 m apart: one marker at the fitted zoom (16, about 12 px apart), two at 18.
      h.update([{ lat: 35.70, lon: 139.75, title: 'F', url: 'f.html' }, { lat: 35.70, lon: 139.75033, title: 'G', url: 'g.html' }]);
      const near = [h.markers().length, div.querySelectorAll('.leaflet-marker-icon').length];
      h.map.setZoom(18, { animate: false });
      near.push(h.markers().length, div.querySelectorAll('.leaflet-marker-icon').length);
      h.update([]);
      const third = div.querySelectorAll('.leaflet-marker-icon').length;
      const same = window.tsunaguMap.get(div) === h;
      const fromList = window.tsunaguMap.pointsFromList(document.getElementById('area-activities'));
      h.destroy();
      return { first, second, near, third, same, fromList: fromList.length, sample: fromList[0], shared: shared?.points.map((p) => p.title), sharedAlt };
    });
    assert.deepEqual(r.first, { pins: 1, circles: 1, alt: 'A、交流・サロン', circle: 'B（おおよその場所）' });
    assert.deepEqual(r.second, { pins: 2, circles: 0 });
    assert.deepEqual(r.shared, ['D', 'E']);
    assert.match(r.sharedAlt, /^2件：D、E$/);
    assert.deepEqual(r.near, [1, 1, 2, 2]);
    assert.equal(r.third, 0);
    assert.ok(r.same);
    assert.ok(r.fromList > 0);
    assert.equal(typeof r.sample.lat, 'number');
    assert.match(r.sample.url, /activities\/.+\.html$/);
    assert.deepEqual(watch.errors, []);
    await context.close();
  });
});
