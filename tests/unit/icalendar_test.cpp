// iCalendar output for one activity: exact property lines for each rule kind, closures as
// EXDATEs, and the RFC 5545 framing (CRLF, 75-octet folding on UTF-8 boundaries, escaping).
// Then the feeds of a rendered site: activities/ID.ics and the area calendars that gather the
// events of every activity in an area and the areas inside it.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "render/calendar_files.h"
#include "render/render_site.h"
#include "text/holidays.h"
#include "text/icalendar.h"
#include "text/schedule_parse.h"
#include "text/utf8.h"

using namespace tsunagu;

namespace {

Date D(const char* iso) { return parse_iso_date(iso); }

Activity activity(const char* schedule_text, const char* as_of = "2026-04-01") {
    Activity a;
    a.meta.id = "act";
    a.meta.as_of = D(as_of);
    a.name = "ふれあいサロン";
    a.summary = "どなたでも参加できます";
    a.venue.name = "中央公民館";
    a.venue.address = "東京都千代田区1-1";
    Diagnostics problems;
    a.schedule = parse_schedule(schedule_text, problems);
    return a;
}

std::string ics(const Activity& a) { return activity_icalendar(a, "https://example.org/a/act/", "example.org"); }

// Content lines after unfolding (§3.1: CRLF followed by one space is removed).
std::vector<std::string> unfolded(const std::string& text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t crlf = text.find("\r\n", pos);
        if (crlf == std::string::npos) crlf = text.size();
        std::string physical = text.substr(pos, crlf - pos);
        if (!physical.empty() && physical[0] == ' ' && !lines.empty())
            lines.back() += physical.substr(1);
        else
            lines.push_back(physical);
        pos = crlf + 2;
    }
    return lines;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::vector<std::string> starting(const std::vector<std::string>& lines, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.rfind(prefix, 0) == 0) out.push_back(l);
    return out;
}

size_t count_events(const std::vector<std::string>& lines) {
    return static_cast<size_t>(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"));
}

}  // namespace

TEST_CASE("calendar frame and time zone") {
    auto lines = unfolded(ics(activity("毎週水曜 10:00〜12:00")));
    REQUIRE(lines.size() > 12);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(has(lines, "VERSION:2.0"));
    CHECK(has(lines, "PRODID:-//tsunagu//example.org//JA"));
    CHECK(has(lines, "CALSCALE:GREGORIAN"));
    CHECK(has(lines, "TZID:Asia/Tokyo"));
    CHECK(has(lines, "TZOFFSETFROM:+0900"));
    CHECK(has(lines, "TZOFFSETTO:+0900"));
    CHECK(has(lines, "TZNAME:JST"));
    CHECK(has(lines, "DTSTART:19700101T000000"));
}

TEST_CASE("weekly: 毎週水曜 10:00〜12:00") {
    Activity a = activity("毎週水曜 10:00〜12:00");
    a.meta.last_confirmed = D("2026-03-15");
    auto lines = unfolded(ics(a));
    CHECK(count_events(lines) == 1);
    CHECK(has(lines, "UID:act-1@example.org"));
    CHECK(has(lines, "DTSTAMP:20260315T000000Z"));
    CHECK(has(lines, "DTSTART;TZID=Asia/Tokyo:20260401T100000"));
    CHECK(has(lines, "DTEND;TZID=Asia/Tokyo:20260401T120000"));
    CHECK(has(lines, "RRULE:FREQ=WEEKLY;BYDAY=WE"));
    CHECK(starting(lines, "EXDATE").empty());
    CHECK(starting(lines, "RDATE").empty());
    CHECK(has(lines, "SUMMARY:ふれあいサロン"));
    CHECK(has(lines, "LOCATION:中央公民館 東京都千代田区1-1"));
    CHECK(has(lines, "URL:https://example.org/a/act/"));
    CHECK(has(lines, "DESCRIPTION:毎週水曜 10:00〜12:00\\nどなたでも参加できます"));
}

TEST_CASE("DTSTAMP never comes from the clock; start day falls back deterministically") {
    Activity a = activity("毎週水曜 10:00〜12:00");
    a.meta.as_of = Date{};
    auto lines = unfolded(ics(a));
    CHECK(has(lines, "DTSTAMP:19700101T000000Z"));
    CHECK(has(lines, "DTSTART;TZID=Asia/Tokyo:20260107T100000"));  // from 2026-01-01
    a.start_date = D("2025-06");
    CHECK(has(unfolded(ics(a)), "DTSTART;TZID=Asia/Tokyo:20250604T100000"));
    a.schedule.valid_from = D("2026-09");
    CHECK(has(unfolded(ics(a)), "DTSTART;TZID=Asia/Tokyo:20260902T100000"));
}

