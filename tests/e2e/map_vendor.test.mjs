// Leaflet for the map view is found at build time and copied into the output
// (render/vendor_assets.cpp); the repository never holds it. Without it the site is built
// without the map — a warning, and no map markup or script reference anywhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import {
  NODE_MODULES, SOURCE_DIR, assertBuiltOk, build, buildExampleOnce, copyExampleSite, describeRun, formatDiagnostics, freshDir,
  readText, realDiagnostics, startTags, walk,
} from './lib.mjs';

const LEAFLET_DIST = path.join(NODE_MODULES, 'leaflet', 'dist');
const MAP_REF = /vendor\/leaflet|js\/map\.js/;

// Map markup and references in a page's tags (not in text: 404.html inlines style.css, which
// styles the map).
function mapMarks(html) {
  const marks = [];
  for (const t of startTags(html)) {
    for (const k of ['data-tsunagu-map', 'data-tsunagu-map-panel', 'data-lat', 'data-approx']) if (k in t.attrs) marks.push(`<${t.name} ${k}>`);
    for (const k of ['src', 'href']) if (MAP_REF.test(t.attrs[k] ?? '')) marks.push(`<${t.name} ${k}="${t.attrs[k]}">`);
  }
  return marks;
}


function fakeLeaflet(dir, tag) {
  fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'leaflet.js'), `/* ${tag} */\n`);
  fs.writeFileSync(path.join(dir, 'leaflet.css'), `/* ${tag} */\n`);
  fs.writeFileSync(path.join(dir, 'images', 'marker-icon.png'), tag);
  return dir;
}

describe('Leaflet in the example site', () => {
  let b;
  before(() => {
    b = buildExampleOnce();
    assertBuiltOk(assert, b);
  });

  test('leaflet.js, leaflet.css and its images are copied byte for byte; no source maps', () => {
    for (const f of ['leaflet.js', 'leaflet.css', 'images/marker-icon.png', 'images/marker-icon-2x.png', 'images/marker-shadow.png', 'images/layers.png']) {
      const built = path.join(b.out, 'assets', 'vendor', 'leaflet', f);
      assert.ok(fs.existsSync(built), `${f} was not copied`);
      assert.ok(fs.readFileSync(built).equals(fs.readFileSync(path.join(LEAFLET_DIST, f))), `${f} differs from ${LEAFLET_DIST}`);
    }
    assert.ok(fs.existsSync(path.join(b.out, 'assets', 'vendor', 'leaflet', 'LICENSE.txt')), 'the licence did not travel with the code');
    assert.deepEqual(walk(b.out).filter((f) => f.endsWith('.map') || f.includes('esm')), []);
    assert.ok(fs.existsSync(path.join(b.out, 'assets', 'js', 'map.js')));
  });

  test('pages with a map load leaflet.css, leaflet.js then map.js; other pages load none of them', () => {
    const pages = walk(b.out).filter((f) => f.endsWith('.html'));
    const withMap = pages.filter((p) => mapMarks(readText(b.out, p)).length > 0);
    assert.ok(withMap.some((p) => p.startsWith('areas/')), 'no area page has a map');
    for (const p of withMap) {
      // Area pages, and the search page (which draws its results with tsunaguMap.render).
      assert.match(p, /^(areas\/[^/]+|search\/index)\.html$/, `${p} has a map`);
      const html = readText(b.out, p);
      const scripts = startTags(html, 'script').filter((t) => t.attrs.src);
      const srcs = scripts.map((t) => t.attrs.src);
      const leaflet = srcs.indexOf('../assets/vendor/leaflet/leaflet.js');
      assert.ok(leaflet >= 0 && leaflet < srcs.indexOf('../assets/js/map.js'), `${p}: ${srcs}`);
      assert.ok(scripts.every((t) => 'defer' in t.attrs), `${p}: scripts without defer`);
      if (p.startsWith('areas/')) assert.deepEqual(srcs, ['../assets/vendor/leaflet/leaflet.js', '../assets/js/map.js'], p);
      const sheets = startTags(html, 'link').filter((t) => t.attrs.rel === 'stylesheet').map((t) => t.attrs.href);
      assert.ok(sheets.indexOf('../assets/vendor/leaflet/leaflet.css') >= 0 &&
        sheets.indexOf('../assets/vendor/leaflet/leaflet.css') < sheets.indexOf('../assets/style.css'), `${p}: ${sheets}`);
      // The map panel is hidden until the script draws it: without scripts the page is its list.
      if (p.startsWith('areas/')) {
        assert.ok(startTags(html, 'div').some((t) => 'data-tsunagu-map-panel' in t.attrs && 'hidden' in t.attrs), `${p}: map panel not hidden`);
      }
    }
    for (const p of pages.filter((q) => !withMap.includes(q))) {
      assert.deepEqual(mapMarks(readText(b.out, p)), [], p);
    }
  });
});

