// Shows a parsed schedule the way people read it: 毎月第2・第4土曜 10:00〜12:00（祝日は休み）.
// A schedule that was not understood is shown exactly as it was written.
#pragma once

#include <string>

#include "model/schedule.h"

namespace tsunagu {

// The schedule as display text. Groups of rules sharing the same times are joined with ・ and
// their times written once; different groups are separated by 、. Closures follow in （…）.
// Returns Schedule::text unchanged when understood is false.
std::string format_schedule(const Schedule& s);

// "10:00〜12:00", "8:30〜17:15", "10:00〜" (start only), "〜12:00" (end only), "" (neither).
std::string format_time_range(const TimeRange& t);

// One rule without its times: "毎週月・水・金曜", "毎月最終金曜", "月1回（土曜）", "" for
// days_unstated. Exposed for the iCalendar and list views.
std::string format_recurrence_days(const Recurrence& r);

}  // namespace tsunagu
