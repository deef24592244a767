// iCalendar feeds (RFC 5545) people can subscribe to in the calendar app they already use:
// activities/ID.ics for one activity, areas/ID.ics for every activity in an area and the areas
// inside it. The planner is plan_calendar_files (page_plan.h); pages ask here whether to link one.
#pragma once

#include <string>
#include <string_view>

#include "model/records.h"

namespace tsunagu {

std::string activity_calendar_path(std::string_view id);  // activities/ID.ics
std::string area_calendar_path(std::string_view id);      // areas/ID.ics

// Whether activities/ID.ics is written: the activity is not 休止中 or 終了 (a stopped activity
// must not keep appearing in people's calendars) and its schedule gives at least one event.
bool activity_has_calendar(const Activity& a);

}  // namespace tsunagu
