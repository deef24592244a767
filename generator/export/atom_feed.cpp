#include "export/atom_feed.h"

#include <algorithm>
#include <vector>

#include "render/links.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

struct Entry {
    Date updated;
    const char* kind;        // activity, consultation, organization: the tag URI's path part
    const char* kind_label;  // 活動, 相談窓口, 団体
    const std::string* id;
    const std::string* title;
    std::string summary;
    std::string path;        // root-relative page
};

Date latest(const RecordMeta& m) { return std::max(m.last_confirmed, m.as_of); }

// RFC 3339 in Japan time; a month-precision date counts from the 1st, a year from 1 January.
std::string rfc3339(const Date& d) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00+09:00", d.year, d.month > 0 ? d.month : 1, d.day > 0 ? d.day : 1);
    return buf;
}

// tag: URIs (RFC 4151) stay the same when the site moves; the authority is the site's host
// and the date is fixed, so an entry id never changes.
std::string tag_authority(const Site& site, const std::string& base_url) {
    const size_t scheme = base_url.find("://");
    if (scheme != std::string::npos) {
        const size_t begin = scheme + 3;
        const size_t end = base_url.find_first_of("/?#:", begin);
        std::string host = base_url.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        if (const size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
        if (!host.empty()) return host;
    }
    const std::string& code = site.config.municipality_code;
    return code.empty() ? std::string("tsunagu.invalid") : code + ".tsunagu.invalid";
}

// The site's path below the host ("/aoba/" → "aoba/"), so two sites on one host differ.
std::string tag_prefix(const std::string& base_url) {
    std::string p = url_path_of(base_url);
    while (!p.empty() && p.front() == '/') p.erase(0, 1);
    return p;
}

}  // namespace

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    size_t pos = 0;
    const std::string clean = sanitize_utf8(s);
    std::string_view v = clean;
    while (pos < v.size()) {
        const size_t start = pos;
        const char32_t cp = decode_utf8(v, pos);
        // XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
        if (!allowed) continue;
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out.append(v.substr(start, pos - start));
        }
    }
    return out;
}

std::string atom_feed(const Site& site, const std::string& base_url, size_t* entries_written) {
    std::vector<Entry> entries;
    for (const Activity& a : site.activities)
        if (Date d = latest(a.meta); !d.empty())
            entries.push_back({d, "activity", "活動", &a.meta.id, &a.name, a.summary, activity_path(a.meta.id)});
    for (const ConsultationPoint& c : site.consultation_points)
        if (Date d = latest(c.meta); !d.empty())
            entries.push_back({d, "consultation", "相談窓口", &c.meta.id, &c.name, c.summary, consultation_path(c.meta.id)});
    for (const Organization& o : site.organizations)
        if (Date d = latest(o.meta); !d.empty())
            entries.push_back({d, "organization", "団体", &o.meta.id, &o.name, o.legal_form, organization_path(o.meta.id)});
    auto newer = [](const Entry& x, const Entry& y) {
        if (x.updated != y.updated) return x.updated > y.updated;
        if (*x.id != *y.id) return *x.id < *y.id;
        return std::string_view(x.kind) < std::string_view(y.kind);
    };
    const size_t n = std::min(entries.size(), kAtomFeedEntries);
    std::partial_sort(entries.begin(), entries.begin() + static_cast<long>(n), entries.end(), newer);
    entries.resize(n);
    if (entries_written) *entries_written = n;

    const std::string authority = tag_authority(site, base_url);
    const std::string prefix = tag_prefix(base_url);
    const std::string feed_url = absolute_url(base_url, "opendata/updates.atom");
    const std::string title = site.config.title.empty() ? std::string("更新情報") : site.config.title + " 更新情報";
    // With no entries the feed still needs an <updated>; the epoch of tag dates keeps it fixed.
    const std::string feed_updated = entries.empty() ? std::string("2000-01-01T00:00:00+09:00") : rfc3339(entries.front().updated);

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n";
    out += "  <title>" + xml_escape(title) + "</title>\n";
    out += "  <subtitle>最近確認・更新された活動、相談窓口、団体（新しい順に最大" + std::to_string(kAtomFeedEntries) + "件）</subtitle>\n";
    out += "  <id>" + xml_escape(feed_url.empty() ? "tag:" + authority + ",2000:" + prefix + "opendata/updates.atom" : feed_url) + "</id>\n";
    out += "  <updated>" + feed_updated + "</updated>\n";
    if (!feed_url.empty()) out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(feed_url) + "\"/>\n";
    if (!base_url.empty()) out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(base_url) + "\"/>\n";
    out += "  <author><name>" + xml_escape(site.config.publisher.empty() ? title : site.config.publisher) + "</name></author>\n";
    out += "  <generator>tsunagu</generator>\n";
    for (const Entry& e : entries) {
        const std::string url = absolute_url(base_url, e.path);
        out += "  <entry>\n";
        out += "    <title>" + xml_escape(*e.title) + "</title>\n";
        out += "    <id>" + xml_escape(url.empty() ? "tag:" + authority + ",2000:" + prefix + e.kind + "/" + *e.id : url) + "</id>\n";
        out += "    <updated>" + rfc3339(e.updated) + "</updated>\n";
        if (!url.empty()) out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(url) + "\"/>\n";
        out += "    <category term=\"" + std::string(e.kind) + "\" label=\"" + e.kind_label + "\"/>\n";
        const std::string summary = e.summary.empty() ? std::string(e.kind_label) : std::string(e.kind_label) + "：" + e.summary;
        out += "    <summary type=\"text\">" + xml_escape(summary) + "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace tsunagu
