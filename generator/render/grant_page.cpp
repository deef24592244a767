// grants/ID.html: one grant with every field the 赤い羽根 database shows and more — who received
// it (their directory page), for which activity, how much was awarded and paid when, and the
// grantee's results report with its figures and photos.
#include <cstdio>

#include "render/fund_views.h"
#include "render/json_ld.h"
#include "render/links.h"
#include "render/markdown.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/record_views.h"
#include "render/svg_chart.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

std::string render_grant(const RenderContext& ctx, int grant_ix) {
    const Site& site = *ctx.site;
    const Grant& g = site.grants[grant_ix];
    json v = grant_row(site, grant_ix);
    const int fund_ix = g.fund_ix;
    v["fiscal_year_label"] = fiscal_year_label(g.fiscal_year);
    v["year_url"] = "";
    if (fund_ix >= 0) {
        const Fund& f = site.funds[fund_ix];
        v["fund_labels"] = fund_labels(f);
        for (int y : years_of_fund(site, fund_ix))
            if (site.fund_years[y].fiscal_year == g.fiscal_year) v["year_url"] = fund_year_path(f.meta.id, g.fiscal_year);
        v["grants_url"] = f.real ? std::string() : fund_grants_path(f.meta.id);
    } else {
        v["fund_labels"] = {{"sample", false}, {"real", false}};
        v["grants_url"] = "";
    }
    v["purpose_html"] = g.purpose.empty() ? std::string() : render_markdown_at(g.purpose, 3);
    v["beneficiary_terms"] = term_links(Vocabulary::target_people, g.beneficiaries);
    v["has_beneficiary_terms"] = !g.beneficiaries.empty();
    v["beneficiaries_note"] = g.beneficiaries_note;
    v["areas"] = area_links(site, g.areas_ix);
    v["has_areas"] = !v["areas"].empty();
    v["award_date"] = date_view(g.award_date);
    v["period_from"] = date_view(g.period_from);
    v["period_to"] = date_view(g.period_to);
    v["has_period"] = !g.period_from.empty() || !g.period_to.empty();
    v["remaining"] = yen_amount(g.amount_awarded_yen - g.disbursed_yen());

    json schedule = json::array();
    long long running = 0;
    int n = 0;
    for (const Disbursement& d : g.disbursements) {
        running += d.amount_yen;
        schedule.push_back({{"n", "第" + std::to_string(++n) + "回"},
                            {"date", date_view(d.date)},
                            {"fy", d.date.empty() ? std::string() : fiscal_year_short(fiscal_year_of(d.date))},
                            {"amount", yen_amount(d.amount_yen)},
                            {"running", yen_amount(running)}});
    }
    v["has_disbursements"] = !schedule.empty();
    v["disbursements"] = std::move(schedule);

    v["report_html"] = g.report.empty() ? std::string() : render_markdown_at(g.report, 3);
    v["report_date"] = date_view(g.report_date);
    json figures = json::array();
    for (const Figure& f : g.report_figures) figures.push_back({{"label", f.label}, {"value", figure_text(f)}});
    v["has_figures"] = !figures.empty();
    v["figures"] = std::move(figures);
    json photos = json::array();
    for (const Photo& p : g.report_photos) {
        if (!is_safe_data_path(p.src)) continue;  // a path from data must stay inside static/
        photos.push_back({{"src", "static/" + url_path_escape(p.src)}, {"alt", p.alt}, {"credit", p.credit}});
    }
    v["has_photos"] = !photos.empty();
    v["photos"] = std::move(photos);
    v["has_report"] = !g.report.empty() || !v["figures"].empty() || !v["photos"].empty();
    v["last_confirmed"] = date_view(g.meta.last_confirmed);
    v["as_of"] = date_view(g.meta.as_of);
    v["source"] = g.meta.source;

    PageFrame frame;
    frame.path = grant_path(g.meta.id);
    frame.title = v["title"].get<std::string>();
    frame.description = v["recipient"]["name"].get<std::string>() + "への助成（" + fiscal_year_label(g.fiscal_year) + "、" +
                        yen_amount(g.amount_awarded_yen) + "）";
    frame.nav_key = "funds";
    frame.crumbs = {{"助け合い基金", "funds/index.html"}};
    if (fund_ix >= 0) {
        const Fund& f = site.funds[fund_ix];
        frame.crumbs.push_back({f.name, fund_path(f.meta.id)});
        if (!f.real) frame.crumbs.push_back({"助成一覧", fund_grants_path(f.meta.id)});
    }

    // schema.org MonetaryGrant (360Giving's fields live in opendata/).
    json ld{{"@context", "https://schema.org"},
            {"@type", "MonetaryGrant"},
            {"name", v["title"]},
            {"identifier", g.meta.id},
            {"amount", {{"@type", "MonetaryAmount"}, {"currency", "JPY"}, {"value", g.amount_awarded_yen}}}};
    if (!ctx.base_url.empty()) ld["url"] = absolute_url(ctx.base_url, grant_path(g.meta.id));
    if (!g.purpose.empty()) ld["description"] = markdown_to_plain_text(g.purpose);
    if (fund_ix >= 0) {
        json funder{{"@type", "Organization"}, {"name", site.funds[fund_ix].name}};
        if (!ctx.base_url.empty()) funder["url"] = absolute_url(ctx.base_url, fund_path(site.funds[fund_ix].meta.id));
        ld["funder"] = std::move(funder);
    }
    if (valid_ix(site.organizations, g.recipient_ix)) {
        json rec{{"@type", "Organization"}, {"name", site.organizations[g.recipient_ix].name}};
        if (!ctx.base_url.empty()) rec["url"] = absolute_url(ctx.base_url, organization_path(site.organizations[g.recipient_ix].meta.id));
        ld["fundedItem"] = std::move(rec);
    }
    frame.json_ld = json_for_script(ld);

    json view;
    view["grant"] = std::move(v);
    return render_page(ctx, frame, "grant", std::move(view));
}

}  // namespace

void plan_grant_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    for (size_t i = 0; i < site.grants.size(); ++i) {
        const int ix = static_cast<int>(i);
        plan.push_back(PageJob{grant_path(site.grants[i].meta.id), to_iso(site.grants[i].meta.last_confirmed), true,
                               [ix](const RenderContext& ctx) { return render_grant(ctx, ix); }});
    }
}

}  // namespace tsunagu
