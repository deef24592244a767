// Search benchmark: tsunagu's own search against Pagefind, on the same built site, in headless
// Chromium (playwright-core, /usr/bin/chromium). Prints one `RESULT name value` line per figure.
//
//   node bench/search_bench.mjs --site DIR --answers FILE --label N
//        [--pagefind DIR]    Pagefind bundle (default DIR/pagefind), made by bench/run.sh
//        [--tools tsunagu,pagefind] [--log FILE] [--json FILE] [--limit N (queries, for trials)]
//        [--settle MS (wait after the page's network went idle, default 100)]
//
// Per query and tool: a fresh browser context (empty cache), the tool's page is loaded and left
// to settle (not counted), then the query is run once cold and once more in the same page (warm).
// The two tools alternate query by query, in A B / B A order, so that both share the machine's
// noise. Bytes are the response bodies the server sent (gzip for text types, like a static host,
// compressed once before the first query so that no query waits for it;
// Pagefind's index files are compressed by Pagefind itself and sent as they are).
// See bench/README.md for what each figure means.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const TOP = 10;

// Debian's Chromium with the flags of tests/browser/lib.mjs; every host but 127.0.0.1 fails to
// resolve, so a page that asks the internet for something (map tiles) cannot wait on it.
function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.TSUNAGU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

