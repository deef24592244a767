// The schedule parser's specification, as a table (like cmark's spec examples): input text →
// the structured result and the text shown to readers. It holds every distinct schedule text of
// the six real 子ども食堂 CSV files in shared/data/kodomo-shokudo (開催日, 開催日時特記事項 and
// 開催曜日); the last test case checks that none is missing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "text/schedule_format.h"
#include "text/schedule_parse.h"

using namespace tsunagu;

namespace {

constexpr int H(int h, int m = 0) { return h * 60 + m; }

// "月水金" → weekday bits (bit 0 = Sunday).
uint8_t D(std::string_view days) {
    static const char* names[] = {"日", "月", "火", "水", "木", "金", "土"};
    uint8_t bits = 0;
    for (size_t i = 0; i + 3 <= days.size(); i += 3)
        for (int d = 0; d < 7; ++d)
            if (days.substr(i, 3) == names[d]) bits |= weekday_bit(d);
    return bits;
}

uint16_t M(std::initializer_list<int> months) {
    uint16_t mask = 0;
    for (int m : months) mask |= static_cast<uint16_t>(1u << (m - 1));
    return mask;
}

// A small builder so each table row reads like the schedule it describes.
struct R {
    Recurrence r;
    R& at(int start, int end = -1) {
        r.times.push_back(TimeRange{start, end});
        return *this;
    }
    R& until(int end) {
        r.times.push_back(TimeRange{-1, end});
        return *this;
    }
    R& hol() { return r.holidays = true, *this; }
    R& approx() { return r.approximate = true, *this; }
    R& months(uint16_t m) { return r.months = m, *this; }
    R& every_months(int n) { return r.interval_months = n, *this; }
    R& on(std::string_view days) { return r.weekdays = D(days), *this; }
    operator Recurrence() const { return r; }
};

R rule(RecurrenceKind kind, std::string_view days = "") {
    R b;
    b.r.kind = kind;
    b.r.weekdays = D(days);
    return b;
}
R weekly(std::string_view days) { return rule(RecurrenceKind::weekly, days); }
R daily() { return rule(RecurrenceKind::daily); }
R nth(std::vector<int> nths, std::string_view days) {
    R b = rule(RecurrenceKind::monthly_nth_weekday, days);
    b.r.nths = std::move(nths);
    return b;
}
R mday(std::vector<int> days) {
    R b = rule(RecurrenceKind::monthly_day);
    b.r.month_days = std::move(days);
    return b;
}
R every(int weeks, std::string_view days = "") {
    R b = rule(RecurrenceKind::every_n_weeks, days);
    b.r.interval_weeks = weeks;
    return b;
}
R irregular(int per_month = 0, int max = 0) {
    R b = rule(RecurrenceKind::irregular);
    b.r.times_per_month = per_month;
    b.r.times_per_month_max = max;
    return b;
}
R per_year(int n) {
    R b = rule(RecurrenceKind::irregular);
    b.r.times_per_year = n;
    return b;
}
R unstated() { return rule(RecurrenceKind::days_unstated); }

struct Extra {
    bool holidays = false;
    bool year_end = false;
    uint16_t closed_months = 0;
    Date from = Date{};
    Date until = Date{};
    uint8_t breaks = 0;
};

struct Row {
    const char* input;
    std::vector<Recurrence> rules;
    const char* shown;  // nullptr: not understood, shown as written
    Extra extra = {};
};

Extra holidays() { return Extra{.holidays = true}; }
Extra holidays_year_end() { return Extra{.holidays = true, .year_end = true}; }

const std::vector<Row>& table() {
    static const std::vector<Row> rows = {
        // ---- weekly
        {"毎週水曜 10:00〜12:00", {weekly("水").at(H(10), H(12))}, "毎週水曜 10:00〜12:00"},
        {"毎週水曜 10：００～１２：００", {weekly("水").at(H(10), H(12))}, "毎週水曜 10:00〜12:00"},
        {"毎週月、水、金曜日", {weekly("月水金")}, "毎週月・水・金曜"},
        {"月・水・金", {weekly("月水金")}, "毎週月・水・金曜"},
        {"月･水･金 10:00〜12:00", {weekly("月水金").at(H(10), H(12))}, "毎週月・水・金曜 10:00〜12:00"},
        {"平日", {weekly("月火水木金")}, "平日"},
        {"毎日", {daily()}, "毎日"},
        {"土日", {weekly("土日")}, "土日"},
        {"土日祝", {weekly("土日").hol()}, "土日祝"},
        {"週末 10時〜", {weekly("土日").at(H(10))}, "土日 10:00〜"},
        {"日・祝 10:00〜16:00", {weekly("日").hol().at(H(10), H(16))}, "毎週日曜・祝日 10:00〜16:00"},
        {"10:00〜12:00 毎週水曜", {weekly("水").at(H(10), H(12))}, "毎週水曜 10:00〜12:00"},
        {"毎週水曜 10:00〜12:00 14:00〜16:00", {weekly("水").at(H(10), H(12)).at(H(14), H(16))},
         "毎週水曜 10:00〜12:00・14:00〜16:00"},
        {"毎週水曜（祝日を除く）", {weekly("水")}, "毎週水曜（祝日は休み）", holidays()},
        {"土日祝日は休み", {weekly("土日")}, "土日（祝日は休み）", holidays()},
        // ---- monthly by nth weekday
        {"毎月第2・第4土曜", {nth({2, 4}, "土")}, "毎月第2・第4土曜"},
        {"第2・4火曜日", {nth({2, 4}, "火")}, "毎月第2・第4火曜"},
        {"毎月第2、第4土曜日", {nth({2, 4}, "土")}, "毎月第2・第4土曜"},
        {"第３土曜日", {nth({3}, "土")}, "毎月第3土曜"},
        {"毎月最終金曜日", {nth({-1}, "金")}, "毎月最終金曜"},
        {"最終土曜", {nth({-1}, "土")}, "毎月最終土曜"},
        {"第1・3・5水曜", {nth({1, 3, 5}, "水")}, "毎月第1・第3・第5水曜"},
        {"毎月第2・最終土曜", {nth({2, -1}, "土")}, "毎月第2・最終土曜"},
        {"毎月第1日曜日 正午から", {nth({1}, "日").at(H(12))}, "毎月第1日曜 12:00〜"},
        {"隔月第2火曜", {nth({2}, "火").every_months(2)}, "隔月第2火曜"},
        // ---- monthly by day
        {"毎月15日", {mday({15})}, "毎月15日"},
        {"毎月10日・25日", {mday({10, 25})}, "毎月10日・25日"},
        {"毎月10・25日", {mday({10, 25})}, "毎月10日・25日"},
        {"毎月末日", {mday({-1})}, "毎月末日"},
        {"令和8年度 毎月15日", {mday({15})}, "2026年4月〜2027年3月 毎月15日",
         Extra{.from = Date{2026, 4, 0}, .until = Date{2027, 3, 0}}},
        // ---- every n weeks: without an anchor date the phase stays unknown
        {"隔週火曜", {every(2, "火")}, "隔週火曜"},
        {"隔週の水曜日 13:30〜15:00", {every(2, "水").at(H(13, 30), H(15))}, "隔週水曜 13:30〜15:00"},
        {"3週間ごと", {every(3)}, "3週間ごと"},
        {"3週間ごとの水曜", {every(3, "水")}, "3週間ごとの水曜"},
        // ---- irregular and counted
        {"月1回不定期", {irregular(1)}, "月1回不定期"},
        {"不定期", {irregular()}, "不定期"},
        {"年4回", {per_year(4)}, "年4回"},
        // ---- times alone (the days come from elsewhere, e.g. the 開催曜日 column)
        {"10時〜12時", {unstated().at(H(10), H(12))}, "10:00〜12:00"},
        {"15時～19時", {unstated().at(H(15), H(19))}, "15:00〜19:00"},
        {"10:00-12:00", {unstated().at(H(10), H(12))}, "10:00〜12:00"},
        {"午前10時～午後3時", {unstated().at(H(10), H(15))}, "10:00〜15:00"},
        {"午後1時半〜3時", {unstated().at(H(13, 30), H(15))}, "13:30〜15:00"},
        {"10:00〜", {unstated().at(H(10))}, "10:00〜"},
        {"12時から13時まで", {unstated().at(H(12), H(13))}, "12:00〜13:00"},
        {"〜15:00", {unstated().until(H(15))}, "〜15:00"},
        // ---- periods, seasons and closures
        {"夏休み期間", {}, "夏休み期間", Extra{.breaks = kSummerBreak}},
        {"夏休み期間 毎週水曜 11:30〜13:30", {weekly("水").at(H(11, 30), H(13, 30))},
         "夏休み期間 毎週水曜 11:30〜13:30", Extra{.breaks = kSummerBreak}},
        {"祝日は休み", {}, "（祝日は休み）", holidays()},
        {"祝日・年末年始は休み", {}, "（祝日・年末年始は休み）", holidays_year_end()},
        {"年末年始休み", {}, "（年末年始は休み）", Extra{.year_end = true}},
        {"8月は休み", {}, "（8月は休み）", Extra{.closed_months = M({8})}},
        {"毎月第2土曜（8月を除く）", {nth({2}, "土")}, "毎月第2土曜（8月は休み）", Extra{.closed_months = M({8})}},
        {"4月〜3月", {unstated().months(0xFFF)}, "4月〜3月"},
        {"2026年4月から", {}, "2026年4月から", Extra{.from = Date{2026, 4, 0}}},
        {"2026-04-01から 毎週金曜", {weekly("金")}, "2026年4月1日から 毎週金曜",
         Extra{.from = Date{2026, 4, 1}}},
        {"2026年4月〜2027年3月 毎週木曜", {weekly("木")}, "2026年4月〜2027年3月 毎週木曜",
         Extra{.from = Date{2026, 4, 0}, .until = Date{2027, 3, 0}}},
        // ---- several parts
        {"毎週火曜 10:00〜12:00、毎月第1土曜 13:00〜15:00",
         {weekly("火").at(H(10), H(12)), nth({1}, "土").at(H(13), H(15))},
         "毎週火曜 10:00〜12:00、毎月第1土曜 13:00〜15:00"},
        {"平日 8:30〜17:15（祝日・年末年始は休み）", {weekly("月火水木金").at(H(8, 30), H(17, 15))},
         "平日 8:30〜17:15（祝日・年末年始は休み）", holidays_year_end()},
        {"毎月第2・第4水曜 10:00〜12:00（祝日は休み）", {nth({2, 4}, "水").at(H(10), H(12))},
         "毎月第2・第4水曜 10:00〜12:00（祝日は休み）", holidays()},
        {"火・木 9:30〜11:30（8・12月は休み）", {weekly("火木").at(H(9, 30), H(11, 30))},
         "毎週火・木曜 9:30〜11:30（8・12月は休み）", Extra{.closed_months = M({8, 12})}},
        {"第2土曜日と第4日曜日", {nth({2}, "土"), nth({4}, "日")}, "毎月第2土曜・第4日曜"},
        {"月～金 9:00～17:00", {weekly("月火水木金").at(H(9), H(17))}, "平日 9:00〜17:00"},
        {"毎週水曜と土曜", {weekly("水土")}, "毎週水・土曜"},
        {"毎月第2水曜（4月〜10月）", {nth({2}, "水").months(M({4, 5, 6, 7, 8, 9, 10}))}, "4月〜10月 毎月第2水曜"},
        {"日曜、祝日は休み", {weekly("日")}, "毎週日曜（祝日は休み）", holidays()},
        {"毎月第2木曜日 10時～11時30分（8月休み）", {nth({2}, "木").at(H(10), H(11, 30))},
         "毎月第2木曜 10:00〜11:30（8月は休み）", Extra{.closed_months = M({8})}},
        {"土曜日 10:00～12:00 / 日曜日 13:00～15:00", {weekly("土").at(H(10), H(12)), weekly("日").at(H(13), H(15))},
         "毎週土曜 10:00〜12:00、毎週日曜 13:00〜15:00"},
        {"毎週水曜日 午前10時から正午まで", {weekly("水").at(H(10), H(12))}, "毎週水曜 10:00〜12:00"},
        {"令和7年4月1日から", {}, "2025年4月1日から", Extra{.from = Date{2025, 4, 1}}},
        // ---- not readable: shown as written, never guessed
        {"月1回程度、ご相談ください", {}, nullptr},
        {"ご相談ください", {}, nullptr},
        {"月曜日（祝日の場合は翌日）", {}, nullptr},  // moves to the next day: not modelled
        {"夏休みは休み", {}, nullptr},                // closed in a break we cannot date
        {"10〜12時", {}, nullptr},                     // 時 on the end only: not guessed for the start

        // ==== the real CSV files: 開催日 (渋谷区, 新潟県182109)
        {"2ヶ月に1回\u3000第2火曜日\u300016時～18時", {nth({2}, "火").every_months(2).at(H(16), H(18))},
         "隔月第2火曜 16:00〜18:00"},
        {"不定期\u300011時～13時", {irregular().at(H(11), H(13))}, "不定期 11:00〜13:00"},
        {"不定期開催\u300010時～", {irregular().at(H(10))}, "不定期 10:00〜"},
        {"不定期開催\u300013時～", {irregular().at(H(13))}, "不定期 13:00〜"},
        {"原則毎月第4日曜日", {nth({4}, "日").approx()}, "原則毎月第4日曜"},
        {"平日\u300015時30分～", {weekly("月火水木金").at(H(15, 30))}, "平日 15:30〜"},
        {"年10回\u300016時～19時", {per_year(10).at(H(16), H(19))}, "年10回 16:00〜19:00"},
        {"月1、2回\u300010時～", {irregular(1, 2).at(H(10))}, "月1〜2回不定期 10:00〜"},
        {"月1回  金曜日\u300016時～", {irregular(1).on("金").at(H(16))}, "月1回（金曜） 16:00〜"},
        {"月1回\u300011時30分～14時30分", {irregular(1).at(H(11, 30), H(14, 30))}, "月1回不定期 11:30〜14:30"},
        {"月1回\u300015時～", {irregular(1).at(H(15))}, "月1回不定期 15:00〜"},
        {"月1回\u300017時30分～18時30分", {irregular(1).at(H(17, 30), H(18, 30))}, "月1回不定期 17:30〜18:30"},
        {"月1回\u300017時～", {irregular(1).at(H(17))}, "月1回不定期 17:00〜"},
        {"月1回\u300017時～19時", {irregular(1).at(H(17), H(19))}, "月1回不定期 17:00〜19:00"},
        {"月1回\u3000土曜日\u300010時30分～", {irregular(1).on("土").at(H(10, 30))}, "月1回（土曜） 10:30〜"},
        {"月1回不定期\u300012時～", {irregular(1).at(H(12))}, "月1回不定期 12:00〜"},
        {"月1回不定期\u300017時～19時", {irregular(1).at(H(17), H(19))}, "月1回不定期 17:00〜19:00"},
        {"月1回土曜日\u300015時～16時", {irregular(1).on("土").at(H(15), H(16))}, "月1回（土曜） 15:00〜16:00"},
        {"月1回土曜日\u300016時～19時", {irregular(1).on("土").at(H(16), H(19))}, "月1回（土曜） 16:00〜19:00"},
        {"月1回土曜日\u300017時～", {irregular(1).on("土").at(H(17))}, "月1回（土曜） 17:00〜"},
        {"月1回程度\u300016時～17時30分", {irregular(1).approx().at(H(16), H(17, 30))}, "月1回程度 16:00〜17:30"},
        {"月1回金曜日\u300016時～19時", {irregular(1).on("金").at(H(16), H(19))}, "月1回（金曜） 16:00〜19:00"},
        {"月1～2回\u300010時～", {irregular(1, 2).at(H(10))}, "月1〜2回不定期 10:00〜"},
        {"月2回\u30009時～11時30分", {irregular(2).at(H(9), H(11, 30))}, "月2回不定期 9:00〜11:30"},
        {"月2回不定期\u300016時30分～18時", {irregular(2).at(H(16, 30), H(18))}, "月2回不定期 16:30〜18:00"},
        {"月2回日曜日\u300013時～", {irregular(2).on("日").at(H(13))}, "月2回（日曜） 13:00〜"},
        {"月１回金曜日\u300017時30分～", {irregular(1).on("金").at(H(17, 30))}, "月1回（金曜） 17:30〜"},
        {"毎月第4日曜日", {nth({4}, "日")}, "毎月第4日曜"},
        {"毎月第一土曜日", {nth({1}, "土")}, "毎月第1土曜"},
        {"毎週月曜・木曜\u300017時～19時", {weekly("月木").at(H(17), H(19))}, "毎週月・木曜 17:00〜19:00"},
        {"第1日曜日\u300011時～", {nth({1}, "日").at(H(11))}, "毎月第1日曜 11:00〜"},
        {"第1水曜日\u300017時00分～", {nth({1}, "水").at(H(17))}, "毎月第1水曜 17:00〜"},
        {"第1火曜日\u300015時50分～17時30分", {nth({1}, "火").at(H(15, 50), H(17, 30))},
         "毎月第1火曜 15:50〜17:30"},
        {"第2・4水曜日 15時～19時", {nth({2, 4}, "水").at(H(15), H(19))}, "毎月第2・第4水曜 15:00〜19:00"},
        {"第2・第4土曜日\u300013時～", {nth({2, 4}, "土").at(H(13))}, "毎月第2・第4土曜 13:00〜"},
        {"第2土曜日\u300011時～", {nth({2}, "土").at(H(11))}, "毎月第2土曜 11:00〜"},
        {"第2土曜日\u300013時～", {nth({2}, "土").at(H(13))}, "毎月第2土曜 13:00〜"},
        {"第2水曜・第4水曜\u300015時～", {nth({2, 4}, "水").at(H(15))}, "毎月第2・第4水曜 15:00〜"},
        // 他 ("and other days") says there are more days but not which: not guessed.
        {"第2水曜日他\u300015時～17時", {}, nullptr},
        {"第2火曜・第4木曜\u300014時～", {nth({2}, "火").at(H(14)), nth({4}, "木").at(H(14))},
         "毎月第2火曜・第4木曜 14:00〜"},
        {"第2金曜日\u300016時～", {nth({2}, "金").at(H(16))}, "毎月第2金曜 16:00〜"},
        {"第2金曜日\u300017時～19時", {nth({2}, "金").at(H(17), H(19))}, "毎月第2金曜 17:00〜19:00"},
        {"第3土曜日\u300015時～", {nth({3}, "土").at(H(15))}, "毎月第3土曜 15:00〜"},
        {"第3日曜日\u300012時～15時30分", {nth({3}, "日").at(H(12), H(15, 30))}, "毎月第3日曜 12:00〜15:30"},
        {"第3木曜日\u300017時～18時30分", {nth({3}, "木").at(H(17), H(18, 30))}, "毎月第3木曜 17:00〜18:30"},
        {"第3木曜日\u300017時～19時", {nth({3}, "木").at(H(17), H(19))}, "毎月第3木曜 17:00〜19:00"},
        {"第3水曜日 17時30分～19時30分", {nth({3}, "水").at(H(17, 30), H(19, 30))}, "毎月第3水曜 17:30〜19:30"},
        {"第3金曜日\u300017時～", {nth({3}, "金").at(H(17))}, "毎月第3金曜 17:00〜"},
        {"第4土曜日\u300010時30分～", {nth({4}, "土").at(H(10, 30))}, "毎月第4土曜 10:30〜"},
        {"第4土曜日\u300012時～15時", {nth({4}, "土").at(H(12), H(15))}, "毎月第4土曜 12:00〜15:00"},
        {"第4日曜日\u300014時～", {nth({4}, "日").at(H(14))}, "毎月第4日曜 14:00〜"},
        {"第4金曜日\u300017時30分～18時", {nth({4}, "金").at(H(17, 30), H(18))}, "毎月第4金曜 17:30〜18:00"},

        // ==== the real CSV files: 開催日時特記事項 (文京区, 練馬区, 新潟県182109)
        {"1回目午後5時30分～午後6時30分 2回目午後6時30分～午後7時30分",
         {unstated().at(H(17, 30), H(18, 30)).at(H(18, 30), H(19, 30))}, "17:30〜18:30・18:30〜19:30"},
        {"①午後５時30分～６時30分 ②午後６時30分～７時30分",
         {unstated().at(H(17, 30), H(18, 30)).at(H(18, 30), H(19, 30))}, "17:30〜18:30・18:30〜19:30"},
        // The example in parentheses (友引の前日など) is not a rule we can model.
        {"不定期（友引の前日など）", {}, nullptr},
        {"体験イベント開催（随時）", {}, nullptr},
        {"午前11:30～午後2:00 午後4:00～7:30", {unstated().at(H(11, 30), H(14)).at(H(16), H(19, 30))},
         "11:30〜14:00・16:00〜19:30"},
        {"原則第2・4金曜日だが変動あり", {nth({2, 4}, "金").approx()}, "原則毎月第2・第4金曜"},
        {"土曜の不定期開催", {irregular().on("土")}, "不定期（土曜）"},
        {"夏季（4月～10月）18:00\u3000冬季（11月～3月）17:00",
         {unstated().months(M({4, 5, 6, 7, 8, 9, 10})).at(H(18)), unstated().months(M({11, 12, 1, 2, 3})).at(H(17))},
         "4月〜10月 18:00〜、11月〜3月 17:00〜"},
        {"毎月第3火曜日二部制 1回目午後5:30～6:15 2回目午後6:30～7:15",
         {nth({3}, "火").at(H(17, 30), H(18, 15)).at(H(18, 30), H(19, 15))}, "毎月第3火曜 17:30〜18:15・18:30〜19:15"},
        // 4th OR 5th Friday: one of two, and which one is not said.
        {"毎月第４または第５金曜日", {}, nullptr},

        // ==== the real CSV files: 開催曜日 (weekday characters run together)
        {"土", {weekly("土")}, "毎週土曜"},
        {"日", {weekly("日")}, "毎週日曜"},
        {"月", {weekly("月")}, "毎週月曜"},
        {"火", {weekly("火")}, "毎週火曜"},
        {"水", {weekly("水")}, "毎週水曜"},
        {"木", {weekly("木")}, "毎週木曜"},
        {"金", {weekly("金")}, "毎週金曜"},
        {"月火木金土日", {weekly("月火木金土日")}, "毎週月・火・木・金・土・日曜"},
        {"月火水木金土日", {weekly("月火水木金土日")}, "毎日"},
        {"月金", {weekly("月金")}, "毎週月・金曜"},
        {"木日", {weekly("木日")}, "毎週木・日曜"},
        {"水木金土日", {weekly("水木金土日")}, "毎週水・木・金・土・日曜"},
        {"金土日", {weekly("金土日")}, "毎週金・土・日曜"},
        {"水曜日", {weekly("水")}, "毎週水曜"},
    };
    return rows;
}

std::string describe(const Recurrence& r) {
    std::ostringstream o;
    o << "kind=" << static_cast<int>(r.kind) << " days=" << int(r.weekdays) << " nths=";
    for (int n : r.nths) o << n << ',';
    o << " mdays=";
    for (int d : r.month_days) o << d << ',';
    o << " weeks=" << r.interval_weeks << " months=" << r.months << " tpm=" << r.times_per_month << '-'
      << r.times_per_month_max << " tpy=" << r.times_per_year << " every_months=" << r.interval_months
      << " hol=" << r.holidays << " approx=" << r.approximate << " times=";
    for (const auto& t : r.times) o << t.start << '-' << t.end << ',';
    return o.str();
}

}  // namespace

