// Display text and schema.org output of schedules built by hand (the parse table covers the
// round trip from text).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "text/schedule_format.h"
#include "text/schedule_parse.h"
#include "text/schedule_schema_org.h"

using namespace tsunagu;
using nlohmann::json;

namespace {

Recurrence make(RecurrenceKind kind, uint8_t weekdays = 0) {
    Recurrence r;
    r.kind = kind;
    r.weekdays = weekdays;
    return r;
}

Schedule parsed(const char* text) {
    Diagnostics problems;
    return parse_schedule(text, problems);
}

}  // namespace

TEST_CASE("format_time_range") {
    CHECK(format_time_range({600, 720}) == "10:00〜12:00");
    CHECK(format_time_range({510, 1035}) == "8:30〜17:15");
    CHECK(format_time_range({600, -1}) == "10:00〜");
    CHECK(format_time_range({-1, 720}) == "〜12:00");
    CHECK(format_time_range({-1, -1}) == "");
    CHECK(format_time_range({0, 1440}) == "0:00〜24:00");
}

TEST_CASE("format_schedule: not understood shows the text as written") {
    Schedule s;
    s.text = "月1回程度、ご相談ください";
    s.understood = false;
    s.rules.push_back(make(RecurrenceKind::irregular));
    CHECK(format_schedule(s) == "月1回程度、ご相談ください");
}

TEST_CASE("format_schedule: rules built by hand") {
    Schedule s;
    Recurrence r = make(RecurrenceKind::weekly, weekday_bit(1) | weekday_bit(3) | weekday_bit(5));
    r.times = {{600, 720}};
    s.rules = {r};
    CHECK(format_schedule(s) == "毎週月・水・金曜 10:00〜12:00");

    Recurrence last = make(RecurrenceKind::monthly_nth_weekday, weekday_bit(5));
    last.nths = {-1};
    s.rules = {last};
    CHECK(format_schedule(s) == "毎月最終金曜");

    Recurrence every3 = make(RecurrenceKind::monthly_nth_weekday, weekday_bit(2));
    every3.nths = {1};
    every3.interval_months = 3;
    s.rules = {every3};
    CHECK(format_schedule(s) == "3か月ごと 第1火曜");

    Recurrence counted = make(RecurrenceKind::irregular);
    counted.times_per_month = 2;
    counted.interval_months = 3;
    s.rules = {counted};
    CHECK(format_schedule(s) == "3か月に2回");

    Recurrence months = make(RecurrenceKind::weekly, weekday_bit(6));
    months.months = (1u << 3) | (1u << 5) | (1u << 7);  // 4, 6, 8月
    s.rules = {months};
    CHECK(format_schedule(s) == "4・6・8月 毎週土曜");
    months.months = (1u << 11) | 1u | (1u << 1);  // 12月〜2月 wraps the year
    s.rules = {months};
    CHECK(format_schedule(s) == "12月〜2月 毎週土曜");

    s.rules = {make(RecurrenceKind::daily)};
    s.except_dates = {Date{2026, 12, 29}};
    s.extra_dates = {Date{2026, 5, 5}};
    s.closed_on_holidays = true;
    CHECK(format_schedule(s) == "毎日（祝日・2026年12月29日は休み）（2026年5月5日も開催）");

    Schedule breaks;
    breaks.school_breaks = kSpringBreak | kSummerBreak;
    breaks.valid_until = Date{2027, 3, 0};
    CHECK(format_schedule(breaks) == "2027年3月まで 春休み・夏休み期間");
}

TEST_CASE("format_recurrence_days") {
    Recurrence r = make(RecurrenceKind::every_n_weeks, weekday_bit(2));
    r.interval_weeks = 2;
    CHECK(format_recurrence_days(r) == "隔週火曜");
    r.interval_weeks = 3;
    CHECK(format_recurrence_days(r) == "3週間ごとの火曜");
    CHECK(format_recurrence_days(make(RecurrenceKind::days_unstated)) == "");
    Recurrence d = make(RecurrenceKind::monthly_day);
    d.month_days = {15, -1};
    d.approximate = true;
    CHECK(format_recurrence_days(d) == "原則毎月15日・末日");
}

