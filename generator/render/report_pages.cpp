// 協議体の年次報告: reports/index.html and reports/ID.html, one council's fiscal year. The
// report is assembled from the directory: the meetings the council recorded in the year, the
// activities inside its area whose start_date falls in the year, the coverage / gap matrix of
// its area and of each area directly below it (model/gap_matrix), and indicators counted per
// area over the years; only the vision, needs found, typed indicators and plans are written.
#include <algorithm>

#include "model/gap_matrix.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/record_views.h"
#include "model/case_figures.h"
#include "text/money.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kIndexPath = "reports/index.html";
constexpr const char* kIndexTitle = "協議体の活動報告";
constexpr int kIndicatorYears = 5;  // computed series: the report's year and the four before it

Date fiscal_year_end(int fy) { return Date{fy + 1, 3, 31}; }

std::string report_title(const Site& site, const CouncilReport& r) {
    if (!r.title.empty()) return r.title;
    const std::string council = r.council_ix >= 0 ? site.networks[r.council_ix].name : r.council;
    return fiscal_year_label(r.fiscal_year) + " " + council + " 活動報告";
}

// Listed at the end of the fiscal year: no start date, or one not after the year's end.
bool existed_at(const Activity& a, int fy) { return a.start_date.empty() || a.start_date <= fiscal_year_end(fy); }

// The activities of an area (its own and those of the areas inside it) as they were at the end
// of fiscal year fy, so an old report is not rewritten by later activities.
std::vector<int> activities_at(const RenderContext& ctx, int area_ix, int fy) {
    std::vector<int> out;
    for (int a : ctx.area_activities[area_ix])
        if (existed_at(ctx.site->activities[a], fy)) out.push_back(a);
    return out;
}

// The council's area and the areas directly below it, for the per-area tables.
std::vector<int> report_areas(const RenderContext& ctx, const Network& n) {
    std::vector<int> out;
    if (n.area_ix < 0) return out;
    out.push_back(n.area_ix);
    for (int c : ctx.area_children[n.area_ix]) out.push_back(c);
    return out;
}

json matrix_view(const RenderContext& ctx, int area_ix, int fy, const std::string& id) {
    const Site& site = *ctx.site;
    const GapMatrix m = gap_matrix(site, activities_at(ctx, area_ix, fy));
    json columns = json::array();
    for (const std::string& c : m.columns) columns.push_back(c);
    json rows = json::array();
    for (size_t r = 0; r < m.rows.size(); ++r) {
        json cells = json::array();
        int row_total = 0;
        for (size_t c = 0; c < m.columns.size(); ++c) {
            const GapCell& cell = m.cells[r][c];
            row_total += cell.count;
            cells.push_back({{"count", std::to_string(cell.count)},
                             {"mark", suitability_mark(cell.suitability)},
                             {"gap", cell.gap},
                             {"rated", cell.suitability != 0}});
        }
        rows.push_back({{"label", m.rows[r]}, {"cells", std::move(cells)}, {"total", std::to_string(row_total)}});
    }
    const Area& a = site.areas[area_ix];
    return {{"id", id},
            {"area", a.name},
            {"area_url", area_path(a.meta.id)},
            {"columns", std::move(columns)},
            {"rows", std::move(rows)},
            {"activities", count_text(m.activities, "件")},
            {"without_form", m.without_form > 0},
            {"without_form_text", count_text(m.without_form, "件")},
            {"gaps", m.gaps},
            {"gaps_text", count_text(m.gaps, "か所")}};
}

// Per area and fiscal year: listed activities of the content type, and per 1,000 aged 65+ when
// the area has that population.
json computed_indicator_view(const RenderContext& ctx, const ComputedIndicator& ci, const std::vector<int>& areas, int fy) {
    const Site& site = *ctx.site;
    json years = json::array();
    for (int y = fy - kIndicatorYears + 1; y <= fy; ++y) years.push_back(fiscal_year_label(y));
    json rows = json::array();
    bool any_rate = false;
    for (int area_ix : areas) {
        const Area& a = site.areas[area_ix];
        json values = json::array();
        for (int y = fy - kIndicatorYears + 1; y <= fy; ++y) {
            int count = 0;
            for (int act : activities_at(ctx, area_ix, y)) {
                const Activity& x = site.activities[act];
                if (x.status != "活動中") continue;
                if (std::find(x.content_types.begin(), x.content_types.end(), ci.content_type) != x.content_types.end()) ++count;
            }
            std::string rate;
            if (ci.per_1000_aged_65plus && a.population_65plus && *a.population_65plus > 0) {
                rate = decimal_text(count * 1000.0 / static_cast<double>(*a.population_65plus), 2);
                any_rate = true;
            }
            values.push_back({{"count", std::to_string(count)}, {"rate", rate}});
        }
        rows.push_back({{"area", a.name},
                        {"aged", a.population_65plus ? grouped_number(*a.population_65plus) + "人" : ""},
                        {"values", std::move(values)}});
    }
    return {{"label", ci.label}, {"content_type", ci.content_type}, {"years", std::move(years)}, {"rows", std::move(rows)},
            {"per_1000", ci.per_1000_aged_65plus && any_rate}};
}