TEST_CASE("monthly nth weekday with 祝日は休み: EXDATE on the Saturday holidays in the window") {
    Activity a = activity("毎月第2・第4土曜 10:00〜12:00（祝日は休み）", "2028-04-01");
    REQUIRE(a.schedule.understood);
    auto lines = unfolded(ics(a));
    CHECK(count_events(lines) == 1);
    CHECK(has(lines, "DTSTART;TZID=Asia/Tokyo:20280408T100000"));
    CHECK(has(lines, "DTEND;TZID=Asia/Tokyo:20280408T120000"));
    CHECK(has(lines, "RRULE:FREQ=MONTHLY;BYDAY=2SA,4SA"));
    REQUIRE(is_national_holiday(D("2029-08-11")));  // 山の日, the 2nd Saturday
    REQUIRE(is_national_holiday(D("2030-02-23")));  // 天皇誕生日, the 4th Saturday
    CHECK(has(lines, "EXDATE;TZID=Asia/Tokyo:20290811T100000"));
    CHECK(has(lines, "EXDATE;TZID=Asia/Tokyo:20300223T100000"));
    // Every EXDATE is a date the rule produces and a holiday; nothing after the 2-year window.
    for (const auto& l : starting(lines, "EXDATE")) {
        std::string v = l.substr(l.find(':') + 1, 8);
        Date d{std::stoi(v.substr(0, 4)), std::stoi(v.substr(4, 2)), std::stoi(v.substr(6, 2))};
        CHECK(is_national_holiday(d));
        CHECK(day_of_week(d) == 6);
        CHECK(d < D("2030-04-08"));
    }
}

TEST_CASE("monthly last weekday and monthly day") {
    auto last = unfolded(ics(activity("毎月最終金曜 14:00〜16:00")));
    CHECK(has(last, "RRULE:FREQ=MONTHLY;BYDAY=-1FR"));
    CHECK(has(last, "DTSTART;TZID=Asia/Tokyo:20260424T140000"));
    CHECK(has(last, "DTEND;TZID=Asia/Tokyo:20260424T160000"));

    auto day = unfolded(ics(activity("毎月15日")));
    CHECK(count_events(day) == 1);
    CHECK(has(day, "RRULE:FREQ=MONTHLY;BYMONTHDAY=15"));
    CHECK(has(day, "DTSTART;VALUE=DATE:20260415"));
    CHECK(has(day, "DTEND;VALUE=DATE:20260416"));

    auto end = unfolded(ics(activity("毎月末日")));
    CHECK(has(end, "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1"));
    CHECK(has(end, "DTSTART;VALUE=DATE:20260430"));
}

