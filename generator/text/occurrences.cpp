#include "text/occurrences.h"

#include <algorithm>

#include "text/holidays.h"

namespace tsunagu {

namespace {

constexpr long kNextHorizonDays = 400;


// valid_from / valid_until may be month or year precision ("2026-04", 2026).
Date first_day(const Date& d) { return Date{d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day}; }
Date last_day(const Date& d) {
    int month = d.month == 0 ? 12 : d.month;
    return Date{d.year, month, d.day == 0 ? days_in_month(d.year, month) : d.day};
}

bool contains(const std::vector<Date>& dates, const Date& d) {
    return std::find(dates.begin(), dates.end(), d) != dates.end();
}

bool month_in(uint16_t mask, int month) { return (mask >> (month - 1)) & 1u; }

long floor_div(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Weeks counted from Monday so that 隔週土日 keeps Saturday and Sunday in the same week.
long monday_week(const Date& d) { return floor_div(days_from_civil(d) - 4, 7); }  // 1970-01-05 is a Monday

bool rule_matches(const Recurrence& r, const Date& d, bool holiday) {
    if (!recurrence_computable(r)) return false;
    if (r.months != 0 && !month_in(r.months, d.month)) return false;
    if (r.holidays && holiday) return true;
    const int dow = day_of_week(d);
    switch (r.kind) {
    case RecurrenceKind::weekly:
        return r.weekdays & weekday_bit(dow);
    case RecurrenceKind::monthly_nth_weekday: {
        if (!(r.weekdays & weekday_bit(dow))) return false;
        const int nth = (d.day - 1) / 7 + 1;
        const bool last = d.day + 7 > days_in_month(d.year, d.month);
        for (int n : r.nths)
            if (n == nth || (n == -1 && last)) return true;
        return false;
    }
    case RecurrenceKind::monthly_day: {
        const bool last = d.day == days_in_month(d.year, d.month);
        for (int n : r.month_days)
            if (n == d.day || (n == -1 && last)) return true;
        return false;
    }
    case RecurrenceKind::every_n_weeks: {
        uint8_t days = r.weekdays != 0 ? r.weekdays : weekday_bit(day_of_week(r.anchor));
        if (!(days & weekday_bit(dow))) return false;
        long diff = monday_week(d) - monday_week(r.anchor);
        return diff % r.interval_weeks == 0;
    }
    case RecurrenceKind::daily:
        return true;
    default:
        return false;
    }
}

bool schedule_computable(const Schedule& s) { return s.understood && s.school_breaks == 0; }

bool closed_by_schedule(const Schedule& s, const Date& d, bool holiday) {
    if (!s.valid_from.empty() && d < first_day(s.valid_from)) return true;
    if (!s.valid_until.empty() && last_day(s.valid_until) < d) return true;
    if (s.closed_months != 0 && month_in(s.closed_months, d.month)) return true;
    if (s.closed_year_end && ((d.month == 12 && d.day >= 29) || (d.month == 1 && d.day <= 3)))
        return true;
    if (s.closed_on_holidays && holiday) return true;
    return false;
}

// The time ranges the schedule is held at on `d`; nullopt when it is not held. An empty vector
// never comes back: an untimed day gives one empty TimeRange.
std::optional<std::vector<TimeRange>> times_on(const Schedule& s, const Date& d) {
    if (!schedule_computable(s) || !full_date(d)) return std::nullopt;
    if (contains(s.except_dates, d)) return std::nullopt;
    std::vector<TimeRange> times;
    bool held = false, untimed = false;
    auto add = [&](const std::vector<TimeRange>& ts) {
        held = true;
        if (ts.empty()) untimed = true;
        for (const TimeRange& t : ts)
            if (std::find(times.begin(), times.end(), t) == times.end()) times.push_back(t);
    };
    if (contains(s.extra_dates, d)) add(s.rules.empty() ? std::vector<TimeRange>{} : s.rules.front().times);
    const bool holiday = is_national_holiday(d);
    if (!closed_by_schedule(s, d, holiday))
        for (const Recurrence& r : s.rules)
            if (rule_matches(r, d, holiday)) add(r.times);
    if (!held) return std::nullopt;
    if (times.empty() && untimed) times.push_back(TimeRange{});
    std::sort(times.begin(), times.end(), [](const TimeRange& a, const TimeRange& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return times;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

bool full_date(const Date& d) { return !d.empty() && d.day > 0 && is_valid_date(d); }

bool recurrence_computable(const Recurrence& r) {
    switch (r.kind) {
    case RecurrenceKind::irregular:
    case RecurrenceKind::days_unstated:
        return false;
    case RecurrenceKind::every_n_weeks:
        if (!full_date(r.anchor) || r.interval_weeks < 1) return false;
        break;
    default:
        break;
    }
    return r.interval_months <= 1;
}

bool held_on(const Schedule& schedule, const Date& d) { return times_on(schedule, d).has_value(); }

std::vector<Occurrence> occurrences(const Schedule& schedule, const Date& from, const Date& to,
                                    size_t max) {
    std::vector<Occurrence> out;
    if (!schedule_computable(schedule) || !full_date(from) || !full_date(to) || max == 0) return out;
    const long last = days_from_civil(to);
    for (long day = days_from_civil(from); day <= last && out.size() < max; ++day) {
        const Date d = civil_from_days(day);
        auto times = times_on(schedule, d);
        if (!times) continue;
        for (const TimeRange& t : *times) {
            if (out.size() >= max) break;
            out.push_back(Occurrence{d, t});
        }
    }
    return out;
}

std::optional<Occurrence> next_occurrence(const Schedule& schedule, const Date& from) {
    if (!full_date(from)) return std::nullopt;
    auto found = occurrences(schedule, from, add_days(from, kNextHorizonDays), 1);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::string format_next(const Occurrence& o) {
    static const char* const kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};
    std::string s = std::to_string(o.date.month) + "月" + std::to_string(o.date.day) + "日(" +
                    kWeekdays[day_of_week(o.date)] + ")";
    if (o.time.start >= 0)
        s += " " + std::to_string(o.time.start / 60) + ":" + two_digits(o.time.start % 60) + "〜";
    return s;
}

}  // namespace tsunagu