json activity_row(const RenderContext& ctx, int a) {
    const Site& site = *ctx.site;
    const Activity& act = site.activities[a];
    std::vector<std::string> areas;
    for (int ar : act.areas_ix) areas.push_back(site.areas[ar].name);
    return {{"name", act.name},
            {"url", activity_path(act.meta.id)},
            {"id", act.meta.id},
            {"areas", join_labels(areas)},
            {"content_types", join_labels(act.content_types)},
            {"form", act.form},
            {"organization", act.organization_ix >= 0 ? site.organizations[act.organization_ix].name : ""},
            {"start", dual_date_view(act.start_date)},
            {"status", inactive_status(act.status)}};
}

PageParts report_parts(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const CouncilReport& r = site.reports[ix];
    const int fy = r.fiscal_year;
    const Network* n = r.council_ix >= 0 ? &site.networks[r.council_ix] : nullptr;
    PageFrame frame;
    frame.path = report_path(r.meta.id);
    frame.title = report_title(site, r);
    frame.description = frame.title + "：会議、見つかったニーズ、始まった活動、地域ごとの活動の充足と不足。";
    frame.nav_key = "reports";
    frame.crumbs = {{kIndexTitle, kIndexPath}};
    json view;
    view["fiscal_year"] = fiscal_year_label(fy);
    view["period"] = format_date_ja(Date{fy, 4, 1}) + "〜" + format_date_ja(fiscal_year_end(fy));
    view["council"] = n ? json{{"present", true}, {"name", n->name}, {"url", network_path(n->meta.id)}, {"kind", n->kind},
                               {"area", n->area_ix >= 0 ? site.areas[n->area_ix].name : ""}}
                        : json{{"present", false}};
    view["vision_html"] = render_markdown_at(r.vision, 3);
    view["summary_html"] = r.summary.empty() ? std::string() : render_markdown_at(r.summary, 3);

    // Meetings of the year, oldest first (a report reads in order).
    json meetings = json::array();
    if (n)
        for (const Meeting& m : n->meetings) {
            if (m.date.empty() || fiscal_year_of(m.date) != fy) continue;
            int total = 0;
            std::vector<std::string> sectors;
            for (const auto& [sector, count] : m.attendance) {
                total += count;
                sectors.push_back(sector + " " + std::to_string(count) + "人");
            }
            meetings.push_back({{"date", date_view(m.date)},
                                {"title", m.title},
                                {"total", m.attendance.empty() ? std::string() : std::to_string(total) + "人"},
                                {"sectors", join_labels(sectors)},
                                {"agenda", join_labels(m.agenda)},
                                {"decisions", m.decisions},
                                {"has_decisions", !m.decisions.empty()}});
        }
    view["meetings"] = meetings;
    view["has_meetings"] = !meetings.empty();
    view["meeting_count"] = count_text(static_cast<long long>(meetings.size()), "回");

    // Needs found, grouped by area in the order of the report's areas, then others.
    json needs = json::array();
    for (const FoundNeed& nd : r.needs)
        needs.push_back({{"area", nd.area_ix >= 0 ? site.areas[nd.area_ix].name : nd.area},
                         {"content_type", nd.content_type},
                         {"found", date_view(nd.found)},
                         {"how", nd.how},
                         {"text", nd.text}});
    view["needs"] = std::move(needs);
    view["has_needs"] = !r.needs.empty();

    // Activities started this fiscal year inside the council's area: computed, never typed.
    json started = json::array();
    int year_only = 0;
    if (n && n->area_ix >= 0)
        for (int a : ctx.area_activities[n->area_ix]) {
            const Activity& act = site.activities[a];
            if (act.start_date.empty()) continue;
            if (act.start_date.month == 0) {
                if (act.start_date.year == fy || act.start_date.year == fy + 1) ++year_only;
                continue;
            }
            if (fiscal_year_of(act.start_date) == fy) started.push_back(activity_row(ctx, a));
        }
    std::stable_sort(started.begin(), started.end(), [](const json& a, const json& b) {
        return a["start"]["iso"].get<std::string>() < b["start"]["iso"].get<std::string>();
    });
    view["started"] = started;
    view["has_started"] = !started.empty();
    view["started_count"] = count_text(static_cast<long long>(started.size()), "件");
    view["year_only"] = year_only > 0;
    view["year_only_text"] = count_text(year_only, "件");

    // Coverage / gap matrices.
    const std::vector<int> areas = n ? report_areas(ctx, *n) : std::vector<int>{};
    json matrices = json::array();
    int k = 0;
    for (int a : areas) matrices.push_back(matrix_view(ctx, a, fy, "m" + std::to_string(k++)));
    view["matrices"] = std::move(matrices);
    view["has_matrices"] = !areas.empty();
    view["has_suitability"] = site.gap_matrix.present;
    view["suitability_source"] = site.gap_matrix.source;
    view["suitability_note"] = site.gap_matrix.note;
    view["as_of_end"] = format_date_ja(fiscal_year_end(fy));

    // Indicators: typed series, then those counted from the directory.
    json indicators = json::array();
    for (const Indicator& ind : r.indicators) {
        json values = json::array();
        for (const IndicatorValue& v : ind.values)
            values.push_back({{"year", fiscal_year_label(v.year)}, {"value", decimal_text(v.value, 2) + ind.unit}});
        indicators.push_back({{"label", ind.label}, {"unit", ind.unit}, {"source", ind.source}, {"scope", ind.scope}, {"values", std::move(values)}});
    }
    view["indicators"] = std::move(indicators);
    view["has_indicators"] = !r.indicators.empty();
    json computed = json::array();
    for (const ComputedIndicator& ci : r.computed_indicators) computed.push_back(computed_indicator_view(ctx, ci, areas, fy));
    view["computed"] = std::move(computed);
    view["has_computed"] = !r.computed_indicators.empty() && !areas.empty();
    std::string aged_source;
    if (!areas.empty()) {
        const Area& top = site.areas[areas.front()];
        aged_source = top.meta.source;
        if (!top.meta.as_of.empty()) aged_source += (aged_source.empty() ? "" : "、") + format_date_ja(top.meta.as_of) + "現在";
    }
    view["aged_source"] = aged_source;

    json plans = json::array();
    for (const ReportPlan& p : r.plans)
        plans.push_back({{"text", p.text}, {"area", p.area_ix >= 0 ? site.areas[p.area_ix].name : ""}, {"content_type", p.content_type}});
    view["plans"] = std::move(plans);
    view["has_plans"] = !r.plans.empty();
    view["source"] = r.meta.source;
    view["as_of"] = date_view(r.meta.as_of);
    return PageParts{std::move(frame), "report", std::move(view)};
}

