// tsunagu new DIR: a minimal site with one example of every record kind of README, which
// `check` and `build` accept without a single diagnostic (warnings and notes count as failures),
// and whose pages of every kind are built. new refuses a non-empty folder (exit 2, nothing
// changed) and a missing DIR (exit 2).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import {
  REPO_DIR, contentSlugs, describeRun, formatDiagnostics, freshDir, freshOutPath, readRecords, realDiagnostics, runTool,
  walk,
} from './lib.mjs';

// The site folder layout README documents ("A site is a folder"): every data/, handbooks/ and
// content/ entry of its code block, e.g. "data/activities/*.yaml" or "data/funds/".
function readmeSiteEntries() {
  const readme = fs.readFileSync(path.join(REPO_DIR, 'README.md'), 'utf8');
  const start = readme.indexOf('A site is a folder:');
  assert.ok(start >= 0, 'README has no "A site is a folder:" section');
  const open = readme.indexOf('```', start);
  const close = readme.indexOf('```', open + 3);
  const block = readme.slice(open + 3, close);
  const entries = new Set();
  for (const line of block.split('\n'))
    for (const m of line.matchAll(/(?:^|[\s,])((?:data|handbooks|content)\/[^\s,]*)/g)) entries.add(m[1]);
  return [...entries];
}

// Every file under dir with its bytes and modification time, to prove nothing changed.
function snapshot(dir) {
  return walk(dir).map((rel) => {
    const abs = path.join(dir, rel);
    return [rel, fs.readFileSync(abs, 'utf8'), fs.statSync(abs).mtimeMs];
  });
}

function assertNoDiagnostics(r, args, what) {
  assert.equal(r.status, 0, `${what} failed:\n${describeRun(r, args)}`);
  const ds = realDiagnostics(r.diagnostics);
  assert.equal(ds.length, 0, `${what} must give no diagnostic of any severity, got:\n${formatDiagnostics(ds)}`);
  assert.equal(r.stderr.trim(), '', `${what} wrote to stderr:\n${r.stderr}`);
}

