// The search page of a tsunagu site: runs in the browser from the index files the build wrote
// under search/ (format: generator/index/search_index.h). No server, no network beyond the
// site's own files, and it works opened from disk: the index files are classic scripts loaded
// with <script> elements, which file:// allows and fetch() does not.
//
// window.tsunagu.search(query, {filters, near, openOn, limit}) → Promise<[{id, title, url, score, …}]>
//   filters: {kind: ['activity'|'consultation'|'organization'], type: [content-type slug], form: [slug], target: [slug],
//             area: [area id; includes the areas inside it], wd: [0..6, 0 = Sunday],
//             time: ['morning'|'afternoon'|'evening'], fee: ['free'|'paid'],
//             access: ['barrier-free'|'pickup'|'wheelchair-toilet'], status: [slug]}
//   near:    {lat, lon} — results ordered by distance (the position stays in this page)
//   openOn:  'today' | 'week' | 'YYYY-MM-DD' | {from: 'YYYY-MM-DD', to: 'YYYY-MM-DD'}
// Values within one filter combine with OR, different filters with AND. The array also has
// .total (all matches) and .partial (true when no record had every word and near matches are shown).
// Needs tokenizer.js (window.tsunaguTokenizer) and schedule.js (window.tsunaguSchedule).
(function () {
  'use strict';

  const FINAL = '0123456789abcdefghijklmnopqrstuv';
  const CONTINUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_';
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < 32; ++i) {
    DIGIT[FINAL.charCodeAt(i)] = i;
    DIGIT[CONTINUE.charCodeAt(i)] = 32 + i;
  }
  const FACETS = ['kind', 'type', 'form', 'target', 'area', 'wd', 'time', 'fee', 'access', 'status', 'open'];
  const TIME_BITS = { morning: 1, afternoon: 2, evening: 4 };
  const FEE_CODES = { free: 1, paid: 2 };
  const ACCESS_BITS = { 'barrier-free': 1, pickup: 2, 'wheelchair-toilet': 4 };
  const KINDS = ['activity', 'consultation', 'organization'];

  // ---------------------------------------------------------------------------------------
  // Loading index files

  const store = new Map();     // "kind:n" → data
  const waiting = new Map();   // "kind:n" → Promise
  let root = '';

  window.tsunaguSearchData = function (kind, n, data) { store.set(kind + ':' + n, data); };

  function load(kind, n) {
    const key = kind + ':' + n;
    if (store.has(key)) return Promise.resolve(store.get(key));
    if (waiting.has(key)) return waiting.get(key);
    const dir = kind === 'manifest' ? '' : kind === 'shard' ? 'shards/' : kind + '/';
    const file = kind === 'manifest' ? 'manifest.js' : n + '.js';
    const p = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = root + 'search/' + dir + file;
      s.async = true;
      s.onload = () => {
        s.remove();
        if (store.has(key)) resolve(store.get(key));
        else reject(new Error('search index file did not register: ' + s.src));
      };
      s.onerror = () => { s.remove(); waiting.delete(key); reject(new Error('search index file missing: ' + s.src)); };
      document.head.appendChild(s);
    });
    waiting.set(key, p);
    return p;
  }

  const manifest = () => load('manifest', 0);

  function tokenHash(token) {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(token)) {
      h ^= b;
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h >>> 0;
  }

  async function docColumns(m, docs) {
    const files = new Set();
    if (docs === null) for (let f = 0; f < m.docs_files; ++f) files.add(f);
    else for (const d of docs) files.add(Math.floor(d / m.docs_chunk));
    const loaded = await Promise.all([...files].map((f) => load('docs', f).then((c) => [f, c])));
    return new Map(loaded);
  }

  async function metaRows(m, docs) {
    const files = [...new Set(docs.map((d) => Math.floor(d / m.meta_chunk)))];
    await Promise.all(files.map((f) => load('meta', f)));
    return docs.map((d) => store.get('meta:' + Math.floor(d / m.meta_chunk))[d % m.meta_chunk]);
  }

  // ---------------------------------------------------------------------------------------
  // Dates (calendar days, never the local time zone's clock arithmetic)

  // Today in Japan (the schedules are Japanese local dates), whatever the device's time zone.
  function todayIso() {
    const S = window.tsunaguSchedule;
    if (S && S.todayInJapan && S.iso) return S.iso(S.todayInJapan());
    const n = new Date();
    return isoOf(n.getFullYear(), n.getMonth() + 1, n.getDate());
  }
  function isoOf(y, m, d) { return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0'); }
  function addDays(iso, n) {
    const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + n * 86400000;
    const x = new Date(t);
    return isoOf(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
  }
  function weekdayOf(iso) { return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))).getUTCDay(); }

  // The days an openOn value covers: 'week' is today through Sunday.
  function openRange(openOn, today) {
    if (!openOn) return null;
    if (openOn === 'today') return { from: today, to: today };
    if (openOn === 'week') return { from: today, to: addDays(today, (7 - weekdayOf(today)) % 7) };
    if (typeof openOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(openOn)) return { from: openOn, to: openOn };
    if (openOn.from) return { from: openOn.from, to: openOn.to || openOn.from };
    return null;
  }

  const nextCache = new Map();  // "doc|from" → next occurrence or null
  function nextOf(doc, schedule, from) {
    if (!schedule || !window.tsunaguSchedule) return null;
    const key = doc + '|' + from;
    if (!nextCache.has(key)) nextCache.set(key, window.tsunaguSchedule.nextOccurrence(schedule, from) || null);
    return nextCache.get(key);
  }
  function occurrenceDate(o) {
    if (!o) return null;
    const d = o.date ?? o;
    return typeof d === 'string' ? d : isoOf(d.y, d.m, d.d);
  }

  // ---------------------------------------------------------------------------------------
  // Filtering

  function areaSet(m, ids) {
    const index = new Map(m.areas.map((a, i) => [a[0], i]));
    const children = m.areas.map(() => []);
    m.areas.forEach((a, i) => { if (a[2] >= 0) children[a[2]].push(i); });
    const out = new Set();
    const stack = ids.map((id) => index.get(id)).filter((i) => i !== undefined);
    while (stack.length) {
      const a = stack.pop();
      if (out.has(a)) continue;
      out.add(a);
      stack.push(...children[a]);
    }
    return out;
  }

  function slugIndex(list, slugs) { return slugs.map((s) => list.findIndex((t) => t[0] === s)).filter((i) => i >= 0); }
  const asList = (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]);

  // One predicate per active filter: (columns, row) → bool.
  function compileFilters(m, filters, range) {
    const f = {};
    const bitsOf = (idx) => idx.reduce((b, i) => b | (1 << i), 0);
    const kind = asList(filters.kind);
    if (kind.length) { const ks = kind.map((k) => KINDS.indexOf(k)); f.kind = (c, r) => ks.includes(c.k[r]); }
    const type = asList(filters.type);
    if (type.length) { const b = bitsOf(slugIndex(m.content_types, type)); f.type = (c, r) => (c.ct[r] & b) !== 0; }
    const form = asList(filters.form);
    if (form.length) { const fs = slugIndex(m.forms, form); f.form = (c, r) => fs.includes(c.fm[r]); }
    const target = asList(filters.target);
    if (target.length) { const b = bitsOf(slugIndex(m.targets, target)); f.target = (c, r) => (c.tg[r] & b) !== 0; }
    const area = asList(filters.area);
    if (area.length) { const set = areaSet(m, area); f.area = (c, r) => c.ar[r].some((a) => set.has(a)); }
    const wd = asList(filters.wd).map(Number).filter((d) => d >= 0 && d <= 6);
    if (wd.length) { const b = bitsOf(wd); f.wd = (c, r) => (c.wd[r] & b) !== 0; }
    const time = asList(filters.time);
    if (time.length) { const b = time.reduce((x, t) => x | (TIME_BITS[t] || 0), 0); f.time = (c, r) => (c.td[r] & b) !== 0; }
    const fee = asList(filters.fee).map((x) => FEE_CODES[x]).filter(Boolean);
    if (fee.length) f.fee = (c, r) => fee.includes(c.fe[r]);
    const access = asList(filters.access);
    if (access.length) { const b = access.reduce((x, t) => x | (ACCESS_BITS[t] || 0), 0); f.access = (c, r) => (c.ac[r] & b) !== 0; }
    const status = asList(filters.status);
    if (status.length) { const ss = slugIndex(m.statuses, status); f.status = (c, r) => ss.includes(c.st[r]); }
    if (range) f.open = (c, r, doc) => { const n = occurrenceDate(nextOf(doc, c.sc[r], range.from)); return n !== null && n <= range.to; };
    return f;
  }

  // Which values of each facet a row has, for the counts.
  function facetValues(m, c, r, doc, today) {
    const bits = (mask, list) => list.filter((_, i) => mask & (1 << i)).map((t) => t[0]);
    const v = {
      kind: [KINDS[c.k[r]]],
      type: bits(c.ct[r], m.content_types),
      form: c.fm[r] >= 0 && m.forms[c.fm[r]] ? [m.forms[c.fm[r]][0]] : [],
      target: bits(c.tg[r], m.targets),
      area: [],
      wd: [0, 1, 2, 3, 4, 5, 6].filter((d) => c.wd[r] & (1 << d)).map(String),
      time: Object.keys(TIME_BITS).filter((t) => c.td[r] & TIME_BITS[t]),
      fee: Object.keys(FEE_CODES).filter((t) => c.fe[r] === FEE_CODES[t]),
      access: Object.keys(ACCESS_BITS).filter((t) => c.ac[r] & ACCESS_BITS[t]),
      status: c.st[r] >= 0 && m.statuses[c.st[r]] ? [m.statuses[c.st[r]][0]] : [],
      open: [],
    };
    const seen = new Set();
    for (let a of c.ar[r]) for (; a >= 0 && !seen.has(a); a = m.areas[a][2]) { seen.add(a); v.area.push(m.areas[a][0]); }
    const next = occurrenceDate(nextOf(doc, c.sc[r], today));
    if (next !== null) {
      if (next === today) v.open.push('today');
      if (next <= openRange('week', today).to) v.open.push('week');
    }
    return v;
  }

  function distanceMeters(lat1, lon1, lat2, lon2) {
    const rad = Math.PI / 180, R = 6371000;
    const dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    const a = Math.sin(dlat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dlon / 2) ** 2;
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // ---------------------------------------------------------------------------------------
  // The search

  // The query's tokens, but of a long Japanese run only every other bigram plus the last: they
  // still cover every character, and each token costs a shard file to fetch (はとばちょう needs
  // はと ばち ょう, not all five bigrams). Distinct, in query order.
  function coveringTokens(query) {
    const T = window.tsunaguTokenizer;
    const out = [];
    for (const run of T.searchRuns(query)) {
      const toks = T.tokenizeQuery(run);
      if (toks.length < 3) { out.push(...toks); continue; }
      for (let i = 0; i < toks.length; i += 2) out.push(toks[i]);
      if (toks.length % 2 === 0) out.push(toks[toks.length - 1]);
    }
    return [...new Set(out)];
  }

  // Per-document accumulators, reused by every search: a national index has 100,000+
  // documents and a common bigram tens of thousands of postings, so no object per posting and
  // no clearing: a document's entries count only when its stamp is this search's.
  let stamp = new Uint32Array(0), hitCount = new Uint8Array(0), score = new Float64Array(0);
  let touched = new Int32Array(0), listDocs = new Int32Array(0), listWeights = new Uint8Array(0);
  let searchId = 0;

  // Decodes a posting list (search_index.h: base-32 digits, the last of each value from FINAL;
  // value = (doc − previous doc) × 16 + weight − 1) into listDocs/listWeights; returns the count.
  function decodeList(list) {
    if (listDocs.length < list.length) {
      listDocs = new Int32Array(list.length);
      listWeights = new Uint8Array(list.length);
    }
    let v = 0, doc = -1, n = 0;
    for (let i = 0; i < list.length; ++i) {
      const d = DIGIT[list.charCodeAt(i)];
      if (d >= 32) { v = v * 32 + (d - 32); continue; }
      v = v * 32 + d;
      doc += Math.floor(v / 16);
      listDocs[n] = doc;
      listWeights[n++] = (v % 16) + 1;
      v = 0;
    }
    return n;
  }

  // Matching documents for the words of `query`: Map doc → {hits, score}; null for no words.
  async function match(m, query) {
    const tokens = coveringTokens(query || '');
    if (!tokens.length) return { hits: null, partial: false };
    const shards = [...new Set(tokens.map((t) => tokenHash(t) % m.shards))];
    await Promise.all(shards.map((s) => load('shard', s)));
    if (stamp.length < m.documents) {
      stamp = new Uint32Array(m.documents);
      hitCount = new Uint8Array(m.documents);
      score = new Float64Array(m.documents);
      touched = new Int32Array(m.documents);
    }
    const id = ++searchId;
    let nTouched = 0;
    for (const t of tokens) {
      const list = store.get('shard:' + (tokenHash(t) % m.shards))[t];
      if (!list) continue;
      const df = decodeList(list);
      const idf = Math.log(1 + m.documents / df);
      for (let k = 0; k < df; ++k) {
        const doc = listDocs[k];
        if (stamp[doc] !== id) {
          stamp[doc] = id;
          hitCount[doc] = 0;
          score[doc] = 0;
          touched[nTouched++] = doc;
        }
        hitCount[doc] += 1;
        score[doc] += listWeights[k] * idf;
      }
    }
    const all = tokens.length;
    let need = all, partial = true;
    for (let k = 0; k < nTouched; ++k) if (hitCount[touched[k]] === all) { partial = false; break; }
    // No record has every word: show the ones with most of them, marked as near matches.
    if (partial) need = Math.max(1, Math.ceil(all * 2 / 3));
    const hits = new Map();
    for (let k = 0; k < nTouched; ++k) {
      const d = touched[k];
      if (hitCount[d] >= need) hits.set(d, { hits: hitCount[d], score: score[d] });
    }
    return { hits, partial };
  }

  // Everything the page needs: ordered matches, facet counts, and the total.
  async function run(query, options) {
    options = options || {};
    const m = await manifest();
    const filters = options.filters || {};
    const today = options.today || todayIso();
    const range = openRange(options.openOn, today);
    const { hits, partial } = await match(m, query);
    const active = compileFilters(m, filters, range);
    const names = Object.keys(active);
    const needColumns = names.length > 0 || options.near || options.counts;
    let ordered = [];
    const counts = {};
    if (hits !== null && !needColumns) {
      ordered = [...hits].map(([doc, e]) => ({ doc, score: e.score, hits: e.hits }));
    } else {
      const docs = hits === null ? null : [...hits.keys()];
      if (docs === null && !names.length && !options.near && !options.counts) return { ordered: [], counts, partial, total: 0, m };
      const cols = await docColumns(m, docs);
      const visit = (doc) => {
        const c = cols.get(Math.floor(doc / m.docs_chunk)), r = doc % m.docs_chunk;
        let failed = null, failures = 0;
        for (const name of names) if (!active[name](c, r, doc)) { failed = name; if (++failures > 1) break; }
        if (options.counts && failures <= 1) {
          const values = facetValues(m, c, r, doc, today);
          for (const facet of FACETS) {
            if (failures === 1 && facet !== failed) continue;
            for (const v of values[facet]) counts[facet + ':' + v] = (counts[facet + ':' + v] || 0) + 1;
          }
        }
        if (failures) return;
        const e = hits ? hits.get(doc) : { score: 0, hits: 0 };
        const item = { doc, score: e.score, hits: e.hits };
        if (options.near && c.la[r]) item.distance = distanceMeters(options.near.lat, options.near.lon, c.la[r] / 1e5, c.lo[r] / 1e5);
        ordered.push(item);
      };
      if (docs === null) for (let d = 0; d < m.documents; ++d) visit(d);
      else for (const d of docs) visit(d);
    }
    if (options.near) {
      const far = Number.POSITIVE_INFINITY;
      ordered.sort((a, b) => (a.distance ?? far) - (b.distance ?? far) || b.score - a.score || a.doc - b.doc);
    } else {
      ordered.sort((a, b) => b.hits - a.hits || b.score - a.score || a.doc - b.doc);
    }
    return { ordered, counts, partial, total: ordered.length, m, today };
  }

  async function describe(m, items, today) {
    const rows = await metaRows(m, items.map((i) => i.doc));
    return items.map((item, k) => {
      const row = rows[k];
      const next = row[8] ? nextOf(item.doc, row[8], today) : null;
      const out = {
        id: row[0], title: row[1], url: row[2], score: Math.round(item.score * 1000) / 1000,
        kind: KINDS[row[3]], categories: row[4], areas: row[5], summary: row[6],
        reading: row[7], status: row[12],
      };
      if (row[9]) { out.lat = row[9] / 1e5; out.lon = row[10] / 1e5; out.approximate = row[11] === 1; }
      if (item.distance !== undefined) out.distance = Math.round(item.distance);
      if (next) {
        out.next = occurrenceDate(next);
        if (window.tsunaguSchedule.formatNext) out.nextText = window.tsunaguSchedule.formatNext(next);
      }
      return out;
    });
  }

  async function search(query, options) {
    options = Object.assign({}, options || {});
    const limit = options.limit ?? 50;
    const r = await run(query, options);
    const list = await describe(r.m, r.ordered.slice(0, limit), r.today);
    list.total = r.total;
    list.partial = r.partial;
    return list;
  }

  window.tsunagu = Object.assign(window.tsunagu || {}, { search, version: 1 });

  // ---------------------------------------------------------------------------------------
  // The page

  const form = document.getElementById('search-form');
  if (!form) return;
  root = form.getAttribute('data-root') || '';
  const $ = (id) => document.getElementById(id);
  const input = $('search-q'), status = $('search-status'), results = $('search-results');
  const moreWrap = $('search-more-wrap'), more = $('search-more'), filtersBox = $('search-filters');
  const nearSelect = $('search-near'), geoButton = $('search-geolocate');
  const PAGE = 20;
  let shown = 0, current = null, here = null, generation = 0, mapHandle = null;

  filtersBox.hidden = false;
  $('search-view-switch').hidden = !window.tsunaguMap;

  function stateFromForm() {
    const data = new FormData(form);
    const filters = {};
    for (const f of ['kind', 'type', 'form', 'target', 'area', 'wd', 'time', 'fee', 'access', 'status']) filters[f] = data.getAll(f).filter((v) => v !== '');
    return { q: (data.get('q') || '').trim(), filters, open: data.get('open') || '', near: data.get('near') || '' };
  }

  function formToUrl(push) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v !== '') params.append(k, v);
    if ($('search-show-map').getAttribute('aria-pressed') === 'true') params.set('view', 'map');
    const qs = params.toString();
    const url = location.pathname + (qs ? '?' + qs : '') + location.hash;
    try { history[push ? 'pushState' : 'replaceState'](null, '', url); } catch (e) { /* file:// in some browsers */ }
  }

  function urlToForm() {
    const params = new URLSearchParams(location.search);
    for (const el of form.elements) {
      if (!el.name) continue;
      const values = params.getAll(el.name);
      if (el.type === 'checkbox') el.checked = values.includes(el.value);
      else if (el.type === 'radio') el.checked = values.length ? values.includes(el.value) : el.value === '';
      else if (el.tagName === 'SELECT' || el.type === 'search' || el.type === 'text') el.value = values[0] ?? '';
    }
    if (params.get('near') === 'here') addHereOption();
    // Chosen filters are shown; with none the results sit right under the search box.
    const chosen = [...params.keys()].some((k) => k !== 'q' && k !== 'view');
    if (chosen) $('search-filter-details').open = true;
    $('search-show-map').setAttribute('aria-pressed', params.get('view') === 'map' ? 'true' : 'false');
  }

  function addHereOption() {
    if (nearSelect.querySelector('option[value="here"]')) return;
    const o = document.createElement('option');
    o.value = 'here';
    o.textContent = '現在地';
    nearSelect.insertBefore(o, nearSelect.options[1] || null);
    nearSelect.value = 'here';
  }

  async function nearPoint(m, value) {
    if (!value) return null;
    if (value === 'here') return here;
    const parts = value.split(':');
    const id = parts[1];
    let a = m.areas.findIndex((x) => x[0] === id);
    while (a >= 0 && !m.areas[a][3]) a = m.areas[a][2];
    return a >= 0 ? { lat: m.areas[a][3] / 1e5, lon: m.areas[a][4] / 1e5 } : null;
  }

  function distanceText(m) { return m < 1000 ? `約${Math.max(10, Math.round(m / 10) * 10)} m` : `約${(m / 1000).toFixed(1)} km`; }

  function resultItem(r) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = root + r.url;
    a.textContent = r.title;
    h.appendChild(a);
    li.appendChild(h);
    const facts = document.createElement('p');
    facts.className = 'result-facts';
    const parts = [{ consultation: '相談窓口', organization: '団体' }[r.kind] || '', r.categories, r.areas].filter(Boolean);
    if (r.status && r.status !== '活動中') parts.push(r.status);
    facts.textContent = parts.join('｜');
    li.appendChild(facts);
    if (r.summary) {
      const p = document.createElement('p');
      p.textContent = r.summary;
      li.appendChild(p);
    }
    const extra = [];
    if (r.nextText) extra.push('次回 ' + r.nextText);
    if (r.distance !== undefined) extra.push((r.approximate ? 'おおよその場所まで ' : 'ここから ') + distanceText(r.distance));
    if (extra.length) {
      const p = document.createElement('p');
      p.className = 'result-next';
      p.textContent = extra.join('　');
      li.appendChild(p);
    }
    return li;
  }

  function updateCounts(counts, ready) {
    for (const span of form.querySelectorAll('.facet-count')) {
      const n = counts[span.getAttribute('data-count')] || 0;
      span.textContent = ready ? `（${n}）` : '';
    }
    for (const opt of $('search-area').options) {
      if (!opt.value) continue;
      const base = opt.getAttribute('data-label') || opt.textContent;
      opt.setAttribute('data-label', base);
      opt.textContent = ready ? `${base}（${counts['area:' + opt.value] || 0}）` : base;
    }
  }

  async function showMore() {
    if (!current) return;
    const mine = generation;
    const slice = current.ordered.slice(shown, shown + PAGE);
    const described = await describe(current.m, slice, current.today);
    if (mine !== generation) return;
    const first = results.children.length;
    for (const r of described) results.appendChild(resultItem(r));
    shown += slice.length;
    moreWrap.hidden = shown >= current.ordered.length;
    if (first > 0 && results.children[first]) results.children[first].querySelector('a').focus();
    drawMap();
  }

  async function drawMap() {
    const box = $('search-map');
    const on = $('search-show-map').getAttribute('aria-pressed') === 'true';
    box.hidden = !on;
    if (!on || !window.tsunaguMap || !current) return;
    const described = await describe(current.m, current.ordered.slice(0, Math.max(shown, PAGE)), current.today);
    const points = described.filter((r) => r.lat !== undefined)
      .map((r) => ({ lat: r.lat, lon: r.lon, title: r.title, url: root + r.url, approximate: r.approximate, label: r.categories }));
    if (mapHandle) {
      mapHandle.update(points);
      if (mapHandle.map && mapHandle.map.invalidateSize) mapHandle.map.invalidateSize();  // it was hidden
    } else {
      mapHandle = window.tsunaguMap.render(box, points, {});
    }
  }

  async function refresh() {
    const mine = ++generation;
    const st = stateFromForm();
    const anything = st.q || st.open || st.near || Object.values(st.filters).some((v) => v.length);
    try {
      const m = await manifest();
      const near = await nearPoint(m, st.near);
      if (!anything) {
        current = null;
        results.textContent = '';
        moreWrap.hidden = true;
        status.textContent = 'さがす言葉を入れるか、条件を選んでください。';
        // Counts before any choice need every facet file: worth it for a city, not for a nation.
        if (m.documents > 5000) { updateCounts({}, false); return; }
        const r = await run('', { counts: true });
        if (mine === generation) updateCounts(r.counts, true);
        return;
      }
      status.textContent = 'さがしています…';
      const r = await run(st.q, { filters: st.filters, openOn: st.open || undefined, near: near || undefined, counts: true });
      if (mine !== generation) return;
      current = r;
      shown = 0;
      results.textContent = '';
      updateCounts(r.counts, true);
      await showMore();
      if (mine !== generation) return;
      // Announced once the list is there, so a screen reader user can go straight to it.
      const what = st.q ? `「${st.q}」` : 'この条件';
      if (!r.total) status.textContent = `${what}に合うものは見つかりませんでした。言葉を短くするか、ひらがなで入れてみてください。`;
      else if (r.partial) status.textContent = `${what}にすべて合うものはありませんでした。近いものを${r.total}件表示します。`;
      else status.textContent = `${what}で${r.total}件見つかりました。` + (near ? '近い順にならべています。' : '');
    } catch (e) {
      if (mine === generation) status.textContent = '検索の準備ができませんでした。ページを読み込み直してください。（' + e.message + '）';
    }
  }

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { formToUrl(false); refresh(); }, 250);
  });
  form.addEventListener('change', (e) => {
    if (e.target === input) return;
    formToUrl(false);
    refresh();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    formToUrl(true);
    refresh().then(() => { status.focus?.(); });
  });
  $('search-reset').addEventListener('click', (e) => {
    e.preventDefault();
    form.reset();
    for (const el of form.elements) if (el.type === 'checkbox') el.checked = false;
    input.value = '';
    formToUrl(true);
    refresh();
  });
  more.addEventListener('click', () => { showMore(); });
  $('search-show-map').addEventListener('click', (e) => {
    const b = e.currentTarget;
    b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
    formToUrl(false);
    drawMap();
  });
  geoButton.addEventListener('click', () => {
    if (!navigator.geolocation) { status.textContent = 'この端末では現在地を使えません。地域名や町名を選んでください。'; return; }
    status.textContent = '現在地を調べています…';
    navigator.geolocation.getCurrentPosition((pos) => {
      here = { lat: pos.coords.latitude, lon: pos.coords.longitude };
      addHereOption();
      formToUrl(false);
      refresh();
    }, () => { status.textContent = '現在地がわかりませんでした。地域名や町名を選んでください。'; }, { maximumAge: 300000, timeout: 15000 });
  });
  window.addEventListener('popstate', () => { urlToForm(); refresh(); });

  urlToForm();
  if (nearSelect.value === 'here' && !here && navigator.geolocation) geoButton.click();
  else refresh();
})();
