// Printed handbooks: every build writes handbooks/ID/print.html; `tsunagu handbook --pdf` prints
// every example handbook through Chromium. The PDFs are checked with Debian's tools as a print
// shop would: pdffonts (embedded CID TrueType subsets, never Type 3), pdftotext (every activity of
// the area guide; the table of contents and the index point at the right pages), qpdf's content
// streams (body text size on A4 ≥ 14 pt), pdftoppm (pages render; a few PNGs kept under
// build/test-out/handbook-pages to look at) and zbarimg (QR codes decode to the records' URLs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import {
  SOURCE_DIR, TEST_OUT, asList, assertBuiltOk, buildExampleOnce, copyExampleSite, decodeEntities, describeRun, freshOutPath, readRecords,
  readText, runTool,
} from './lib.mjs';

const HANDBOOKS = ['aoba-kyogitai-2025', 'aoba-tasukeai-2025', 'jirei-mimamori', 'kita-guide'];
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const browser = ['/usr/bin/chromium', process.env.TSUNAGU_CHROMIUM].some((p) => p && fs.existsSync(p));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

// The activities the area guide of `area` lists: in the area or inside it, not ended.
function areaActivities(area) {
  const areas = readRecords(SOURCE_DIR, 'areas');
  const parent = new Map(areas.map((a) => [a.id, a.get('parent')]));
  const within = (id) => { for (let a = id, g = 0; a && g < 50; a = parent.get(a), ++g) if (a === area) return true; return false; };
  return readRecords(SOURCE_DIR, 'activities')
    .filter((r) => (r.get('status') ?? '活動中') !== '終了' && asList(r.get('areas')).some(within))
    .map((r) => ({ id: r.id, name: decodeEntities(r.get('name')) }));
}

// pdftotext's text of each page (it ends pages with a form feed); spaces dropped so that names
// broken by layout still match.
function pageTexts(pdf) {
  return run('pdftotext', ['-layout', pdf, '-']).split('\f').map((t) => t.replace(/[ \u3000]+/g, ''));
}
const squash = (s) => s.replace(/[ \u3000]+/g, '');

