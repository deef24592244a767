#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "text/wareki.h"

using namespace tsunagu;

namespace {

std::string parsed(const char* text) {
    const auto d = parse_date_text(text);
    if (!d) return "none";
    if (d->month == 0) return std::to_string(d->year);
    return to_iso(*d);
}

}  // namespace

TEST_CASE("parse_date_text: 西暦 forms") {
    struct { const char* in; const char* out; } cases[] = {
        {"2024-04-01", "2024-04-01"},
        {"2024-04", "2024-04"},
        {"2024/4/1", "2024-04-01"},
        {"2024/04/01", "2024-04-01"},
        {"2024.4.1", "2024-04-01"},
        {"2024-4-1", "2024-04-01"},
        {"2024年4月1日", "2024-04-01"},
        {"2024年4月", "2024-04"},
        {"2024年", "2024"},
        {"２０２４年４月１日", "2024-04-01"},
        {"２０２４－０４－０１", "2024-04-01"},
        {" 2024年 4月 1日 ", "2024-04-01"},
        {"二〇二四年四月一日", "2024-04-01"},
        {"2024年4月1日（月）", "2024-04-01"},
        {"2024年4月1日(月曜日)", "2024-04-01"},
        {"2024/2/29", "2024-02-29"},
        {"2024年12月31日", "2024-12-31"},
    };
    for (auto& c : cases) CHECK_MESSAGE(parsed(c.in) == std::string(c.out), std::string(c.in));
}

TEST_CASE("parse_date_text: 和暦 forms") {
    struct { const char* in; const char* out; } cases[] = {
        {"令和6年4月1日", "2024-04-01"},
        {"令和元年5月1日", "2019-05-01"},
        {"令和1年5月1日", "2019-05-01"},
        {"令和６年４月", "2024-04"},
        {"令和六年四月一日", "2024-04-01"},
        {"令和6年12月31日", "2024-12-31"},
        {"平成26年", "2014"},
        {"平成26年4月1日", "2014-04-01"},
        {"H26.4.1", "2014-04-01"},
        {"h26.4.1", "2014-04-01"},
        {"Ｈ２６．４．１", "2014-04-01"},
        {"R6.4.1", "2024-04-01"},
        {"R6/4/1", "2024-04-01"},
        {"R06.04.01", "2024-04-01"},
        {"R6年4月1日", "2024-04-01"},
        {"㍻26年4月1日", "2014-04-01"},
        {"昭和47年4月", "1972-04"},
        {"S47.4", "1972-04"},
        {"昭和四十七年", "1972"},
        {"大正12年9月1日", "1923-09-01"},
        {"明治33年", "1900"},
        {"令和6年4月1日（月）", "2024-04-01"},
    };
    for (auto& c : cases) CHECK_MESSAGE(parsed(c.in) == std::string(c.out), std::string(c.in));
}

TEST_CASE("parse_date_text: era boundaries are exact to the day") {
    struct { const char* in; const char* out; } cases[] = {
        // 平成 → 令和 on 2019-05-01
        {"平成31年4月30日", "2019-04-30"},
        {"平成31年5月1日", "none"},
        {"平成31年4月", "2019-04"},
        {"平成31年5月", "none"},
        {"平成31年", "2019"},
        {"平成32年", "none"},
        {"平成32年1月1日", "none"},
        {"令和元年5月1日", "2019-05-01"},
        {"令和元年4月30日", "none"},
        {"令和元年4月", "none"},
        {"令和元年", "2019"},
        {"R1.5.1", "2019-05-01"},
        {"R1.4.30", "none"},
        {"H31.4.30", "2019-04-30"},
        // 昭和 → 平成 on 1989-01-08
        {"昭和64年1月7日", "1989-01-07"},
        {"昭和64年1月8日", "none"},
        {"昭和64年1月", "1989-01"},
        {"昭和64年2月", "none"},
        {"昭和65年", "none"},
        {"平成元年1月8日", "1989-01-08"},
        {"平成元年1月7日", "none"},
        {"平成元年1月", "1989-01"},
        // 大正 → 昭和 on 1926-12-25
        {"大正15年12月24日", "1926-12-24"},
        {"大正15年12月25日", "none"},
        {"昭和元年12月25日", "1926-12-25"},
        {"昭和元年12月24日", "none"},
        {"昭和元年11月", "none"},
        // 明治 → 大正 on 1912-07-30
        {"明治45年7月29日", "1912-07-29"},
        {"明治45年7月30日", "none"},
        {"大正元年7月30日", "1912-07-30"},
        {"大正元年7月29日", "none"},
        // 明治 begins 1868-01-25
        {"明治元年1月25日", "1868-01-25"},
        {"明治元年1月24日", "none"},
        {"明治元年", "1868"},
    };
    for (auto& c : cases) CHECK_MESSAGE(parsed(c.in) == std::string(c.out), std::string(c.in));
}

