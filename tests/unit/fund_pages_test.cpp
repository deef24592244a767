// The fund pages on a tiny in-memory site: a year's totals (an instalment counts in the year it
// was paid, a cancelled grant is not awarded), which pages exist (none for a site without funds,
// no books for a real fund), a donor without consent never named, an amount only when published,
// hostile text inert, and the same bytes on a second run.
#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <string>

#include "render/fund_views.h"
#include "render/render_site.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;

namespace {

using Files = std::map<std::string, std::string>;

Site fund_site() {
    Site s;
    s.config.title = "テスト市 支え合いガイド";
    s.config.base_url = "https://example.org/t/";
    s.config.sample = true;

    Area city;
    city.meta.id = "city";
    city.name = "テスト市";
    city.level = "市区町村";
    s.areas = {city};

    Organization shakyo;
    shakyo.meta.id = "shakyo";
    shakyo.name = "テスト市社会福祉協議会";
    Organization group;
    group.meta.id = "group";
    group.name = "さくらの会";
    s.organizations = {group, shakyo};

    Activity salon;
    salon.meta.id = "salon";
    salon.name = "さくらサロン";
    salon.organization = "group";
    salon.content_types = {"交流・サロン"};
    s.activities = {salon};

    Fund f;
    f.meta.id = "kikin";
    f.name = "<script>alert(1)</script>基金";
    f.operator_org = "shakyo";
    f.sample = true;
    f.programmes = {{"p1", "たすけあい", "分野指定", "", {"交流・サロン"}, {}, {}}};
    f.donation_channels = {"窓口"};
    Fund real;
    real.meta.id = "real";
    real.name = "実在の基金";
    real.operator_org = "shakyo";
    real.real = true;
    real.meta.source = "公開資料";
    s.funds = {f, real};

    FundYear y1;
    y1.meta.id = "kikin-2024";
    y1.fund = "kikin";
    y1.fiscal_year = 2024;
    y1.opening_balance_yen = 1000000;
    y1.donations = {{"個人", "窓口", 10, 300000, "", "", 0}, {"匿名", "", std::nullopt, 12345, "p1", "", 0}};
    y1.named_donors = {{"同意花子", "個人", 50000, true, {2024, 5, 1}, false, "", 0},
                       {"非公開次郎", "個人", 70000, false, {}, true, "", 0}};
    y1.other_income = {{"受取利息", "", 5, "", 0}};
    y1.costs = {{"人件費", "事業費", 100000, "按分", 0}, {"振込手数料", "管理費", 880, "", 0}};
    // 1,000,000 + 312,345 + 5 − 100,000 (paid 2024-07) − 100,880 = 1,111,470
    y1.closing_balance_yen = 1111470;
    y1.audit_opinion = "適正";
    FundYear y2 = y1;
    y2.meta.id = "kikin-2025";
    y2.fiscal_year = 2025;
    y2.opening_balance_yen = 1111470;
    y2.donations = {};
    y2.named_donors = {};
    y2.other_income = {};
    y2.costs = {};
    y2.closing_balance_yen = 1011470;  // the second instalment, paid 2025-04
    s.fund_years = {y1, y2};

    Grant g1;
    g1.meta.id = "kikin-2024-001";
    g1.fund = "kikin";
    g1.programme = "p1";
    g1.fiscal_year = 2024;
    g1.title = "サロンの送迎 & <b>お茶</b>";
    g1.recipient = "group";
    g1.activity = "salon";
    g1.amount_awarded_yen = 200000;
    g1.award_date = {2024, 6, 1};
    g1.disbursements = {{{2024, 7, 1}, 100000, 0}, {{2025, 4, 10}, 100000, 0}};
    g1.areas = {"city"};
    g1.status = "完了";
    g1.report = "**約20人**が通えました。";
    g1.report_figures = {{"送迎", 180, "回", true}};
    Grant g2 = g1;
    g2.meta.id = "kikin-2024-002";
    g2.title = "取り消した助成";
    g2.amount_awarded_yen = 50000;
    g2.disbursements = {};
    g2.status = "取消";
    s.grants = {g1, g2};
    return s;
}

Files render(const Site& site) {
    Files files;
    std::mutex m;
    RenderOptions options;
    options.theme_dir = std::string(TSUNAGU_SOURCE_DIR) + "/themes/default";
    options.base_url = site.config.base_url;
    Diagnostics diags;
    render_site(site, options,
                [&](const std::string& path, std::string_view content) {
                    std::lock_guard<std::mutex> lock(m);
                    files[path] = std::string(content);
                },
                diags);
    return files;
}

Site resolved() {
    Site s = fund_site();
    Diagnostics diags;
    resolve_site(s, diags);
    return s;
}

}  // namespace

