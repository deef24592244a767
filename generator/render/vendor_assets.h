// Third-party browser files the site needs but the repository never holds: Leaflet for the map
// view. They are found on the build machine and copied as assets/vendor/leaflet/… in the output.
#pragma once

#include <filesystem>

#include "model/diagnostic.h"
#include "model/output.h"
#include "render/page_context.h"

namespace tsunagu {

// The first folder holding leaflet.js and leaflet.css, in this order:
//   <source>/node_modules/leaflet/dist     (the site's own npm install)
//   $TSUNAGU_LEAFLET_DIR
//   TSUNAGU_DEFAULT_LEAFLET_DIR            (tsunagu's own node_modules, a compile-time path)
//   /usr/share/javascript/leaflet          (Debian's libjs-leaflet)
// Empty when none is found, or when TSUNAGU_NO_VENDOR=1 (builds without the map, for tests).
std::filesystem::path find_leaflet_dir(const std::filesystem::path& source_dir);

// Copies leaflet.js, leaflet.css, images/*.png and the licence (from the package folder above
// dist/, when there) as assets/vendor/leaflet/…, in path order. An unreadable file is an error.
void emit_leaflet(const std::filesystem::path& leaflet_dir, const EmitFile& emit, Diagnostics& diags);

// Adds leaflet.css, leaflet.js and the theme's js/map.js to a page that shows a map
// (templates/map.mustache); only call it when RenderContext::map is set.
void add_map_assets(PageFrame& frame);

// The warning given when a site has points to show but no Leaflet was found.
Diagnostic leaflet_missing_warning();

}  // namespace tsunagu
