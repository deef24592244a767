#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "write/staged_output.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path scratch(const char* name) {
    fs::path d = fs::temp_directory_path() / ("tsunagu-unit-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("safe relative paths") {
    CHECK(is_safe_relative_path("a/b.html"));
    CHECK(is_safe_relative_path("index.html"));
    CHECK_FALSE(is_safe_relative_path(""));
    CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(is_safe_relative_path("a/../../b"));
    CHECK_FALSE(is_safe_relative_path(".."));
    CHECK_FALSE(is_safe_relative_path("a\\b"));
    CHECK_FALSE(is_safe_relative_path(std::string("a\0b", 3)));
    CHECK_FALSE(is_safe_relative_path("a//b"));
}

TEST_CASE("commit swaps the new site in; abandoning keeps the old one") {
    const fs::path dir = scratch("swap");
    const fs::path out = dir / "site";
    Diagnostics d;
    {
        auto s = StagedOutput::begin(out, d);
        REQUIRE(s);
        s->write("index.html", "one");
        s->write("a/b.html", "b");
        REQUIRE(s->commit(d));
    }
    CHECK(slurp(out / "index.html") == "one");
    {
        auto s = StagedOutput::begin(out, d);
        REQUIRE(s);
        s->write("index.html", "two");
        // not committed: destroyed, as when a build fails
    }
    CHECK(slurp(out / "index.html") == "one");
    {
        auto s = StagedOutput::begin(out, d);
        s->write("index.html", "three");
        REQUIRE(s->commit(d));
    }
    CHECK(slurp(out / "index.html") == "three");
    CHECK_FALSE(fs::exists(out / "a/b.html"));  // the old tree is gone, not merged
    // nothing left beside the output
    int entries = 0;
    for (auto& e : fs::directory_iterator(dir)) (void)e, ++entries;
    CHECK(entries == 1);
    CHECK(d.empty());
}

TEST_CASE("a folder that tsunagu did not write is never replaced") {
    const fs::path dir = scratch("foreign");
    std::ofstream(dir / "precious.txt") << "keep me";
    Diagnostics d;
    auto s = StagedOutput::begin(dir, d);
    CHECK_FALSE(s);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "output.foreign");
    CHECK(slurp(dir / "precious.txt") == "keep me");
}

TEST_CASE("unsafe and colliding paths are refused with diagnostics") {
    const fs::path dir = scratch("unsafe");
    Diagnostics d;
    auto s = StagedOutput::begin(dir / "site", d);
    REQUIRE(s);
    s->write("../escape.html", "x");
    s->write("p.html", "1");
    s->write("p.html", "2");
    auto w = s->take_diagnostics();
    REQUIRE(w.size() == 2);
    CHECK(w[0].code == "output.path");
    CHECK(w[1].code == "output.collision");
    CHECK_FALSE(fs::exists(dir / "escape.html"));
}
