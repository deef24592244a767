// Case studies, networks and council annual reports, checked against the data they come from:
// the check catches exactly the printed area-per-person figures of the case-figures fixture (the
// 取組事例 deck prints them 100× too large); the case library lists every case; case pages show
// the figures the tool derives; the report's gap matrix equals a direct count over the directory
// and its "started this year" list equals the records whose start_date falls in the fiscal year;
// network pages list every member and draw every link.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  CONTENT_TYPE_SLUGS, FIXTURES_DIR, SOURCE_DIR, asList, assertBuiltOk, buildExampleOnce, dataFiles, decodeEntities,
  describeRun, formatDiagnostics, readRecords, readText, realDiagnostics, runTool, startTags, visibleText,
} from './lib.mjs';

const ERAS = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };

// {y, m} of a start_date as the data writes it: 2025-07, 2025-07-01, 平成20年10月, 令和元年6月, 2018.
function yearMonth(text) {
  if (!text) return null;
  let m = /^(\d{4})(?:-(\d{1,2}))?/.exec(text);
  if (m) return { y: Number(m[1]), m: m[2] ? Number(m[2]) : 0 };
  m = /^(明治|大正|昭和|平成|令和)(元|\d+)年(?:(\d+)月)?/.exec(text);
  if (m) return { y: ERAS[m[1]] + (m[2] === '元' ? 1 : Number(m[2])), m: m[3] ? Number(m[3]) : 0 };
  throw new Error(`test cannot read start_date ${text}`);
}
const fiscalYearOf = ({ y, m }) => (m >= 4 ? y : y - 1);
// Listed at the end of fiscal year fy: no start date, or one not after 31 March of fy + 1.
function existedAt(start, fy) {
  if (!start) return true;
  return start.y < fy + 1 || (start.y === fy + 1 && start.m <= 3);
}

function contentLabel(v) {
  for (const [label, slug] of Object.entries(CONTENT_TYPE_SLUGS)) if (v === label || v === slug) return label;
  return v;
}

function areaTree() {
  const areas = readRecords(SOURCE_DIR, 'areas');
  const parent = new Map(areas.map((a) => [a.id, a.get('parent')]));
  const name = new Map(areas.map((a) => [a.id, a.get('name')]));
  const within = (id, ancestor) => {
    for (let a = id, guard = 0; a && guard < 50; a = parent.get(a), ++guard) if (a === ancestor) return true;
    return false;
  };
  return { areas, parent, name, within };
}

function activities() {
  return readRecords(SOURCE_DIR, 'activities').map((r) => ({
    id: r.id,
    areas: asList(r.get('areas')),
    types: asList(r.get('content_types')).map(contentLabel),
    form: r.get('form') ?? '',
    status: r.get('status') ?? '活動中',
    start: yearMonth(r.get('start_date')),
  }));
}

// A table's rows as arrays of cell HTML, with the header row apart.
function tableRows(tableHtml) {
  const rows = [];
  for (const tr of tableHtml.split(/<tr\b/).slice(1)) {
    const cells = [];
    const re = /<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g;
    let m;
    while ((m = re.exec(tr))) cells.push({ tag: m[1], attrs: m[2], html: m[3] });
    rows.push(cells);
  }
  return rows;
}
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, '')).trim();

test('the case-figures fixture: exactly one derived-figure warning per case, each at its printed line, about 100×', () => {
  const source = path.join(FIXTURES_DIR, 'case-figures');
  const r = runTool(['check', '--source', source]);
  assert.equal(r.status, 0, describeRun(r));
  const ds = realDiagnostics(r.diagnostics);
  const files = dataFiles(source, 'cases');
  assert.ok(files.length >= 14, `the fixture has ${files.length} cases`);
  const warnings = ds.filter((d) => d.code === 'case.derived_mismatch');
  assert.equal(warnings.length, files.length, formatDiagnostics(ds));
  assert.equal(ds.length, warnings.length, `other diagnostics:\n${formatDiagnostics(ds)}`);
  for (const f of files) {
    const rel = path.relative(source, f).split(path.sep).join('/');
    const w = warnings.find((d) => d.file === rel);
    assert.ok(w, `no warning for ${rel}`);
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    assert.match(lines[w.line - 1], /area_per_person_km2/, `${rel}:${w.line} is not the printed figure's line`);
    const ratio = Number(/約([0-9.,]+)倍/.exec(w.message)?.[1]?.replace(/,/g, ''));
    assert.ok(ratio >= 90 && ratio <= 110, `${rel}: ratio ${ratio} in ${w.message}`);
  }
});

