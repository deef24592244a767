// The case library on cases/index.html (themes/default/assets/js/case_library.js): the page without
// JavaScript, the filters (checked against data/cases/*.yaml, AND across filters, kept in the URL),
// the comparison of ticked cases, keyboard use, axe-core with filters and a comparison applied, and
// reflow at 320 CSS px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { NODE_MODULES, SOURCE_DIR, assertBuiltOk, buildExampleOnce } from '../e2e/lib.mjs';
import { launchBrowser, serveDir, watchPage } from './lib.mjs';

const AXE = path.join(NODE_MODULES, 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SUB = '/some/sub/path/';
const PAGE = 'cases/index.html';

let out;
let server;
let browser;
let cases;        // [{id, tier, elements: [...]}] straight from data/cases/*.yaml

// The case records, read with simple regexes rather than through the generator.
function readCases() {
  const dir = path.join(SOURCE_DIR, 'data', 'cases');
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const id = text.match(/^id:\s*(\S+)\s*$/m)?.[1];
    const tier = text.match(/^tier:\s*(.+?)\s*$/m)?.[1];
    const elements = (text.match(/^elements:\s*\[(.*)\]\s*$/m)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    assert.ok(id, `${f}: no id:`);
    assert.ok(tier, `${f}: no tier:`);
    return { id, tier, elements };
  });
}

const sorted = (xs) => [...xs].sort();

before(async () => {
  const b = buildExampleOnce('browser-case-library');
  assertBuiltOk(assert, b);
  out = b.out;
  assert.ok(fs.existsSync(path.join(out, PAGE)), `${PAGE} was not built`);
  cases = readCases();
  assert.ok(cases.length > 0, 'no case in data/cases');
  server = await serveDir(out, SUB);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(query = '', contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', ...contextOptions });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(server.url + PAGE + query, { waitUntil: 'load' });
  return { context, page, watch };
}

function assertNoProblems(watch) {
  assert.deepEqual(watch.errors, [], 'page errors');
  assert.deepEqual(watch.consoleErrors, [], 'console errors');
  assert.deepEqual(watch.failed, [], 'failed requests');
  assert.deepEqual(watch.dialogs, [], 'dialogs');
}

// What the page shows: every case and which are visible, the table's rows and which are visible,
// the filters' values, the status line, the ticked boxes.
function state(page) {
  return page.evaluate(() => {
    const seen = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const items = [...document.querySelectorAll('ul[data-case-list] > li[data-case]')];
    const rows = [...document.querySelectorAll('[data-compare-table] tbody tr[data-case]')];
    const form = document.querySelector('[data-case-filters]');
    return {
      all: items.map((li) => li.dataset.case),
      shown: items.filter(seen).map((li) => li.dataset.case),
      rows: rows.map((r) => r.dataset.case),
      shownRows: rows.filter(seen).map((r) => r.dataset.case),
      formShown: seen(form),
      filters: Object.fromEntries([...form.querySelectorAll('select')].map((s) => [s.name, s.value])),
      status: form.querySelector('[role=status]')?.textContent.trim() ?? null,
      boxes: [...document.querySelectorAll('input[data-compare]')].map((b) => b.getAttribute('data-compare')),
      shownBoxes: [...document.querySelectorAll('input[data-compare]')].filter(seen).map((b) => b.getAttribute('data-compare')),
      ticked: [...document.querySelectorAll('input[data-compare]')].filter((b) => b.checked).map((b) => b.getAttribute('data-compare')),
      actionsShown: seen(document.querySelector('[data-compare-actions]')),
    };
  });
}

// The option value of a select's option with the given label (the values are codes like r0).
function optionValue(page, name, label) {
  return page.evaluate(([n, l]) => {
    const o = [...document.querySelectorAll(`[data-case-filters] select[name="${n}"] option`)].find((x) => x.textContent.trim() === l);
    return o ? o.value : null;
  }, [name, label]);
}

const params = (page) => new URL(page.url()).searchParams;

// Presses Tab until the focused element matches selector; returns whether it got there.
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return true;
  }
  return false;
}

