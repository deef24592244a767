// 「困りごとから探す」: komarigoto/index.html and komarigoto/ID.html lead from a resident's
// difficulty to consultation points and activities, following data/difficulties/; the nav item
// and the home section appear only on sites that have difficulties.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import {
  SOURCE_DIR, assertBuiltOk, build, buildExampleOnce, copyFixture, dataFiles, describeRun, formatDiagnostics,
  htmlFiles, readRecords, readText, realDiagnostics, startTags, visibleText, walk,
} from './lib.mjs';

// Links of a page as root-relative paths (query and fragment kept apart), resolved against the page.
// Only those in <main>: the header and footer link the same pages from everywhere.
function links(out, rel) {
  const base = `https://x.invalid/${rel}`;
  const html = readText(out, rel);
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return startTags(main, 'a')
    .filter((t) => t.attrs.href !== undefined && !/^[a-z]+:/i.test(t.attrs.href))
    .map((t) => {
      const u = new URL(t.attrs.href, base);
      return { path: decodeURIComponent(u.pathname.slice(1)), query: u.searchParams, text: t.attrs.href };
    });
}

function linkedPaths(out, rel) {
  return new Set(links(out, rel).map((l) => l.path));
}

// The nav links of a page: [{href path, current}].
function navItems(out, rel) {
  const html = readText(out, rel);
  const start = html.indexOf('<nav class="site-nav"');
  if (start < 0) return [];
  const end = html.indexOf('</nav>', start);
  const base = `https://x.invalid/${rel}`;
  return startTags(html.slice(start, end), 'a').map((t) => ({
    path: new URL(t.attrs.href, base).pathname.slice(1),
    current: t.attrs['aria-current'] === 'page',
  }));
}

function withPrefix(set, prefix) {
  return [...set].filter((p) => p.startsWith(prefix));
}