test('the example site checks clean: no derived figure typed, every reference resolves', () => {
  const r = runTool(['check', '--source', SOURCE_DIR]);
  assert.equal(r.status, 0, describeRun(r));
  const ds = realDiagnostics(r.diagnostics).filter((d) => /^(case|report|network|ref)\./.test(d.code));
  assert.deepEqual(ds, [], formatDiagnostics(ds));
});

test('the case library lists every case; each case page shows the derived figures computed from its profile', () => {
  const b = buildExampleOnce();
  assertBuiltOk(assert, b);
  const cases = readRecords(SOURCE_DIR, 'cases');
  assert.ok(cases.length >= 30, `only ${cases.length} example cases`);
  const index = readText(b.out, 'cases/index.html');
  const listed = startTags(index, 'li').filter((t) => t.attrs['data-case']).map((t) => t.attrs['data-case']);
  assert.deepEqual([...listed].sort(), cases.map((c) => c.id).sort());
  let checked = 0;
  for (const c of cases) {
    const html = readText(b.out, `cases/${c.id}.html`);
    const title = decodeEntities(c.get('title'));
    assert.ok(visibleText(html).includes(title), `cases/${c.id}.html lacks its title`);
    const yaml = fs.readFileSync(c.file, 'utf8');
    const popText = /^  population: ([\d,]+)/m.exec(yaml)?.[1];
    const areaText = /^  area_km2: ([\d.]+)/m.exec(yaml)?.[1];
    if (!popText || !areaText) continue;
    const pop = Number(popText.replace(/,/g, ''));
    const area = Number(areaText);
    const density = Math.round(pop / area).toLocaleString('en-US');
    assert.ok(html.includes(`${density}人/㎢`), `cases/${c.id}.html: density ${density} not shown`);
    assert.ok(!/area_per_person|0\.008㎢/.test(html));
    ++checked;
  }
  assert.ok(checked >= 14, `only ${checked} case pages with population and area checked`);
  // The comparison table holds one row per case with a profile.
  const rows = startTags(index, 'tr').filter((t) => t.attrs['data-case']);
  assert.equal(rows.length, cases.filter((c) => c.get('profile')).length);
});

test('every report: the gap matrix of each area equals a direct count over the activity records', () => {
  const b = buildExampleOnce();
  assertBuiltOk(assert, b);
  const tree = areaTree();
  const acts = activities();
  const networks = new Map(readRecords(SOURCE_DIR, 'networks').map((n) => [n.id, n]));
  const reports = readRecords(SOURCE_DIR, 'council-reports');
  assert.ok(reports.length >= 3, 'the example has council reports');
  let tables = 0, gaps = 0;
  for (const r of reports) {
    const fy = Number(/\d{4}/.exec(r.get('fiscal_year'))[0]);
    const council = networks.get(r.get('council'));
    const html = readText(b.out, `reports/${r.id}.html`);
    const matrices = html.split('<table class="matrix-table"').slice(1).map((t) => t.slice(0, t.indexOf('</table>')));
    const areaIds = [council.get('area'), ...tree.areas.filter((a) => a.get('parent') === council.get('area')).map((a) => a.id)];
    assert.equal(matrices.length, areaIds.length, `${r.id}: one matrix per area`);
    for (const m of matrices) {
      const areaName = decodeEntities(/data-matrix="([^"]*)"/.exec(m)[1]);
      const areaId = areaIds.find((id) => tree.name.get(id) === areaName);
      assert.ok(areaId, `${r.id}: matrix of unknown area ${areaName}`);
      const rows = tableRows(m);
      const forms = rows[0].slice(1, -1).map((c) => text(c.html));
      for (const row of rows.slice(1)) {
        const type = text(row[0].html);
        row.slice(1, -1).forEach((cell, k) => {
          const shown = Number(/data-count="(\d+)"/.exec(cell.attrs)[1]);
          const want = acts.filter((a) => a.status === '活動中' && existedAt(a.start, fy) && a.form === forms[k] &&
            a.types.includes(type) && a.areas.some((x) => tree.within(x, areaId))).length;
          assert.equal(shown, want, `${r.id} ${areaName}: ${type} × ${forms[k]}`);
          if (/\bgap\b/.test(cell.attrs)) {
            assert.equal(want, 0);
            assert.match(cell.html, /不足/);
            ++gaps;
          }
        });
      }
      ++tables;
    }
  }
  assert.ok(tables >= 6 && gaps > 0, `${tables} matrices, ${gaps} gaps`);
});

