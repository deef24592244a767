// tsunagu serve never reads outside the output folder: "..", in every encoding and spelling,
// backslashes, NUL bytes, absolute paths, overlong UTF-8, symlinks that lead out, symlink loops,
// FIFOs; folders without index.html are 404 with no listing. Raw TCP, so no client tidies the
// path before it reaches the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { copyFixture, freshDir, startServe } from './lib.mjs';


// One request exactly as written; resolves {status, headers, text} (text: the whole response, latin1).
function raw(port, target, method = 'GET') {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port }, () => {
      sock.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1');
    });
    let data = '';
    sock.setEncoding('latin1');
    sock.on('data', (d) => { data += d; });
    sock.on('end', () => {
      const head = data.slice(0, Math.max(0, data.indexOf('\r\n\r\n')));
      const headers = {};
      for (const l of head.split('\r\n').slice(1)) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0), headers, text: data });
    });
    sock.on('error', reject);
    sock.setTimeout(10_000, () => { sock.destroy(); reject(new Error(`timeout on ${target}`)); });
  });
}

const MARKER = `TSUNAGU-SECRET-${randomBytes(6).toString('hex')}`;
let server;
let port;
const stderr = () => server?.stderr() ?? '';
let top;     // the test's folder: the secret and the output sit side by side in it
let out;
let secret;  // absolute path of a file outside the output
let fifo = false;

before(async () => {
  const site = copyFixture('good');
  top = fs.realpathSync(freshDir('serve-paths'));
  out = path.join(top, 'site');
  secret = path.join(top, 'secret.txt');
  fs.writeFileSync(secret, `${MARKER}\n`);
  fs.mkdirSync(path.join(top, 'secret-dir'));
  fs.writeFileSync(path.join(top, 'secret-dir', 'index.html'), `<p>${MARKER}</p>\n`);
  server = await startServe(site, out, { ready: async (p) => { port = p; return (await raw(p, '/')).status; } });
  // What a careless or hostile output folder may hold (the server reads the folder per request).
  fs.symlinkSync(secret, path.join(out, 'secret-link.txt'));
  fs.symlinkSync(path.join(top, 'secret-dir'), path.join(out, 'outside'));
  fs.symlinkSync('../../secret.txt', path.join(out, 'assets', 'escape.txt'));
  fs.symlinkSync('/etc/passwd', path.join(out, 'passwd.html'));
  fs.symlinkSync('/', path.join(out, 'rootfs'));
  fs.symlinkSync('loop-b', path.join(out, 'loop-a'));
  fs.symlinkSync('loop-a', path.join(out, 'loop-b'));
  fs.symlinkSync('self', path.join(out, 'self'));
  fs.mkdirSync(path.join(out, 'escape-index'));
  fs.symlinkSync(secret, path.join(out, 'escape-index', 'index.html'));
  fs.mkdirSync(path.join(out, 'empty-dir'));
  fs.mkdirSync(path.join(out, 'listing-dir'));
  fs.writeFileSync(path.join(out, 'listing-dir', 'visible-name-7f3a.txt'), 'x\n');
  fs.symlinkSync('index.html', path.join(out, 'inside-link.html'));
  fifo = spawnSync('mkfifo', [path.join(out, 'pipe.txt')]).status === 0;
});

after(() => server?.stop());

function leaked(r) {
  return r.text.includes(MARKER) || /root:[^:\r\n]*:0:0:/.test(r.text);
}

