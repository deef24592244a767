// targets/index.html and targets/SLUG.html: activities by who they are for (対象).
#include "model/taxonomy.h"
#include "render/links.h"
#include "render/page_plan.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

// [{label, url, count}] for every target group in taxonomy order.
json target_counts(const RenderContext& ctx) {
    json out = json::array();
    auto ts = terms(Vocabulary::target_people);
    for (size_t t = 0; t < ts.size(); ++t)
        out.push_back({{"label", std::string(ts[t].label)},
                       {"url", target_path(ts[t].slug)},
                       {"count", count_text(static_cast<long long>(ctx.target_activities[t].size()), "件")}});
    return out;
}

void plan_target_pages(const RenderContext& ctx, PagePlan& plan) {
    plan.push_back(PageJob{"targets/index.html", "", true, [](const RenderContext& ctx) {
                               PageFrame frame;
                               frame.path = "targets/index.html";
                               frame.title = "対象から探す";
                               frame.description = "高齢の方、子育て中の方など、対象ごとに活動を探せます。";
                               frame.nav_key = "targets";
                               json view;
                               view["terms"] = target_counts(ctx);
                               view["intro"] = "どなた向けの活動を探していますか。かっこ内は登録されている活動の数です。";
                               return render_page(ctx, frame, "target_index", std::move(view));
                           }});
    auto ts = terms(Vocabulary::target_people);
    for (size_t t = 0; t < ts.size(); ++t) {
        ActivityList list;
        list.base = "targets/" + std::string(ts[t].slug);
        list.title = std::string(ts[t].label) + "向けの活動";
        list.intro = "対象に「" + std::string(ts[t].label) + "」を挙げている活動を読み方の順に並べています。";
        list.nav_key = "targets";
        list.crumbs = {{"対象から探す", "targets/index.html"}};
        plan_activity_list(list, std::make_shared<const std::vector<int>>(ctx.target_activities[t]), plan);
    }
}

}  // namespace tsunagu
