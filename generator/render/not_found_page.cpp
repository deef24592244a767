// 404.html. A server shows it at whatever depth the missing URL had, so relative links would
// point nowhere; it links from the site's root path instead (the path of base_url), and carries
// its stylesheet inline so it is readable wherever it is shown.
#include "render/links.h"
#include "render/page_plan.h"

namespace tsunagu {

void plan_not_found_page(const RenderContext& ctx, PagePlan& plan) {
    plan.push_back(PageJob{"404.html", "", false, [](const RenderContext& ctx) {
                               PageFrame frame;
                               frame.path = "404.html";
                               frame.title = "ページが見つかりません";
                               frame.nav_key = "";
                               frame.root = url_path_of(ctx.base_url);
                               frame.use_root = true;
                               frame.inline_css = true;
                               return render_page(ctx, frame, "not_found", nlohmann::json::object());
                           }});
}

}  // namespace tsunagu
