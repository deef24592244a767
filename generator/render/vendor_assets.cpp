#include "render/vendor_assets.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

bool is_leaflet_dir(const fs::path& dir) {
    std::error_code ec;
    return !dir.empty() && fs::is_regular_file(dir / "leaflet.js", ec) && fs::is_regular_file(dir / "leaflet.css", ec);
}

bool read_file(const fs::path& file, std::string& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream data;
    data << in.rdbuf();
    out = data.str();
    return static_cast<bool>(in) || in.eof();
}

}  // namespace

fs::path find_leaflet_dir(const fs::path& source_dir) {
    if (const char* off = std::getenv("TSUNAGU_NO_VENDOR"); off && std::string(off) == "1") return {};
    std::vector<fs::path> candidates;
    if (!source_dir.empty()) candidates.push_back(source_dir / "node_modules" / "leaflet" / "dist");
    if (const char* env = std::getenv("TSUNAGU_LEAFLET_DIR"); env && *env) candidates.emplace_back(env);
#ifdef TSUNAGU_DEFAULT_LEAFLET_DIR
    candidates.emplace_back(TSUNAGU_DEFAULT_LEAFLET_DIR);
#endif
    candidates.emplace_back("/usr/share/javascript/leaflet");
    for (const fs::path& dir : candidates)
        if (is_leaflet_dir(dir)) return dir;
    return {};
}

void emit_leaflet(const fs::path& leaflet_dir, const EmitFile& emit, Diagnostics& diags) {
    // Only what the pages load; source maps and the ES-module build stay behind.
    std::vector<std::pair<fs::path, std::string>> files = {{leaflet_dir / "leaflet.js", "leaflet.js"},
                                                           {leaflet_dir / "leaflet.css", "leaflet.css"}};
    std::error_code ec;
    std::vector<fs::path> images;
    for (fs::directory_iterator it(leaflet_dir / "images", ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ".png") images.push_back(it->path());
    std::sort(images.begin(), images.end());
    for (const fs::path& img : images) files.emplace_back(img, "images/" + img.filename().generic_string());
    // BSD-2-Clause asks for the notice to travel with the code.
    if (fs::is_regular_file(leaflet_dir.parent_path() / "LICENSE", ec))
        files.emplace_back(leaflet_dir.parent_path() / "LICENSE", "LICENSE.txt");
    for (const auto& [from, to] : files) {
        std::string data;
        if (!read_file(from, data)) {
            diags.push_back(make_error("render.vendor_read", SourcePos{from.generic_string(), 0, 0},
                                       "地図のライブラリ（Leaflet）のファイルを読めません",
                                       "cannot read a file of the map library (Leaflet)"));
            continue;
        }
        emit("assets/vendor/leaflet/" + to, data);
    }
}

void add_map_assets(PageFrame& frame) {
    frame.extra_css.push_back("assets/vendor/leaflet/leaflet.css");
    frame.extra_js.push_back("assets/vendor/leaflet/leaflet.js");
    frame.extra_js.push_back("assets/js/map.js");
}

Diagnostic leaflet_missing_warning() {
    return make_warning("render.no_leaflet", SourcePos{},
                        "地図のライブラリ（Leaflet）が見つからないため、地図なし（一覧のみ）で作ります。"
                        "npm ci で入れるか、TSUNAGU_LEAFLET_DIR で場所を指定してください",
                        "the map library (Leaflet) was not found: pages are built without the map (list only); "
                        "install it with npm ci or set TSUNAGU_LEAFLET_DIR");
}

}  // namespace tsunagu
