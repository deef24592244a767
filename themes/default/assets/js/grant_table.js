// The grant table of funds/ID/grants.html, sortable and filterable. The page is complete without
// this script: every grant is in the table in award order and the footer holds the totals.
// With it, the sortable column headers become buttons (aria-sort tells which column orders the
// rows and which way), the filter form (year, programme, status) appears, and the footer shows the
// totals of the rows on view, announced in a status line.
//
// A classic script, not a module: modules do not load from file://.
(function () {
  'use strict';

  function yen(n) {
    const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (n < 0 ? '-' : '') + s + '円';
  }

  function cellValue(row, col, kind) {
    const cell = row.cells[col];
    if (!cell) return kind === 'number' ? 0 : '';
    const v = cell.getAttribute('data-sort-value');
    if (kind === 'number') return Number(v !== null ? v : cell.textContent.replace(/[^0-9-]/g, '')) || 0;
    return (v !== null ? v : cell.textContent).trim();
  }

  function setUp(table) {
    const body = table.tBodies[0];
    if (!body) return;
    const rows = Array.from(body.rows);
    rows.forEach((r, i) => { r.dataset.order = String(i); });
    const form = document.querySelector('[data-grant-filters]');
    const statusLine = form ? form.querySelector('[data-grant-count]') : null;
    const totalLabel = table.querySelector('[data-total-label]');
    const totalAwarded = table.querySelector('[data-total="awarded"]');
    const totalDisbursed = table.querySelector('[data-total="disbursed"]');
    const collator = new Intl.Collator('ja');

    // Sorting: a button in each sortable header; a second press reverses the order.
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((th, col) => {
      const kind = th.getAttribute('data-sort');
      if (!kind) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const sorted = Array.from(body.rows).sort((a, b) => {
          const va = cellValue(a, col, kind);
          const vb = cellValue(b, col, kind);
          let c = kind === 'number' ? va - vb : collator.compare(va, vb);
          if (c === 0) c = Number(a.dataset.order) - Number(b.dataset.order);
          return ascending ? c : -c;
        });
        sorted.forEach((r) => body.appendChild(r));
      });
    });

    // Filtering by year, programme and status; the footer follows the rows on view.
    function apply() {
      const wanted = {};
      if (form) form.querySelectorAll('select[data-filter]').forEach((s) => { wanted[s.getAttribute('data-filter')] = s.value; });
      let shown = 0;
      let counted = 0;
      let awarded = 0;
      let disbursed = 0;
      rows.forEach((r) => {
        const visible = Object.keys(wanted).every((k) => !wanted[k] || r.getAttribute(`data-${k}`) === wanted[k]);
        r.hidden = !visible;
        if (!visible) return;
        shown += 1;
        const a = r.querySelector('[data-amount]');
        const d = r.querySelector('[data-disbursed]');
        if (!r.hasAttribute('data-cancelled')) {
          counted += 1;
          awarded += a ? Number(a.getAttribute('data-amount')) : 0;
        }
        disbursed += d ? Number(d.getAttribute('data-disbursed')) : 0;
      });
      const all = shown === rows.length;
      const cancelled = rows.some((r) => !r.hidden && r.hasAttribute('data-cancelled'));
      if (totalLabel) totalLabel.textContent = `${all ? '合計' : '表示中の合計'}（${counted.toLocaleString('ja-JP')}件${cancelled ? '、取消を除く' : ''}）`;
      if (totalAwarded) totalAwarded.textContent = yen(awarded);
      if (totalDisbursed) totalDisbursed.textContent = yen(disbursed);
      if (statusLine) statusLine.textContent = `${rows.length}件のうち${shown}件を表示しています。助成決定額の合計は${yen(awarded)}です。`;
    }
    if (form) {
      form.hidden = false;
      form.addEventListener('change', apply);
      form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
    }
  }

  function start() { document.querySelectorAll('table[data-grant-table]').forEach(setUp); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
