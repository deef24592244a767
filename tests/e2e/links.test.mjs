// Every link of the built example site works when the site is served from any sub-path or opened
// from disk: internal links are relative and point at files that exist (and at ids that exist).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { SOURCE_DIR, assertBuiltOk, buildExampleOnce, isPrintDocument, readText, siteSetting, tokenize, walk } from './lib.mjs';

// Attributes that hold one URL.
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'xlink:href']);
const EXTERNAL_OK = /^(https?:\/\/[^\s/]+|mailto:|tel:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

let out;
let files;
const idCache = new Map();

before(() => {
  const b = buildExampleOnce('links');
  assertBuiltOk(assert, b);
  out = b.out;
  files = new Set(walk(out));
});

function idsOf(rel) {
  if (!idCache.has(rel)) {
    const ids = new Set();
    for (const t of tokenize(readText(out, rel))) {
      if (t.type !== 'tag') continue;
      if (t.attrs.id !== undefined) ids.add(t.attrs.id);
      if (t.name === 'a' && t.attrs.name !== undefined) ids.add(t.attrs.name);
    }
    idCache.set(rel, ids);
  }
  return idCache.get(rel);
}

// Every URL in a page: [{attr, value, tag}], srcset candidates included.
function urlsOf(html) {
  const urls = [];
  for (const t of tokenize(html)) {
    if (t.type !== 'tag') continue;
    for (const [k, v] of t.attrList) {
      if (URL_ATTRS.has(k)) urls.push({ attr: k, value: v, tag: t.name });
      else if (k === 'srcset' || k === 'imagesrcset') {
        for (const c of v.split(',')) { const u = c.trim().split(/\s+/)[0]; if (u) urls.push({ attr: k, value: u, tag: t.name }); }
      }
    }
    if (t.name === 'style' && t.text) for (const u of cssUrls(t.text)) urls.push({ attr: 'style url()', value: u, tag: 'style' });
    if (t.attrs.style) for (const u of cssUrls(t.attrs.style)) urls.push({ attr: 'style url()', value: u, tag: t.name });
  }
  return urls;
}

function cssUrls(css) {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((u) => u !== '');
}

// Checks one URL found in file `from` (relative to out). Returns a problem string or null.
function check(from, url, { allowFragmentOnly = true } = {}) {
  const v = url.trim();
  if (v !== url) return `URL with surrounding white space: "${url}"`;
  if (v === '') return 'empty URL';
  if (v.startsWith('//')) return `protocol-relative URL ${v}`;
  if (HAS_SCHEME.test(v)) {
    if (v.startsWith('data:') && from.endsWith('.css')) return null; // inline images in CSS
    return EXTERNAL_OK.test(v) ? null : `external URL with a scheme other than http(s)/mailto/tel: ${v}`;
  }
  if (v.startsWith('/')) {
    // 404.html is the one page a server shows at any depth, so relative links cannot work there:
    // it may use links from the root of base_url (they must still lead to files of the site).
    if (from !== '404.html') return `root-absolute internal link ${v} (links must be relative)`;
    const basePath = new URL(siteSetting(SOURCE_DIR, 'base_url') ?? '/', 'http://x').pathname.replace(/\/?$/, '/');
    if (!v.startsWith(basePath)) return `${v} is outside base_url's path ${basePath}`;
    return check('index.html', v.slice(basePath.length) || 'index.html', { allowFragmentOnly });
  }
  if (v.includes('\\')) return `backslash in URL ${v}`;
  const hashAt = v.indexOf('#');
  const fragment = hashAt >= 0 ? v.slice(hashAt + 1) : null;
  const pathPart = v.slice(0, hashAt >= 0 ? hashAt : undefined).split('?')[0];
  let target;
  if (pathPart === '') {
    if (!allowFragmentOnly) return `fragment-only URL ${v}`;
    target = from;
  } else {
    const resolved = new URL(pathPart, `file:///ROOT/${from}`);
    if (!resolved.pathname.startsWith('/ROOT/')) return `${v} leaves the site`;
    target = decodeURIComponent(resolved.pathname.slice('/ROOT/'.length));
    if (target === '' || target.endsWith('/')) return `${v} links to a bare directory (${target || '.'}); link to its index.html`;
    if (!files.has(target)) {
      const abs = path.join(out, target);
      if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) return `${v} links to a bare directory ${target}; link to ${target}/index.html`;
      return `${v} → ${target} does not exist`;
    }
  }
  if (fragment !== null && fragment !== '' && fragment !== 'top' && target.endsWith('.html')) {
    const id = decodeURIComponent(fragment);
    if (!idsOf(target).has(id)) return `${v}: no id="${id}" in ${target}`;
  }
  return null;
}