TEST_CASE("schedule table: parse and show") {
    CHECK(table().size() >= 60);
    for (const Row& row : table()) {
        CAPTURE(row.input);
        Diagnostics problems;
        Schedule s = parse_schedule(row.input, problems);
        CHECK(s.text == row.input);
        if (!row.shown) {
            CHECK_FALSE(s.understood);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].code == "schedule.unreadable");
            CHECK(problems[0].severity == Severity::warning);
            CHECK(format_schedule(s) == row.input);
            continue;
        }
        CHECK(s.understood);
        CHECK(problems.empty());
        for (const auto& p : problems) MESSAGE(p.ja);
        CHECK(s.rules.size() == row.rules.size());
        for (size_t i = 0; i < std::min(s.rules.size(), row.rules.size()); ++i) {
            CAPTURE(i);
            INFO("got      ", describe(s.rules[i]));
            INFO("expected ", describe(row.rules[i]));
            CHECK(s.rules[i] == row.rules[i]);
        }
        CHECK(s.closed_on_holidays == row.extra.holidays);
        CHECK(s.closed_year_end == row.extra.year_end);
        CHECK(s.closed_months == row.extra.closed_months);
        CHECK(s.valid_from == row.extra.from);
        CHECK(s.valid_until == row.extra.until);
        CHECK(s.school_breaks == row.extra.breaks);
        CHECK(format_schedule(s) == std::string(row.shown));
    }
}

