// tsunagu import: the six real 子ども食堂 files give the right counts and a site that builds;
// the messy fixture reads the same in UTF-8, UTF-8 with two BOMs, CP932 and UTF-16; private
// values never reach the records or the built site; ids are stable, hand edits and
// overrides survive a re-import; other datasets and bad files are reported with file:line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import {
  REPO_DIR, SOURCE_DIR, build, copyExampleSite, describeRun, formatDiagnostics, freshDir, realDiagnostics, runTool, walk,
} from './lib.mjs';

const REAL_DIR = path.resolve(SOURCE_DIR, '..', 'shared', 'data', 'kodomo-shokudo');
const FIXTURES = path.join(REPO_DIR, 'tests', 'fixtures', 'import');

function importInto(dir, files, extra = []) {
  const args = ['import', '--into', dir, ...extra, ...files];
  const r = runTool(args);
  r.args = args;
  return r;
}

// "FILE: dataset\n  読んだ行 7 · 取り込み 7（変更なし 0） · 統合 0 · 取り込まず 0 · 非公開にした値 0" → counts by file name.
function countsOf(stdout) {
  const out = {};
  const re = /^(.+?): (.+)\n {2}読んだ行 (\d+) · 取り込み (\d+)（変更なし (\d+)） · 統合 (\d+) · 取り込まず (\d+) · 非公開にした値 (\d+)/gm;
  for (const m of stdout.matchAll(re)) {
    out[path.basename(m[1])] = {
      dataset: m[2], read: +m[3], imported: +m[4], unchanged: +m[5], merged: +m[6], skipped: +m[7], heldBack: +m[8],
    };
  }
  return out;
}

// A record file without the import stamp and the source line (which names the file).
function recordBody(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('# tsunagu import') && !l.startsWith('source:')).join('\n');
}

