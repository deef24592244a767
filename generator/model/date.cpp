#include "model/date.h"

#include <cstdio>

namespace tsunagu {

static bool all_digits(const std::string& s, size_t from, size_t len) {
    if (from + len > s.size()) return false;
    for (size_t i = from; i < from + len; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

Date parse_iso_date(const std::string& t) {
    Date d;
    if (t.size() == 10 && all_digits(t, 0, 4) && t[4] == '-' && all_digits(t, 5, 2) && t[7] == '-' && all_digits(t, 8, 2)) {
        d = Date{std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2))};
    } else if (t.size() == 7 && all_digits(t, 0, 4) && t[4] == '-' && all_digits(t, 5, 2)) {
        d = Date{std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), 0};
        if (d.month == 0) return Date{};
    } else {
        return Date{};
    }
    return is_valid_date(d) ? d : Date{};
}

std::string to_iso(const Date& d) {
    if (d.empty()) return {};
    char buf[32];
    if (d.month == 0)
        std::snprintf(buf, sizeof buf, "%04d", d.year);
    else if (d.day == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string to_japanese(const Date& d) {
    if (d.empty()) return {};
    std::string s = std::to_string(d.year) + "年";
    if (d.month == 0) return s;
    s += std::to_string(d.month) + "月";
    if (d.day) s += std::to_string(d.day) + "日";
    return s;
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool is_valid_date(const Date& d) {
    if (d.year < 1 || d.year > 9999 || d.month < 0 || d.month > 12) return false;
    if (d.month == 0) return d.day == 0;  // year precision: 平成26年
    return d.day == 0 || (d.day >= 1 && d.day <= days_in_month(d.year, d.month));
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(const Date& dt) {
    long y = dt.year;
    const long m = dt.month, d = dt.day ? dt.day : 1;
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int day_of_week(const Date& d) {
    const long z = days_from_civil(d);
    return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

Date add_days(const Date& d, long n) { return civil_from_days(days_from_civil(d) + n); }

int fiscal_year_of(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }

}  // namespace tsunagu
