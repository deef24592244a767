// The build date: the "today" activity pages count their upcoming dates (開催予定) from and
// state as 「…時点」. It comes from outside the data, so a build can be repeated exactly:
// --today, else TSUNAGU_TODAY, else SOURCE_DATE_EPOCH (reproducible-builds.org), else the clock.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

#include "model/date.h"

namespace tsunagu {

// `cli_today` is --today ("" when not given; parse_cli has checked it). An environment value
// that is not a date is skipped. The clock and SOURCE_DATE_EPOCH give the date in Japan
// (UTC+9, no daylight saving), where the activities are, whatever TZ the machine has.
Date build_date(const std::string& cli_today);

// The date in Japan at `epoch_seconds` (seconds since 1970-01-01 UTC).
Date japan_date_at(long long epoch_seconds);

}  // namespace tsunagu
