#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "load/load_site.h"
#include "load/source_files.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

fs::path make_site(const char* name) {
    fs::path d = fs::temp_directory_path() / ("tsunagu-load-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d / "data/activities");
    fs::create_directories(d / "data/organizations");
    fs::create_directories(d / "content");
    std::ofstream(d / "site.yaml") << "title: テスト\nbase_url: https://example.org/\n";
    std::ofstream(d / "data/areas.yaml") << "- {id: city, name: テスト市, level: 市区町村}\n";
    return d;
}

}  // namespace

TEST_CASE("front matter splits from the body") {
    std::string_view fm, body;
    REQUIRE(split_front_matter("---\ntitle: a\n---\n本文\n", fm, body));
    CHECK(fm == "title: a\n");
    CHECK(body == "本文\n");
    REQUIRE(split_front_matter("---\r\ntitle: a\r\n---\r\nx", fm, body));
    CHECK(body == "x");
    CHECK_FALSE(split_front_matter("title: a\n", fm, body));
    CHECK_FALSE(split_front_matter("---\ntitle: a\n", fm, body));  // never closed
}

TEST_CASE("a site folder loads: one record per file, lists of records, pages") {
    fs::path d = make_site("ok");
    std::ofstream(d / "data/activities/a.yaml") << "id: a\nname: あ\ncontent_types: [見守り]\n";
    std::ofstream(d / "data/activities/list.yml") << "- {id: b, name: い, content_types: [会食]}\n- {id: c, name: う, content_types: [配食]}\n";
    std::ofstream(d / "data/organizations/o.json") << "{\"id\": \"o\", \"name\": \"団体\"}\n";
    std::ofstream(d / "content/about.md") << "---\ntitle: このサイトについて\nnav: true\norder: 1\n---\n本文\n";
    std::ofstream(d / "data/activities/.swap.yaml") << "not: read";
    Diagnostics diags;
    Site s = load_site(d, diags);
    for (auto& x : diags) MESSAGE(format_diagnostic(x));
    CHECK(diags.empty());
    CHECK(s.config.title == "テスト");
    CHECK(s.activities.size() == 3);
    CHECK(s.organizations.size() == 1);
    REQUIRE(s.pages.size() == 1);
    CHECK(s.pages[0].slug == "about");
    CHECK(s.pages[0].in_nav);
    CHECK(s.pages[0].body == "本文\n");
}

TEST_CASE("front matter errors carry the file's line numbers") {
    fs::path d = make_site("fm");
    std::ofstream(d / "content/about.md") << "---\ntitle: x\nnav: [\n---\n";
    Diagnostics diags;
    load_site(d, diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "yaml.syntax");
    CHECK(diags[0].pos.line >= 3);
}

TEST_CASE("missing site.yaml and escaping areas_file are reported") {
    fs::path d = make_site("missing");
    fs::remove(d / "site.yaml");
    Diagnostics diags;
    load_site(d, diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "site.config");

    fs::path e = make_site("escape");
    std::ofstream(e / "site.yaml") << "title: t\nareas_file: ../../../etc/passwd\n";
    Diagnostics d2;
    load_site(e, d2);
    REQUIRE_FALSE(d2.empty());
    CHECK(d2[0].code == "site.config");
}

TEST_CASE("file symlinks leading outside the source are refused; directory links are not followed") {
    fs::path d = make_site("links");
    fs::path outside = d.parent_path() / "outside.yaml";
    std::ofstream(outside) << "id: secret\nname: 秘密\ncontent_types: [見守り]\n";
    fs::create_symlink(outside, d / "data/activities/link.yaml");
    fs::create_directory_symlink(d / "data", d / "data/activities/loop");
    Diagnostics diags;
    Site s = load_site(d, diags);
    CHECK(s.activities.empty());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "file.outside_source");
}
