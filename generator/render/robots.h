// robots.txt: everything may be crawled; the Sitemap line needs an absolute URL, so it is
// written only when base_url is known.
#pragma once

#include <string>

namespace tsunagu {

std::string build_robots_txt(const std::string& base_url);

}  // namespace tsunagu
