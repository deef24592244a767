#include "text/schedule_schema_org.h"

#include <string>

namespace tsunagu {
namespace {

constexpr const char* kDayUrls[] = {
    "https://schema.org/Sunday",   "https://schema.org/Monday", "https://schema.org/Tuesday",
    "https://schema.org/Wednesday", "https://schema.org/Thursday", "https://schema.org/Friday",
    "https://schema.org/Saturday",
};
constexpr uint16_t kAllMonths = 0xFFF;

std::string clock(int minutes) {
    int h = minutes / 60, m = minutes % 60;
    return std::string(h < 10 ? "0" : "") + std::to_string(h) + (m < 10 ? ":0" : ":") + std::to_string(m) + ":00";
}

nlohmann::json by_day(uint8_t bits) {
    nlohmann::json days = nlohmann::json::array();
    for (int d : {1, 2, 3, 4, 5, 6, 0})
        if (bits & weekday_bit(d)) days.push_back(kDayUrls[d]);
    return days;
}

// Month-precision validity dates widen to the whole month.
std::string start_date(const Date& d) { return to_iso(Date{d.year, d.month, d.day ? d.day : 1}); }
std::string end_date(const Date& d) {
    return to_iso(Date{d.year, d.month, d.day ? d.day : days_in_month(d.year, d.month)});
}

}  // namespace

nlohmann::json schedule_to_schema_org(const Schedule& s) {
    nlohmann::json out = nlohmann::json::array();
    if (!s.understood || s.school_breaks != 0) return out;
    for (const Recurrence& r : s.rules) {
        nlohmann::json base = {{"@type", "Schedule"}};
        switch (r.kind) {
            case RecurrenceKind::daily:
                base["repeatFrequency"] = "P1D";
                break;
            case RecurrenceKind::weekly:
                if (r.weekdays == 0) continue;
                base["repeatFrequency"] = "P1W";
                base["byDay"] = by_day(r.weekdays);
                break;
            case RecurrenceKind::every_n_weeks:
                if (r.weekdays == 0) continue;
                base["repeatFrequency"] = "P" + std::to_string(r.interval_weeks) + "W";
                base["byDay"] = by_day(r.weekdays);
                break;
            case RecurrenceKind::monthly_nth_weekday:
                if (r.weekdays == 0 || r.nths.empty()) continue;
                base["repeatFrequency"] = "P" + std::to_string(r.interval_months) + "M";
                base["byDay"] = by_day(r.weekdays);
                base["byMonthWeek"] = r.nths.size() == 1 ? nlohmann::json(r.nths[0]) : nlohmann::json(r.nths);
                break;
            case RecurrenceKind::monthly_day:
                if (r.month_days.empty()) continue;
                base["repeatFrequency"] = "P" + std::to_string(r.interval_months) + "M";
                base["byMonthDay"] =
                    r.month_days.size() == 1 ? nlohmann::json(r.month_days[0]) : nlohmann::json(r.month_days);
                break;
            case RecurrenceKind::irregular:
            case RecurrenceKind::days_unstated:
                continue;
        }
        uint16_t months = (r.months ? r.months : kAllMonths) & ~s.closed_months & kAllMonths;
        if (months == 0) continue;
        if (months != kAllMonths) {
            nlohmann::json list = nlohmann::json::array();
            for (int m = 0; m < 12; ++m)
                if (months & (1u << m)) list.push_back(m + 1);
            base["byMonth"] = list;
        }
        if (r.kind == RecurrenceKind::every_n_weeks && !r.anchor.empty() && r.anchor.day != 0) {
            // P2W needs its phase: start on the first held day on or after the validity start.
            Date first = r.anchor;
            if (!s.valid_from.empty()) {
                long from = days_from_civil(Date{s.valid_from.year, s.valid_from.month,
                                                 s.valid_from.day ? s.valid_from.day : 1});
                long step = 7L * r.interval_weeks;
                long a = days_from_civil(first);
                long k = from > a ? (from - a + step - 1) / step : -((a - from) / step);
                first = add_days(first, k * step);
            }
            base["startDate"] = to_iso(first);
        } else if (!s.valid_from.empty()) {
            base["startDate"] = start_date(s.valid_from);
        }
        if (!s.valid_until.empty()) base["endDate"] = end_date(s.valid_until);
        if (!s.except_dates.empty()) {
            nlohmann::json ex = nlohmann::json::array();
            for (const Date& d : s.except_dates) ex.push_back(to_iso(d));
            base["exceptDate"] = ex;
        }
        base["scheduleTimezone"] = "Asia/Tokyo";
        if (r.times.empty()) {
            out.push_back(base);
            continue;
        }
        for (const TimeRange& t : r.times) {
            nlohmann::json one = base;
            if (t.start >= 0) one["startTime"] = clock(t.start);
            if (t.end >= 0) one["endTime"] = clock(t.end);
            out.push_back(std::move(one));
        }
    }
    return out;
}

}  // namespace tsunagu