TEST_CASE("parse_date_text: rejects what is not a date") {
    const char* bad[] = {
        "", "2024", "R6", "令和", "令和0年", "令和6年度", "2024年度", "2024-13-01", "2024-02-30",
        "2023/2/29", "2024/4-1", "24/4/1", "2024年4月1日（火）", "2024年4月（月）", "2024年4月1日ごろ",
        "令和6年4月1", "来年の春", "2024-04-01T10:00", "\xFF\xFE", "X6.4.1", "令和6年13月",
        "平成26年4月31日", "abc",
    };
    for (const char* s : bad) CHECK_MESSAGE(parsed(s) == std::string("none"), std::string(s));
    CHECK_FALSE(parse_date_text(std::string("2024-04-01\0", 11)));
}

TEST_CASE("parse_fiscal_year") {
    struct { const char* in; int fy; } ok[] = {
        {"令和6年度", 2024}, {"R6年度", 2024}, {"r6年度", 2024}, {"H30年度", 2018}, {"平成30年度", 2018},
        {"令和元年度", 2019}, {"平成31年度", 2019}, {"2024年度", 2024}, {"FY2024", 2024}, {"fy 2024", 2024},
        {"２０２４年度", 2024}, {"令和６年度", 2024}, {"昭和63年度", 1988}, {"平成元年度", 1989},
        {"2024年度（令和6年度）", 2024}, {"2019年度(令和元年度)", 2019}, {"令和六年度", 2024},
        {"大正元年度", 1912}, {"明治45年度", 1912},
    };
    for (auto& c : ok) {
        const auto fy = parse_fiscal_year(c.in);
        CHECK_MESSAGE(fy.has_value(), std::string(c.in));
        if (fy) CHECK_MESSAGE(*fy == c.fy, std::string(c.in));
    }
    const char* bad[] = {"", "令和6年", "2024", "FY24", "平成32年度", "昭和64年度", "令和0年度",
                         "2024年度（令和5年度）", "2024年度（", "R6", "2024年4月1日", "年度"};
    for (const char* s : bad) CHECK_FALSE_MESSAGE(parse_fiscal_year(s).has_value(), std::string(s));
}

TEST_CASE("to_wareki") {
    struct { Date d; const char* out; } cases[] = {
        {{2024, 4, 1}, "令和6年4月1日"},
        {{2019, 5, 1}, "令和元年5月1日"},
        {{2019, 4, 30}, "平成31年4月30日"},
        {{2019, 4, 0}, "平成31年4月"},
        {{2019, 5, 0}, "令和元年5月"},
        {{1989, 1, 7}, "昭和64年1月7日"},
        {{1989, 1, 8}, "平成元年1月8日"},
        {{1926, 12, 25}, "昭和元年12月25日"},
        {{1912, 7, 30}, "大正元年7月30日"},
        {{1972, 4, 0}, "昭和47年4月"},
        {{2014, 0, 0}, "平成26年"},
        {{1868, 1, 25}, "明治元年1月25日"},
        {{1868, 1, 24}, "1868年1月24日"},
        {{1800, 1, 1}, "1800年1月1日"},
        {{}, ""},
    };
    for (auto& c : cases) CHECK(to_wareki(c.d) == c.out);
}

TEST_CASE("wareki round trip over era boundaries") {
    // Every day from 1988-12-25 to 1989-01-15 and 2019-04-20 to 2019-05-10 survives
    // to_wareki → parse_date_text.
    for (Date start : {Date{1988, 12, 25}, Date{2019, 4, 20}, Date{1926, 12, 20}, Date{1912, 7, 25}}) {
        for (int i = 0; i < 21; ++i) {
            const Date d = add_days(start, i);
            const auto back = parse_date_text(to_wareki(d));
            REQUIRE_MESSAGE(back.has_value(), to_wareki(d));
            CHECK(*back == d);
        }
    }
}

TEST_CASE("fiscal_year_label and format_date_ja") {
    CHECK(fiscal_year_label(2024) == "2024年度（令和6年度）");
    CHECK(fiscal_year_label(2019) == "2019年度（令和元年度）");
    CHECK(fiscal_year_label(2018) == "2018年度（平成30年度）");
    CHECK(fiscal_year_label(1989) == "1989年度（平成元年度）");
    CHECK(fiscal_year_label(1988) == "1988年度（昭和63年度）");
    CHECK(fiscal_year_label(1800) == "1800年度");
    CHECK(parse_fiscal_year(fiscal_year_label(2024)) == 2024);
    CHECK(format_date_ja({2026, 10, 1}) == "2026年10月1日");
    CHECK(format_date_ja({2012, 10, 0}) == "2012年10月");
    CHECK(format_date_ja({2014, 0, 0}) == "2014年");
    CHECK(format_date_ja({}) == "");
}
