// The search tokenizer shared by the index (C++, at build time) and the browser
// (themes/default/assets/js/tokenizer.js, at query time). Both are pinned by the same table,
// tests/spec/tokenizer.json, run by tests/unit/tokenizer_test.cpp and
// tests/e2e/tokenizer_js.test.mjs: change one side only together with the other and the table.
//
// Text goes through normalize_for_search (NFKC, case fold, katakana → hiragana, ヶ/ヵ → け/か,
// iteration marks expanded, dashes between kana → ー) but the places where that function drops
// spaces, punctuation and symbols stay word boundaries. The result is cut into runs:
//   - Japanese (hiragana, katakana, ideographs, ー, 々〆〇, ゝゞ left unexpanded) → overlapping
//     bigrams ("新幹線" → 新幹 幹線); a one-character run is that character;
//   - letters and digits of other scripts (Latin, Greek, Hangul …) and combining marks
//     → whole words, already lower-case ("ABCマート" → abc, まー, ーと);
//   - anything else (+ = $ ¥ < > … that normalize_for_search keeps) only separates runs.
// Every function is thread-safe, deterministic and never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsunagu {

// The normalised runs of text in order (Japanese and word runs, separators dropped).
// Concatenated they equal normalize_for_search(text) minus the separator-class characters.
std::vector<std::string> search_runs(std::string_view text);

// Index side: every bigram of each Japanese run AND every single character of it (so that a
// one-character query such as 食 finds 子ども食堂), plus whole words; unique and sorted by
// bytes, so shards built from it are deterministic and a lookup can binary-search.
std::vector<std::string> tokenize_for_index(std::string_view text);

// Query side: bigrams of each Japanese run (the character itself for a one-character run) and
// whole words, in the order they occur, duplicates kept (for phrase-ish scoring). Every query
// token of a text is also an index token of the same text.
std::vector<std::string> tokenize_query(std::string_view text);

}  // namespace tsunagu
