// Calendar dates as plain values. Records store ISO dates; 和暦 is accepted on input (text/wareki.h)
// and shown on output. day == 0 means a month-precision date such as "2012-10"; month == 0 too
// means a year-precision date such as 平成26年.
#pragma once

#include <string>

namespace tsunagu {

struct Date {
    int year = 0;
    int month = 0;  // 1..12, 0 = unknown
    int day = 0;    // 1..31, 0 = month precision

    bool empty() const { return year == 0; }
    friend auto operator<=>(const Date&, const Date&) = default;
};

// "2024-04-01" or "2012-10" (month precision). Returns an empty Date when the text is not ISO.
Date parse_iso_date(const std::string& text);
// "2024-04-01" / "2012-10" / "2014"; empty string for an empty date.
std::string to_iso(const Date& d);
// "2024年4月1日" / "2012年10月"
std::string to_japanese(const Date& d);

bool is_valid_date(const Date& d);
int days_in_month(int year, int month);
// 0 = Sunday … 6 = Saturday (same as JavaScript's Date.getDay()).
int day_of_week(const Date& d);
// Days since 1970-01-01 (proleptic Gregorian) and back.
long days_from_civil(const Date& d);
Date civil_from_days(long days);
Date add_days(const Date& d, long n);

// Japanese fiscal year (年度, April–March) a date falls in: 2025-03-31 → 2024.
int fiscal_year_of(const Date& d);

}  // namespace tsunagu
