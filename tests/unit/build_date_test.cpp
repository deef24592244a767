// The build date activity pages count 開催予定 from: --today, TSUNAGU_TODAY, SOURCE_DATE_EPOCH,
// the clock — always the date in Japan.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "commands/build_date.h"
#include "commands/cli.h"

using namespace tsunagu;

namespace {

// Sets an environment variable for one scope and puts the old value back.
struct EnvVar {
    std::string name;
    std::optional<std::string> old;
    EnvVar(const char* n, const char* value) : name(n) {
        if (const char* v = std::getenv(n)) old = v;
        if (value) setenv(n, value, 1);
        else unsetenv(n);
    }
    ~EnvVar() {
        if (old) setenv(name.c_str(), old->c_str(), 1);
        else unsetenv(name.c_str());
    }
};

}  // namespace

TEST_CASE("japan_date_at: UTC+9 whatever the machine's zone") {
    CHECK(japan_date_at(0) == Date{1970, 1, 1});
    CHECK(japan_date_at(15 * 3600 - 1) == Date{1970, 1, 1});
    CHECK(japan_date_at(15 * 3600) == Date{1970, 1, 2});
    // 2026-12-31T15:00:00Z is New Year's Day in Japan.
    CHECK(japan_date_at(1798729200) == Date{2027, 1, 1});
    CHECK(japan_date_at(1798729199) == Date{2026, 12, 31});
}

TEST_CASE("build_date: --today, then TSUNAGU_TODAY, then SOURCE_DATE_EPOCH, then the clock") {
    EnvVar today("TSUNAGU_TODAY", "2026-12-24");
    EnvVar epoch("SOURCE_DATE_EPOCH", "1798729200");
    CHECK(build_date("2026-11-23") == Date{2026, 11, 23});
    CHECK(build_date("") == Date{2026, 12, 24});
    {
        EnvVar bad("TSUNAGU_TODAY", "tomorrow");  // not a date: skipped
        CHECK(build_date("") == Date{2027, 1, 1});
    }
    {
        EnvVar none("TSUNAGU_TODAY", nullptr);
        CHECK(build_date("") == Date{2027, 1, 1});
        EnvVar bad_epoch("SOURCE_DATE_EPOCH", "12x");
        const Date clock = build_date("");
        CHECK(clock.year >= 2024);
        CHECK(clock.day > 0);
    }
}

TEST_CASE("--today is a full date, for build and serve") {
    std::string error;
    auto o = parse_cli({"build", "--today", "2026-11-23"}, error);
    REQUIRE(o);
    CHECK(o->today == "2026-11-23");
    CHECK(parse_cli({"serve", "--today", "2028-02-29"}, error));
    CHECK_FALSE(parse_cli({"build", "--today", "2027-02-29"}, error));
    CHECK(error.find("--today") != std::string::npos);
    CHECK_FALSE(parse_cli({"build", "--today", "2026-11"}, error));
    CHECK_FALSE(parse_cli({"build", "--today"}, error));
    CHECK_FALSE(parse_cli({"check", "--today", "2026-11-23"}, error));
}