describe('finding Leaflet', () => {
  test('TSUNAGU_NO_VENDOR=1: a warning, and no map markup or script reference anywhere', () => {
    const src = copyExampleSite('map-vendor-none-src');
    const r = build(src, 'map-vendor-none', [], { env: { TSUNAGU_NO_VENDOR: '1', TSUNAGU_LEAFLET_DIR: freshDir('map-vendor-empty') } });
    assert.equal(r.run.status, 0, describeRun(r.run, r.args));
    const ds = realDiagnostics(r.run.diagnostics);
    assert.deepEqual(ds.map((d) => `${d.severity} ${d.code}`), ['warning render.no_leaflet'], formatDiagnostics(ds));
    assert.match(ds[0].message, /Leaflet/);
    assert.match(ds[0].message, /地図なし/);
    const files = walk(r.out);
    assert.deepEqual(files.filter((f) => f.startsWith('assets/vendor/')), []);
    const pages = files.filter((f) => f.endsWith('.html'));
    assert.ok(pages.some((p) => p.startsWith('areas/')));
    const marked = pages.filter((p) => mapMarks(readText(r.out, p)).length > 0);
    assert.deepEqual(marked, [], 'pages that still refer to the map');
    // The lists are all there.
    assert.ok(pages.filter((p) => p.startsWith('areas/')).some((p) => readText(r.out, p).includes('class="card"')));
  });

  test('lookup order: <source>/node_modules/leaflet/dist, then TSUNAGU_LEAFLET_DIR, then the built-in path', () => {
    const src = copyExampleSite('map-vendor-order-src');
    const envDir = fakeLeaflet(freshDir('map-vendor-env'), 'from TSUNAGU_LEAFLET_DIR');

    // No node_modules in the source: the environment variable wins over the built-in path.
    let r = build(src, 'map-vendor-env-out', [], { env: { TSUNAGU_LEAFLET_DIR: envDir } });
    assert.equal(r.run.status, 0, describeRun(r.run, r.args));
    assert.deepEqual(realDiagnostics(r.run.diagnostics), []);
    assert.equal(readText(r.out, 'assets/vendor/leaflet/leaflet.js'), '/* from TSUNAGU_LEAFLET_DIR */\n');

    // The site's own node_modules comes first.
    fakeLeaflet(path.join(src, 'node_modules', 'leaflet', 'dist'), 'from the source folder');
    r = build(src, 'map-vendor-src-out', [], { env: { TSUNAGU_LEAFLET_DIR: envDir } });
    assert.equal(r.run.status, 0, describeRun(r.run, r.args));
    assert.equal(readText(r.out, 'assets/vendor/leaflet/leaflet.js'), '/* from the source folder */\n');
    fs.rmSync(path.join(src, 'node_modules'), { recursive: true, force: true });

    // A TSUNAGU_LEAFLET_DIR without leaflet.js is passed over (here: for tsunagu's own node_modules).
    r = build(src, 'map-vendor-default-out', [], { env: { TSUNAGU_LEAFLET_DIR: freshDir('map-vendor-empty2') } });
    assert.equal(r.run.status, 0, describeRun(r.run, r.args));
    const js = path.join(r.out, 'assets', 'vendor', 'leaflet', 'leaflet.js');
    assert.ok(fs.existsSync(js));
    assert.match(fs.readFileSync(js, 'utf8').slice(0, 200), /Leaflet 1\.9\.4/);
  });

  test('two builds with Leaflet are byte-identical in assets/vendor', () => {
    const src = copyExampleSite('map-vendor-det-src');
    const a = build(src, 'map-vendor-det-a');
    const c = build(src, 'map-vendor-det-b');
    assert.equal(a.run.status, 0, describeRun(a.run, a.args));
    assert.equal(c.run.status, 0, describeRun(c.run, c.args));
    const fa = walk(a.out).filter((f) => f.startsWith('assets/vendor/'));
    assert.deepEqual(fa, walk(c.out).filter((f) => f.startsWith('assets/vendor/')));
    for (const f of fa) assert.ok(fs.readFileSync(path.join(a.out, f)).equals(fs.readFileSync(path.join(c.out, f))), f);
  });
});
