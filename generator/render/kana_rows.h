// The 50音 rows (あ行 … わ行) Japanese directories group names under, so a reader can jump to
// the row of a name's first sound; names whose reading does not start with kana go under その他.
#pragma once

#include <cstddef>
#include <string_view>

namespace tsunagu {

inline constexpr size_t kKanaRowCount = 11;  // あ か さ た な は ま や ら わ, then その他
inline constexpr size_t kOtherRow = kKanaRowCount - 1;

// The row of a reading_key() (hiragana already folded from katakana): 0 = あ行 … 9 = わ行,
// kOtherRow for anything else (Latin letters, digits, kanji in a name without a reading).
size_t kana_row(std::string_view reading_key);
// "あ行" … "わ行", "その他"
std::string_view kana_row_label(size_t row);
// An ASCII fragment id for the row's heading: "row-a", "row-ka" … "row-other"
std::string_view kana_row_anchor(size_t row);

}  // namespace tsunagu
