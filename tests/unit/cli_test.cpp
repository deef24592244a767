#include <doctest/doctest.h>

#include "commands/cli.h"

using namespace tsunagu;

TEST_CASE("command line contract") {
    std::string err;
    auto o = parse_cli({"build", "--source", "ex", "--out", "o", "--base-url", "https://x.org/a"}, err);
    REQUIRE(o);
    CHECK(o->command == "build");
    CHECK(o->source == "ex");
    CHECK(o->out == "o");
    auto s = parse_cli({"serve", "--port", "9000", "--bind", "0.0.0.0"}, err);
    REQUIRE(s);
    CHECK(s->port == 9000);
    CHECK(parse_cli({"--version"}, err)->version);
    CHECK(parse_cli({"--help"}, err)->help);
}

TEST_CASE("usage errors") {
    std::string err;
    CHECK_FALSE(parse_cli({}, err));
    CHECK_FALSE(parse_cli({"build", "--frobnicate"}, err));
    CHECK(err.find("--frobnicate") != std::string::npos);
    CHECK_FALSE(parse_cli({"publish"}, err));
    CHECK_FALSE(parse_cli({"build", "--source"}, err));
    CHECK_FALSE(parse_cli({"serve", "--port", "70000"}, err));
    CHECK_FALSE(parse_cli({"build", "--port", "9000"}, err));
    CHECK_FALSE(parse_cli({"build", "--base-url", "javascript:alert(1)"}, err));
    CHECK_FALSE(parse_cli({"check", "--out", "x"}, err));
    CHECK_FALSE(parse_cli({"build", "extra"}, err));
}