test('every build writes print.html for each handbook, self-contained, listing every activity of the area guide', () => {
  const b = buildExampleOnce();
  assertBuiltOk(assert, b);
  const index = readText(b.out, 'handbooks/index.html');
  for (const id of HANDBOOKS) {
    assert.ok(index.includes(`handbooks/${id}/print.html`), `handbooks/index.html lacks ${id}`);
    const html = readText(b.out, `handbooks/${id}/print.html`);
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /@page \{ size: A[45];/, `${id}: no @page size`);
    assert.ok(!/<link\b[^>]*stylesheet|<script\b/.test(html), `${id}: print.html must be self-contained, without scripts`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `${id}: duplicate ids ${ids.filter((x, i) => ids.indexOf(x) !== i).slice(0, 5)}`);
  }
  const guide = readText(b.out, 'handbooks/kita-guide/print.html');
  const acts = areaActivities('kita');
  assert.ok(acts.length > 10);
  for (const a of acts) assert.ok(guide.includes(`id="act-${a.id}"`), `the kita guide lacks ${a.id} (${a.name})`);
  assert.match(guide, /@page ch-2 \{ @top-center \{ content: "北中学校区の活動"/);
  assert.match(guide, /<svg class="qr"/);
  // Dates never split across lines: each next date is one span.date (white-space: nowrap).
  assert.match(guide, /次回：<span class="date">\d+月\d+日\(.\)[^<]*<\/span>/);
  assert.match(guide, /\.date, time \{ white-space: nowrap; \}/);
});

test('a handbook definition with a bad reference or kind is reported at its line, and nothing is written', () => {
  const src = copyExampleSite('handbook-bad-src');
  fs.writeFileSync(path.join(src, 'handbooks', 'bad.yaml'), [
    'id: bad', 'title: 壊れた冊子', 'paper: B5', 'sections:', '  - {kind: area, area: nowhere}', '  - {kind: pamphlet}',
    '  - {kind: markdown, title: x, file: ../../etc/passwd.md}', '',
  ].join('\n'));
  const out = freshOutPath('handbook-bad-out');
  const r = runTool(['handbook', '--source', src, '--out', out]);
  assert.equal(r.status, 1, describeRun(r));
  const at = (line, code) => r.diagnostics.some((d) => d.file === 'handbooks/bad.yaml' && d.line === line && d.code === code);
  assert.ok(at(3, 'field.value'), `paper B5:\n${r.stderr}`);
  assert.ok(at(5, 'ref.dangling'), `area nowhere:\n${r.stderr}`);
  assert.ok(at(6, 'field.value'), `kind pamphlet:\n${r.stderr}`);
  assert.ok(at(7, 'handbook.file'), `file outside:\n${r.stderr}`);
  assert.ok(!fs.existsSync(path.join(out, 'kita-guide')), 'a handbook was written despite errors');
});

test('without a browser, --pdf says how to install one and still writes print.html', () => {
  const out = freshOutPath('handbook-nobrowser');
  const r = runTool(['handbook', '--source', SOURCE_DIR, '--out', out, '--pdf', 'kita-guide'], { env: { TSUNAGU_CHROMIUM: '/nonexistent/chromium' } });
  assert.equal(r.status, 0, describeRun(r));
  assert.match(r.stderr, /apt-get install chromium/);
  assert.ok(fs.existsSync(path.join(out, 'kita-guide', 'print.html')));
  assert.ok(!fs.existsSync(path.join(out, 'kita-guide', 'handbook.pdf')));
});

let out = '';
before(() => {
  if (!browser) return;
  out = freshOutPath('handbook-pdf');
  const r = runTool(['handbook', '--source', SOURCE_DIR, '--out', out, '--pdf', '--today', '2026-04-01'], { timeout: 600_000 });
  assert.equal(r.status, 0, describeRun(r));
});

test('PDFs exist for every example handbook, fonts embedded as CID TrueType subsets, never Type 3', { skip: !browser && 'no chromium' }, () => {
  for (const id of HANDBOOKS) {
    const pdf = path.join(out, id, 'handbook.pdf');
    assert.ok(fs.existsSync(pdf), `${id}: no handbook.pdf`);
    const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0, `${id}: no fonts`);
    for (const line of fonts) {
      assert.ok(!/Type 3/.test(line), `${id}: Type 3 font: ${line}`);
      assert.match(line, /CID TrueType\s+Identity-H\s+yes\s+yes/, `${id}: not an embedded CID TrueType subset: ${line}`);
    }
    assert.match(run('pdfinfo', [pdf]), /Title:\s+\S/, `${id}: no title in the PDF`);
  }
  assert.ok(fs.existsSync(path.join(out, 'kita-guide', 'booklet.pdf')), 'the A5 booklet was not imposed');
  const booklet = run('pdfinfo', [path.join(out, 'kita-guide', 'booklet.pdf')]);
  const guide = run('pdfinfo', [path.join(out, 'kita-guide', 'handbook.pdf')]);
  const pages = Number(/Pages:\s+(\d+)/.exec(guide)[1]);
  assert.equal(Number(/Pages:\s+(\d+)/.exec(booklet)[1]), Math.ceil(pages / 4) * 2, 'booklet sides = sheets × 2');
  assert.match(booklet, /Page size:\s+841\.\d+ x 595\.\d+/);
});

test('the area guide: every activity name is in the PDF, and the contents and index give the right pages', { skip: !browser && 'no chromium' }, () => {
  const pdf = path.join(out, 'kita-guide', 'handbook.pdf');
  const pages = pageTexts(pdf);
  const all = pages.join('\n');
  for (const a of areaActivities('kita')) assert.ok(all.includes(squash(a.name)), `${a.name} not in the PDF text`);
  // The contents page: "北中学校区の活動 4" lines (the leader is a drawn border, not text).
  const toc = run('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-']).split('\n');
  const entries = toc.map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l)).filter(Boolean).map((m) => ({ title: squash(m[1]), page: Number(m[2]) }));
  assert.ok(entries.length >= 8, `contents: ${toc.join('\n')}`);
  for (const e of entries) {
    assert.ok(e.page >= 3 && e.page <= pages.length, `${e.title}: page ${e.page}`);
    assert.ok(pages[e.page - 1].includes(e.title), `contents say ${e.title} is on page ${e.page}, which reads:\n${pages[e.page - 1].slice(0, 400)}`);
  }
  // The index (last chapter): every "name N" line names a page that has the name.
  const indexStart = pages.findIndex((p) => p.includes('さくいん（50音順）') && !p.includes('もくじ'));
  assert.ok(indexStart > 0, 'no index pages');
  const lines = run('pdftotext', ['-layout', '-f', String(indexStart + 1), pdf, '-']).split('\n');
  const refs = lines.map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l)).filter(Boolean);
  assert.ok(refs.length >= areaActivities('kita').length, `only ${refs.length} index lines`);
  for (const m of refs) {
    const name = squash(m[1]), page = Number(m[2]);
    assert.ok(pages[page - 1]?.includes(name.slice(0, 12)), `index: ${name} → ${page}`);
  }
});