function parseArgs(argv) {
  const o = { site: '', answers: '', label: '', pagefind: '', tools: ['tsunagu', 'pagefind'], log: '', json: '', limit: 0, settle: 100 };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i], v = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === '--site') o.site = v();
    else if (a === '--answers') o.answers = v();
    else if (a === '--label') o.label = v();
    else if (a === '--pagefind') o.pagefind = v();
    else if (a === '--tools') o.tools = v().split(',').filter(Boolean);
    else if (a === '--log') o.log = v();
    else if (a === '--json') o.json = v();
    else if (a === '--limit') o.limit = Number(v());
    else if (a === '--settle') o.settle = Number(v());
    else usage(`unknown argument ${a}`);
  }
  if (!o.site || !o.answers || !o.label) usage('--site, --answers and --label are required');
  if (!o.pagefind) o.pagefind = path.join(o.site, 'pagefind');
  for (const t of o.tools) if (!['tsunagu', 'pagefind'].includes(t)) usage(`unknown tool ${t}`);
  return o;
}
function usage(msg) {
  process.stderr.write(`search_bench: ${msg}\nusage: node bench/search_bench.mjs --site DIR --answers FILE --label N [--pagefind DIR] [--tools tsunagu,pagefind] [--log FILE] [--json FILE] [--limit N]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// A static server for the site, with the Pagefind bundle under /pagefind/ and the Pagefind test
// page under /__bench/. Text types are gzipped (cached, so compression happens once per file);
// every response's body length is logged, so bytes per query are counted at the source.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};
const compressible = (type) => /^text\/|javascript|json|xml|svg|wasm/.test(type);

const PAGEFIND_PAGE = `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>pagefind bench</title></head>
<body><main><h1>Pagefind</h1></main>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
window.__benchSearch = async (q, n) => {
  const t0 = performance.now();
  const s = await pagefind.search(q);
  const top = await Promise.all(s.results.slice(0, n).map((r) => r.data()));
  const ms = performance.now() - t0;
  return { ms, total: s.results.length, hits: top.map((d) => ({ url: d.url, title: d.meta?.title ?? '' })) };
};
window.__benchReady = true;
</script></body></html>
`;

async function startServer(site, pagefindDir) {
  const log = [];  // {path, bytes, t}
  const cache = new Map();
  const server = http.createServer((req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    const gzipOk = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const send = (status, type, body, gz) => {
      const headers = { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' };
      if (gz) { headers['content-encoding'] = 'gzip'; headers.vary = 'Accept-Encoding'; }
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      log.push({ path: p, bytes: req.method === 'HEAD' ? 0 : body.length, status, t: performance.now() });
    };
    if (p === '/__bench/pagefind.html') return send(200, TYPES['.html'], Buffer.from(PAGEFIND_PAGE), false);
    let root = site, rel = p.slice(1);
    if (p.startsWith('/pagefind/')) { root = pagefindDir; rel = p.slice('/pagefind/'.length); }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) return send(404, TYPES['.txt'], Buffer.from('not found'), false);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const key = `${file}\0${gzipOk && compressible(type)}`;
    let body = cache.get(key);
    if (!body) {
      let raw;
      try { raw = fs.readFileSync(file); } catch { return send(404, TYPES['.txt'], Buffer.from('not found'), false); }
      body = gzipOk && compressible(type) ? zlib.gzipSync(raw, { level: 6 }) : raw;
      cache.set(key, body);
    }
    send(200, type, body, gzipOk && compressible(type));
  });
  // A production static host serves index files precompressed (gzip_static, a CDN's cache):
  // compress every file of both tools' index folders now, so that no query pays for it.
  const precompress = (root, dir) => {
    const walk = (d) => {
      let entries;
      try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return 0; }
      let n = 0;
      for (const e of entries) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) { n += walk(f); continue; }
        const type = TYPES[path.extname(f).toLowerCase()] ?? 'application/octet-stream';
        const raw = fs.readFileSync(f);
        cache.set(`${f}\0false`, raw);
        if (compressible(type)) cache.set(`${f}\0true`, zlib.gzipSync(raw, { level: 6 }));
        ++n;
      }
      return n;
    };
    return walk(path.resolve(root, dir));
  };
  const warmed = precompress(site, 'search') + precompress(pagefindDir, '');
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    warmed,
    url: `http://127.0.0.1:${server.address().port}/`, log,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// ---------------------------------------------------------------------------------------------
// The two tools. Each: the page to load, the prefix of its index files, and a function run in
// the page that returns {ms, hits: [{url, title}]} for the top results.

const TOOLS = {
  tsunagu: {
    page: 'search/index.html',
    prefix: '/search/',
    ready: () => typeof window.tsunagu?.search === 'function',
    run: async ([q, n]) => {
      const t0 = performance.now();
      const r = await window.tsunagu.search(q, { limit: n });
      const ms = performance.now() - t0;
      return { ms, total: r.length, hits: r.slice(0, n).map((x) => ({ url: x.url, title: x.title ?? '', id: x.id })) };
    },
  },
  pagefind: {
    page: '__bench/pagefind.html',
    prefix: '/pagefind/',
    ready: () => window.__benchReady === true,
    run: async ([q, n]) => window.__benchSearch(q, n),
  },
};

const KIND_DIR = { activity: 'activities', organization: 'organizations', consultation: 'consultation' };

// A result URL as a path from the site root: 'activities/x.html'.
function sitePath(u, base) {
  try { return new URL(u, base).pathname.replace(/^\//, '').replace(/\/$/, '/index.html'); } catch { return String(u); }
}

async function runOne(browser, server, tool, q, settle) {
  const t = TOOLS[tool];
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    const start = server.log.length;
    await page.goto(server.url + t.page, { waitUntil: 'networkidle', timeout: 60000 });
    await page.waitForFunction(t.ready, null, { timeout: 60000 });
    await page.waitForTimeout(settle);  // after the network went idle: let the page finish what it does on load
    const mark = server.log.length;
    const cold = await page.evaluate(t.run, [q.query, TOP]);
    await page.waitForTimeout(200);  // anything the call started but did not wait for is still its cost
    const end = server.log.length;
    const warm = await page.evaluate(t.run, [q.query, TOP]);
    const ofTool = (e) => e.path.startsWith(t.prefix);
    const during = server.log.slice(mark, end);
    const loadSearch = server.log.slice(start, mark).filter((e) => ofTool(e) && e.path !== `/${t.page}`);  // not the page itself
    const base = server.url;
    const paths = cold.hits.map((h) => sitePath(h.url, base));
    const want = `${KIND_DIR[q.kind]}/${q.ids[0]}.html`;
    const rank = paths.indexOf(want) + 1;  // 0: not in the top results
    return {
      tool, query: q.query, type: q.type, want, rank, total: cold.total,
      top: cold.hits.slice(0, 3).map((h, i) => `${paths[i]} ${h.title}`.trim()),
      ms: cold.ms, warmMs: warm.ms,
      bytes: during.reduce((s, e) => s + e.bytes, 0), requests: during.length,
      otherBytes: during.filter((e) => !ofTool(e)).reduce((s, e) => s + e.bytes, 0),
      loadBytes: loadSearch.reduce((s, e) => s + e.bytes, 0),
      files: during.map((e) => `${e.path} ${e.bytes}`),
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.ceil(0.95 * s.length) - 1] : NaN; };  // nearest rank

function dirBytes(dir, skip = () => false) {
  let total = 0, files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (skip(path.relative(dir, f))) continue;
      if (e.isDirectory()) walk(f);
      else if (e.isFile()) { total += fs.statSync(f).size; ++files; }
    }
  };
  walk(dir);
  return { total, files };
}
// What the index costs to host: every file of tsunagu's search/ folder; Pagefind's bundle without
// the UI files this benchmark does not use (pagefind-ui.*, pagefind-*-ui.*, pagefind-highlight.js).
const INDEX_SKIP = {
  tsunagu: () => false,
  pagefind: (rel) => /^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(rel) || rel.startsWith('playground'),
};

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const answers = JSON.parse(fs.readFileSync(o.answers, 'utf8'));
  let queries = answers.queries;
  if (o.limit > 0) queries = queries.slice(0, o.limit);
  const label = o.label;
  const say = (s) => process.stdout.write(s + '\n');

  const tools = o.tools.filter((t) => {
    const dir = t === 'tsunagu' ? path.join(o.site, 'search') : o.pagefind;
    const probe = t === 'tsunagu' ? path.join(dir, 'index.html') : path.join(dir, 'pagefind.js');
    if (fs.existsSync(probe)) return true;
    say(`search ${label}: ${t}: ${probe} does not exist; not measured`);
    for (const f of ['recall_at_10', 'index_bytes', 'bytes_per_query_median', 'bytes_per_query_p95', 'latency_ms_median', 'latency_ms_p95'])
      say(`RESULT search_${label}_${t}_${f} unmeasured`);
    return false;
  });
  if (!tools.length) return 1;

  const server = await startServer(o.site, o.pagefind);
  say(`search ${label}: ${server.warmed} index files precompressed before measuring`);
  const browser = await launchBrowser();
  const results = Object.fromEntries(tools.map((t) => [t, []]));
  try {
    // One untimed query per tool first: Chromium's own first-context costs are nobody's.
    for (const t of tools) await runOne(browser, server, t, { query: '食堂', kind: 'activity', ids: ['-'] }, o.settle);
    for (let i = 0; i < queries.length; ++i) {
      const order = i % 2 ? [...tools].reverse() : tools;
      for (const t of order) results[t].push(await runOne(browser, server, t, queries[i], o.settle));
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const logLines = [`# search benchmark, ${label}: ${queries.length} queries, top ${TOP}; rank 0 = not in the top ${TOP}`];
  const figures = {};
  for (const t of tools) {
    const rs = results[t];
    const idx = dirBytes(t === 'tsunagu' ? path.join(o.site, 'search') : o.pagefind, INDEX_SKIP[t]);
    const f = {
      recall_at_10: rs.filter((r) => r.rank > 0).length / rs.length,
      recall_at_1: rs.filter((r) => r.rank === 1).length / rs.length,
      index_bytes: idx.total,
      index_files: idx.files,
      bytes_per_query_median: median(rs.map((r) => r.bytes)),
      bytes_per_query_p95: p95(rs.map((r) => r.bytes)),
      requests_per_query_median: median(rs.map((r) => r.requests)),
      page_load_bytes_median: median(rs.map((r) => r.loadBytes)),
      latency_ms_median: median(rs.map((r) => r.ms)),
      latency_ms_p95: p95(rs.map((r) => r.ms)),
      warm_latency_ms_median: median(rs.map((r) => r.warmMs)),
      warm_latency_ms_p95: p95(rs.map((r) => r.warmMs)),
    };
    figures[t] = f;
    logLines.push('', `## ${t}: recall@10 ${f.recall_at_10.toFixed(3)}, misses:`);
    for (const r of rs.filter((x) => x.rank === 0))
      logLines.push(`MISS ${t} [${r.type}] ${JSON.stringify(r.query)} want ${r.want}; ${r.total} results; first: ${r.top.length ? r.top.join(' | ') : '(none)'}`);
    logLines.push(`## ${t}: every query (rank, cold ms, warm ms, bytes, requests)`);
    for (const r of rs) {
      logLines.push(`${t} rank=${r.rank} cold=${r.ms.toFixed(1)}ms warm=${r.warmMs.toFixed(1)}ms bytes=${r.bytes} req=${r.requests} [${r.type}] ${JSON.stringify(r.query)}` +
        (r.rank === 1 ? '' : ` first: ${r.top[0] ?? '(none)'}`) + (r.errors.length ? ` ERRORS: ${r.errors.join(' / ')}` : '') +
        (r.otherBytes ? ` (${r.otherBytes} bytes outside ${TOOLS[t].prefix})` : ''));
      if (r.errors.length) say(`search ${label}: ${t}: page errors on ${JSON.stringify(r.query)}: ${r.errors[0]}`);
    }
    const misses = rs.filter((x) => x.rank === 0);
    say(`search ${label}: ${t}: ${rs.length - misses.length}/${rs.length} found in the top ${TOP}` +
      (misses.length ? `; missed: ${misses.map((r) => r.query).join('、')}` : ''));
  }
  if (o.log) fs.writeFileSync(o.log, logLines.join('\n') + '\n');
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ label, figures, results }, null, 1) + '\n');

  const fmt = (k, v) => (/recall/.test(k) ? v.toFixed(3) : /latency/.test(k) ? v.toFixed(1) : String(Math.round(v)));
  for (const t of tools) for (const [k, v] of Object.entries(figures[t])) say(`RESULT search_${label}_${t}_${k} ${fmt(k, v)}`);
  if (figures.tsunagu && figures.pagefind) {
    const ratio = (a, b) => (b > 0 ? (a / b).toFixed(3) : 'n/a');
    say(`RESULT search_${label}_bytes_per_query_median_ratio_tsunagu_to_pagefind ${ratio(figures.tsunagu.bytes_per_query_median, figures.pagefind.bytes_per_query_median)}`);
    say(`RESULT search_${label}_index_bytes_ratio_tsunagu_to_pagefind ${ratio(figures.tsunagu.index_bytes, figures.pagefind.index_bytes)}`);
  }
  return 0;
}

main().then((rc) => process.exit(rc), (e) => { process.stderr.write(`search_bench: ${e.stack ?? e}\n`); process.exit(1); });
