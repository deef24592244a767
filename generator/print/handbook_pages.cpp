// The website's share of the handbooks: handbooks/index.html lists them (paper, audience,
// chapters) with a link to each print.html, which any reader can print from the browser. The
// PDFs come from `tsunagu handbook --pdf` (commands/handbook_command.cpp); a build has no browser.
#include "print/handbook_html.h"
#include "render/links.h"
#include "render/page_plan.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kIndexPath = "handbooks/index.html";

std::string render_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    PageFrame frame;
    frame.path = kIndexPath;
    frame.title = "印刷用の冊子";
    frame.description = "このサイトの情報をまとめた、印刷して配れる冊子です。大きな文字で読みやすくしています。";
    frame.nav_key = "handbooks";
    json list = json::array();
    for (const Handbook& h : site.handbooks) {
        json chapters = json::array();
        for (const HandbookSection& s : h.sections) chapters.push_back(s.title.empty() ? std::string(handbook_section_kind_name(s.kind)) : s.title);
        list.push_back({{"title", h.title},
                        {"subtitle", h.subtitle},
                        {"url", handbook_print_path(h.meta.id)},
                        {"paper", h.paper},
                        {"audience", h.large_print ? "大きな文字" : "標準の文字"},
                        {"booklet", h.booklet},
                        {"chapters", join_labels(chapters.get<std::vector<std::string>>())}});
    }
    json view;
    view["handbooks"] = std::move(list);
    return render_page(ctx, frame, "handbook_index", std::move(view));
}

}  // namespace

void plan_handbook_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    if (site.handbooks.empty()) return;
    plan.push_back(PageJob{kIndexPath, "", true, render_index});
    for (size_t i = 0; i < site.handbooks.size(); ++i) {
        PageJob job;
        job.path = handbook_print_path(site.handbooks[i].meta.id);
        job.render = [i](const RenderContext& ctx) {
            return render_handbook_html(ctx, ctx.site->handbooks[i], {}, ctx.handbook_css, ctx.today).html;
        };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
