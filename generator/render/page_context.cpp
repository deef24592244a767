#include "render/page_context.h"

#include "render/links.h"

namespace tsunagu {

using nlohmann::json;

const std::vector<std::string>& required_templates() {
    static const std::vector<std::string> names = {
        "layout",       "home",       "activity",   "organization", "consultation", "consultation_index",
        "organization_index",
        "area",         "area_index", "activity_list", "category_index", "target_index", "content", "not_found",
        "difficulty",   "difficulty_index",
        "search",       "open_data",
        "fund_index",   "fund",       "fund_year",  "fund_grants",  "grant",
        "case_index",   "case",       "network_index", "network",   "report_index", "report",
        "handbook",     "handbook_index",
    };
    return names;
}

std::vector<Crumb> area_crumbs(const RenderContext& ctx, int area_ix, bool include_self) {
    std::vector<int> chain = area_chain(*ctx.site, area_ix);
    std::vector<Crumb> crumbs;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!include_self && *it == area_ix) continue;
        const Area& a = ctx.site->areas[*it];
        crumbs.push_back({a.name, area_path(a.meta.id)});
    }
    return crumbs;
}

std::string render_page(const RenderContext& ctx, const PageFrame& frame, std::string_view body_template, json view) {
    const SiteConfig& config = ctx.site->config;
    const mustache::Template* body_t = ctx.templates->find(body_template);
    const mustache::Template* layout_t = ctx.templates->find("layout");
    if (!body_t || !layout_t) return {};

    view["root"] = frame.use_root ? frame.root : root_prefix(frame.path);
    if (frame.inline_css) view["inline_css"] = ctx.theme_css;
    view["site"] = {{"title", config.title},
                    {"description", config.description},
                    {"publisher", config.publisher},
                    {"sample", config.sample}};
    view["page_title"] = frame.title;
    view["title_full"] = frame.nav_key == "home" && frame.crumbs.empty() ? config.title : frame.title + " | " + config.title;
    view["page_description"] = frame.description.empty() ? config.description : frame.description;
    view["canonical"] = frame.use_root ? std::string() : absolute_url(ctx.base_url, frame.path);
    view["noindex"] = config.sample;  // example data should not end up in search engines
    view["json_ld"] = frame.json_ld;
    view["link_prev"] = frame.prev_path;
    view["link_next"] = frame.next_path;
    view["extra_css"] = frame.extra_css;
    view["extra_js"] = frame.extra_js;

    json nav = ctx.nav;
    for (json& item : nav) item["current"] = item["key"] == frame.nav_key;
    view["nav"] = std::move(nav);
    view["footer_links"] = ctx.footer_links;
    view["has_footer_links"] = !ctx.footer_links.empty();

    json crumbs = json::array();
    if (!(frame.crumbs.empty() && frame.nav_key == "home")) {
        crumbs.push_back({{"label", "ホーム"}, {"url", "index.html"}, {"current", false}});
        for (const Crumb& c : frame.crumbs) crumbs.push_back({{"label", c.label}, {"url", c.url}, {"current", false}});
        crumbs.push_back({{"label", frame.title}, {"url", frame.path}, {"current", true}});
    }
    view["has_breadcrumbs"] = !crumbs.empty();
    view["breadcrumbs"] = std::move(crumbs);

    std::string body;
    body.reserve(16 * 1024);
    mustache::render(*body_t, view, body);
    view["body"] = std::move(body);
    std::string page;
    page.reserve(view["body"].get_ref<const std::string&>().size() + 8 * 1024);
    mustache::render(*layout_t, view, page);
    return page;
}

std::string render_page(const RenderContext& ctx, PageParts parts) {
    return render_page(ctx, parts.frame, parts.body_template, std::move(parts.view));
}

std::string render_body(const RenderContext& ctx, PageParts parts, std::string_view root) {
    const mustache::Template* body_t = ctx.templates->find(parts.body_template);
    if (!body_t) return {};
    json& view = parts.view;
    const SiteConfig& config = ctx.site->config;
    view["root"] = std::string(root);
    view["site"] = {{"title", config.title}, {"description", config.description}, {"publisher", config.publisher}, {"sample", config.sample}};
    view["page_title"] = parts.frame.title;
    std::string body;
    mustache::render(*body_t, view, body);
    return body;
}

}  // namespace tsunagu
