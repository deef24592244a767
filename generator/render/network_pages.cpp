// ネットワーク・協議体: networks/index.html (every network and council, by kind) and
// networks/ID.html (who convenes it and runs its secretariat, members by category, observers,
// the relationship diagram the tool draws with its text equivalent, meeting history newest
// first, outputs, precursors, annual reports).
#include <algorithm>

#include "render/links.h"
#include "render/markdown_section.h"
#include "render/network_diagram.h"
#include "render/page_plan.h"
#include "render/record_views.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kIndexPath = "networks/index.html";
constexpr const char* kIndexTitle = "ネットワーク・協議体";

json org_link(const Site& site, int ix, const std::string& fallback) {
    if (ix >= 0)
        return {{"present", true}, {"name", site.organizations[ix].name}, {"url", organization_path(site.organizations[ix].meta.id)}};
    return {{"present", !fallback.empty()}, {"name", fallback}, {"url", ""}};
}

std::string member_name(const Site& site, const NetworkMember& m) {
    return m.organization_ix >= 0 ? site.organizations[m.organization_ix].name : m.name;
}

// The name a link end stands for: an organization's name for an id, else the text as written.
std::string end_name(const Site& site, const Network& n, const std::string& who) {
    for (const auto* list : {&n.members, &n.observers})
        for (const NetworkMember& m : *list)
            if (m.organization == who || m.name == who) return member_name(site, m);
    auto it = site.organization_by_id.find(who);
    return it != site.organization_by_id.end() ? site.organizations[it->second].name : who;
}

// Members grouped by category, categories in first-appearance order.
json member_groups(const Site& site, const std::vector<NetworkMember>& members) {
    std::vector<std::string> order;
    for (const NetworkMember& m : members)
        if (std::find(order.begin(), order.end(), m.category) == order.end()) order.push_back(m.category);
    json groups = json::array();
    for (const std::string& cat : order) {
        json list = json::array();
        for (const NetworkMember& m : members) {
            if (m.category != cat) continue;
            list.push_back({{"name", member_name(site, m)},
                            {"url", m.organization_ix >= 0 ? organization_path(site.organizations[m.organization_ix].meta.id) : ""},
                            {"role", m.role},
                            {"count", m.count > 1 ? std::to_string(m.count) + "人" : ""}});
        }
        const size_t n = list.size();
        groups.push_back({{"category", cat}, {"members", std::move(list)}, {"size", std::to_string(n)}});
    }
    return groups;
}

int attendance_total(const Meeting& m) {
    int t = 0;
    for (const auto& [sector, n] : m.attendance) t += n;
    return t;
}

std::string network_summary(const Site& site, const Network& n) {
    std::string s = n.kind;
    if (n.area_ix >= 0) s += "・" + site.areas[n.area_ix].name;
    return s;
}

std::string render_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    PageFrame frame;
    frame.path = kIndexPath;
    frame.title = kIndexTitle;
    frame.description = "地域の協議体や地域ケア会議、団体どうしのネットワークの一覧です。";
    frame.nav_key = "networks";
    json groups = json::array();
    for (const std::string& kind : network_kinds()) {
        json list = json::array();
        for (const Network& n : site.networks) {
            if (n.kind != kind) continue;
            const long long members = static_cast<long long>(n.members.size());
            list.push_back({{"name", n.name},
                            {"nickname", n.nickname},
                            {"url", network_path(n.meta.id)},
                            {"area", n.area_ix >= 0 ? site.areas[n.area_ix].name : ""},
                            {"secretariat", org_link(site, n.secretariat_ix, "")},
                            {"members", count_text(members, "")},
                            {"founded", dual_date_view(n.founded)},
                            {"meetings", count_text(static_cast<long long>(n.meetings.size()), "回")}});
        }
        if (!list.empty()) groups.push_back({{"kind", kind}, {"networks", std::move(list)}});
    }
    json view;
    view["groups"] = std::move(groups);
    view["count"] = count_text(static_cast<long long>(site.networks.size()), "件");
    view["has_reports"] = !site.reports.empty();
    return render_page(ctx, frame, "network_index", std::move(view));
}

