// Broken data gives clear diagnostics (code, file, line), all of them in one run, exit 1; usage
// errors exit 2; a failed build never touches the previous output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import {
  TEST_OUT, build, copyFixture, describeRun, formatDiagnostics, freshDir, hashTree, realDiagnostics, runTool, walk,
} from './lib.mjs';

// 1-based line of the first line of FILE (relative to the site) that contains NEEDLE.
function lineOf(site, file, needle) {
  const lines = fs.readFileSync(path.join(site, file), 'utf8').split('\n');
  const ix = lines.findIndex((l) => l.includes(needle));
  if (ix < 0) throw new Error(`fixture ${file} has no line containing ${needle}`);
  return ix + 1;
}

// Asserts a diagnostic with this code, severity error, one of `files` and `line` exists.
function expectDiag(run, { code, file, line, severity = 'error', what }) {
  const files = Array.isArray(file) ? file : [file];
  const found = run.diagnostics.find((d) => d.code === code && files.includes(d.file) && d.line === line && d.severity === severity);
  if (!found) {
    const near = run.diagnostics.filter((d) => d.code === code || files.includes(d.file));
    assert.fail(`${what ?? code}: expected "${files.join(' or ')}:${line}:…: ${severity}: ${code}: …"\n` +
      `related diagnostics:\n${formatDiagnostics(near)}\nall of stderr:\n${run.stderr || '(empty)'}`);
  }
  assert.ok(found.column > 0, `${code}: no column in ${found.raw}`);
  assert.match(found.message, /[\u3040-\u30ff\u4e00-\u9fff].*\(.+\)$/, `${code}: message should be "日本語 (English)": ${found.raw}`);
  return found;
}

function expectCleanFailure(r, args) {
  assert.equal(r.signal, null, `the tool crashed:\n${describeRun(r, args)}`);
  assert.equal(r.status, 1, `expected exit 1:\n${describeRun(r, args)}`);
  const unparsed = r.diagnostics.filter((d) => d.severity === 'unparsed');
  assert.deepEqual(unparsed.map((d) => d.raw), [], 'stderr lines that are not diagnostics');
}

describe('yaml-syntax fixture', () => {
  test('build exits 1 with yaml.syntax / json.syntax at the broken lines, and writes nothing', () => {
    const site = copyFixture('yaml-syntax');
    const b = build(site, 'bad/yaml-syntax');
    expectCleanFailure(b.run, b.args);
    const file = 'data/activities/broken.yaml';
    expectDiag(b.run, { code: 'yaml.syntax', file, line: lineOf(site, file, 'summary:') });
    const json = 'data/organizations/broken.json';
    expectDiag(b.run, { code: 'json.syntax', file: json, line: lineOf(site, json, '"name":'), what: 'JSON with a single-quoted string' });
    assert.ok(!fs.existsSync(b.out), 'a failed build created the output folder');
  });
});

describe('dangling-ref fixture', () => {
  test('ref.dangling for a missing organization, a missing area and a missing parent area, at the field\'s line', () => {
    const site = copyFixture('dangling-ref');
    const b = build(site, 'bad/dangling-ref');
    expectCleanFailure(b.run, b.args);
    const file = 'data/activities/lost.yaml';
    expectDiag(b.run, { code: 'ref.dangling', file, line: lineOf(site, file, 'organization: no-such-org'), what: 'organization' });
    expectDiag(b.run, { code: 'ref.dangling', file, line: lineOf(site, file, 'no-such-area'), what: 'area' });
    expectDiag(b.run, { code: 'ref.dangling', file: 'data/areas.yaml', line: lineOf(site, 'data/areas.yaml', 'parent: no-such-parent'), what: 'parent area' });
    const d = b.run.diagnostics.find((x) => x.code === 'ref.dangling' && x.message.includes('no-such-org'));
    assert.ok(d, `the ref.dangling message should name the missing id no-such-org:\n${b.run.stderr}`);
  });
});