TEST_CASE("fund_year_totals: instalments count in the year they are paid; cancelled grants are not awarded") {
    const Site s = resolved();
    REQUIRE(s.fund_year_by_id.count("kikin-2024"));
    const FundYearTotals t = fund_year_totals(s, s.fund_years[s.fund_year_by_id.at("kikin-2024")]);
    CHECK(t.donations == 312345);
    CHECK(t.other_income == 5);
    CHECK(t.income == 312350);
    CHECK(t.disbursed == 100000);
    CHECK(t.business_costs == 100000);
    CHECK(t.admin_costs == 880);
    CHECK(t.costs == 100880);
    CHECK(t.awarded == 200000);
    CHECK(t.grants == 1);
    CHECK(t.closing == 1111470);
    CHECK(t.closing_computed == 1111470);
    const FundYearTotals t2 = fund_year_totals(s, s.fund_years[s.fund_year_by_id.at("kikin-2025")]);
    CHECK(t2.disbursed == 100000);
    CHECK(t2.awarded == 0);
    CHECK(t2.closing_computed == 1011470);
}

TEST_CASE("fund pages: which files, consent, escaping, determinism") {
    const Site s = resolved();
    const Files files = render(s);
    for (const char* p : {"funds/index.html", "funds/kikin.html", "funds/kikin/2024.html", "funds/kikin/2025.html",
                          "funds/kikin/grants.html", "funds/real.html", "grants/kikin-2024-001.html", "grants/kikin-2024-002.html"})
        CHECK_MESSAGE(files.count(p), p);
    // A real fund is a profile: no books.
    for (const auto& [path, body] : files) CHECK_MESSAGE(path.rfind("funds/real/", 0) != 0, path);

    for (const auto& [path, body] : files) {
        CHECK_MESSAGE(body.find("非公開次郎") == std::string::npos, path);
        // Markup stays text in pages; open data (JSON, CSV) carries the text as it was written.
        if (!path.ends_with(".html")) continue;
        CHECK_MESSAGE(body.find("<script>alert(1)") == std::string::npos, path);
        CHECK_MESSAGE(body.find("<b>お茶</b>") == std::string::npos, path);
    }
    const std::string& year = files.at("funds/kikin/2024.html");
    CHECK(year.find("同意花子") != std::string::npos);
    CHECK(year.find("50,000円") == std::string::npos);  // consent to the name, not to the amount
    CHECK(year.find("非公表") != std::string::npos);
    CHECK(year.find("1,111,470円") != std::string::npos);
    CHECK(year.find("role=\"img\"") != std::string::npos);
    CHECK(year.find("&lt;script&gt;alert(1)&lt;/script&gt;基金") != std::string::npos);

    const std::string& table = files.at("funds/kikin/grants.html");
    CHECK(table.find("data-total=\"awarded\">200,000円") != std::string::npos);   // the cancelled one is left out
    CHECK(table.find("data-total=\"disbursed\">200,000円") != std::string::npos);
    CHECK(table.find("取消を除く") != std::string::npos);

    const std::string& grant = files.at("grants/kikin-2024-001.html");
    CHECK(grant.find("href=\"../organizations/group.html\"") != std::string::npos);
    CHECK(grant.find("href=\"../activities/salon.html\"") != std::string::npos);
    CHECK(grant.find("約180回") != std::string::npos);
    CHECK(grant.find("<strong>約20人</strong>") != std::string::npos);
    CHECK(files.at("organizations/group.html").find("href=\"../grants/kikin-2024-001.html\"") != std::string::npos);
    CHECK(files.at("organizations/shakyo.html").find("href=\"../funds/kikin.html\"") != std::string::npos);
    CHECK(files.at("index.html").find("href=\"funds/index.html\"") != std::string::npos);

    CHECK(render(s) == files);
}

TEST_CASE("a site without funds has no fund pages and no fund links") {
    Site s = fund_site();
    s.funds.clear();
    s.fund_years.clear();
    s.grants.clear();
    Diagnostics diags;
    resolve_site(s, diags);
    const Files files = render(s);
    for (const auto& [path, body] : files) {
        CHECK_MESSAGE(path.rfind("funds/", 0) != 0, path);
        CHECK_MESSAGE(path.rfind("grants/", 0) != 0, path);
        CHECK_MESSAGE(body.find("funds/index.html") == std::string::npos, path);
    }
}