test('no spelling of a path leaves the output folder', async () => {
  const up = (n, sep = '/') => Array(n).fill('..').join(sep);
  const secretAbs = secret.split(path.sep).join('/');
  const targets = [
    // plain and encoded ".."
    '/../secret.txt', '/assets/../../secret.txt', `/${up(12)}/etc/passwd`, '/./../secret.txt', '/..', '/../',
    '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/%2e%2e%2fsecret.txt', '/%2E%2E%2Fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt',
    '/.%2e/secret.txt', '/%2e./secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', `/${Array(12).fill('%2e%2e').join('%2f')}%2fetc%2fpasswd`,
    // double encoding
    '/%252e%252e/secret.txt', '/%252e%252e%252fsecret.txt', '/%25%32%65%25%32%65/secret.txt', `/${Array(12).fill('%252e%252e').join('/')}/etc/passwd`,
    // backslashes, raw and encoded
    '/..\\secret.txt', '/..\\..\\secret.txt', `/${up(12, '\\')}\\etc\\passwd`, '/assets\\..\\..\\secret.txt',
    '/%5c..%5csecret.txt', '/..%5csecret.txt', '/%2e%2e%5csecret.txt', '/%2e%2e%5c%2e%2e%5cetc%5cpasswd', '/..%255csecret.txt',
    // NUL bytes
    '/%00', '/index.html%00', '/secret.txt%00.html', '/index.html%00/../../secret.txt', '/%00/../secret.txt', '/..%00/secret.txt',
    // absolute paths
    `/${secretAbs}`, `//${secretAbs}`, secretAbs.replace(/^\/+/, '/'), `/%2f${secretAbs.replace(/^\/+/, '')}`, '//etc/passwd', '/etc/passwd',
    '../secret.txt', 'secret.txt', `http://127.0.0.1:${port}/../secret.txt`, `file://${secretAbs}`,
    // overlong and broken UTF-8 for "." and "/"
    '/%c0%ae%c0%ae/secret.txt', '/%c0%ae%c0%ae%c0%afsecret.txt', '/%e0%80%ae%e0%80%ae/secret.txt', '/%f0%80%80%ae%f0%80%80%ae/secret.txt',
    '/%c0%2e%c0%2e/secret.txt', '/%c1%9c..%c1%9csecret.txt', '/%ff/../secret.txt',
    // under the site's public path (base_url https://example.org/good/)
    '/good/../secret.txt', '/good/%2e%2e/secret.txt', '/good/..%5csecret.txt', '/good/%c0%ae%c0%ae/secret.txt',
    // symlinks in the output that lead out, loops, special files
    '/secret-link.txt', '/outside', '/outside/', '/outside/index.html', '/assets/escape.txt', '/passwd.html',
    '/rootfs/etc/passwd', '/rootfs', '/rootfs/', `/rootfs${secretAbs}`, '/escape-index', '/escape-index/', '/escape-index/index.html',
    '/loop-a', '/loop-b/', '/loop-a/x.html', '/self', '/self/',
  ];
  if (fifo) targets.push('/pipe.txt');
  const problems = [];
  for (const target of targets) {
    for (const method of ['GET', 'HEAD']) {
      let r;
      try { r = await raw(port, target, method); } catch (e) { problems.push(`${method} ${target}: ${e.message}`); continue; }
      if (leaked(r)) problems.push(`${method} ${target}: served a file from outside the site`);
      if (![400, 403, 404].includes(r.status)) problems.push(`${method} ${target}: HTTP ${r.status}${r.headers.location ? ` → ${r.headers.location}` : ''}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(server.proc.exitCode, null, `the server died:\n${stderr()}`);
});

test('symlinks that lead out are refused (403 or 404), those that stay inside work', async () => {
  for (const target of ['/secret-link.txt', '/assets/escape.txt', '/outside/', '/escape-index/', '/passwd.html']) {
    const r = await raw(port, target);
    assert.ok([403, 404].includes(r.status), `${target}: HTTP ${r.status}`);
    assert.ok(!leaked(r), `${target} leaked`);
  }
  const inside = await raw(port, '/inside-link.html');
  assert.equal(inside.status, 200);
  assert.match(inside.text, /<html lang="ja">/);
});

test('a symlink loop or a FIFO answers at once and the server goes on', async () => {
  const started = Date.now();
  for (const target of ['/loop-a', '/self', ...(fifo ? ['/pipe.txt'] : [])]) {
    const r = await raw(port, target);
    assert.ok([403, 404].includes(r.status), `${target}: HTTP ${r.status}`);
  }
  assert.ok(Date.now() - started < 5000, 'a loop or a FIFO held the request');
  assert.equal((await raw(port, '/')).status, 200);
});

test('a folder without index.html is 404, with no listing, with or without the slash', async () => {
  for (const target of ['/empty-dir', '/empty-dir/', '/listing-dir', '/listing-dir/', '/assets', '/assets/']) {
    const r = await raw(port, target);
    assert.equal(r.status, 404, target);
    assert.doesNotMatch(r.text, /visible-name-7f3a|style\.css|Index of/, `${target} listed the folder`);
  }
  assert.equal((await raw(port, '/listing-dir/visible-name-7f3a.txt')).status, 200);
});

test('still serving after all of it', async () => {
  const r = await raw(port, '/activities/sakuragaoka-salon.html');
  assert.equal(r.status, 200);
  assert.equal(server.proc.exitCode, null, `the server died:\n${stderr()}`);
});