describe('bad-fields fixture', () => {
  const cases = [
    { what: 'unknown field nmae', code: 'field.unknown', file: 'data/activities/typo-field.yaml', needle: 'nmae:' },
    { what: 'missing name (at the record)', code: 'field.missing', file: 'data/activities/missing-name.yaml', line: 1 },
    { what: 'capacity: たくさん', code: 'field.type', file: 'data/activities/wrong-type.yaml', needle: 'capacity:' },
    { what: 'unknown content type 宇宙旅行', code: 'field.value', file: 'data/activities/unknown-content-type.yaml', needle: '宇宙旅行' },
    { what: 'duplicate id same-id', code: 'id.duplicate', file: ['data/activities/dup-a.yaml', 'data/activities/dup-b.yaml'], needle: 'id: same-id' },
    { what: 'invalid id サロン', code: 'id.invalid', file: 'data/activities/japanese-id.yaml', needle: 'id: サロン' },
    { what: 'municipality code 132994 (check digit)', code: 'area.code', file: 'data/areas.yaml', needle: 'code: "132994"' },
    { what: 'coordinates in Paris', code: 'geo.outside_japan', file: 'data/activities/outside-japan.yaml', needle: 'geo:' },
    { what: 'latitude and longitude swapped', code: 'geo.swapped', file: 'data/activities/swapped-geo.yaml', needle: 'geo:' },
    { what: 'date 2026-13-01', code: 'date.invalid', file: 'data/activities/bad-date.yaml', needle: '2026-13-01' },
    { what: 'phone_note 山田様宅の番号', code: 'privacy.private_phone', file: 'data/activities/private-phone.yaml', needle: '山田様宅' },
    { what: 'url javascript:alert(1)', code: 'url.scheme', file: 'data/activities/js-url.yaml', needle: 'javascript:' },
  ];
  let site;
  let b;
  const setup = () => {
    if (!b) { site = copyFixture('bad-fields'); b = build(site, 'bad/bad-fields'); }
    return b;
  };

  test('build exits 1 cleanly and writes nothing', () => {
    setup();
    expectCleanFailure(b.run, b.args);
    assert.ok(!fs.existsSync(b.out), 'a failed build created the output folder');
  });

  for (const c of cases) {
    test(`${c.code}: ${c.what}`, () => {
      setup();
      const files = Array.isArray(c.file) ? c.file : [c.file];
      const line = c.line ?? lineOf(site, files[0], c.needle);
      expectDiag(b.run, { code: c.code, file: c.file, line, what: c.what });
    });
  }

  test('tsunagu check reports the same diagnostics and exits 1', () => {
    setup();
    const args = ['check', '--source', site];
    const r = runTool(args);
    expectCleanFailure(r, args);
    const key = (d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.code}`;
    assert.deepEqual(realDiagnostics(r.diagnostics).map(key).sort(), realDiagnostics(b.run.diagnostics).map(key).sort());
  });

  test('diagnostics are sorted by file and line, and not repeated', () => {
    setup();
    const ds = b.run.diagnostics.filter((d) => d.file);
    const keys = ds.map((d) => `${d.file}\u0000${String(d.line).padStart(8, '0')}\u0000${String(d.column).padStart(8, '0')}`);
    assert.deepEqual(keys, [...keys].sort(), `diagnostics are not in file/line order:\n${formatDiagnostics(ds)}`);
    const raws = realDiagnostics(b.run.diagnostics).map((d) => d.raw);
    assert.deepEqual(raws.filter((r, i) => raws.indexOf(r) !== i), [], 'repeated diagnostics');
  });
});

describe('injection-url fixture', () => {
  test('javascript:, data:, " JavaScript:" and URLs with quotes or angle brackets are url.scheme errors, exit 1', () => {
    const site = copyFixture('injection-url');
    const b = build(site, 'bad/injection-url');
    expectCleanFailure(b.run, b.args);
    expectDiag(b.run, { code: 'url.scheme', file: 'data/organizations/js-org.yaml', line: lineOf(site, 'data/organizations/js-org.yaml', "url: 'javascript:"), what: 'organization contact url' });
    expectDiag(b.run, { code: 'url.scheme', file: 'data/organizations/js-org.yaml', line: lineOf(site, 'data/organizations/js-org.yaml', 'data:text/html'), what: 'disclosure url' });
    expectDiag(b.run, { code: 'url.scheme', file: 'data/organizations/js-org.yaml', line: lineOf(site, 'data/organizations/js-org.yaml', 'q="><script>'), what: 'URL with a quote and angle brackets' });
    expectDiag(b.run, { code: 'url.scheme', file: 'data/organizations/js-org.yaml', line: lineOf(site, 'data/organizations/js-org.yaml', "x='onmouseover="), what: 'URL with an apostrophe' });
    expectDiag(b.run, { code: 'url.scheme', file: 'data/activities/js-salon.yaml', line: lineOf(site, 'data/activities/js-salon.yaml', 'JavaScript:'), what: 'activity contact url' });
    assert.ok(!fs.existsSync(b.out));
  });
});

describe('malformed and malicious files', () => {
  test('no crash, no hang: each bad file is named in an error, a BOM/CRLF file is fine', () => {
    const site = copyFixture('dangling-ref');
    const dir = path.join(site, 'data', 'activities');
    fs.rmSync(path.join(dir, 'lost.yaml'));
    fs.writeFileSync(path.join(site, 'data', 'areas.yaml'),
      fs.readFileSync(path.join(site, 'data', 'areas.yaml'), 'utf8').replace(/- id: orphan[\s\S]*$/, ''));
    const valid = (id) => [`id: ${id}`, 'name: 正しい活動', 'reading: ただしいかつどう', 'content_types: [交流・サロン]',
      'organization: test-org', 'areas: [kita]', 'status: 活動中', ''];
    const bad = {
      'empty.yaml': '',
      'scalar.yaml': 'ただの文字列です\n',
      'list-of-scalars.yaml': '- a\n- b\n',
      'null-id.yaml': valid('x').join('\n').replace('id: x', 'id:'),
      'number-id.yaml': valid('x').join('\n').replace('id: x', 'id: 12.5e3'),
      // "billion laughs": aliases that expand to 10^9 strings.
      'bomb.yaml': ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`), ''].join('\n'),
      'deep.yaml': `id: deep\nname: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      'deep-map.yaml': `id: deep-map\nname: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`,
      'shift-jis.yaml': Buffer.concat([Buffer.from('id: sjis\nname: '), Buffer.from([0x83, 0x54, 0x83, 0x8d, 0x83, 0x93]), Buffer.from('\n')]),
      'nul-byte.yaml': Buffer.from('id: nul\nname: a\u0000b\n'),
      'dup-key.yaml': valid('dup-key').join('\n') + 'name: 二つ目の名前\n',
      'bad.json': '{"id": "bad-json", "name": "x", "name": "y"',
      'huge-line.yaml': `id: huge-line\nname: ${'あ'.repeat(300000)}\ncontent_types: [交流・サロン]\n`,
    };
    for (const [f, body] of Object.entries(bad)) fs.writeFileSync(path.join(dir, f), body);
    fs.writeFileSync(path.join(dir, 'bom-crlf.yaml'), `\uFEFF${valid('bom-crlf').join('\r\n')}`);

    const out = path.join(freshDir('malformed'), 'site');
    const args = ['build', '--source', site, '--out', out];
    const started = Date.now();
    const r = runTool(args, { timeout: 120_000 });
    assert.ok(!r.error, `the tool did not finish: ${r.error?.message}`);
    assert.equal(r.signal, null, `the tool crashed:\n${describeRun(r, args)}`);
    assert.equal(r.status, 1, describeRun(r, args));
    assert.ok(Date.now() - started < 60_000, 'took more than a minute');
    const named = (f) => r.diagnostics.some((d) => d.file === `data/activities/${f}` && d.severity === 'error');
    // huge-line is valid YAML and a valid record unless the tool limits the size; either is fine.
    const missing = Object.keys(bad).filter((f) => f !== 'huge-line.yaml' && f !== 'empty.yaml' && !named(f));
    assert.deepEqual(missing, [], `files without an error naming them:\n${r.stderr.slice(0, 6000)}`);
    assert.ok(r.diagnostics.some((d) => d.file === 'data/activities/empty.yaml'), 'an empty file should at least be a warning');
    const bomErrors = r.diagnostics.filter((d) => d.file === 'data/activities/bom-crlf.yaml');
    assert.deepEqual(bomErrors.map((d) => d.raw), [], 'a UTF-8 BOM and CRLF line ends are fine');
    assert.ok(r.stderr.length < 200_000, `stderr is ${r.stderr.length} bytes: messages should quote long values briefly`);
  });
});

describe('usage errors exit 2', () => {
  test('an unknown option', () => {
    const site = copyFixture('good');
    const out = path.join(freshDir('usage'), 'site');
    const args = ['build', '--source', site, '--out', out, '--no-such-option'];
    const r = runTool(args);
    assert.equal(r.status, 2, describeRun(r, args));
    assert.match(r.stderr, /--no-such-option/, 'the message should name the unknown option');
    assert.ok(!fs.existsSync(out), 'a usage error must not build anything');
  });

  test('a missing source folder', () => {
    const out = path.join(freshDir('usage-missing'), 'site');
    const args = ['build', '--source', path.join(TEST_OUT, 'no-such-folder'), '--out', out];
    const r = runTool(args);
    assert.equal(r.status, 2, describeRun(r, args));
    assert.ok(r.stderr.trim() !== '', 'no message');
    assert.ok(!fs.existsSync(out));
  });

  test('check with a missing source folder', () => {
    const args = ['check', '--source', path.join(TEST_OUT, 'no-such-folder')];
    const r = runTool(args);
    assert.equal(r.status, 2, describeRun(r, args));
  });

  test('an unknown subcommand', () => {
    const args = ['frobnicate'];
    const r = runTool(args);
    assert.equal(r.status, 2, describeRun(r, args));
  });

  test('--help and --version exit 0 and print to stdout', () => {
    for (const args of [['--help'], ['--version']]) {
      const r = runTool(args);
      assert.equal(r.status, 0, describeRun(r, args));
      assert.ok(r.stdout.trim() !== '', `${args[0]} printed nothing on stdout`);
    }
  });
});

describe('a build never leaves half a site', () => {
  test('a failed build leaves the previous output untouched and no temp folders beside it', () => {
    const parent = freshDir('atomic-fail');
    const out = path.join(parent, 'site');
    const good = copyFixture('good');
    const args = ['build', '--source', good, '--out', out];
    const r1 = runTool(args);
    assert.equal(r1.status, 0, describeRun(r1, args));
    const before = hashTree(out);
    assert.ok(Object.keys(before).length > 5);
    const beforeSiblings = fs.readdirSync(parent).sort();
    assert.deepEqual(beforeSiblings, ['site'], 'temp folders left beside the output after a good build');

    for (const broken of ['bad-fields', 'dangling-ref', 'yaml-syntax']) {
      const bad = copyFixture(broken);
      const args2 = ['build', '--source', bad, '--out', out];
      const r2 = runTool(args2);
      assert.equal(r2.status, 1, describeRun(r2, args2));
      assert.deepEqual(hashTree(out), before, `the output changed after the failed build of ${broken}`);
      assert.deepEqual(fs.readdirSync(parent).sort(), ['site'], `temp folders left beside the output after the failed build of ${broken}`);
    }
  });

  test('a good build replaces the previous output completely (stale files go)', () => {
    const parent = freshDir('atomic-replace');
    const out = path.join(parent, 'site');
    const good = copyFixture('good');
    const args = ['build', '--source', good, '--out', out];
    assert.equal(runTool(args).status, 0);
    fs.writeFileSync(path.join(out, 'stale.html'), '<!doctype html><title>stale</title>');
    fs.rmSync(path.join(good, 'data', 'activities', 'kimama-sanpo.yaml'));
    const r = runTool(args);
    assert.equal(r.status, 0, describeRun(r, args));
    const files = walk(out);
    assert.ok(!files.includes('stale.html'), 'a file from before the build survived');
    assert.ok(!files.includes('activities/kimama-sanpo.html'), 'the page of a deleted record survived');
    assert.ok(files.includes('activities/sakuragaoka-salon.html'));
    assert.deepEqual(fs.readdirSync(parent).sort(), ['site'], 'temp folders left beside the output');
  });

  test('a folder with files tsunagu did not write is refused and left as it was (README)', () => {
    const parent = freshDir('atomic-foreign');
    const out = path.join(parent, 'mine');
    fs.mkdirSync(path.join(out, 'photos'), { recursive: true });
    fs.writeFileSync(path.join(out, 'thesis.txt'), '大事なファイル');
    fs.writeFileSync(path.join(out, 'photos', 'a.jpg'), 'jpeg');
    const before = hashTree(out);
    const args = ['build', '--source', copyFixture('good'), '--out', out];
    const r = runTool(args);
    assert.notEqual(r.status, 0, `a foreign folder was accepted:\n${describeRun(r, args)}`);
    assert.equal(r.signal, null);
    assert.deepEqual(hashTree(out), before, 'the foreign folder changed');
    assert.deepEqual(fs.readdirSync(parent), ['mine'], 'temp folders left beside the output');
  });

  test('the source folder, or a folder that contains it, is refused as output', () => {
    // A folder of its own, so a tool that accepted it could destroy nothing else.
    const holder = freshDir('atomic-src');
    const site = path.join(holder, 'site');
    fs.cpSync(copyFixture('good'), site, { recursive: true });
    const before = hashTree(site);
    for (const out of [site, holder]) {
      const args = ['build', '--source', site, '--out', out];
      const r = runTool(args);
      assert.notEqual(r.status, 0, `--out ${out} was accepted:\n${describeRun(r, args)}`);
      assert.equal(r.signal, null);
      assert.deepEqual(hashTree(site), before, 'the source folder changed');
    }
  });

  test('an output folder that is a file is refused without destroying it', () => {
    const parent = freshDir('atomic-file');
    const out = path.join(parent, 'site');
    fs.writeFileSync(out, 'not a folder');
    const good = copyFixture('good');
    const args = ['build', '--source', good, '--out', out];
    const r = runTool(args);
    assert.notEqual(r.status, 0, describeRun(r, args));
    assert.equal(r.signal, null);
    assert.equal(fs.readFileSync(out, 'utf8'), 'not a folder');
  });
});
