// areas/ID.html and areas/index.html: "near me". An area page lists the activities of the area
// and of every area inside it, grouped by content type in taxonomy order, plus its child areas
// and the consultation points that serve it.
#include <algorithm>

#include "model/taxonomy.h"
#include "render/calendar_files.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/pagination.h"
#include "render/record_views.h"
#include "render/vendor_assets.h"

namespace tsunagu {

using nlohmann::json;

namespace {

// A group longer than this gets its own (paginated) pages instead of filling the area page.
constexpr size_t kInlineGroup = 50;

std::string group_base(const Area& a, std::string_view slug) {
    return "areas/" + url_path_escape(a.meta.id) + "/" + std::string(slug);
}

struct Group {
    std::string title;
    std::string slug;
    std::vector<int> activities;
};

std::vector<Group> groups_of(const RenderContext& ctx, int area_ix) {
    const Site& site = *ctx.site;
    auto type_terms = terms(Vocabulary::content_type);
    std::vector<Group> groups(type_terms.size() + 1);
    for (size_t t = 0; t < type_terms.size(); ++t) {
        groups[t].title = std::string(type_terms[t].label);
        groups[t].slug = std::string(type_terms[t].slug);
    }
    groups.back().title = "その他";
    groups.back().slug = "other";
    for (int i : ctx.area_activities[area_ix]) {
        bool typed = false;
        std::vector<int> done;
        for (const std::string& label : site.activities[i].content_types) {
            int t = term_index(Vocabulary::content_type, label);
            if (t < 0 || std::find(done.begin(), done.end(), t) != done.end()) continue;
            done.push_back(t);
            groups[t].activities.push_back(i);
            typed = true;
        }
        if (!typed) groups.back().activities.push_back(i);
    }
    std::erase_if(groups, [](const Group& g) { return g.activities.empty(); });
    return groups;
}

json area_tree(const RenderContext& ctx, int a, int max_depth, int depth = 0) {
    const Area& area = ctx.site->areas[a];
    json children = json::array();
    if (depth < max_depth && depth < 64)
        for (int c : ctx.area_children[a]) children.push_back(area_tree(ctx, c, max_depth, depth + 1));
    bool has = !children.empty();
    return json{{"name", area.name},
                {"url", area_path(area.meta.id)},
                {"level", area.level},
                {"count", count_text(static_cast<long long>(ctx.area_activities[a].size()), "件")},
                {"children", std::move(children)},
                {"has_children", has}};
}

std::string percent_text(long long part, long long whole) {
    long long tenths = (part * 1000 + whole / 2) / whole;  // rounded to 0.1 %
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

json area_view(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const Area& a = site.areas[ix];
    json v;
    v["name"] = a.name;
    v["reading"] = a.reading;
    v["level"] = a.level;
    v["aliases"] = join_labels(a.aliases);
    v["towns"] = join_labels(a.towns);
    v["description_html"] = a.description.empty() ? std::string() : render_markdown_at(a.description, 2);

    json stats = json::array();
    if (a.population) stats.push_back({{"label", "人口"}, {"value", count_text(*a.population, "人")}});
    if (a.households) stats.push_back({{"label", "世帯数"}, {"value", count_text(*a.households, "世帯")}});
    if (a.population_65plus) stats.push_back({{"label", "65歳以上の人口"}, {"value", count_text(*a.population_65plus, "人")}});
    // 高齢化率 is derived, never typed (DOMAIN.md: typed derived figures go wrong).
    if (a.population && a.population_65plus && *a.population > 0)
        stats.push_back({{"label", "高齢化率（計算値）"}, {"value", percent_text(*a.population_65plus, *a.population)}});
    v["has_stats"] = !stats.empty();
    v["stats"] = std::move(stats);

    json children = json::array();
    for (int c : ctx.area_children[ix]) {
        const Area& child = site.areas[c];
        children.push_back({{"name", child.name},
                            {"url", area_path(child.meta.id)},
                            {"count", count_text(static_cast<long long>(ctx.area_activities[c].size()), "件")}});
    }
    v["has_children"] = !children.empty();
    v["children"] = std::move(children);

    json groups = json::array();
    bool has_points = false;  // the map is shown only for activities listed on this page
    for (const Group& g : groups_of(ctx, ix)) {
        bool inline_list = g.activities.size() <= kInlineGroup;
        json cards = json::array();
        if (inline_list)
            for (int i : g.activities) {
                cards.push_back(ctx.activity_cards[i]);
                has_points |= site.activities[i].venue.geo.present;
            }
        groups.push_back({{"title", g.title},
                          {"count", count_text(static_cast<long long>(g.activities.size()), "件")},
                          {"activities", std::move(cards)},
                          {"more_url", inline_list ? std::string() : paged_path(group_base(a, g.slug), 1)}});
    }
    // map.mustache reads these; map_markers also makes the cards carry data-lat / data-lon.
    const bool with_map = ctx.map && has_points;
    v["map_markers"] = with_map;
    v["map"] = with_map ? json{{"id", "area-map"}, {"label", a.name + "の活動の地図"}, {"list", "area-activities"},
                               {"skip_to", "area-activity-kinds"}, {"heading_level", 3}}
                        : json(false);
    v["has_groups"] = !groups.empty();
    v["groups"] = std::move(groups);
    v["activity_count"] = count_text(static_cast<long long>(ctx.area_activities[ix].size()), "件");
    // areas/ID.ics is written for every area; linked only when it holds an event (stops at the first).
    const bool has_events = std::any_of(ctx.area_activities[ix].begin(), ctx.area_activities[ix].end(),
                                        [&](int i) { return activity_has_calendar(site.activities[i]); });
    v["calendar_url"] = has_events ? area_calendar_path(a.meta.id) : std::string();

    json points = json::array();
    for (int p : ctx.area_consultation[ix]) points.push_back(ctx.consultation_cards[p]);
    v["has_consultation"] = !points.empty();
    v["consultation"] = std::move(points);
    v["last_confirmed"] = date_view(a.meta.last_confirmed);
    v["source"] = a.meta.source;
    return v;
}

std::string render_index(const RenderContext& ctx) {
    json roots = json::array();
    for (int r : ctx.root_areas_by_reading) roots.push_back(area_tree(ctx, r, 64));
    PageFrame frame;
    frame.path = "areas/index.html";
    frame.title = "地域から探す";
    frame.description = "お住まいの地域から、近くの活動や相談窓口を探せます。";
    frame.nav_key = "areas";
    json view;
    view["children"] = std::move(roots);
    view["has_children"] = !view["children"].empty();
    return render_page(ctx, frame, "area_index", std::move(view));
}

}  // namespace

nlohmann::json home_area_tree(const RenderContext& ctx) {
    json roots = json::array();
    for (int r : ctx.root_areas_by_reading) roots.push_back(area_tree(ctx, r, 1));
    return roots;
}

void plan_area_pages(const RenderContext& ctx, PagePlan& plan) {
    plan.push_back(PageJob{"areas/index.html", "", true, render_index});
    const Site& site = *ctx.site;
    for (size_t i = 0; i < site.areas.size(); ++i) {
        const Area& a = site.areas[i];
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = area_path(a.meta.id);
        job.render = [ix](const RenderContext& ctx) {
            const Area& a = ctx.site->areas[ix];
            PageFrame frame;
            frame.path = area_path(a.meta.id);
            frame.title = a.name;
            frame.description = a.name + "の活動・居場所と相談窓口";
            frame.nav_key = "areas";
            frame.crumbs = {{"地域から探す", "areas/index.html"}};
            for (Crumb& c : area_crumbs(ctx, ix, false)) frame.crumbs.push_back(std::move(c));
            json view;
            view["area"] = area_view(ctx, ix);
            if (view["area"]["map_markers"].get<bool>()) add_map_assets(frame);
            return render_page(ctx, frame, "area", std::move(view));
        };
        plan.push_back(std::move(job));

        for (Group& g : groups_of(ctx, ix)) {
            if (g.activities.size() <= kInlineGroup) continue;
            ActivityList list;
            list.base = group_base(a, g.slug);
            list.title = a.name + "の" + g.title;
            list.nav_key = "areas";
            list.crumbs = {{"地域から探す", "areas/index.html"}};
            for (Crumb& c : area_crumbs(ctx, ix, true)) list.crumbs.push_back(std::move(c));
            plan_activity_list(list, std::make_shared<const std::vector<int>>(std::move(g.activities)), plan);
        }
    }
}

}  // namespace tsunagu