TEST_CASE("schedule: the warning names the part it could not read") {
    Diagnostics problems;
    Schedule s = parse_schedule("月1回程度、ご相談ください", problems);
    CHECK_FALSE(s.understood);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.file.empty());
    CHECK(problems[0].ja == "開催日時「月1回程度、ご相談ください」の「ご相談ください」を読めません。文章のまま表示します");
    CHECK(problems[0].en == "cannot read \"ご相談ください\" in the schedule; it is shown as written");

    problems.clear();
    parse_schedule("ご相談ください", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].ja == "開催日時「ご相談ください」を読めません。文章のまま表示します");

    problems.clear();
    parse_schedule("第2水曜日他\u300015時～17時", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].ja == "開催日時「第2水曜日他\u300015時～17時」の「他」を読めません。文章のまま表示します");

    // Quoted as written, full-width digits and all.
    problems.clear();
    parse_schedule("毎月第４または第５金曜日", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].en == "cannot read the schedule \"毎月第４または第５金曜日\"; it is shown as written");
}

TEST_CASE("schedule: empty text is an empty, understood schedule") {
    Diagnostics problems;
    Schedule s = parse_schedule("", problems);
    CHECK(s.understood);
    CHECK(s.rules.empty());
    CHECK(problems.empty());
    CHECK(format_schedule(s).empty());
}