describe('case library without JavaScript', () => {
  test('every case is listed and visible, the table shows every profile, the filter form stays hidden', async () => {
    const { context, page, watch } = await openPage('?tier=r2&compare=x', { javaScriptEnabled: false });
    const s = await state(page);
    assert.deepEqual(sorted(s.all), sorted(cases.map((c) => c.id)), 'the list is not exactly the cases in data/cases');
    assert.deepEqual(s.shown, s.all, 'some cases are not visible');
    assert.ok(s.rows.length > 0, 'the comparison table has no profile row');
    assert.deepEqual(s.shownRows, s.rows, 'some profile rows are not visible');
    // One row per case with a profile, and each row is a listed case.
    for (const id of s.rows) assert.ok(s.all.includes(id), `table row ${id} is not a listed case`);
    assert.equal(new Set(s.rows).size, s.rows.length, 'a profile appears twice in the table');
    assert.deepEqual(sorted(s.boxes), sorted(s.rows), 'compare boxes do not match the profile rows');
    assert.equal(s.formShown, false, 'the filter form is shown although it cannot work');
    assert.deepEqual(s.shownBoxes, [], 'compare boxes are shown although they cannot work');
    assert.equal(s.actionsShown, false, 'the 取り消す button is shown');
    assertNoProblems(watch);
    await context.close();
  });
});

describe('case library filters', () => {
  test('a tier shows exactly its cases, two filters give the intersection, the URL keeps them', async () => {
    const { context, page, watch } = await openPage();
    const initial = await state(page);
    assert.equal(initial.formShown, true, 'the filter form is not shown with JavaScript');
    assert.deepEqual(initial.shown, initial.all);
    assert.match(initial.status, new RegExp(`${cases.length}件`), `status: ${initial.status}`);
    assert.equal(new URL(page.url()).search, '', 'an unfiltered page should not add a query');

    for (const tier of ['都道府県', '住民に身近な圏域']) {
      const want = sorted(cases.filter((c) => c.tier === tier).map((c) => c.id));
      assert.ok(want.length > 0 && want.length < cases.length, `${tier}: ${want.length} cases in the data`);
      const v = await optionValue(page, 'tier', tier);
      assert.ok(v, `no 取組の単位 option labelled ${tier}`);
      await page.selectOption('select[name=tier]', v);
      const s = await state(page);
      assert.deepEqual(sorted(s.shown), want, `tier ${tier}`);
      assert.ok(s.status.includes(`${want.length}件`) && s.status.includes(`${cases.length}件`), `status for ${tier}: ${s.status}`);
      assert.equal(params(page).get('tier'), v);
    }

    // 住民に身近な圏域 AND 場: both must hold.
    const tier = '住民に身近な圏域';
    const place = await optionValue(page, 'element', '場（拠点・居場所）');
    assert.ok(place, 'no 場 option');
    await page.selectOption('select[name=element]', place);
    const want = sorted(cases.filter((c) => c.tier === tier && c.elements.includes('場')).map((c) => c.id));
    const onlyTier = cases.filter((c) => c.tier === tier).length;
    const onlyPlace = cases.filter((c) => c.elements.includes('場')).length;
    assert.ok(want.length > 0 && want.length < Math.min(onlyTier, onlyPlace), 'the example data does not make the AND visible');
    const both = await state(page);
    assert.deepEqual(sorted(both.shown), want, 'tier AND element');
    assert.ok(both.status.includes(`${want.length}件`), `status: ${both.status}`);
    const tierValue = await optionValue(page, 'tier', tier);
    assert.equal(params(page).get('tier'), tierValue);
    assert.equal(params(page).get('element'), place);

    // Reloading the shared URL restores the same selection and the same list.
    const url = page.url();
    await page.reload({ waitUntil: 'load' });
    assert.equal(page.url(), url);
    const again = await state(page);
    assert.equal(again.filters.tier, tierValue);
    assert.equal(again.filters.element, place);
    assert.deepEqual(again.shown, both.shown);
    assert.equal(again.status, both.status);

    // And the same URL opened fresh in another context.
    const other = await openPage(new URL(url).search);
    assert.deepEqual((await state(other.page)).shown, both.shown);
    assertNoProblems(other.watch);
    await other.context.close();

    // Back to すべて: everything again, and the query is gone.
    await page.selectOption('select[name=tier]', '');
    await page.selectOption('select[name=element]', '');
    const reset = await state(page);
    assert.deepEqual(reset.shown, reset.all);
    assert.equal(new URL(page.url()).search, '');
    assertNoProblems(watch);
    await context.close();
  });

  test('unknown values in the URL are ignored', async () => {
    const { context, page, watch } = await openPage('?tier=nope&theme=%3Cb%3E&compare=nope,,');
    const s = await state(page);
    assert.equal(s.filters.tier, '');
    assert.equal(s.filters.theme, '');
    assert.deepEqual(s.shown, s.all);
    assert.deepEqual(s.ticked, []);
    assert.deepEqual(s.shownRows, s.rows);
    assertNoProblems(watch);
    await context.close();
  });
});

