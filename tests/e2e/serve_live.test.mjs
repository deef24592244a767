// tsunagu serve while editing: saving a record rebuilds the site and tells the open tabs to
// reload (Server-Sent Events); invalid data keeps the last good site and sends the diagnostics
// (file:line) for the overlay; fixing it sends reload again. The reload script is injected only
// into served pages, never into the built files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { copyFixture, freshDir, startServe } from './lib.mjs';

let server, port, site, out;
const stderr = () => server?.stderr() ?? '';


function get(p) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', reject).setTimeout(10_000, function () { this.destroy(new Error(`timeout ${p}`)); });
  });
}

// Opens the event stream; next(type) resolves with the next event of that type (bounded wait).
function events() {
  const queue = [];
  const waiters = [];
  let buf = '';
  const req = http.get({ host: '127.0.0.1', port, path: '/__tsunagu/events', agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const type = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!type) continue;
        const ev = { type, data: data ? JSON.parse(data) : null };
        const w = waiters.findIndex((x) => x.type === type);
        if (w >= 0) waiters.splice(w, 1)[0].resolve(ev);
        else queue.push(ev);
      }
    });
  });
  req.on('error', () => {});
  return {
    next(type, ms = 30_000) {
      const q = queue.findIndex((e) => e.type === type);
      if (q >= 0) return Promise.resolve(queue.splice(q, 1)[0]);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms:\n${stderr()}`)), ms);
        waiters.push({ type, resolve: (e) => { clearTimeout(t); resolve(e); } });
      });
    },
    close() { req.destroy(); },
  };
}

before(async () => {
  site = copyFixture('good');
  out = path.join(freshDir('serve-live'), 'site');
  server = await startServe(site, out, { ready: async (p) => { port = p; return (await get('/')).status === 200; } });
});

after(() => server?.stop());

test('served pages carry the live-reload script; the built files do not', async () => {
  const page = await get('/activities/engawa-cafe.html');
  assert.equal(page.status, 200);
  assert.match(page.body, /<script src="\/__tsunagu\/live\.js" defer><\/script><\/body>/);
  assert.ok(!fs.readFileSync(path.join(out, 'activities', 'engawa-cafe.html'), 'utf8').includes('__tsunagu'));
  const js = await get('/__tsunagu/live.js');
  assert.equal(js.status, 200);
  assert.match(js.headers['content-type'], /javascript/);
  assert.match(js.body, /EventSource/);
});

test('saving a record rebuilds the page and sends reload; invalid data keeps the last good site and sends its diagnostics; fixing it reloads', async () => {
  const file = path.join(site, 'data', 'activities', 'engawa-cafe.yml');
  const original = fs.readFileSync(file, 'utf8');
  const ev = events();
  try {
    await new Promise((r) => setTimeout(r, 300));  // the stream is open before the first save
    fs.writeFileSync(file, original.replace('縁側でお茶を飲む小さな居場所です。', '縁側でお茶と将棋を楽しむ居場所です。'));
    await ev.next('reload');
    assert.match((await get('/activities/engawa-cafe.html')).body, /縁側でお茶と将棋を楽しむ居場所です。/);

    fs.writeFileSync(file, original.replace('form: ご近所', 'form: ごきんじょ'));
    const errors = await ev.next('errors');
    assert.ok(Array.isArray(errors.data) && errors.data.length > 0);
    const d = errors.data.find((x) => x.where.startsWith('data/activities/engawa-cafe.yml:'));
    assert.ok(d, JSON.stringify(errors.data));
    assert.equal(d.severity, 'error');
    assert.match(d.where, /^data\/activities\/engawa-cafe\.yml:\d+:\d+$/);
    assert.ok(d.ja && d.en);
    // The last good site is still served, with the change from before.
    const still = await get('/activities/engawa-cafe.html');
    assert.equal(still.status, 200);
    assert.match(still.body, /縁側でお茶と将棋を楽しむ居場所です。/);

    fs.writeFileSync(file, original);
    await ev.next('reload');
    assert.match((await get('/activities/engawa-cafe.html')).body, /縁側でお茶を飲む小さな居場所です。/);
  } finally {
    ev.close();
    if (fs.readFileSync(file, 'utf8') !== original) fs.writeFileSync(file, original);
  }
});

// The page's status after the rebuilds a change causes: a save may arrive as more than one
// event, so wait for reloads until the page answers as expected (at most a few rebuilds).
async function statusAfterReloads(ev, p, want) {
  let status = 0;
  for (let i = 0; i < 4 && status !== want; ++i) {
    await ev.next('reload');
    status = (await get(p)).status;
  }
  return status;
}

test('a new record file and a deleted one are picked up', async () => {
  const ev = events();
  const src = path.join(site, 'data', 'activities', 'engawa-cafe.yml');
  const copy = path.join(site, 'data', 'activities', 'engawa-cafe-2.yml');
  try {
    await new Promise((r) => setTimeout(r, 300));
    fs.writeFileSync(copy, fs.readFileSync(src, 'utf8').replace('id: engawa-cafe', 'id: engawa-cafe-2').replace('name: えんがわカフェ', 'name: えんがわカフェ二号'));
    assert.equal(await statusAfterReloads(ev, '/activities/engawa-cafe-2.html', 200), 200);
    fs.rmSync(copy);
    assert.equal(await statusAfterReloads(ev, '/activities/engawa-cafe-2.html', 404), 404);
  } finally {
    ev.close();
    fs.rmSync(copy, { force: true });
  }
});
