// Japanese national holidays against the Cabinet Office lists (内閣府「国民の祝日について」).
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "text/holidays.h"

using namespace tsunagu;

namespace {

using Expected = std::vector<std::pair<const char*, const char*>>;

// Every day of `year` is checked: the listed days carry their names, all others none.
void check_year(int year, const Expected& expected) {
    size_t found = 0;
    for (Date d{year, 1, 1}; d.year == year; d = add_days(d, 1)) {
        std::string name = holiday_name(d);
        std::string want;
        for (const auto& [iso, n] : expected)
            if (parse_iso_date(iso) == d) want = n;
        CAPTURE(to_iso(d));
        CHECK(name == want);
        CHECK(is_national_holiday(d) == !want.empty());
        if (!name.empty()) ++found;
    }
    CHECK(found == expected.size());
}

}  // namespace

TEST_CASE("holidays 2019: the accession year") {
    check_year(2019, {
        {"2019-01-01", "元日"}, {"2019-01-14", "成人の日"}, {"2019-02-11", "建国記念の日"},
        {"2019-03-21", "春分の日"}, {"2019-04-29", "昭和の日"}, {"2019-04-30", "国民の休日"},
        {"2019-05-01", "天皇の即位の日"}, {"2019-05-02", "国民の休日"}, {"2019-05-03", "憲法記念日"},
        {"2019-05-04", "みどりの日"}, {"2019-05-05", "こどもの日"}, {"2019-05-06", "振替休日"},
        {"2019-07-15", "海の日"}, {"2019-08-11", "山の日"}, {"2019-08-12", "振替休日"},
        {"2019-09-16", "敬老の日"}, {"2019-09-23", "秋分の日"}, {"2019-10-14", "体育の日"},
        {"2019-10-22", "即位礼正殿の儀"}, {"2019-11-03", "文化の日"}, {"2019-11-04", "振替休日"},
        {"2019-11-23", "勤労感謝の日"},
    });
}

TEST_CASE("holidays 2020: Olympic moves, no 体育の日 in October") {
    check_year(2020, {
        {"2020-01-01", "元日"}, {"2020-01-13", "成人の日"}, {"2020-02-11", "建国記念の日"},
        {"2020-02-23", "天皇誕生日"}, {"2020-02-24", "振替休日"}, {"2020-03-20", "春分の日"},
        {"2020-04-29", "昭和の日"}, {"2020-05-03", "憲法記念日"}, {"2020-05-04", "みどりの日"},
        {"2020-05-05", "こどもの日"}, {"2020-05-06", "振替休日"}, {"2020-07-23", "海の日"},
        {"2020-07-24", "スポーツの日"}, {"2020-08-10", "山の日"}, {"2020-09-21", "敬老の日"},
        {"2020-09-22", "秋分の日"}, {"2020-11-03", "文化の日"}, {"2020-11-23", "勤労感謝の日"},
    });
}

TEST_CASE("holidays 2024") {
    check_year(2024, {
        {"2024-01-01", "元日"}, {"2024-01-08", "成人の日"}, {"2024-02-11", "建国記念の日"},
        {"2024-02-12", "振替休日"}, {"2024-02-23", "天皇誕生日"}, {"2024-03-20", "春分の日"},
        {"2024-04-29", "昭和の日"}, {"2024-05-03", "憲法記念日"}, {"2024-05-04", "みどりの日"},
        {"2024-05-05", "こどもの日"}, {"2024-05-06", "振替休日"}, {"2024-07-15", "海の日"},
        {"2024-08-11", "山の日"}, {"2024-08-12", "振替休日"}, {"2024-09-16", "敬老の日"},
        {"2024-09-22", "秋分の日"}, {"2024-09-23", "振替休日"}, {"2024-10-14", "スポーツの日"},
        {"2024-11-03", "文化の日"}, {"2024-11-04", "振替休日"}, {"2024-11-23", "勤労感謝の日"},
    });
}