std::string render_network(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const Network& n = site.networks[ix];
    PageFrame frame;
    frame.path = network_path(n.meta.id);
    frame.title = n.name;
    frame.description = network_summary(site, n) + "。メンバー、会議の記録、関係図。";
    frame.nav_key = "networks";
    frame.crumbs = {{kIndexTitle, kIndexPath}};
    json view;
    view["nickname"] = n.nickname;
    view["reading"] = n.reading;
    view["kind"] = n.kind;
    view["area"] = n.area_ix >= 0 ? json{{"present", true}, {"name", site.areas[n.area_ix].name}, {"url", area_path(site.areas[n.area_ix].meta.id)}}
                                  : json{{"present", false}, {"name", ""}, {"url", ""}};
    view["convener"] = org_link(site, n.convener_ix, n.convener);
    view["secretariat"] = org_link(site, n.secretariat_ix, n.secretariat);
    view["chair_role"] = n.chair_role;
    view["chair"] = org_link(site, n.chair_ix, "");
    view["frequency"] = n.frequency;
    view["founded"] = dual_date_view(n.founded);
    json precursors = json::array();
    for (const Precursor& p : n.precursors)
        precursors.push_back({{"name", p.name}, {"from", dual_date_view(p.from)}, {"to", dual_date_view(p.to)}, {"note", p.note}});
    view["precursors"] = std::move(precursors);
    view["has_precursors"] = !n.precursors.empty();
    view["description_html"] = n.description.empty() ? std::string() : render_markdown_at(n.description, 2);
    view["member_groups"] = member_groups(site, n.members);
    view["member_total"] = std::to_string(n.members.size());
    view["observers"] = member_groups(site, n.observers);
    view["has_observers"] = !n.observers.empty();

    view["diagram"] = network_diagram_svg(site, n, "nd-" + n.meta.id + "-");
    json links = json::array();
    for (const NetworkLink& l : n.links)
        links.push_back({{"from", end_name(site, n, l.from)}, {"to", end_name(site, n, l.to)}, {"label", l.label}});
    view["links"] = std::move(links);
    view["has_links"] = !n.links.empty();

    json meetings = json::array();
    for (auto it = n.meetings.rbegin(); it != n.meetings.rend(); ++it) {
        const Meeting& m = *it;
        json attendance = json::array();
        for (const auto& [sector, count] : m.attendance) attendance.push_back({{"sector", sector}, {"count", std::to_string(count) + "人"}});
        meetings.push_back({{"date", dual_date_view(m.date)},
                            {"fiscal_year", m.date.empty() ? std::string() : fiscal_year_label(fiscal_year_of(m.date))},
                            {"title", m.title},
                            {"attendance", std::move(attendance)},
                            {"has_attendance", !m.attendance.empty()},
                            {"total", m.attendance.empty() ? std::string() : std::to_string(attendance_total(m)) + "人"},
                            {"agenda", m.agenda},
                            {"has_agenda", !m.agenda.empty()},
                            {"decisions", m.decisions},
                            {"has_decisions", !m.decisions.empty()}});
    }
    view["meetings"] = std::move(meetings);
    view["has_meetings"] = !n.meetings.empty();
    json outputs = json::array();
    for (const NetworkOutput& o : n.outputs)
        outputs.push_back({{"title", o.title}, {"date", dual_date_view(o.date)}, {"kind", o.kind}, {"url", is_http_url(o.url) ? o.url : ""}});
    view["outputs"] = std::move(outputs);
    view["has_outputs"] = !n.outputs.empty();
    json reports = json::array();
    for (int r : n.reports_ix)
        reports.push_back({{"title", fiscal_year_label(site.reports[r].fiscal_year) + "の活動報告"}, {"url", report_path(site.reports[r].meta.id)}});
    view["reports"] = std::move(reports);
    view["has_reports"] = !n.reports_ix.empty();
    view["source"] = n.meta.source;
    view["last_confirmed"] = date_view(n.meta.last_confirmed);
    return render_page(ctx, frame, "network", std::move(view));
}

}  // namespace

void plan_network_pages(const RenderContext& ctx, PagePlan& plan) {
    plan_index_and_record_pages(
        plan, kIndexPath, render_index, ctx.site->networks, [](const Network& r) { return network_path(r.meta.id); },
        [](const Network& r) { return r.meta.last_confirmed; }, render_network);
}

}  // namespace tsunagu
