// organizations/index.html (団体の一覧): every organization in 50音 order under its kana row,
// with a jump list to the rows; split into index.html, index-2.html … above kPageSize entries.
#include <algorithm>
#include <memory>

#include "render/grouped_pages.h"
#include "render/kana_rows.h"
#include "render/links.h"
#include "render/page_plan.h"
#include "render/pagination.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kIndexBase = "organizations/index";

// The organizations in display order (row by row, reading order within a row) and each one's row.
// Reading order alone would scatter その他 (Latin names sort before kana, kanji after).
struct OrganizationIndex {
    std::vector<int> order;
    std::vector<size_t> row_of;  // per entry of order
};

OrganizationIndex build_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    std::vector<std::pair<size_t, int>> rows;
    rows.reserve(ctx.organizations_by_reading.size());
    for (int o : ctx.organizations_by_reading) {
        const Organization& org = site.organizations[o];
        // A kana name without a reading still has a kana reading; a kanji one goes to その他.
        rows.emplace_back(kana_row(reading_key(org.reading, org.name)), o);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    OrganizationIndex idx;
    for (const auto& [row, o] : rows) {
        idx.order.push_back(o);
        idx.row_of.push_back(row);
    }
    return idx;
}

// Activities an organization runs, each counted once.
size_t activity_count(const RenderContext& ctx, const Organization& o) {
    std::vector<int> acts;
    for (int a : o.activities_ix)
        if (a >= 0 && a < static_cast<int>(ctx.site->activities.size())) acts.push_back(a);
    std::sort(acts.begin(), acts.end());
    return static_cast<size_t>(std::unique(acts.begin(), acts.end()) - acts.begin());
}

std::string render_index_page(const RenderContext& ctx, const OrganizationIndex& idx, size_t n, size_t pages) {
    const Site& site = *ctx.site;
    const size_t total = idx.order.size();
    const size_t begin = (n - 1) * kPageSize;
    const size_t end = std::min(total, begin + kPageSize);

    // The jump list names every row of the whole list and links to the page where it starts,
    // so a reader on page 1 can still go straight to ら行.
    json jump = json::array();
    for (size_t i = 0; i < total; ++i)
        if (i == 0 || idx.row_of[i] != idx.row_of[i - 1])
            jump.push_back({{"label", std::string(kana_row_label(idx.row_of[i]))},
                            {"url", paged_path(kIndexBase, i / kPageSize + 1) + "#" + std::string(kana_row_anchor(idx.row_of[i]))}});

    json rows = json::array();
    for (const GroupSlice& s : group_slices(idx.row_of, begin, end)) {
        json entries = json::array();
        for (size_t i = s.begin; i < s.end; ++i) {
            const int o = idx.order[i];
            json e = organization_card(site, o);
            e["activity_count"] = count_text(static_cast<long long>(activity_count(ctx, site.organizations[o])), "件");
            entries.push_back(std::move(e));
        }
        rows.push_back({{"label", std::string(kana_row_label(s.group))},
                        {"anchor", std::string(kana_row_anchor(s.group))},
                        {"continued", s.continued},
                        {"organizations", std::move(entries)}});
    }

    PageFrame frame;
    frame.path = paged_path(kIndexBase, n);
    frame.title = n == 1 ? "団体の一覧" : "団体の一覧（" + std::to_string(n) + "ページ目）";
    frame.description = "地域の活動を運営している団体を50音順に並べています。";
    frame.nav_key = "organizations";
    frame.prev_path = n > 1 ? paged_path(kIndexBase, n - 1) : "";
    frame.next_path = n < pages ? paged_path(kIndexBase, n + 1) : "";
    json view;
    view["total"] = count_text(static_cast<long long>(total), "団体");
    view["range"] = total > kPageSize ? std::to_string(begin + 1) + "〜" + std::to_string(end) + "件目を表示しています。"
                                      : std::string();
    view["has_rows"] = !rows.empty();
    view["jump"] = std::move(jump);
    view["rows"] = std::move(rows);
    view["pager"] = pager_view(kIndexBase, n, pages);
    return render_page(ctx, frame, "organization_index", std::move(view));
}

}  // namespace

void plan_organization_index_pages(const RenderContext& ctx, PagePlan& plan) {
    auto idx = std::make_shared<const OrganizationIndex>(build_index(ctx));
    const size_t pages = page_count(idx->order.size());
    for (size_t n = 1; n <= pages; ++n)
        plan.push_back(PageJob{paged_path(kIndexBase, n), "", true,
                               [idx, n, pages](const RenderContext& ctx) { return render_index_page(ctx, *idx, n, pages); }});
}

}  // namespace tsunagu
