// index.html: the ways in — by difficulty (困りごと), by area, by kind of activity, by who it is
// for, where to ask, who runs it — and what was confirmed most recently.
#include <algorithm>
#include <numeric>

#include "render/page_plan.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr size_t kRecent = 10;
constexpr size_t kHomeConsultation = 12;  // more than this: link to the full list instead
constexpr size_t kHomeDifficulties = 12;  // 困りごと shown near the top; the rest on komarigoto/index.html

std::vector<int> recently_confirmed(const Site& site) {
    std::vector<int> ixs;
    for (size_t i = 0; i < site.activities.size(); ++i)
        if (!site.activities[i].meta.last_confirmed.empty()) ixs.push_back(static_cast<int>(i));
    auto newer = [&](int a, int b) {
        const RecordMeta& ma = site.activities[a].meta;
        const RecordMeta& mb = site.activities[b].meta;
        if (ma.last_confirmed != mb.last_confirmed) return ma.last_confirmed > mb.last_confirmed;
        return ma.id < mb.id;
    };
    size_t n = std::min(kRecent, ixs.size());
    std::partial_sort(ixs.begin(), ixs.begin() + static_cast<long>(n), ixs.end(), newer);
    ixs.resize(n);
    return ixs;
}

std::string render_home(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    PageFrame frame;
    frame.path = "index.html";
    frame.title = site.config.title;
    frame.nav_key = "home";
    json view;
    view["intro"] = site.config.description;
    view["children"] = home_area_tree(ctx);  // the area_tree partial walks "children"
    view["has_children"] = !view["children"].empty();
    view["difficulties"] = difficulty_links(ctx, kHomeDifficulties);
    view["has_difficulties"] = !view["difficulties"].empty();
    view["categories"] = category_counts(ctx);
    view["targets"] = target_counts(ctx);
    json points = json::array();
    for (size_t k = 0; k < ctx.consultation_by_reading.size() && k < kHomeConsultation; ++k)
        points.push_back(ctx.consultation_cards[ctx.consultation_by_reading[k]]);
    view["has_consultation"] = !points.empty();
    view["consultation"] = std::move(points);
    view["consultation_more"] = ctx.consultation_by_reading.size() > kHomeConsultation;
    view["consultation_count"] = count_text(static_cast<long long>(ctx.consultation_by_reading.size()), "か所");
    view["organization_count"] = count_text(static_cast<long long>(site.organizations.size()), "団体");
    json recent = json::array();
    for (int i : recently_confirmed(site)) {
        json card = ctx.activity_cards[i];
        card["confirmed"] = date_view(site.activities[i].meta.last_confirmed);
        recent.push_back(std::move(card));
    }
    view["has_recent"] = !recent.empty();
    view["recent"] = std::move(recent);
    view["activity_count"] = count_text(static_cast<long long>(site.activities.size()), "件");
    view["has_funds"] = !site.funds.empty();
    view["fund_count"] = count_text(static_cast<long long>(site.funds.size()), "件");
    return render_page(ctx, frame, "home", std::move(view));
}

}  // namespace

void plan_home_page(const RenderContext& ctx, PagePlan& plan) { plan.push_back(PageJob{"index.html", "", true, render_home}); }

}  // namespace tsunagu
