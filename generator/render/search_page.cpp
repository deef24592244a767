// search/index.html: the search form with its filters, the result list search.js fills, and
// browse lists that work without JavaScript. The index itself is written by index/search_index.
#include <string>

#include "model/taxonomy.h"
#include "render/page_plan.h"
#include "render/vendor_assets.h"

namespace tsunagu {

using nlohmann::json;

namespace {

json vocabulary_view(Vocabulary v) {
    json out = json::array();
    for (const Term& t : terms(v)) out.push_back({{"slug", std::string(t.slug)}, {"label", std::string(t.label)}});
    return out;
}

void add_area_options(const RenderContext& ctx, int a, int depth, json& areas, json& near) {
    const Area& area = ctx.site->areas[a];
    std::string indent;
    for (int i = 0; i < depth; ++i) indent += "　";
    areas.push_back({{"id", area.meta.id}, {"name", area.name}, {"depth", depth}, {"indent", indent}});
    near.push_back({{"value", "area:" + area.meta.id}, {"label", indent + area.name}});
    for (const std::string& town : area.towns)
        near.push_back({{"value", "town:" + area.meta.id + ":" + town}, {"label", indent + "　" + town}});
    if (depth < 64)
        for (int c : ctx.area_children[a]) add_area_options(ctx, c, depth + 1, areas, near);
}

std::string render_search(const RenderContext& ctx) {
    PageFrame frame;
    frame.path = "search/index.html";
    frame.title = "キーワードで探す";
    frame.description = "活動・居場所・相談窓口を名前や読みがな、種類、地域、曜日でさがせます";
    frame.nav_key = "search";
    if (ctx.map) add_map_assets(frame);  // the 地図でも表示 switch; the list never depends on it
    for (const char* js : {"assets/js/tokenizer.js", "assets/js/schedule.js", "assets/js/search.js"}) frame.extra_js.push_back(js);
    json view;
    view["content_types"] = vocabulary_view(Vocabulary::content_type);
    view["forms"] = vocabulary_view(Vocabulary::form);
    view["targets"] = vocabulary_view(Vocabulary::target_people);
    view["statuses"] = vocabulary_view(Vocabulary::status);
    json areas = json::array(), near = json::array();
    for (int r : ctx.root_areas_by_reading) add_area_options(ctx, r, 0, areas, near);
    view["areas"] = std::move(areas);
    view["near_places"] = std::move(near);
    static const char* const kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};
    json weekdays = json::array();
    for (int d : {1, 2, 3, 4, 5, 6, 0}) weekdays.push_back({{"value", std::to_string(d)}, {"label", kWeekdays[d]}});
    view["weekdays"] = std::move(weekdays);
    view["children"] = home_area_tree(ctx);
    view["has_children"] = !view["children"].empty();
    view["categories"] = category_counts(ctx);
    view["targets_browse"] = target_counts(ctx);
    return render_page(ctx, frame, "search", std::move(view));
}

}  // namespace

void plan_search_page(const RenderContext&, PagePlan& plan) {
    plan.push_back(PageJob{"search/index.html", "", true, render_search});
}

}  // namespace tsunagu
