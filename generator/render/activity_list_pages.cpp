// Paginated activity lists, shared by category, target-group, area-group and organization pages.
#include "render/links.h"
#include "render/page_plan.h"
#include "render/pagination.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

void plan_activity_list(const ActivityList& list, std::shared_ptr<const std::vector<int>> items, PagePlan& plan) {
    const size_t count = page_count(items->size());
    auto shared = std::make_shared<const ActivityList>(list);
    for (size_t n = 1; n <= count; ++n) {
        PageJob job;
        job.path = paged_path(list.base, n);
        job.render = [shared, items, n, count](const RenderContext& ctx) {
            const ActivityList& l = *shared;
            PageFrame frame;
            frame.path = paged_path(l.base, n);
            frame.title = n == 1 ? l.title : l.title + "（" + std::to_string(n) + "ページ目）";
            frame.nav_key = l.nav_key;
            frame.crumbs = l.crumbs;
            frame.prev_path = n > 1 ? paged_path(l.base, n - 1) : "";
            frame.next_path = n < count ? paged_path(l.base, n + 1) : "";
            frame.description = l.intro;
            size_t begin = (n - 1) * kPageSize;
            size_t end = std::min(items->size(), begin + kPageSize);
            json cards = json::array();
            for (size_t i = begin; i < end; ++i) cards.push_back(ctx.activity_cards[(*items)[i]]);
            json view;
            view["intro"] = l.intro;
            view["empty_text"] = l.empty_text;
            view["total"] = count_text(static_cast<long long>(items->size()), "件");
            view["range"] = items->size() > kPageSize
                                ? std::to_string(begin + 1) + "〜" + std::to_string(end) + "件目を表示しています。"
                                : std::string();
            view["activities"] = std::move(cards);
            view["pager"] = pager_view(l.base, n, count);
            return render_page(ctx, frame, "activity_list", std::move(view));
        };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
