#include "text/icalendar.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "text/holidays.h"
#include "text/occurrences.h"

namespace tsunagu {

namespace {

constexpr long kClosureWindowDays = 731;    // two years from DTSTART (see the header)
constexpr long kFirstDateSearchDays = 11000;  // ~30 years: 第5土曜 in a single month is rare
constexpr const char* kTzid = "Asia/Tokyo";


// Month/year precision dates, read the same way occurrences.cpp reads validity bounds.
Date first_day(const Date& d) { return Date{d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day}; }
Date last_day(const Date& d) {
    int month = d.month == 0 ? 12 : d.month;
    return Date{d.year, month, d.day == 0 ? days_in_month(d.year, month) : d.day};
}

std::string pad(int n, int width) {
    std::string s = std::to_string(n);
    return std::string(s.size() < static_cast<size_t>(width) ? width - s.size() : 0, '0') + s;
}

std::string ymd(const Date& d) { return pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2); }

std::string local_time(const Date& d, int minutes) {
    return ymd(d) + "T" + pad(minutes / 60, 2) + pad(minutes % 60, 2) + "00";
}

// A content line value may hold no control characters except HTAB (§3.1); URIs and ids are not
// TEXT, so they are not escaped, only cleaned.
std::string strip_controls(const std::string& s) {
    std::string out;
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    return out;
}

const char* const kByDay[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

// Weekdays listed Monday first, the order people (and most calendar apps) expect.
std::vector<int> weekdays_of(uint8_t bits) {
    std::vector<int> out;
    for (int i = 1; i <= 7; ++i)
        if (bits & weekday_bit(i % 7)) out.push_back(i % 7);
    return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string s;
    for (size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
}

// The RRULE for what the rule itself states; closures and holidays are EXDATE/RDATE.
std::string rrule(const Recurrence& r, const Date& until, bool all_day) {
    std::vector<std::string> parts;
    std::vector<std::string> days;
    switch (r.kind) {
    case RecurrenceKind::weekly:
        parts.push_back("FREQ=WEEKLY");
        for (int d : weekdays_of(r.weekdays)) days.push_back(kByDay[d]);
        parts.push_back("BYDAY=" + join(days, ","));
        break;
    case RecurrenceKind::monthly_nth_weekday:
        parts.push_back("FREQ=MONTHLY");
        for (int n : r.nths)
            for (int d : weekdays_of(r.weekdays)) days.push_back(std::to_string(n) + kByDay[d]);
        parts.push_back("BYDAY=" + join(days, ","));
        break;
    case RecurrenceKind::monthly_day:
        parts.push_back("FREQ=MONTHLY");
        for (int n : r.month_days) days.push_back(std::to_string(n));
        parts.push_back("BYMONTHDAY=" + join(days, ","));
        break;
    case RecurrenceKind::every_n_weeks: {
        // Weeks count from Monday (WKST=MO, the RFC default), as in occurrences.cpp, and DTSTART
        // is one of the anchor's phase, so INTERVAL keeps the same weeks.
        parts.push_back("FREQ=WEEKLY");
        if (r.interval_weeks > 1) parts.push_back("INTERVAL=" + std::to_string(r.interval_weeks));
        uint8_t bits = r.weekdays != 0 ? r.weekdays : weekday_bit(day_of_week(r.anchor));
        for (int d : weekdays_of(bits)) days.push_back(kByDay[d]);
        parts.push_back("BYDAY=" + join(days, ","));
        break;
    }
    case RecurrenceKind::daily:
    default:
        parts.push_back("FREQ=DAILY");
        break;
    }
    if (r.months != 0) {
        std::vector<std::string> months;
        for (int m = 1; m <= 12; ++m)
            if ((r.months >> (m - 1)) & 1u) months.push_back(std::to_string(m));
        parts.push_back("BYMONTH=" + join(months, ","));
    }
    if (!until.empty()) {
        // §3.3.10: with a TZID DTSTART, UNTIL is UTC; the local end of the day (23:59:59 JST) is
        // 14:59:59Z the same day. With a DATE DTSTART, UNTIL is a DATE.
        parts.push_back("UNTIL=" + (all_day ? ymd(until) : ymd(until) + "T145959Z"));
    }
    return "RRULE:" + join(parts, ";");
}

// Whether the rule itself (without closures, validity or its 祝 days) falls on `d`: the dates
// its RRULE produces. Reuses held_on on a one-rule schedule so both agree by construction.
struct RuleDates {
    Schedule only;
    explicit RuleDates(const Recurrence& r) {
        Recurrence plain = r;
        plain.holidays = false;
        plain.times.clear();
        only.rules.push_back(plain);
    }
    bool on(const Date& d) const { return held_on(only, d); }
};

// A necessary condition for RuleDates::on, from the weekday and day of month alone (no holiday
// lookup): it only skips days, RuleDates::on still decides.
bool may_fall_on(const Recurrence& r, const Date& d) {
    if (r.months != 0 && !((r.months >> (d.month - 1)) & 1u)) return false;
    switch (r.kind) {
    case RecurrenceKind::weekly:
    case RecurrenceKind::monthly_nth_weekday:
        return r.weekdays & weekday_bit(day_of_week(d));
    case RecurrenceKind::every_n_weeks: {
        const uint8_t bits = r.weekdays != 0 ? r.weekdays : weekday_bit(day_of_week(r.anchor));
        return bits & weekday_bit(day_of_week(d));
    }
    case RecurrenceKind::monthly_day:
        for (int n : r.month_days)
            if (n == d.day || (n == -1 && d.day == days_in_month(d.year, d.month))) return true;
        return false;
    default:
        return true;
    }
}

Date start_day(const Activity& a) {
    const Schedule& s = a.schedule;
    if (!s.valid_from.empty()) return first_day(s.valid_from);
    Date best;
    for (const Date& d : {a.meta.as_of, a.meta.last_confirmed})
        if (!d.empty() && (best.empty() || best < first_day(d))) best = first_day(d);
    if (!best.empty()) return best;
    if (!a.start_date.empty()) return first_day(a.start_date);
    return Date{2026, 1, 1};
}

std::string date_value(const Date& d, const TimeRange& t, bool all_day) {
    return all_day ? ";VALUE=DATE:" + ymd(d) : std::string(";TZID=") + kTzid + ":" + local_time(d, t.start);
}

void append_vtimezone(std::string& out) {
    append_ical_line(out, "BEGIN:VTIMEZONE");
    append_ical_line(out, std::string("TZID:") + kTzid);
    append_ical_line(out, "BEGIN:STANDARD");
    append_ical_line(out, "DTSTART:19700101T000000");
    append_ical_line(out, "TZOFFSETFROM:+0900");
    append_ical_line(out, "TZOFFSETTO:+0900");
    append_ical_line(out, "TZNAME:JST");
    append_ical_line(out, "END:STANDARD");
    append_ical_line(out, "END:VTIMEZONE");
}

}  // namespace

std::string ical_escape_text(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\r':
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += "\\n";
            break;
        case '\n': out += "\\n"; break;
        default:
            // Other controls are not allowed in a content line (§3.1); HTAB is.
            if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) || c == '\t') out += c;
            break;
        }
    }
    return out;
}