test('every internal href/src resolves to a file of the output; fragments to ids; external links are http(s)/mailto/tel', () => {
  const problems = [];
  let checked = 0;
  for (const f of files) {
    if (!f.endsWith('.html')) continue;
    const html = readText(out, f);
    for (const u of urlsOf(html)) {
      checked++;
      const p = check(f, u.value);
      if (p) problems.push(`${f}: <${u.tag} ${u.attr}>: ${p}`);
    }
  }
  assert.ok(checked > 0, 'no links found at all');
  const shown = problems.slice(0, 60);
  assert.deepEqual(shown, [], `${problems.length} broken links (first ${shown.length} shown)`);
});

test('url() references in the CSS assets resolve', () => {
  const problems = [];
  for (const f of files) {
    if (!f.endsWith('.css')) continue;
    for (const u of cssUrls(readText(out, f))) {
      const p = check(f, u, { allowFragmentOnly: true });
      if (p) problems.push(`${f}: url(${u}): ${p}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every page is reachable by links from index.html', () => {
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const f = queue.shift();
    for (const u of urlsOf(readText(out, f))) {
      if (u.attr !== 'href' || HAS_SCHEME.test(u.value) || u.value.startsWith('/') || u.value.startsWith('#')) continue;
      const pathPart = u.value.split('#')[0].split('?')[0];
      const resolved = new URL(pathPart, `file:///ROOT/${f}`);
      const target = decodeURIComponent(resolved.pathname.slice('/ROOT/'.length));
      if (target.endsWith('.html') && files.has(target) && !seen.has(target)) { seen.add(target); queue.push(target); }
    }
  }
  const unreachable = [...files].filter((f) => f.endsWith('.html') && f !== '404.html' && !seen.has(f));
  assert.deepEqual(unreachable, [], 'pages no link leads to');
});

test('every page links its stylesheet, relatively (404.html has it inline)', () => {
  const problems = [];
  for (const f of files) {
    if (!f.endsWith('.html')) continue;
    const toks = tokenize(readText(out, f));
    if (f === '404.html') {
      // README: 404.html carries its stylesheet inline (a server shows it at any depth).
      if (!toks.some((t) => t.type === 'tag' && t.name === 'style' && (t.text ?? '').trim().length > 100)) problems.push('404.html: no inline <style>');
      continue;
    }
    if (isPrintDocument(f)) {
      // A handbook's print.html is self-contained: its own CSS inline, no site stylesheet.
      if (!toks.some((t) => t.type === 'tag' && t.name === 'style' && /@page/.test(t.text ?? ''))) problems.push(`${f}: no inline @page CSS`);
      continue;
    }
    const sheets = toks.filter((t) => t.type === 'tag' && t.name === 'link' && /\bstylesheet\b/i.test(t.attrs.rel ?? ''));
    if (!sheets.some((t) => /(^|\/)assets\/style\.css(\?|$)/.test(t.attrs.href ?? ''))) problems.push(`${f}: no <link rel="stylesheet" href="…assets/style.css">`);
  }
  assert.deepEqual(problems.slice(0, 20), []);
});
