// A schedule as compact JSON for the browser: the occurrence engine of
// themes/default/assets/js/schedule.js reads it to compute 次回, 今日開催 and 今週開催 from the
// visitor's today, because a static page's dates go stale. The search index embeds it once per
// activity and activity pages carry it in data-schedule, so it is small: short keys, defaults
// left out, only what held_on (text/occurrences.h) looks at.
//
// Format (every key optional unless marked):
//
//   {
//     "r":  [rule, …]        the computable rules, in the schedule's order (required; may be [])
//     "f":  "YYYY-MM-DD"     valid from (month/year precision already widened to the first day)
//     "u":  "YYYY-MM-DD"     valid until (widened to the last day)
//     "hc": 1                closed on national holidays (祝日休み)
//     "ye": 1                closed 12/29–1/3 (年末年始休み)
//     "cm": 2048             closed months, bit (m-1) = month m (8月は休み → 128)
//     "x":  ["YYYY-MM-DD"]   closed dates (win over everything)
//     "e":  ["YYYY-MM-DD"]   extra dates (open even on a closed day or outside f–u)
//     "et": [[s, e], …]      times of the extra dates, only when the schedule's first rule is not
//                            computable (else they are r[0].t, as in held_on)
//   }
//   rule = {
//     "k": "w" | "n" | "d" | "e" | "a"   weekly, monthly nth weekday, monthly day, every n weeks,
//                                        daily (required)
//     "w": 42      weekdays, bit 0 = Sunday … bit 6 = Saturday (平日 = 62)
//     "n": [2, -1] nth weekdays of the month, -1 = last (k "n")
//     "d": [15,-1] days of the month, -1 = last day (k "d")
//     "i": 2       interval in weeks (k "e"), with
//     "a": "YYYY-MM-DD"  a date it is held on (k "e"; weeks start on Monday)
//     "m": 4095    only in these months, bit (m-1)
//     "h": 1       also held on national holidays (土日祝)
//     "t": [[600, 720], [780, -1]]  start and end in minutes since midnight, -1 = not stated;
//                  absent = no time stated
//   }
//
// Example: 毎月第2・第4水曜 10:00〜12:00（祝日は休み） →
//   {"hc":1,"r":[{"k":"n","n":[2,4],"t":[[600,720]],"w":8}]}   (keys come out sorted)
//
// Rules that name no dates (不定期, 月1回, days unstated, 隔週 without an anchor, 2ヶ月に1回) are
// left out. A schedule that is not understood, is held only in school breaks (夏休み …), or has
// no computable rule and no extra date gives null: callers then omit the key, and a page shows
// only the schedule text.
#pragma once

#include <nlohmann/json.hpp>

#include "model/schedule.h"

namespace tsunagu {

// The encoding above; nullptr when nothing is computable.
nlohmann::json schedule_json(const Schedule& schedule);

// The encoding read back into a Schedule (text empty, understood true), for tests and tools:
// held_on gives the same answers on it as on the schedule it was made from. Unknown keys are
// ignored; a malformed value leaves that field at its default.
Schedule schedule_from_json(const nlohmann::json& j);

}  // namespace tsunagu
