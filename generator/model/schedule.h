// The schedule model: when an activity is held, as recurrences plus exceptions, with the
// original text always kept. One model drives display, "open this week", iCalendar,
// schema.org eventSchedule and the 自治体標準 columns.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/date.h"

namespace tsunagu {

// Minutes since midnight; -1 = not stated.
struct TimeRange {
    int start = -1;
    int end = -1;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

enum class RecurrenceKind : uint8_t {
    weekly,               // 毎週水曜, 平日, 月・水・金
    monthly_nth_weekday,  // 毎月第2・第4土曜, 毎月最終金曜
    monthly_day,          // 毎月15日, 毎月末日
    every_n_weeks,        // 隔週火曜 (n = 2), 3週間ごと
    daily,                // 毎日
    irregular,            // 不定期, 月1回不定期 (times_per_month may say how often)
    days_unstated,        // 10時〜12時 alone: the times are known, the days are given elsewhere
                          // (e.g. the 自治体標準 開催曜日 column) or not at all
};

// Weekday bits: bit 0 = Sunday … bit 6 = Saturday (JavaScript getDay() numbering).
constexpr uint8_t weekday_bit(int dow) { return static_cast<uint8_t>(1u << dow); }
constexpr uint8_t kWeekdaysMonFri = 0b0111110;

struct Recurrence {
    RecurrenceKind kind = RecurrenceKind::weekly;
    uint8_t weekdays = 0;            // for weekly, monthly_nth_weekday, every_n_weeks;
                                     // irregular: held on one of these (月1回土曜日)
    std::vector<int> nths;           // monthly_nth_weekday: 1..5, -1 = last
    std::vector<int> month_days;     // monthly_day: 1..31, -1 = last day of month
    int interval_weeks = 1;          // every_n_weeks
    Date anchor;                     // every_n_weeks: a date on which it is held (phase)
    uint16_t months = 0;             // bit (m-1) set = only in month m; 0 = every month
    int times_per_month = 0;         // irregular: 月1回 → 1; 0 = unknown
    int times_per_month_max = 0;     // irregular: 月1〜2回 → times_per_month 1, max 2; 0 = no range
    int times_per_year = 0;          // irregular: 年4回 → 4
    int interval_months = 1;         // 2ヶ月に1回 / 隔月 → 2 (phase unknown); counts above are per this
    bool holidays = false;           // 土日祝, 日・祝: also held on national holidays
    bool approximate = false;        // 原則, 程度, 変動あり: usually so, not always
    std::vector<TimeRange> times;    // empty = time not stated
    friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

// Schedule::school_breaks bits.
constexpr uint8_t kSummerBreak = 1;  // 夏休み
constexpr uint8_t kWinterBreak = 2;  // 冬休み
constexpr uint8_t kSpringBreak = 4;  // 春休み
constexpr uint8_t kLongBreaks = 8;   // 長期休み・長期休暇 (any of them)

struct Schedule {
    std::string text;                // the original text, always kept and shown
    std::vector<Recurrence> rules;   // held when any rule matches
    Date valid_from;                 // empty = open-ended
    Date valid_until;
    bool closed_on_holidays = false; // 祝日休み
    bool closed_year_end = false;    // 年末年始休み (12/29–1/3)
    uint16_t closed_months = 0;      // bit (m-1): 8月は休み
    std::vector<Date> except_dates;  // specific closed dates
    std::vector<Date> extra_dates;   // specific additional dates
    std::string note;                // free remarks that are not part of the recurrence
    uint8_t school_breaks = 0;       // held only during these school breaks (kSummerBreak …); their
                                     // dates vary by school and year, so they are named, not dated
    bool understood = true;          // false: the text could not be read; it stays as text only

    bool empty() const { return text.empty() && rules.empty(); }
};

}  // namespace tsunagu