describe('the example site', () => {
  let out;
  let ids;
  before(() => {
    const b = buildExampleOnce('difficulties');
    assertBuiltOk(assert, b);
    const bad = realDiagnostics(b.run.diagnostics).filter((d) => /^(difficulty|synonyms)\./.test(d.code));
    assert.equal(bad.length, 0, `difficulty/synonym diagnostics:\n${formatDiagnostics(bad)}`);
    out = b.out;
    ids = readRecords(SOURCE_DIR, 'difficulties').map((r) => r.id);
  });

  test('has at least ten difficulties, each with its page', () => {
    assert.ok(dataFiles(SOURCE_DIR, 'difficulties').length >= 10);
    assert.ok(ids.length >= 10, `only ${ids.length} difficulties`);
    for (const id of ids) assert.ok(fs.existsSync(path.join(out, 'komarigoto', `${id}.html`)), `no komarigoto/${id}.html`);
    const pages = walk(out).filter((f) => f.startsWith('komarigoto/'));
    assert.equal(pages.length, ids.length + 1, `unexpected files: ${pages.join(', ')}`);
  });

  test('every difficulty page leads to a consultation point and an activity', () => {
    for (const id of ids) {
      const linked = linkedPaths(out, `komarigoto/${id}.html`);
      const points = withPrefix(linked, 'consultation/').filter((p) => p !== 'consultation/index.html');
      const acts = withPrefix(linked, 'activities/');
      assert.ok(points.length >= 1, `komarigoto/${id}.html links to no consultation point`);
      assert.ok(acts.length >= 1, `komarigoto/${id}.html links to no activity`);
      assert.ok(withPrefix(linked, 'categories/').length >= 1, `komarigoto/${id}.html links to no category page`);
      for (const p of [...points, ...acts]) assert.ok(fs.existsSync(path.join(out, p)), `${id}: ${p} does not exist`);
    }
  });

  test('the index lists every difficulty in data order, and the home page has the section', () => {
    const index = links(out, 'komarigoto/index.html').map((l) => l.path).filter((p) => /^komarigoto\/(?!index)/.test(p));
    const records = readRecords(SOURCE_DIR, 'difficulties')
      .map((r) => ({ id: r.id, order: Number(r.get('order') ?? 0) }))
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
    assert.deepEqual(index, records.map((r) => `komarigoto/${r.id}.html`));
    const home = readText(out, 'index.html');
    assert.match(visibleText(home), /困りごとから探す/);
    const homeLinks = linkedPaths(out, 'index.html');
    assert.ok(homeLinks.has('komarigoto/index.html'));
    assert.ok(homeLinks.has(`komarigoto/${records[0].id}.html`));
    // Near the top: before the areas section.
    assert.ok(home.indexOf('困りごとから探す</h2>') < home.indexOf('地域から探す</h2>'));
  });

  test('the nav item appears on every page, marked current on komarigoto pages', () => {
    for (const rel of htmlFiles(out)) {
      if (rel === '404.html') continue;  // links from the site root: checked by its own test
      const nav = navItems(out, rel);
      if (!nav.length) continue;
      const item = nav.find((n) => n.path.endsWith('komarigoto/index.html'));
      assert.ok(item, `${rel} has no 困りごとから探す nav item`);
      assert.equal(item.current, rel.startsWith('komarigoto/'), `${rel}: aria-current on the nav item`);
    }
  });

  test('difficulty pages carry breadcrumbs and BreadcrumbList JSON-LD', () => {
    const html = readText(out, `komarigoto/${ids[0]}.html`);
    assert.match(html, /<nav class="breadcrumbs/);
    const ld = startTags(html, 'script').filter((t) => t.attrs.type === 'application/ld+json').map((t) => JSON.parse(t.text));
    const crumbs = ld.find((j) => j['@type'] === 'BreadcrumbList');
    assert.ok(crumbs, 'no BreadcrumbList');
    assert.equal(crumbs.itemListElement.length, 3);
    assert.match(crumbs.itemListElement[2].item, /komarigoto\/.+\.html$/);
  });
});

describe('a small fixture site', () => {
  let out;
  before(() => {
    const b = build(path.join(SOURCE_DIR, 'tests', 'fixtures', 'sites', 'difficulties'), `difficulties-fixture-${process.pid}`);
    assertBuiltOk(assert, b);
    assert.deepEqual(realDiagnostics(b.run.diagnostics), [], `diagnostics:\n${formatDiagnostics(b.run.diagnostics)}`);
    out = b.out;
  });

  test('points match by topic, activities by content type narrowed by target group', () => {
    const linked = linkedPaths(out, 'komarigoto/ninchisho.html');
    assert.ok(linked.has('consultation/houkatsu.html'), 'the point with topic 認知症');
    assert.ok(!linked.has('consultation/kodomo-center.html'));
    assert.ok(!linked.has('consultation/kurashi.html'));
    for (const id of ['ninchisho-cafe', 'kita-salon', 'open-salon']) assert.ok(linked.has(`activities/${id}.html`), id);
    assert.ok(!linked.has('activities/kids-salon.html'), 'a salon for children is not for this difficulty');
    assert.ok(!linked.has('activities/ended-salon.html'), 'an ended activity is not offered');
    assert.ok(linked.has('categories/dementia-cafe.html') && linked.has('categories/salon.html'));
    // The activities of the difficulty's own groups come before those open to everyone.
    const html = readText(out, 'komarigoto/ninchisho.html');
    assert.ok(html.indexOf('activities/kita-salon.html') < html.indexOf('activities/open-salon.html'));
    assert.match(html, /<strong>地域包括支援センター<\/strong>/, 'the description is Markdown');
  });

  test('points match by kind of 窓口; the search link carries the words', () => {
    const futoko = linkedPaths(out, 'komarigoto/futoko.html');
    assert.ok(futoko.has('consultation/kodomo-center.html'));
    assert.ok(futoko.has('activities/kodomo-shokudo.html'));
    assert.ok(!futoko.has('activities/mimamori.html'));
    assert.equal(links(out, 'komarigoto/futoko.html').filter((l) => l.path === 'search/index.html').length, 0,
      'no search words, no search link');
    const search = links(out, 'komarigoto/ninchisho.html').filter((l) => l.path === 'search/index.html');
    assert.equal(search.length, 1, 'one search link');
    assert.equal(search[0].query.get('q'), '認知症 物忘れ');
    const okane = linkedPaths(out, 'komarigoto/okane.html');
    assert.ok(okane.has('consultation/kurashi.html'));
    assert.ok(okane.has('activities/kodomo-shokudo.html') && okane.has('activities/mimamori.html'));
  });

  test('the index follows `order`', () => {
    const index = links(out, 'komarigoto/index.html').map((l) => l.path).filter((p) => /^komarigoto\/(?!index)/.test(p));
    assert.deepEqual(index, ['komarigoto/ninchisho.html', 'komarigoto/futoko.html', 'komarigoto/okane.html']);
  });

  test('changing the data changes the page', () => {
    const src = copyFixture('difficulties');
    const file = path.join(src, 'data', 'difficulties', 'futoko.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8')
      .replace('content_types: [子ども食堂]', 'content_types: [見守り]')
      .replace('consultation_types: [子ども家庭支援センター]', 'consultation_types: [地域包括支援センター]')
      .replace('order: 2', 'order: 9'));
    const b = build(src, `difficulties-changed-${process.pid}`);
    assertBuiltOk(assert, b);
    const linked = linkedPaths(b.out, 'komarigoto/futoko.html');
    assert.ok(linked.has('activities/mimamori.html'));
    assert.ok(linked.has('consultation/houkatsu.html'));
    assert.ok(!linked.has('activities/kodomo-shokudo.html'));
    assert.ok(!linked.has('consultation/kodomo-center.html'));
    const index = links(b.out, 'komarigoto/index.html').map((l) => l.path).filter((p) => /^komarigoto\/(?!index)/.test(p));
    assert.deepEqual(index, ['komarigoto/ninchisho.html', 'komarigoto/okane.html', 'komarigoto/futoko.html']);
  });

  test('a topic no point uses is a warning at its line; the build still succeeds', () => {
    const src = copyFixture('difficulties');
    const file = path.join(src, 'data', 'difficulties', 'okane.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('topics: [借金]', 'topics: [借金, 食べものがない]'));
    const b = build(src, `difficulties-typo-${process.pid}`);
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    const w = b.run.diagnostics.filter((d) => d.code === 'difficulty.topics');
    assert.equal(w.length, 1, formatDiagnostics(b.run.diagnostics));
    assert.equal(w[0].severity, 'warning');
    assert.equal(w[0].file, 'data/difficulties/okane.yaml');
    assert.equal(w[0].line, 6);
    assert.match(w[0].raw, /食べ物がない/, 'did you mean');
  });

  test('a site without difficulties has no komarigoto pages, nav item or home section', () => {
    const src = copyFixture('difficulties');
    fs.rmSync(path.join(src, 'data', 'difficulties'), { recursive: true });
    const b = build(src, `difficulties-none-${process.pid}`);
    assertBuiltOk(assert, b);
    assert.deepEqual(walk(b.out).filter((f) => f.startsWith('komarigoto/')), []);
    for (const rel of htmlFiles(b.out)) {
      assert.ok(!readText(b.out, rel).includes('komarigoto/'), `${rel} links to komarigoto/`);
      assert.ok(!visibleText(readText(b.out, rel)).includes('困りごとから探す'), `${rel} mentions 困りごとから探す`);
    }
  });
});
