// Dates as Japanese documents write them: ISO, 2024年4月1日, and 和暦 (明治 onward), plus
// fiscal years (年度, April–March). Era boundaries are exact to the day: 平成31年4月30日 is a
// date, 平成31年5月1日 is not (it was 令和元年5月1日), because donors' reports must be exact.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"

namespace tsunagu {

// Accepts 2024-04-01, 2024-04, 2024/4/1, 2024.4.1, 2024年4月1日, 2024年4月, 2024年, full-width
// digits, 令和6年4月1日, 令和元年5月1日, 令和六年四月一日, 平成26年, H26.4.1, R6/4/1, ㍻26年,
// and a trailing weekday such as （月） that must match the date.
// Precision follows the text: day == 0 for a month, month == 0 and day == 0 for a year alone.
std::optional<Date> parse_date_text(std::string_view text);

// 令和6年度, R6年度, H30年度, 令和元年度, 2024年度, FY2024, 2024年度（令和6年度） → 2024.
// An era fiscal year must overlap the era: 平成31年度 and 令和元年度 are 2019, 平成32年度 is rejected.
std::optional<int> parse_fiscal_year(std::string_view text);

// 令和6年4月1日 / 令和元年5月 / 平成26年 (元年 for year 1). The era is the one in effect on the
// first day the date covers (2019-04 → 平成31年4月). Dates before 明治 come back as 西暦.
std::string to_wareki(const Date& d);

// 2024年度（令和6年度）; the era is the latest one begun by that year (2019 → 令和元年度).
std::string fiscal_year_label(int fiscal_year);

// 2026年10月1日 / 2012年10月 / 2014年; empty for an empty date.
std::string format_date_ja(const Date& d);

}  // namespace tsunagu
