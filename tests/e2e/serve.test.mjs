// tsunagu serve: builds, serves the site on 127.0.0.1 only (another address only when asked, with
// a warning), 404s what is missing, answers with the right types and revalidation headers, GET
// and HEAD only, and many clients at once. Path safety in every spelling: serve_paths.test.mjs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { BIN, copyFixture, freePort, freshDir, startServe as startServeAndWait } from './lib.mjs';


// Splits one HTTP/1.1 response (headers and a Content-Length body) off the front of buf.
function parseResponse(buf, head = false) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0])?.[1] ?? 0);
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    const k = l.slice(0, i).trim().toLowerCase();
    headers[k] = headers[k] === undefined ? l.slice(i + 1).trim() : `${headers[k]}, ${l.slice(i + 1).trim()}`;
  }
  const len = head || status === 304 || status === 204 ? 0 : Number(headers['content-length'] ?? 0);
  if (buf.length < end + 4 + len) return null;
  return { status, headers, body: buf.subarray(end + 4, end + 4 + len), rest: buf.subarray(end + 4 + len) };
}

// A raw HTTP/1.1 request, so the path and the method reach the server exactly as written
// (fetch would normalise "/../" and refuses some methods). Resolves {status, headers, body}.
function raw(port, target, { method = 'GET', headers = {}, host = '127.0.0.1', body = '' } = {}) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port }, () => {
      const h = Object.entries({ Host: `127.0.0.1:${port}`, Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      sock.write(`${method} ${target} HTTP/1.1\r\n${h}\r\n${body}`);
    });
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => { buf = Buffer.concat([buf, d]); });
    sock.on('end', () => {
      const r = parseResponse(buf, method === 'HEAD');
      if (r) resolve({ ...r, extra: r.rest.length });
      else resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(buf.toString('latin1'))?.[1] ?? 0), headers: {}, body: buf, extra: 0 });
    });
    sock.on('error', reject);
    sock.setTimeout(10_000, () => { sock.destroy(); reject(new Error(`timeout on ${method} ${target}`)); });
  });
}

// Starts `tsunagu serve` and waits until it answers on answerHost.
function startServe(site, out, extra = [], answerHost = '127.0.0.1') {
  return startServeAndWait(site, out, { extra, ready: async (port) => (await raw(port, '/', { host: answerHost })).status });
}

// Whether a TCP connection to host:port succeeds within 3 s.
function reachable(host, port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port }, () => { sock.destroy(); resolve(true); });
    sock.on('error', () => resolve(false));
    sock.setTimeout(3000, () => { sock.destroy(); resolve(false); });
  });
}

