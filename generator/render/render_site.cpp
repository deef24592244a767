// The render stage: compile the theme once, plan every output file, render the pages in
// parallel straight into emit, then the sitemap, robots.txt and the theme's assets.
#include "render/render_site.h"

#include <algorithm>
#include <set>

#include "export/open_data.h"
#include "render/assets.h"
#include "render/open_data_page.h"
#include "render/page_plan.h"
#include "render/robots.h"
#include "render/sitemap.h"
#include "render/vendor_assets.h"
#include "support/parallel.h"

namespace tsunagu {

namespace {

PagePlan plan_pages(const RenderContext& ctx) {
    PagePlan plan;
    plan_home_page(ctx, plan);
    plan_search_page(ctx, plan);
    plan_area_pages(ctx, plan);
    plan_category_pages(ctx, plan);
    plan_target_pages(ctx, plan);
    plan_consultation_pages(ctx, plan);
    plan_difficulty_pages(ctx, plan);
    plan_activity_pages(ctx, plan);
    plan_calendar_files(ctx, plan);
    plan_organization_index_pages(ctx, plan);  // before the organization pages: an id "index" loses
    plan_organization_pages(ctx, plan);
    plan_fund_pages(ctx, plan);
    plan_grant_pages(ctx, plan);
    plan_case_pages(ctx, plan);
    plan_network_pages(ctx, plan);
    plan_report_pages(ctx, plan);
    plan_handbook_pages(ctx, plan);
    plan_content_pages(ctx, plan);
    plan_not_found_page(ctx, plan);
    return plan;
}

// Two pages with one path (an area with id "index", a content page called "404") would
// overwrite each other depending on thread timing; the first planned one wins, the rest are errors.
void drop_conflicts(PagePlan& plan, Diagnostics& diags) {
    std::set<std::string> seen{"sitemap.xml", "robots.txt", kOpenDataPagePath};
    PagePlan kept;
    kept.reserve(plan.size());
    for (PageJob& job : plan) {
        if (!seen.insert(job.path).second) {
            diags.push_back(make_error("render.path_conflict", SourcePos{},
                                       "出力ファイル " + job.path + " が二つのページで重なっています（idか名前を変えてください）",
                                       "two pages would be written to " + job.path + " (rename an id or a page)"));
            continue;
        }
        kept.push_back(std::move(job));
    }
    plan = std::move(kept);
}

}  // namespace

std::unique_ptr<PreparedRender> prepare_render(const Site& site, const RenderOptions& options, Diagnostics& diags) {
    const size_t errors_before = count(diags, Severity::error);
    auto r = std::make_unique<PreparedRender>();
    r->templates = mustache::load_templates(options.theme_dir / "templates", diags);
    for (const std::string& name : required_templates())
        if (!r->templates.find(name))
            diags.push_back(make_error("template.missing", SourcePos{(options.theme_dir / "templates" / (name + ".mustache")).generic_string(), 0, 0},
                                       "テンプレート「" + name + "」がありません", "template \"" + name + "\" is missing"));
    if (count(diags, Severity::error) > errors_before) return nullptr;

    std::string base_url = options.base_url.empty() ? site.config.base_url : options.base_url;
    if (!base_url.empty() && base_url.back() != '/') base_url += '/';
    r->threads = options.threads > 0 ? static_cast<unsigned>(options.threads) : default_thread_count();
    RenderContext& ctx = r->ctx;
    build_render_context(ctx, site, r->templates, base_url, r->threads);
    ctx.theme_css = read_theme_file(options.theme_dir / "assets" / "style.css");
    ctx.handbook_css = read_theme_file(options.theme_dir / "assets" / "handbook.css");
    ctx.today = options.today;
    // The map view needs Leaflet; without it pages keep their lists and get no map at all.
    r->leaflet_dir = find_leaflet_dir(options.source_dir);
    ctx.map = !r->leaflet_dir.empty();
    return r;
}

void render_site(const Site& site, const RenderOptions& options, const EmitFile& emit, Diagnostics& diags) {
    auto prepared = prepare_render(site, options, diags);
    if (!prepared) return;
    const RenderContext& ctx = prepared->ctx;
    const std::string& base_url = ctx.base_url;
    const unsigned threads = prepared->threads;
    const std::filesystem::path& leaflet_dir = prepared->leaflet_dir;
    if (!ctx.map && std::any_of(site.activities.begin(), site.activities.end(), [](const Activity& a) { return a.venue.geo.present; }))
        diags.push_back(leaflet_missing_warning());
    PagePlan plan = plan_pages(ctx);
    drop_conflicts(plan, diags);

    parallel_for(plan.size(), [&](size_t i) { emit(plan[i].path, plan[i].render(ctx)); }, threads);

    // The export stage writes opendata/; its page lists sizes and counts, so it comes after.
    const std::vector<OpenDataFileInfo> open_data = write_open_data(site, base_url, emit, threads);
    emit(kOpenDataPagePath, render_open_data_page(ctx, open_data));

    if (!base_url.empty()) {
        std::vector<SitemapEntry> entries;
        for (const PageJob& job : plan)
            if (job.in_sitemap) entries.push_back({job.path, job.lastmod});
        entries.push_back({kOpenDataPagePath, ""});
        std::sort(entries.begin(), entries.end(), [](const SitemapEntry& a, const SitemapEntry& b) { return a.path < b.path; });
        for (auto& [path, content] : build_sitemaps(base_url, entries)) emit(path, content);
    } else {
        diags.push_back(make_warning("render.no_base_url", site.config.pos,
                                     "base_url がないため sitemap.xml を作りません",
                                     "no base_url: sitemap.xml is not written (it needs absolute URLs)"));
    }
    emit("robots.txt", build_robots_txt(base_url));
    emit_theme_assets(options.theme_dir, emit, diags);
    if (ctx.map) emit_leaflet(leaflet_dir, emit, diags);
}

}  // namespace tsunagu