describe('case library comparison', () => {
  test('ticking two cases narrows the table, the URL keeps them, 取り消す restores every row', async () => {
    const { context, page, watch } = await openPage();
    const s0 = await state(page);
    assert.ok(s0.boxes.length >= 2, 'fewer than two cases with a profile');
    assert.deepEqual(sorted(s0.shownBoxes), sorted(s0.boxes), 'compare boxes are not shown with JavaScript');
    assert.equal(s0.actionsShown, false);
    const [a, b] = [s0.boxes[0], s0.boxes[s0.boxes.length - 1]];
    await page.check(`input[data-compare="${a}"]`);
    assert.deepEqual((await state(page)).shownRows, [a]);
    await page.check(`input[data-compare="${b}"]`);
    const s = await state(page);
    assert.deepEqual(sorted(s.shownRows), sorted([a, b]));
    assert.equal(s.actionsShown, true, 'the 取り消す button is not shown');
    assert.deepEqual(s.shown, s.all, 'comparing should not filter the list');
    // The list order, comma-separated (URLSearchParams writes the comma as %2C, which is the same).
    const picked = params(page).get('compare');
    assert.deepEqual(sorted(picked.split(',')), sorted([a, b]), `compare=${picked}`);
    assert.match(await page.locator('[data-compare-hint]').textContent(), /2件/);

    await page.reload({ waitUntil: 'load' });
    const r = await state(page);
    assert.deepEqual(sorted(r.ticked), sorted([a, b]));
    assert.deepEqual(sorted(r.shownRows), sorted([a, b]));
    assert.equal(r.actionsShown, true);

    // A filter and a comparison together in the URL.
    await page.selectOption('select[name=tier]', (await optionValue(page, 'tier', '都道府県')));
    assert.deepEqual(sorted(params(page).get('compare').split(',')), sorted([a, b]));
    assert.ok(params(page).get('tier'));
    await page.selectOption('select[name=tier]', '');

    await page.getByRole('button', { name: '選んだ事例を取り消す' }).click();
    const c = await state(page);
    assert.deepEqual(c.shownRows, c.rows, 'not every row is back');
    assert.deepEqual(c.ticked, []);
    assert.equal(c.actionsShown, false);
    assert.equal(params(page).get('compare'), null);
    assertNoProblems(watch);
    await context.close();
  });
});