TEST_CASE("schema.org: weekly with times and closures") {
    json j = schedule_to_schema_org(parsed("毎週水曜 10:00〜12:00（8月は休み）"));
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 1);
    CHECK(j[0]["@type"] == "Schedule");
    CHECK(j[0]["repeatFrequency"] == "P1W");
    CHECK(j[0]["byDay"] == json::array({"https://schema.org/Wednesday"}));
    CHECK(j[0]["startTime"] == "10:00:00");
    CHECK(j[0]["endTime"] == "12:00:00");
    CHECK(j[0]["byMonth"] == json::array({1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12}));
    CHECK(j[0]["scheduleTimezone"] == "Asia/Tokyo");
    CHECK_FALSE(j[0].contains("startDate"));
}

TEST_CASE("schema.org: monthly by nth weekday and by day, validity") {
    json j = schedule_to_schema_org(parsed("2026年4月〜2027年3月 毎月第2・最終土曜 13:00〜"));
    REQUIRE(j.size() == 1);
    CHECK(j[0]["repeatFrequency"] == "P1M");
    CHECK(j[0]["byDay"] == json::array({"https://schema.org/Saturday"}));
    CHECK(j[0]["byMonthWeek"] == json::array({2, -1}));
    CHECK(j[0]["startTime"] == "13:00:00");
    CHECK_FALSE(j[0].contains("endTime"));
    CHECK(j[0]["startDate"] == "2026-04-01");
    CHECK(j[0]["endDate"] == "2027-03-31");
    CHECK_FALSE(j[0].contains("byMonth"));

    j = schedule_to_schema_org(parsed("毎月10日・末日"));
    REQUIRE(j.size() == 1);
    CHECK(j[0]["byMonthDay"] == json::array({10, -1}));

    j = schedule_to_schema_org(parsed("毎月第3火曜"));
    CHECK(j[0]["byMonthWeek"] == 3);

    j = schedule_to_schema_org(parsed("2ヶ月に1回 第2火曜日"));
    CHECK(j[0]["repeatFrequency"] == "P2M");
}

TEST_CASE("schema.org: every n weeks, daily, several times") {
    json j = schedule_to_schema_org(parsed("隔週火曜 13:30〜15:00"));
    REQUIRE(j.size() == 1);
    CHECK(j[0]["repeatFrequency"] == "P2W");
    CHECK_FALSE(j[0].contains("startDate"));  // the phase is unknown without an anchor

    Schedule s = parsed("隔週火曜");
    s.rules[0].anchor = Date{2026, 3, 3};  // a Tuesday
    s.valid_from = Date{2026, 4, 1};
    j = schedule_to_schema_org(s);
    CHECK(j[0]["startDate"] == "2026-04-14");  // first held Tuesday on or after 4/1 in phase

    j = schedule_to_schema_org(parsed("毎日"));
    CHECK(j[0]["repeatFrequency"] == "P1D");

    j = schedule_to_schema_org(parsed("毎月第3火曜日二部制 1回目午後5:30～6:15 2回目午後6:30～7:15"));
    REQUIRE(j.size() == 2);
    CHECK(j[0]["startTime"] == "17:30:00");
    CHECK(j[1]["endTime"] == "19:15:00");

    s = parsed("毎週水曜");
    s.except_dates = {Date{2026, 12, 30}};
    j = schedule_to_schema_org(s);
    CHECK(j[0]["exceptDate"] == json::array({"2026-12-30"}));
}

TEST_CASE("schema.org: nothing for what cannot be dated") {
    CHECK(schedule_to_schema_org(parsed("月1回不定期")).empty());
    CHECK(schedule_to_schema_org(parsed("不定期")).empty());
    CHECK(schedule_to_schema_org(parsed("10時〜12時")).empty());
    CHECK(schedule_to_schema_org(parsed("夏休み期間 毎週水曜")).empty());
    CHECK(schedule_to_schema_org(parsed("第2水曜日他 15時～17時")).empty());
    CHECK(schedule_to_schema_org(parsed("毎月第2土曜（8月を除く）"))[0]["byMonth"].size() == 11);
    CHECK(schedule_to_schema_org(Schedule{}).is_array());
}
