// The 助け合い基金 pages against the data they come from, on the example site and on the
// funds-balanced fixture: every fiscal year page prints the totals its lines add up to (and the
// balance equation holds), the grant table's rows and footer equal the grants, every grant has a
// page linking its recipient and activity, organization pages list the grants they received, no
// donor without consent is named anywhere in the output, charts are role=img with a title, and
// every table has a caption and scoped headers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import {
  SOURCE_DIR, assertBuiltOk, build, buildExampleOnce, copyFixture, dataFiles, decodeEntities, htmlFiles, readText,
  startTags, tokenize, visibleText, walk,
} from './lib.mjs';

// ---------------------------------------------------------------------------------------------
// A small YAML reader for the data files (block mappings and sequences, flow maps and lists,
// quoted and plain scalars, | and > blocks): enough for README's fund formats.

function stripComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") { if (i === 0 || /[\s:,[{-]/.test(line[i - 1])) quote = c; continue; }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function scalar(s) {
  s = s.trim();
  if (s === '' || s === '~' || s === 'null') return null;
  if ((s.startsWith('"') && s.endsWith('"')) && s.length >= 2) return JSON.parse(s);
  if ((s.startsWith("'") && s.endsWith("'")) && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d+\.\d+$/.test(s)) return Number(s);
  if (s.startsWith('{') || s.startsWith('[')) return flow(s);
  return s;
}

