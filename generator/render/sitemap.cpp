#include "render/sitemap.h"

#include "render/links.h"
#include "render/mustache.h"

namespace tsunagu {

namespace {

const char* kHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string urlset(const std::string& base_url, const std::vector<SitemapEntry>& entries, size_t begin, size_t end) {
    std::string out = kHeader;
    out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (size_t i = begin; i < end; ++i) {
        out += "<url><loc>";
        mustache::append_escaped(out, absolute_url(base_url, entries[i].path));
        out += "</loc>";
        if (!entries[i].lastmod.empty()) out += "<lastmod>" + entries[i].lastmod + "</lastmod>";
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> build_sitemaps(const std::string& base_url,
                                                                const std::vector<SitemapEntry>& entries,
                                                                size_t max_per_file) {
    std::vector<std::pair<std::string, std::string>> files;
    if (entries.size() <= max_per_file) {
        files.emplace_back("sitemap.xml", urlset(base_url, entries, 0, entries.size()));
        return files;
    }
    std::string index = kHeader;
    index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (size_t begin = 0, part = 1; begin < entries.size(); begin += max_per_file, ++part) {
        std::string name = "sitemap-" + std::to_string(part) + ".xml";
        files.emplace_back(name, urlset(base_url, entries, begin, std::min(entries.size(), begin + max_per_file)));
        index += "<sitemap><loc>";
        mustache::append_escaped(index, absolute_url(base_url, name));
        index += "</loc></sitemap>\n";
    }
    index += "</sitemapindex>\n";
    files.insert(files.begin(), {"sitemap.xml", std::move(index)});
    return files;
}

}  // namespace tsunagu