test('body text on A4 is at least 14 pt, on A5 at least 12 pt (the size most words are set in)', { skip: !browser && 'no chromium' }, () => {
  for (const [id, min] of [['aoba-tasukeai-2025', 14], ['aoba-kyogitai-2025', 14], ['kita-guide', 12], ['jirei-mimamori', 12]]) {
    // pdftotext -bbox gives each word's box, as tall as its font size: the body is the commonest size.
    const boxes = run('pdftotext', ['-bbox', path.join(out, id, 'handbook.pdf'), '-']);
    const counts = new Map();
    for (const m of boxes.matchAll(/yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)"/g)) {
      const size = Math.round((Number(m[2]) - Number(m[1])) * 10) / 10;
      counts.set(size, (counts.get(size) ?? 0) + 1);
    }
    const [body] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    assert.ok(body >= min - 0.05, `${id}: body text ${body} pt < ${min} pt`);
  }
});

test('pages render, and the QR codes decode to the records\' web pages', { skip: (!browser || !have('zbarimg')) && 'no chromium or zbarimg' }, () => {
  const dir = path.join(TEST_OUT, 'handbook-pages');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(out, 'kita-guide', 'handbook.pdf');
  run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '8', pdf, path.join(dir, 'kita-guide')]);
  const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  assert.equal(pngs.length, 8, 'pdftoppm rendered the first 8 pages');
  const ids = new Set(areaActivities('kita').map((a) => a.id));
  let decoded = 0;
  for (const png of pngs) {
    const r = spawnSync('zbarimg', ['--quiet', '--raw', path.join(dir, png)], { encoding: 'utf8' });
    for (const url of r.stdout.split('\n').filter(Boolean)) {
      const m = /^https:\/\/example\.org\/aoba\/(activities|consultation)\/([a-z0-9-]+)\.html$/.exec(url);
      assert.ok(m, `QR code decodes to ${url}`);
      if (m[1] === 'activities') assert.ok(ids.has(m[2]), `QR code of ${m[2]}, not an activity of the guide`);
      ++decoded;
    }
  }
  assert.ok(decoded >= 3, `only ${decoded} QR codes decoded on the first 8 pages`);
});

test('no donor who did not consent is named in any handbook PDF, and no private-home street address is printed', { skip: !browser && 'no chromium' }, () => {
  const donors = new Set();
  for (const f of fs.readdirSync(path.join(SOURCE_DIR, 'data', 'fund-years'))) {
    const text = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'fund-years', f), 'utf8');
    for (const m of text.matchAll(/\{\s*name:\s*([^,}]+?)\s*,[^}]*\bconsent:\s*false\b[^}]*\}/g)) donors.add(m[1]);
  }
  assert.ok(donors.size > 0, 'the example has a donor without consent');
  // Private-home venues: their address_detail (方書) is never printed.
  const hidden = readRecords(SOURCE_DIR, 'activities').filter((r) => /private_home:\s*true/.test(fs.readFileSync(r.file, 'utf8')))
    .map((r) => /address_detail:\s*(.+)/.exec(fs.readFileSync(r.file, 'utf8'))?.[1]?.trim()).filter((d) => d && d.length > 2);
  for (const id of HANDBOOKS) {
    const text = squash(run('pdftotext', [path.join(out, id, 'handbook.pdf'), '-']));
    const html = fs.readFileSync(path.join(out, id, 'print.html'), 'utf8');
    for (const name of donors) {
      assert.ok(!text.includes(squash(name)), `${name} (no consent) is printed in ${id}`);
      assert.ok(!html.includes(name), `${name} (no consent) is in ${id}/print.html`);
    }
    for (const d of hidden) assert.ok(!html.includes(d), `${id}: a private home's 方書 ${d} is printed`);
  }
});
