#include "import/cell_values.h"

#include <charconv>
#include <cstdint>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

// NFKC, then without spaces: the form every numeric cell is read in.
std::string compact(std::string_view cell) {
    const std::string n = nfkc(cell);
    std::string out;
    for (size_t pos = 0; pos < n.size();) {
        const char32_t c = decode_utf8(n, pos);
        if (!is_space(c)) append_utf8(out, c);
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::optional<int> leading_int(std::string_view& s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p == s.data()) return std::nullopt;
    s.remove_prefix(static_cast<size_t>(p - s.data()));
    return v;
}

}  // namespace

std::optional<std::string> parse_time_cell(std::string_view cell) {
    std::string s = compact(cell);
    if (s.empty()) return std::nullopt;
    int add = 0;
    if (starts_with(s, "午前")) {
        s = s.substr(std::string_view("午前").size());
    } else if (starts_with(s, "午後")) {
        s = s.substr(std::string_view("午後").size());
        add = 12;
    }
    std::string lower;
    for (char c : s) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (ends_with(lower, "pm")) {
        add = 12;
        lower.resize(lower.size() - 2);
    } else if (ends_with(lower, "am")) {
        lower.resize(lower.size() - 2);
    }
    std::string_view v = lower;
    int h = -1, m = 0;
    if (v.size() == 4 && v.find_first_not_of("0123456789") == std::string_view::npos) {  // 1700
        h = (v[0] - '0') * 10 + (v[1] - '0');
        m = (v[2] - '0') * 10 + (v[3] - '0');
        v = {};
    } else {
        auto hour = leading_int(v);
        if (!hour) return std::nullopt;
        h = *hour;
        if (starts_with(v, ":")) {
            v.remove_prefix(1);
            auto minute = leading_int(v);
            if (!minute) return std::nullopt;
            m = *minute;
            if (starts_with(v, ":")) {  // seconds, as spreadsheets write them
                v.remove_prefix(1);
                if (!leading_int(v)) return std::nullopt;
            }
        } else if (starts_with(v, "時")) {
            v.remove_prefix(std::string_view("時").size());
            if (starts_with(v, "半")) {
                m = 30;
                v.remove_prefix(std::string_view("半").size());
            } else if (!v.empty()) {
                auto minute = leading_int(v);
                if (!minute) return std::nullopt;
                m = *minute;
                if (starts_with(v, "分")) v.remove_prefix(std::string_view("分").size());
            }
        } else if (!v.empty()) {
            return std::nullopt;
        }
    }
    for (std::string_view tail : {"から", "~", "〜", "-"})
        if (v == tail) v = {};
    if (!v.empty()) return std::nullopt;
    if (add == 12 && h < 12) h += 12;
    if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    char buf[6];
    buf[0] = static_cast<char>('0' + h / 10);
    buf[1] = static_cast<char>('0' + h % 10);
    buf[2] = ':';
    buf[3] = static_cast<char>('0' + m / 10);
    buf[4] = static_cast<char>('0' + m % 10);
    buf[5] = 0;
    return std::string(buf);
}

std::optional<WeekdayCell> parse_weekday_cell(std::string_view cell) {
    static constexpr std::string_view order[] = {"月", "火", "水", "木", "金", "土", "日"};
    const std::string s = compact(cell);
    if (s.empty()) return std::nullopt;
    bool seen[7] = {};
    WeekdayCell out;
    bool any = false;
    for (size_t pos = 0; pos < s.size();) {
        const std::string_view rest = std::string_view(s).substr(pos);
        bool matched = false;
        for (int d = 0; d < 7; ++d)
            if (starts_with(rest, order[d])) {
                seen[d] = any = matched = true;
                pos += order[d].size();
                break;
            }
        if (matched) continue;
        for (std::string_view skip : {"曜日", "曜", "・", "、", ",", "/", "及び", "と"})
            if (starts_with(rest, skip)) {
                pos += skip.size();
                matched = true;
                break;
            }
        if (matched) continue;
        if (starts_with(rest, "祝日")) {
            out.holidays = true;
            pos += std::string_view("祝日").size();
            continue;
        }
        if (starts_with(rest, "祝")) {
            out.holidays = true;
            pos += std::string_view("祝").size();
            continue;
        }
        return std::nullopt;
    }
    if (!any) return std::nullopt;
    for (int d = 0; d < 7; ++d)
        if (seen[d]) out.days += order[d];
    return out;
}

std::optional<long long> parse_yen_cell(std::string_view cell) {
    std::string s = compact(cell);
    if (s == "無料" || s == "0円" || s == "無償") return 0;
    std::string digits;
    for (char c : s)
        if (c != ',') digits += c;
    if (ends_with(digits, "円")) digits.resize(digits.size() - std::string_view("円").size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(digits);
}

std::optional<int> parse_count_cell(std::string_view cell, bool* approximate) {
    std::string s = compact(cell);
    bool approx = false;
    for (std::string_view p : {"約", "およそ", "概ね", "おおむね"})
        if (starts_with(s, p)) {
            s = s.substr(p.size());
            approx = true;
        }
    for (std::string_view p : {"程度", "くらい", "ぐらい", "前後"})
        if (ends_with(s, p)) {
            s.resize(s.size() - p.size());
            approx = true;
        }
    for (std::string_view p : {"名", "人", "組", "食"})
        if (ends_with(s, p)) s.resize(s.size() - p.size());
    if (s.empty() || s.size() > 7 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    if (approximate) *approximate = approx;
    return std::stoi(s);
}

std::optional<bool> parse_yes_no_cell(std::string_view cell) {
    const std::string s = compact(cell);
    for (std::string_view y : {"1", "○", "〇", "◯", "有", "あり", "有り", "実施", "実施あり", "はい", "TRUE", "true", "yes", "Yes"})
        if (s == y) return true;
    for (std::string_view n : {"0", "×", "✕", "無", "なし", "無し", "未実施", "実施なし", "いいえ", "FALSE", "false", "no", "No", "-"})
        if (s == n) return false;
    return std::nullopt;
}

std::optional<double> parse_degree_cell(std::string_view cell) {
    const std::string s = compact(cell);
    if (s.empty()) return std::nullopt;
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string id_part(std::string_view source_id) {
    const std::string s = compact(source_id);
    std::string out;
    for (char c : s) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
            out += l;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string short_hash(std::string_view text) {
    uint32_t h = 2166136261u;
    for (unsigned char c : text) {
        h ^= c;
        h *= 16777619u;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(8, '0');
    for (int i = 7; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = hex[h & 15];
    return out;
}

std::string reading_from_kana_cell(std::string_view cell) { return single_line(katakana_to_hiragana(nfkc(cell))); }

std::string single_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (size_t pos = 0; pos < text.size();) {
        const char32_t c = decode_utf8(text, pos);
        if (is_space(c)) {  // newlines, tabs and 全角スペース included
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        append_utf8(out, c);
    }
    return out;
}

}  // namespace tsunagu
