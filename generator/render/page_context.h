// The frame every HTML page shares: where it sits (for the relative root prefix), its title,
// navigation with the current section marked, breadcrumbs, the サンプル label, and the layout
// template that wraps the page's own body template.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/render_context.h"

namespace tsunagu {

struct Crumb {
    std::string label;
    std::string url;  // root-relative
};

struct PageFrame {
    std::string path;         // root-relative output path: "areas/kita.html"
    std::string title;        // the page's h1 and the first part of <title>
    std::string description;  // meta description ("" = the site's)
    std::string nav_key;      // nav item marked aria-current: home, areas, categories, targets, consultation, organizations, page:SLUG
    std::vector<Crumb> crumbs;  // between ホーム and this page; none and nav_key "home" = no breadcrumbs
    std::string json_ld;      // ready to embed (see json_ld.h), or ""
    std::string prev_path;    // pagination: root-relative neighbours, or ""
    std::string next_path;
    std::string root;         // link prefix; default root_prefix(path)
    bool use_root = false;    // take `root` as given (the 404 page, which is served at any depth)
    bool inline_css = false;  // embed the stylesheet: a page shown at any URL cannot rely on a link to it
    std::vector<std::string> extra_css;  // root-relative stylesheets only this page needs (the map's leaflet.css)
    std::vector<std::string> extra_js;   // root-relative scripts, loaded with defer in this order
};

// Renders body_template with view (plus the frame's keys), then the layout around it.
std::string render_page(const RenderContext& ctx, const PageFrame& frame, std::string_view body_template, nlohmann::json view);

// A page before rendering: what a renderer decided, so that another stage (a printed handbook's
// chapter) can render the same body without the layout.
struct PageParts {
    PageFrame frame;
    std::string body_template;
    nlohmann::json view;
};
std::string render_page(const RenderContext& ctx, PageParts parts);
// The body alone, its links prefixed with root (a printed handbook uses the site's absolute URL).
std::string render_body(const RenderContext& ctx, PageParts parts, std::string_view root);

// Pages whose bodies are also chapters of printed handbooks.
PageParts report_page(const RenderContext& ctx, int report_ix);
PageParts case_page(const RenderContext& ctx, int case_ix);
PageParts fund_year_page(const RenderContext& ctx, int fund_ix, int year_ix);

// ホーム › … crumbs for an area: its ancestors from the root down, then the area itself when
// include_self.
std::vector<Crumb> area_crumbs(const RenderContext& ctx, int area_ix, bool include_self);

// The templates render_page needs; render_site checks they exist before rendering.
const std::vector<std::string>& required_templates();

}  // namespace tsunagu
