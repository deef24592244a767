// Shared helpers for the end-to-end tests: run the tool, manage scratch folders, walk the
// output, parse diagnostics and take HTML apart (the output is ours, so a small tokenizer
// that understands tags, attributes, comments and raw-text elements is enough).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const REPO_DIR = path.resolve(here, '..', '..');
export const BIN = process.env.TSUNAGU_BIN ?? path.join(REPO_DIR, 'build', 'tsunagu');
export const SOURCE_DIR = path.resolve(process.env.TSUNAGU_SOURCE_DIR ?? REPO_DIR);
export const TEST_OUT = path.resolve(process.env.TSUNAGU_TEST_OUT ?? path.join(REPO_DIR, 'build', 'test-out'));
export const FIXTURES_DIR = path.join(REPO_DIR, 'tests', 'fixtures', 'sites');
export const NODE_MODULES = path.join(SOURCE_DIR, 'node_modules');

// ---------------------------------------------------------------------------------------------
// Running the tool

// Runs tsunagu with args; never throws on a non-zero exit. Returns
// {status, signal, stdout, stderr, diagnostics, error}.
export function runTool(args, { cwd = TEST_OUT, env = {}, timeout = 300_000 } = {}) {
  fs.mkdirSync(cwd, { recursive: true });
  const r = spawnSync(BIN, args, {
    cwd,
    env: { ...process.env, LANG: 'C.UTF-8', ...env },
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    error: r.error,
    diagnostics: parseDiagnostics(r.stderr ?? ''),
  };
}

// A readable dump of one tool run for assertion messages.
export function describeRun(r, args = []) {
  return [
    `tsunagu ${args.join(' ')}`,
    `  exit status: ${r.status}${r.signal ? ` (signal ${r.signal})` : ''}${r.error ? ` (spawn error: ${r.error.message})` : ''}`,
    `  stderr:\n${indent(r.stderr) || '    (empty)'}`,
    r.stdout ? `  stdout:\n${indent(truncate(r.stdout, 2000))}` : '  stdout: (empty)',
  ].join('\n');
}

function indent(s) {
  return s.split('\n').filter((l) => l !== '').map((l) => `    ${l}`).join('\n');
}

export function truncate(s, n) {
  return s.length > n ? `${s.slice(0, n)}… (${s.length - n} more characters)` : s;
}

// Builds SOURCE into a fresh out dir named `name` under TEST_OUT. Returns {out, run, args}.
export function build(source, name, extraArgs = [], runOptions = {}) {
  const out = freshOutPath(name);
  const args = ['build', '--source', source, '--out', out, ...extraArgs];
  const run = runTool(args, runOptions);
  return { out, run, args };
}

// ---------------------------------------------------------------------------------------------
// tsunagu serve

// A TCP port on 127.0.0.1 that nothing listens on now.
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// Starts `tsunagu serve --source site --out out --port P [extra…]` and waits (60 s at most) until
// ready(port) resolves truthy. Resolves {proc, port, out, stdout(), stderr(), stop()}.
export async function startServe(site, out, { extra = [], ready }) {
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--source', site, '--out', out, '--port', String(port), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => { stdout += d; });
  proc.stderr.on('data', (d) => { stderr += d; });
  const s = {
    proc, port, out, stdout: () => stdout, stderr: () => stderr,
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => { clearTimeout(t); resolve(); });
      proc.kill('SIGTERM');
    }),
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`tsunagu serve exited ${proc.exitCode}:\n${stderr}`);
    try { if (await ready(port)) break; } catch { /* not yet listening */ }
    if (Date.now() > deadline) { await s.stop(); throw new Error(`tsunagu serve did not answer on port ${port} within 60 s:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Scratch folders

// A path under TEST_OUT that does not exist yet (its parent does). Removes what was there.
export function freshOutPath(name) {
  const p = path.join(TEST_OUT, name);
  fs.rmSync(p, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(p), { recursive: true });
  return p;
}

// An empty directory under TEST_OUT.
export function freshDir(name) {
  const p = freshOutPath(name);
  fs.mkdirSync(p, { recursive: true });
  return p;
}

// Copies tests/fixtures/sites/NAME to a fresh temp dir under TEST_OUT and returns its path, so a
// test may modify it and the tool never writes into the repository.
export function copyFixture(name) {
  const src = path.join(FIXTURES_DIR, name);
  if (!fs.existsSync(src)) throw new Error(`no fixture site ${src}`);
  const dest = path.join(TEST_OUT, 'fixtures', `${name}-${process.pid}-${randomBytes(3).toString('hex')}`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

// The example site's data (site.yaml, data, content, static, handbooks) in a fresh folder under TEST_OUT,
// without the repository around it (no node_modules beside it), for tests that change it.
export function copyExampleSite(name) {
  const dir = freshDir(name);
  for (const entry of ['site.yaml', 'data', 'content', 'static', 'handbooks']) {
    const from = path.join(SOURCE_DIR, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true });
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Walking the output

// A handbook's print.html (README "Handbooks"): a document of its own for paper, its CSS inline,
// without the site's header, footer and feed link; every other page rule still applies to it.
export function isPrintDocument(rel) {
  return /^handbooks\/[^/]+\/print\.html$/.test(rel);
}

// Every file under dir, as sorted '/'-separated relative paths.
export function walk(dir) {
  const out = [];
  const visit = (abs, rel) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(a, r);
      else out.push(r);
    }
  };
  visit(dir, '');
  return out.sort();
}

export function htmlFiles(dir) {
  return walk(dir).filter((f) => f.endsWith('.html'));
}

export function readText(dir, rel) {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

export function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

// {relative path: sha256} of every file under dir.
export function hashTree(dir) {
  const m = {};
  for (const f of walk(dir)) m[f] = sha256(fs.readFileSync(path.join(dir, f)));
  return m;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: "path:line:col: error: code: 日本語 (English)"; path, line and col are optional;
// continuation lines ("  hint: …") are attached to the diagnostic above them. Summary lines
// ("tsunagu: …", "tsunagu build: …") get severity 'summary'; anything else 'unparsed'.

const DIAG_RE = /^(?:(.+?)(?::(\d+))?(?::(\d+))?: )?(error|warning|note): ([A-Za-z0-9_.-]+): (.*)$/;

export function parseDiagnostics(stderr) {
  const ds = [];
  for (const line of stderr.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = DIAG_RE.exec(line);
    if (m) {
      ds.push({
        file: m[1] ?? '',
        line: m[2] ? Number(m[2]) : 0,
        column: m[3] ? Number(m[3]) : 0,
        severity: m[4],
        code: m[5],
        message: m[6],
        raw: line,
      });
    } else if (/^tsunagu(?: [a-z]+)?: /.test(line)) {
      // The tool's own summary ("tsunagu: エラー 2 件、警告 0 件 …"): not a diagnostic.
      ds.push({ file: '', line: 0, column: 0, severity: 'summary', code: '', message: line, raw: line });
    } else if (/^\s/.test(line) && ds.length) {
      ds[ds.length - 1].raw += `\n${line}`;
    } else {
      ds.push({ file: '', line: 0, column: 0, severity: 'unparsed', code: '', message: line, raw: line });
    }
  }
  return ds;
}

// Only the real diagnostics (errors, warnings, notes and unparsed lines), without summaries.
export function realDiagnostics(ds) {
  return ds.filter((d) => d.severity !== 'summary');
}

export function formatDiagnostics(ds) {
  return ds.length ? ds.map((d) => `    ${d.raw}`).join('\n') : '    (none)';
}

// ---------------------------------------------------------------------------------------------
// HTML

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (all, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try { return String.fromCodePoint(cp); } catch { return all; }
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? all;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ATTR_RE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

// Tokenizes HTML into [{type:'tag', name, attrs:{}, attrList:[[k,v]], start, text?} |
// {type:'end', name} | {type:'comment'} | {type:'text', text}]. For raw-text elements
// (script, style, title, textarea) the start tag carries the raw content in `text`.
export function tokenize(html) {
  const tokens = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { tokens.push({ type: 'text', text: html.slice(i) }); break; }
    if (lt > i) tokens.push({ type: 'text', text: html.slice(i, lt) });
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end + 3;
      tokens.push({ type: 'comment', text: html.slice(lt, stop) });
      i = stop;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') { // doctype, processing instruction
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const endTag = /^<\/([a-zA-Z][^\s/>]*)[^>]*>/.exec(html.slice(lt, lt + 200));
    if (endTag) {
      tokens.push({ type: 'end', name: endTag[1].toLowerCase() });
      i = lt + endTag[0].length;
      continue;
    }
    const nameM = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(lt, lt + 100));
    if (!nameM) { tokens.push({ type: 'text', text: '<' }); i = lt + 1; continue; }
    // Find the end of the start tag, honouring quoted attribute values.
    let j = lt + nameM[0].length;
    let quote = null;
    for (; j < n; j++) {
      const c = html[j];
      if (quote) { if (c === quote) quote = null; }
      else if (c === '"' || c === "'") {
        // a quote only opens a value right after '='
        const before = html.slice(lt, j).replace(/\s+$/, '');
        if (before.endsWith('=')) quote = c;
      } else if (c === '>') break;
    }
    const inner = html.slice(lt + nameM[0].length, j);
    const name = nameM[1].toLowerCase();
    const attrs = {};
    const attrList = [];
    ATTR_RE.lastIndex = 0;
    let m;
    while ((m = ATTR_RE.exec(inner))) {
      const k = m[1].toLowerCase();
      const v = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      attrList.push([k, v]);
      if (!(k in attrs)) attrs[k] = v;
    }
    const tok = { type: 'tag', name, attrs, attrList, start: lt };
    tokens.push(tok);
    i = j + 1;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = close < 0 ? n : close;
      tok.text = html.slice(i, stop);
      i = stop;
    }
  }
  return tokens;
}

export function startTags(html, name) {
  return tokenize(html).filter((t) => t.type === 'tag' && (!name || t.name === name));
}

// The visible text of a page (tags removed, entities decoded, whitespace collapsed),
// without script/style content.
export function visibleText(html) {
  const parts = [];
  for (const t of tokenize(html)) {
    if (t.type === 'text') parts.push(decodeEntities(t.text));
    else if (t.type === 'tag' && t.name === 'title') parts.push(decodeEntities(t.text ?? ''), ' ');
    else if (t.type === 'tag' || t.type === 'end') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ');
}

// The raw text of every <script type="application/ld+json"> block.
export function jsonLdBlocks(html) {
  return tokenize(html)
    .filter((t) => t.type === 'tag' && t.name === 'script' && (t.attrs.type ?? '').trim().toLowerCase() === 'application/ld+json')
    .map((t) => t.text ?? '');
}

// ---------------------------------------------------------------------------------------------
// Reading the example data without a YAML library: ids and simple top-level fields of the
// records. Good enough for files written like README's examples (block mappings, one record or
// a list of records per file), and exact for JSON.

export const DATA_KINDS = ['activities', 'organizations', 'consultation'];

export function dataFiles(source, kind) {
  const dir = path.join(source, 'data', kind);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(dir, f));
}

// Splits a YAML file into records: [{lines: [...], startLine}] with the leading "- " of list
// items replaced by two spaces, so every record reads as a block mapping at indent 0 or 2.
function yamlRecords(text) {
  const lines = text.split(/\r?\n/);
  const records = [];
  let cur = null;
  const isList = lines.some((l) => /^- /.test(l));
  lines.forEach((line, ix) => {
    if (isList) {
      if (/^- /.test(line)) { cur = { lines: [], startLine: ix + 1 }; records.push(cur); line = `  ${line.slice(2)}`; }
      if (cur) cur.lines.push(line.startsWith('  ') ? line.slice(2) : line);
    } else {
      if (!cur) { cur = { lines: [], startLine: 1 }; records.push(cur); }
      cur.lines.push(line);
    }
  });
  return records;
}

function unquote(s) {
  s = s.trim();
  if ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) {
    const body = s.slice(1, -1);
    return s[0] === '"' ? JSON.parse(s) : body.replace(/''/g, "'");
  }
  return s.replace(/\s+#.*$/, '');
}

function flowList(s) {
  s = s.trim();
  if (!s.startsWith('[')) return [unquote(s)];
  return s.slice(1, s.lastIndexOf(']')).split(',').map((x) => unquote(x)).filter((x) => x !== '');
}

// Top-level scalar / list / nested "text:" of a record given as YAML lines at indent 0.
function yamlField(lines, key) {
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^${key}:(.*)$`).exec(lines[i]);
    if (!m) continue;
    const rest = m[1].replace(/\s+#.*$/, '').trim();
    if (rest === '|' || rest === '>' || rest === '|-' || rest === '>-') {
      const body = [];
      for (let k = i + 1; k < lines.length && (/^\s/.test(lines[k]) || lines[k] === ''); k++) body.push(lines[k].trim());
      return body.join('\n').trim();
    }
    if (rest !== '') return rest.startsWith('[') ? flowList(rest) : rest.startsWith('{') ? rest : unquote(rest);
    const items = [];
    const nested = {};
    for (let k = i + 1; k < lines.length && (/^\s/.test(lines[k]) || lines[k] === ''); k++) {
      const li = /^\s+- (.*)$/.exec(lines[k]);
      if (li) items.push(unquote(li[1]));
      const kv = /^\s+([a-z_]+):\s*(.*)$/.exec(lines[k]);
      if (kv) nested[kv[1]] = unquote(kv[2]);
    }
    return items.length ? items : nested;
  }
  return undefined;
}

