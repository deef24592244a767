// The example site (the repository's own site.yaml, data/ and content/) builds cleanly and has
// every page README's output layout promises.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import {
  CONTENT_TYPE_SLUGS, DATA_KINDS, SOURCE_DIR, TARGET_SLUGS, asList, assertBuiltOk, buildExampleOnce, contentSlugs,
  decodeEntities, describeRun, formatDiagnostics, htmlFiles, jsonLdBlocks, readRecords, readText, runTool, siteSetting,
  slugOf, startTags, tokenize, visibleText, walk,
} from './lib.mjs';

let b;        // {out, run, args}
let files;    // every output file
let pages;    // every output .html file

before(() => {
  b = buildExampleOnce();
  assertBuiltOk(assert, b);
  files = walk(b.out);
  pages = files.filter((f) => f.endsWith('.html'));
});

function ids(kind) {
  return readRecords(SOURCE_DIR, kind).map((r) => r.id).sort();
}

// Pages in DIR/ other than its index.html, as ids.
function pageIds(dir) {
  return files
    .filter((f) => f.startsWith(`${dir}/`) && f.endsWith('.html') && !f.slice(dir.length + 1).includes('/'))
    .map((f) => f.slice(dir.length + 1, -'.html'.length))
    .filter((id) => id !== 'index')
    .sort();
}

describe('example site build', () => {
  test('exits 0 with no diagnostics at all (no warnings either)', () => {
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    assert.equal(b.run.stderr.trim(), '', `expected an empty stderr, got:\n${formatDiagnostics(b.run.diagnostics)}`);
  });

  test('tsunagu check exits 0 with no diagnostics', () => {
    const args = ['check', '--source', SOURCE_DIR];
    const r = runTool(args);
    assert.equal(r.status, 0, describeRun(r, args));
    assert.equal(r.stderr.trim(), '', `expected an empty stderr, got:\n${formatDiagnostics(r.diagnostics)}`);
  });

  test('the example data is there (data/activities, organizations, consultation, areas)', () => {
    for (const kind of DATA_KINDS) assert.ok(ids(kind).length > 0, `no records under data/${kind}/`);
    assert.ok(ids('areas').length > 0, 'no areas');
  });
});

describe('output layout (README)', () => {
  test('top-level files: index.html, 404.html, sitemap.xml, robots.txt, assets/style.css, assets/print.css', () => {
    for (const f of ['index.html', '404.html', 'sitemap.xml', 'robots.txt', 'assets/style.css', 'assets/print.css']) {
      assert.ok(files.includes(f), `missing ${f}; top level has: ${files.filter((x) => !x.includes('/')).join(', ')}`);
    }
  });

  for (const [kind, dir] of [['activities', 'activities'], ['organizations', 'organizations'], ['consultation', 'consultation'], ['areas', 'areas']]) {
    test(`one page per record: data → ${dir}/ID.html`, () => {
      const want = ids(kind);
      const dupes = want.filter((id, i) => want.indexOf(id) !== i);
      assert.deepEqual(dupes, [], `duplicate ids in the example ${kind}`);
      const got = pageIds(dir);
      const missing = want.filter((id) => !got.includes(id));
      const extra = got.filter((id) => !want.includes(id));
      assert.deepEqual(missing, [], `records without a page in ${dir}/`);
      assert.deepEqual(extra, [], `pages in ${dir}/ without a record`);
      assert.equal(got.length, want.length);
    });
  }

  test('one page per data file count: activities, organizations, consultation', () => {
    for (const kind of DATA_KINDS) {
      const dir = path.join(SOURCE_DIR, 'data', kind);
      const nFiles = fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).length;
      const nRecords = ids(kind).length;
      // A file may hold a list of records, so there are at least as many pages as files.
      assert.ok(pageIds(kind).length >= nFiles, `${kind}: ${pageIds(kind).length} pages for ${nFiles} data files`);
      assert.equal(pageIds(kind).length, nRecords, `${kind}: pages vs records`);
    }
  });

  test('categories/: index.html plus one page per content type in use, and only known slugs', () => {
    assert.ok(files.includes('categories/index.html'), 'missing categories/index.html');
    const used = new Set();
    for (const a of readRecords(SOURCE_DIR, 'activities')) {
      for (const label of asList(a.get('content_types'))) {
        const slug = slugOf(CONTENT_TYPE_SLUGS, label);
        assert.ok(slug, `${a.file}: unknown content type ${label}`);
        used.add(slug);
      }
    }
    const got = pageIds('categories');
    for (const slug of used) assert.ok(got.includes(slug), `missing categories/${slug}.html`);
    // Long lists continue on SLUG-2.html, SLUG-3.html … (README).
    for (const slug of got) assert.ok(Object.values(CONTENT_TYPE_SLUGS).includes(slug.replace(/-\d+$/, '')), `unexpected categories/${slug}.html`);
    const index = readText(b.out, 'categories/index.html');
    const hrefs = startTags(index, 'a').map((t) => t.attrs.href ?? '');
    for (const slug of used) {
      assert.ok(hrefs.some((h) => h === `${slug}.html` || h.endsWith(`/${slug}.html`)), `categories/index.html does not link ${slug}.html`);
    }
  });

  test('targets/: one page per target group in use, and only known slugs', () => {
    const used = new Set();
    for (const kind of ['activities', 'consultation']) {
      for (const r of readRecords(SOURCE_DIR, kind)) {
        for (const label of asList(r.get('target_people'))) {
          const slug = slugOf(TARGET_SLUGS, label);
          assert.ok(slug, `${r.file}: unknown target ${label}`);
          used.add(slug);
        }
      }
    }
    const got = pageIds('targets');
    for (const slug of used) assert.ok(got.includes(slug), `missing targets/${slug}.html`);
    for (const slug of got) assert.ok(Object.values(TARGET_SLUGS).includes(slug.replace(/-\d+$/, '')), `unexpected targets/${slug}.html`);
  });

  test('one page per content/*.md: SLUG.html', () => {
    const slugs = contentSlugs(SOURCE_DIR);
    assert.ok(slugs.length > 0, 'no content/*.md in the example');
    for (const s of slugs) assert.ok(files.includes(`${s}.html`), `missing ${s}.html for content/${s}.md`);
  });

  test('static/ is copied as it is', () => {
    const dir = path.join(SOURCE_DIR, 'static');
    if (!fs.existsSync(dir)) return;
    for (const f of walk(dir)) {
      assert.ok(files.includes(`static/${f}`), `static/${f} was not copied`);
      assert.ok(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(b.out, 'static', f))), `static/${f} differs`);
    }
  });

  test('pages are named *.html and nothing escapes the output folder', () => {
    for (const f of files) {
      assert.ok(!f.split('/').includes('..'), f);
      assert.doesNotMatch(f, /\.htm$|\s/, `odd output path ${f}`);
    }
  });
});

