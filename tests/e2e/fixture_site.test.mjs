// The small `good` fixture: every file format, --base-url, private-home venues, the structured
// schedule form, an unreadable schedule (a warning, kept as written), static files, and the
// Japanese Markdown rules of README.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import {
  build, copyFixture, describeRun, formatDiagnostics, readText, realDiagnostics, runTool, visibleText, walk,
} from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const BASE = 'https://tsunagu.test/sub/dir/';
let site;
let b;
let files;

before(() => {
  site = copyFixture('good');
  b = build(site, 'fixture-good', ['--base-url', BASE]);
  assert.equal(b.run.status, 0, describeRun(b.run, b.args));
  files = walk(b.out);
});

function lineOf(file, needle) {
  return fs.readFileSync(path.join(site, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

test('the only diagnostic is the schedule.unreadable warning for the schedule nobody can parse', () => {
  const ds = realDiagnostics(b.run.diagnostics);
  const file = 'data/activities/kimama-sanpo.yaml';
  const want = ds.filter((d) => d.code === 'schedule.unreadable' && d.severity === 'warning' && d.file === file && d.line === lineOf(file, 'schedule:'));
  assert.equal(want.length, 1, `expected one "${file}:${lineOf(file, 'schedule:')}:…: warning: schedule.unreadable", got:\n${formatDiagnostics(ds)}`);
  assert.deepEqual(ds.filter((d) => d !== want[0]).map((d) => d.raw), [], 'other diagnostics');
});

test('check agrees: exit 0 and the same warning', () => {
  const args = ['check', '--source', site];
  const r = runTool(args);
  assert.equal(r.status, 0, describeRun(r, args));
  assert.deepEqual(realDiagnostics(r.diagnostics).map((d) => d.raw), realDiagnostics(b.run.diagnostics).map((d) => d.raw),
    'check should report exactly what build reports');
});

test('every record has its page, whatever the file format (.yaml, .yml, .json)', () => {
  for (const f of [
    'index.html', '404.html', 'sitemap.xml', 'robots.txt', 'assets/style.css', 'assets/print.css',
    'activities/sakuragaoka-salon.html', 'activities/engawa-cafe.html', 'activities/minami-shokudo.html', 'activities/kimama-sanpo.html',
    'organizations/sakuragaoka-jichikai.html', 'organizations/test-shakyo.html', 'consultation/kita-houkatsu.html',
    'areas/testcity.html', 'areas/kita.html', 'areas/kita-sakuragaoka.html', 'areas/minami.html',
    'categories/index.html', 'categories/salon.html', 'categories/exercise.html', 'categories/kodomo-shokudo.html',
    'categories/communal-meals.html', 'categories/transport.html', 'categories/intergenerational.html',
    'targets/older-people.html', 'targets/living-alone.html', 'targets/everyone.html', 'targets/children.html',
    'targets/parents.html', 'targets/dementia.html', 'about.html', 'how-to-use.html', 'static/files/leaflet.txt',
  ]) assert.ok(files.includes(f), `missing ${f}`);
  assert.match(visibleText(readText(b.out, 'activities/minami-shokudo.html')), /みなみ子ども食堂/);
});

test('--base-url overrides site.yaml in sitemap.xml and robots.txt', () => {
  const xml = readText(b.out, 'sitemap.xml');
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  assert.ok(locs.length > 10);
  assert.deepEqual(locs.filter((l) => !l.startsWith(BASE)), []);
  assert.ok(locs.includes(`${BASE}activities/engawa-cafe.html`));
  assert.doesNotMatch(xml, /example\.org\/good/);
  assert.match(readText(b.out, 'robots.txt'), new RegExp(`^Sitemap: ${BASE.replace(/[./]/g, '\\$&')}sitemap\\.xml$`, 'm'));
});

test('a private-home venue publishes only the 町丁目 and a rounded point, nowhere in the output', () => {
  const leaks = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(b.out, f), 'utf8');
    for (const secret of ['17-23', '１７－２３', '35.701234', '139.752345', '35.70123', '139.75234']) {
      if (text.includes(secret)) leaks.push(`${f} contains ${secret}`);
    }
  }
  assert.deepEqual(leaks, []);
  assert.match(visibleText(readText(b.out, 'activities/engawa-cafe.html')), /桜ヶ丘2丁目/);
});

test('schedules: the text as written, for plain, structured and unreadable schedules', () => {
  const page = (id) => visibleText(readText(b.out, `activities/${id}.html`));
  assert.ok(page('sakuragaoka-salon').includes('毎月第2・第4水曜 10:00〜12:00（祝日は休み）'));
  assert.ok(page('engawa-cafe').includes('隔週火曜 13:30〜15:00'));
  assert.ok(page('minami-shokudo').includes('毎週金曜 17:00〜19:00'));
  assert.ok(page('kimama-sanpo').includes('みんなの都合のよい日'));
  assert.ok(visibleText(readText(b.out, 'consultation/kita-houkatsu.html')).includes('平日 8:30〜17:15（祝日・年末年始は休み）'));
});

test('Japanese Markdown: **「強調」** is emphasis and a soft break between Japanese characters disappears', () => {
  const salon = readText(b.out, 'activities/sakuragaoka-salon.html');
  assert.match(salon, /<strong>「手ぶらで」<\/strong>/);
  assert.doesNotMatch(salon, /\*\*「手ぶらで」\*\*/);
  assert.match(salon, /開いています。はじめての方/);
  const about = readText(b.out, 'about.html');
  assert.match(about, /改行しても、余計な空白は入りません。/);
  assert.match(readText(b.out, 'organizations/sakuragaoka-jichikai.html'), /<strong>見守り<\/strong>/);
});

test('the tool never writes into the source folder', () => {
  const created = walk(site).filter((f) => !fs.existsSync(path.join(copyFixtureSource(), f)));
  assert.deepEqual(created, []);
});

function copyFixtureSource() {
  return path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'sites', 'good');
}