// Every record of a kind: [{file, id, get(key)}]. get returns a string, an array, an object
// (nested block mapping, values unparsed) or undefined.
export function readRecords(source, kind) {
  const files = kind === 'areas' ? [path.join(source, areasFile(source))] : dataFiles(source, kind);
  const out = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      const v = JSON.parse(text);
      for (const r of Array.isArray(v) ? v : [v]) out.push({ file, id: String(r.id), get: (k) => r[k] });
      continue;
    }
    for (const rec of yamlRecords(text)) {
      const id = yamlField(rec.lines, 'id');
      if (id === undefined) continue;
      out.push({ file, id: String(id), get: (k) => yamlField(rec.lines, k) });
    }
  }
  return out;
}

export function siteSetting(source, key) {
  const file = path.join(source, 'site.yaml');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  return yamlField(text.split(/\r?\n/), key);
}

export function areasFile(source) {
  return siteSetting(source, 'areas_file') || 'data/areas.yaml';
}

export function contentSlugs(source) {
  const dir = path.join(source, 'content');
  if (!fs.existsSync(dir)) return [];
  const out = [];
  const visit = (abs, rel) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(path.join(abs, e.name), r);
      else if (e.name.endsWith('.md')) out.push(r.replace(/\.md$/, ''));
    }
  };
  visit(dir, '');
  return out.sort();
}

