#include "text/wareki.h"

#include <array>
#include <vector>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

struct Era {
    std::string_view name;
    char letter;
    Date start;  // first day of the era (Gregorian)
};

// 明治 is counted from 1868-01-25 (明治元年一月一日 in the old calendar), as is usual.
constexpr std::array<Era, 5> kEras = {{
    {"明治", 'm', {1868, 1, 25}},
    {"大正", 't', {1912, 7, 30}},
    {"昭和", 's', {1926, 12, 25}},
    {"平成", 'h', {1989, 1, 8}},
    {"令和", 'r', {2019, 5, 1}},
}};

// First and last day (as day numbers) covered by a date of any precision.
void window(const Date& d, long& first, long& last) {
    if (d.month == 0) {
        first = days_from_civil(Date{d.year, 1, 1});
        last = days_from_civil(Date{d.year, 12, 31});
    } else if (d.day == 0) {
        first = days_from_civil(Date{d.year, d.month, 1});
        last = days_from_civil(Date{d.year, d.month, days_in_month(d.year, d.month)});
    } else {
        first = last = days_from_civil(d);
    }
}

// Does the period [first, last] overlap era i?
bool overlaps_era(size_t i, long first, long last) {
    const long start = days_from_civil(kEras[i].start);
    const bool before_end = i + 1 == kEras.size() || first < days_from_civil(kEras[i + 1].start);
    return last >= start && before_end;
}

// Cursor over normalised text.
struct Reader {
    std::string_view s;
    size_t pos = 0;
    bool done() const { return pos >= s.size(); }
    bool eat(std::string_view w) {
        if (s.substr(pos, w.size()) != w) return false;
        pos += w.size();
        return true;
    }
    // ASCII digits, or kanji numerals (二〇二四, 十二, 三十一); `max_digits` bounds ASCII runs.
    std::optional<int> number(size_t max_digits) {
        size_t p = pos, n = 0;
        long v = 0;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9' && n < max_digits + 1) {
            v = v * 10 + (s[p] - '0');
            ++p, ++n;
        }
        if (n > 0) {
            if (n > max_digits) return std::nullopt;
            pos = p;
            return static_cast<int>(v);
        }
        return kanji_number();
    }
    std::optional<int> kanji_number() {
        static constexpr std::array<std::string_view, 10> digits = {"〇", "一", "二", "三", "四",
                                                                   "五", "六", "七", "八", "九"};
        size_t p = pos;
        std::vector<int> seq;  // digits; -1 stands for 十
        while (p < s.size()) {
            bool matched = false;
            for (int k = 0; k < 10 && !matched; ++k)
                if (s.substr(p, digits[k].size()) == digits[k]) { seq.push_back(k); p += digits[k].size(); matched = true; }
            if (!matched && s.substr(p, 3) == "十") { seq.push_back(-1); p += 3; matched = true; }
            if (!matched) break;
        }
        if (seq.empty() || seq.size() > 4) return std::nullopt;
        int v = 0;
        size_t ten = seq.size();
        for (size_t i = 0; i < seq.size(); ++i)
            if (seq[i] == -1) { if (ten != seq.size()) return std::nullopt; ten = i; }
        if (ten == seq.size()) {
            for (int d : seq) v = v * 10 + d;
        } else {  // [a]十[b]
            if (ten > 1 || seq.size() - ten > 2) return std::nullopt;
            const int tens = ten == 1 ? seq[0] : 1;
            const int ones = ten + 1 < seq.size() ? seq[ten + 1] : 0;
            if (tens <= 0 || tens > 9 || ones < 0) return std::nullopt;
            v = tens * 10 + ones;
        }
        pos = p;
        return v;
    }
};

