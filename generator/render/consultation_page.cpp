// consultation/ID.html and consultation/index.html (index-2.html … above kPageSize points): where
// to ask for help, listed by kind of 窓口 so a resident who knows "包括" or "あんしん北" finds the
// same place.
#include <algorithm>
#include <map>
#include <memory>

#include "render/grouped_pages.h"
#include "render/json_ld.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/pagination.h"
#include "render/record_views.h"
#include "text/schedule_format.h"

namespace tsunagu {

using nlohmann::json;

namespace {

json consultation_view(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const ConsultationPoint& p = site.consultation_points[ix];
    json v;
    v["name"] = p.name;
    v["reading"] = p.reading;
    v["generic_type"] = p.generic_type;
    v["local_alias"] = p.local_alias;
    v["aliases"] = join_labels(p.aliases);
    v["summary"] = p.summary;
    v["status"] = p.status;
    v["status_note"] = inactive_status(p.status);
    v["topics"] = join_labels(p.topics);
    v["target_people"] = term_links(Vocabulary::target_people, p.target_people);
    v["areas"] = area_links(site, p.areas_covered_ix);
    v["has_areas"] = !v["areas"].empty();
    v["has_target_people"] = !p.target_people.empty();
    v["channels"] = join_labels(p.channels);
    v["hours"] = format_schedule(p.hours);
    v["hours_note"] = p.hours.note;
    v["venue"] = venue_view(p.venue);
    v["contact"] = contact_view(p.contact);
    v["fee_note"] = p.fee_note;
    if (p.organization_ix >= 0) {
        const Organization& o = site.organizations[p.organization_ix];
        v["organization"] = {{"present", true}, {"name", o.name}, {"url", organization_path(o.meta.id)}};
    } else {
        v["organization"] = {{"present", false}, {"name", ""}, {"url", ""}};
    }
    v["description_html"] = p.description.empty() ? std::string() : render_markdown_at(p.description, 3);
    v["last_confirmed"] = date_view(p.meta.last_confirmed);
    v["as_of"] = date_view(p.meta.as_of);
    v["source"] = p.meta.source;
    return v;
}

constexpr const char* kIndexBase = "consultation/index";

// The points in display order, grouped by generic type in code-point order (stable for the
// same data) with 「その他」 last, and the group titles.
struct ConsultationIndex {
    std::vector<int> order;
    std::vector<size_t> group_of;  // per entry of order
    std::vector<std::string> titles;
};

ConsultationIndex build_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    std::map<std::string, std::vector<int>> groups;
    for (int p : ctx.consultation_by_reading) groups[site.consultation_points[p].generic_type].push_back(p);
    ConsultationIndex idx;
    auto add = [&](const std::string& title, const std::vector<int>& points) {
        for (int p : points) {
            idx.order.push_back(p);
            idx.group_of.push_back(idx.titles.size());
        }
        idx.titles.push_back(title);
    };
    for (const auto& [type, points] : groups)
        if (!type.empty()) add(type, points);
    if (groups.count("")) add("その他の相談窓口", groups[""]);
    return idx;
}

std::string render_index(const RenderContext& ctx, const ConsultationIndex& idx, size_t n, size_t pages) {
    const size_t total = idx.order.size();
    const size_t begin = (n - 1) * kPageSize;
    const size_t end = std::min(total, begin + kPageSize);
    json list = json::array();
    for (const GroupSlice& s : group_slices(idx.group_of, begin, end)) {
        json cards = json::array();
        for (size_t i = s.begin; i < s.end; ++i) cards.push_back(ctx.consultation_cards[idx.order[i]]);
        list.push_back({{"title", idx.titles[s.group]}, {"continued", s.continued}, {"points", std::move(cards)}});
    }
    PageFrame frame;
    frame.path = paged_path(kIndexBase, n);
    frame.title = n == 1 ? "相談窓口" : "相談窓口（" + std::to_string(n) + "ページ目）";
    frame.description = "困りごとを相談できる窓口の一覧です。";
    frame.nav_key = "consultation";
    frame.prev_path = n > 1 ? paged_path(kIndexBase, n - 1) : "";
    frame.next_path = n < pages ? paged_path(kIndexBase, n + 1) : "";
    json view;
    view["groups"] = std::move(list);
    view["has_groups"] = total > 0;
    view["range"] = total > kPageSize ? "全" + count_text(static_cast<long long>(total), "か所") + "のうち、" +
                                            std::to_string(begin + 1) + "〜" + std::to_string(end) + "件目を表示しています。"
                                      : std::string();
    view["pager"] = pager_view(kIndexBase, n, pages);
    return render_page(ctx, frame, "consultation_index", std::move(view));
}

}  // namespace

void plan_consultation_pages(const RenderContext& ctx, PagePlan& plan) {
    auto idx = std::make_shared<const ConsultationIndex>(build_index(ctx));
    const size_t pages = page_count(idx->order.size());
    for (size_t n = 1; n <= pages; ++n)
        plan.push_back(PageJob{paged_path(kIndexBase, n), "", true,
                               [idx, n, pages](const RenderContext& ctx) { return render_index(ctx, *idx, n, pages); }});
    const Site& site = *ctx.site;
    for (size_t i = 0; i < site.consultation_points.size(); ++i) {
        const ConsultationPoint& p = site.consultation_points[i];
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = consultation_path(p.meta.id);
        job.lastmod = to_iso(p.meta.last_confirmed);
        job.render = [ix](const RenderContext& ctx) {
            const ConsultationPoint& p = ctx.site->consultation_points[ix];
            PageFrame frame;
            frame.path = consultation_path(p.meta.id);
            frame.title = p.name;
            frame.description = p.summary;
            frame.nav_key = "consultation";
            frame.crumbs = {{"相談窓口", "consultation/index.html"}};
            frame.json_ld = json_for_script(consultation_json_ld(*ctx.site, ix, ctx.base_url));
            json view;
            view["point"] = consultation_view(ctx, ix);
            return render_page(ctx, frame, "consultation", std::move(view));
        };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