TEST_CASE("every n weeks keeps the anchor's phase; months mask and UNTIL") {
    Activity a = activity("毎週水曜", "2026-11-10");
    Recurrence& r = a.schedule.rules.at(0);
    r.kind = RecurrenceKind::every_n_weeks;
    r.interval_weeks = 2;
    r.weekdays = weekday_bit(4);
    r.anchor = D("2026-11-05");
    r.times = {TimeRange{600, 720}};
    auto lines = unfolded(ics(a));
    CHECK(has(lines, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"));
    CHECK(has(lines, "DTSTART;TZID=Asia/Tokyo:20261119T100000"));  // not 11-12: off phase

    a.schedule.rules[0].months = 0b0000001111111000;  // April–October
    a.schedule.valid_until = D("2027-09");
    lines = unfolded(ics(a));
    CHECK(has(lines, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYMONTH=4,5,6,7,8,9,10;UNTIL=20270930T145959Z"));

    // Without an anchor the weeks are unknown: no event.
    a.schedule.rules[0].anchor = Date{};
    CHECK(count_events(unfolded(ics(a))) == 0);
}

TEST_CASE("daily with 年末年始は休み") {
    auto lines = unfolded(ics(activity("毎日 7:00〜8:00（年末年始は休み）")));
    CHECK(count_events(lines) == 1);
    CHECK(has(lines, "RRULE:FREQ=DAILY"));
    CHECK(has(lines, "DTSTART;TZID=Asia/Tokyo:20260401T070000"));
    CHECK(has(lines, "DTEND;TZID=Asia/Tokyo:20260401T080000"));
    for (const char* d : {"20261229", "20261231", "20270101", "20270103", "20271231"})
        CHECK(has(lines, std::string("EXDATE;TZID=Asia/Tokyo:") + d + "T070000"));
    CHECK_FALSE(has(lines, "EXDATE;TZID=Asia/Tokyo:20261228T070000"));
    CHECK_FALSE(has(lines, "EXDATE;TZID=Asia/Tokyo:20270104T070000"));
    CHECK(starting(lines, "EXDATE").size() == 12);  // two year ends of six days each
}

TEST_CASE("except and extra dates; several time ranges give several events") {
    Activity a = activity("毎週水曜 10:00〜12:00");
    a.schedule.rules[0].times.push_back(TimeRange{780, 900});
    a.schedule.except_dates = {D("2026-04-08")};
    a.schedule.extra_dates = {D("2026-04-11")};
    auto lines = unfolded(ics(a));
    CHECK(count_events(lines) == 2);
    CHECK(has(lines, "UID:act-1@example.org"));
    CHECK(has(lines, "UID:act-2@example.org"));
    CHECK(has(lines, "EXDATE;TZID=Asia/Tokyo:20260408T100000"));
    CHECK(has(lines, "EXDATE;TZID=Asia/Tokyo:20260408T130000"));
    CHECK(has(lines, "RDATE;TZID=Asia/Tokyo:20260411T100000"));
    CHECK(has(lines, "RDATE;TZID=Asia/Tokyo:20260411T130000"));
}

TEST_CASE("no events for irregular or unreadable schedules; the calendar stays valid") {
    Activity irregular = activity("月1回不定期");
    REQUIRE(irregular.schedule.understood);
    auto lines = unfolded(ics(irregular));
    CHECK(count_events(lines) == 0);
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(has(lines, "END:VTIMEZONE"));

    Activity unread = activity("毎週水曜 10:00〜12:00");
    unread.schedule.understood = false;
    CHECK(count_events(unfolded(ics(unread))) == 0);

    Activity unstated = activity("10時〜12時");
    CHECK(count_events(unfolded(ics(unstated))) == 0);
}

TEST_CASE("escaping of TEXT values") {
    CHECK(ical_escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
    Activity a = activity("毎週水曜 10:00〜12:00");
    a.name = "食堂,カフェ;\\本部";
    a.summary = "一行目\n二行目";
    auto lines = unfolded(ics(a));
    CHECK(has(lines, "SUMMARY:食堂\\,カフェ\\;\\\\本部"));
    CHECK(has(lines, "DESCRIPTION:毎週水曜 10:00〜12:00\\n一行目\\n二行目"));
}

TEST_CASE("CRLF, 75-octet folding on UTF-8 boundaries, unfolding restores the text") {
    Activity a = activity("毎月第2・第4土曜 10:00〜12:00（祝日は休み）");
    std::string long_text = "x";  // one ASCII byte so the 3-byte characters straddle line ends
    for (int i = 0; i < 60; ++i) long_text += "地域のみんなで食事をしながら交流する場です。";
    a.summary = long_text;
    const std::string text = ics(a);
    REQUIRE(text.size() > 2);
    CHECK(text.substr(text.size() - 2) == "\r\n");

    size_t pos = 0, physical = 0, continuations = 0;
    while (pos < text.size()) {
        size_t crlf = text.find("\r\n", pos);
        REQUIRE(crlf != std::string::npos);
        std::string line = text.substr(pos, crlf - pos);
        CHECK(line.size() <= 75);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        CHECK(is_valid_utf8(line));  // no character split across the fold
        if (!line.empty() && line[0] == ' ') ++continuations;
        ++physical;
        pos = crlf + 2;
    }
    CHECK(continuations > 20);
    CHECK(has(unfolded(text), "DESCRIPTION:" + ical_escape_text(a.schedule.text + "\n" + long_text)));

    // append_ical_line directly: exactly 75 octets stays one line; 76 folds.
    std::string out;
    append_ical_line(out, std::string(75, 'a'));
    CHECK(out == std::string(75, 'a') + "\r\n");
    out.clear();
    append_ical_line(out, std::string(76, 'a'));
    CHECK(out == std::string(75, 'a') + "\r\n a\r\n");
}

TEST_CASE("BEGIN/END balanced and output deterministic") {
    for (const char* s : {"毎週水曜 10:00〜12:00", "毎月第2・第4土曜 10:00〜12:00（祝日は休み）",
                          "毎日 7:00〜8:00（年末年始は休み）", "月1回不定期", "毎月15日"}) {
        Activity a = activity(s);
        const std::string first = ics(a);
        CHECK(first == ics(a));
        std::vector<std::string> stack;
        bool balanced = true;
        for (const auto& l : unfolded(first)) {
            if (l.rfind("BEGIN:", 0) == 0) stack.push_back(l.substr(6));
            if (l.rfind("END:", 0) == 0) {
                if (stack.empty() || stack.back() != l.substr(4)) balanced = false;
                else stack.pop_back();
            }
        }
        CHECK_MESSAGE(balanced, s);
        CHECK_MESSAGE(stack.empty(), s);
    }
}

// ---------------------------------------------------------------------------------------------
// Calendars of many activities (area feeds) and the files the render stage writes.

namespace {

std::vector<std::string> uids(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& l : starting(lines, "UID:")) out.push_back(l.substr(4));
    std::sort(out.begin(), out.end());
    return out;
}

std::string events_of(const Activity& a, const std::string& url = "https://example.org/a/act/") {
    std::string out;
    append_activity_events(out, a, url, "example.org");
    return out;
}

}  // namespace

TEST_CASE("activity_icalendar is the calendar frame around the activity's events") {
    Activity a = activity("毎月第2・第4土曜 10:00〜12:00（祝日は休み）");
    std::string composed;
    append_calendar_begin(composed, "example.org");
    CHECK(append_activity_events(composed, a, "https://example.org/a/act/", "example.org") == 1);
    append_calendar_end(composed);
    CHECK(composed == ics(a));

    // A display name for calendar apps: RFC 7986 NAME and the X-WR-CALNAME most apps read.
    std::string named;
    append_calendar_begin(named, "example.org", "北地区の活動の予定, 2026");
    append_calendar_end(named);
    auto lines = unfolded(named);
    CHECK(has(lines, "NAME:北地区の活動の予定\\, 2026"));
    CHECK(has(lines, "X-WR-CALNAME:北地区の活動の予定\\, 2026"));
    CHECK(count_events(lines) == 0);
    CHECK(lines.back() == "END:VCALENDAR");
}

TEST_CASE("activity_has_events agrees with the events written") {
    for (const char* s : {"毎週水曜 10:00〜12:00", "毎月第2・第4土曜 10:00〜12:00（祝日は休み）", "毎日 7:00〜8:00（年末年始は休み）",
                          "毎月15日", "毎月末日", "月1回不定期", "10時〜12時", "不定期", "夏休みの平日 10:00〜12:00"}) {
        CAPTURE(s);
        Activity a = activity(s);
        std::string sink;
        CHECK(activity_has_events(a) == (append_activity_events(sink, a, "", "x") > 0));
    }
    // Valid until before the first date: a rule with no date left gives no event.
    Activity over = activity("毎週水曜 10:00〜12:00");
    over.schedule.valid_from = D("2026-04-02");
    over.schedule.valid_until = D("2026-04-07");
    CHECK_FALSE(activity_has_events(over));
    CHECK(count_events(unfolded(ics(over))) == 0);
    over.schedule.valid_until = D("2026-04-08");
    CHECK(activity_has_events(over));
    CHECK(count_events(unfolded(ics(over))) == 1);

    // Stopped activities get no feed whatever their schedule.
    Activity paused = activity("毎週水曜 10:00〜12:00");
    CHECK(activity_has_calendar(paused));
    paused.status = "休止中";
    CHECK_FALSE(activity_has_calendar(paused));
    paused.status = "終了";
    CHECK_FALSE(activity_has_calendar(paused));
    paused.status = "活動中";
    CHECK(activity_has_calendar(paused));
}

TEST_CASE("listed dates without a rule that gives dates: an event of their own") {
    Activity a = activity("月1回不定期");
    a.schedule.extra_dates = {D("2026-06-13"), D("2026-05-09"), D("2026-07-11"), D("2026-06")};
    a.schedule.except_dates = {D("2026-07-11")};
    CHECK(activity_has_events(a));
    auto lines = unfolded(ics(a));
    CHECK(count_events(lines) == 1);
    CHECK(has(lines, "UID:act-dates-1@example.org"));
    CHECK(has(lines, "DTSTART;VALUE=DATE:20260509"));  // sorted; the month-only date is skipped
    CHECK(has(lines, "DTEND;VALUE=DATE:20260510"));
    CHECK(starting(lines, "RRULE").empty());
    CHECK(starting(lines, "RDATE") == std::vector<std::string>{"RDATE;VALUE=DATE:20260613"});  // 7/11 is closed

    // The first rule's times, as occurrences() gives extra dates.
    Activity timed = activity("10:00〜12:00");
    timed.schedule.extra_dates = {D("2026-05-09")};
    lines = unfolded(ics(timed));
    CHECK(has(lines, "DTSTART;TZID=Asia/Tokyo:20260509T100000"));
    CHECK(has(lines, "DTEND;TZID=Asia/Tokyo:20260509T120000"));

    // With a rule that gives dates they stay RDATEs of its event; unread schedules give nothing.
    Activity weekly = activity("毎週水曜 10:00〜12:00");
    weekly.schedule.extra_dates = {D("2026-04-11")};
    lines = unfolded(ics(weekly));
    CHECK(count_events(lines) == 1);
    CHECK(has(lines, "RDATE;TZID=Asia/Tokyo:20260411T100000"));
    a.schedule.understood = false;
    CHECK_FALSE(activity_has_events(a));
    CHECK(count_events(unfolded(ics(a))) == 0);
}

TEST_CASE("an area calendar: one frame, one time zone, each activity's events with its own UIDs") {
    Activity salon = activity("毎週水曜 10:00〜12:00");
    salon.meta.id = "salon";
    Activity meal = activity("毎月第1・第3土曜 11:30〜13:00");
    meal.schedule.rules.at(0).times.push_back(TimeRange{840, 900});  // two events: meal-1, meal-2
    meal.meta.id = "meal";
    meal.name = "こども食堂";
    std::string area;
    append_calendar_begin(area, "example.org", "北地区");
    area += events_of(salon);
    area += events_of(meal);
    append_calendar_end(area);
    auto lines = unfolded(area);
    CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VCALENDAR") == 1);
    CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VTIMEZONE") == 1);
    // The same event has the same UID in the activity's own feed and in the area's.
    std::vector<std::string> own = uids(unfolded(ics(salon)));
    std::vector<std::string> meals = uids(unfolded(ics(meal)));
    own.insert(own.end(), meals.begin(), meals.end());
    std::sort(own.begin(), own.end());
    CHECK(uids(lines) == own);
    CHECK(std::adjacent_find(own.begin(), own.end()) == own.end());  // unique within the calendar
    CHECK(count_events(lines) == own.size());
    CHECK(has(lines, "UID:salon-1@example.org"));
    CHECK(has(lines, "UID:meal-1@example.org"));
    CHECK(has(lines, "UID:meal-2@example.org"));
    CHECK(count_events(lines) == 3);
}

namespace {

Area area(const char* id, const char* name, int parent, std::vector<int> children) {
    Area a;
    a.meta.id = id;
    a.name = name;
    a.reading = name;
    a.level = parent < 0 ? "市区町村" : "地区";
    a.parent_ix = parent;
    a.depth = parent < 0 ? 0 : 1;
    a.children_ix = std::move(children);
    return a;
}

Activity listed(const char* id, const char* schedule, std::vector<int> areas_ix, const char* status = "活動中") {
    Activity a = activity(schedule);
    a.meta.id = id;
    a.name = std::string("活動 ") + id;
    a.reading = id;
    a.status = status;
    a.content_types = {"交流・サロン"};
    a.areas_ix = std::move(areas_ix);
    return a;
}

// city ⊃ east, west. "both" is in east and west; paused and irregular have no feed.
Site calendar_site(const std::string& base_url) {
    Site s;
    s.config.title = "テスト市";
    s.config.base_url = base_url;
    s.areas = {area("city", "テスト市", -1, {1, 2}), area("east", "東地区", 0, {}), area("west", "西地区", 0, {})};
    s.areas[1].parent = s.areas[2].parent = "city";
    s.root_areas = {0};
    s.activities = {listed("weekly", "毎週水曜 10:00〜12:00", {1}), listed("monthly", "毎月第2土曜 13:00〜15:00", {2}),
                    listed("paused", "毎週金曜 10:00〜12:00", {1}, "休止中"), listed("irregular", "月1回不定期", {1}),
                    listed("both", "毎月15日", {1, 2})};
    for (Activity& a : s.activities)
        for (int ix : a.areas_ix) a.areas.push_back(s.areas[ix].meta.id);
    for (size_t i = 0; i < s.areas.size(); ++i) s.area_by_id[s.areas[i].meta.id] = static_cast<int>(i);
    for (size_t i = 0; i < s.activities.size(); ++i) s.activity_by_id[s.activities[i].meta.id] = static_cast<int>(i);
    return s;
}

std::map<std::string, std::string> render_files(const Site& site) {
    std::map<std::string, std::string> files;
    std::mutex m;
    RenderOptions options;
    options.theme_dir = std::string(TSUNAGU_SOURCE_DIR) + "/themes/default";
    options.threads = 2;
    Diagnostics diags;
    render_site(site, options,
                [&](const std::string& path, std::string_view content) {
                    std::lock_guard<std::mutex> lock(m);
                    files[path] = std::string(content);
                },
                diags);
    for (const Diagnostic& d : diags) CHECK_MESSAGE(d.severity != Severity::error, d.code, ": ", d.en);
    return files;
}

}  // namespace

TEST_CASE("render: activity and area feeds, their UIDs, links and the sitemap") {
    auto files = render_files(calendar_site("https://example.org/test/"));
    for (const char* f : {"activities/weekly.ics", "activities/monthly.ics", "activities/both.ics", "areas/city.ics",
                          "areas/east.ics", "areas/west.ics"}) {
        CAPTURE(f);
        CHECK(files.count(f) == 1);
    }
    CHECK(files.count("activities/paused.ics") == 0);     // 休止中: no feed
    CHECK(files.count("activities/irregular.ics") == 0);  // no computable date

    using V = std::vector<std::string>;
    CHECK(uids(unfolded(files["areas/east.ics"])) == V{"both-1@example.org", "weekly-1@example.org"});
    CHECK(uids(unfolded(files["areas/west.ics"])) == V{"both-1@example.org", "monthly-1@example.org"});
    // The root holds each event once, even that of an activity in two of its areas.
    CHECK(uids(unfolded(files["areas/city.ics"])) == V{"both-1@example.org", "monthly-1@example.org", "weekly-1@example.org"});
    CHECK(uids(unfolded(files["activities/both.ics"])) == V{"both-1@example.org"});

    // An event is the same bytes in every feed it appears in.
    const std::string& own = files["activities/weekly.ics"];
    const std::string event = own.substr(own.find("BEGIN:VEVENT"), own.find("END:VCALENDAR") - own.find("BEGIN:VEVENT"));
    CHECK(files["areas/east.ics"].find(event) != std::string::npos);
    CHECK(files["areas/city.ics"].find(event) != std::string::npos);

    auto east = unfolded(files["areas/east.ics"]);
    CHECK(has(east, "URL:https://example.org/test/activities/weekly.html"));
    CHECK(has(east, "PRODID:-//tsunagu//example.org//JA"));
    CHECK(has(east, "X-WR-CALNAME:東地区の活動の予定（テスト市）"));
    CHECK(std::count(east.begin(), east.end(), "BEGIN:VTIMEZONE") == 1);

    // Not pages: the sitemap leaves them out.
    CHECK(files["sitemap.xml"].find(".ics") == std::string::npos);

    // Links: the activity page under its schedule, the area page; none for a stopped activity.
    CHECK(files["activities/weekly.html"].find("href=\"../activities/weekly.ics\" type=\"text/calendar\"") != std::string::npos);
    CHECK(files["activities/paused.html"].find(".ics") == std::string::npos);
    CHECK(files["activities/irregular.html"].find(".ics") == std::string::npos);
    CHECK(files["areas/east.html"].find("href=\"../areas/east.ics\" type=\"text/calendar\"") != std::string::npos);
    CHECK(files["areas/east.html"].find("この地域の予定をカレンダーに取り込む（iCalendar 形式）") != std::string::npos);
}

TEST_CASE("render: without base_url the events carry no URL and UIDs stay well-formed") {
    Site site = calendar_site("");
    auto files = render_files(site);
    auto lines = unfolded(files["areas/city.ics"]);
    CHECK(starting(lines, "URL:").empty());
    CHECK(has(lines, "UID:weekly-1@tsunagu.invalid"));
    site.config.municipality_code = "132993";
    lines = unfolded(render_files(site)["activities/weekly.ics"]);
    CHECK(has(lines, "UID:weekly-1@132993.tsunagu.invalid"));
}

TEST_CASE("render: feeds are byte-identical across runs and thread counts") {
    const Site site = calendar_site("https://example.org/test/");
    auto first = render_files(site);
    auto second = render_files(site);
    for (const auto& [path, content] : first)
        if (path.size() > 4 && path.compare(path.size() - 4, 4, ".ics") == 0) CHECK_MESSAGE(second[path] == content, path);
}
