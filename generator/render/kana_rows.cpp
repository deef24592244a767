#include "render/kana_rows.h"

#include "text/utf8.h"

namespace tsunagu {

size_t kana_row(std::string_view key) {
    if (key.empty()) return kOtherRow;
    size_t pos = 0;
    const char32_t c = decode_utf8(key, pos);
    // Code points of the first kana of each row, in order; small kana and voiced forms fall in
    // with their row (っ in た行, が in か行, ゃ in や行, ゎ in わ行).
    static constexpr char32_t starts[] = {0x3041 /*ぁ*/, 0x304B /*か*/, 0x3055 /*さ*/, 0x305F /*た*/, 0x306A /*な*/,
                                          0x306F /*は*/, 0x307E /*ま*/, 0x3083 /*ゃ*/, 0x3089 /*ら*/, 0x308E /*ゎ*/};
    if (c == 0x3094) return 0;                  // ゔ (ヴ) is a voiced う
    if (c == 0x3095 || c == 0x3096) return 1;   // small ゕ ゖ
    if (c < starts[0] || c > 0x3093 /*ん*/) return kOtherRow;
    size_t row = 0;
    for (size_t r = 0; r < kOtherRow; ++r)
        if (c >= starts[r]) row = r;
    return row;
}

std::string_view kana_row_label(size_t row) {
    static constexpr std::string_view labels[kKanaRowCount] = {"あ行", "か行", "さ行", "た行", "な行", "は行",
                                                               "ま行", "や行", "ら行", "わ行", "その他"};
    return labels[row < kKanaRowCount ? row : kOtherRow];
}

std::string_view kana_row_anchor(size_t row) {
    static constexpr std::string_view anchors[kKanaRowCount] = {"row-a",  "row-ka", "row-sa", "row-ta", "row-na",   "row-ha",
                                                                "row-ma", "row-ya", "row-ra", "row-wa", "row-other"};
    return anchors[row < kKanaRowCount ? row : kOtherRow];
}

}  // namespace tsunagu
