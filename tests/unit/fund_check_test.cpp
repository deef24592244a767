// The money rules of funds: balanced books pass; each imbalance names the year and the gap.
#include <doctest/doctest.h>

#include <string>

#include "check/fund_check.h"
#include "model/site.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

Grant grant(const std::string& id, int fy, long long awarded, Date award, std::vector<Disbursement> paid) {
    Grant g;
    g.meta.id = id;
    g.meta.pos = SourcePos{"data/grants/" + id + ".yaml", 1, 1};
    g.fund = "f";
    g.programme = "p";
    g.fiscal_year = fy;
    g.title = "助成 " + id;
    g.recipient = "org";
    g.amount_awarded_yen = awarded;
    g.award_date = award;
    g.disbursements = std::move(paid);
    return g;
}

FundYear year(int fy, long long opening, long long donations, long long costs, long long closing) {
    FundYear y;
    y.meta.id = "f-" + std::to_string(fy);
    y.meta.pos = SourcePos{"data/fund-years/f-" + std::to_string(fy) + ".yaml", 1, 1};
    y.meta.field_pos.push_back(FieldPos{"closing_balance", -1, 9, 18});
    y.meta.field_pos.push_back(FieldPos{"opening_balance", -1, 4, 18});
    y.fund = "f";
    y.fiscal_year = fy;
    y.opening_balance_yen = opening;
    y.donations.push_back(DonationLine{"個人", "", std::nullopt, donations, "", "", 5});
    y.costs.push_back(AccountLine{"人件費", "事業費", costs, "", 7});
    y.closing_balance_yen = closing;
    return y;
}

// A fund with two years; a grant of 300,000 paid 200,000 in FY2024 and 100,000 in FY2025.
Site balanced_site() {
    Site s;
    Organization o;
    o.meta.id = "org";
    o.name = "団体";
    s.organizations.push_back(o);
    Fund f;
    f.meta.id = "f";
    f.name = "テスト基金";
    f.operator_org = "org";
    f.programmes.push_back(FundProgramme{"p", "一般", "一般", "", {}, {}, {}});
    s.funds.push_back(f);
    // 2024: 1,000,000 + 500,000 − 200,000 − 50,000 = 1,250,000
    s.fund_years.push_back(year(2024, 1'000'000, 500'000, 50'000, 1'250'000));
    // 2025: 1,250,000 + 100,000 − 100,000 − 30,000 = 1,220,000
    s.fund_years.push_back(year(2025, 1'250'000, 100'000, 30'000, 1'220'000));
    s.grants.push_back(grant("g1", 2024, 300'000, d(2024, 6, 1),
                             {Disbursement{d(2024, 7, 1), 200'000, 3}, Disbursement{d(2025, 4, 10), 100'000, 4}}));
    return s;
}

Diagnostics run(Site s) {
    Diagnostics diags;
    resolve_site(s, diags);
    check_funds(s, diags);
    return diags;
}

bool has(const Diagnostics& ds, const std::string& code, const std::string& text = {}) {
    for (const Diagnostic& d : ds)
        if (d.code == code && (text.empty() || d.ja.find(text) != std::string::npos)) return true;
    return false;
}

}  // namespace

TEST_CASE("balanced books across two years, instalments counted in the year they are paid") {
    const Diagnostics ds = run(balanced_site());
    for (const Diagnostic& d : ds) CAPTURE(format_diagnostic(d));
    CHECK(ds.empty());
    Site s = balanced_site();
    Diagnostics ignored;
    resolve_site(s, ignored);
    const FundYearTotals t = fund_year_totals(s, s.fund_years[0]);
    CHECK(t.donations == 500'000);
    CHECK(t.disbursed == 200'000);
    CHECK(t.awarded == 300'000);
    CHECK(t.costs == 50'000);
    CHECK(t.business_costs == 50'000);
    CHECK(t.admin_costs == 0);
    CHECK(fund_year_totals(s, s.fund_years[1]).disbursed == 100'000);
    CHECK(fund_year_totals(s, s.fund_years[1]).awarded == 0);
}

TEST_CASE("a closing balance off by one yen names the year and the gap, at the closing_balance line") {
    Site s = balanced_site();
    s.fund_years[0].closing_balance_yen += 1;
    s.fund_years[1].opening_balance_yen += 1;  // keep the chain, so only the balance is wrong
    s.fund_years[1].closing_balance_yen += 1;
    const Diagnostics ds = run(s);
    REQUIRE(has(ds, "money.unbalanced", "2024年度（令和6年度）"));
    CHECK(has(ds, "money.unbalanced", "差 1円"));
    for (const Diagnostic& d : ds)
        if (d.code == "money.unbalanced") {
            CHECK(d.pos.line == 9);
            CHECK(d.en.find("FY2024") != std::string::npos);
            CHECK(d.en.find("gap 1 yen") != std::string::npos);
        }
    CHECK_FALSE(has(ds, "money.unbalanced", "2025年度"));
}

TEST_CASE("next year's opening must equal this year's closing") {
    Site s = balanced_site();
    s.fund_years[1].opening_balance_yen = 1'200'000;
    s.fund_years[1].closing_balance_yen = 1'170'000;  // balanced in itself
    const Diagnostics ds = run(s);
    CHECK(has(ds, "money.opening_mismatch", "差 -50,000円"));
    CHECK_FALSE(has(ds, "money.unbalanced"));
}

TEST_CASE("grant rules: over-disbursement, award date outside the year, unknown programme, missing year") {
    Site s = balanced_site();
    s.grants.push_back(grant("g2", 2025, 100'000, d(2026, 4, 1), {}));          // outside FY2025
    s.grants.push_back(grant("g3", 2026, 100'000, d(2026, 5, 1), {}));          // no FY2026 record
    Grant over = grant("g4", 2025, 100'000, d(2025, 5, 1), {Disbursement{d(2025, 6, 1), 150'000, 3}});
    s.grants.push_back(over);
    Grant programme = grant("g5", 2025, 0, d(2025, 5, 1), {});
    programme.programme = "nope";
    s.grants.push_back(programme);
    Grant early = grant("g6", 2025, 10'000, d(2025, 8, 1), {Disbursement{d(2025, 7, 1), 10'000, 3}});
    s.grants.push_back(early);
    const Diagnostics ds = run(s);
    CHECK(has(ds, "grant.outside_year", "2025年度"));
    CHECK(has(ds, "grant.year_missing", "2026年度"));
    CHECK(has(ds, "money.overdisbursed", "超過 50,000円"));
    CHECK(has(ds, "grant.programme", "nope"));
    CHECK(has(ds, "grant.paid_before_award"));
    // The 150,000 and 10,000 paid in FY2025 now unbalance that year: the check says so too.
    CHECK(has(ds, "money.unbalanced", "2025年度"));
}

TEST_CASE("references resolve; unknown donor types and programmes are errors; a gap in the years is an error") {
    Site s = balanced_site();
    s.grants[0].recipient = "nobody";
    s.fund_years[0].donations[0].donor_type = "友人";
    s.fund_years[1].fiscal_year = 2026;  // 2025 missing
    const Diagnostics ds = run(s);
    CHECK(has(ds, "ref.dangling", "nobody"));
    CHECK(has(ds, "fund.donor_type", "友人"));
    CHECK(has(ds, "fund.missing_year", "2025年度"));
}
