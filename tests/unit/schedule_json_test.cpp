// The schedule as JSON for the browser (index/schedule_json.h) and the occurrence engine against
// the table it shares with assets/js/schedule.js: tests/spec/occurrences.json. Each row's text is
// parsed here, its structured fields applied, and then the C++ engine must give the row's dates
// and 次回, schedule_json must give the row's `schedule` (which is all the JS side gets), and the
// JSON read back must give the same dates again. tests/e2e/schedule_js.test.mjs runs the rows
// through the browser script.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/schedule_json.h"
#include "text/holidays.h"
#include "text/occurrences.h"
#include "occurrence_listing.h"
#include "text/schedule_parse.h"

using namespace tsunagu;
using tsunagu::test::listed;
using nlohmann::json;

namespace {

json spec() {
    std::ifstream in(TSUNAGU_SOURCE_DIR "/tests/spec/occurrences.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

Date D(const std::string& iso) { return parse_iso_date(iso); }

Schedule schedule_of(const json& row) {
    Diagnostics problems;
    Schedule s = parse_schedule(row.at("text").get<std::string>(), problems);
    if (auto f = row.find("fields"); f != row.end()) {
        if (f->contains("valid_from")) s.valid_from = D(f->at("valid_from"));
        if (f->contains("valid_until")) s.valid_until = D(f->at("valid_until"));
        for (const json& d : f->value("except_dates", json::array())) s.except_dates.push_back(D(d));
        for (const json& d : f->value("extra_dates", json::array())) s.extra_dates.push_back(D(d));
        // The data format has no anchor yet; the model does.
        if (f->contains("anchor"))
            for (Recurrence& r : s.rules)
                if (r.kind == RecurrenceKind::every_n_weeks) r.anchor = D(f->at("anchor"));
    }
    return s;
}


json next_of(const Schedule& s, const Date& from) {
    auto n = next_occurrence(s, from);
    if (!n) return nullptr;
    return {{"date", to_iso(n->date)}, {"start", n->time.start}, {"end", n->time.end}, {"text", format_next(*n)}};
}

void check_engine(const Schedule& s, const json& row) {
    const Date from = D(row.at("from")), to = D(row.at("to"));
    const auto held = row.at("held").get<std::vector<std::string>>();
    CHECK(listed(occurrences(s, from, to, 20)) == held);
    CHECK(next_of(s, from) == row.at("next"));
    // held_on agrees with the listing day by day (when the listing was not cut at 20).
    if (held.size() < 20) {
        std::set<std::string> days;
        for (const std::string& h : held) days.insert(h.substr(0, 10));
        for (Date d = from; d <= to; d = add_days(d, 1)) CHECK_MESSAGE(held_on(s, d) == (days.count(to_iso(d)) > 0), to_iso(d));
    }
}

}  // namespace

TEST_CASE("tests/spec/occurrences.json: the C++ engine, the encoding, and the encoding read back") {
    const json doc = spec();
    REQUIRE(doc.at("rows").size() >= 60);
    for (const json& row : doc.at("rows")) {
        CAPTURE(row.at("name").get<std::string>());
        CAPTURE(row.at("text").get<std::string>());
        const Schedule s = schedule_of(row);
        CHECK(schedule_json(s) == row.at("schedule"));
        check_engine(s, row);
        if (!row.at("schedule").is_null()) check_engine(schedule_from_json(row.at("schedule")), row);
    }
}

TEST_CASE("tests/spec/occurrences.json: the holiday list is the C++ one, day by day") {
    const json doc = spec();
    std::map<std::string, std::string> listed_days;
    for (const json& h : doc.at("holidays")) listed_days[h.at(0).get<std::string>()] = h.at(1).get<std::string>();
    CHECK(listed_days.size() > 16 * 15);
    for (Date d = D(doc.at("holidays_from")); d <= D(doc.at("holidays_to")); d = add_days(d, 1)) {
        auto it = listed_days.find(to_iso(d));
        CHECK_MESSAGE(holiday_name(d) == (it == listed_days.end() ? std::string() : it->second), to_iso(d));
    }
    // Spot checks against the calendar as published, so the table is not only self-consistent.
    CHECK(listed_days["2026-09-22"] == "国民の休日");
    CHECK(listed_days["2026-05-06"] == "振替休日");
    CHECK(listed_days["2026-03-20"] == "春分の日");
    CHECK(listed_days["2026-09-23"] == "秋分の日");
    CHECK(listed_days["2024-09-22"] == "秋分の日");
    CHECK(listed_days["2021-07-23"] == "スポーツの日");
    CHECK(listed_days["2032-09-21"] == "国民の休日");
}

TEST_CASE("schedule_json: every field, and read back") {
    Schedule s;
    s.text = "ignored";
    Recurrence nth;
    nth.kind = RecurrenceKind::monthly_nth_weekday;
    nth.weekdays = weekday_bit(3);
    nth.nths = {2, -1};
    nth.months = 0b000011110000;
    nth.times = {{600, 720}, {780, -1}};
    Recurrence day;
    day.kind = RecurrenceKind::monthly_day;
    day.month_days = {15, -1};
    day.holidays = true;
    Recurrence fortnight;
    fortnight.kind = RecurrenceKind::every_n_weeks;
    fortnight.weekdays = weekday_bit(2);
    fortnight.interval_weeks = 2;
    fortnight.anchor = D("2026-11-03");
    Recurrence daily;
    daily.kind = RecurrenceKind::daily;
    Recurrence weekly;
    weekly.kind = RecurrenceKind::weekly;
    weekly.weekdays = kWeekdaysMonFri;
    s.rules = {nth, day, fortnight, daily, weekly};
    s.valid_from = Date{2026, 4, 0};   // month precision: widened to the 1st
    s.valid_until = Date{2027, 0, 0};  // year precision: widened to 12/31
    s.closed_on_holidays = true;
    s.closed_year_end = true;
    s.closed_months = 1u << 7;
    s.except_dates = {D("2026-12-02"), Date{2026, 12, 0}};  // a month is no day: dropped
    s.extra_dates = {D("2026-12-26")};

    const json j = schedule_json(s);
    CHECK(j == json::parse(R"({
      "r": [{"k":"n","w":8,"n":[2,-1],"m":240,"t":[[600,720],[780,-1]]},
            {"k":"d","d":[15,-1],"h":1},
            {"k":"e","w":4,"i":2,"a":"2026-11-03"},
            {"k":"a"},
            {"k":"w","w":62}],
      "f":"2026-04-01","u":"2027-12-31","hc":1,"ye":1,"cm":128,
      "x":["2026-12-02"],"e":["2026-12-26"]})"));

    const Schedule back = schedule_from_json(j);
    CHECK(back.rules == s.rules);
    CHECK(back.valid_from == D("2026-04-01"));
    CHECK(back.valid_until == D("2027-12-31"));
    CHECK(back.closed_on_holidays);
    CHECK(back.closed_year_end);
    CHECK(back.closed_months == s.closed_months);
    CHECK(back.except_dates == std::vector<Date>{D("2026-12-02")});
    CHECK(back.extra_dates == s.extra_dates);
    CHECK(back.understood);
    for (Date d = D("2026-03-01"); d <= D("2028-01-31"); d = add_days(d, 1)) CHECK(held_on(back, d) == held_on(s, d));
}

TEST_CASE("schedule_json: small, and null when nothing is computable") {
    Diagnostics p;
    CHECK(schedule_json(parse_schedule("毎月第2・第4水曜 10:00〜12:00（祝日は休み）", p)).dump() ==
          R"({"hc":1,"r":[{"k":"n","n":[2,4],"t":[[600,720]],"w":8}]})");
    CHECK(schedule_json(parse_schedule("毎週水曜", p)).dump() == R"({"r":[{"k":"w","w":8}]})");
    CHECK(schedule_json(Schedule{}).is_null());
    CHECK(schedule_json(parse_schedule("月1回不定期", p)).is_null());
    CHECK(schedule_json(parse_schedule("10時〜12時", p)).is_null());
    CHECK(schedule_json(parse_schedule("隔週火曜", p)).is_null());  // no anchor
    CHECK(schedule_json(parse_schedule("夏休み期間 平日", p)).is_null());
    Schedule unread = parse_schedule("毎週水曜", p);
    unread.understood = false;
    CHECK(schedule_json(unread).is_null());
    // Extra dates alone are enough; the first rule's times travel with them when that rule is
    // not computable itself.
    Schedule extra = parse_schedule("月1回不定期 10:00〜12:00", p);
    extra.extra_dates = {D("2026-12-12")};
    CHECK(schedule_json(extra) == json::parse(R"({"r":[],"e":["2026-12-12"],"et":[[600,720]]})"));
    CHECK(listed(occurrences(schedule_from_json(schedule_json(extra)), D("2026-12-01"), D("2026-12-31"))) ==
          std::vector<std::string>{"2026-12-12 600-720"});
    // Anything else reads back as "held on no day", never as a crash.
    CHECK(schedule_from_json(json()).understood == false);
    CHECK(occurrences(schedule_from_json(json::parse(R"({"r":[{"k":"zz"},{"k":"w","w":"x"}],"x":[1]})")),
                      D("2026-01-01"), D("2026-12-31")).empty());
}