function splitTop(s) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let cur = '';
  for (const c of s) {
    if (quote) { cur += c; if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") { quote = c; cur += c; continue; }
    if (c === '{' || c === '[') depth++;
    if (c === '}' || c === ']') depth--;
    if (c === ',' && depth === 0) { parts.push(cur); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim() !== '') parts.push(cur);
  return parts;
}

function flow(s) {
  s = s.trim();
  const inner = s.slice(1, -1);
  if (s.startsWith('[')) return splitTop(inner).map((x) => scalar(x));
  const out = {};
  for (const part of splitTop(inner)) {
    const m = /^\s*([^:]+?):\s*(.*)$/s.exec(part);
    if (m) out[m[1].trim()] = scalar(m[2]);
  }
  return out;
}

function parseYaml(text) {
  const lines = text.split(/\r?\n/).map((raw) => ({ raw, text: stripComment(raw).replace(/\s+$/, '') }));
  let i = 0;
  const indentOf = (l) => l.text.length - l.text.trimStart().length;
  const skipBlank = () => { while (i < lines.length && lines[i].text.trim() === '') i++; };

  function blockScalar(parentIndent, folded) {
    const body = [];
    let ind = -1;
    while (i < lines.length) {
      const l = lines[i];
      if (l.raw.trim() === '') { body.push(''); i++; continue; }
      const n = l.raw.length - l.raw.trimStart().length;
      if (n <= parentIndent) break;
      if (ind < 0) ind = n;
      body.push(l.raw.slice(ind));
      i++;
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    return folded ? body.join(' ') : `${body.join('\n')}\n`;
  }

  function value(rest, indent) {
    if (rest === '|' || rest === '|-' || rest === '>' || rest === '>-') return blockScalar(indent, rest[0] === '>');
    if (rest !== '') return scalar(rest);
    skipBlank();
    if (i >= lines.length) return null;
    const n = indentOf(lines[i]);
    if (n > indent || (n === indent && lines[i].text.trimStart().startsWith('- '))) return block(n);
    return null;
  }

  function block(indent) {
    skipBlank();
    if (i >= lines.length) return null;
    const isSeq = lines[i].text.trimStart().startsWith('- ') || lines[i].text.trim() === '-';
    if (isSeq) {
      const out = [];
      while (true) {
        skipBlank();
        if (i >= lines.length) break;
        const l = lines[i];
        if (indentOf(l) !== indent || !(l.text.trimStart().startsWith('- ') || l.text.trim() === '-')) break;
        const rest = l.text.trimStart().slice(2).trim();
        const itemIndent = indent + 2;
        if (/^[^\s{["'][^:]*:(\s|$)/.test(rest)) {
          // "- key: value" starts a mapping at indent + 2.
          lines[i] = { raw: ' '.repeat(itemIndent) + rest, text: ' '.repeat(itemIndent) + rest };
          out.push(block(itemIndent));
        } else {
          i++;
          out.push(rest === '' ? value('', indent) : scalar(rest));
        }
      }
      return out;
    }
    const out = {};
    while (true) {
      skipBlank();
      if (i >= lines.length) break;
      const l = lines[i];
      if (indentOf(l) !== indent) break;
      const m = /^([^:]+?):(?:\s+(.*))?$/.exec(l.text.trim());
      if (!m) break;
      i++;
      out[m[1].trim()] = value((m[2] ?? '').trim(), indent);
    }
    return out;
  }
  return block(0);
}

function records(source, kind) {
  const out = [];
  for (const file of dataFiles(source, kind)) {
    const text = fs.readFileSync(file, 'utf8');
    const v = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    for (const r of Array.isArray(v) ? v : [v]) if (r && r.id !== undefined) out.push({ ...r, id: String(r.id), file });
  }
  return out;
}

// 2025, "2025", 令和7年度, R7年度, 平成30年度, 2025年度 → 2025.
function fiscalYear(v) {
  if (typeof v === 'number') return v;
  const s = String(v).normalize('NFKC');
  let m = /^(\d{4})/.exec(s);
  if (m) return Number(m[1]);
  m = /^(令和|R|平成|H)(元|\d+)/.exec(s);
  if (m) return ({ 令和: 2018, R: 2018, 平成: 1988, H: 1988 })[m[1]] + (m[2] === '元' ? 1 : Number(m[2]));
  throw new Error(`cannot read fiscal year ${v}`);
}

// The fiscal year (April–March) of an ISO date.
function fyOfDate(d) {
  const [y, mo] = String(d).split('-').map(Number);
  return mo >= 4 ? y : y - 1;
}

const sum = (xs, f = (x) => x) => xs.reduce((a, x) => a + Number(f(x) ?? 0), 0);
const yenText = (n) => `${n < 0 ? '-' : ''}${Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}円`;
const yenValue = (s) => {
  const m = /(-?[\d,]+)円/.exec(decodeEntities(s));
  assert.ok(m, `no amount in ${JSON.stringify(s)}`);
  return Number(m[1].replace(/,/g, ''));
};

// The text of the element that carries attribute name=value (first one), tags stripped.
function textOfAttr(html, name, value) {
  const toks = tokenize(html);
  const k = toks.findIndex((t) => t.type === 'tag' && t.attrs[name] === value);
  if (k < 0) return undefined;
  const tag = toks[k].name;
  let depth = 0;
  let text = '';
  for (let j = k + 1; j < toks.length; j++) {
    const t = toks[j];
    if (t.type === 'tag' && t.name === tag) depth++;
    if (t.type === 'end' && t.name === tag) { if (depth === 0) break; depth--; }
    if (t.type === 'text') text += t.text;
  }
  return decodeEntities(text).trim();
}

function hrefs(html) {
  return startTags(html, 'a').map((t) => t.attrs.href).filter(Boolean);
}

// The pages a page links to, as root-relative paths ("organizations/x.html").
function targets(rel, html) {
  return hrefs(html)
    .filter((h) => !/^[a-z]+:/.test(h) && !h.startsWith('#'))
    .map((h) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), h.replace(/#.*$/, ''))));
}

// ---------------------------------------------------------------------------------------------

const SITES = [
  { name: 'example site', source: () => SOURCE_DIR, build: () => buildExampleOnce() },
  { name: 'funds-balanced fixture', source: null, build: null },
];

for (const site of SITES) {
  describe(`fund pages: ${site.name}`, () => {
    let b;
    let source;
    let files;
    let funds;
    let years;
    let grants;
    let orgs;

    before(() => {
      if (site.build) {
        source = site.source();
        b = site.build();
      } else {
        source = copyFixture('funds-balanced');
        b = build(source, `funds-balanced-pages-${process.pid}`);
      }
      assertBuiltOk(assert, b);
      files = walk(b.out);
      funds = records(source, 'funds');
      years = records(source, 'fund-years');
      grants = records(source, 'grants');
      orgs = new Set(records(source, 'organizations').map((o) => o.id));
    });

    const page = (rel) => readText(b.out, rel);
    const linksOf = (rel) => targets(rel, page(rel));
    const booked = () => funds.filter((f) => f.real !== true);
    const grantsOf = (fundId) => grants.filter((g) => g.fund === fundId);
    const cancelled = (g) => g.status === '取消';

    test('the data has funds, and funds/index.html lists every one with its operator', () => {
      assert.ok(funds.length > 0, 'no data/funds');
      const links = linksOf('funds/index.html');
      for (const f of funds) {
        assert.ok(links.includes(`funds/${f.id}.html`), `funds/index.html does not link funds/${f.id}.html`);
        if (orgs.has(f.operator)) assert.ok(links.includes(`organizations/${f.operator}.html`), `no operator link for ${f.id}`);
      }
      // Linked from the footer of every page and from the home page.
      assert.ok(linksOf('index.html').includes('funds/index.html'));
      for (const p of htmlFiles(b.out).filter((x) => x !== '404.html').slice(0, 50)) {
        assert.ok(linksOf(p).includes('funds/index.html'), `${p} has no link to funds/index.html`);
      }
    });

    test('each fund page: operator link, labels, years; real funds show the source and no books', () => {
      for (const f of funds) {
        const html = page(`funds/${f.id}.html`);
        const links = linksOf(`funds/${f.id}.html`);
        const text = visibleText(html);
        assert.ok(text.includes(f.name), `${f.id}: name`);
        if (orgs.has(f.operator)) assert.ok(links.includes(`organizations/${f.operator}.html`), `${f.id}: operator link`);
        if (orgs.has(f.operator)) assert.ok(linksOf(`organizations/${f.operator}.html`).includes(`funds/${f.id}.html`), `${f.operator}: no link to the fund it runs`);
        if (f.sample === true) assert.ok(text.includes('サンプル'), `${f.id}: サンプル label`);
        const fys = years.filter((y) => y.fund === f.id).map((y) => fiscalYear(y.fiscal_year));
        if (f.real === true) {
          assert.ok(text.includes('実在の基金の紹介'), `${f.id}: real-fund label`);
          if (f.source) assert.ok(text.includes('出典'), `${f.id}: no source shown`);
          assert.ok(!files.some((x) => x.startsWith(`funds/${f.id}/`)), `${f.id}: a real fund has no year or grant pages`);
        } else {
          for (const fy of fys) assert.ok(links.includes(`funds/${f.id}/${fy}.html`), `${f.id}: no link to ${fy}`);
          if (fys.length) {
            assert.match(html, /<svg[^>]*role="img"/, `${f.id}: no trend chart`);
            for (const fy of fys) assert.ok(text.includes(`${fy}年度`), `${f.id}: trend table lacks ${fy}`);
          }
        }
      }
    });

    test('each fiscal year page prints the totals of its data, and they balance', () => {
      let checked = 0;
      for (const y of years) {
        const f = funds.find((x) => x.id === y.fund);
        if (!f || f.real === true) continue;
        const fy = fiscalYear(y.fiscal_year);
        const html = page(`funds/${f.id}/${fy}.html`);
        const got = (k) => yenValue(textOfAttr(html, 'data-total', k) ?? '');
        const donations = sum(y.donations ?? [], (d) => d.amount);
        const other = sum(y.other_income ?? [], (d) => d.amount);
        const business = sum((y.costs ?? []).filter((c) => c.category === '事業費'), (c) => c.amount);
        const admin = sum((y.costs ?? []).filter((c) => c.category === '管理費'), (c) => c.amount);
        const costs = sum(y.costs ?? [], (c) => c.amount);
        const disbursed = sum(grantsOf(f.id).flatMap((g) => g.disbursements ?? []).filter((d) => fyOfDate(d.date) === fy), (d) => d.amount);
        const ofYear = grantsOf(f.id).filter((g) => fiscalYear(g.fiscal_year) === fy && !cancelled(g));
        const awarded = sum(ofYear, (g) => g.amount_awarded);
        const where = `funds/${f.id}/${fy}.html`;
        assert.equal(got('opening'), y.opening_balance, `${where}: opening`);
        assert.equal(got('donations'), donations, `${where}: donations`);
        assert.equal(got('other_income'), other, `${where}: other income`);
        assert.equal(got('income'), donations + other, `${where}: income`);
        assert.equal(got('disbursed'), disbursed, `${where}: grants paid`);
        assert.equal(got('business_costs'), business, `${where}: 事業費`);
        assert.equal(got('admin_costs'), admin, `${where}: 管理費`);
        assert.equal(got('costs'), costs, `${where}: costs`);
        assert.equal(got('closing'), y.closing_balance, `${where}: closing`);
        assert.equal(got('awarded'), awarded, `${where}: awarded`);
        assert.equal(y.opening_balance + donations + other - disbursed - costs, y.closing_balance, `${where}: the data does not balance`);
        // The equation in words and numbers.
        const eq = textOfAttr(html, 'class', 'equation');
        assert.ok(eq.includes(yenText(y.opening_balance)) && eq.includes(yenText(y.closing_balance)) && eq.includes('＝'), `${where}: equation ${eq}`);
        // The year's grant list: one row per grant, the footer is their sum.
        assert.equal(yenValue(textOfAttr(html, 'data-total', 'grants') ?? '0円'), awarded, `${where}: year grants total`);
        for (const g of ofYear) assert.ok(targets(where, html).includes(`grants/${g.id}.html`), `${where}: no link to grant ${g.id}`);
        // Where the money came from: the donor-type breakdown adds up to the donations.
        const rows = startTags(html, 'td').filter((t) => t.attrs['data-amount'] !== undefined);
        assert.ok(rows.length > 0, `${where}: no breakdown rows`);
        assert.equal(yenValue(textOfAttr(html, 'data-value', String(donations)) ?? ''), donations, `${where}: donor-type total`);
        // Audit shown.
        if (y.audit?.opinion) assert.ok(visibleText(html).includes(y.audit.opinion), `${where}: audit opinion`);
        // Named donors: with consent shown, amounts only when published.
        for (const d of y.named_donors ?? []) {
          if (d.consent !== true) continue;
          const text = visibleText(html);
          assert.ok(text.includes(d.name), `${where}: consenting donor ${d.name} missing`);
          if (d.amount_published === true && d.amount !== undefined) assert.ok(text.includes(yenText(d.amount)), `${where}: ${d.name}'s amount`);
        }
        checked++;
      }
      assert.ok(checked > 0, 'no fiscal year page checked');
    });

    test('the grant table: one row per grant, amounts as in the data, footer = the sum', () => {
      for (const f of booked()) {
        const gs = grantsOf(f.id);
        if (!gs.length) continue;
        const html = page(`funds/${f.id}/grants.html`);
        const rows = startTags(html, 'tr').filter((t) => t.attrs['data-year'] !== undefined);
        assert.equal(rows.length, gs.length, `${f.id}: rows`);
        const amounts = startTags(html, 'td').filter((t) => t.attrs['data-amount'] !== undefined).map((t) => Number(t.attrs['data-amount']));
        assert.deepEqual([...amounts].sort((a, b) => a - b), gs.map((g) => g.amount_awarded).sort((a, b) => a - b), `${f.id}: amounts`);
        assert.equal(yenValue(textOfAttr(html, 'data-total', 'awarded')), sum(gs.filter((g) => !cancelled(g)), (g) => g.amount_awarded), `${f.id}: awarded total`);
        assert.equal(yenValue(textOfAttr(html, 'data-total', 'disbursed')), sum(gs.flatMap((g) => g.disbursements ?? []), (d) => d.amount), `${f.id}: disbursed total`);
        const links = targets(`funds/${f.id}/grants.html`, html);
        for (const g of gs) {
          assert.ok(links.includes(`grants/${g.id}.html`), `${f.id}: no link to ${g.id}`);
          assert.ok(links.includes(`organizations/${g.recipient}.html`), `${f.id}: no link to recipient ${g.recipient}`);
        }
        // The 赤い羽根 database's columns are there, and the script that sorts and filters.
        const heads = startTags(html, 'th').length;
        assert.ok(heads >= 12, `${f.id}: too few headers`);
        for (const col of ['助成先', '事業名', '助成の形', '主な受益者', '事業内容', '助成金の使途', '助成決定額', '支払済額', '年度', '状況']) {
          assert.ok(visibleText(html).includes(col), `${f.id}: no column ${col}`);
        }
        assert.ok(startTags(html, 'script').some((t) => (t.attrs.src ?? '').endsWith('assets/js/grant_table.js')), `${f.id}: no grant_table.js`);
        assert.ok(startTags(html, 'form').every((t) => 'hidden' in t.attrs), `${f.id}: the filter form shows without JS`);
      }
    });

    test('every grant has a page linking its recipient and activity; the recipient lists it', () => {
      assert.ok(grants.length > 0, 'no grants in the data');
      for (const g of grants) {
        const html = page(`grants/${g.id}.html`);
        const links = linksOf(`grants/${g.id}.html`);
        assert.ok(links.includes(`organizations/${g.recipient}.html`), `${g.id}: no recipient link`);
        if (g.activity) assert.ok(links.includes(`activities/${g.activity}.html`), `${g.id}: no activity link`);
        assert.ok(links.includes(`funds/${g.fund}.html`), `${g.id}: no fund link`);
        const text = visibleText(html);
        assert.ok(text.includes(yenText(g.amount_awarded)), `${g.id}: amount`);
        for (const d of g.disbursements ?? []) assert.ok(text.includes(yenText(d.amount)), `${g.id}: instalment ${d.amount}`);
        for (const p of g.report_photos ?? []) if (p.credit) assert.ok(text.includes(p.credit), `${g.id}: photo credit`);
        assert.ok(linksOf(`organizations/${g.recipient}.html`).includes(`grants/${g.id}.html`), `organizations/${g.recipient}.html does not list ${g.id}`);
      }
    });

    test('no donor without consent is named anywhere in the output', () => {
      const secret = new Set();
      for (const y of years) for (const d of y.named_donors ?? []) if (d.consent !== true) secret.add(d.name);
      assert.ok(secret.size > 0, 'the data has no donor without consent to check');
      if (site.build) assert.ok(secret.has('佐々木清一'), 'the example data should have 佐々木清一 without consent');
      else assert.ok(secret.has('非公開太郎'));
      const leaks = [];
      for (const rel of walk(b.out)) {
        const buf = fs.readFileSync(path.join(b.out, rel));
        const text = buf.toString('utf8');
        for (const name of secret) if (text.includes(name)) leaks.push(`${rel}: ${name}`);
      }
      assert.deepEqual(leaks, []);
    });

    test('charts are role=img with a title and description; tables have captions and scoped headers; amounts are whole yen', () => {
      const pages = htmlFiles(b.out).filter((p) => p.startsWith('funds/') || p.startsWith('grants/'));
      assert.ok(pages.length > 0);
      let charts = 0;
      for (const p of pages) {
        const html = page(p);
        const toks = tokenize(html);
        for (let k = 0; k < toks.length; k++) {
          const t = toks[k];
          if (t.type !== 'tag') continue;
          if (t.name === 'svg') {
            charts++;
            assert.equal(t.attrs.role, 'img', `${p}: svg without role=img`);
            const ids = (t.attrs['aria-labelledby'] ?? '').split(/\s+/).filter(Boolean);
            assert.equal(ids.length, 2, `${p}: svg aria-labelledby`);
            const title = toks.slice(k + 1).find((x) => x.type === 'tag' && x.name === 'title');
            assert.ok(title && title.attrs.id === ids[0] && (title.text ?? '').trim() !== '', `${p}: svg without a <title>`);
            assert.ok(html.includes(`<desc id="${ids[1]}">`), `${p}: svg without its <desc>`);
          }
          if (t.name === 'table') {
            const next = toks.slice(k + 1).find((x) => x.type === 'tag');
            assert.equal(next?.name, 'caption', `${p}: a table without a caption`);
          }
          if (t.name === 'th') assert.ok(['col', 'row'].includes(t.attrs.scope), `${p}: <th> without scope`);
        }
        assert.doesNotMatch(visibleText(html), /\d\.\d+円/, `${p}: a fractional amount`);
        assert.doesNotMatch(html, /\bNaN\b|\bundefined\b|\bInfinity\b/, `${p}: NaN/undefined`);
      }
      if (booked().some((f) => years.some((y) => y.fund === f.id))) assert.ok(charts > 0, 'no charts at all');
    });
  });
}
