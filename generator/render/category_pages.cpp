// categories/index.html and categories/SLUG.html: activities by content type (活動の種類).
#include "model/taxonomy.h"
#include "render/links.h"
#include "render/page_plan.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

// [{label, url, count}] for every content type in taxonomy order, empty ones included.
json category_counts(const RenderContext& ctx) {
    json out = json::array();
    auto ts = terms(Vocabulary::content_type);
    for (size_t t = 0; t < ts.size(); ++t)
        out.push_back({{"label", std::string(ts[t].label)},
                       {"url", category_path(ts[t].slug)},
                       {"count", count_text(static_cast<long long>(ctx.type_activities[t].size()), "件")}});
    return out;
}

void plan_category_pages(const RenderContext& ctx, PagePlan& plan) {
    plan.push_back(PageJob{"categories/index.html", "", true, [](const RenderContext& ctx) {
                               PageFrame frame;
                               frame.path = "categories/index.html";
                               frame.title = "活動の種類から探す";
                               frame.description = "見守り、サロン、会食など、活動の種類ごとに探せます。";
                               frame.nav_key = "categories";
                               json view;
                               view["terms"] = category_counts(ctx);
                               view["intro"] = "活動の種類を選んでください。かっこ内は登録されている活動の数です。";
                               return render_page(ctx, frame, "category_index", std::move(view));
                           }});
    auto ts = terms(Vocabulary::content_type);
    for (size_t t = 0; t < ts.size(); ++t) {
        ActivityList list;
        list.base = "categories/" + std::string(ts[t].slug);
        list.title = std::string(ts[t].label);
        list.intro = "「" + std::string(ts[t].label) + "」の活動を読み方の順に並べています。";
        list.nav_key = "categories";
        list.crumbs = {{"活動の種類から探す", "categories/index.html"}};
        plan_activity_list(list, std::make_shared<const std::vector<int>>(ctx.type_activities[t]), plan);
    }
}

}  // namespace tsunagu
