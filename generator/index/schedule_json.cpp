#include "index/schedule_json.h"

#include "text/occurrences.h"

namespace tsunagu {

using nlohmann::json;

namespace {

const char* kind_key(RecurrenceKind k) {
    switch (k) {
    case RecurrenceKind::weekly: return "w";
    case RecurrenceKind::monthly_nth_weekday: return "n";
    case RecurrenceKind::monthly_day: return "d";
    case RecurrenceKind::every_n_weeks: return "e";
    case RecurrenceKind::daily: return "a";
    default: return nullptr;
    }
}

// The same widening held_on applies to a month- or year-precision validity bound.
Date first_day(const Date& d) { return Date{d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day}; }
Date last_day(const Date& d) {
    const int month = d.month == 0 ? 12 : d.month;
    return Date{d.year, month, d.day == 0 ? days_in_month(d.year, month) : d.day};
}

json times_json(const std::vector<TimeRange>& times) {
    json out = json::array();
    for (const TimeRange& t : times) out.push_back(json::array({t.start, t.end}));
    return out;
}

// Only full dates can match a day, so partial ones are dropped rather than sent.
json dates_json(const std::vector<Date>& dates) {
    json out = json::array();
    for (const Date& d : dates)
        if (full_date(d)) out.push_back(to_iso(d));
    return out;
}

json rule_json(const Recurrence& r) {
    json j = json::object();
    j["k"] = kind_key(r.kind);
    if (r.weekdays != 0) j["w"] = r.weekdays;
    if (r.kind == RecurrenceKind::monthly_nth_weekday && !r.nths.empty()) j["n"] = r.nths;
    if (r.kind == RecurrenceKind::monthly_day && !r.month_days.empty()) j["d"] = r.month_days;
    if (r.kind == RecurrenceKind::every_n_weeks) {
        j["i"] = r.interval_weeks;
        j["a"] = to_iso(r.anchor);
    }
    if (r.months != 0) j["m"] = r.months;
    if (r.holidays) j["h"] = 1;
    if (!r.times.empty()) j["t"] = times_json(r.times);
    return j;
}

Date date_at(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? parse_iso_date(it->get<std::string>()) : Date{};
}

std::vector<Date> dates_at(const json& j, const char* key) {
    std::vector<Date> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const json& d : *it)
        if (d.is_string()) out.push_back(parse_iso_date(d.get<std::string>()));
    return out;
}

template <typename T>
T int_at(const json& j, const char* key, T fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? static_cast<T>(it->get<long>()) : fallback;
}

std::vector<int> ints_at(const json& j, const char* key) {
    std::vector<int> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const json& n : *it)
        if (n.is_number_integer()) out.push_back(n.get<int>());
    return out;
}

std::vector<TimeRange> times_at(const json& j, const char* key) {
    std::vector<TimeRange> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const json& t : *it)
        if (t.is_array() && t.size() == 2 && t[0].is_number_integer() && t[1].is_number_integer())
            out.push_back(TimeRange{t[0].get<int>(), t[1].get<int>()});
    return out;
}

}  // namespace

json schedule_json(const Schedule& s) {
    if (!s.understood || s.school_breaks != 0) return nullptr;
    json rules = json::array();
    for (const Recurrence& r : s.rules)
        if (recurrence_computable(r) && kind_key(r.kind)) rules.push_back(rule_json(r));
    json extra = dates_json(s.extra_dates);
    if (rules.empty() && extra.empty()) return nullptr;

    json j = json::object();
    j["r"] = std::move(rules);
    if (!s.valid_from.empty()) j["f"] = to_iso(first_day(s.valid_from));
    if (!s.valid_until.empty()) j["u"] = to_iso(last_day(s.valid_until));
    if (s.closed_on_holidays) j["hc"] = 1;
    if (s.closed_year_end) j["ye"] = 1;
    if (s.closed_months != 0) j["cm"] = s.closed_months;
    json except = dates_json(s.except_dates);
    if (!except.empty()) j["x"] = std::move(except);
    if (!extra.empty()) {
        j["e"] = std::move(extra);
        // held_on gives extra dates the first rule's times, computable or not.
        if (!s.rules.empty() && !recurrence_computable(s.rules.front())) j["et"] = times_json(s.rules.front().times);
    }
    return j;
}

Schedule schedule_from_json(const json& j) {
    Schedule s;
    if (!j.is_object()) {
        s.understood = false;
        return s;
    }
    const std::vector<Date> extra = dates_at(j, "e");
    if (auto et = j.find("et"); et != j.end() && !extra.empty()) {
        // The first rule was not computable: stand it in as an irregular rule that carries the
        // extra dates' times and matches nothing.
        Recurrence stand_in;
        stand_in.kind = RecurrenceKind::irregular;
        stand_in.times = times_at(j, "et");
        s.rules.push_back(std::move(stand_in));
    }
    if (auto rules = j.find("r"); rules != j.end() && rules->is_array()) {
        for (const json& rj : *rules) {
            if (!rj.is_object()) continue;
            Recurrence r;
            const std::string k = rj.value("k", "");
            if (k == "w") r.kind = RecurrenceKind::weekly;
            else if (k == "n") r.kind = RecurrenceKind::monthly_nth_weekday;
            else if (k == "d") r.kind = RecurrenceKind::monthly_day;
            else if (k == "e") r.kind = RecurrenceKind::every_n_weeks;
            else if (k == "a") r.kind = RecurrenceKind::daily;
            else continue;
            r.weekdays = int_at<uint8_t>(rj, "w", 0);
            r.nths = ints_at(rj, "n");
            r.month_days = ints_at(rj, "d");
            r.interval_weeks = int_at<int>(rj, "i", 1);
            r.anchor = date_at(rj, "a");
            r.months = int_at<uint16_t>(rj, "m", 0);
            r.holidays = int_at<int>(rj, "h", 0) != 0;
            r.times = times_at(rj, "t");
            s.rules.push_back(std::move(r));
        }
    }
    s.valid_from = date_at(j, "f");
    s.valid_until = date_at(j, "u");
    s.closed_on_holidays = int_at<int>(j, "hc", 0) != 0;
    s.closed_year_end = int_at<int>(j, "ye", 0) != 0;
    s.closed_months = int_at<uint16_t>(j, "cm", 0);
    s.except_dates = dates_at(j, "x");
    s.extra_dates = extra;
    return s;
}

}  // namespace tsunagu