std::string render_report(const RenderContext& ctx, int ix) { return render_page(ctx, report_parts(ctx, ix)); }

std::string render_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    PageFrame frame;
    frame.path = kIndexPath;
    frame.title = kIndexTitle;
    frame.description = "協議体が毎年度まとめる活動報告です。会議、見つかったニーズ、始まった活動、足りない活動が分かります。";
    frame.nav_key = "reports";
    json groups = json::array();
    for (const Network& n : site.networks) {
        if (n.reports_ix.empty()) continue;
        json list = json::array();
        for (auto it = n.reports_ix.rbegin(); it != n.reports_ix.rend(); ++it)
            list.push_back({{"title", report_title(site, site.reports[*it])}, {"url", report_path(site.reports[*it].meta.id)},
                            {"year", fiscal_year_label(site.reports[*it].fiscal_year)}});
        groups.push_back({{"council", n.name}, {"url", network_path(n.meta.id)}, {"reports", std::move(list)}});
    }
    json view;
    view["groups"] = std::move(groups);
    return render_page(ctx, frame, "report_index", std::move(view));
}

}  // namespace

PageParts report_page(const RenderContext& ctx, int report_ix) { return report_parts(ctx, report_ix); }

void plan_report_pages(const RenderContext& ctx, PagePlan& plan) {
    plan_index_and_record_pages(
        plan, kIndexPath, render_index, ctx.site->reports, [](const CouncilReport& r) { return report_path(r.meta.id); },
        [](const CouncilReport& r) { return r.meta.as_of; }, render_report);
}

}  // namespace tsunagu
