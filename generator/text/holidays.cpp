#include "text/holidays.h"

namespace tsunagu {

namespace {

constexpr int kFirstYear = 1980;
constexpr int kLastYear = 2099;

bool in_range(const Date& d) {
    return d.year >= kFirstYear && d.year <= kLastYear && is_valid_date(d) && d.day > 0;
}

// Day of the month of the nth Monday (n = 1..5) of year/month.
int nth_monday(int year, int month, int n) {
    int first_dow = day_of_week(Date{year, month, 1});
    int first_monday = 1 + (8 - first_dow) % 7;
    return first_monday + 7 * (n - 1);
}

bool is_nth_monday(const Date& d, int n) { return d.day == nth_monday(d.year, d.month, n); }

// The 新こよみ便利帳 approximation, valid 1980–2099.
int vernal_equinox_day(int year) {
    int y = year - 1980;
    return static_cast<int>(20.8431 + 0.242194 * y - y / 4);
}
int autumnal_equinox_day(int year) {
    int y = year - 1980;
    return static_cast<int>(23.2488 + 0.242194 * y - y / 4);
}

// A 国民の祝日 proper (or a day the special laws treat as one), without 振替休日 / 国民の休日.
const char* statutory_name(const Date& d) {
    const int y = d.year, m = d.month, day = d.day;
    switch (m) {
    case 1:
        if (day == 1) return "元日";
        if (y < 2000 ? day == 15 : is_nth_monday(d, 2)) return "成人の日";
        break;
    case 2:
        if (day == 11) return "建国記念の日";
        if (y >= 2020 && day == 23) return "天皇誕生日";
        if (y == 1989 && day == 24) return "昭和天皇の大喪の礼";
        break;
    case 3:
        if (day == vernal_equinox_day(y)) return "春分の日";
        break;
    case 4:
        if (day == 29) {
            if (y <= 1988) return "天皇誕生日";
            if (y <= 2006) return "みどりの日";
            return "昭和の日";
        }
        break;
    case 5:
        if (y == 2019 && day == 1) return "天皇の即位の日";
        if (day == 3) return "憲法記念日";
        if (y >= 2007 && day == 4) return "みどりの日";
        if (day == 5) return "こどもの日";
        break;
    case 6:
        if (y == 1993 && day == 9) return "皇太子徳仁親王の結婚の儀";
        break;
    case 7:
        // Olympic years moved 海の日 and スポーツの日 next to the opening ceremony.
        if (y == 2020) {
            if (day == 23) return "海の日";
            if (day == 24) return "スポーツの日";
        } else if (y == 2021) {
            if (day == 22) return "海の日";
            if (day == 23) return "スポーツの日";
        } else if (y >= 2003) {
            if (is_nth_monday(d, 3)) return "海の日";
        } else if (y >= 1996 && day == 20) {
            return "海の日";
        }
        break;
    case 8:
        if (y == 2020) {
            if (day == 10) return "山の日";
        } else if (y == 2021) {
            if (day == 8) return "山の日";
        } else if (y >= 2016 && day == 11) {
            return "山の日";
        }
        break;
    case 9:
        if (y >= 2003 ? is_nth_monday(d, 3) : day == 15) return "敬老の日";
        if (day == autumnal_equinox_day(y)) return "秋分の日";
        break;
    case 10:
        if (y == 2020 || y == 2021) break;  // moved to July
        if (y >= 2020) {
            if (is_nth_monday(d, 2)) return "スポーツの日";
        } else if (y >= 2000) {
            if (is_nth_monday(d, 2)) return "体育の日";
        } else if (day == 10) {
            return "体育の日";
        }
        if (y == 2019 && day == 22) return "即位礼正殿の儀";
        break;
    case 11:
        if (day == 3) return "文化の日";
        if (day == 23) return "勤労感謝の日";
        if (y == 1990 && day == 12) return "即位礼正殿の儀";
        break;
    case 12:
        if (y >= 1989 && y <= 2018 && day == 23) return "天皇誕生日";
        break;
    default:
        break;
    }
    return nullptr;
}

bool statutory(const Date& d) { return in_range(d) && statutory_name(d) != nullptr; }

// 振替休日. 1973-04-12 to 2006: the Monday after a 祝日 on Sunday. From 2007: the first day
// after a Sunday 祝日 that is not itself a 祝日 (so 5/6 when 5/3 or 5/4 is a Sunday).
bool is_substitute(const Date& d) {
    if (d.year < 2007) {
        Date prev = add_days(d, -1);
        return day_of_week(prev) == 0 && statutory(prev);
    }
    for (long k = 1; k <= 7; ++k) {
        Date prev = add_days(d, -k);
        if (!statutory(prev)) return false;
        if (day_of_week(prev) == 0) return true;
    }
    return false;
}

// 国民の休日 (from 1985-12-27): a day whose previous and next days are both 祝日. Until 2006 the
// law excluded Sundays and 振替休日 (it applied only to 5/4 in practice).
bool is_sandwiched(const Date& d) {
    if (d < Date{1985, 12, 27}) return false;
    if (d.year < 2007 && day_of_week(d) == 0) return false;
    return statutory(add_days(d, -1)) && statutory(add_days(d, 1));
}

}  // namespace

std::string holiday_name(const Date& d) {
    if (!in_range(d)) return "";
    if (const char* name = statutory_name(d)) return name;
    if (is_substitute(d)) return "振替休日";
    if (is_sandwiched(d)) return "国民の休日";
    return "";
}

bool is_national_holiday(const Date& d) { return !holiday_name(d).empty(); }

}  // namespace tsunagu
