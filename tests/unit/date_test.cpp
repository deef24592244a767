#include <doctest/doctest.h>

#include "model/date.h"

using namespace tsunagu;

TEST_CASE("ISO dates") {
    CHECK(parse_iso_date("2026-10-01") == Date{2026, 10, 1});
    CHECK(parse_iso_date("2012-10") == Date{2012, 10, 0});
    CHECK(parse_iso_date("2026-02-29").empty());
    CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
    CHECK(parse_iso_date("2026-13-01").empty());
    CHECK(parse_iso_date("26-10-01").empty());
    CHECK(to_iso(Date{2012, 10, 0}) == "2012-10");
    CHECK(to_iso(Date{2026, 1, 5}) == "2026-01-05");
    CHECK(to_iso(Date{2014, 0, 0}) == "2014");
    CHECK(to_japanese(Date{2014, 0, 0}) == "2014年");
    CHECK(is_valid_date(Date{2014, 0, 0}));
    CHECK_FALSE(is_valid_date(Date{2014, 0, 3}));
    CHECK(parse_iso_date("2014-00").empty());
}

TEST_CASE("weekdays and day arithmetic") {
    CHECK(day_of_week(Date{2026, 11, 23}) == 1);  // Monday
    CHECK(day_of_week(Date{1970, 1, 1}) == 4);    // Thursday
    CHECK(day_of_week(Date{2000, 2, 29}) == 2);
    CHECK(add_days(Date{2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(add_days(Date{2024, 3, 1}, -1) == Date{2024, 2, 29});
    CHECK(days_from_civil(civil_from_days(20000)) == 20000);
}

TEST_CASE("fiscal years run April to March") {
    CHECK(fiscal_year_of(Date{2025, 3, 31}) == 2024);
    CHECK(fiscal_year_of(Date{2025, 4, 1}) == 2025);
}
