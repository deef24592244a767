// The search tokenizer of the browser, a port of generator/index/tokenizer.cpp and of
// normalize_for_search in generator/text/normalize.cpp. Both sides are pinned by one table,
// tests/spec/tokenizer.json (run by tests/unit/tokenizer_test.cpp and
// tests/e2e/tokenizer_js.test.mjs): change a rule here only together with the C++ and the table.
// No dependencies; runs in Node 20 and current browsers. A classic script, not an ES module:
// module scripts do not load from file://, and the site must work opened from disk. It defines
// window.tsunaguTokenizer (globalThis in Node: `await import(file)` then read the global).
(function () {
'use strict';

// ICU's NFKC_Casefold, from what JavaScript offers: NFKC, then toLowerCase with the few places
// where lower-casing and case folding differ, then the default-ignorable characters (ZWSP,
// soft hyphen, variation selectors …) that NFKC_Casefold deletes, then NFKC again to recompose.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const FOLD_EXTRA = { 'ß': 'ss', 'ς': 'σ', 'ϐ': 'β', 'ϑ': 'θ', 'ϕ': 'φ', 'ϖ': 'π', 'ϰ': 'κ', 'ϱ': 'ρ', 'ϵ': 'ε', 'ẛ': 'ṡ', '\u0345': 'ι' };
const FOLD_EXTRA_RE = new RegExp(`[${Object.keys(FOLD_EXTRA).join('')}]`, 'gu');

function wellFormed(s) {
  // A lone surrogate is what ill-formed UTF-8 is to the C++ side: it becomes U+FFFD.
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function fold(s) {
  s = wellFormed(String(s ?? ''));
  // ASCII is already NFKC; the C++ side only lower-cases A–Z there, and so does this.
  if (/^[\x00-\x7F]*$/.test(s)) return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return s.normalize('NFKC').toLowerCase().replace(FOLD_EXTRA_RE, (c) => FOLD_EXTRA[c])
    .replace(IGNORABLE, '').normalize('NFKC');
}

const isHiragana = (c) => c >= 0x3041 && c <= 0x3096;
const isKatakana = (c) => c >= 0x30a1 && c <= 0x30fa;
const isKana = (c) => isHiragana(c) || isKatakana(c) || c === 0x30fc;
const isIdeograph = (c) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
const isDash = (c) => c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xff0d;
// is_space in generator/text/utf8.cpp.
const isSpace = (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
  c === 0x205f || c === 0x3000 || c === 0xfeff;
const DROPPED = /^[\p{P}\p{Z}\p{C}\p{So}\p{Sk}]$/u;
const droppedInSearch = (c) => c !== 0x3006 && (DROPPED.test(String.fromCodePoint(c)) || isSpace(c));
const WORD = /^[\p{L}\p{N}\p{M}]$/u;

function appendHiragana(out, c) {
  if (c >= 0x30a1 && c <= 0x30f6) out.push(c - 0x60);
  else if (c === 0x30fd || c === 0x30fe) out.push(c - 0x60);
  else if (c >= 0x30f7 && c <= 0x30fa) out.push([0x308f, 0x3090, 0x3091, 0x3092][c - 0x30f7], 0x3099);
  else out.push(c);
}

// ICU's Normalizer2::composePair: the canonical composite of a + b, or 0.
function compose(a, b) {
  const r = String.fromCodePoint(a, b).normalize('NFC');
  const cps = [...r];
  return cps.length === 1 ? cps[0].codePointAt(0) : 0;
}

// The unvoiced form of a kana (ば → は): the first code point of its decomposition.
const unvoiced = (c) => String.fromCodePoint(c).normalize('NFD').codePointAt(0);

// normalize_for_search, remembering the offsets into the output before which it dropped
// something: those stay word boundaries for the tokenizer.
function normalizeWithBreaks(text) {
  const input = [...fold(text)].map((ch) => ch.codePointAt(0));
  const out = [];
  const breaks = [];
  const mark = () => {
    if (breaks.length === 0 || breaks[breaks.length - 1] !== out.length) breaks.push(out.length);
  };
  for (let i = 0; i < input.length; ++i) {
    let c = input[i];
    const prev = out.length ? out[out.length - 1] : 0;
    if (c === 0x30f6 || c === 0x3096) c = 0x3051;          // ヶ (桜ヶ丘) → け, like 桜ケ丘
    else if (c === 0x30f5 || c === 0x3095) c = 0x304b;     // ヵ → か
    if (isDash(c)) {
      // A dash typed for ー inside a kana word ("サ－ビス"); anywhere else it separates.
      const next = i + 1 < input.length ? input[i + 1] : 0;
      if (isKana(prev) && isKana(next)) out.push(0x30fc);
      else mark();
      continue;
    }
    if (c === 0x3099 || c === 0x309a) {
      // A dakuten left alone (ﾊ + ﾞ, or ゛ after its space was dropped) joins the kana before.
      const r = prev ? compose(prev, c) : 0;
      if (r) out[out.length - 1] = r;
      continue;
    }
    if (c === 0x30fd || c === 0x309d) {                    // ゝ: the previous kana, unvoiced
      if (isHiragana(prev)) out.push(unvoiced(prev));
      else if (isKatakana(prev)) out.push(unvoiced(prev) - 0x60);
      else out.push(0x309d);
      continue;
    }
    if (c === 0x30fe || c === 0x309e) {                    // ゞ: the previous kana, voiced
      const base = isKatakana(prev) ? unvoiced(prev) - 0x60 : unvoiced(prev);
      const voiced = isKana(prev) ? compose(base, 0x3099) : 0;
      out.push(voiced || 0x309e);
      continue;
    }
    if (c === 0x3005 || c === 0x303b) {                    // 々 〻: the previous ideograph
      out.push(isIdeograph(prev) ? prev : 0x3005);
      continue;
    }
    if (droppedInSearch(c)) {
      mark();
      continue;
    }
    appendHiragana(out, c);
  }
  return { out, breaks };
}

// NFKC, case fold, katakana → hiragana, ヶ/ヵ → け/か, iteration marks expanded, dashes between
// kana → ー, punctuation, symbols and spaces removed: "サ－ビス　ｾﾝﾀｰ" → "さーびすせんたー".
function normalizeForSearch(text) {
  return String.fromCodePoint(...normalizeWithBreaks(text).out);
}

const JAPANESE = 1;
const WORDS = 2;
function kindOf(c) {
  if ((c >= 0x3041 && c <= 0x309f) || (c >= 0x30a0 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) ||
      (c >= 0x3005 && c <= 0x3007) || c === 0x303b || c === 0x303c || isIdeograph(c)) return JAPANESE;
  return WORD.test(String.fromCodePoint(c)) ? WORDS : 0;
}

function runsOf(text) {
  const { out, breaks } = normalizeWithBreaks(text);
  const runs = [];
  const breakSet = new Set(breaks);
  let current = 0;
  for (let i = 0; i < out.length; ++i) {
    const k = kindOf(out[i]);
    if (k === 0) {
      current = 0;
      continue;
    }
    if (breakSet.has(i) || k !== current || runs.length === 0) runs.push({ cps: [], kind: k });
    current = k;
    runs[runs.length - 1].cps.push(out[i]);
  }
  return runs;
}

function searchRuns(text) {
  return runsOf(text).map((r) => String.fromCodePoint(...r.cps));
}

// Code point order, which is the byte order of UTF-8 that the C++ side sorts by (plain
// sort() compares UTF-16 units and would put U+FF01 after U+20000).
function compareCodePoints(a, b) {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); ++i) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

function tokens(text, index) {
  const out = [];
  for (const r of runsOf(text)) {
    const s = r.cps.map((c) => String.fromCodePoint(c));
    if (r.kind === WORDS || s.length === 1) {
      out.push(s.join(''));
      continue;
    }
    for (let i = 0; i + 1 < s.length; ++i) out.push(s[i] + s[i + 1]);
    if (index) out.push(...s);
  }
  if (!index) return out;
  return [...new Set(out)].sort(compareCodePoints);
}

// Index side: bigrams and single characters of Japanese runs, whole words; unique, sorted.
function tokenizeForIndex(text) {
  return tokens(text, true);
}

// Query side: bigrams of Japanese runs (the character of a one-character run), whole words;
// in order, duplicates kept.
function tokenizeQuery(text) {
  return tokens(text, false);
}

globalThis.tsunaguTokenizer = { normalizeForSearch, searchRuns, tokenizeForIndex, tokenizeQuery };
})();
