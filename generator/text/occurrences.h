// The dates a schedule is held on: drives "open today / this week", 次回 and iCalendar. Dates are
// always passed in; nothing here reads the clock.
//
// Only what the schedule states is computed. Nothing comes out of a schedule that is not
// `understood`, nor of rules whose days are unknown: irregular, days_unstated, every_n_weeks
// without an anchor, and interval_months > 1 (2ヶ月に1回: which months is not stated). A
// schedule held only during school breaks (夏休み …) gives nothing either: their dates vary by
// school and year.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/schedule.h"

namespace tsunagu {

struct Occurrence {
    Date date;
    TimeRange time;  // empty (-1, -1) when the rule states no time
    friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

// Whether the schedule is held on `d`. Order of precedence: except_dates close; extra_dates
// open (even on a closed day or outside the validity window: a date written out is meant);
// then validity window, closed_months, 年末年始 (12/29–1/3), 祝日休み, and the rules (with each
// rule's months mask; rule.holidays also holds it on national holidays).
bool held_on(const Schedule& schedule, const Date& d);

// A date with a day (not month or year precision) that exists in the calendar.
bool full_date(const Date& d);
// Whether a rule names real dates: not irregular, not days-unstated, not every-n-weeks
// without an anchor, not every-few-months (which months is unknown).
bool recurrence_computable(const Recurrence& r);

// One occurrence per distinct time range per day, from..to inclusive, sorted by date then start
// time, at most `max`. A day matched by several rules gets the union of their times (a rule
// without times adds an untimed occurrence only when no matching rule states a time). Extra
// dates take the first rule's times.
std::vector<Occurrence> occurrences(const Schedule& schedule, const Date& from, const Date& to,
                                    size_t max = 100);

// The first occurrence on or after `from`, looking at most 400 days ahead.
std::optional<Occurrence> next_occurrence(const Schedule& schedule, const Date& from);

// "11月26日(水) 10:00〜"; "11月26日(水)" when no start time is stated.
std::string format_next(const Occurrence& occurrence);

}  // namespace tsunagu
