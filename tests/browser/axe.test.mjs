// Accessibility of the built example site in headless Chromium: axe-core (WCAG 2.0/2.1/2.2 A and
// AA) on every page, reflow at 320 CSS px, the skip link, and the site opened from disk.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { NODE_MODULES, SOURCE_DIR, assertBuiltOk, buildExampleOnce, htmlFiles, siteSetting } from '../e2e/lib.mjs';
import { launchBrowser, serveDir, watchPage } from './lib.mjs';

const AXE = path.join(NODE_MODULES, 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let out;
let pages;
let server;
let browser;

before(async () => {
  const b = buildExampleOnce('browser-axe');
  assertBuiltOk(assert, b);
  out = b.out;
  pages = htmlFiles(out);
  // Served below base_url's path, as it would be deployed (404.html may link from there);
  // that relative links work from any sub-path and from disk is checked by e2e/links and below.
  const basePath = new URL(siteSetting(SOURCE_DIR, 'base_url') ?? 'http://x/', 'http://x').pathname.replace(/\/?$/, '/');
  server = await serveDir(out, basePath);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// One page of each kind: the home page, 404, a content page, and the first page of every folder.
function samplePages() {
  const picked = new Set(['index.html', '404.html']);
  const content = pages.find((p) => !p.includes('/') && p !== 'index.html' && p !== '404.html');
  if (content) picked.add(content);
  const dirs = new Set(pages.filter((p) => p.includes('/')).map((p) => p.split('/')[0]));
  for (const d of dirs) {
    const inDir = pages.filter((p) => p.startsWith(`${d}/`));
    picked.add(inDir.find((p) => !p.endsWith('/index.html')) ?? inDir[0]);
    if (inDir.includes(`${d}/index.html`)) picked.add(`${d}/index.html`);
  }
  return [...picked].filter((p) => pages.includes(p));
}

describe('axe-core on every page', () => {
  test('no WCAG 2.x A/AA violations, no script errors, no failed requests', async () => {
    const violations = [];
    const loadProblems = [];
    // Two pages at a time (the machines have two cores); each reused for its share of the site.
    const queue = [...pages];
    const worker = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const page = await context.newPage();
    const watch = watchPage(page);
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      watch.reset();
      const resp = await page.goto(server.url + p, { waitUntil: 'load' });
      if (p !== '404.html' && resp && resp.status() !== 200) loadProblems.push(`${p}: HTTP ${resp.status()}`);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async (tags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), message: n.failureSummary ?? '', html: n.html })),
        }));
      }, TAGS);
      for (const v of result) violations.push({ page: p, ...v });
      for (const e of watch.errors) loadProblems.push(`${p}: script error: ${e}`);
      for (const e of watch.consoleErrors) loadProblems.push(`${p}: console error: ${e}`);
      for (const f of watch.failed) if (!(p === '404.html' && f.endsWith('404.html: HTTP 404'))) loadProblems.push(`${p}: request failed: ${f}`);
      for (const d of watch.dialogs) loadProblems.push(`${p}: a dialog opened: ${d}`);
    }
    await context.close();
    };
    await Promise.all([worker(), worker()]);
    violations.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
    loadProblems.sort();

    if (violations.length) {
      const byRule = new Map();
      for (const v of violations) byRule.set(v.id, (byRule.get(v.id) ?? 0) + 1);
      const lines = [];
      for (const v of violations.slice(0, 30)) {
        lines.push(`  ${v.page}: ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes.slice(0, 3)) lines.push(`      at ${n.target}: ${n.message.replace(/\n\s*/g, ' ')}\n      ${n.html.slice(0, 160)}`);
        if (v.nodes.length > 3) lines.push(`      … and ${v.nodes.length - 3} more elements`);
      }
      assert.fail(`axe found ${violations.length} violations on ${new Set(violations.map((v) => v.page)).size} of ${pages.length} pages.\n` +
        `By rule (pages): ${[...byRule].map(([id, n]) => `${id} ×${n}`).join(', ')}\n${lines.join('\n')}`);
    }
    assert.deepEqual(loadProblems.slice(0, 40), [], `${loadProblems.length} problems while loading pages`);
  });
});

describe('layout', () => {
  test('at 320 CSS px wide nothing scrolls sideways (WCAG 1.4.10 reflow), one page of each kind', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'ja-JP' });
    const page = await context.newPage();
    const problems = [];
    for (const p of samplePages()) {
      await page.goto(server.url + p, { waitUntil: 'load' });
      const r = await page.evaluate(() => {
        const w = document.documentElement.scrollWidth;
        // Name the widest element that sticks out, to make a failure easy to fix.
        let culprit = '';
        if (w > 320) {
          for (const el of document.body.querySelectorAll('*')) {
            const rect = el.getBoundingClientRect();
            if (rect.right > 321 && rect.width > 0) { culprit = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} (right edge ${Math.round(rect.right)}px)`; break; }
          }
        }
        return { w, culprit };
      });
      if (r.w > 320) problems.push(`${p}: scrollWidth ${r.w} > 320; first wide element: ${r.culprit}`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});

