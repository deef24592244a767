// render: Site → pages. Every page, feed and asset of the built site passes through emit.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "model/diagnostic.h"
#include "model/output.h"
#include "model/site.h"
#include "render/mustache.h"
#include "render/render_context.h"

namespace tsunagu {

struct RenderOptions {
    std::filesystem::path theme_dir;  // folder with templates/ and assets/
    std::filesystem::path source_dir; // the site's folder: its node_modules/leaflet comes first (vendor_assets.h)
    std::string base_url;             // absolute, ends with '/'; used where absolute URLs are required (sitemap, JSON-LD)
    int threads = 0;                  // 0 = all cores
    Date today;                       // the build date: activity pages list upcoming dates from it (build_date.h)
};

// Renders every page of a resolved, checked site. Problems found while rendering (a template
// that does not parse, a missing partial) are added to diags as errors.
void render_site(const Site& site, const RenderOptions& options, const EmitFile& emit, Diagnostics& diags);

// The theme's templates and the context every renderer reads, for a command that renders
// without writing a site (tsunagu handbook). nullptr, with diagnostics, when a template is missing.
struct PreparedRender {
    mustache::TemplateSet templates;
    RenderContext ctx;  // ctx.templates points at templates: keep the struct where it is
    std::filesystem::path leaflet_dir;
    unsigned threads = 1;
};
std::unique_ptr<PreparedRender> prepare_render(const Site& site, const RenderOptions& options, Diagnostics& diags);

}  // namespace tsunagu
