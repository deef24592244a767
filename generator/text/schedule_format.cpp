#include "text/schedule_format.h"

#include <string>
#include <vector>

namespace tsunagu {
namespace {

// Monday first, the way Japanese calendars and notices list the week.
constexpr int kWeekOrder[] = {1, 2, 3, 4, 5, 6, 0};
constexpr const char* kDayNames[] = {"日", "月", "火", "水", "木", "金", "土"};
constexpr uint16_t kAllMonths = 0xFFF;

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

// "月・水・金曜", "土日" stays as written by people ("土・日曜" reads oddly).
std::string weekday_text(uint8_t bits) {
    std::vector<std::string> names;
    for (int d : kWeekOrder)
        if (bits & weekday_bit(d)) names.push_back(kDayNames[d]);
    if (names.empty()) return "";
    return join(names, "・") + "曜";
}

std::string nth_text(const std::vector<int>& nths) {
    std::vector<std::string> parts;
    for (int n : nths) parts.push_back(n < 0 ? "最終" : "第" + std::to_string(n));
    return join(parts, "・");
}

std::string month_days_text(const std::vector<int>& days) {
    std::vector<std::string> parts;
    for (int d : days) parts.push_back(d < 0 ? "末日" : std::to_string(d) + "日");
    return join(parts, "・");
}

// A month mask as "4月〜10月" when it is one run (wrapping past December counts), else "4・6・8月".
std::string months_text(uint16_t mask) {
    mask &= kAllMonths;
    if (mask == 0) return "";
    if (mask == kAllMonths) return "4月〜3月";  // a whole year is written as the 年度 people use
    int start = -1, runs = 0;
    for (int m = 0; m < 12; ++m) {
        bool on = mask & (1u << m);
        bool prev_on = mask & (1u << ((m + 11) % 12));
        if (on && !prev_on) start = m, ++runs;
    }
    if (runs == 1) {
        int end = start;
        while (mask & (1u << ((end + 1) % 12))) end = (end + 1) % 12;
        if (end == start) return std::to_string(start + 1) + "月";
        return std::to_string(start + 1) + "月〜" + std::to_string(end + 1) + "月";
    }
    std::vector<std::string> parts;
    for (int m = 0; m < 12; ++m)
        if (mask & (1u << m)) parts.push_back(std::to_string(m + 1));
    return join(parts, "・") + "月";
}

std::string time_text(int minutes) {
    int h = minutes / 60, m = minutes % 60;
    return std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

std::string count_text(const Recurrence& r) {
    std::string out;
    if (r.times_per_year > 0) {
        out = "年" + std::to_string(r.times_per_year) + "回";
    } else if (r.times_per_month > 0) {
        std::string n = std::to_string(r.times_per_month);
        if (r.times_per_month_max > r.times_per_month) n += "〜" + std::to_string(r.times_per_month_max);
        if (r.interval_months > 1) {
            out = r.interval_months == 2 && r.times_per_month == 1 && r.times_per_month_max == 0
                      ? "隔月"
                      : std::to_string(r.interval_months) + "か月に" + n + "回";
        } else {
            out = "月" + n + "回";
        }
    } else {
        return "不定期";
    }
    if (r.approximate) out += "程度";
    return out;
}

std::string holiday_suffix(const Recurrence& r) { return r.holidays ? "・祝日" : ""; }

// The days of one rule, with its prefix (毎週 / 毎月 …) separate so that a group can share it.
struct DaysText {
    std::string prefix;
    std::string body;
};

DaysText days_text(const Recurrence& r) {
    switch (r.kind) {
        case RecurrenceKind::weekly:
            if (r.weekdays == kWeekdaysMonFri && !r.holidays) return {"", "平日"};
            if (r.weekdays == 0x7F && !r.holidays) return {"", "毎日"};
            if (r.weekdays == (weekday_bit(0) | weekday_bit(6))) return {"", r.holidays ? "土日祝" : "土日"};
            return {"毎週", weekday_text(r.weekdays) + holiday_suffix(r)};
        case RecurrenceKind::daily:
            return {"", "毎日"};
        case RecurrenceKind::monthly_nth_weekday: {
            std::string prefix = r.interval_months == 2   ? "隔月"
                                 : r.interval_months > 2 ? std::to_string(r.interval_months) + "か月ごと "
                                                         : "毎月";
            return {prefix, nth_text(r.nths) + weekday_text(r.weekdays) + holiday_suffix(r)};
        }
        case RecurrenceKind::monthly_day: {
            std::string prefix = r.interval_months == 2   ? "隔月"
                                 : r.interval_months > 2 ? std::to_string(r.interval_months) + "か月ごと "
                                                         : "毎月";
            return {prefix, month_days_text(r.month_days)};
        }
        case RecurrenceKind::every_n_weeks: {
            std::string prefix = r.interval_weeks == 2 ? "隔週" : std::to_string(r.interval_weeks) + "週間ごと";
            std::string days = weekday_text(r.weekdays) + (r.weekdays ? holiday_suffix(r) : "");
            if (!days.empty() && r.interval_weeks != 2) days = "の" + days;
            return {prefix, days};
        }
        case RecurrenceKind::irregular: {
            std::string days = weekday_text(r.weekdays);
            if (!days.empty()) days = "（" + days + holiday_suffix(r) + "）";
            // 月1回 alone reads like a fixed day; residents need to know the day changes.
            std::string count = count_text(r);
            if (days.empty() && r.times_per_month > 0 && r.times_per_year == 0 && r.interval_months <= 1 && !r.approximate)
                count += "不定期";
            return {"", count + days};
        }
        case RecurrenceKind::days_unstated:
            return {"", ""};
    }
    return {"", ""};
}

std::string times_text(const std::vector<TimeRange>& times) {
    std::vector<std::string> parts;
    for (const auto& t : times) {
        std::string s = format_time_range(t);
        if (!s.empty()) parts.push_back(s);
    }
    return join(parts, "・");
}

bool same_group(const Recurrence& a, const Recurrence& b) {
    return a.times == b.times && a.months == b.months && a.approximate == b.approximate &&
           a.kind != RecurrenceKind::days_unstated && b.kind != RecurrenceKind::days_unstated;
}

std::string approx_prefix(const Recurrence& r) {
    // 月1回程度 carries its own 程度; a fixed rule that is only usually so reads 原則….
    return r.approximate && r.kind != RecurrenceKind::irregular ? "原則" : "";
}

std::string closures_text(const Schedule& s) {
    std::vector<std::string> items;
    if (s.closed_on_holidays) items.push_back("祝日");
    if (s.closed_year_end) items.push_back("年末年始");
    if (s.closed_months) items.push_back(months_text(s.closed_months));
    for (const Date& d : s.except_dates) items.push_back(to_japanese(d));
    std::string out;
    if (!items.empty()) out += "（" + join(items, "・") + "は休み）";
    if (!s.extra_dates.empty()) {
        std::vector<std::string> extra;
        for (const Date& d : s.extra_dates) extra.push_back(to_japanese(d));
        out += "（" + join(extra, "・") + "も開催）";
    }
    return out;
}

std::string breaks_text(uint8_t b) {
    std::vector<std::string> parts;
    if (b & kSpringBreak) parts.push_back("春休み");
    if (b & kSummerBreak) parts.push_back("夏休み");
    if (b & kWinterBreak) parts.push_back("冬休み");
    if (b & kLongBreaks) parts.push_back("長期休み");
    if (parts.empty()) return "";
    return join(parts, "・") + "期間";
}

std::string validity_text(const Schedule& s) {
    if (!s.valid_from.empty() && !s.valid_until.empty())
        return to_japanese(s.valid_from) + "〜" + to_japanese(s.valid_until);
    if (!s.valid_from.empty()) return to_japanese(s.valid_from) + "から";
    if (!s.valid_until.empty()) return to_japanese(s.valid_until) + "まで";
    return "";
}

}  // namespace

std::string format_time_range(const TimeRange& t) {
    if (t.start < 0 && t.end < 0) return "";
    if (t.end < 0) return time_text(t.start) + "〜";
    if (t.start < 0) return "〜" + time_text(t.end);
    return time_text(t.start) + "〜" + time_text(t.end);
}

std::string format_recurrence_days(const Recurrence& r) {
    DaysText d = days_text(r);
    return approx_prefix(r) + d.prefix + d.body;
}

std::string format_schedule(const Schedule& s) {
    if (!s.understood) return s.text;
    std::vector<std::string> words;
    if (std::string v = validity_text(s); !v.empty()) words.push_back(v);
    if (std::string b = breaks_text(s.school_breaks); !b.empty()) words.push_back(b);

    std::vector<std::string> groups;
    for (size_t i = 0; i < s.rules.size();) {
        size_t j = i + 1;
        while (j < s.rules.size() && same_group(s.rules[i], s.rules[j])) ++j;
        const Recurrence& first = s.rules[i];
        std::string text = months_text(first.months);
        std::string days = approx_prefix(first);
        std::string prev_prefix;
        for (size_t k = i; k < j; ++k) {
            DaysText d = days_text(s.rules[k]);
            if (k > i) days += "・";
            // 毎月第2火曜・第4木曜: a prefix shared with the previous rule is written once.
            if (k == i || d.prefix != prev_prefix) days += d.prefix;
            days += d.body;
            prev_prefix = d.prefix;
        }
        if (!days.empty()) text += (text.empty() ? "" : " ") + days;
        std::string times = times_text(first.times);
        if (!times.empty()) text += (text.empty() ? "" : " ") + times;
        if (!text.empty()) groups.push_back(text);
        i = j;
    }
    if (!groups.empty()) words.push_back(join(groups, "、"));
    std::string out = join(words, " ");
    out += closures_text(s);
    if (!s.note.empty()) out += (out.empty() ? "" : " ") + s.note;
    return out;
}

}  // namespace tsunagu
