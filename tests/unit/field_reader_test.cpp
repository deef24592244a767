#include <doctest/doctest.h>

#include "load/field_reader.h"
#include "load/record_readers.h"
#include "load/yaml_file.h"

using namespace tsunagu;

namespace {

struct Parsed {
    Diagnostics diags;
    YAML::Node node;
};

Parsed parse(const std::string& yaml) {
    Parsed p;
    auto n = parse_yaml_text(yaml, "data/activities/x.yaml", p.diags);
    REQUIRE(n);
    p.node = *n;
    return p;
}

bool has_code(const Diagnostics& ds, const std::string& code, int line = 0) {
    for (const Diagnostic& d : ds)
        if (d.code == code && (line == 0 || d.pos.line == line)) return true;
    return false;
}

const char* kGoodActivity = R"(id: sakura-salon
name: さくらサロン
reading: さくらさろん
content_types: [交流・サロン, exercise]
form: 地縁組織
target_people: [高齢者]
organization: sakura-kai
areas: [kita, minami]
venue: {name: 会館, address: あおば市北町1-2-3, geo: {lat: 35.7, lon: 139.4}}
schedule: 毎月第2・第4水曜 10:00〜12:00
fees:
  - {person: 大人, amount: 100}
capacity: 20
accessibility: {barrier_free: true, pickup: false}
contact: {phone: ０４２－０００－１２３４, url: https://example.org/}
last_confirmed: 令和8年10月1日
)";

}  // namespace

TEST_CASE("a good activity reads without diagnostics") {
    Parsed p = parse(kGoodActivity);
    FieldReader r(p.node, "data/activities/x.yaml", p.diags);
    Activity a = read_activity(r);
    CHECK(p.diags.empty());
    for (const auto& d : p.diags) MESSAGE(format_diagnostic(d));
    CHECK(a.meta.id == "sakura-salon");
    CHECK(a.content_types == std::vector<std::string>{"交流・サロン", "介護予防・体操"});  // slug accepted
    CHECK(a.venue.geo.present);
    CHECK(a.fees.size() == 1);
    CHECK(a.fees[0].amount_yen == 100);
    CHECK(a.capacity == 20);
    CHECK(a.accessibility.barrier_free == Tri::yes);
    CHECK(a.accessibility.pickup == Tri::no);
    CHECK(a.contact.phone == "042-000-1234");
    CHECK(a.meta.last_confirmed == Date{2026, 10, 1});
    CHECK(a.schedule.text == "毎月第2・第4水曜 10:00〜12:00");
    CHECK_FALSE(a.schedule.rules.empty());
    // reference positions are kept for the check stage
    CHECK(field_position(a.meta, "organization").line == 7);
    CHECK(field_position(a.meta, "areas", 1).line == 8);
}

TEST_CASE("every field problem is reported at its line in one pass") {
    Parsed p = parse(R"Y(id: サロン
nmae: x
content_types: [交流サロンX]
capacity: たくさん
venue: {geo: {lat: 139.4, lon: 35.7}}
contact: {url: "javascript:alert(1)", phone: 042-000-0000, phone_note: 山田様宅の番号}
last_confirmed: 2026-13-01
form: [a, b]
)Y");
    FieldReader r(p.node, "data/activities/x.yaml", p.diags);
    read_activity(r);
    CHECK(has_code(p.diags, "id.invalid", 1));
    CHECK(has_code(p.diags, "field.unknown", 2));
    CHECK(has_code(p.diags, "field.missing"));  // name
    CHECK(has_code(p.diags, "field.value", 3));
    CHECK(has_code(p.diags, "field.type", 4));
    CHECK(has_code(p.diags, "geo.swapped", 5));
    CHECK(has_code(p.diags, "url.scheme", 6));
    CHECK(has_code(p.diags, "privacy.private_phone", 6));
    CHECK(has_code(p.diags, "date.invalid", 7));
    CHECK(has_code(p.diags, "field.type", 8));
}

TEST_CASE("unknown field suggests the closest known one") {
    Parsed p = parse("id: a\nnmae: x\ncontent_types: [見守り]\n");
    FieldReader r(p.node, "f.yaml", p.diags);
    read_activity(r);
    bool found = false;
    for (const Diagnostic& d : p.diags)
        if (d.code == "field.unknown") found = d.hint.find("name") != std::string::npos;
    CHECK(found);
}

TEST_CASE("unknown vocabulary value lists the known ones") {
    Parsed p = parse("id: a\nname: x\ncontent_types: [見守りX]\n");
    FieldReader r(p.node, "f.yaml", p.diags);
    read_activity(r);
    REQUIRE(has_code(p.diags, "field.value", 3));
    CHECK(p.diags.back().hint.find("見守り") != std::string::npos);
}