TEST_CASE("holidays 2025") {
    check_year(2025, {
        {"2025-01-01", "元日"}, {"2025-01-13", "成人の日"}, {"2025-02-11", "建国記念の日"},
        {"2025-02-23", "天皇誕生日"}, {"2025-02-24", "振替休日"}, {"2025-03-20", "春分の日"},
        {"2025-04-29", "昭和の日"}, {"2025-05-03", "憲法記念日"}, {"2025-05-04", "みどりの日"},
        {"2025-05-05", "こどもの日"}, {"2025-05-06", "振替休日"}, {"2025-07-21", "海の日"},
        {"2025-08-11", "山の日"}, {"2025-09-15", "敬老の日"}, {"2025-09-23", "秋分の日"},
        {"2025-10-13", "スポーツの日"}, {"2025-11-03", "文化の日"}, {"2025-11-23", "勤労感謝の日"},
        {"2025-11-24", "振替休日"},
    });
}

TEST_CASE("holidays 2026") {
    check_year(2026, {
        {"2026-01-01", "元日"}, {"2026-01-12", "成人の日"}, {"2026-02-11", "建国記念の日"},
        {"2026-02-23", "天皇誕生日"}, {"2026-03-20", "春分の日"}, {"2026-04-29", "昭和の日"},
        {"2026-05-03", "憲法記念日"}, {"2026-05-04", "みどりの日"}, {"2026-05-05", "こどもの日"},
        {"2026-05-06", "振替休日"}, {"2026-07-20", "海の日"}, {"2026-08-11", "山の日"},
        {"2026-09-21", "敬老の日"}, {"2026-09-22", "国民の休日"}, {"2026-09-23", "秋分の日"},
        {"2026-10-12", "スポーツの日"}, {"2026-11-03", "文化の日"}, {"2026-11-23", "勤労感謝の日"},
    });
}

TEST_CASE("holidays 2021 and 2027") {
    CHECK(holiday_name({2021, 7, 22}) == "海の日");
    CHECK(holiday_name({2021, 7, 23}) == "スポーツの日");
    CHECK(holiday_name({2021, 8, 8}) == "山の日");
    CHECK(holiday_name({2021, 8, 9}) == "振替休日");
    CHECK(holiday_name({2021, 7, 19}) == "");   // 3rd Monday, moved
    CHECK(holiday_name({2021, 10, 11}) == "");  // 2nd Monday, moved
    CHECK(holiday_name({2021, 8, 11}) == "");
    CHECK(holiday_name({2027, 1, 11}) == "成人の日");
    CHECK(holiday_name({2027, 3, 21}) == "春分の日");
    CHECK(holiday_name({2027, 3, 22}) == "振替休日");
    CHECK(holiday_name({2027, 7, 19}) == "海の日");
    CHECK(holiday_name({2027, 9, 20}) == "敬老の日");
    CHECK(holiday_name({2027, 9, 23}) == "秋分の日");
    CHECK(holiday_name({2027, 10, 11}) == "スポーツの日");
}

TEST_CASE("振替休日") {
    CHECK(holiday_name({2024, 2, 12}) == "振替休日");
    CHECK(holiday_name({2024, 5, 6}) == "振替休日");
    CHECK(holiday_name({2025, 2, 24}) == "振替休日");
    CHECK(holiday_name({2026, 5, 6}) == "振替休日");  // 5/3 on Sunday, 5/4 and 5/5 are 祝日
    CHECK(holiday_name({2009, 5, 6}) == "振替休日");
    // Before 2007 only the Monday: 2001-05-03 was a Thursday; 1998-05-03 a Sunday, 5/4 (Monday)
    // became the substitute rather than a 国民の休日.
    CHECK(holiday_name({1998, 5, 4}) == "振替休日");
    CHECK(holiday_name({1998, 5, 6}) == "");
    // A 祝日 on Saturday gives nothing.
    CHECK(holiday_name({2026, 11, 22}) == "");
    CHECK(holiday_name({2025, 5, 3}) == "憲法記念日");
}

TEST_CASE("国民の休日") {
    CHECK(holiday_name({2026, 9, 22}) == "国民の休日");
    CHECK(holiday_name({2015, 9, 22}) == "国民の休日");
    CHECK(holiday_name({2009, 9, 22}) == "国民の休日");
    CHECK(holiday_name({2032, 9, 21}) == "国民の休日");  // 敬老の日 9/20, 秋分の日 9/22
    CHECK(holiday_name({2000, 5, 4}) == "国民の休日");   // before みどりの日 moved to 5/4
    CHECK(holiday_name({1985, 5, 4}) == "");             // before the rule (1985-12-27)
    CHECK(holiday_name({1986, 5, 4}) == "");             // a Sunday
    CHECK(holiday_name({1988, 5, 4}) == "国民の休日");
    CHECK(holiday_name({2003, 5, 4}) == "");             // a Sunday: excluded before 2007
}

