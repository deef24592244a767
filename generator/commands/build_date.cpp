#include "commands/build_date.h"

#include <charconv>
#include <chrono>
#include <string_view>

namespace tsunagu {

namespace {

constexpr long long kJapanOffsetSeconds = 9 * 3600;

std::optional<Date> full_date_from(std::string_view text) {
    const Date d = parse_iso_date(std::string(text));
    if (d.day == 0 || !is_valid_date(d)) return std::nullopt;
    return d;
}

std::optional<long long> epoch_from(std::string_view text) {
    long long n = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || p != text.data() + text.size() || text.empty() || n < 0) return std::nullopt;
    return n;
}

}  // namespace

Date japan_date_at(long long epoch_seconds) {
    const long long local = epoch_seconds + kJapanOffsetSeconds;
    // Floor division: seconds before 1970 still land on the right day.
    long long days = local / 86400;
    if (local % 86400 < 0) --days;
    return civil_from_days(static_cast<long>(days));
}

Date build_date(const std::string& cli_today) {
    if (auto d = full_date_from(cli_today)) return *d;
    if (const char* env = std::getenv("TSUNAGU_TODAY"))
        if (auto d = full_date_from(env)) return *d;
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"))
        if (auto seconds = epoch_from(env)) return japan_date_at(*seconds);
    const auto now = std::chrono::system_clock::now();
    return japan_date_at(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

}  // namespace tsunagu
