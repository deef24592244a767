#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "render/record_views.h"
#include "render/vendor_assets.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const char* name) {
    fs::path d = fs::temp_directory_path() / ("tsunagu-unit-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

fs::path fake_dist(const fs::path& dist, const std::string& tag) {
    write(dist / "leaflet.js", tag);
    write(dist / "leaflet.css", tag);
    return dist;
}

// Sets an environment variable for one scope and puts the old value back.
struct EnvVar {
    std::string name;
    std::string old;
    bool had;
    EnvVar(const char* n, const char* value) : name(n) {
        const char* o = std::getenv(n);
        had = o != nullptr;
        if (had) old = o;
        if (value) ::setenv(n, value, 1);
        else ::unsetenv(n);
    }
    ~EnvVar() {
        if (had) ::setenv(name.c_str(), old.c_str(), 1);
        else ::unsetenv(name.c_str());
    }
};

}  // namespace

TEST_CASE("vendor_assets: Leaflet is looked for in the source folder first, then TSUNAGU_LEAFLET_DIR") {
    const fs::path root = scratch("leaflet-lookup");
    const fs::path source = root / "site";
    fs::create_directories(source);
    const fs::path env_dist = fake_dist(root / "env", "env");
    EnvVar no_vendor("TSUNAGU_NO_VENDOR", nullptr);
    {
        EnvVar env("TSUNAGU_LEAFLET_DIR", env_dist.c_str());
        CHECK(find_leaflet_dir(source) == env_dist);
        const fs::path own = fake_dist(source / "node_modules" / "leaflet" / "dist", "own");
        CHECK(find_leaflet_dir(source) == own);
    }
    {
        // A folder without leaflet.js is passed over.
        EnvVar env("TSUNAGU_LEAFLET_DIR", (root / "nothing-here").c_str());
        CHECK(find_leaflet_dir(root / "no-such-site") != root / "nothing-here");
    }
    {
        EnvVar off("TSUNAGU_NO_VENDOR", "1");
        CHECK(find_leaflet_dir(source).empty());
    }
}

TEST_CASE("vendor_assets: emit_leaflet copies the script, the stylesheet, the images and the licence in order") {
    const fs::path pkg = scratch("leaflet-emit");
    const fs::path dist = fake_dist(pkg / "dist", "x");
    write(dist / "images" / "marker-icon.png", "png");
    write(dist / "images" / "layers.png", "png");
    write(dist / "leaflet.js.map", "map");
    write(pkg / "LICENSE", "BSD");
    std::vector<std::string> order;
    std::map<std::string, std::string> files;
    Diagnostics diags;
    emit_leaflet(dist, [&](const std::string& rel, std::string_view data) {
        order.push_back(rel);
        files[rel] = std::string(data);
    }, diags);
    CHECK(diags.empty());
    CHECK(order == std::vector<std::string>{"assets/vendor/leaflet/leaflet.js", "assets/vendor/leaflet/leaflet.css",
                                            "assets/vendor/leaflet/images/layers.png",
                                            "assets/vendor/leaflet/images/marker-icon.png",
                                            "assets/vendor/leaflet/LICENSE.txt"});
    CHECK(files["assets/vendor/leaflet/LICENSE.txt"] == "BSD");
}

TEST_CASE("vendor_assets: a map page gets leaflet.css, then leaflet.js and map.js") {
    PageFrame frame;
    add_map_assets(frame);
    CHECK(frame.extra_css == std::vector<std::string>{"assets/vendor/leaflet/leaflet.css"});
    CHECK(frame.extra_js == std::vector<std::string>{"assets/vendor/leaflet/leaflet.js", "assets/js/map.js"});
}

TEST_CASE("record_views: map points as data attributes") {
    CHECK(degrees_text(35.7012) == "35.7012");
    CHECK(degrees_text(139.75) == "139.75");
    CHECK(degrees_text(35.0) == "35");
    CHECK(degrees_text(-0.0000001) == "0");
    Venue v;
    CHECK(map_point_view(v) == false);
    v.geo = {35.705, 139.75, true};
    v.private_home = true;
    auto p = map_point_view(v);
    CHECK(p["lat"] == "35.705");
    CHECK(p["lon"] == "139.75");
    CHECK(p["approx"] == true);
}
