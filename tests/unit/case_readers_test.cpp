// Reading case studies, networks, council reports: fields, 和暦 / 年度 dates, and diagnostics.
#include <doctest/doctest.h>

#include "load/case_readers.h"
#include "load/yaml_file.h"

using namespace tsunagu;

namespace {

struct Read {
    Diagnostics diags;
    YAML::Node node;
};

Read parse(const std::string& yaml, const char* file) {
    Read r;
    auto n = parse_yaml_text(yaml, file, r.diags);
    REQUIRE(n);
    r.node = *n;
    return r;
}

bool has(const Diagnostics& ds, const std::string& code, int line = 0) {
    for (const Diagnostic& d : ds)
        if (d.code == code && (line == 0 || d.pos.line == line)) return true;
    return false;
}

const char* kCase = R"(id: ota-mimamo
title: 大田区 みま～も
reading: おおたく みまーも
theme: 見守り・ネットワーク
tier: 市区町村レベル
elements: [人, 場]
content_types: [見守り, salon]
subject:
  municipalities:
    - {code: "131113", name: 東京都大田区}
profile:
  as_of: 2019-01-01
  population: 729,534
  area_km2: 60.83
  elementary_schools: 60
  schools_scope: 区立のみ
  printed: {area_per_person_km2: 0.008}
components:
  - {kind: 会議, name: 定例会, count: 1, started: 平成20年4月}
timeline:
  - {date: 2019, event: 十周年}
  - {date: 平成30年度, event: 拠点を増やした}
  - {date: 平成20年4月, event: 発足}
figures:
  - {label: 協賛, value: 1.5, unit: 万人, approximate: true, as_of: 2019}
source: {document: 取組事例, publisher: 厚生労働省, year: 2019, page: "2"}
as_of: 2019-01-01
narrative: |
  **ひとこと**で言えば、見守りです。
)";

}  // namespace

TEST_CASE("a case study reads every field; timeline dates in 和暦, 西暦 and 年度, sorted") {
    Read p = parse(kCase, "data/cases/ota-mimamo.yaml");
    FieldReader r(p.node, "data/cases/ota-mimamo.yaml", p.diags);
    CaseStudy c = read_case_study(r);
    CHECK(p.diags.empty());
    CHECK(c.meta.id == "ota-mimamo");
    CHECK(c.tier == "市区町村レベル");
    CHECK(c.elements == std::vector<std::string>{"人", "場"});
    CHECK(c.content_types == std::vector<std::string>{"見守り", "交流・サロン"});
    REQUIRE(c.municipalities.size() == 1);
    CHECK(c.municipalities[0].code == "131113");
    CHECK(c.profile.present);
    CHECK(*c.profile.population == 729534);
    CHECK(*c.profile.area_km2 == doctest::Approx(60.83));
    REQUIRE(c.profile.printed.area_per_person_km2);
    CHECK(c.profile.printed.area_per_person_km2->decimals == 3);
    CHECK(c.profile.printed.area_per_person_km2->pos.line == 17);
    REQUIRE(c.components.size() == 1);
    CHECK(c.components[0].started == Date{2008, 4, 0});
    REQUIRE(c.timeline.size() == 3);
    CHECK(c.timeline[0].date == Date{2008, 4, 0});  // 平成20年4月
    CHECK(c.timeline[1].fiscal_year == 2018);        // 平成30年度
    CHECK(c.timeline[2].date == Date{2019, 0, 0});  // a bare year
    REQUIRE(c.figures.size() == 1);
    CHECK(c.figures[0].approximate);
    CHECK(figure_base_value(c.figures[0]) == doctest::Approx(15000));
    CHECK(figure_base_unit(c.figures[0]) == "人");
    CHECK(c.source.document == "取組事例");
    CHECK(*c.source.year == 2019);
}

TEST_CASE("a case with a bad tier, a wrong code, no subject and no source gets each diagnostic at its line") {
    Read p = parse(R"(id: bad
title: x
theme: t
tier: 市レベル
elements: [人, 物]
subject:
  municipalities:
    - {code: "131112", name: 東京都大田区}
profile: {population: 10}
)", "data/cases/bad.yaml");
    FieldReader r(p.node, "data/cases/bad.yaml", p.diags);
    read_case_study(r);
    CHECK(has(p.diags, "field.value", 4));     // tier, with the known values
    CHECK(has(p.diags, "field.value", 5));     // element 物
    CHECK(has(p.diags, "area.code", 8));       // check digit
    CHECK(has(p.diags, "field.missing", 9));   // profile without as_of
    CHECK(has(p.diags, "field.missing", 1));   // source
    bool hinted = false;
    for (const Diagnostic& d : p.diags)
        if (d.pos.line == 4 && d.ja.find("市区町村レベル") != std::string::npos) hinted = true;
    CHECK(hinted);
}

TEST_CASE("a network reads members, links and meetings; attendance must be whole numbers") {
    Read p = parse(R"(id: net
name: 協議体
kind: 協議体（第1層）
area: aoba
secretariat: shakyo
chair: {role: 会長}
members:
  - {organization: shakyo, category: 社協, role: 事務局}
  - {name: 民生委員協議会, category: 民生委員, count: 3}
links:
  - {from: shakyo, to: 民生委員協議会, label: 連携}
  - {from: shakyo, to: 民生委員協議会, label: なかよし}
meetings:
  - {date: 2025-09-01, title: 第2回, attendance: {住民: 5, 行政: x}}
  - {date: 2025-05-01, title: 第1回, attendance: {住民: 6}}
)", "data/networks/net.yaml");
    FieldReader r(p.node, "data/networks/net.yaml", p.diags);
    Network n = read_network(r);
    CHECK(n.members.size() == 2);
    CHECK(n.members[1].count == 3);
    CHECK(n.links.size() == 2);
    CHECK(has(p.diags, "field.value", 12));  // unknown link label
    CHECK(has(p.diags, "field.type", 14));   // attendance x
    REQUIRE(n.meetings.size() == 2);
    CHECK(n.meetings[0].title == "第1回");   // sorted by date
    CHECK(n.meetings[1].attendance.size() == 1);
}

TEST_CASE("a council report reads its fiscal year in 和暦, needs, indicators and plans") {
    Read p = parse(R"(id: r
council: net
fiscal_year: 令和7年度
vision: 誰もが役割をもつまち
needs:
  - {area: kita, content_type: 配食, text: 配食がない}
indicators:
  - label: サロン数
    unit: 箇所
    source: 調査
    values: [{year: 2025, value: 12}, {year: 2023, value: 10}, {year: 2023, value: 11}]
computed_indicators:
  - {label: サロン, content_type: 交流・サロン, per_1000_aged_65plus: true}
plans:
  - {text: 講座を開く, area: kita}
)", "data/council-reports/r.yaml");
    FieldReader r(p.node, "data/council-reports/r.yaml", p.diags);
    CouncilReport c = read_council_report(r);
    CHECK(c.fiscal_year == 2025);
    REQUIRE(c.needs.size() == 1);
    CHECK(c.needs[0].line == 6);
    REQUIRE(c.indicators.size() == 1);
    CHECK(c.indicators[0].values.front().year == 2023);  // sorted
    CHECK(has(p.diags, "report.indicator_year"));        // 2023 twice
    CHECK(c.computed_indicators.size() == 1);
    CHECK(c.plans.size() == 1);
}
