// Preview latency: time from saving one record to the reloaded page showing the change, with
// `tsunagu serve` on a generated corpus. The clock starts when the file is written and stops
// when the page, fetched after the server's "reload" event, holds the new text.
//
//   node bench/serve_bench.mjs --corpus bench/out/c10000 [--bin build/tsunagu] [--edits 20]
//
// Prints `RESULT serve_N_save_to_reload_ms_median …` and `…_p95`. Loopback only; the corpus's
// own activity file is edited and restored.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function args() {
  const o = { corpus: '', bin: 'build/tsunagu', edits: 20 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; ++i) {
    if (a[i] === '--corpus') o.corpus = a[++i];
    else if (a[i] === '--bin') o.bin = a[++i];
    else if (a[i] === '--edits') o.edits = Number(a[++i]);
    else { process.stderr.write(`serve_bench: unknown argument ${a[i]}\n`); process.exit(2); }
  }
  if (!o.corpus) { process.stderr.write('usage: node bench/serve_bench.mjs --corpus DIR [--bin BIN] [--edits N]\n'); process.exit(2); }
  return o;
}

const freePort = () => new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const get = (port, p) => new Promise((resolve, reject) => {
  http.get({ host: '127.0.0.1', port, path: p, agent: false }, (res) => { let b = ''; res.setEncoding('utf8'); res.on('data', (d) => { b += d; }); res.on('end', () => resolve({ status: res.statusCode, body: b })); }).on('error', reject);
});

async function main() {
  const o = args();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-serve-bench-'));
  const port = await freePort();
  const proc = spawn(o.bin, ['serve', '--source', o.corpus, '--out', path.join(out, 'site'), '--port', String(port), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const deadline = Date.now() + 600_000;
  for (;;) {
    try { if ((await get(port, '/')).status === 200) break; } catch { /* starting */ }
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const dir = path.join(o.corpus, 'data', 'activities');
  const file = path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()[0]);
  const original = fs.readFileSync(file, 'utf8');
  const id = /^id: (.+)$/m.exec(original)[1].trim();
  const summary = /^summary: (.+)$/m.exec(original);
  if (!summary) throw new Error(`${file} has no summary line to edit`);
  // One event stream, as an open tab has.
  let onReload = null;
  const req = http.get({ host: '127.0.0.1', port, path: '/__tsunagu/events', agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => { if (/event: reload/.test(d) && onReload) onReload(); });
  });
  await new Promise((r) => setTimeout(r, 300));
  const times = [];
  try {
    for (let k = 0; k < o.edits; ++k) {
      const marker = `計測${k}-${Date.now()}`;
      const t0 = performance.now();
      const reloaded = new Promise((resolve) => { onReload = resolve; });
      fs.writeFileSync(file, original.replace(summary[0], `summary: ${marker}`));
      for (;;) {
        await reloaded;
        const page = await get(port, `/activities/${id}.html`);
        if (page.body.includes(marker)) break;
      }
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    fs.writeFileSync(file, original);
    req.destroy();
    proc.kill('SIGTERM');
    fs.rmSync(out, { recursive: true, force: true });
  }
  const s = [...times].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  const p95 = s[Math.ceil(0.95 * s.length) - 1];
  const n = fs.readdirSync(dir).length;
  process.stdout.write(`serve ${n} activities: ${times.map((t) => t.toFixed(0)).join(' ')} ms\n`);
  process.stdout.write(`RESULT serve_${n}_save_to_reload_ms_median ${median.toFixed(0)}\nRESULT serve_${n}_save_to_reload_ms_p95 ${p95.toFixed(0)}\n`);
}

main().catch((e) => { process.stderr.write(`serve_bench: ${e.stack ?? e}\n`); process.exit(1); });