// Files for the content-type checks, copied into the site by the build (static/ → /static/).
const TYPES = {
  'page.html': ['text/html; charset=utf-8', '<!DOCTYPE html><html lang="ja"><title>t</title><p>表</p></html>\n'],
  'style.css': ['text/css; charset=utf-8', 'p { color: #111; }\n'],
  'app.js': ['text/javascript; charset=utf-8', 'console.log("つなぐ");\n'],
  'data.json': ['application/json; charset=utf-8', '{"名前": "つなぐ"}\n'],
  'feed.xml': ['application/xml; charset=utf-8', '<?xml version="1.0" encoding="UTF-8"?><a>あ</a>\n'],
  'icon.svg': ['image/svg+xml; charset=utf-8', '<svg xmlns="http://www.w3.org/2000/svg"/>\n'],
  'notes.txt': ['text/plain; charset=utf-8', 'テキスト\n'],
  'events.ics': ['text/calendar; charset=utf-8', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'],
  'site.webmanifest': ['application/manifest+json; charset=utf-8', '{"name": "つなぐ"}\n'],
  'updates.atom': ['application/atom+xml; charset=utf-8', '<feed xmlns="http://www.w3.org/2005/Atom"/>\n'],
  'table.csv': ['text/csv; charset=utf-8', 'id,名前\r\n1,つなぐ\r\n'],
  'doc.pdf': ['application/pdf', '%PDF-1.4\n%%EOF\n'],
  'pic.png': ['image/png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
  'pic.jpg': ['image/jpeg', Buffer.from('ffd8ffe000104a464946', 'hex')],
  'pic.webp': ['image/webp', Buffer.from('524946460c00000057454250', 'hex')],
  'font.woff2': ['font/woff2', Buffer.from('774f4632000100000000', 'hex')],
  'blob.bin': ['application/octet-stream', randomBytes(256 * 1024)],
};

let srv;

before(async () => {
  const site = copyFixture('good');
  fs.mkdirSync(path.join(site, 'static', 'types'), { recursive: true });
  for (const [name, [, body]] of Object.entries(TYPES)) fs.writeFileSync(path.join(site, 'static', 'types', name), body);
  srv = await startServe(site, path.join(freshDir('serve'), 'site'));
});

after(async () => {
  if (srv) await srv.stop();
});

test('serves the home page and a record page', async () => {
  const home = await fetch(`http://127.0.0.1:${srv.port}/`);
  assert.equal(home.status, 200);
  assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await home.text(), /<html lang="ja">/);
  const page = await fetch(`http://127.0.0.1:${srv.port}/activities/sakuragaoka-salon.html`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /桜ヶ丘ふれあいサロン/);
  const css = await fetch(`http://127.0.0.1:${srv.port}/assets/style.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  await css.arrayBuffer();
  // the site also answers under its public path (base_url https://example.org/good/)
  const under = await raw(srv.port, '/good/activities/sakuragaoka-salon.html');
  assert.equal(under.status, 200);
  const bare = await raw(srv.port, '/good');
  assert.equal(bare.status, 302);
  assert.equal(bare.headers.location, '/good/');
});

test('a missing page is 404, with the site\'s 404 page', async () => {
  const r = await raw(srv.port, '/no-such-page.html');
  assert.equal(r.status, 404);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.match(r.body.toString('utf8'), /<html lang="ja">/);
});

test('every type has its Content-Type (charset=utf-8 for text), nosniff and the exact bytes', async () => {
  const problems = [];
  for (const [name, [type, body]] of Object.entries(TYPES)) {
    const r = await raw(srv.port, `/static/types/${name}`);
    if (r.status !== 200) { problems.push(`${name}: HTTP ${r.status}`); continue; }
    if (r.headers['content-type'] !== type) problems.push(`${name}: Content-Type ${r.headers['content-type']}, expected ${type}`);
    if (r.headers['x-content-type-options'] !== 'nosniff') problems.push(`${name}: X-Content-Type-Options ${r.headers['x-content-type-options']}`);
    // HTML gets the live-reload script in preview; everything else is sent as it is on disk.
    const want = Buffer.from(body);
    if (name.endsWith('.html') ? !r.body.includes(want.subarray(0, want.length - 8)) : !r.body.equals(want)) problems.push(`${name}: the body differs from the file`);
    if (Number(r.headers['content-length']) !== r.body.length) problems.push(`${name}: Content-Length ${r.headers['content-length']} for ${r.body.length} bytes`);
  }
  // what the build itself writes
  for (const [target, type] of [['/sitemap.xml', 'application/xml; charset=utf-8'], ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/opendata/activities.csv', 'text/csv; charset=utf-8'], ['/opendata/updates.atom', 'application/atom+xml; charset=utf-8'],
    ['/activities/sakuragaoka-salon.ics', 'text/calendar; charset=utf-8'], ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/activities/sakuragaoka-salon.html', 'text/html; charset=utf-8']]) {
    if (!fs.existsSync(path.join(srv.out, target))) continue;
    const r = await raw(srv.port, target);
    if (r.status !== 200 || r.headers['content-type'] !== type) problems.push(`${target}: HTTP ${r.status}, Content-Type ${r.headers['content-type']}, expected ${type}`);
  }
  assert.deepEqual(problems, []);
});

test('no-cache with an ETag and Last-Modified: the browser revalidates and gets 304 when nothing changed', async () => {
  const target = '/static/types/notes.txt';
  const first = await raw(srv.port, target);
  assert.equal(first.status, 200);
  assert.equal(first.headers['cache-control'], 'no-cache');
  const etag = first.headers.etag;
  const modified = first.headers['last-modified'];
  assert.match(etag ?? '', /^(W\/)?"[^"]+"$/);
  assert.match(modified ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);

  const same = await raw(srv.port, target, { headers: { 'If-None-Match': etag } });
  assert.equal(same.status, 304);
  assert.equal(same.body.length, 0);
  assert.equal(same.extra, 0, 'a 304 has no body');
  assert.equal(same.headers.etag, etag);
  assert.equal(same.headers['cache-control'], 'no-cache');
  assert.equal((await raw(srv.port, target, { headers: { 'If-None-Match': `"nope", ${etag}` } })).status, 304);
  assert.equal((await raw(srv.port, target, { headers: { 'If-None-Match': '*' } })).status, 304);
  assert.equal((await raw(srv.port, target, { headers: { 'If-None-Match': '"nope"' } })).status, 200);
  assert.equal((await raw(srv.port, target, { headers: { 'If-Modified-Since': modified } })).status, 304);
  const earlier = new Date(Date.parse(modified) - 3600_000).toUTCString();
  assert.equal((await raw(srv.port, target, { headers: { 'If-Modified-Since': earlier } })).status, 200);
  assert.equal((await raw(srv.port, target, { headers: { 'If-Modified-Since': 'not a date' } })).status, 200);
  // If-None-Match wins over If-Modified-Since
  assert.equal((await raw(srv.port, target, { headers: { 'If-None-Match': '"nope"', 'If-Modified-Since': modified } })).status, 200);
  // HTML pages too
  const home = await raw(srv.port, '/');
  assert.equal(home.headers['cache-control'], 'no-cache');
  assert.equal((await raw(srv.port, '/', { headers: { 'If-None-Match': home.headers.etag } })).status, 304);

  // A file that changes (as a rebuild does) gets a new tag, and the old one no longer matches.
  const file = path.join(srv.out, 'static', 'types', 'changing.txt');
  fs.writeFileSync(file, 'one\n');
  const a = await raw(srv.port, '/static/types/changing.txt');
  fs.writeFileSync(`${file}.tmp`, 'two!\n');
  fs.renameSync(`${file}.tmp`, file);
  const b = await raw(srv.port, '/static/types/changing.txt', { headers: { 'If-None-Match': a.headers.etag } });
  assert.equal(b.status, 200);
  assert.equal(b.body.toString(), 'two!\n');
  assert.notEqual(b.headers.etag, a.headers.etag);
});

test('HEAD has the GET headers and no body', async () => {
  for (const target of ['/', '/static/types/blob.bin', '/static/types/style.css']) {
    const get = await raw(srv.port, target);
    const head = await raw(srv.port, target, { method: 'HEAD' });
    assert.equal(head.status, 200, target);
    assert.equal(head.extra, 0, `${target}: HEAD sent a body`);
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control', 'x-content-type-options'])
      assert.equal(head.headers[h], get.headers[h], `${target}: ${h}`);
    assert.equal(Number(head.headers['content-length']), get.body.length, target);
  }
  assert.equal((await raw(srv.port, '/no-such-page.html', { method: 'HEAD' })).status, 404);
  const etag = (await raw(srv.port, '/', { method: 'HEAD' })).headers.etag;
  assert.equal((await raw(srv.port, '/', { method: 'HEAD', headers: { 'If-None-Match': etag } })).status, 304);
});

test('other methods are 405 with Allow: GET, HEAD', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT']) {
    const r = await raw(srv.port, method === 'CONNECT' ? '127.0.0.1:80' : '/index.html', { method, headers: method === 'POST' ? { 'Content-Length': '3' } : {}, body: method === 'POST' ? 'a=b' : '' });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, HEAD', method);
  }
  // A body the server never wanted does not spill into the next request on the same connection.
  const sock = net.connect({ host: '127.0.0.1', port: srv.port });
  await new Promise((r, j) => { sock.once('connect', r); sock.once('error', j); });
  let buf = Buffer.alloc(0);
  const next = () => new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no answer on the kept-alive connection')), 10_000);
    const look = () => {
      const r = parseResponse(buf);
      if (!r) return;
      buf = Buffer.from(r.rest);
      sock.off('data', onData);
      clearTimeout(t);
      resolve(r);
    };
    const onData = (d) => { buf = Buffer.concat([buf, d]); look(); };
    sock.on('data', onData);
    look();
  });
  sock.write(`POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 26\r\n\r\nGET /secret HTTP/1.1\r\n\r\n\r\n`);
  assert.equal((await next()).status, 405);
  sock.write(`GET /static/types/notes.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  const after405 = await next();
  assert.equal(after405.status, 200);
  assert.equal(after405.body.toString('utf8'), TYPES['notes.txt'][1]);
  sock.destroy();
});

test('folders: /dir redirects to /dir/ when it has index.html; without one 404 and no listing', async () => {
  const dirs = fs.readdirSync(srv.out, { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join(srv.out, e.name, 'index.html')));
  assert.ok(dirs.length > 0, 'the fixture site has a folder with index.html');
  const dir = dirs[0].name;
  const bare = await raw(srv.port, `/${dir}`);
  assert.equal(bare.status, 302);
  assert.equal(bare.headers.location, `/${dir}/`);
  assert.equal((await raw(srv.port, `/${dir}?q=1`)).headers.location, `/${dir}/?q=1`);
  const slash = await raw(srv.port, `/${dir}/`);
  assert.equal(slash.status, 200);
  assert.ok(slash.body.includes(fs.readFileSync(path.join(srv.out, dir, 'index.html')).subarray(0, 200)));
  // "//dir" must not become a redirect to another host ("//dir/")
  const doubled = await raw(srv.port, `//${dir}`);
  if (doubled.status === 302) assert.equal(doubled.headers.location, `/${dir}/`);
  // static/types has files but no index.html
  for (const target of ['/static/types/', '/static/types', '/static/', '/assets/']) {
    const r = await raw(srv.port, target);
    assert.equal(r.status, 404, target);
    assert.doesNotMatch(r.body.toString('utf8'), /blob\.bin|notes\.txt|Index of/, `${target} listed the folder`);
  }
  assert.equal((await raw(srv.port, '/static/types/notes.txt/')).status, 404);
});

test('at least 64 clients at once each get their page', async () => {
  const CLIENTS = 96;
  const want = {
    '/static/types/blob.bin': TYPES['blob.bin'][1],
    '/activities/sakuragaoka-salon.html': (await raw(srv.port, '/activities/sakuragaoka-salon.html')).body,
  };
  const targets = Object.keys(want);
  const started = Date.now();
  const deadline = started + 30_000;
  // Every client connects, asks, reads its whole answer and keeps its connection open until all
  // are answered, so the server really holds them all at once (a connection ties up a worker).
  const sockets = [];
  try {
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => new Promise((resolve) => {
      const target = targets[i % targets.length];
      const sock = net.connect({ host: '127.0.0.1', port: srv.port });
      sockets.push(sock);
      let buf = Buffer.alloc(0);
      const timer = setTimeout(() => resolve({ i, error: 'no full answer in time' }), deadline - Date.now());
      sock.on('connect', () => sock.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n\r\n`));
      sock.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        const r = parseResponse(buf);
        if (!r) return;
        clearTimeout(timer);
        resolve({ i, status: r.status, same: r.body.equals(want[target]), ms: Date.now() - started });
      });
      sock.on('error', (e) => { clearTimeout(timer); resolve({ i, error: e.message }); });
    })));
    const bad = results.filter((r) => r.error || r.status !== 200 || !r.same);
    assert.deepEqual(bad, [], `${bad.length} of ${CLIENTS} clients failed`);
    const slowest = Math.max(...results.map((r) => r.ms));
    assert.ok(slowest < 8_000, `the slowest client waited ${slowest} ms`);
  } finally {
    for (const s of sockets) s.destroy();
  }
  assert.equal(srv.proc.exitCode, null, `the server died:\n${srv.stderr()}`);
});

test('it listens on 127.0.0.1 only by default, without a warning', async () => {
  assert.match(srv.stdout(), new RegExp(`http://127\\.0\\.0\\.1:${srv.port}/`));
  assert.doesNotMatch(srv.stderr(), /warning: listening on/);
  const others = ['127.0.0.2']; // another loopback address: not answering there means not 0.0.0.0
  const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  if (external) others.push(external.address);
  for (const host of others) assert.equal(await reachable(host, srv.port), false, `tsunagu serve answered on ${host}:${srv.port}`);
});

test('another address only when asked, with a warning', { skip: process.platform !== 'linux' && 'needs 127.0.0.2 (Linux loopback)' }, async () => {
  // 127.0.0.2 is loopback too, so nothing outside this machine sees the test server.
  const other = await startServe(copyFixture('good'), path.join(freshDir('serve-bind'), 'site'), ['--bind', '127.0.0.2'], '127.0.0.2');
  try {
    assert.match(other.stderr(), /警告: 127\.0\.0\.2 で待ち受けます.*warning: listening on 127\.0\.0\.2, reachable from other machines/);
    assert.match(other.stdout(), new RegExp(`http://127\\.0\\.0\\.2:${other.port}/`));
    assert.equal((await raw(other.port, '/', { host: '127.0.0.2' })).status, 200);
    assert.equal(await reachable('127.0.0.1', other.port), false, 'bound to 127.0.0.2 but answered on 127.0.0.1');
  } finally {
    await other.stop();
  }
});