TEST_CASE("schedule: hostile input does not hang or crash") {
    Diagnostics problems;
    for (std::string text : {std::string("((((("), std::string(")))"), std::string("\xff\xfe\x80"),
                             std::string("第第第第"), std::string("〜〜〜"), std::string(10000, '1'),
                             std::string("月月月月月1"), std::string("99:99〜"), std::string("第9土曜"),
                             std::string("毎月32日"), std::string("2026年13月から")}) {
        Schedule s = parse_schedule(text, problems);
        CHECK(s.text == text);
        (void)format_schedule(s);
    }
}

// Every distinct schedule text of the real CSV files must be a row of the table above.
namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& data) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (size_t i = 0; i < data.size(); ++i) {
        char c = data[i];
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') rows.back().back() += '"', ++i;
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else if (c != '\r') {
            rows.back().back() += c;
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("schedule table covers every schedule text of the real 子ども食堂 files") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(TSUNAGU_SHARED_DIR) / "data" / "kodomo-shokudo";
    if (!fs::exists(dir)) {
        MESSAGE("no " << dir << ": skipped");
        return;
    }
    std::set<std::string> inputs;
    for (const Row& row : table()) inputs.insert(row.input);
    std::set<std::string> wanted;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".csv") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        while (data.rfind("\xEF\xBB\xBF", 0) == 0) data.erase(0, 3);  // one or two BOMs
        auto rows = read_csv(data);
        if (rows.empty()) continue;
        ++files;
        const auto& header = rows[0];
        for (const char* column : {"開催曜日", "開催日", "開催日時特記事項"}) {
            auto it = std::find(header.begin(), header.end(), column);
            if (it == header.end()) continue;
            size_t col = static_cast<size_t>(it - header.begin());
            for (size_t r = 1; r < rows.size(); ++r)
                if (col < rows[r].size() && !rows[r][col].empty()) wanted.insert(rows[r][col]);
        }
    }
    CHECK(files == 6);
    CHECK(wanted.size() >= 70);
    int understood = 0;
    for (const std::string& text : wanted) {
        CAPTURE(text);
        CHECK(inputs.count(text) == 1);
        Diagnostics problems;
        understood += parse_schedule(text, problems).understood ? 1 : 0;
    }
    MESSAGE(understood << " of " << wanted.size() << " distinct CSV schedule texts are understood");
    CHECK(understood >= static_cast<int>(wanted.size()) - 5);
}