test("every report's 'started this year' list is exactly the activities in the council's area that started in the fiscal year", () => {
  const b = buildExampleOnce();
  const tree = areaTree();
  const acts = activities();
  const networks = new Map(readRecords(SOURCE_DIR, 'networks').map((n) => [n.id, n]));
  let total = 0;
  for (const r of readRecords(SOURCE_DIR, 'council-reports')) {
    const fy = Number(/\d{4}/.exec(r.get('fiscal_year'))[0]);
    const area = networks.get(r.get('council')).get('area');
    const want = acts.filter((a) => a.start && a.start.m > 0 && fiscalYearOf(a.start) === fy && a.areas.some((x) => tree.within(x, area)))
      .map((a) => a.id).sort();
    const html = readText(b.out, `reports/${r.id}.html`);
    const shown = startTags(html, 'tr').filter((t) => t.attrs['data-activity']).map((t) => t.attrs['data-activity']).sort();
    assert.deepEqual(shown, want, r.id);
    total += shown.length;
  }
  assert.ok(total > 0, 'some report lists activities started in its year');
});

test('network pages: every member listed, every link drawn and written out, an accessible diagram', () => {
  const b = buildExampleOnce();
  const orgs = new Map(readRecords(SOURCE_DIR, 'organizations').map((o) => [o.id, decodeEntities(o.get('name'))]));
  const networks = readRecords(SOURCE_DIR, 'networks');
  assert.ok(networks.length >= 5);
  const index = readText(b.out, 'networks/index.html');
  for (const n of networks) {
    assert.ok(index.includes(`networks/${n.id}.html`), `networks/index.html does not link ${n.id}`);
    const html = readText(b.out, `networks/${n.id}.html`);
    const main = visibleText(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
    const file = path.join(SOURCE_DIR, 'data', 'networks', `${n.id}.yaml`);
    const yaml = fs.readFileSync(file, 'utf8');
    for (const m of yaml.matchAll(/\{organization: ([a-z0-9-]+), category/g))
      assert.ok(main.includes(orgs.get(m[1])), `${n.id}: member ${m[1]} (${orgs.get(m[1])}) not listed`);
    for (const m of yaml.matchAll(/\{name: ([^,]+), category/g)) assert.ok(main.includes(m[1].trim()), `${n.id}: member ${m[1]} not listed`);
    const links = [...yaml.matchAll(/\{from: [^,]+, to: [^,]+, label: ([^}]+)\}/g)];
    if (!links.length) continue;
    const svg = /<svg\b[^>]*>/.exec(html);
    assert.ok(svg, `${n.id}: no diagram`);
    assert.match(svg[0], /role="img"/);
    const labelled = /aria-labelledby="([^"]+)"/.exec(svg[0])[1].split(' ');
    for (const id of labelled) assert.ok(html.includes(`id="${id}"`), `${n.id}: aria-labelledby ${id} missing`);
    const table = html.slice(html.indexOf('id="network-links-caption"'));
    const rows = tableRows(table.slice(0, table.indexOf('</table>'))).slice(1);
    assert.equal(rows.length, links.length, `${n.id}: the text equivalent has one row per link`);
  }
});