// NFKC (full-width digits, ㍻, （）), ASCII lower case, spaces removed.
std::string prepare(std::string_view text) {
    const std::string n = nfkc(trim(text));
    std::string out;
    for (size_t pos = 0; pos < n.size();) {
        const char32_t c = decode_utf8(n, pos);
        if (is_space(c)) continue;
        append_utf8(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

// Reads an era prefix (令和 or R); returns its index or -1.
int read_era(Reader& r) {
    for (size_t i = 0; i < kEras.size(); ++i) {
        if (r.eat(kEras[i].name)) return static_cast<int>(i);
        if (r.pos < r.s.size() && r.s[r.pos] == kEras[i].letter) {
            ++r.pos;
            r.eat(".");  // "H.26.4.1" is seen in forms
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::optional<int> read_era_year(Reader& r) {
    if (r.eat("元")) return 1;
    auto y = r.number(2);
    if (!y || *y < 1) return std::nullopt;
    return y;
}

// Trailing weekday "(月)", "(月曜)", "(月曜日)"; returns 0..6, -1 when absent, -2 when malformed.
int read_weekday(Reader& r) {
    if (r.done()) return -1;
    static constexpr std::array<std::string_view, 7> names = {"日", "月", "火", "水", "木", "金", "土"};
    if (!r.eat("(")) return -2;
    int wd = -2;
    for (int i = 0; i < 7; ++i)
        if (r.eat(names[i])) { wd = i; break; }
    if (wd < 0) return -2;
    if (r.eat("曜")) r.eat("日");
    if (!r.eat(")") || !r.done()) return -2;
    return wd;
}

// Month and day after the year: 年4月1日 style or a separator style (-, /, .).
bool read_month_day(Reader& r, Date& d, bool kanji_style) {
    if (kanji_style) {
        if (r.done() || r.s[r.pos] == '(') return true;
        auto m = r.number(2);
        if (!m || !r.eat("月")) return false;
        d.month = *m;
        if (r.done() || r.s[r.pos] == '(') return true;
        auto day = r.number(2);
        if (!day || !r.eat("日")) return false;
        d.day = *day;
        return true;
    }
    const char sep = r.s[r.pos];
    if (sep != '-' && sep != '/' && sep != '.') return false;
    ++r.pos;
    auto m = r.number(2);
    if (!m) return false;
    d.month = *m;
    if (r.done() || r.s[r.pos] == '(') return true;
    if (r.s[r.pos] != sep) return false;
    ++r.pos;
    auto day = r.number(2);
    if (!day) return false;
    d.day = *day;
    return true;
}

bool valid_any_precision(const Date& d) {
    if (d.year < 1 || d.year > 9999) return false;
    if (d.month == 0) return d.day == 0;
    return is_valid_date(d);
}

}  // namespace

std::optional<Date> parse_date_text(std::string_view text) {
    try {
        const std::string s = prepare(text);
        Reader r{s};
        Date d;
        const int era = read_era(r);
        if (era >= 0) {
            auto y = read_era_year(r);
            if (!y) return std::nullopt;
            d.year = kEras[era].start.year + *y - 1;
        } else {
            const size_t before = r.pos;
            auto y = r.number(4);
            // Western years have four digits (二〇二四 counts too); "24-4-1" is ambiguous.
            if (!y || *y < 1000 || (s[before] >= '0' && s[before] <= '9' && r.pos - before != 4)) return std::nullopt;
            d.year = *y;
        }
        if (r.done()) return std::nullopt;  // a bare number is not a date
        const bool kanji_style = r.eat("年");
        if (!read_month_day(r, d, kanji_style)) return std::nullopt;
        const int wd = read_weekday(r);
        if (wd == -2 || !r.done()) return std::nullopt;
        if (!valid_any_precision(d)) return std::nullopt;
        if (wd >= 0 && (d.day == 0 || day_of_week(d) != wd)) return std::nullopt;
        if (era >= 0) {
            long first, last;
            window(d, first, last);
            if (!overlaps_era(static_cast<size_t>(era), first, last)) return std::nullopt;
        }
        return d;
    } catch (...) {
        return std::nullopt;
    }
}

namespace {

std::optional<int> parse_fiscal_part(Reader& r) {
    if (r.eat("fy")) {
        r.eat(".");
        const size_t before = r.pos;
        auto y = r.number(4);
        if (!y || r.pos - before != 4) return std::nullopt;
        return y;
    }
    const int era = read_era(r);
    int fy;
    if (era >= 0) {
        auto y = read_era_year(r);
        if (!y) return std::nullopt;
        fy = kEras[era].start.year + *y - 1;
    } else {
        const size_t before = r.pos;
        auto y = r.number(4);
        if (!y || r.pos - before != 4) return std::nullopt;
        fy = *y;
    }
    if (!r.eat("年度")) return std::nullopt;
    if (fy < 1 || fy > 9998) return std::nullopt;
    if (era >= 0) {
        // The fiscal year (April to March) must overlap the era: 平成31年度 and 令和元年度 are
        // both 2019, 平成32年度 did not exist.
        const long first = days_from_civil(Date{fy, 4, 1});
        const long last = days_from_civil(Date{fy + 1, 3, 31});
        if (!overlaps_era(static_cast<size_t>(era), first, last)) return std::nullopt;
    }
    return fy;
}

}  // namespace

std::optional<int> parse_fiscal_year(std::string_view text) {
    try {
        const std::string s = prepare(text);
        Reader r{s};
        auto fy = parse_fiscal_part(r);
        if (!fy) return std::nullopt;
        if (r.eat("(")) {  // 2024年度(令和6年度): both halves must agree
            auto other = parse_fiscal_part(r);
            if (!other || *other != *fy || !r.eat(")")) return std::nullopt;
        }
        if (!r.done()) return std::nullopt;
        return fy;
    } catch (...) {
        return std::nullopt;
    }
}

std::string format_date_ja(const Date& d) {
    if (d.empty()) return {};
    std::string s = std::to_string(d.year) + "年";
    if (d.month) s += std::to_string(d.month) + "月";
    if (d.month && d.day) s += std::to_string(d.day) + "日";
    return s;
}

namespace {

std::string era_year(size_t era, int year) {
    const int n = year - kEras[era].start.year + 1;
    return std::string(kEras[era].name) + (n == 1 ? std::string("元") : std::to_string(n)) + "年";
}

}  // namespace

std::string to_wareki(const Date& d) {
    try {
        if (d.empty() || !valid_any_precision(d)) return format_date_ja(d);
        long first, last;
        window(d, first, last);
        int era = -1;
        for (size_t i = 0; i < kEras.size(); ++i)
            if (first >= days_from_civil(kEras[i].start)) era = static_cast<int>(i);
        if (era < 0) return format_date_ja(d);
        std::string s = era_year(static_cast<size_t>(era), d.year);
        if (d.month) s += std::to_string(d.month) + "月";
        if (d.month && d.day) s += std::to_string(d.day) + "日";
        return s;
    } catch (...) {
        return {};
    }
}

std::string fiscal_year_label(int fy) {
    try {
        std::string s = std::to_string(fy) + "年度";
        int era = -1;
        for (size_t i = 0; i < kEras.size(); ++i)
            if (fy >= kEras[i].start.year) era = static_cast<int>(i);
        if (era < 0) return s;
        return s + "（" + era_year(static_cast<size_t>(era), fy) + "度）";
    } catch (...) {
        return {};
    }
}

}  // namespace tsunagu