function allText(dir) {
  return walk(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')]);
}

describe('the six real files', () => {
  const real = fs.readdirSync(REAL_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(REAL_DIR, f));
  const dir = freshDir('import-real');
  const r = importInto(dir, real);

  test('import succeeds with the right count per file', () => {
    assert.equal(r.status, 0, describeRun(r, r.args));
    const c = countsOf(r.stdout);
    const want = {
      '131059_bunkyo_kodomosyokudo.csv': { read: 7, imported: 7, merged: 0, skipped: 0 },
      '131130_shibuyaku_kodomosyokudo.csv': { read: 52, imported: 52, merged: 0, skipped: 0 },
      '131202_nerimaku_kodomosyokudo.csv': { read: 40, imported: 40, merged: 0, skipped: 0 },
      '132152_kunitachishi_kodomosyokudo.csv': { read: 12, imported: 12, merged: 0, skipped: 0 },
      '132152_kunitachishi_kodomosyokudo_tsuika.csv': { read: 2, imported: 0, merged: 2, skipped: 0 },
      '15_182109_kodomoshokudo.csv': { read: 6, imported: 6, merged: 0, skipped: 0 },
    };
    for (const [file, w] of Object.entries(want)) {
      assert.ok(c[file], `no counts for ${file} in:\n${r.stdout}`);
      for (const k of Object.keys(w)) assert.equal(c[file][k], w[k], `${file} ${k}`);
    }
    assert.match(c['15_182109_kodomoshokudo.csv'].dataset, /旧形式/);
    assert.match(c['131202_nerimaku_kodomosyokudo.csv'].dataset, /新形式/);
    const files = fs.readdirSync(path.join(dir, 'data', 'activities'));
    assert.equal(files.length, 7 + 52 + 40 + 12 + 2 + 6);
  });

  test('ids follow dataset, municipality code and ID; the older layout adds the check digit', () => {
    const files = new Set(fs.readdirSync(path.join(dir, 'data', 'activities')));
    for (const f of ['kodomo-131059-1.yaml', 'kodomo-131202-40.yaml', 'kodomo-182109-1.yaml', 'kodomo-132152-7-2.yaml'])
      assert.ok(files.has(f), `${f} missing`);
    // 渋谷区's file has no IDs: hashes of name and address.
    assert.equal([...files].filter((f) => /^kodomo-131130-h[0-9a-f]{8}\.yaml$/.test(f)).length, 52);
  });

  test('values are cleaned: readings in hiragana, 開催曜日 with its code, URLs broken by line ends joined', () => {
    const bunkyo = fs.readFileSync(path.join(dir, 'data', 'activities', 'kodomo-131059-1.yaml'), 'utf8');
    assert.match(bunkyo, /^reading: おもてなししょくどう$/m);
    assert.match(bunkyo, /text: 月1回 木曜 17:00〜18:00/);
    assert.match(bunkyo, /\{person: 大人, amount: 300\}/);
    const kunitachi = fs.readFileSync(path.join(dir, 'data', 'activities', 'kodomo-132152-1.yaml'), 'utf8');
    assert.match(kunitachi, /geo: \{lat: 35\.6980808, lon: 139\.4474999\}/);
    const nerima = fs.readdirSync(path.join(dir, 'data', 'activities')).filter((f) => f.startsWith('kodomo-131202-'))
      .map((f) => fs.readFileSync(path.join(dir, 'data', 'activities', f), 'utf8')).join('\n');
    assert.ok(!/url: .*\s{2,}/.test(nerima));
    assert.ok((nerima.match(/url: https?:\/\//g) ?? []).length >= 12, 'URLs of 練馬区 were lost');
  });

  test('the new site builds without errors and shows every record', () => {
    const b = build(dir, 'import-real-site');
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    const errors = realDiagnostics(b.run.diagnostics).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], formatDiagnostics(errors));
    for (const f of fs.readdirSync(path.join(dir, 'data', 'activities')))
      assert.ok(fs.existsSync(path.join(b.out, 'activities', f.replace(/\.yaml$/, '.html'))), `no page for ${f}`);
  });
});

describe('the messy fixture', () => {
  const variants = ['messy-utf8.csv', 'messy-2bom.csv', 'messy-cp932.csv', 'messy-utf16.csv'];
  const runs = Object.fromEntries(variants.map((v) => {
    const dir = freshDir(`import-${v}`);
    return [v, { dir, r: importInto(dir, [path.join(FIXTURES, v)]) }];
  }));

  test('every encoding gives the same records and counts', () => {
    const base = runs['messy-utf8.csv'];
    assert.equal(base.r.status, 0, describeRun(base.r, base.r.args));
    const names = fs.readdirSync(path.join(base.dir, 'data', 'activities')).sort();
    assert.deepEqual(names, ['kodomo-132993-2.yaml', 'kodomo-132993-3.yaml', 'kodomo-132993-4.yaml',
      'kodomo-132993-a1.yaml', names.find((n) => /^kodomo-132993-h[0-9a-f]{8}\.yaml$/.test(n))].sort());
    for (const v of variants.slice(1)) {
      const { dir, r } = runs[v];
      assert.equal(r.status, 0, describeRun(r, r.args));
      assert.deepEqual(fs.readdirSync(path.join(dir, 'data', 'activities')).sort(), names, v);
      for (const n of names)
        assert.equal(recordBody(path.join(dir, 'data', 'activities', n)), recordBody(path.join(base.dir, 'data', 'activities', n)), `${v}: ${n}`);
      const c = countsOf(r.stdout)[v];
      assert.deepEqual({ read: c.read, imported: c.imported, skipped: c.skipped, heldBack: c.heldBack },
        { read: 6, imported: 5, skipped: 1, heldBack: 2 }, v);
    }
    assert.match(countsOf(runs['messy-cp932.csv'].r.stdout)['messy-cp932.csv'].dataset, /子ども食堂一覧/);
    assert.match(runs['messy-cp932.csv'].r.stdout, /シフトJIS|CP932/);
    assert.match(runs['messy-2bom.csv'].r.stdout, /BOM 2/);
  });

  test('swapped coordinates, full-width digits, spaces in IDs, half-width kana, times and capacity are read', () => {
    const a1 = fs.readFileSync(path.join(runs['messy-utf8.csv'].dir, 'data', 'activities', 'kodomo-132993-a1.yaml'), 'utf8');
    assert.match(a1, /geo: \{lat: 35\.72052, lon: 139\.40175\}/);
    assert.match(a1, /address: あおば市青葉町2丁目1-1/);
    assert.match(a1, /phone: "042-000-9901"/);
    assert.match(a1, /^reading: みんなのしょくどう ひまわり$/m);
    assert.match(a1, /^schedule: 毎月第4日曜日 11:00〜13:30$/m);
    assert.match(a1, /\{person: 大人, amount: 300\}/);
    assert.match(a1, /fee_note: 大人はカンパも歓迎/);
    assert.match(a1, /booking: 電話・メール（前日まで）/);
    const warnings = realDiagnostics(runs['messy-utf8.csv'].r.diagnostics);
    assert.ok(warnings.some((d) => d.code === 'import.coordinates_swapped' && d.line === 2), formatDiagnostics(warnings));
    assert.ok(warnings.some((d) => d.code === 'import.no_name' && d.line === 9), formatDiagnostics(warnings));
    const nijiiro = fs.readFileSync(path.join(runs['messy-utf8.csv'].dir, 'data', 'activities', 'kodomo-132993-2.yaml'), 'utf8');
    assert.match(nijiiro, /^name: こども食堂 にじいろ$/m);  // the quoted line break became a space
    assert.match(nijiiro, /text: 毎週月・火・木・金・土・日曜 17:00〜19:00/);
  });

  test('a private home and a private phone never reach the records or the site; the report lists them', () => {
    const { dir } = runs['messy-cp932.csv'];
    const secrets = ['山田', '042-000-9902', '北野台3丁目5-2'];
    for (const [rel, text] of allText(path.join(dir, 'data')))
      for (const s of secrets) assert.ok(!text.includes(s), `${s} in data/${rel}`);
    const report = fs.readFileSync(path.join(dir, 'import', 'reports', 'messy-cp932.md'), 'utf8');
    for (const s of secrets) assert.ok(report.includes(s), `${s} missing from the review list`);
    assert.match(report, /090-1111-2222/);  // a mobile number: published, listed for a check
    const nijiiro = fs.readFileSync(path.join(dir, 'data', 'activities', 'kodomo-132993-2.yaml'), 'utf8');
    assert.match(nijiiro, /private_home: true/);
    assert.match(nijiiro, /address: あおば市北野台3丁目$/m);
    const b = build(dir, 'import-messy-site');
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    for (const [rel, text] of allText(b.out))
      for (const s of secrets) assert.ok(!text.includes(s), `${s} published in ${rel}`);
  });

  test('into the example site: 学区 finds the area, the site still builds', () => {
    const dir = copyExampleSite('import-into-example');
    const r = importInto(dir, [path.join(FIXTURES, 'messy-utf8.csv')]);
    assert.equal(r.status, 0, describeRun(r, r.args));
    const a1 = fs.readFileSync(path.join(dir, 'data', 'activities', 'kodomo-132993-a1.yaml'), 'utf8');
    assert.match(a1, /^areas: \[kita\]$/m);
    assert.match(fs.readFileSync(path.join(dir, 'data', 'activities', 'kodomo-132993-3.yaml'), 'utf8'), /^areas: \[aoba\]$/m);
    assert.ok(!fs.readFileSync(path.join(dir, 'site.yaml'), 'utf8').includes('tsunagu import'), 'site.yaml was replaced');
    const b = build(dir, 'import-into-example-site');
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    assert.ok(fs.existsSync(path.join(b.out, 'activities', 'kodomo-132993-a1.html')));
  });
});

describe('re-import', () => {
  test('ids are stable, unchanged files are left alone, hand edits are kept, overrides apply', () => {
    const dir = freshDir('import-again');
    const file = path.join(FIXTURES, 'messy-utf8.csv');
    const first = importInto(dir, [file]);
    assert.equal(first.status, 0, describeRun(first, first.args));
    const acts = path.join(dir, 'data', 'activities');
    const before = Object.fromEntries(fs.readdirSync(acts).map((f) => [f, fs.readFileSync(path.join(acts, f), 'utf8')]));

    const again = importInto(dir, [file]);
    assert.equal(again.status, 0);
    assert.equal(countsOf(again.stdout)['messy-utf8.csv'].unchanged, 5);
    for (const [f, text] of Object.entries(before)) assert.equal(fs.readFileSync(path.join(acts, f), 'utf8'), text, f);

    // A hand edit in a generated file is kept and reported.
    const edited = path.join(acts, 'kodomo-132993-3.yaml');
    fs.writeFileSync(edited, before['kodomo-132993-3.yaml'].replace('水曜食堂', '水曜食堂（手直し）'));
    // Overrides: a new name for one record, skip for another.
    fs.mkdirSync(path.join(dir, 'import'), { recursive: true });
    const overrides = 'kodomo-132993-4:\n  name: 第2・第4水曜の会\n  content_types: [子ども食堂, 学習支援]\nkodomo-132993-a1:\n  skip: true\nnot-an-id:\n  name: x\n';
    fs.writeFileSync(path.join(dir, 'import', 'overrides.yaml'), overrides);
    fs.rmSync(path.join(acts, 'kodomo-132993-a1.yaml'));
    const third = importInto(dir, [file]);
    assert.equal(third.status, 0, describeRun(third, third.args));
    assert.match(fs.readFileSync(edited, 'utf8'), /水曜食堂（手直し）/);
    const ds = realDiagnostics(third.diagnostics);
    assert.ok(ds.some((d) => d.code === 'import.hand_edited' && d.line === 7), formatDiagnostics(ds));
    assert.ok(ds.some((d) => d.code === 'import.override_unused' && d.message.includes('not-an-id')), formatDiagnostics(ds));
    const four = fs.readFileSync(path.join(acts, 'kodomo-132993-4.yaml'), 'utf8');
    assert.match(four, /^name: 第2・第4水曜の会$/m);
    assert.match(four, /^content_types: \[子ども食堂, 学習支援\]$/m);
    assert.ok(!fs.existsSync(path.join(acts, 'kodomo-132993-a1.yaml')), 'skip: true was not honoured');
    assert.equal(fs.readFileSync(path.join(dir, 'import', 'overrides.yaml'), 'utf8'), overrides, 'overrides.yaml was rewritten');
    const c = countsOf(third.stdout)['messy-utf8.csv'];
    assert.equal(c.skipped, 3);  // the row without a name, the hand-edited file, the skipped id
  });
});

describe('other datasets and bad files', () => {
  test('介護サービス事業所一覧 (older layout) and イベント一覧, with --content-type for rows that do not tell', () => {
    const dir = freshDir('import-others');
    const r = importInto(dir, [path.join(FIXTURES, 'care-old-layout.csv'), path.join(FIXTURES, 'events.csv')],
      ['--content-type', '多世代交流', '--as-of', '2026-11-01']);
    assert.equal(r.status, 0, describeRun(r, r.args));
    const acts = path.join(dir, 'data', 'activities');
    const care = fs.readFileSync(path.join(acts, 'kaigo-132993-1.yaml'), 'utf8');
    assert.match(care, /^content_types: \[配食\]$/m);
    assert.match(care, /^schedule: 毎週月・火・水・木・金曜（祝日は休み）$/m);
    assert.match(care, /^as_of: "2026-11-01"$/m);
    assert.match(fs.readFileSync(path.join(acts, 'kaigo-132993-2.yaml'), 'utf8'), /^content_types: \[多世代交流\]$/m);
    const cafe = fs.readFileSync(path.join(acts, 'event-132993-ev-01.yaml'), 'utf8');
    assert.match(cafe, /^content_types: \[認知症カフェ\]$/m);
    assert.match(cafe, /^schedule: "2026年12月5日 10:00〜12:00"$/m);
    const orgs = fs.readdirSync(path.join(dir, 'data', 'organizations')).map((f) => fs.readFileSync(path.join(dir, 'data', 'organizations', f), 'utf8'));
    assert.ok(orgs.some((o) => /name: 社会福祉法人あけぼの会/.test(o) && /legal_form: 社会福祉法人/.test(o)));
    const b = build(dir, 'import-others-site');
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
  });

  test('without --content-type such rows are errors at file:line; a file that is no dataset is an error', () => {
    const dir = freshDir('import-bad');
    const r = importInto(dir, [path.join(FIXTURES, 'events.csv'), path.join(FIXTURES, 'not-a-dataset.csv'),
      path.join(FIXTURES, 'no-such-file.csv')]);
    assert.equal(r.status, 1, describeRun(r, r.args));
    const ds = realDiagnostics(r.diagnostics);
    assert.ok(ds.some((d) => d.code === 'import.content_type' && d.file.endsWith('events.csv') && d.line === 3), formatDiagnostics(ds));
    assert.ok(ds.some((d) => d.code === 'import.unknown_dataset' && d.file.endsWith('not-a-dataset.csv') && d.line === 1), formatDiagnostics(ds));
    assert.ok(ds.some((d) => d.code === 'import.read' && d.file.endsWith('no-such-file.csv')), formatDiagnostics(ds));
    for (const d of ds.filter((x) => x.severity === 'error')) assert.match(d.message, /[ぁ-んァ-ン一-龯].*\(.*[a-z]/, `not bilingual: ${d.raw}`);
    assert.ok(fs.existsSync(path.join(dir, 'data', 'activities', 'event-132993-ev-01.yaml')), 'good rows must still be imported');
  });

  test('usage errors exit 2', () => {
    for (const args of [['import', 'x.csv'], ['import', '--into', freshDir('import-usage')], ['build', '--into', 'x'],
      ['import', '--into', 'x', '--content-type', 'ない種類', 'a.csv']]) {
      const r = runTool(args);
      assert.equal(r.status, 2, describeRun(r, args));
    }
  });
});

describe('round trip', () => {
  test('the example site exported to 自治体標準 CSV and imported again gives the same records', () => {
    const first = build(SOURCE_DIR, 'roundtrip-site1');
    assert.equal(first.run.status, 0, describeRun(first.run, first.args));
    const dir = copyExampleSite('roundtrip-src');
    fs.rmSync(path.join(dir, 'data', 'activities'), { recursive: true });
    const csv = path.join(first.out, 'opendata', 'activities.csv');
    const r = importInto(dir, [csv]);
    assert.equal(r.status, 0, describeRun(r, r.args));
    const c = countsOf(r.stdout)['activities.csv'];
    assert.match(c.dataset, /tsunagu/);
    const originalIds = fs.readdirSync(path.join(SOURCE_DIR, 'data', 'activities')).map((f) => f.replace(/\.ya?ml$/, '')).sort();
    const importedIds = fs.readdirSync(path.join(dir, 'data', 'activities')).map((f) => f.replace(/\.yaml$/, '')).sort();
    assert.deepEqual(importedIds, originalIds);
    assert.equal(c.imported, originalIds.length);
    const second = build(dir, 'roundtrip-site2');
    assert.equal(second.run.status, 0, describeRun(second.run, second.args));
    // Every field the CSV carries came back unchanged: exporting again gives the same bytes.
    assert.equal(fs.readFileSync(path.join(second.out, 'opendata', 'activities.csv'), 'utf8'), fs.readFileSync(csv, 'utf8'));
  });
});
