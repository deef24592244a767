// Derived figures of a case profile, and the check that catches a printed figure 100× off.
#include <doctest/doctest.h>

#include "check/case_check.h"
#include "model/case_figures.h"
#include "model/site.h"

using namespace tsunagu;

namespace {

CaseProfile ota() {  // 大田区, as the 取組事例 deck prints it (2019-01-01)
    CaseProfile p;
    p.present = true;
    p.as_of = Date{2019, 1, 1};
    p.population = 729534;
    p.area_km2 = 60.83;
    return p;
}

PrintedValue printed(double v, int decimals, int line = 22, const char* file = "data/cases/x.yaml") {
    return PrintedValue{v, decimals, SourcePos{file, line, 26}};
}

}  // namespace

TEST_CASE("derived figures come from population, households and area") {
    CaseProfile p = ota();
    p.households = 372000;
    const DerivedFigures d = derive_figures(p);
    REQUIRE(d.density_per_km2);
    CHECK(*d.density_per_km2 == doctest::Approx(729534 / 60.83));
    REQUIRE(d.area_per_person_m2);
    CHECK(*d.area_per_person_m2 == doctest::Approx(60.83e6 / 729534));  // ≈ 83.4 ㎡
    REQUIRE(d.persons_per_household);
    CHECK(*d.persons_per_household == doctest::Approx(729534.0 / 372000));

    CaseProfile none;
    none.population = 1000;  // no area, no households
    const DerivedFigures e = derive_figures(none);
    CHECK_FALSE(e.density_per_km2);
    CHECK_FALSE(e.area_per_person_m2);
    CHECK_FALSE(e.persons_per_household);
    CaseProfile zero = ota();
    zero.population = 0;  // never a division by zero
    CHECK_FALSE(derive_figures(zero).density_per_km2);
}

TEST_CASE("a printed area per person 100× too large is caught; a correctly rounded one is not") {
    CaseProfile p = ota();
    p.printed.area_per_person_km2 = printed(0.008, 3);  // as printed: the true value is 0.0000834
    auto m = printed_figure_mismatches(p);
    REQUIRE(m.size() == 1);
    CHECK(m[0].label_ja == "人口1人あたり面積");
    CHECK(m[0].ratio == doctest::Approx(0.008 / (60.83 / 729534)));
    CHECK(m[0].ratio > 90);
    CHECK(m[0].ratio < 110);
    CHECK(m[0].pos.line == 22);

    p.printed.area_per_person_km2 = printed(0.0000834, 7);  // right, to its printed precision
    CHECK(printed_figure_mismatches(p).empty());
    p.printed.area_per_person_km2 = printed(0.000, 3);       // right: 0.0000834 rounds to 0.000
    CHECK(printed_figure_mismatches(p).empty());
    p.printed.area_per_person_km2 = printed(0.0001, 4);      // 0.0000834 rounds to 0.0001
    CHECK(printed_figure_mismatches(p).empty());
    p.printed.area_per_person_km2 = printed(0.0002, 4);      // one step off is more than rounding
    CHECK(printed_figure_mismatches(p).size() == 1);

    p.printed.area_per_person_km2.reset();
    p.printed.density_per_km2 = printed(11993, 0);  // 729534 / 60.83 = 11993.0…
    CHECK(printed_figure_mismatches(p).empty());
    p.printed.density_per_km2 = printed(12100, 0);
    CHECK(printed_figure_mismatches(p).size() == 1);
}

TEST_CASE("check_cases warns once per mismatching case, with the case, the figures and the ratio") {
    Site site;
    CaseStudy c;
    c.meta.id = "ota-mimamo";
    c.meta.pos = SourcePos{"data/cases/ota-mimamo.yaml", 1, 1};
    c.title = "大田区 みま～も";
    c.profile = ota();
    c.profile.printed.area_per_person_km2 = printed(0.008, 3, 24, "data/cases/ota-mimamo.yaml");
    site.cases.push_back(c);
    CaseStudy ok = c;
    ok.meta.id = "ok";
    ok.profile.printed = {};
    site.cases.push_back(ok);
    Diagnostics diags;
    check_cases(site, diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "case.derived_mismatch");
    CHECK(diags[0].severity == Severity::warning);
    CHECK(diags[0].pos.file == "data/cases/ota-mimamo.yaml");
    CHECK(diags[0].pos.line == 24);
    CHECK(diags[0].ja.find("0.008㎢") != std::string::npos);
    CHECK(diags[0].ja.find("0.0000834㎢") != std::string::npos);
    CHECK(diags[0].ja.find("約96倍") != std::string::npos);
    CHECK(diags[0].en.find("about 96 times") != std::string::npos);
}

TEST_CASE("decimal_text and significant_text") {
    CHECK(decimal_text(11993.04, 0) == "11,993");
    CHECK(decimal_text(1.961, 2) == "1.96");
    CHECK(decimal_text(1.9, 2) == "1.9");
    CHECK(decimal_text(60.83, 2) == "60.83");
    CHECK(decimal_text(2.0, 2) == "2");
    CHECK(significant_text(0.0000834, 3) == "0.0000834");
    CHECK(significant_text(83.38, 3) == "83.4");
    CHECK(significant_text(103.4, 2) == "100");
    CHECK(significant_text(95.9, 2) == "96");
    CHECK(significant_text(0, 3) == "0");
}
