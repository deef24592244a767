// Unicode normalisation for Japanese text (ICU). Every function is thread-safe and never
// throws; ill-formed UTF-8 in the input comes out as U+FFFD.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// normalize_for_search as code points, also reporting word boundaries: the offsets into the
// result before which something was dropped (a space, punctuation, a dash that is not ー).
// The search tokenizer cuts runs there. breaks may be null.
std::u32string normalize_for_search_u32(std::string_view s, std::vector<size_t>* breaks);

// CJK unified ideographs (with extensions and compatibility ideographs).
bool is_ideograph(char32_t c);

}  // namespace tsunagu
