// Unicode normalisation for Japanese text (ICU). Every function is thread-safe and never
// throws; ill-formed UTF-8 in the input comes out as U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu {

// NFKC: full-width ASCII → ASCII, half-width katakana → katakana, ㍻ → 平成, ① → 1.
std::string nfkc(std::string_view s);

// Katakana → hiragana (ァ..ヶ, ヽヾ, ヷ..ヺ as kana + dakuten). ー, ・ and everything else
// stay as they are; half-width katakana are left alone (NFKC them first).
std::string katakana_to_hiragana(std::string_view s);
// Hiragana → katakana (ぁ..ゖ, ゝゞ).
std::string hiragana_to_katakana(std::string_view s);

// A valid `reading` (よみがな): only hiragana/katakana (ー, ・ and dakuten included), spaces,
// and ASCII or full-width digits and Latin letters; at least one kana or letter/digit.
bool is_kana_reading(std::string_view s);

// The key both the index and a query go through, so that differently written forms meet:
// NFKC, case fold, katakana → hiragana, ヶ/ヵ → け/か, iteration marks (ゝゞ々) expanded,
// punctuation, symbols and all spaces removed; ー is kept (a dash typed between kana
// becomes ー).  "サ－ビス　ｾﾝﾀｰ" → "さーびすせんたー".
std::string normalize_for_search(std::string_view s);

}  // namespace tsunagu