TEST_CASE("春分の日 and 秋分の日") {
    struct Row { int year, spring, autumn; };
    const Row rows[] = {
        {2000, 20, 23}, {2001, 20, 23}, {2002, 21, 23}, {2003, 21, 23}, {2004, 20, 23},
        {2008, 20, 23}, {2010, 21, 23}, {2012, 20, 22}, {2016, 20, 22}, {2019, 21, 23},
        {2020, 20, 22}, {2023, 21, 23}, {2024, 20, 22}, {2025, 20, 23}, {2026, 20, 23},
        {2028, 20, 22}, {2030, 20, 23},
    };
    for (const Row& r : rows) {
        CAPTURE(r.year);
        Date spring{r.year, 3, r.spring}, autumn{r.year, 9, r.autumn};
        CHECK(holiday_name(spring) == "春分の日");
        CHECK(holiday_name(autumn) == "秋分の日");
        CHECK(holiday_name(add_days(spring, -1)).empty());
    }
}

TEST_CASE("history of the moving and renamed days") {
    CHECK(holiday_name({1999, 1, 15}) == "成人の日");
    CHECK(holiday_name({2000, 1, 10}) == "成人の日");
    CHECK(holiday_name({2000, 1, 15}) == "");
    CHECK(holiday_name({1988, 4, 29}) == "天皇誕生日");
    CHECK(holiday_name({1989, 4, 29}) == "みどりの日");
    CHECK(holiday_name({2007, 4, 29}) == "昭和の日");
    CHECK(holiday_name({2007, 5, 4}) == "みどりの日");
    CHECK(holiday_name({2018, 12, 23}) == "天皇誕生日");
    CHECK(holiday_name({2019, 12, 23}) == "");
    CHECK(holiday_name({2019, 2, 23}) == "");
    CHECK(holiday_name({1995, 7, 20}) == "");
    CHECK(holiday_name({1996, 7, 20}) == "海の日");
    CHECK(holiday_name({2002, 9, 15}) == "敬老の日");
    CHECK(holiday_name({1999, 10, 10}) == "体育の日");
    CHECK(holiday_name({2015, 8, 11}) == "");
    CHECK(holiday_name({2016, 8, 11}) == "山の日");
    CHECK(holiday_name({1989, 2, 24}) == "昭和天皇の大喪の礼");
    CHECK(holiday_name({1990, 11, 12}) == "即位礼正殿の儀");
    CHECK(holiday_name({1993, 6, 9}) == "皇太子徳仁親王の結婚の儀");
}

TEST_CASE("ordinary days and out of range") {
    CHECK_FALSE(is_national_holiday({2026, 11, 24}));
    CHECK_FALSE(is_national_holiday({2026, 12, 23}));
    CHECK_FALSE(is_national_holiday({2026, 12, 31}));  // 年末 is not a national holiday
    CHECK_FALSE(is_national_holiday({2026, 1, 2}));
    CHECK_FALSE(is_national_holiday({2026, 6, 15}));
    CHECK_FALSE(is_national_holiday({2026, 5, 7}));
    CHECK_FALSE(is_national_holiday({1979, 1, 1}));
    CHECK_FALSE(is_national_holiday({2100, 1, 1}));
    CHECK_FALSE(is_national_holiday({2026, 1, 0}));
    CHECK_FALSE(is_national_holiday({}));
    CHECK(is_national_holiday({2099, 1, 1}));
}

TEST_CASE("every year of the range has a plausible number of holidays") {
    for (int year = 1980; year <= 2099; ++year) {
        int count = 0;
        for (Date d{year, 1, 1}; d.year == year; d = add_days(d, 1))
            if (is_national_holiday(d)) ++count;
        CAPTURE(year);
        CHECK(count >= 12);
        CHECK(count <= 22);
    }
}