describe('keyboard', () => {
  test('the first Tab reaches the skip link, and following it moves focus to <main>', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    for (const p of samplePages()) {
      await page.goto(server.url + p, { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const a = document.activeElement;
        const href = a?.getAttribute('href') ?? '';
        const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        const r = a?.getBoundingClientRect();
        return {
          tag: a?.tagName.toLowerCase(), href, text: a?.textContent.trim(),
          targetIsMain: !!target && (target.tagName === 'MAIN' || !!target.closest('main') || target.getAttribute('role') === 'main'),
          visibleWhenFocused: !!r && r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0,
        };
      });
      if (first.tag !== 'a' || !first.href.startsWith('#')) { problems.push(`${p}: first Tab focuses <${first.tag} href="${first.href}">${first.text}, not a skip link`); continue; }
      if (!first.targetIsMain) { problems.push(`${p}: the skip link ${first.href} does not point at <main>`); continue; }
      if (!first.visibleWhenFocused) problems.push(`${p}: the skip link is not visible when focused`);
      await page.keyboard.press('Enter');
      const focusInMain = () => page.evaluate(() => {
        const a = document.activeElement;
        return !!a && a !== document.body && (a.tagName === 'MAIN' || !!a.closest('main'));
      });
      let ok = await focusInMain();
      if (!ok) {
        // Chromium moves only the sequential-focus starting point to a non-focusable target:
        // the next Tab must then land inside main.
        await page.keyboard.press('Tab');
        ok = await focusInMain();
      }
      if (!ok) problems.push(`${p}: after following the skip link, focus is not in <main>`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});

describe('from disk', () => {
  test('file://…/index.html shows the home page, and a relative link works', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page);
    const home = pathToFileURL(path.join(out, 'index.html')).href;
    await page.goto(home, { waitUntil: 'load' });
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok((await page.title()).length > 0);
    assert.deepEqual(watch.failed, [], 'resources that did not load from disk');
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href));
    assert.ok(sheets.some((h) => h && h.startsWith('file:') && h.endsWith('assets/style.css')), `style.css not loaded from disk: ${sheets}`);

    // Follow links into a sub-folder and back up, as a reader would.
    const link = page.locator('main a[href$=".html"]:not([href^="http"])').first();
    const href = await link.getAttribute('href');
    assert.ok(href, 'no relative link in <main> of the home page');
    await Promise.all([page.waitForURL((u) => u.href !== home), link.click()]);
    const expected = new URL(href, home).href;
    assert.equal(page.url(), expected);
    assert.equal(await page.locator('h1').count(), 1, `${href} has no <h1> when opened from disk`);
    const up = page.locator('a[href$="index.html"]:not([href^="http"])').first();
    if (await up.count()) {
      await Promise.all([page.waitForLoadState('load'), up.click()]);
      assert.ok(page.url().startsWith('file:'), page.url());
      assert.equal(await page.locator('h1').count(), 1);
    }
    assert.deepEqual(watch.failed, [], 'resources that did not load from disk');
    assert.deepEqual(watch.errors, [], 'script errors');
    await context.close();
  });
});