void append_ical_line(std::string& out, const std::string& line) {
    size_t pos = 0;
    bool first = true;
    do {
        // 75 octets per physical line; a continuation's leading space counts.
        const size_t room = first ? 75 : 74;
        size_t cut = std::min(line.size(), pos + room);
        // Back off to a UTF-8 lead byte so no character is split across lines.
        while (cut < line.size() && cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = std::min(line.size(), pos + room);  // malformed input: still progress
        if (!first) out += ' ';
        out.append(line, pos, cut - pos);
        out += "\r\n";
        pos = cut;
        first = false;
    } while (pos < line.size());
}

namespace {

// The first day on or after `start` (and not after `until`) that the rule's RRULE produces;
// empty when there is none within ~30 years. Shared by the writer and activity_has_events so
// "has a feed" and "writes an event" cannot disagree.
Date first_rule_date(const RuleDates& own, const Date& start, const Date& until) {
    const Recurrence& plain = own.only.rules.front();
    for (long i = 0; i <= kFirstDateSearchDays; ++i) {
        const Date d = add_days(start, i);
        if (!until.empty() && until < d) break;
        if (may_fall_on(plain, d) && own.on(d)) return d;
    }
    return Date{};
}

// Whether the schedule as a whole can give events (see the header on what gives none).
bool schedule_emits(const Activity& a) {
    const Schedule& s = a.schedule;
    return s.understood && s.school_breaks == 0 && full_date(start_day(a));
}

Date until_of(const Schedule& s) { return s.valid_until.empty() ? Date{} : last_day(s.valid_until); }

// extra_dates that open a day (full dates not also closed by except_dates), sorted.
std::vector<Date> open_extra_dates(const Schedule& s) {
    std::vector<Date> out;
    for (const Date& d : s.extra_dates)
        if (full_date(d) && std::find(s.except_dates.begin(), s.except_dates.end(), d) == s.except_dates.end())
            out.push_back(d);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

void append_calendar_begin(std::string& out, const std::string& prodid_host, const std::string& name) {
    append_ical_line(out, "BEGIN:VCALENDAR");
    append_ical_line(out, "VERSION:2.0");
    append_ical_line(out, "PRODID:-//tsunagu//" + ical_escape_text(strip_controls(prodid_host)) + "//JA");
    append_ical_line(out, "CALSCALE:GREGORIAN");
    if (!name.empty()) {
        // NAME is RFC 7986; X-WR-CALNAME is what Apple and Google calendars read instead.
        append_ical_line(out, "NAME:" + ical_escape_text(name));
        append_ical_line(out, "X-WR-CALNAME:" + ical_escape_text(name));
    }
    append_vtimezone(out);
}

void append_calendar_end(std::string& out) { append_ical_line(out, "END:VCALENDAR"); }

bool activity_has_events(const Activity& a) {
    if (!schedule_emits(a)) return false;
    const Date start = start_day(a);
    const Date until = until_of(a.schedule);
    for (const Recurrence& r : a.schedule.rules)
        if (recurrence_computable(r) && !first_rule_date(RuleDates(r), start, until).empty()) return true;
    // No rule gives a date: the dates written out still make an event of their own.
    return !open_extra_dates(a.schedule).empty();
}

size_t append_activity_events(std::string& out, const Activity& a, const std::string& url,
                              const std::string& uid_host) {
    const std::string host = strip_controls(uid_host);
    const Schedule& s = a.schedule;
    const std::string dtstamp = a.meta.last_confirmed.empty()
                                    ? std::string("19700101T000000Z")
                                    : ymd(first_day(a.meta.last_confirmed)) + "T000000Z";
    std::string location;
    for (const std::string* part : {&a.venue.name, &a.venue.address, &a.venue.address_detail})
        if (!part->empty()) location += (location.empty() ? "" : " ") + *part;
    std::string description = s.text;
    if (!a.summary.empty()) description += (description.empty() ? "" : "\n") + a.summary;

    const Date start = start_day(a);
    const Date until = until_of(s);
    const bool emit = schedule_emits(a);

    size_t written = 0;
    // One VEVENT; `rule` is the RRULE line, or "" for an event of listed dates only.
    auto write_event = [&](const std::string& uid, const Date& first, const TimeRange& t, bool all_day,
                           const std::string& rule, const std::vector<Date>& exdates, const std::vector<Date>& rdates) {
        append_ical_line(out, "BEGIN:VEVENT");
        append_ical_line(out, "UID:" + strip_controls(a.meta.id) + "-" + uid + "@" + host);
        append_ical_line(out, "DTSTAMP:" + dtstamp);
        append_ical_line(out, "DTSTART" + date_value(first, t, all_day));
        if (all_day) {
            append_ical_line(out, "DTEND;VALUE=DATE:" + ymd(add_days(first, 1)));
        } else if (t.end >= 0) {
            // An end at or before the start (or past 24:00) runs into the next day.
            long end_days = t.end / 1440;
            int end_min = t.end % 1440;
            if (t.end <= t.start) end_days += 1;
            append_ical_line(out, std::string("DTEND;TZID=") + kTzid + ":" +
                                      local_time(add_days(first, end_days), end_min));
        }  // no end stated: no DTEND, the event is the start instant (§3.6.1)
        if (!rule.empty()) append_ical_line(out, rule);
        for (const Date& d : exdates) append_ical_line(out, "EXDATE" + date_value(d, t, all_day));
        for (const Date& d : rdates) append_ical_line(out, "RDATE" + date_value(d, t, all_day));
        append_ical_line(out, "SUMMARY:" + ical_escape_text(a.name));
        if (!location.empty()) append_ical_line(out, "LOCATION:" + ical_escape_text(location));
        if (!description.empty()) append_ical_line(out, "DESCRIPTION:" + ical_escape_text(description));
        if (!url.empty()) append_ical_line(out, "URL:" + strip_controls(url));
        append_ical_line(out, "END:VEVENT");
        ++written;
    };

    const std::vector<Date> extra = open_extra_dates(s);
    bool extra_written = false;
    int n = 0;  // numbers every (rule × time range) pair, emitted or not, so UIDs stay stable
    for (size_t ri = 0; ri < s.rules.size(); ++ri) {
        const Recurrence& r = s.rules[ri];
        std::vector<TimeRange> times = r.times;
        if (times.empty()) times.push_back(TimeRange{});
        const RuleDates own(r);
        for (const TimeRange& t : times) {
            ++n;
            if (!emit || !recurrence_computable(r)) continue;
            // No start time (〜12:00 or none): the day is known, the hour is not.
            const bool all_day = t.start < 0;

            const Date first = first_rule_date(own, start, until);
            if (first.empty()) continue;

            Date window_end = add_days(first, kClosureWindowDays - 1);
            if (!until.empty() && until < window_end) window_end = until;
            // Whether the whole schedule holds this time on `d`.
            auto is_held = [&](const Date& d) {
                for (const Occurrence& o : occurrences(s, d, d, static_cast<size_t>(-1)))
                    if (o.time == t) return true;
                return false;
            };

            // Each held_on costs a holiday lookup, so only the days the rule may fall on are
            // asked (and every day only for 土日祝 rules, whose 祝 days can be any weekday).
            std::vector<Date> exdates, rdates;
            for (long day = days_from_civil(first); day <= days_from_civil(window_end); ++day) {
                const Date d = civil_from_days(day);
                const bool candidate = may_fall_on(r, d);
                if (!candidate && !r.holidays) continue;
                const bool rule_day = candidate && own.on(d);
                if (rule_day && !is_held(d)) exdates.push_back(d);
                // 土日祝: the 祝 days the RRULE does not produce.
                if (!rule_day && r.holidays && is_national_holiday(d) && is_held(d) &&
                    (r.months == 0 || ((r.months >> (d.month - 1)) & 1u)))
                    rdates.push_back(d);
            }
            if (ri == 0) {
                rdates.insert(rdates.end(), extra.begin(), extra.end());
                extra_written = true;
            }
            // except_dates outside the window still close their day.
            for (const Date& d : s.except_dates)
                if (full_date(d) && window_end < d && own.on(d) && (until.empty() || !(until < d)))
                    exdates.push_back(d);
            std::sort(rdates.begin(), rdates.end());
            rdates.erase(std::unique(rdates.begin(), rdates.end()), rdates.end());
            std::sort(exdates.begin(), exdates.end());
            exdates.erase(std::unique(exdates.begin(), exdates.end()), exdates.end());

            write_event(std::to_string(n), first, t, all_day, rrule(r, until, all_day), exdates, rdates);
        }
    }
    // Listed dates the first rule's events did not carry (it gives no date, or there is no
    // rule: 不定期 with the dates written out) become events of their own, at the first rule's
    // times as occurrences() has them; "dates-K" keeps their UIDs apart from the numbered ones.
    if (emit && !extra_written && !extra.empty()) {
        std::vector<TimeRange> times = s.rules.empty() ? std::vector<TimeRange>{} : s.rules.front().times;
        if (times.empty()) times.push_back(TimeRange{});
        int k = 0;
        for (const TimeRange& t : times)
            write_event("dates-" + std::to_string(++k), extra.front(), t, t.start < 0, "",
                        {}, std::vector<Date>(extra.begin() + 1, extra.end()));
    }
    return written;
}

std::string activity_icalendar(const Activity& a, const std::string& url,
                               const std::string& prodid_host) {
    std::string out;
    append_calendar_begin(out, prodid_host);
    append_activity_events(out, a, url, prodid_host);
    append_calendar_end(out);
    return out;
}

}  // namespace tsunagu