describe('case library by keyboard', () => {
  test('Tab reaches the first select, arrow keys change the list, Space ticks a box', async () => {
    const { context, page, watch } = await openPage();
    // The first form control Tab reaches in <main> is the first filter.
    assert.ok(await tabTo(page, 'main select, main input, main button, main textarea'), 'Tab never reaches a form control');
    const first = await page.evaluate(() => document.activeElement.id);
    const firstSelect = await page.evaluate(() => document.querySelector('[data-case-filters] select').id);
    assert.equal(first, firstSelect, `Tab reaches #${first} before the first filter #${firstSelect}`);
    const name = await page.evaluate(() => document.activeElement.name);
    const expectShown = (value) => page.evaluate(([n, v]) => [...document.querySelectorAll('li[data-case]')]
      .filter((li) => !v || (li.getAttribute(`data-${n}`) || '').split(' ').includes(v)).map((li) => li.dataset.case), [name, value]);

    await page.keyboard.press('ArrowDown');
    const s1 = await state(page);
    assert.notEqual(s1.filters[name], '', 'ArrowDown did not change the select');
    assert.deepEqual(s1.shown, await expectShown(s1.filters[name]));
    assert.ok(s1.shown.length < s1.all.length, 'the first option did not narrow the list');
    assert.equal(params(page).get(name), s1.filters[name]);
    await page.keyboard.press('ArrowDown');
    const s2 = await state(page);
    assert.notEqual(s2.filters[name], s1.filters[name], 'the second ArrowDown did not change the select');
    assert.deepEqual(s2.shown, await expectShown(s2.filters[name]));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const s3 = await state(page);
    assert.equal(s3.filters[name], '');
    assert.deepEqual(s3.shown, s3.all);
    assert.equal(await page.evaluate(() => document.activeElement.id), firstSelect, 'focus left the select');

    // On to the first compare box; Space ticks it and the table narrows.
    assert.ok(await tabTo(page, 'input[data-compare]'), 'Tab never reaches a compare box');
    const id = await page.evaluate(() => document.activeElement.getAttribute('data-compare'));
    await page.keyboard.press('Space');
    let s = await state(page);
    assert.deepEqual(s.ticked, [id]);
    assert.deepEqual(s.shownRows, [id]);
    assert.equal(params(page).get('compare'), id);
    await page.keyboard.press('Space');
    s = await state(page);
    assert.deepEqual(s.ticked, []);
    assert.deepEqual(s.shownRows, s.rows);

    // The 取り消す button is reachable and works from the keyboard too.
    await page.keyboard.press('Space');
    assert.ok(await tabTo(page, '[data-compare-clear]'), 'Tab never reaches 選んだ事例を取り消す');
    await page.keyboard.press('Enter');
    s = await state(page);
    assert.deepEqual(s.ticked, []);
    assert.deepEqual(s.shownRows, s.rows);
    assertNoProblems(watch);
    await context.close();
  });
});

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.slice(0, 3).map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\n\s*/g, ' ')}\n    ${n.html.slice(0, 160)}`).join('\n'));
  }, TAGS);
}

// The page narrowed by a filter with two cases compared.
async function filteredAndCompared(page) {
  const s0 = await state(page);
  await page.check(`input[data-compare="${s0.boxes[0]}"]`);
  await page.check(`input[data-compare="${s0.boxes[1]}"]`);
  await page.selectOption('select[name=tier]', await optionValue(page, 'tier', '住民に身近な圏域'));
  const s = await state(page);
  assert.ok(s.shown.length > 0 && s.shown.length < s.all.length);
  assert.equal(s.shownRows.length, 2);
}

describe('case library accessibility', () => {
  test('axe-core: no WCAG 2.x A/AA violations, unfiltered and after filtering and comparing', async () => {
    const { context, page, watch } = await openPage();
    assert.deepEqual(await axeViolations(page), [], 'unfiltered');
    await page.reload({ waitUntil: 'load' });
    await filteredAndCompared(page);
    assert.deepEqual(await axeViolations(page), [], 'filtered and compared');
    // Filters that match nothing at all (都道府県 AND 人 in the example data) must still be fine.
    await page.selectOption('select[name=tier]', await optionValue(page, 'tier', '都道府県'));
    await page.selectOption('select[name=element]', await optionValue(page, 'element', '人（担い手・つなぎ手）'));
    const none = await state(page);
    if (!cases.some((c) => c.tier === '都道府県' && c.elements.includes('人'))) {
      assert.deepEqual(none.shown, []);
      assert.ok(none.status.includes('0件'), `status: ${none.status}`);
      assert.deepEqual(await axeViolations(page), [], 'nothing matches');
    }
    assertNoProblems(watch);
    await context.close();
  });

  test('at 320 CSS px the document does not scroll sideways (tables scroll in their own region)', async () => {
    const { context, page, watch } = await openPage('', { viewport: { width: 320, height: 640 } });
    const measure = () => page.evaluate(() => {
      const de = document.documentElement;
      let culprit = '';
      if (de.scrollWidth > de.clientWidth) {
        for (const el of document.body.querySelectorAll('*')) {
          if (el.closest('.table-scroll')) continue;
          const r = el.getBoundingClientRect();
          if (r.right > de.clientWidth + 1 && r.width > 0) { culprit = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} (right ${Math.round(r.right)}px)`; break; }
        }
      }
      const region = document.querySelector('.table-scroll');
      return {
        scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, culprit,
        region: region && { scrollWidth: region.scrollWidth, clientWidth: region.clientWidth, right: region.getBoundingClientRect().right },
      };
    });
    const check = (m, when) => {
      assert.ok(m.scrollWidth <= m.clientWidth, `${when}: document scrollWidth ${m.scrollWidth} > ${m.clientWidth}; first wide element: ${m.culprit}`);
      assert.ok(m.region, 'no .table-scroll region');
      assert.ok(m.region.right <= m.clientWidth + 1, `${when}: the table region sticks out (${m.region.right}px)`);
    };
    const m0 = await measure();
    check(m0, 'unfiltered');
    // The wide table does scroll, inside its focusable region.
    assert.ok(m0.region.scrollWidth > m0.region.clientWidth, 'the comparison table does not need to scroll at 320px (test premise)');
    await filteredAndCompared(page);
    check(await measure(), 'filtered and compared');
    assertNoProblems(watch);
    await context.close();
  });
});