// Label → slug of the vocabularies that have pages (from generator/model/taxonomy.cpp).
export const CONTENT_TYPE_SLUGS = {
  見守り: 'mimamori', '交流・サロン': 'salon', ちょボラ: 'chobora', 家事援助: 'housework', 会食: 'communal-meals',
  配食: 'meal-delivery', '移動・外出支援': 'transport', 子ども食堂: 'kodomo-shokudo', 学習支援: 'study-support',
  相談: 'consultation', '介護予防・体操': 'exercise', 認知症カフェ: 'dementia-cafe', 多世代交流: 'intergenerational',
  '就労・社会参加': 'work-participation',
};
export const TARGET_SLUGS = {
  誰でも: 'everyone', 多世代: 'all-ages', 高齢者: 'older-people', 一人暮らし: 'living-alone', 認知症の人と家族: 'dementia',
  '障がい者・障がい児': 'disability', 子ども: 'children', 子育て中の親子: 'parents', 生活困窮者: 'hardship',
  ひきこもり: 'hikikomori', 外国人: 'foreign-residents', 男性: 'men', 女性: 'women',
};

export function slugOf(table, labelOrSlug) {
  if (table[labelOrSlug]) return table[labelOrSlug];
  return Object.values(table).includes(labelOrSlug) ? labelOrSlug : undefined;
}

export function asList(v) {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

// ---------------------------------------------------------------------------------------------
// The example site, built once per test file.

let exampleBuild = null;
export function buildExampleOnce(name = 'example-site') {
  if (!exampleBuild) exampleBuild = build(SOURCE_DIR, `${name}-${process.pid}`);
  return exampleBuild;
}

export function assertBuiltOk(assert, b) {
  assert.equal(b.run.status, 0, `the build failed:\n${describeRun(b.run, b.args)}`);
  assert.ok(fs.existsSync(path.join(b.out, 'index.html')), `no index.html in ${b.out}`);
}
