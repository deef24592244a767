// Reading single cells of municipal open-data files, which are typed by hand: full-width digits
// and colons, 17時30分, 午後5時, 水曜日 or 月火木金, 300円 or 無料, 約20名, IDs with spaces.
// Each function returns nothing (or an empty value) rather than guessing when a cell says
// something else; the caller keeps such text as a note.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu {

// "17:00", "１７：００", "17時", "17時30分", "17時半", "午後5時", "5:00PM", "1700" → "17:00".
std::optional<std::string> parse_time_cell(std::string_view cell);

// "月火木金土日", "水曜日", "月・水・金", "土、日", "土日祝" → weekday characters in week order
// starting Monday ("月火木金土日"); `holidays` is set when 祝 is there. nullopt when the cell
// holds anything else (a sentence, 第2水曜).
struct WeekdayCell {
    std::string days;  // subset of 月火水木金土日, in that order
    bool holidays = false;
};
std::optional<WeekdayCell> parse_weekday_cell(std::string_view cell);

// "300", "３００円", "1,000円", "無料", "0円" → yen; nullopt for anything else ("カンパ", "実費").
std::optional<long long> parse_yen_cell(std::string_view cell);

// "20", "２０名", "20人", "約20名" → 20; nullopt otherwise. `approximate` is set for 約/程度.
std::optional<int> parse_count_cell(std::string_view cell, bool* approximate = nullptr);

// 1 / ○ / 有 / あり / 実施 / はい / TRUE → yes; 0 / × / 無 / なし / いいえ / FALSE → no.
std::optional<bool> parse_yes_no_cell(std::string_view cell);

// A decimal degree ("35.69808084", "３５．６９８"); nullopt when not a number.
std::optional<double> parse_degree_cell(std::string_view cell);

// Part of a record id from a source ID: NFKC, spaces dropped, lower case, anything outside
// [a-z0-9] becomes '-', runs of '-' collapse ("Ａ 12" → "a12", "No.3" → "no-3"). "" when
// nothing is left.
std::string id_part(std::string_view source_id);

// 8 lower-case hex digits of FNV-1a 32 over the bytes: short, stable ids for rows without one.
std::string short_hash(std::string_view text);

// Katakana or hiragana reading in any width → hiragana, spaces kept as one ASCII space
// ("ｵﾓﾃﾅｼ ｼｮｸﾄﾞｳ" → "おもてなし しょくどう").
std::string reading_from_kana_cell(std::string_view cell);

// One line: runs of white space (newlines included) become one space; trimmed.
std::string single_line(std::string_view text);

}  // namespace tsunagu
