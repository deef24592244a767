// Hostile text in the data is shown as text: it never becomes markup, script, an event handler,
// a javascript: URL, or breaks out of the JSON-LD block. (fixture tests/fixtures/sites/injection)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { build, copyFixture, describeRun, htmlFiles, jsonLdBlocks, readText, tokenize, visibleText, walk } from './lib.mjs';

let b;
let pages;

before(() => {
  b = build(copyFixture('injection'), 'injection');
  pages = b.run.status === 0 ? htmlFiles(b.out) : [];
});

const SCRIPTY_URL = /^(?:javascript|vbscript|data\s*:\s*text\/html)/i;
// What a browser does to a URL attribute before looking at the scheme: strip leading and trailing
// C0 controls and spaces, remove tabs and newlines anywhere.
const normaliseUrl = (v) => v.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');

describe('injection fixture', () => {
  test('builds (exit 0)', () => {
    assert.equal(b.run.status, 0, describeRun(b.run, b.args));
    const errors = b.run.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.raw), []);
  });

  test('no executable <script> comes from the data: only JSON-LD and the theme\'s own script files', () => {
    assert.ok(pages.length > 0);
    const problems = [];
    for (const p of pages) {
      for (const t of tokenize(readText(b.out, p))) {
        if (t.type !== 'tag' || t.name !== 'script') continue;
        const type = (t.attrs.type ?? '').trim().toLowerCase();
        if (type === 'application/ld+json') continue;
        const src = t.attrs.src;
        if (src !== undefined) {
          const target = new URL(src, `file:///ROOT/${p}`).pathname.slice('/ROOT/'.length);
          if (/^[a-z]+:|^\/\//i.test(src) || !target.startsWith('assets/')) problems.push(`${p}: <script src="${src}"> is not one of the theme's assets`);
          if ((t.text ?? '').trim() !== '') problems.push(`${p}: <script src> with inline content`);
        } else if (/alert|onerror|<img/i.test(t.text ?? '')) {
          problems.push(`${p}: inline <script> with data in it: ${(t.text ?? '').slice(0, 120)}`);
        } else {
          problems.push(`${p}: inline executable <script> (the theme should use script files): ${(t.text ?? '').trim().slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('no event-handler attribute, no javascript:/data: URL and no <iframe>/<img src=x> in any real tag', () => {
    const problems = [];
    for (const p of pages) {
      const html = readText(b.out, p);
      for (const t of tokenize(html)) {
        if (t.type !== 'tag') continue;
        if (t.name === 'iframe' || t.name === 'object' || t.name === 'embed') problems.push(`${p}: <${t.name}> element`);
        if (t.name === 'img' && t.attrs.src === 'x') problems.push(`${p}: <img src=x> from the data`);
        for (const [k, v] of t.attrList) {
          if (/^on/.test(k)) problems.push(`${p}: <${t.name} ${k}="${v}">`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data'].includes(k) && SCRIPTY_URL.test(normaliseUrl(v))) problems.push(`${p}: <${t.name} ${k}="${v}">`);
          if (k === 'style' && /javascript:|expression\(/i.test(v)) problems.push(`${p}: <${t.name} style="${v}">`);
        }
      }
      for (const m of html.matchAll(/(?:href|src)\s*=\s*["']?\s*javascript:/gi)) problems.push(`${p}: raw text ${m[0]}`);
    }
    assert.deepEqual(problems, []);
  });

  test('the hostile text is shown as text on the pages', () => {
    const salon = readText(b.out, 'activities/evil-salon.html');
    const h1 = tokenize(salon);
    const i = h1.findIndex((t) => t.type === 'tag' && t.name === 'h1');
    assert.ok(i >= 0, 'no <h1>');
    const j = h1.findIndex((t, k) => k > i && t.type === 'end' && t.name === 'h1');
    const h1Text = visibleText(h1.slice(i + 1, j).map((t) => (t.type === 'text' ? t.text : '')).join(''));
    assert.ok(h1Text.includes('<script>alert(1)</script>サロン'), `the <h1> should show the name as text, got: ${h1Text}`);
    assert.match(salon, /&lt;script&gt;alert\(1\)&lt;\/script&gt;サロン/);
    const text = visibleText(salon);
    for (const s of ['</script><script>alert(1)</script>会館', '"><img src=x onerror=alert(1)>2丁目3-4', '</script><script>alert(1)</script>初回は無料']) {
      assert.ok(text.includes(s), `evil-salon page does not show ${s} as text`);
    }
    assert.ok(visibleText(readText(b.out, 'areas/kita.html')).includes('"><img src=x onerror=alert(1)>北地区'));
    assert.ok(visibleText(readText(b.out, 'about.html')).includes('<script>alert(1)</script>このサイトについて'));
  });

  test('JSON-LD blocks parse, hold the hostile text as data, and never contain "<" raw', () => {
    const problems = [];
    let sawName = false;
    for (const p of pages) {
      const html = readText(b.out, p);
      const raw = html.toLowerCase();
      // Count script elements the way an HTML parser would: every "<script" opens one.
      const opens = (raw.match(/<script\b/g) ?? []).length;
      const tags = tokenize(html).filter((t) => t.type === 'tag' && t.name === 'script').length;
      if (opens !== tags) problems.push(`${p}: ${opens} "<script" in the text but ${tags} script elements: a script block was broken out of`);
      for (const block of jsonLdBlocks(html)) {
        if (/<\/?script|<!--|<img/i.test(block)) problems.push(`${p}: JSON-LD contains raw markup: ${block.match(/.{0,30}(<\/?script|<!--|<img).{0,30}/i)?.[0]}`);
        let v;
        try { v = JSON.parse(block); } catch (e) { problems.push(`${p}: JSON-LD does not parse: ${e.message}`); continue; }
        const s = JSON.stringify(v);
        if (p === 'activities/evil-salon.html' && s.includes('<script>alert(1)</script>サロン')) sawName = true;
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(sawName, 'the JSON-LD of activities/evil-salon.html should carry the name (escaped), not drop it');
  });

  test('Markdown: raw HTML is not rendered, javascript: links lose their URL', () => {
    for (const p of ['activities/evil-salon.html', 'organizations/evil-org.html', 'about.html']) {
      const html = readText(b.out, p);
      const tags = tokenize(html).filter((t) => t.type === 'tag');
      assert.ok(!tags.some((t) => t.name === 'iframe'), `${p}: <iframe> rendered`);
      assert.ok(!tags.some((t) => t.name === 'div' && t.attrs.onmouseover), `${p}: raw <div> rendered`);
      assert.ok(!tags.some((t) => (t.attrs.href ?? '').toLowerCase().includes('javascript')), `${p}: javascript link`);
      assert.ok(!tags.some((t) => (t.attrs.src ?? '').toLowerCase().includes('javascript')), `${p}: javascript image`);
      assert.ok(!tags.some((t) => /^data:/i.test(t.attrs.href ?? '')), `${p}: data: link`);
    }
    // The body text around the hostile markup is still there.
    assert.ok(visibleText(readText(b.out, 'activities/evil-salon.html')).includes('説明の本文です。'));
    assert.ok(visibleText(readText(b.out, 'about.html')).includes('本文'));
  });

  test('no file outside the output folder and no odd file names', () => {
    for (const f of walk(b.out)) assert.doesNotMatch(f, /[<>"'\s]|\.\./, f);
  });
});

describe('injection fixture in Chromium', () => {
  let browser;
  let server;
  before(async () => {
    if (b.run.status !== 0) return;
    const { launchBrowser, serveDir } = await import('../browser/lib.mjs');
    browser = await launchBrowser();
    server = await serveDir(b.out);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no dialog opens and no script runs on the pages with hostile data', async () => {
    assert.equal(b.run.status, 0, 'the injection fixture did not build');
    const { watchPage } = await import('../browser/lib.mjs');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      // Record any call, even one the dialog event would not show (print, confirm in a worker …).
      window.__xss = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        const orig = window[name];
        window[name] = (...a) => { window.__xss.push(`${name}(${a.join(',')})`); return orig?.apply(window, a); };
      }
    });
    const watch = watchPage(page);
    const problems = [];
    for (const p of pages) {
      watch.reset();
      await page.goto(server.url + p, { waitUntil: 'load' });
      await page.waitForTimeout(150); // onerror of a broken image fires after load
      // Hover and focus everything, for on*-handlers that need an event.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('body *')) {
          for (const type of ['mouseover', 'focus']) el.dispatchEvent(new Event(type, { bubbles: true }));
        }
      });
      await page.waitForTimeout(20);
      const calls = await page.evaluate(() => window.__xss ?? []);
      for (const c of calls) problems.push(`${p}: ${c}`);
      for (const d of watch.dialogs) problems.push(`${p}: dialog ${d}`);
    }
    await context.close();

    // The same pages opened from disk.
    const { pathToFileURL } = await import('node:url');
    const path = await import('node:path');
    const context2 = await browser.newContext();
    const page2 = await context2.newPage();
    const watch2 = watchPage(page2);
    for (const p of ['index.html', 'activities/evil-salon.html', 'about.html', 'evil-title.html']) {
      if (!pages.includes(p)) continue;
      await page2.goto(pathToFileURL(path.join(b.out, p)).href, { waitUntil: 'load' });
      await page2.waitForTimeout(150);
    }
    for (const d of watch2.dialogs) problems.push(`file://: dialog ${d}`);
    await context2.close();
    assert.deepEqual(problems, []);
  });
});
