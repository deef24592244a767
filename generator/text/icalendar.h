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
// re-confirmed. extra_dates are RDATEs of the first rule's events (they take its times).
#pragma once

#include <string>

#include "model/records.h"

namespace tsunagu {

// A complete VCALENDAR with CRLF line endings, lines folded at 75 octets.
// `url` is the activity's page; `prodid_host` names the site (PRODID and UID domain).
std::string activity_icalendar(const Activity& a, const std::string& url,
                               const std::string& prodid_host);

// TEXT value escaping (RFC 5545 §3.3.11): \ ; , and newlines (CR LF, LF, CR → \n).
std::string ical_escape_text(const std::string& s);

// Folds one content line (no CRLF inside) at 75 octets, never inside a UTF-8 sequence, and
// appends it with its CRLF to `out` (§3.1).
void append_ical_line(std::string& out, const std::string& line);

}  // namespace tsunagu
