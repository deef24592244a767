// Browser helpers: Debian's Chromium driven by playwright-core, and a tiny static file server
// for a built site (127.0.0.1, ephemeral port, no directory listings, like a plain web host).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.TSUNAGU_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.gif': 'image/gif', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json', '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
};

// Serves ROOT under the URL prefix PREFIX ('/' or '/sub/path/'), so tests also cover a site that
// lives in a sub-path. A directory URL serves its index.html; anything else missing gets 404.html.
// Returns {url (ending in '/'), close(), requests: [paths served]}.
export async function serveDir(root, prefix = '/') {
  const requests = [];
  const server = http.createServer((req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    requests.push(p);
    const send404 = () => {
      const nf = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(fs.existsSync(nf) ? fs.readFileSync(nf) : 'not found');
    };
    if (!p.startsWith(prefix)) return send404();
    let rel = p.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) return send404();
    let st;
    try { st = fs.statSync(file); } catch { return send404(); }
    if (st.isDirectory()) { res.writeHead(301, { location: `${p}/` }).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': st.size });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// The map's background tiles (地理院タイル) come from the internet, which the tests do not have:
// their failed requests are expected and are not the site's fault (map.test.mjs checks that the
// page still works without them).
export const TILE_HOST = /^https?:\/\/cyberjapandata\.gsi\.go\.jp\//;

// Records what goes wrong while a page loads: dialogs (dismissed), page errors, console errors,
// failed requests and HTTP errors (except the map tiles', see TILE_HOST). Call .reset() between pages.
export function watchPage(page) {
  const w = {
    dialogs: [], errors: [], consoleErrors: [], failed: [],
    reset() { this.dialogs = []; this.errors = []; this.consoleErrors = []; this.failed = []; },
  };
  page.on('dialog', async (d) => { w.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ?? '';
    // Chromium asks every server for /favicon.ico on its own; that is not the page's doing.
    if (/\/favicon\.ico$/.test(where)) return;
    if (TILE_HOST.test(where)) return;
    w.consoleErrors.push(where ? `${m.text()} (${where})` : m.text());
  });
  page.on('requestfailed', (r) => { if (!TILE_HOST.test(r.url())) w.failed.push(`${r.url()}: ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400 && !TILE_HOST.test(r.url())) w.failed.push(`${r.url()}: HTTP ${r.status()}`); });
  return w;
}
