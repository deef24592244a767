// schema.org `Schedule` objects for an Event's eventSchedule (JSON-LD), from the schedule model.
#pragma once

#include <nlohmann/json.hpp>

#include "model/schedule.h"

namespace tsunagu {

// An array with one schema.org Schedule per rule and time range: repeatFrequency (P1D, P1W, P2W,
// P1M, P2M …), byDay (https://schema.org/Wednesday), byMonthWeek (1..5, -1 = last), byMonthDay
// (-1 = last day), byMonth (only when some months are left out), startTime/endTime ("10:00:00"),
// startDate/endDate from the validity period, exceptDate, scheduleTimezone Asia/Tokyo.
//
// Empty when the schedule was not understood, and for rules schema.org cannot state without
// inventing dates: irregular ones, times without days, and anything held only in school breaks.
// Holiday and year-end closures have no fixed dates and are left out (the page text says them).
nlohmann::json schedule_to_schema_org(const Schedule& s);

}  // namespace tsunagu
