// Occurrences of schedules: parsed texts against a date range, written out as ISO dates (and
// times) so the tables read like a calendar.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/occurrences.h"
#include "occurrence_listing.h"
#include "text/schedule_parse.h"

using namespace tsunagu;
using tsunagu::test::listed;

namespace {

Schedule parsed(const char* text) {
    Diagnostics problems;
    Schedule s = parse_schedule(text, problems);
    REQUIRE_MESSAGE(s.understood, text);
    return s;
}

Date D(const char* iso) { return parse_iso_date(iso); }


std::vector<std::string> dates(const Schedule& s, const char* from, const char* to) {
    std::vector<std::string> out;
    for (const Occurrence& o : occurrences(s, D(from), D(to))) out.push_back(to_iso(o.date));
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("occurrences of parsed schedules") {
    struct Row {
        const char* text;
        const char* from;
        const char* to;
        V expected;
    };
    const Row rows[] = {
        {"毎月第2・第4土曜", "2026-01-01", "2026-03-31",
         {"2026-01-10", "2026-01-24", "2026-02-14", "2026-02-28", "2026-03-14", "2026-03-28"}},
        // Only months with a fifth Wednesday.
        {"毎月第5水曜", "2026-01-01", "2026-12-31",
         {"2026-04-29", "2026-07-29", "2026-09-30", "2026-12-30"}},
        {"毎月最終金曜日", "2026-01-01", "2026-06-30",
         {"2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26"}},
        {"毎月第2・最終土曜", "2026-02-01", "2026-02-28", {"2026-02-14", "2026-02-28"}},
        // 末日 in February, leap and not.
        {"毎月末日", "2024-01-15", "2024-04-15", {"2024-01-31", "2024-02-29", "2024-03-31"}},
        {"毎月末日", "2025-01-15", "2025-04-15", {"2025-01-31", "2025-02-28", "2025-03-31"}},
        // A day the month lacks is not moved.
        {"毎月30日", "2025-01-01", "2025-04-30", {"2025-01-30", "2025-03-30", "2025-04-30"}},
        {"毎月10日・25日", "2026-11-01", "2026-12-15", {"2026-11-10", "2026-11-25", "2026-12-10"}},
        // 成人の日 2026-01-12 is skipped.
        {"毎週月曜（祝日は休み）", "2026-01-01", "2026-01-31",
         {"2026-01-05", "2026-01-19", "2026-01-26"}},
        {"毎週月曜", "2026-01-01", "2026-01-31",
         {"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"}},
        // 12/29–1/3 closed, across the year end.
        {"毎日（年末年始は休み）", "2026-12-27", "2027-01-05",
         {"2026-12-27", "2026-12-28", "2027-01-04", "2027-01-05"}},
        {"平日（祝日・年末年始は休み）", "2026-12-28", "2027-01-13",
         {"2026-12-28", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
          "2027-01-12", "2027-01-13"}},
        {"毎月第2木曜（8月は休み）", "2026-06-01", "2026-09-30",
         {"2026-06-11", "2026-07-09", "2026-09-10"}},
        // 土日祝: 9/21–9/23 (敬老の日, 国民の休日, 秋分の日) as well as the weekends.
        {"土日祝", "2026-09-14", "2026-09-30",
         {"2026-09-19", "2026-09-20", "2026-09-21", "2026-09-22", "2026-09-23", "2026-09-26",
          "2026-09-27"}},
        {"2026年4月〜2026年5月 毎週水曜", "2026-03-20", "2026-06-10",
         {"2026-04-01", "2026-04-08", "2026-04-15", "2026-04-22", "2026-04-29", "2026-05-06",
          "2026-05-13", "2026-05-20", "2026-05-27"}},
        // Days unknown: nothing is invented.
        {"月1回不定期", "2026-01-01", "2026-12-31", {}},
        {"10時〜12時", "2026-01-01", "2026-12-31", {}},
        {"隔週火曜", "2026-01-01", "2026-12-31", {}},  // no anchor
        {"2ヶ月に1回 第2火曜日", "2026-01-01", "2026-12-31", {}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(dates(parsed(r.text), r.from, r.to) == r.expected);
    }
}

TEST_CASE("times: one occurrence per range, sorted; untimed rules give an empty range") {
    CHECK(listed(occurrences(parsed("毎月第2・第4土曜 10:00〜12:00"), D("2026-01-01"), D("2026-01-31"))) ==
          V{"2026-01-10 600-720", "2026-01-24 600-720"});

    Schedule s;
    Recurrence r;
    r.kind = RecurrenceKind::weekly;
    r.weekdays = weekday_bit(3);
    r.times = {{13 * 60, 15 * 60}, {10 * 60, 12 * 60}};
    s.rules.push_back(r);
    Recurrence fri;
    fri.kind = RecurrenceKind::weekly;
    fri.weekdays = weekday_bit(5) | weekday_bit(3);  // Wednesday again, untimed: adds nothing
    s.rules.push_back(fri);
    CHECK(listed(occurrences(s, D("2026-11-25"), D("2026-11-27"))) ==
          V{"2026-11-25 600-720", "2026-11-25 780-900", "2026-11-27"});

    auto os = occurrences(parsed("毎週水曜"), D("2026-11-25"), D("2026-11-25"));
    REQUIRE(os.size() == 1);
    CHECK(os[0].time == TimeRange{});
}

TEST_CASE("every_n_weeks needs an anchor and keeps its phase both ways") {
    Schedule s;
    Recurrence r;
    r.kind = RecurrenceKind::every_n_weeks;
    r.weekdays = weekday_bit(2);
    r.interval_weeks = 2;
    r.anchor = D("2026-11-03");
    s.rules.push_back(r);
    CHECK(dates(s, "2026-10-01", "2026-12-31") ==
          V{"2026-10-06", "2026-10-20", "2026-11-03", "2026-11-17", "2026-12-01", "2026-12-15",
            "2026-12-29"});

    // 隔週土日 anchored on a Saturday keeps that weekend together (weeks start on Monday).
    s.rules[0].weekdays = weekday_bit(6) | weekday_bit(0);
    s.rules[0].anchor = D("2026-11-07");
    CHECK(dates(s, "2026-11-01", "2026-11-30") ==
          V{"2026-11-07", "2026-11-08", "2026-11-21", "2026-11-22"});

    // Without weekdays the anchor's weekday is used; 3週間ごと.
    s.rules[0].weekdays = 0;
    s.rules[0].interval_weeks = 3;
    s.rules[0].anchor = D("2026-01-05");
    CHECK(dates(s, "2026-01-01", "2026-03-01") == V{"2026-01-05", "2026-01-26", "2026-02-16"});

    s.rules[0].anchor = Date{};
    CHECK(occurrences(s, D("2026-01-01"), D("2026-12-31")).empty());
}

TEST_CASE("validity window, month masks, extra and except dates") {
    Schedule s = parsed("毎週金曜 18:00〜20:00");
    s.valid_from = D("2026-11-10");
    s.valid_until = D("2026-12-04");
    CHECK(dates(s, "2026-11-01", "2026-12-31") ==
          V{"2026-11-13", "2026-11-20", "2026-11-27", "2026-12-04"});

    s.valid_from = Date{2026, 12, 0};  // month precision: from the 1st
    s.valid_until = Date{2026, 0, 0};  // year precision: through 12/31
    CHECK(dates(s, "2026-11-20", "2027-01-10") ==
          V{"2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25"});

    Schedule e = parsed("毎週金曜 18:00〜20:00");
    e.except_dates = {D("2026-11-20")};
    e.extra_dates = {D("2026-11-24"), D("2026-12-30")};
    e.closed_year_end = true;
    CHECK(listed(occurrences(e, D("2026-11-15"), D("2026-12-31"))) ==
          V{"2026-11-24 1080-1200", "2026-11-27 1080-1200", "2026-12-04 1080-1200",
            "2026-12-11 1080-1200", "2026-12-18 1080-1200", "2026-12-25 1080-1200",
            "2026-12-30 1080-1200"});
    CHECK(held_on(e, D("2026-12-30")));   // written out, so held despite 年末年始
    CHECK_FALSE(held_on(e, D("2026-11-20")));

    Schedule m = parsed("毎週土曜");
    m.rules[0].months = 0b000000001110;  // 2月〜4月 (bit m-1)
    CHECK(dates(m, "2026-01-20", "2026-02-14") == V{"2026-02-07", "2026-02-14"});
    CHECK(dates(m, "2026-04-20", "2026-05-20") == V{"2026-04-25"});
}

TEST_CASE("nothing from a schedule that was not understood or is dated by school breaks") {
    Schedule s = parsed("毎週水曜");
    s.understood = false;
    CHECK(occurrences(s, D("2026-01-01"), D("2026-12-31")).empty());
    CHECK_FALSE(held_on(s, D("2026-11-25")));
    CHECK_FALSE(next_occurrence(s, D("2026-11-23")).has_value());

    Schedule b = parsed("毎週水曜");
    b.school_breaks = kSummerBreak;
    CHECK(occurrences(b, D("2026-07-01"), D("2026-08-31")).empty());

    Diagnostics problems;
    Schedule u = parse_schedule("水よう日のあたり", problems);
    CHECK_FALSE(u.understood);
    CHECK(occurrences(u, D("2026-01-01"), D("2026-12-31")).empty());
}

TEST_CASE("held_on") {
    Schedule s = parsed("毎月第2・第4土曜（祝日は休み）");
    CHECK(held_on(s, D("2026-11-14")));
    CHECK(held_on(s, D("2026-11-28")));
    CHECK_FALSE(held_on(s, D("2026-11-21")));
    CHECK_FALSE(held_on(s, D("2026-11-31")));  // not a date
    CHECK_FALSE(held_on(s, Date{2026, 11, 0}));
}

TEST_CASE("max caps the list") {
    auto os = occurrences(parsed("毎日"), D("2026-01-01"), D("2026-12-31"), 10);
    CHECK(os.size() == 10);
    CHECK(to_iso(os.back().date) == "2026-01-10");
    CHECK(occurrences(parsed("毎日"), D("2026-01-01"), D("2026-12-31")).size() == 100);
    CHECK(occurrences(parsed("毎日"), D("2026-02-01"), D("2026-01-01")).empty());
}

TEST_CASE("next_occurrence: from is inclusive") {
    Schedule s = parsed("毎週水曜 10:00〜12:00");
    auto today = next_occurrence(s, D("2026-11-25"));  // a Wednesday
    REQUIRE(today);
    CHECK(to_iso(today->date) == "2026-11-25");
    CHECK(today->time == TimeRange{600, 720});
    auto next = next_occurrence(s, D("2026-11-26"));
    REQUIRE(next);
    CHECK(to_iso(next->date) == "2026-12-02");

    // Across the year end, 年末年始 closed and the first Monday a holiday.
    Schedule y = parsed("毎週月曜（祝日・年末年始は休み）");
    auto n = next_occurrence(y, D("2027-12-28"));
    REQUIRE(n);
    CHECK(to_iso(n->date) == "2028-01-17");  // 1/3 closed, 1/10 成人の日

    // Beyond the horizon or past the validity: nothing.
    Schedule once = parsed("毎週火曜");
    once.valid_until = D("2026-11-30");
    CHECK_FALSE(next_occurrence(once, D("2026-12-01")).has_value());
    Schedule late = parsed("毎週火曜");
    late.valid_from = D("2028-06-01");
    CHECK_FALSE(next_occurrence(late, D("2026-12-01")).has_value());
    CHECK(next_occurrence(late, D("2027-12-01")).has_value());
}

TEST_CASE("format_next") {
    CHECK(format_next({D("2026-11-26"), {600, 720}}) == "11月26日(木) 10:00〜");
    CHECK(format_next({D("2026-11-25"), {570, -1}}) == "11月25日(水) 9:30〜");
    CHECK(format_next({D("2026-11-23"), {}}) == "11月23日(月)");
    CHECK(format_next({D("2027-01-03"), {-1, 720}}) == "1月3日(日)");
    auto n = next_occurrence(parsed("毎月第2・第4土曜 13:30〜15:00"), D("2026-11-23"));
    REQUIRE(n);
    CHECK(format_next(*n) == "11月28日(土) 13:30〜");
}