describe('sitemap.xml and robots.txt', () => {
  const base = () => {
    let u = siteSetting(SOURCE_DIR, 'base_url');
    assert.ok(u, 'site.yaml has no base_url');
    if (!u.endsWith('/')) u += '/';
    return u;
  };

  test('sitemap.xml is well-formed XML with a urlset root in the sitemaps.org namespace', () => {
    const xml = readText(b.out, 'sitemap.xml');
    const problems = xmlWellFormedness(xml);
    assert.deepEqual(problems, [], 'sitemap.xml is not well-formed');
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/i);
    assert.match(xml, /<urlset[^>]*xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9"/);
  });

  test('sitemap.xml lists every HTML page except 404.html, as absolute URLs under base_url', () => {
    const xml = readText(b.out, 'sitemap.xml');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeEntities(m[1]).trim());
    const u = base();
    const bad = locs.filter((l) => !l.startsWith(u));
    assert.deepEqual(bad, [], `sitemap URLs not under ${u}`);
    const listed = new Set(locs.map((l) => {
      let rel = decodeURI(l.slice(u.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      return rel;
    }));
    const dupes = locs.filter((l, i) => locs.indexOf(l) !== i);
    assert.deepEqual(dupes, [], 'URLs listed twice');
    const want = pages.filter((p) => p !== '404.html');
    const missing = want.filter((p) => !listed.has(p));
    const extra = [...listed].filter((p) => !want.includes(p));
    assert.deepEqual(missing, [], 'pages missing from sitemap.xml');
    assert.deepEqual(extra, [], 'sitemap.xml entries that are not pages (or are 404.html)');
  });

  test('robots.txt names the sitemap by its absolute URL', () => {
    const robots = readText(b.out, 'robots.txt');
    assert.match(robots, /^User-agent:/im);
    const m = /^Sitemap:\s*(\S+)\s*$/im.exec(robots);
    assert.ok(m, `no Sitemap: line in robots.txt:\n${robots}`);
    assert.equal(m[1], `${base()}sitemap.xml`);
  });
});

describe('every page', () => {
  test('has <html lang="ja">, one <title>, exactly one <h1>, a charset and a viewport, and the サンプル label', () => {
    const problems = [];
    for (const p of pages) {
      const html = readText(b.out, p);
      const toks = tokenize(html);
      const tags = (n) => toks.filter((t) => t.type === 'tag' && t.name === n);
      const htmlTag = tags('html');
      if (htmlTag.length !== 1 || htmlTag[0].attrs.lang !== 'ja') problems.push(`${p}: <html lang="ja"> missing (got ${JSON.stringify(htmlTag.map((t) => t.attrs))})`);
      if (!/^<!doctype html>/i.test(html.trimStart())) problems.push(`${p}: no <!DOCTYPE html>`);
      // The document's <title>: an inline SVG chart's <title> names the chart, not the page.
      let inSvg = 0;
      const titles = toks.filter((t) => {
        if (t.name === 'svg') inSvg += t.type === 'tag' ? 1 : t.type === 'end' ? -1 : 0;
        return t.type === 'tag' && t.name === 'title' && inSvg === 0;
      });
      if (titles.length !== 1 || decodeEntities(titles[0].text ?? '').trim() === '') problems.push(`${p}: ${titles.length} <title> elements (or an empty one)`);
      const h1 = tags('h1').length;
      if (h1 !== 1) problems.push(`${p}: ${h1} <h1> elements`);
      if (!tags('meta').some((t) => (t.attrs.charset ?? '').toLowerCase() === 'utf-8')) problems.push(`${p}: no <meta charset="utf-8">`);
      if (!tags('meta').some((t) => t.attrs.name === 'viewport')) problems.push(`${p}: no viewport meta`);
      if (!visibleText(html).includes('サンプル')) problems.push(`${p}: no サンプル label`);
    }
    assert.deepEqual(problems, []);
  });

  test('a sample site (sample: true) is marked noindex on every page', () => {
    if (String(siteSetting(SOURCE_DIR, 'sample')) !== 'true') return;
    const problems = [];
    for (const p of pages) {
      const robots = startTags(readText(b.out, p), 'meta').filter((t) => (t.attrs.name ?? '').toLowerCase() === 'robots');
      if (!robots.some((t) => /noindex/i.test(t.attrs.content ?? ''))) problems.push(p);
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} pages without <meta name="robots" content="noindex">`);
  });

  test('no page is empty or contains an unrendered template tag', () => {
    const problems = [];
    for (const p of pages) {
      const html = readText(b.out, p);
      if (html.length < 200) problems.push(`${p}: only ${html.length} bytes`);
      const m = /\{\{[^}]*\}\}/.exec(html);
      if (m) problems.push(`${p}: template tag left: ${m[0]}`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('activity pages', () => {
  test('carry JSON-LD that parses, with @context schema.org and @type Place, CivicStructure or Event', () => {
    const problems = [];
    const acts = readRecords(SOURCE_DIR, 'activities');
    for (const a of acts) {
      const p = `activities/${a.id}.html`;
      if (!fs.existsSync(path.join(b.out, p))) { problems.push(`${p}: missing`); continue; }
      const blocks = jsonLdBlocks(readText(b.out, p));
      if (blocks.length === 0) { problems.push(`${p}: no <script type="application/ld+json">`); continue; }
      for (const raw of blocks) {
        let v;
        try { v = JSON.parse(raw); } catch (e) { problems.push(`${p}: JSON-LD does not parse: ${e.message}`); continue; }
        const nodes = Array.isArray(v) ? v : v['@graph'] ? v['@graph'].map((n) => ({ '@context': v['@context'], ...n })) : [v];
        const ctxOk = (c) => typeof c === 'string' ? /^https?:\/\/schema\.org\/?$/.test(c) : false;
        if (!nodes.every((n) => ctxOk(n['@context']))) problems.push(`${p}: @context is not schema.org: ${JSON.stringify(v['@context'])}`);
        const types = nodes.flatMap((n) => asList(n['@type']));
        if (!types.some((t) => ['Place', 'CivicStructure', 'Event'].includes(t))) problems.push(`${p}: @type ${JSON.stringify(types)} has none of Place, CivicStructure, Event`);
        const named = nodes.some((n) => typeof n.name === 'string' && n.name.length > 0);
        if (!named) problems.push(`${p}: JSON-LD has no name`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('show the activity name in the <h1> and the schedule text as written', () => {
    const problems = [];
    let sawSecondFourthWednesday = false;
    for (const a of readRecords(SOURCE_DIR, 'activities')) {
      const p = `activities/${a.id}.html`;
      if (!fs.existsSync(path.join(b.out, p))) { problems.push(`${p}: missing`); continue; }
      const html = readText(b.out, p);
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
      const name = a.get('name');
      if (!h1 || !visibleText(h1[1]).includes(name)) problems.push(`${p}: <h1> does not show ${name}`);
      let sched = a.get('schedule');
      if (sched && typeof sched === 'object' && !Array.isArray(sched)) sched = sched.text;
      if (typeof sched === 'string' && sched !== '') {
        if (!visibleText(html).includes(sched.replace(/\s+/g, ' '))) problems.push(`${p}: schedule "${sched}" is not shown`);
        if (sched.includes('毎月第2・第4水曜')) sawSecondFourthWednesday = true;
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(sawSecondFourthWednesday, 'the example has no activity with the schedule 毎月第2・第4水曜 (README\'s example)');
  });
});

describe('how pages lead to each other', () => {
  // Links from the page DIR/KEY.html and its continuations (DIR/KEY-2.html, DIR/KEY/*.html),
  // resolved to output paths.
  function linksFrom(dir, key) {
    const own = files.filter((f) => f === `${dir}/${key}.html` || f.startsWith(`${dir}/${key}/`) || new RegExp(`^${dir}/${key}-\\d+\\.html$`).test(f));
    const targets = new Set();
    for (const f of own) {
      for (const t of startTags(readText(b.out, f), 'a')) {
        const href = t.attrs.href ?? '';
        if (/^[a-z]+:|^\/|^#/i.test(href) || href === '') continue;
        targets.add(decodeURIComponent(new URL(href.split('#')[0], `file:///ROOT/${f}`).pathname.slice('/ROOT/'.length)));
      }
    }
    return targets;
  }

  test('the home page links areas, categories, target groups and consultation points', () => {
    const home = new Set();
    for (const t of startTags(readText(b.out, 'index.html'), 'a')) {
      const href = t.attrs.href ?? '';
      if (!/^[a-z]+:|^\/|^#/i.test(href)) home.add(href.split('#')[0]);
    }
    for (const dir of ['areas', 'categories', 'targets', 'consultation']) {
      assert.ok([...home].some((h) => h.startsWith(`${dir}/`)), `index.html has no link into ${dir}/`);
    }
  });

  test('every activity is listed on the page of each of its areas and of each of its content types', () => {
    const problems = [];
    const cache = new Map();
    const from = (dir, key) => {
      if (!cache.has(`${dir}/${key}`)) cache.set(`${dir}/${key}`, linksFrom(dir, key));
      return cache.get(`${dir}/${key}`);
    };
    for (const a of readRecords(SOURCE_DIR, 'activities')) {
      const target = `activities/${a.id}.html`;
      for (const area of asList(a.get('areas'))) {
        if (!from('areas', area).has(target)) problems.push(`areas/${area}.html does not link ${target}`);
      }
      for (const label of asList(a.get('content_types'))) {
        const slug = slugOf(CONTENT_TYPE_SLUGS, label);
        if (slug && !from('categories', slug).has(target)) problems.push(`categories/${slug}.html does not link ${target}`);
      }
      const org = a.get('organization');
      if (typeof org === 'string' && org && !from('activities', a.id).has(`organizations/${org}.html`)) problems.push(`${target} does not link its organization ${org}`);
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} missing links`);
  });
});

// A small XML well-formedness check (no DTDs): balanced tags, one root, quoted attributes,
// only the five predefined entities or character references, no stray '<' or '&'.
function xmlWellFormedness(xml) {
  const problems = [];
  const stack = [];
  let roots = 0;
  let i = 0;
  const s = xml.replace(/^\uFEFF/, '');
  if (s.startsWith('<?xml')) i = s.indexOf('?>') + 2;
  const checkText = (t, where) => {
    for (const m of t.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+)$/.test(m[1]) || !m[0].endsWith(';')) problems.push(`bad entity ${m[0]} ${where}`);
    }
  };
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt < 0 ? s.length : lt);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${text.trim().slice(0, 40)}`);
    checkText(text, 'in text');
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) { const e = s.indexOf('-->', lt); if (e < 0) { problems.push('unclosed comment'); break; } i = e + 3; continue; }
    if (s.startsWith('<?', lt)) { const e = s.indexOf('?>', lt); if (e < 0) { problems.push('unclosed PI'); break; } i = e + 2; continue; }
    const gt = s.indexOf('>', lt);
    if (gt < 0) { problems.push('unclosed tag'); break; }
    const tag = s.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      const selfClose = tag.endsWith('/');
      const body = selfClose ? tag.slice(0, -1) : tag;
      const m = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*$/.exec(body);
      if (!m) { problems.push(`malformed tag <${tag.slice(0, 60)}>`); i = gt + 1; continue; }
      checkText(m[2], `in <${m[1]}>`);
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(m[1]);
    }
    i = gt + 1;
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