describe('tsunagu new DIR', () => {
  const site = freshOutPath('new-site/mysite');
  const made = runTool(['new', site]);

  test('makes the folder, lists what it made and tells the next commands', () => {
    assert.equal(made.status, 0, describeRun(made, ['new', site]));
    assert.equal(made.stderr, '');
    assert.ok(fs.existsSync(path.join(site, 'site.yaml')));
    for (const rel of walk(site)) assert.ok(made.stdout.includes(rel), `the list does not name ${rel}:\n${made.stdout}`);
    for (const cmd of ['tsunagu check', 'tsunagu build', 'tsunagu serve', 'tsunagu handbook'])
      assert.ok(made.stdout.includes(cmd), `no "${cmd}" among the next commands:\n${made.stdout}`);
  });

  test('holds a file for every record kind README lists', () => {
    const entries = readmeSiteEntries();
    // The README block names at least these; if it grows, the template must grow with it.
    for (const must of ['data/areas.yaml', 'data/organizations/*.yaml', 'data/activities/*.yaml', 'data/consultation/*.yaml',
      'data/difficulties/*.yaml', 'data/synonyms.yaml', 'data/funds/', 'data/fund-years/', 'data/grants/',
      'data/cases/*.yaml', 'data/networks/*.yaml', 'data/council-reports/*.yaml', 'data/gap-matrix.yaml',
      'handbooks/*.yaml', 'content/*.md'])
      assert.ok(entries.includes(must), `README's site layout no longer lists ${must}: ${entries.join(' ')}`);
    for (const entry of entries) {
      if (entry.endsWith('/') || entry.includes('*')) {
        const folder = entry.endsWith('/') ? entry : path.posix.dirname(entry);
        const ext = entry.includes('*') ? path.posix.extname(entry) : null;
        const dir = path.join(site, folder);
        assert.ok(fs.existsSync(dir), `no ${folder} in the new site`);
        const files = fs.readdirSync(dir).filter((f) => (ext ? f.endsWith(ext) : /\.(ya?ml|json)$/.test(f)));
        assert.ok(files.length >= 1, `${folder} of the new site holds no record file`);
      } else {
        assert.ok(fs.statSync(path.join(site, entry), { throwIfNoEntry: false })?.isFile(), `no ${entry} in the new site`);
      }
    }
    for (const f of ['README.md', 'content/about.md', 'content/accessibility.md'])
      assert.ok(fs.existsSync(path.join(site, f)), `no ${f}`);
    // Heavily commented for editors: every record file explains itself in Japanese.
    for (const rel of walk(site).filter((f) => f.endsWith('.yaml'))) {
      const comments = fs.readFileSync(path.join(site, rel), 'utf8').split('\n').filter((l) => /^\s*#/.test(l));
      assert.ok(comments.length >= 3 && comments.some((l) => /[ぁ-んァ-ン一-龯]/.test(l)), `${rel} has no Japanese comments`);
    }
  });

  test('site.yaml has a valid fictional municipality code, not the example site\'s', () => {
    const text = fs.readFileSync(path.join(site, 'site.yaml'), 'utf8');
    const code = /^municipality_code:\s*"(\d{6})"/m.exec(text)?.[1];
    assert.ok(code, 'no quoted municipality_code in site.yaml');
    assert.notEqual(code, '132993');
    const sum = [6, 5, 4, 3, 2].reduce((s, w, i) => s + w * Number(code[i]), 0);
    assert.equal(Number(code[5]), (11 - (sum % 11)) % 10, `check digit of ${code}`);
    for (const line of [/^base_url: https:\/\/example\.org\/$/m, /^sample: true$/m, /^publisher: \S/m, /^title: \S/m, /^description: \S/m])
      assert.match(text, line);
  });

  test('check gives exit 0 and no diagnostics, with --source and from inside the folder', () => {
    const args = ['check', '--source', site];
    assertNoDiagnostics(runTool(args), args, 'check --source');
    assertNoDiagnostics(runTool(['check'], { cwd: site }), ['check'], 'check (in the folder)');
  });

  test('build gives exit 0, no diagnostics and a page of every kind', () => {
    const out = freshOutPath('new-site/out');
    const args = ['build', '--source', site, '--out', out, '--today', '2026-11-01'];
    assertNoDiagnostics(runTool(args), args, 'build');
    const has = (rel) => assert.ok(fs.existsSync(path.join(out, rel)), `no ${rel} in the built site`);
    const ids = (kind) => {
      const rs = readRecords(site, kind);
      assert.ok(rs.length >= 1, `no ${kind} records`);
      return rs;
    };
    for (const r of ids('activities')) has(`activities/${r.id}.html`);
    for (const r of ids('organizations')) has(`organizations/${r.id}.html`);
    for (const r of ids('consultation')) has(`consultation/${r.id}.html`);
    for (const r of ids('areas')) has(`areas/${r.id}.html`);
    for (const r of ids('difficulties')) has(`komarigoto/${r.id}.html`);
    for (const r of ids('funds')) { has(`funds/${r.id}.html`); has(`funds/${r.id}/grants.html`); }
    for (const r of ids('fund-years')) has(`funds/${r.get('fund')}/${r.get('fiscal_year')}.html`);
    for (const r of ids('grants')) has(`grants/${r.id}.html`);
    for (const r of ids('cases')) has(`cases/${r.id}.html`);
    for (const r of ids('networks')) has(`networks/${r.id}.html`);
    for (const r of ids('council-reports')) has(`reports/${r.id}.html`);
    const handbooks = fs.readdirSync(path.join(site, 'handbooks')).filter((f) => f.endsWith('.yaml'));
    for (const f of handbooks) has(`handbooks/${f.replace(/\.yaml$/, '')}/print.html`);
    for (const slug of contentSlugs(site)) has(`${slug}.html`);
    for (const index of ['index.html', 'funds/index.html', 'cases/index.html', 'networks/index.html', 'reports/index.html',
      'handbooks/index.html', 'komarigoto/index.html', 'search/index.html'])
      has(index);

    // The schedule is read: the activity page lists its next dates.
    const activity = readRecords(site, 'activities')[0].id;
    assert.match(fs.readFileSync(path.join(out, 'activities', `${activity}.html`), 'utf8'), /開催予定/);
    // The handbook is the A5 area guide with its QR codes.
    const print = fs.readFileSync(path.join(out, 'handbooks', handbooks[0].replace(/\.yaml$/, ''), 'print.html'), 'utf8');
    assert.match(print, /A5/);
    assert.match(print, /<svg/);
  });

  test('handbook (without --pdf) gives exit 0 and no diagnostics', () => {
    const out = freshOutPath('new-site/print');
    const args = ['handbook', '--source', site, '--out', out];
    assertNoDiagnostics(runTool(args), args, 'handbook');
  });
});

describe('tsunagu new refuses', () => {
  test('a folder that is not empty: exit 2, a message in Japanese and English, nothing changed', () => {
    const dir = freshDir('new-site/busy');
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: 大事なサイト\n');
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'notes.txt'), 'メモ\n');
    const before = snapshot(dir);
    const r = runTool(['new', dir]);
    assert.equal(r.status, 2, describeRun(r, ['new', dir]));
    assert.match(r.stderr, /空ではありません/);
    assert.match(r.stderr, /not empty/);
    assert.deepEqual(snapshot(dir), before);
  });

  test('a folder holding only a hidden file', () => {
    const dir = freshDir('new-site/hidden');
    fs.writeFileSync(path.join(dir, '.keep'), '');
    const r = runTool(['new', dir]);
    assert.equal(r.status, 2, describeRun(r, ['new', dir]));
    assert.deepEqual(fs.readdirSync(dir), ['.keep']);
  });

  test('no DIR: exit 2 with the usage', () => {
    const r = runTool(['new']);
    assert.equal(r.status, 2, describeRun(r, ['new']));
    assert.match(r.stderr, /DIR/);
    assert.match(r.stderr, /tsunagu new DIR/);
  });

  test('an empty folder is accepted', () => {
    const dir = freshDir('new-site/empty');
    const r = runTool(['new', dir, '--quiet']);
    assert.equal(r.status, 0, describeRun(r, ['new', dir, '--quiet']));
    assert.equal(r.stdout, '');
    assert.ok(fs.existsSync(path.join(dir, 'data', 'activities')));
  });
});
