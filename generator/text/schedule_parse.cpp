#include "text/schedule_parse.h"

#include <algorithm>
#include <climits>
#include <string>
#include <utility>
#include <vector>

namespace tsunagu {
namespace {

// ---------------------------------------------------------------------------------------------
// Small UTF-8 helpers, local on purpose: the parser needs only decoding with byte offsets.

char32_t decode_one(std::string_view s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += len;
    return cp;
}

std::string trim_ascii_and_ideographic_space(std::string s) {
    auto is_sp = [](std::string_view t, size_t at) {
        if (at < t.size() && (t[at] == ' ' || t[at] == '\t' || t[at] == '\n' || t[at] == '\r')) return 1;
        if (t.substr(at, 3) == "\xE3\x80\x80") return 3;  // U+3000
        return 0;
    };
    size_t b = 0;
    while (int n = is_sp(s, b)) b += n;
    size_t e = s.size();
    while (e > b) {
        if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r') {
            --e;
        } else if (e - b >= 3 && std::string_view(s).substr(e - 3, 3) == "\xE3\x80\x80") {
            e -= 3;
        } else {
            break;
        }
    }
    return s.substr(b, e - b);
}

// ---------------------------------------------------------------------------------------------
// Normalisation. Each normalised character remembers where it came from so that an unread part
// can be quoted back exactly as the person wrote it.

constexpr char32_t kTilde = U'〜';  // every wave dash / tilde becomes this
constexpr char32_t kSep = U'、';    // list and part separators
constexpr char32_t kDot = U'・';

struct Normalised {
    std::u32string s;
    std::vector<size_t> src;  // src[i] = byte offset in the original of s[i]; src[size] = end
};

Normalised normalise(std::string_view text) {
    Normalised n;
    size_t i = 0;
    while (i < text.size()) {
        size_t at = i;
        char32_t c = decode_one(text, i);
        if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
        else if (c >= U'Ａ' && c <= U'Ｚ') c = U'A' + (c - U'Ａ');
        else if (c >= U'ａ' && c <= U'ｚ') c = U'a' + (c - U'ａ');
        else if (c == U'：') c = U':';
        else if (c == U'～' || c == U'~' || c == U'∼' || c == U'〰') c = kTilde;
        else if (c == U'－' || c == U'‐' || c == U'‑' || c == U'‒' || c == U'–' || c == U'—' ||
                 c == U'―' || c == U'−')
            c = U'-';
        else if (c == U'（') c = U'(';
        else if (c == U'）') c = U')';
        else if (c == U'，' || c == U',' || c == U'､' || c == U'；' || c == U';') c = kSep;
        else if (c == U'･' || c == U'·') c = kDot;
        else if (c == U'／') c = U'/';
        else if (c == U'．') c = U'.';
        else if (c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0' || c == 0xFEFF)
            c = U' ';
        if (c == U' ' && (n.s.empty() || n.s.back() == U' ')) continue;  // collapse runs
        n.s.push_back(c);
        n.src.push_back(at);
    }
    while (!n.s.empty() && n.s.back() == U' ') {
        n.s.pop_back();
        n.src.pop_back();
    }
    n.src.push_back(text.size());
    return n;
}

int weekday_of(char32_t c) {
    switch (c) {
        case U'日': return 0;
        case U'月': return 1;
        case U'火': return 2;
        case U'水': return 3;
        case U'木': return 4;
        case U'金': return 5;
        case U'土': return 6;
        default: return -1;
    }
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

int kanji_number(char32_t c) {
    switch (c) {
        case U'一': return 1;
        case U'二': return 2;
        case U'三': return 3;
        case U'四': return 4;
        case U'五': return 5;
        default: return -1;
    }
}

int popcount7(uint8_t b) {
    int n = 0;
    for (int i = 0; i < 7; ++i) n += (b >> i) & 1;
    return n;
}

uint16_t month_span(int from, int to) {
    uint16_t mask = 0;
    for (int m = from;; m = m % 12 + 1) {
        mask |= static_cast<uint16_t>(1u << (m - 1));
        if (m == to) break;
    }
    return mask;
}

// ---------------------------------------------------------------------------------------------

class Parser {
public:
    Parser(const Normalised& n, Schedule& out) : s_(n.s), out_(out) {}

    std::vector<std::pair<size_t, size_t>> unread;  // ranges of normalised characters

    void run() {
        sequence(s_.size());
        finish();
    }

private:
    enum class Last { none, rule, times };

    const std::u32string& s_;
    Schedule& out_;
    size_t p_ = 0;
    size_t lim_ = 0;

    // Rules written together ("第2火曜・第4木曜") form a group that shares the times after it.
    size_t group_begin_ = SIZE_MAX;
    bool group_closed_ = false;      // a month range came: following times start a new group
    bool group_from_times_ = false;  // the group is a days_unstated rule made from times alone
    bool last_bare_weekly_ = false;  // the last rule was a bare weekday list (may qualify 不定期)
    Last last_ = Last::none;
    uint16_t pending_months_ = 0;
    bool pending_approx_ = false;

    // ---- scanning primitives
    char32_t at(size_t i) const { return i < lim_ ? s_[i] : 0; }
    char32_t cur() const { return at(p_); }
    bool lit(std::u32string_view w) {
        if (p_ + w.size() <= lim_ && s_.compare(p_, w.size(), w) == 0) {
            p_ += w.size();
            return true;
        }
        return false;
    }
    bool peek(std::u32string_view w) const {
        return p_ + w.size() <= lim_ && s_.compare(p_, w.size(), w) == 0;
    }
    template <typename... W>
    bool any(W... w) {
        return (lit(w) || ...);
    }
    void spaces() {
        while (cur() == U' ') ++p_;
    }
    bool is_sep(char32_t c) const { return c == kSep || c == kDot || c == U'/' || c == U'。'; }
    bool is_range(char32_t c) const { return c == kTilde || c == U'-'; }
    bool kagetsu() { return any(U"ヶ月", U"か月", U"カ月", U"ヵ月", U"ケ月", U"箇月"); }
    int number() {
        size_t b = p_;
        int v = 0;
        while (is_digit(cur()) && p_ - b < 4) v = v * 10 + static_cast<int>(cur() - U'0'), ++p_;
        return p_ == b ? -1 : v;
    }

    // ---- the main loop
    void sequence(size_t lim) {
        size_t saved_lim = lim_;
        lim_ = lim;
        while (p_ < lim_) {
            char32_t c = cur();
            if (c == U' ' || is_sep(c)) {
                ++p_;
                continue;
            }
            if (c == U'(') {
                paren();
                continue;
            }
            size_t start = p_;
            if (item()) continue;
            p_ = start;
            while (p_ < lim_ && cur() != U' ' && !is_sep(cur()) && cur() != U'(' && cur() != U')') ++p_;
            if (p_ == start) ++p_;  // a stray ')'
            unread.emplace_back(start, p_);
        }
        lim_ = saved_lim;
    }

    void paren() {
        size_t open = p_++;
        int depth = 1;
        size_t close = p_;
        while (close < lim_ && depth > 0) {
            if (s_[close] == U'(') ++depth;
            if (s_[close] == U')') --depth;
            if (depth > 0) ++close;
        }
        if (close >= lim_) {  // unbalanced: read the rest as if it were outside
            (void)open;
            return;
        }
        sequence(close);
        p_ = close + 1;
    }

    bool item() {
        return closure() || school_break() || validity() || approx_word() || month_range() ||
               recurrence() || frequency() || times() || filler();
    }

    template <typename F>
    bool attempt(F f) {
        size_t save = p_;
        if (f()) return true;
        p_ = save;
        return false;
    }

    // ---- rules and groups
    std::vector<Recurrence>& rules() { return out_.rules; }
    bool have_group() const { return group_begin_ != SIZE_MAX && group_begin_ < out_.rules.size(); }

    static bool mergeable(const Recurrence& a, const Recurrence& b) {
        if (a.kind != b.kind || a.months != b.months || a.interval_months != b.interval_months ||
            a.approximate != b.approximate || !a.times.empty() || !b.times.empty())
            return false;
        switch (a.kind) {
            case RecurrenceKind::monthly_nth_weekday: return a.weekdays == b.weekdays;
            case RecurrenceKind::monthly_day: return true;
            case RecurrenceKind::weekly: return true;
            default: return false;
        }
    }

    void add_rule(Recurrence r, bool bare_weekly) {
        // 月1回土曜日 / 月2回日曜日: the weekday says on which day the counted meetings fall.
        if (bare_weekly && last_ == Last::rule && !rules().empty()) {
            Recurrence& prev = rules().back();
            if (prev.kind == RecurrenceKind::irregular && prev.weekdays == 0 && prev.times.empty()) {
                prev.weekdays = r.weekdays;
                prev.holidays = prev.holidays || r.holidays;
                last_bare_weekly_ = false;
                return;
            }
        }
        // 月1回 第2土曜: the count only repeats what the rule says, so the rule replaces it.
        if (last_ == Last::rule && !rules().empty() &&
            (r.kind == RecurrenceKind::monthly_nth_weekday || r.kind == RecurrenceKind::monthly_day)) {
            Recurrence& prev = rules().back();
            int per_month = r.kind == RecurrenceKind::monthly_day
                                ? static_cast<int>(r.month_days.size())
                                : static_cast<int>(r.nths.size()) * popcount7(r.weekdays);
            if (prev.kind == RecurrenceKind::irregular && prev.weekdays == 0 && prev.times.empty() &&
                prev.times_per_year == 0 && prev.times_per_month == per_month && prev.times_per_month_max == 0) {
                r.interval_months = prev.interval_months;
                r.approximate = r.approximate || prev.approximate;
                rules().pop_back();
            }
        }
        if (pending_approx_) r.approximate = true, pending_approx_ = false;

        // "10:00〜12:00 毎週水曜": times written first belong to the rule that follows.
        if (group_from_times_ && last_ == Last::times && have_group() && rules().size() == group_begin_ + 1) {
            Recurrence& g = rules().back();
            r.times = g.times;
            if (r.months == 0) r.months = g.months;
            rules().back() = std::move(r);
            group_from_times_ = false;
            last_ = Last::rule;
            last_bare_weekly_ = bare_weekly;
            return;
        }
        bool same_group = have_group() && last_ == Last::rule && !group_closed_;
        if (!same_group) {
            group_begin_ = rules().size();
            group_closed_ = false;
            group_from_times_ = false;
            if (pending_months_) r.months = pending_months_, pending_months_ = 0;
        } else {
            r.months = rules().back().months;
            Recurrence& prev = rules().back();
            if (mergeable(prev, r)) {
                prev.weekdays |= r.weekdays;
                prev.holidays = prev.holidays || r.holidays;
                for (int n : r.nths)
                    if (std::find(prev.nths.begin(), prev.nths.end(), n) == prev.nths.end()) prev.nths.push_back(n);
                for (int d : r.month_days)
                    if (std::find(prev.month_days.begin(), prev.month_days.end(), d) == prev.month_days.end())
                        prev.month_days.push_back(d);
                sort_lists(prev);
                last_bare_weekly_ = false;
                return;
            }
        }
        sort_lists(r);
        rules().push_back(std::move(r));
        last_ = Last::rule;
        last_bare_weekly_ = bare_weekly;
    }

    static void sort_lists(Recurrence& r) {
        // 最終 (-1) sorts after the numbered weeks, 末日 (-1) after the numbered days.
        auto key = [](int v) { return v < 0 ? 100 - v : v; };
        auto cmp = [&](int a, int b) { return key(a) < key(b); };
        std::sort(r.nths.begin(), r.nths.end(), cmp);
        std::sort(r.month_days.begin(), r.month_days.end(), cmp);
    }

    void add_times(const TimeRange& t) {
        if (have_group() && !group_closed_ && (last_ == Last::rule || last_ == Last::times)) {
            for (size_t i = group_begin_; i < rules().size(); ++i) rules()[i].times.push_back(t);
        } else {
            Recurrence r;
            r.kind = RecurrenceKind::days_unstated;
            r.months = pending_months_;
            pending_months_ = 0;
            r.times.push_back(t);
            group_begin_ = rules().size();
            rules().push_back(std::move(r));
            group_closed_ = false;
            group_from_times_ = true;
        }
        last_ = Last::times;
        last_bare_weekly_ = false;
    }

    void finish() {
        if (pending_months_) {
            if (have_group() && rules().back().months == 0) {
                for (size_t i = group_begin_; i < rules().size(); ++i) rules()[i].months = pending_months_;
            } else {
                Recurrence r;
                r.kind = RecurrenceKind::days_unstated;
                r.months = pending_months_;
                rules().push_back(std::move(r));
            }
            pending_months_ = 0;
        }
        if (pending_approx_ && !rules().empty()) rules().back().approximate = true;
    }

    // ---- weekday lists: 水曜 / 月、水、金曜日 / 月・水・金 / 月火木金 / 土日祝 / 日・祝
    // A 祝日 followed by は休み / を除く is a closure, not a day it is held; it is left alone.
    bool holiday_word_ahead(size_t& len) const {
        static const std::u32string_view words[] = {U"祝祭日", U"祝日", U"祭日", U"祝"};
        for (auto w : words) {
            if (p_ + w.size() <= lim_ && s_.compare(p_, w.size(), w) == 0) {
                size_t after = p_ + w.size();
                auto rest = std::u32string_view(s_).substr(after, lim_ - after);
                for (auto v : {U"は", U"を", U"除", U"休", U"の場合", U"も休"})
                    if (rest.substr(0, std::u32string_view(v).size()) == v) return false;
                len = w.size();
                return true;
            }
        }
        return false;
    }

    bool weekday_char_here(size_t i) const {
        char32_t c = at(i);
        if (weekday_of(c) < 0) return false;
        char32_t n = at(i + 1);
        if (c == U'月' && (is_digit(n) || n == U'に' || n == U'末' || n == U'間')) return false;
        if (c == U'日' && (n == U'間' || n == U'程' || n == U'時')) return false;
        return true;
    }

    bool weekday_list(uint8_t& bits, bool& holidays) {
        size_t save = p_;
        bits = 0;
        holidays = false;
        for (;;) {
            if (!weekday_char_here(p_)) break;
            int first = weekday_of(cur());
            bits |= weekday_bit(first);
            ++p_;
            any(U"曜日", U"曜");
            // 月〜金 / 月曜〜金曜: a span of the week, Monday-first as people count it.
            if (is_range(cur()) && weekday_char_here(p_ + 1)) {
                ++p_;
                int last = weekday_of(cur());
                ++p_;
                any(U"曜日", U"曜");
                for (int d = first; d != last; d = (d + 1) % 7) bits |= weekday_bit(d);
                bits |= weekday_bit(last);
            }
            size_t hl = 0;
            if (weekday_char_here(p_)) continue;  // 月火木金
            if (holiday_word_ahead(hl)) {         // 土日祝
                p_ += hl;
                holidays = true;
                break;
            }
            if (is_sep(cur()) || cur() == U'と' || cur() == U'及') {
                size_t before = p_;
                if (!lit(U"及び")) ++p_;
                spaces();
                if (weekday_char_here(p_)) continue;
                if (holiday_word_ahead(hl)) {  // 日・祝
                    p_ += hl;
                    holidays = true;
                    break;
                }
                p_ = before;
            }
            break;
        }
        if (bits == 0) {
            p_ = save;
            return false;
        }
        return true;
    }

    // ---- recurrences
    bool nth_list(std::vector<int>& nths) {
        size_t save = p_;
        nths.clear();
        for (;;) {
            size_t before = p_;
            bool dai = lit(U"第");
            int n = -1;
            if (lit(U"最終") || lit(U"最後の")) {
                n = -1;
                nths.push_back(n);
            } else if ((dai || !nths.empty()) && (n = number()) >= 1) {
                if (n > 5) break;
                nths.push_back(n);
            } else if ((dai || !nths.empty()) && kanji_number(cur()) > 0) {
                nths.push_back(kanji_number(cur()));
                ++p_;
            } else {
                p_ = before;
                break;
            }
            lit(U"週");  // 第2週土曜
            if (is_sep(cur())) {
                size_t b = p_;
                ++p_;
                if (cur() == U'第' || is_digit(cur()) || peek(U"最終") || kanji_number(cur()) > 0) continue;
                p_ = b;
            }
            break;
        }
        if (nths.empty()) {
            p_ = save;
            return false;
        }
        return true;
    }

    bool month_day_list(std::vector<int>& days) {
        size_t save = p_;
        days.clear();
        for (;;) {
            size_t before = p_;
            if (lit(U"末日") || lit(U"月末")) {
                days.push_back(-1);
            } else {
                // 10日・25日, or 10・25日 where only the last number carries 日.
                std::vector<int> nums;
                int n = number();
                if (n < 1 || n > 31) {
                    p_ = before;
                    break;
                }
                nums.push_back(n);
                while (is_sep(cur()) && is_digit(at(p_ + 1))) {
                    size_t b = p_;
                    ++p_;
                    int m = number();
                    if (m < 1 || m > 31 || cur() == U'日' || is_sep(cur())) {
                        nums.push_back(m);
                        continue;
                    }
                    p_ = b;
                    break;
                }
                if (!lit(U"日") || peek(U"間") || peek(U"曜") || std::any_of(nums.begin(), nums.end(), [](int v) {
                        return v < 1 || v > 31;
                    })) {
                    p_ = before;
                    break;
                }
                days.insert(days.end(), nums.begin(), nums.end());
            }
            if (is_sep(cur()) && (is_digit(at(p_ + 1)) || at(p_ + 1) == U'末')) {
                ++p_;
                continue;
            }
            break;
        }
        if (days.empty()) {
            p_ = save;
            return false;
        }
        return true;
    }

    // Nヶ月に1回 / Nヶ月ごと / 隔月 → interval in months (the 1 回 is required: 2ヶ月に2回 is a count).
    bool month_interval(int& months) {
        return attempt([&] {
            if (lit(U"隔月")) {
                months = 2;
                return true;
            }
            int n = number();
            if (n < 2 || n > 12) return false;
            if (!kagetsu()) return false;
            if (lit(U"ごと") || lit(U"毎")) {
                months = n;
                return true;
            }
            if (!(lit(U"に1回") || lit(U"に一回") || lit(U"に1度") || lit(U"に一度"))) return false;
            months = n;
            return true;
        });
    }

    bool recurrence() {
        return attempt([&] {
            Recurrence r;
            bool monthly = false, weekly = false;
            int interval_months = 1;
            if (lit(U"毎週")) {
                weekly = true;
                lit(U"の");
            } else if (lit(U"毎月")) {
                monthly = true;
                lit(U"の");
            } else if (month_interval(interval_months)) {
                monthly = true;
                spaces();
                lit(U"の");
            } else if (lit(U"隔週")) {
                lit(U"の");
                r.kind = RecurrenceKind::every_n_weeks;
                r.interval_weeks = 2;
                weekday_list(r.weekdays, r.holidays);
                add_rule(r, false);
                return true;
            } else {
                size_t b = p_;
                int n = number();
                if (n >= 2 && n <= 8 && (lit(U"週間ごと") || lit(U"週ごと") || lit(U"週間毎") || lit(U"週毎") ||
                                         lit(U"週間に1回") || lit(U"週に1回") || lit(U"週間に一回") || lit(U"週に一回"))) {
                    lit(U"の");
                    r.kind = RecurrenceKind::every_n_weeks;
                    r.interval_weeks = n;
                    weekday_list(r.weekdays, r.holidays);
                    add_rule(r, false);
                    return true;
                }
                p_ = b;
            }
            if (!monthly && !weekly) {
                if (lit(U"毎日")) {
                    r.kind = RecurrenceKind::daily;
                    add_rule(r, false);
                    return true;
                }
                if (lit(U"平日")) {
                    r.kind = RecurrenceKind::weekly;
                    r.weekdays = kWeekdaysMonFri;
                    add_rule(r, false);
                    return true;
                }
                if (lit(U"週末")) {
                    r.kind = RecurrenceKind::weekly;
                    r.weekdays = weekday_bit(0) | weekday_bit(6);
                    add_rule(r, false);
                    return true;
                }
            }
            if (!weekly) {
                if (nth_list(r.nths)) {
                    lit(U"の");
                    if (!weekday_list(r.weekdays, r.holidays)) return false;
                    r.kind = RecurrenceKind::monthly_nth_weekday;
                    r.interval_months = interval_months;
                    add_rule(r, false);
                    return true;
                }
                if (month_day_list(r.month_days)) {
                    r.kind = RecurrenceKind::monthly_day;
                    r.interval_months = interval_months;
                    add_rule(r, false);
                    return true;
                }
                if (monthly && lit(U"末")) {  // 毎月末
                    r.kind = RecurrenceKind::monthly_day;
                    r.month_days = {-1};
                    add_rule(r, false);
                    return true;
                }
                if (monthly) return false;
            }
            if (!weekday_list(r.weekdays, r.holidays)) return false;
            r.kind = RecurrenceKind::weekly;
            add_rule(r, !weekly);
            return true;
        });
    }

    // ---- counts: 不定期, 月1回, 月1〜2回, 月1、2回, 年4回, 2ヶ月に1回, …程度
    bool frequency() {
        return attempt([&] {
            Recurrence r;
            r.kind = RecurrenceKind::irregular;
            bool counted = false;
            if (lit(U"不定期")) {
                lit(U"開催");
                lit(U"で");
                // 月1回不定期: the word repeats that the days vary; the counted rule stays.
                if (last_ == Last::rule && !rules().empty() && rules().back().kind == RecurrenceKind::irregular)
                    return true;
                // 土曜の不定期開催: the bare weekday says on which day it falls.
                if (last_ == Last::rule && last_bare_weekly_ && rules().back().kind == RecurrenceKind::weekly &&
                    rules().back().times.empty() && group_begin_ == rules().size() - 1) {
                    rules().back().kind = RecurrenceKind::irregular;
                    last_bare_weekly_ = false;
                    return true;
                }
                add_rule(r, false);
                return true;
            }
            int months = 1;
            if (lit(U"毎月") || lit(U"月")) {
                lit(U"に");
                counted = true;
            } else if (lit(U"年")) {
                lit(U"に");
                int n = number();
                if (n < 1 || !lit(U"回")) return false;
                r.times_per_year = n;
                approx_suffix(r);
                lit(U"開催");
                add_rule(r, false);
                return true;
            } else {
                int n = number();
                if (n >= 2 && n <= 12 && kagetsu() && lit(U"に")) {
                    months = n;
                    counted = true;
                } else if (lit(U"隔月")) {
                    r.interval_months = 2;
                    r.times_per_month = 1;
                    approx_suffix(r);
                    lit(U"開催");
                    add_rule(r, false);
                    return true;
                }
            }
            if (!counted) return false;
            int a = number();
            if (a < 1) {
                if (lit(U"一")) a = 1;
                else if (lit(U"二")) a = 2;
                else return false;
            }
            int b = 0;
            if ((is_range(cur()) || is_sep(cur())) && is_digit(at(p_ + 1))) {
                ++p_;
                b = number();
                if (b <= a) return false;
            }
            if (!(lit(U"回") || lit(U"度"))) return false;
            lit(U"程度") ? (void)(r.approximate = true) : (void)0;
            r.times_per_month = a;
            r.times_per_month_max = b;
            r.interval_months = months;
            approx_suffix(r);
            if (lit(U"不定期")) lit(U"開催");
            lit(U"開催");
            add_rule(r, false);
            return true;
        });
    }

    void approx_suffix(Recurrence& r) {
        if (any(U"程度", U"ほど", U"くらい", U"ぐらい", U"位")) r.approximate = true;
    }

    // 原則 before a rule; 程度 / だが変動あり after one.
    bool approx_word() {
        return attempt([&] {
            if (lit(U"原則として") || lit(U"原則")) {
                pending_approx_ = true;
                return true;
            }
            if (last_ == Last::none || !have_group()) return false;
            bool ok = false;
            if (any(U"程度", U"ほど", U"くらい", U"ぐらい")) {
                ok = true;
            } else {
                any(U"ですが", U"だが", U"が");
                spaces();
                ok = any(U"変動あり", U"変動します", U"変動する場合があります", U"変更あり", U"変更する場合があります",
                         U"変更になる場合があります", U"変わることがあります");
            }
            if (!ok) return false;
            for (size_t i = group_begin_; i < rules().size(); ++i) rules()[i].approximate = true;
            return true;
        });
    }

    // ---- times
    // One point in time: 10:00 / 10時 / 10時30分 / 10時半 / 午後1時半 / 午前11:30 / 正午.
    // ampm: 0 unstated, 1 午前, 2 午後.
    bool time_point(int& minutes, int& ampm) {
        return attempt([&] {
            ampm = 0;
            if (lit(U"正午")) {
                minutes = 12 * 60;
                ampm = 2;
                return true;
            }
            if (lit(U"午前") || lit(U"AM") || lit(U"am")) ampm = 1;
            else if (lit(U"午後") || lit(U"PM") || lit(U"pm")) ampm = 2;
            int h = number();
            if (h < 0 || h > 24) return false;
            int m = 0;
            if (cur() == U':' && is_digit(at(p_ + 1)) && is_digit(at(p_ + 2))) {
                ++p_;
                m = number();
            } else if (lit(U"時")) {
                if (lit(U"半")) {
                    m = 30;
                } else {
                    size_t b = p_;
                    int mm = number();
                    if (mm >= 0 && lit(U"分")) m = mm;
                    else p_ = b;
                }
            } else {
                return false;
            }
            if (m > 59) return false;
            if (ampm == 2 && h < 12) h += 12;
            if (ampm != 0 && h > 12 + (ampm == 2 ? 12 : 0)) return false;
            minutes = h * 60 + m;
            any(U"頃", U"ごろ");
            return true;
        });
    }

    bool times() {
        return attempt([&] {
            TimeRange t;
            int am1 = 0, am2 = 0;
            bool has_start = time_point(t.start, am1);
            bool ranged = false;
            if (cur() == kTilde || cur() == U'-') {
                ++p_;
                ranged = true;
            } else if (has_start && (lit(U"から") || lit(U"より"))) {
                ranged = true;
            }
            if (!has_start && !ranged) return false;
            spaces();
            bool has_end = ranged && time_point(t.end, am2);
            if (!has_start && !has_end) return false;
            if (has_end) {
                lit(U"まで");
                // 午後5時30分〜6時30分: the end inherits 午後 when written without it.
                if (am1 == 2 && am2 == 0 && t.end < 12 * 60) t.end += 12 * 60;
            } else if (!has_start) {
                return false;
            }
            if (!has_start) t.start = -1;
            if (!has_end) t.end = -1;
            if (!ranged) lit(U"まで") ? (void)(t.end = t.start, t.start = -1) : (void)0;
            add_times(t);
            return true;
        });
    }

    // ---- months and dates
    bool month_number(int& m) {
        return attempt([&] {
            m = number();
            return m >= 1 && m <= 12 && lit(U"月");
        });
    }

    // 8月 / 8月・12月 / 8・12月 → month bits.
    bool month_list(uint16_t& mask) {
        return attempt([&] {
            uint16_t found = 0;
            for (;;) {
                int m = number();
                if (m < 1 || m > 12) return false;
                found |= static_cast<uint16_t>(1u << (m - 1));
                if (lit(U"月")) {
                    if (is_sep(cur()) && is_digit(at(p_ + 1))) {
                        size_t b = p_;
                        ++p_;
                        if (attempt([&] { int n = number(); return n >= 1 && n <= 12 && (lit(U"月") || is_sep(cur())); })) {
                            p_ = b + 1;
                            continue;
                        }
                        p_ = b;
                    }
                    mask |= found;
                    return true;
                }
                if (!is_sep(cur()) || !is_digit(at(p_ + 1))) return false;
                ++p_;
            }
        });
    }

    // 4月〜10月 / 4月から3月まで: held only in those months.
    bool month_range() {
        return attempt([&] {
            int a = 0, b = 0;
            if (!month_number(a)) return false;
            if (!(lit(U"〜") || lit(U"-") || lit(U"から"))) return false;
            if (!month_number(b)) return false;
            lit(U"まで");
            uint16_t mask = month_span(a, b);
            if (have_group() && last_ == Last::rule && rules().back().months == 0) {
                for (size_t i = group_begin_; i < rules().size(); ++i) rules()[i].months = mask;
            } else {
                pending_months_ = mask;
                group_closed_ = true;
            }
            return true;
        });
    }

    bool era_year(int& y) {
        return attempt([&] {
            int base = 0;
            if (lit(U"令和")) base = 2018;
            else if (lit(U"平成")) base = 1988;
            else {
                y = number();
                return y >= 1900 && y <= 2200;
            }
            int n = lit(U"元") ? 1 : number();
            if (n < 1) return false;
            y = base + n;
            return true;
        });
    }

    bool date(Date& d) {
        return attempt([&] {
            d = Date{};
            size_t b = p_;
            int y = number();
            if (y >= 1900 && y <= 2200 && (cur() == U'-' || cur() == U'/') && is_digit(at(p_ + 1))) {
                char32_t sep = cur();
                ++p_;
                int m = number();
                if (m < 1 || m > 12) return false;
                d = Date{y, m, 0};
                if (cur() == sep && is_digit(at(p_ + 1))) {
                    ++p_;
                    d.day = number();
                }
                return is_valid_date(d.day ? d : Date{y, m, 1});
            }
            p_ = b;
            if (!era_year(y) || !lit(U"年")) return false;
            int m = number();
            if (m < 1 || m > 12 || !lit(U"月")) return false;
            d = Date{y, m, 0};
            size_t c = p_;
            int day = number();
            if (day >= 1 && lit(U"日")) d.day = day;
            else p_ = c;
            return is_valid_date(d.day ? d : Date{y, m, 1});
        });
    }

    // 2026年4月から / 2026年4月〜2027年3月 / 2027年3月まで / 令和8年度
    bool validity() {
        return attempt([&] {
            Date a, b;
            if (date(a)) {
                if (lit(U"まで")) {
                    out_.valid_until = a;
                    return true;
                }
                if (!(lit(U"から") || lit(U"より") || lit(U"〜") || lit(U"-"))) return false;
                out_.valid_from = a;
                spaces();
                if (date(b)) {
                    lit(U"まで");
                    out_.valid_until = b;
                }
                return true;
            }
            if (lit(U"〜") && date(b)) {
                lit(U"まで");
                out_.valid_until = b;
                return true;
            }
            int y = 0;
            if (era_year(y) && lit(U"年度")) {
                out_.valid_from = Date{y, 4, 0};
                out_.valid_until = Date{y + 1, 3, 0};
                return true;
            }
            return false;
        });
    }

    // ---- closures: 祝日は休み / 祝日・年末年始は休み / 年末年始休み / 8月は休み / （8月を除く）
    bool closure() {
        return attempt([&] {
            bool hol = false, ye = false;
            uint16_t months = 0;
            std::vector<Date> dates;
            int items = 0;
            for (;;) {
                Date d;
                if (any(U"祝祭日", U"祝日", U"祭日", U"国民の祝日")) hol = true;
                else if (lit(U"年末年始")) ye = true;
                else if (attempt([&] { return date(d) && d.day != 0; })) dates.push_back(d);
                else if (month_list(months)) {}
                else break;
                ++items;
                if (is_sep(cur()) || cur() == U'と') {
                    size_t b = p_;
                    ++p_;
                    if (lit(U"及び")) {}
                    char32_t c = cur();
                    if (c == U'祝' || c == U'祭' || c == U'年' || c == U'国' || is_digit(c) || c == U'令') continue;
                    p_ = b;
                } else if (lit(U"及び")) {
                    continue;
                }
                break;
            }
            if (items == 0) return false;
            any(U"の場合は", U"の日は", U"は", U"を", U"も");
            if (!any(U"お休み", U"休み", U"休業", U"休館", U"休止", U"除く", U"除き", U"なし", U"休"))
                return false;
            any(U"です", U"となります", U"とします");
            out_.closed_on_holidays = out_.closed_on_holidays || hol;
            out_.closed_year_end = out_.closed_year_end || ye;
            out_.closed_months |= months;
            for (const Date& d : dates)
                if (std::find(out_.except_dates.begin(), out_.except_dates.end(), d) == out_.except_dates.end())
                    out_.except_dates.push_back(d);
            std::sort(out_.except_dates.begin(), out_.except_dates.end());
            return true;
        });
    }

    // 夏休み期間 / 夏休み中 / 長期休み: held only then. 夏休みは休み is a closure we cannot date:
    // left unread rather than guessed.
    bool school_break() {
        return attempt([&] {
            uint8_t bit = 0;
            if (any(U"夏休み", U"夏季休暇", U"夏期休暇")) bit = kSummerBreak;
            else if (any(U"冬休み", U"冬季休暇", U"冬期休暇")) bit = kWinterBreak;
            else if (any(U"春休み", U"春季休暇", U"春期休暇")) bit = kSpringBreak;
            else if (any(U"長期休み", U"長期休暇", U"長期休業")) bit = kLongBreaks;
            else return false;
            any(U"期間中", U"期間", U"中", U"のみ", U"限定");
            lit(U"の");
            if (peek(U"は") || peek(U"を") || peek(U"休") || peek(U"除")) return false;
            out_.school_breaks |= bit;
            return true;
        });
    }

    // Words that carry no schedule meaning of their own.
    bool filler() {
        return attempt([&] {
            // と / および join rules as 、 does: 第2土曜日と第4日曜日.
            if (any(U"開催日", U"開催", U"二部制", U"2部制", U"です", U"に", U"の", U"と", U"および", U"及び"))
                return true;
            // 夏季（4月〜10月） / 冬季 11月〜3月: the season's name; its months say when.
            if (any(U"夏季", U"冬季", U"夏期", U"冬期")) {
                spaces();
                return cur() == U'(' || is_digit(cur());
            }
            // ① ② … and 1回目 / 2部: labels of sessions whose times follow.
            if (cur() >= U'①' && cur() <= U'⑳') {
                ++p_;
                return true;
            }
            int n = number();
            if (n >= 1 && n <= 9 && (lit(U"回目") || lit(U"部"))) return true;
            return false;
        });
    }
};

}  // namespace

Schedule parse_schedule(std::string_view text, Diagnostics& problems) {
    Schedule out;
    out.text = std::string(text);
    Normalised n = normalise(text);
    Parser parser(n, out);
    parser.run();
    if (parser.unread.empty()) return out;

    out.understood = false;
    std::string whole = trim_ascii_and_ideographic_space(std::string(text));
    std::vector<std::string> parts;
    for (auto [b, e] : parser.unread) {
        std::string part = trim_ascii_and_ideographic_space(
            std::string(text.substr(n.src[b], n.src[e] - n.src[b])));
        if (!part.empty() && std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
    }
    std::string ja, en;
    if (parts.size() == 1 && parts[0] == whole) {
        ja = "開催日時「" + whole + "」を読めません。文章のまま表示します";
        en = "cannot read the schedule \"" + whole + "\"; it is shown as written";
    } else {
        std::string ja_parts, en_parts;
        for (const auto& part : parts) {
            ja_parts += "「" + part + "」";
            if (!en_parts.empty()) en_parts += ", ";
            en_parts += "\"" + part + "\"";
        }
        ja = "開催日時「" + whole + "」の" + ja_parts + "を読めません。文章のまま表示します";
        en = "cannot read " + en_parts + " in the schedule; it is shown as written";
    }
    problems.push_back(make_warning("schedule.unreadable", SourcePos{}, std::move(ja), std::move(en)));
    return out;
}

}  // namespace tsunagu
