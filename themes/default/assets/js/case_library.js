// The case library of cases/index.html. The page is complete without this script: every case
// is listed and the comparison table holds every profile. With it, the filter form appears
// (theme, prefecture, population band, tier, element, content type: AND across filters), each
// case with a profile gets a 「この事例を比べる」 box, and the comparison table narrows to the
// ticked cases. Filters and the selection live in the URL (?theme=t2&compare=a,b), so a
// filtered list or a comparison can be shared and printed.
//
// A classic script, not a module: modules do not load from file://.
(function () {
  'use strict';

  const form = document.querySelector('[data-case-filters]');
  const list = document.querySelector('[data-case-list]');
  if (!form || !list) return;
  const items = Array.from(list.querySelectorAll('li[data-case]'));
  const selects = Array.from(form.querySelectorAll('select[data-filter]'));
  const statusLine = form.querySelector('[data-case-count]');
  const table = document.querySelector('[data-compare-table]');
  const rows = table ? Array.from(table.tBodies[0].rows) : [];
  const actions = document.querySelector('[data-compare-actions]');
  const hint = document.querySelector('[data-compare-hint]');
  const hintText = hint ? hint.textContent : '';
  const boxes = Array.from(list.querySelectorAll('input[data-compare]'));

  function selected() { return boxes.filter((b) => b.checked).map((b) => b.getAttribute('data-compare')); }

  function matches(item) {
    return selects.every((s) => {
      if (!s.value) return true;
      const have = (item.getAttribute('data-' + s.getAttribute('data-filter')) || '').split(' ');
      return have.includes(s.value);
    });
  }

  function writeUrl() {
    const params = new URLSearchParams();
    for (const s of selects) if (s.value) params.set(s.name, s.value);
    const picked = selected();
    if (picked.length) params.set('compare', picked.join(','));
    const q = params.toString().replace(/%2C/gi, ',');  // ids are [a-z0-9-]: a plain comma reads better when shared
    const url = location.pathname + (q ? '?' + q : '') + location.hash;
    try { history.replaceState(null, '', url); } catch (e) { /* file:// in some browsers */ }
  }

  function apply() {
    let shown = 0;
    for (const item of items) {
      const ok = matches(item);
      item.hidden = !ok;
      if (ok) ++shown;
    }
    statusLine.textContent = shown === items.length ? `${items.length}件の事例をすべて表示しています。`
      : `${items.length}件のうち${shown}件の事例を表示しています。`;
    const picked = selected();
    for (const r of rows) r.hidden = picked.length > 0 && !picked.includes(r.getAttribute('data-case'));
    if (actions) actions.hidden = picked.length === 0;
    if (hint) hint.textContent = picked.length ? `選んだ${picked.length}件の事例を並べています。` : hintText;
    writeUrl();
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    for (const s of selects) {
      const v = params.get(s.name);
      if (v && Array.from(s.options).some((o) => o.value === v)) s.value = v;
    }
    const picked = (params.get('compare') || '').split(',').filter(Boolean);
    for (const b of boxes) b.checked = picked.includes(b.getAttribute('data-compare'));
  }

  form.hidden = false;
  for (const b of boxes) b.closest('.compare-pick').hidden = false;
  readUrl();
  for (const s of selects) s.addEventListener('change', apply);
  for (const b of boxes) b.addEventListener('change', apply);
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  const clear = document.querySelector('[data-compare-clear]');
  if (clear) clear.addEventListener('click', () => {
    for (const b of boxes) b.checked = false;
    apply();
    // The button hides itself: keep keyboard and screen-reader users where they were.
    if (hint) { hint.setAttribute('tabindex', '-1'); hint.focus(); }
  });
  apply();
})();
