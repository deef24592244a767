#include "render/robots.h"

#include "render/links.h"

namespace tsunagu {

std::string build_robots_txt(const std::string& base_url) {
    std::string out = "User-agent: *\nAllow: /\n";
    if (!base_url.empty()) out += "\nSitemap: " + absolute_url(base_url, "sitemap.xml") + "\n";
    return out;
}

}  // namespace tsunagu
