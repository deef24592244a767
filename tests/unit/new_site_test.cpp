// tsunagu new: the embedded template site is complete and valid, and the writer never
// overwrites anything (README "tsunagu new").
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "commands/cli.h"
#include "commands/new_site_template.h"
#include "commands/new_site_writer.h"
#include "commands/pipeline.h"
#include "model/fund_totals.h"
#include "text/codes.h"
#include "write/staged_output.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path scratch(const char* name) {
    fs::path d = fs::temp_directory_path() / ("tsunagu-unit-new-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d.parent_path());
    return d;  // does not exist yet
}

std::string diagnostics_text(const Diagnostics& diags) {
    std::string s;
    for (const Diagnostic& d : diags) s += format_diagnostic(d) + "\n";
    return s;
}

bool has_file_under(const std::string& folder) {
    for (const NewSiteFile& f : new_site_files())
        if (f.path.substr(0, folder.size()) == folder && f.path.size() > folder.size()) return true;
    return false;
}

}  // namespace

TEST_CASE("the template's paths are fixed, safe and unique") {
    std::set<std::string_view> seen;
    for (const NewSiteFile& f : new_site_files()) {
        CAPTURE(f.path);
        CHECK(is_safe_relative_path(std::string(f.path)));
        CHECK(seen.insert(f.path).second);
        CHECK_FALSE(f.what.empty());
        CHECK_FALSE(f.content.empty());
        CHECK(f.content.back() == '\n');
        CHECK(f.content.find('\r') == std::string_view::npos);
        CHECK(f.content.find('\t') == std::string_view::npos);  // YAML forbids tabs for indentation
    }
}

TEST_CASE("the template holds one example of every record kind of README") {
    for (const char* folder : {"data/organizations/", "data/activities/", "data/consultation/", "data/difficulties/",
                               "data/funds/", "data/fund-years/", "data/grants/", "data/cases/", "data/networks/",
                               "data/council-reports/", "handbooks/", "content/"}) {
        CAPTURE(folder);
        CHECK(has_file_under(folder));
    }
    std::set<std::string_view> paths;
    for (const NewSiteFile& f : new_site_files()) paths.insert(f.path);
    for (const char* file : {"site.yaml", "README.md", "data/areas.yaml", "data/synonyms.yaml", "data/gap-matrix.yaml",
                             "content/about.md", "content/accessibility.md"}) {
        CAPTURE(file);
        CHECK(paths.count(file));
    }
}

TEST_CASE("a new site loads, resolves and checks without a single diagnostic") {
    const fs::path dir = scratch("valid");
    const NewSiteResult r = write_new_site(dir);
    REQUIRE(r.status == NewSiteStatus::ok);
    REQUIRE(r.written.size() == new_site_files().size());
    for (const NewSiteFile& f : new_site_files()) CHECK(slurp(dir / std::string(f.path)) == f.content);

    Diagnostics diags;
    CliOptions options;
    options.threads = 1;
    const Site site = load_and_check(dir, options, diags);
    INFO(diagnostics_text(diags));
    CHECK(diags.empty());

    // A fictional municipality with a valid check digit, not the example site's 132993.
    CHECK(valid_municipality_code(site.config.municipality_code));
    CHECK(site.config.municipality_code != "132993");
    CHECK(site.config.sample);
    CHECK(site.config.base_url == "https://example.org/");
    // Two 中学校区 as 日常生活圏域 and two 地区 under the city.
    int spheres = 0, districts = 0;
    for (const Area& a : site.areas) {
        spheres += a.level == "日常生活圏域";
        districts += a.level == "地区";
    }
    CHECK(spheres == 2);
    CHECK(districts == 2);
    // The fund's year balances to the yen, with a grant paid inside it.
    REQUIRE(site.fund_years.size() == 1);
    const FundYearTotals t = fund_year_totals(site, site.fund_years[0]);
    CHECK(t.disbursed > 0);
    CHECK(t.closing_computed == site.fund_years[0].closing_balance_yen);
    // The schedule is read, not only kept as text.
    REQUIRE(site.activities.size() == 1);
    CHECK_FALSE(site.activities[0].schedule.rules.empty());
    fs::remove_all(dir);
}

TEST_CASE("new never overwrites: a non-empty folder or a file is refused and left as it was") {
    const fs::path dir = scratch("busy");
    fs::create_directories(dir);
    { std::ofstream(dir / "site.yaml") << "title: 大事なサイト\n"; }
    CHECK(write_new_site(dir).status == NewSiteStatus::not_empty);
    CHECK(slurp(dir / "site.yaml") == "title: 大事なサイト\n");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

    const fs::path hidden = scratch("hidden");
    fs::create_directories(hidden / ".git");
    CHECK(write_new_site(hidden).status == NewSiteStatus::not_empty);

    const fs::path file = scratch("file");
    { std::ofstream(file) << "x"; }
    CHECK(write_new_site(file).status == NewSiteStatus::not_a_directory);
    CHECK(slurp(file) == "x");

    // An empty folder is fine.
    const fs::path empty = scratch("empty");
    fs::create_directories(empty);
    CHECK(write_new_site(empty).status == NewSiteStatus::ok);

    // A folder that cannot be made (below a file) fails and leaves nothing behind.
    const NewSiteResult r = write_new_site(file / "sub");
    CHECK(r.status == NewSiteStatus::failed);
    CHECK(r.written.empty());
    CHECK(fs::is_regular_file(file));
    for (const fs::path& p : {dir, hidden, file, empty}) fs::remove_all(p);
}

TEST_CASE("the command line of new") {
    std::string err;
    auto o = parse_cli({"new", "mysite"}, err);
    REQUIRE(o);
    CHECK(o->command == "new");
    CHECK(o->new_dir == "mysite");
    CHECK_FALSE(parse_cli({"new"}, err));
    CHECK(err.find("DIR") != std::string::npos);
    CHECK_FALSE(parse_cli({"new", "a", "b"}, err));
    CHECK_FALSE(parse_cli({"new", "a", "--source", "b"}, err));
    CHECK_FALSE(parse_cli({"new", "a", "--out", "b"}, err));
    CHECK(usage_text().find("tsunagu new DIR") != std::string::npos);
}
