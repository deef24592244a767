// The list of files a site renders to, decided before any page is rendered: the sitemap and
// the path-conflict check need the whole list, and a flat list renders evenly in parallel.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "render/page_context.h"
#include "render/render_context.h"

namespace tsunagu {

struct PageJob {
    std::string path;          // root-relative output path
    std::string lastmod;       // ISO date for the sitemap, or ""
    bool in_sitemap = true;
    std::function<std::string(const RenderContext&)> render;
};

using PagePlan = std::vector<PageJob>;

// The pages of a record kind that has an index page and one page per record: the index at
// index_path, then record i at page_path(record) rendered by render_record(ctx, i); the sitemap
// date is the record's date(record) when it has a day (a month or a year is no lastmod).
template <class Record, class PathFn, class DateFn>
void plan_index_and_record_pages(PagePlan& plan, const char* index_path, std::string (*render_index)(const RenderContext&),
                                 const std::vector<Record>& records, PathFn page_path, DateFn date,
                                 std::string (*render_record)(const RenderContext&, int)) {
    if (records.empty()) return;
    plan.push_back(PageJob{index_path, "", true, render_index});
    for (size_t i = 0; i < records.size(); ++i) {
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = page_path(records[i]);
        const Date d = date(records[i]);
        if (d.day != 0) job.lastmod = to_iso(d);
        job.render = [ix, render_record](const RenderContext& ctx) { return render_record(ctx, ix); };
        plan.push_back(std::move(job));
    }
}

// Each planner appends the pages of one kind; the render functions run later, in parallel.
void plan_home_page(const RenderContext& ctx, PagePlan& plan);
void plan_activity_pages(const RenderContext& ctx, PagePlan& plan);
void plan_organization_pages(const RenderContext& ctx, PagePlan& plan);
// organizations/index.html, index-2.html …: the 50音 list of organizations.
void plan_organization_index_pages(const RenderContext& ctx, PagePlan& plan);
void plan_consultation_pages(const RenderContext& ctx, PagePlan& plan);
void plan_area_pages(const RenderContext& ctx, PagePlan& plan);
void plan_category_pages(const RenderContext& ctx, PagePlan& plan);
void plan_target_pages(const RenderContext& ctx, PagePlan& plan);
void plan_content_pages(const RenderContext& ctx, PagePlan& plan);
// komarigoto/index.html and komarigoto/ID.html (困りごとから探す); nothing when the site has no difficulties.
void plan_difficulty_pages(const RenderContext& ctx, PagePlan& plan);
void plan_not_found_page(const RenderContext& ctx, PagePlan& plan);
// search/index.html (the index files come from index/search_index).
void plan_search_page(const RenderContext& ctx, PagePlan& plan);
// funds/index.html, funds/ID.html, funds/ID/FY.html, funds/ID/grants.html; nothing without funds.
void plan_fund_pages(const RenderContext& ctx, PagePlan& plan);
void plan_grant_pages(const RenderContext& ctx, PagePlan& plan);  // grants/ID.html
// cases/index.html and cases/ID.html (事例集); nothing without cases.
void plan_case_pages(const RenderContext& ctx, PagePlan& plan);
// networks/index.html and networks/ID.html; reports/index.html and reports/ID.html.
void plan_network_pages(const RenderContext& ctx, PagePlan& plan);
void plan_report_pages(const RenderContext& ctx, PagePlan& plan);
// handbooks/index.html and handbooks/ID/print.html (print/handbook_pages.cpp); nothing without handbooks.
void plan_handbook_pages(const RenderContext& ctx, PagePlan& plan);
void plan_calendar_files(const RenderContext& ctx, PagePlan& plan);  // activities/ID.ics, areas/ID.ics (calendar_files.h)

// The area hierarchy two levels deep, for the home page: [{name, url, level, count, children, has_children}].
nlohmann::json home_area_tree(const RenderContext& ctx);

// [{label, url, count}] per content type / target group, in taxonomy order.
nlohmann::json category_counts(const RenderContext& ctx);
nlohmann::json target_counts(const RenderContext& ctx);
// [{title, url}] of the site's difficulties in their order, at most limit of them.
nlohmann::json difficulty_links(const RenderContext& ctx, size_t limit = SIZE_MAX);

// A paginated list of activities (template activity_list): BASE.html, BASE-2.html …
struct ActivityList {
    std::string base;          // root-relative without .html: "categories/salon"
    std::string title;         // "交流・サロン"
    std::string intro;         // a sentence above the list, or ""
    std::string nav_key;
    std::vector<Crumb> crumbs;
    std::string empty_text = "まだ登録がありません。";
};
void plan_activity_list(const ActivityList& list, std::shared_ptr<const std::vector<int>> items, PagePlan& plan);

}  // namespace tsunagu
