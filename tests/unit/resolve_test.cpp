#include <doctest/doctest.h>

#include "check/check_site.h"
#include "resolve/privacy.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;

namespace {

Area area(const std::string& id, const std::string& level, const std::string& parent) {
    Area a;
    a.meta.id = id;
    a.meta.pos = SourcePos{"data/areas.yaml", 1, 1};
    a.name = id;
    a.level = level;
    a.parent = parent;
    if (!parent.empty()) a.meta.field_pos.push_back(FieldPos{"parent", -1, 7, 3});
    return a;
}

Activity activity(const std::string& id, const std::string& org, std::vector<std::string> areas, int line = 1) {
    Activity a;
    a.meta.id = id;
    a.meta.pos = SourcePos{"data/activities/" + id + ".yaml", line, 1};
    a.name = id;
    a.organization = org;
    if (!org.empty()) a.meta.field_pos.push_back(FieldPos{"organization", -1, 5, 15});
    for (size_t i = 0; i < areas.size(); ++i) a.meta.field_pos.push_back(FieldPos{"areas", int(i), 6, int(10 + i)});
    a.areas = std::move(areas);
    return a;
}

}  // namespace

TEST_CASE("resolve links references and sorts by id") {
    Site s;
    s.areas = {area("kita", "日常生活圏域", "city"), area("city", "市区町村", "")};
    Organization o;
    o.meta.id = "org";
    s.organizations.push_back(o);
    s.activities = {activity("b", "org", {"kita"}), activity("a", "org", {"city", "kita"})};
    Diagnostics d;
    resolve_site(s, d);
    CHECK(d.empty());
    CHECK(s.activities[0].meta.id == "a");
    CHECK(s.activities[0].areas_ix.size() == 2);
    CHECK(s.organizations[0].activities_ix == std::vector<int>{0, 1});
    REQUIRE(s.root_areas.size() == 1);
    CHECK(s.areas[s.root_areas[0]].meta.id == "city");
    CHECK(s.areas[s.area_by_id["kita"]].depth == 1);
}

TEST_CASE("dangling references are reported at the field") {
    Site s;
    s.areas = {area("city", "市区町村", "")};
    s.activities = {activity("a", "missing-org", {"city", "nowhere"})};
    Diagnostics d;
    resolve_site(s, d);
    REQUIRE(d.size() == 2);
    CHECK(d[0].code == "ref.dangling");
    CHECK(d[0].pos.line == 5);
    CHECK(d[1].code == "ref.dangling");
    CHECK(d[1].pos.column == 11);  // second element of areas
}

TEST_CASE("duplicate ids keep the first and report the second") {
    Site s;
    s.activities = {activity("a", "", {}, 1), activity("a", "", {}, 9)};
    s.activities[1].meta.pos.file = "data/activities/z.yaml";
    Diagnostics d;
    resolve_site(s, d);
    CHECK(s.activities.size() == 1);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "id.duplicate");
    CHECK(d[0].pos.file == "data/activities/z.yaml");
}

TEST_CASE("area cycles are broken and reported") {
    Site s;
    s.areas = {area("a", "地区", "b"), area("b", "地区", "a")};
    Diagnostics d;
    resolve_site(s, d);
    bool cycle = false;
    for (auto& x : d) cycle |= x.code == "area.cycle";
    CHECK(cycle);
}

TEST_CASE("check: a child area must be narrower than its parent") {
    Site s;
    s.areas = {area("city", "地区", ""), area("kita", "日常生活圏域", "city")};
    Diagnostics d;
    resolve_site(s, d);
    check_site(s, d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "area.level");
    CHECK(d[0].pos.line == 7);
}

TEST_CASE("check: content pages may not take generated names") {
    Site s;
    ContentPage p;
    p.slug = "index";
    p.pos = SourcePos{"content/index.md", 1, 1};
    s.pages.push_back(p);
    Diagnostics d;
    check_site(s, d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "id.invalid");
}

TEST_CASE("private homes publish only the 町丁目 and a rounded point") {
    CHECK(address_to_chome("あおば市桜ヶ丘2丁目3-4") == "あおば市桜ヶ丘2丁目");
    CHECK(address_to_chome("あおば市北町１－２－３") == "あおば市北町");
    CHECK(address_to_chome("あおば市北町") == "あおば市北町");
    Venue v;
    v.private_home = true;
    v.address = "あおば市桜ヶ丘2丁目3-4";
    v.address_detail = "山田様方";
    v.geo = GeoPoint{35.70123, 139.41234, true};
    protect_private_venue(v);
    CHECK(v.address == "あおば市桜ヶ丘2丁目");
    CHECK(v.address_detail.empty());
    CHECK(v.geo.lat == doctest::Approx(35.700));
    CHECK(v.geo.lon == doctest::Approx(139.410));
}
