// sitemap.xml, with absolute URLs from base_url. Over 50,000 URLs — the protocol's
// limit per file — sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml, ….
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tsunagu {

struct SitemapEntry {
    std::string path;     // root-relative
    std::string lastmod;  // ISO date or ""
};

// (root-relative file path, content) for every sitemap file; entries are written in the order given.
std::vector<std::pair<std::string, std::string>> build_sitemaps(const std::string& base_url,
                                                                const std::vector<SitemapEntry>& entries,
                                                                size_t max_per_file = 50000);

}  // namespace tsunagu
