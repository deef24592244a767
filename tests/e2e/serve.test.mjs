// tsunagu serve: builds, serves the site on 127.0.0.1 only, 404s what is missing, and never
// serves a file from outside the output folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { BIN, copyFixture, freshDir } from './lib.mjs';

let proc;
let port;
let stderr = '';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// A raw HTTP/1.1 request, so the path reaches the server exactly as written (fetch would
// normalise "/../").
function rawGet(host, target) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port }, () => {
      sock.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    sock.setEncoding('latin1');
    sock.on('data', (d) => { data += d; });
    sock.on('end', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
    sock.on('error', reject);
    sock.setTimeout(10_000, () => { sock.destroy(); reject(new Error(`timeout on ${target}`)); });
  });
}

before(async () => {
  const site = copyFixture('good');
  const out = path.join(freshDir('serve'), 'site');
  port = await freePort();
  proc = spawn(BIN, ['serve', '--source', site, '--out', out, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stderr.on('data', (d) => { stderr += d; });
  proc.stdout.resume();
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`tsunagu serve exited ${proc.exitCode}:\n${stderr}`);
    try { if ((await rawGet('127.0.0.1', '/')).status) break; } catch { /* not yet listening */ }
    if (Date.now() > deadline) throw new Error(`tsunagu serve did not answer on port ${port} within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

after(() => {
  if (proc && proc.exitCode === null) proc.kill('SIGTERM');
});

test('serves the home page and a record page', async () => {
  const home = await fetch(`http://127.0.0.1:${port}/`);
  assert.equal(home.status, 200);
  assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await home.text(), /<html lang="ja">/);
  const page = await fetch(`http://127.0.0.1:${port}/activities/sakuragaoka-salon.html`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /桜ヶ丘ふれあいサロン/);
  const css = await fetch(`http://127.0.0.1:${port}/assets/style.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
});

test('a missing page is 404', async () => {
  const r = await fetch(`http://127.0.0.1:${port}/no-such-page.html`);
  assert.equal(r.status, 404);
  await r.arrayBuffer();
});

test('no path leaves the output folder', async () => {
  const problems = [];
  for (const target of ['/../../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd',
    '/%2e%2e%5c%2e%2e%5c%2e%2e%5cetc%5cpasswd', '//etc/passwd', '/./../site.yaml', '/../site.yaml', '/..%2fsite.yaml',
    '/%00index.html']) {
    const r = await rawGet('127.0.0.1', target);
    if (r.status === 200 && /root:|title:|municipality_code/.test(r.text)) problems.push(`${target}: served a file from outside the site`);
    if (r.status >= 500 || r.status === 0) problems.push(`${target}: HTTP ${r.status}`);
  }
  assert.deepEqual(problems, []);
  assert.equal(proc.exitCode, null, `the server died:\n${stderr}`);
});

test('it listens on 127.0.0.1 only by default', async () => {
  const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  if (!external) return; // no other address to try on this machine
  const reached = await new Promise((resolve) => {
    const sock = net.connect({ host: external.address, port }, () => { sock.destroy(); resolve(true); });
    sock.on('error', () => resolve(false));
    sock.setTimeout(3000, () => { sock.destroy(); resolve(false); });
  });
  assert.equal(reached, false, `tsunagu serve answered on ${external.address}:${port}`);
});
