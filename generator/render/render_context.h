// What every page renderer reads: the site, the compiled theme, and indexes built once before
// the parallel render (records grouped by area, content type and target group, in reading
// order; list-item views shared by many pages). Nothing here changes while pages render.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/mustache.h"

namespace tsunagu {

struct RenderContext {
    const Site* site = nullptr;
    const mustache::TemplateSet* templates = nullptr;
    std::string base_url;  // absolute, ends with '/'; "" when unknown
    std::string theme_css; // assets/style.css, for pages that cannot link it relatively (404.html)
    std::string handbook_css;  // assets/handbook.css, inlined into every handbook's print.html
    bool has_search_page = true;  // search/index.html exists: pages may link to it with a query
    Date today;            // the build date (RenderOptions::today); empty = pages list no upcoming dates
    bool map = false;      // Leaflet was found: pages with points get the map view (vendor_assets.h)

    std::vector<int> activities_by_reading;
    std::vector<int> organizations_by_reading;
    std::vector<int> consultation_by_reading;
    std::vector<int> root_areas_by_reading;
    std::vector<int> activity_rank;       // position of each activity in activities_by_reading
    std::vector<int> consultation_rank;
    std::vector<std::vector<int>> area_children;       // per area, by reading
    std::vector<std::vector<int>> area_activities;     // per area: its own and its descendants', by reading
    std::vector<std::vector<int>> area_consultation;   // per area: points covering it, an ancestor or a descendant
    std::vector<std::vector<int>> type_activities;     // per content_type term, by reading
    std::vector<std::vector<int>> untyped_activities;  // [0]: activities without a known content type
    std::vector<std::vector<int>> target_activities;   // per target_people term, by reading

    std::vector<nlohmann::json> activity_cards;        // list-item views, links root-relative
    std::vector<nlohmann::json> consultation_cards;

    nlohmann::json nav;           // [{key, label, url}]
    nlohmann::json footer_links;  // [{label, url}]
};

// Builds the indexes and shared views (cards in parallel over `threads`).
void build_render_context(RenderContext& ctx, const Site& site, const mustache::TemplateSet& templates,
                          std::string base_url, unsigned threads);

// Sort key for reading order: the reading (katakana folded to hiragana), else the name.
std::string reading_key(std::string_view reading, std::string_view name);

// Area indexes from the area up to its root (the area first). Stops on a cycle.
std::vector<int> area_chain(const Site& site, int area_ix);

}  // namespace tsunagu