TEST_CASE("coordinates outside Japan") {
    Parsed p = parse("id: a\nname: x\ncontent_types: [見守り]\nvenue: {geo: {lat: 48.85, lon: 2.35}}\n");
    FieldReader r(p.node, "f.yaml", p.diags);
    read_activity(r);
    CHECK(has_code(p.diags, "geo.outside_japan", 4));
}

TEST_CASE("area municipality code check digit") {
    Parsed p = parse("id: x\nname: テスト市\nlevel: 市区町村\ncode: \"131017\"\n");
    FieldReader r(p.node, "data/areas.yaml", p.diags);
    read_area(r);
    REQUIRE(has_code(p.diags, "area.code", 4));
    CHECK(p.diags.back().hint.find("131016") != std::string::npos);
}

TEST_CASE("YAML syntax errors carry the line") {
    Diagnostics diags;
    auto n = parse_yaml_text("id: a\nname: [unclosed\nform: x\n", "data/activities/bad.yaml", diags);
    CHECK_FALSE(n);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "yaml.syntax");
    CHECK(diags[0].pos.line >= 2);
}

TEST_CASE("JSON files are read with positions") {
    Diagnostics diags;
    auto n = parse_yaml_text("{\n  \"id\": \"a\",\n  \"name\": \"x\"\n}\n", "data/activities/a.json", diags);
    REQUIRE(n);
    CHECK(node_pos((*n)["name"], "a.json").line == 3);
    auto bad = parse_yaml_text("{\n  \"id\": \"a\",,\n}\n", "data/activities/b.json", diags);
    CHECK_FALSE(bad);
    REQUIRE(diags.size() == 1);
    CHECK(diags.back().code == "json.syntax");
    CHECK(diags.back().pos.line == 2);
}

TEST_CASE("invalid UTF-8 and NUL bytes are refused") {
    Diagnostics diags;
    CHECK_FALSE(parse_yaml_text("name: \xff\xfe\n", "a.yaml", diags));
    CHECK_FALSE(parse_yaml_text(std::string("name: a\0b\n", 10), "a.yaml", diags));
    CHECK(diags.size() == 2);
}

TEST_CASE("schedule text that cannot be read stays as text with a warning at its line") {
    Parsed p = parse("id: a\nname: x\ncontent_types: [見守り]\nschedule: ご相談ください\n");
    FieldReader r(p.node, "f.yaml", p.diags);
    Activity a = read_activity(r);
    CHECK(a.schedule.text == "ご相談ください");
    CHECK_FALSE(a.schedule.understood);
    REQUIRE(has_code(p.diags, "schedule.unreadable", 4));
    CHECK(p.diags.back().severity == Severity::warning);
}

TEST_CASE("a key written twice is an error, not a silent choice") {
    Parsed p = parse("id: a\nname: x\ncontent_types: [見守り]\nname: y\n");
    FieldReader r(p.node, "f.yaml", p.diags);
    read_activity(r);
    CHECK(has_code(p.diags, "field.duplicate", 4));
}

TEST_CASE("edit distance and closest match") {
    CHECK(edit_distance("name", "nmae") == 2);
    CHECK(edit_distance("水曜", "水よう") == 2);
    CHECK(closest_match("readng", {"reading", "name"}) == "reading");
    CHECK(closest_match("zzzzzz", {"reading", "name"}).empty());
    // A part of exactly one value suggests it; a part of several suggests nothing.
    CHECK(closest_match("サロン", {"見守り", "交流・サロン", "会食"}) == "交流・サロン");
    CHECK(closest_match("移動", {"移動・外出支援", "配食"}) == "移動・外出支援");
    CHECK(closest_match("支援", {"移動・外出支援", "学習支援"}).empty());
}

TEST_CASE("a list whose every value is unknown gets one error per value, not a second 'missing' one") {
    Parsed p = parse("content_types: [サロン, 見守]\n");
    FieldReader r(p.node, "data/activities/x.yaml", p.diags);
    std::vector<std::string> types;
    r.term_list("content_types", Vocabulary::content_type, types, Need::required);
    CHECK(types.empty());
    CHECK(p.diags.size() == 2);
    CHECK_FALSE(has_code(p.diags, "field.missing"));
    CHECK(p.diags[0].hint.find("「交流・サロン」のことですか") != std::string::npos);
    CHECK(p.diags[1].hint.find("「見守り」のことですか") != std::string::npos);
    Parsed q = parse("name: x\n");
    FieldReader r2(q.node, "data/activities/x.yaml", q.diags);
    std::vector<std::string> none;
    r2.term_list("content_types", Vocabulary::content_type, none, Need::required);
    CHECK(has_code(q.diags, "field.missing"));
}
