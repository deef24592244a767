// Japanese national holidays computed from 国民の祝日に関する法律 (and the one-off laws that made
// a day a holiday), so schedules can say "祝日は休み" without a downloaded list. Valid for
// 1980–2099: the equinox formula holds only for those years; outside them nothing is a holiday.
//
// 春分の日 and 秋分の日 are fixed each February in the 官報 for the next year; the formula
// reproduces every announced date so far, but a date far ahead is a prediction.
#pragma once

#include <string>

#include "model/date.h"

namespace tsunagu {

// True for a 国民の祝日, a 振替休日 (substitute holiday), a 国民の休日 (a day between two
// 祝日) and the special holidays set by separate laws (大喪の礼 1989, 即位の日 2019 …).
bool is_national_holiday(const Date& d);

// "元日", "成人の日" …, "振替休日", "国民の休日"; "" when the day is not a holiday.
std::string holiday_name(const Date& d);

}  // namespace tsunagu
