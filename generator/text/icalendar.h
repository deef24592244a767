// RFC 5545 iCalendar for one activity's schedule, so people can subscribe to 毎月第2土曜 in the
// calendar app they already use. Everything is derived from the record: no clock, no random
// UIDs, so regenerating the site gives byte-identical files.
//
// One VEVENT per (rule × time range) of an understood schedule whose days can be computed
// (see text/occurrences.h: irregular, days_unstated, every_n_weeks without anchor,
// interval_months > 1 and school-break-only schedules give none; the calendar is still valid).
//
// DTSTART is the rule's first date on or after the start day: valid_from when set, else the
// later of meta.as_of and meta.last_confirmed, else start_date, else 2026-01-01 (month/year
// precision dates are read as their first day). Closures that RRULE cannot express (祝日休み,
// 年末年始, closed months, except_dates) become EXDATEs and holidays a 土日祝 rule adds become
// RDATEs, computed with occurrences() over a bounded window of two years from DTSTART: after
// that window the feed shows the plain rule, so it should be regenerated when the record is
// re-confirmed. extra_dates are RDATEs of the first rule's events (they take its times); when
// the first rule gives no event (不定期 with the dates listed), they make events of their own.
#pragma once

#include <cstddef>
#include <string>

#include "model/records.h"

namespace tsunagu {

// A complete VCALENDAR with CRLF line endings, lines folded at 75 octets.
// `url` is the activity's page; `prodid_host` names the site (PRODID and UID domain).
std::string activity_icalendar(const Activity& a, const std::string& url,
                               const std::string& prodid_host);

// The pieces activity_icalendar is made of, so one calendar can hold the events of many
// activities (an area's feed). A VEVENT's UID depends only on the activity and its rule, so the
// same event has the same UID in every feed it appears in.
//
// BEGIN:VCALENDAR, VERSION, PRODID, CALSCALE, the calendar's display name (NAME and
// X-WR-CALNAME, when `name` is not empty) and the Asia/Tokyo VTIMEZONE the events refer to.
void append_calendar_begin(std::string& out, const std::string& prodid_host, const std::string& name = "");
void append_calendar_end(std::string& out);
// Appends the activity's VEVENTs (possibly none); returns how many. An empty `url` leaves out URL.
size_t append_activity_events(std::string& out, const Activity& a, const std::string& url,
                              const std::string& uid_host);
// Whether append_activity_events writes at least one VEVENT, without computing the closures
// (cheap enough to ask for every page that might link a feed).
bool activity_has_events(const Activity& a);

// TEXT value escaping (RFC 5545 §3.3.11): \ ; , and newlines (CR LF, LF, CR → \n).
std::string ical_escape_text(const std::string& s);

// Folds one content line (no CRLF inside) at 75 octets, never inside a UTF-8 sequence, and
// appends it with its CRLF to `out` (§3.1).
void append_ical_line(std::string& out, const std::string& line);

}  // namespace tsunagu
