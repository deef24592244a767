// 360Giving 1.4 export of grants: required fields on every grant, organisation ids from 法人番号
// or a stable 360G- id, disbursed amounts, cancelled grants left out, CSV with the standard's titles.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "export/giving360.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;

namespace {

Site site_with_grants() {
    Site s;
    s.config.municipality_code = "132993";
    Area a;
    a.meta.id = "aoba";
    a.name = "あおば市";
    a.level = "市区町村";
    a.code = "132993";
    s.areas.push_back(a);
    Organization op;
    op.meta.id = "shakyo";
    op.name = "あおば市社会福祉協議会";
    op.corporate_number = "1234567890123";
    s.organizations.push_back(op);
    Organization rec;
    rec.meta.id = "hidamari";
    rec.name = "ひだまり会";
    s.organizations.push_back(rec);
    Fund f;
    f.meta.id = "kikin";
    f.name = "たすけあい基金";
    f.operator_org = "shakyo";
    f.programmes.push_back(FundProgramme{"p", "子ども応援", "事業指定", "", {}, {}, {}});
    s.funds.push_back(f);
    Grant g;
    g.meta.id = "kikin-2025-001";
    g.fund = "kikin";
    g.programme = "p";
    g.fiscal_year = 2025;
    g.title = "食材費";
    g.recipient = "hidamari";
    g.purpose = "子ども食堂の **食材** を買います。";
    g.amount_awarded_yen = 300000;
    g.disbursements = {Disbursement{Date{2025, 7, 1}, 100000, 0}, Disbursement{Date{2025, 12, 1}, 100000, 0}};
    g.award_date = Date{2025, 6, 15};
    g.period_from = Date{2025, 7, 1};
    g.period_to = Date{2026, 3, 31};
    g.areas = {"aoba"};
    g.beneficiaries = {"子ども"};
    s.grants.push_back(g);
    Grant cancelled = g;
    cancelled.meta.id = "kikin-2025-002";
    cancelled.status = "取消";
    cancelled.disbursements.clear();
    s.grants.push_back(cancelled);
    Diagnostics diags;
    resolve_site(s, diags);
    return s;
}

}  // namespace

TEST_CASE("every grant has the 360Giving required fields, with JPY amounts and organisation ids") {
    const Site s = site_with_grants();
    const Giving360 out = giving360_export(s, "https://example.org/aoba/");
    CHECK(out.grants == 1);  // the cancelled one is left out
    const nlohmann::json j = nlohmann::json::parse(out.json);
    REQUIRE(j["grants"].size() == 1);
    const nlohmann::json& g = j["grants"][0];
    for (const char* key : {"id", "title", "description", "currency", "amountAwarded", "awardDate", "recipientOrganization",
                            "fundingOrganization"})
        CHECK_MESSAGE(g.contains(key), key);
    CHECK(g["id"] == "360G-tsunagu-132993-kikin-2025-001");
    CHECK(g["currency"] == "JPY");
    CHECK(g["amountAwarded"] == 300000);
    CHECK(g["amountDisbursed"] == 200000);
    CHECK(g["awardDate"] == "2025-06-15");
    CHECK(g["description"] == "子ども食堂の 食材 を買います。");
    CHECK(g["fundingOrganization"][0]["id"] == "JP-JCN-1234567890123");
    CHECK(g["recipientOrganization"][0]["id"] == "360G-tsunagu-132993-hidamari");
    CHECK(g["recipientOrganization"][0]["name"] == "ひだまり会");
    CHECK(g["grantProgramme"][0]["title"] == "子ども応援");
    CHECK(g["plannedDates"][0]["startDate"] == "2025-07-01");
    CHECK(g["beneficiaryLocation"][0]["geoCode"] == "132993");
    CHECK(g["url"] == "https://example.org/aoba/grants/kikin-2025-001.html");
}

TEST_CASE("the CSV has the standard's column titles and one row per grant") {
    const Giving360 out = giving360_export(site_with_grants(), "https://example.org/");
    const std::string first_line = out.csv.substr(0, out.csv.find("\r\n"));
    CHECK(first_line.rfind("Identifier,Title,Description,Currency,Amount Awarded,Amount Disbursed,Award Date", 0) == 0);
    CHECK(first_line.find("Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name") !=
          std::string::npos);
    size_t rows = 0;
    for (size_t p = out.csv.find("\r\n"); p != std::string::npos; p = out.csv.find("\r\n", p + 2)) ++rows;
    CHECK(rows == 2);  // header + one grant
    CHECK(out.csv.find("360G-tsunagu-132993-kikin-2025-001,食材費") != std::string::npos);
}
