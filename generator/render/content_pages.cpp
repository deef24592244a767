// SLUG.html for each Markdown page in content/ (about, how to use, accessibility policy).
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"

namespace tsunagu {

using nlohmann::json;

void plan_content_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    for (size_t i = 0; i < site.pages.size(); ++i) {
        const ContentPage& page = site.pages[i];
        // Checked again here because a slug becomes a path: it must stay inside the output.
        if (!is_safe_data_path(page.slug)) continue;
        PageJob job;
        job.path = content_path(page.slug);
        job.render = [i](const RenderContext& ctx) {
            const ContentPage& page = ctx.site->pages[i];
            PageFrame frame;
            frame.path = content_path(page.slug);
            frame.title = page.title;
            frame.description = page.description;
            frame.nav_key = "page:" + page.slug;
            json view;
            // The page title is the h1, so "#" in the body becomes h2.
            view["body_html"] = render_markdown_at(page.body, 2);
            view["lead"] = page.description;
            return render_page(ctx, frame, "content", std::move(view));
        };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
