// organizations/ID.html: who runs activities, how to reach them, their legal form over time,
// and what they run (activities and consultation points).
#include <algorithm>

#include "render/fund_views.h"
#include "render/json_ld.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/pagination.h"
#include "render/record_views.h"
#include "text/money.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

// An organization with more activities than fit one page lists them on its own pages.
constexpr size_t kInlineActivities = 200;

std::string activities_base(const Organization& o) { return "organizations/" + url_path_escape(o.meta.id) + "/activities"; }

std::vector<int> activities_in_reading_order(const RenderContext& ctx, const Organization& o) {
    std::vector<int> out;
    for (int a : o.activities_ix)
        if (a >= 0 && a < static_cast<int>(ctx.activity_rank.size())) out.push_back(a);
    std::sort(out.begin(), out.end(), [&](int a, int b) { return ctx.activity_rank[a] < ctx.activity_rank[b]; });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

json organization_view(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const Organization& o = site.organizations[ix];
    json v;
    v["name"] = o.name;
    v["reading"] = o.reading;
    v["aliases"] = join_labels(o.aliases);
    v["legal_form"] = o.legal_form;
    v["corporate_number"] = o.corporate_number;
    json history = json::array();
    for (const LegalFormChange& h : o.legal_form_history) history.push_back({{"date", date_view(h.date)}, {"form", h.form}});
    v["has_history"] = !history.empty();
    v["history"] = std::move(history);
    v["founded"] = date_view(o.founded);
    v["areas"] = area_links(site, o.areas_served_ix);
    v["has_areas"] = !v["areas"].empty();
    v["address"] = o.address;
    v["contact"] = contact_view(o.contact);
    json disclosures = json::array();
    for (const Link& l : o.disclosures)
        disclosures.push_back({{"title", l.title.empty() ? l.url : l.title}, {"url", l.url}, {"href", is_http_url(l.url) ? l.url : ""}});
    v["has_disclosures"] = !disclosures.empty();
    v["disclosures"] = std::move(disclosures);
    v["description_html"] = o.description.empty() ? std::string() : render_markdown_at(o.description, 3);
    v["last_confirmed"] = date_view(o.meta.last_confirmed);
    v["as_of"] = date_view(o.meta.as_of);
    v["source"] = o.meta.source;

    std::vector<int> acts = activities_in_reading_order(ctx, o);
    json cards = json::array();
    if (acts.size() <= kInlineActivities)
        for (int a : acts) cards.push_back(ctx.activity_cards[a]);
    v["activities"] = std::move(cards);
    v["activity_count"] = count_text(static_cast<long long>(acts.size()), "件");
    v["has_activities"] = !acts.empty();
    v["activities_link"] = acts.size() > kInlineActivities ? paged_path(activities_base(o), 1) : std::string();

    std::vector<int> points;
    for (int p : o.consultation_ix)
        if (p >= 0 && p < static_cast<int>(ctx.consultation_rank.size())) points.push_back(p);
    std::sort(points.begin(), points.end(), [&](int a, int b) { return ctx.consultation_rank[a] < ctx.consultation_rank[b]; });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    json pcards = json::array();
    for (int p : points) pcards.push_back(ctx.consultation_cards[p]);
    v["has_consultation"] = !pcards.empty();
    v["consultation"] = std::move(pcards);

    // 助成を受けた実績 (grants received) and the funds it runs.
    json grants = json::array();
    long long awarded = 0;
    for (int g : o.grants_ix) {
        if (g < 0 || g >= static_cast<int>(site.grants.size())) continue;
        grants.push_back(grant_row(site, g));
        if (!grant_cancelled(site.grants[g])) awarded += site.grants[g].amount_awarded_yen;
    }
    v["has_grants"] = !grants.empty();
    v["grants"] = std::move(grants);
    v["grants_total"] = yen_amount(awarded);
    json funds = json::array();
    for (size_t f = 0; f < site.funds.size(); ++f)
        if (site.funds[f].operator_ix == ix) funds.push_back({{"name", site.funds[f].name}, {"url", fund_path(site.funds[f].meta.id)}});
    v["has_funds"] = !funds.empty();
    v["funds"] = std::move(funds);
    return v;
}

}  // namespace

void plan_organization_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    for (size_t i = 0; i < site.organizations.size(); ++i) {
        const Organization& o = site.organizations[i];
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = organization_path(o.meta.id);
        job.lastmod = to_iso(o.meta.last_confirmed);
        job.render = [ix](const RenderContext& ctx) {
            const Organization& o = ctx.site->organizations[ix];
            PageFrame frame;
            frame.path = organization_path(o.meta.id);
            frame.title = o.name;
            frame.nav_key = "organizations";
            frame.crumbs = {{"団体", "organizations/index.html"}};
            frame.json_ld = json_for_script(organization_json_ld(*ctx.site, ix, ctx.base_url));
            json view;
            view["organization"] = organization_view(ctx, ix);
            return render_page(ctx, frame, "organization", std::move(view));
        };
        plan.push_back(std::move(job));

        std::vector<int> acts = activities_in_reading_order(ctx, o);
        if (acts.size() > kInlineActivities) {
            ActivityList list;
            list.base = activities_base(o);
            list.title = o.name + "の活動";
            list.nav_key = "organizations";
            list.crumbs = {{"団体", "organizations/index.html"}, {o.name, organization_path(o.meta.id)}};
            plan_activity_list(list, std::make_shared<const std::vector<int>>(std::move(acts)), plan);
        }
    }
}

}  // namespace tsunagu
