// The relationship diagram of a network: one box per member and observer, the secretariat in the
// centre, a line and a label per link, the accessible name and description, prefixed ids, escaped
// names, long names wrapped (and never cut silently), stable bytes, and room for 60 members.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/network_diagram.h"

using namespace tsunagu;

namespace {

// Every element is closed in order (self-closing ones count as closed).
bool balanced(const std::string& s) {
    std::vector<std::string> stack;
    size_t i = 0;
    while ((i = s.find('<', i)) != std::string::npos) {
        const size_t end = s.find('>', i);
        if (end == std::string::npos) return false;
        std::string tag = s.substr(i + 1, end - i - 1);
        i = end + 1;
        if (tag.empty()) return false;
        if (tag[0] == '/') {
            if (stack.empty() || stack.back() != tag.substr(1)) return false;
            stack.pop_back();
        } else if (tag.back() != '/') {
            stack.push_back(tag.substr(0, tag.find_first_of(" \n")));
        }
    }
    return stack.empty();
}

// Every '&' starts an entity.
bool entities_ok(const std::string& s) {
    static const std::regex amp("&(?!(amp|lt|gt|quot|#39);)");
    return !std::regex_search(s, amp);
}

size_t count_of(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

std::vector<std::string> all_matches(const std::string& s, const std::string& pattern, int group = 1) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[group].str());
    return out;
}

struct Rect {
    int x, y, w, h;
    std::string cls;  // the node's class
};

// The box of each node, in drawing order: the first <rect> of every <g class="node…">.
std::vector<Rect> node_rects(const std::string& svg) {
    std::vector<Rect> out;
    const std::regex re(
        "<g class=\"(node[^\"]*)\">\\n(?:<title>[^<]*</title>\\n)?<rect x=\"(-?[0-9]+)\" y=\"(-?[0-9]+)\" width=\"([0-9]+)\" "
        "height=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back({std::stoi((*it)[2]), std::stoi((*it)[3]), std::stoi((*it)[4]), std::stoi((*it)[5]), (*it)[1].str()});
    return out;
}

std::pair<int, int> view_box(const std::string& svg) {
    std::smatch m;
    const std::regex re("viewBox=\"0 0 ([0-9]+) ([0-9]+)\"");
    REQUIRE(std::regex_search(svg, m, re));
    return {std::stoi(m[1]), std::stoi(m[2])};
}

Organization org(const std::string& id, const std::string& name) {
    Organization o;
    o.meta.id = id;
    o.name = name;
    return o;
}

NetworkMember member_org(const Site& site, const std::string& id, const std::string& category) {
    NetworkMember m;
    m.organization = id;
    m.category = category;
    m.organization_ix = site.organization_by_id.at(id);
    return m;
}

NetworkMember member_name(const std::string& name, const std::string& category) {
    NetworkMember m;
    m.name = name;
    m.category = category;
    return m;
}

const std::string kLongName = "テスト市ボランティア・市民活動センター運営協議会";

Site test_site() {
    Site site;
    site.organizations = {org("shakyo", "テスト市社会福祉協議会"), org("city", "テスト市 高齢福祉課"), org("npo", "たすけあいの会"),
                          org("hostile", "<script>alert(1)</script>"), org("long", kLongName), org("bank", "フードバンク")};
    for (size_t i = 0; i < site.organizations.size(); ++i) site.organization_by_id[site.organizations[i].meta.id] = static_cast<int>(i);
    return site;
}

Network test_network(const Site& site) {
    Network n;
    n.meta.id = "test-kyogitai";
    n.name = "テスト協議体";
    n.convener = "city";
    n.convener_ix = site.organization_by_id.at("city");
    n.secretariat = "shakyo";
    n.secretariat_ix = site.organization_by_id.at("shakyo");
    n.members = {member_org(site, "shakyo", "社会福祉協議会"), member_org(site, "city", "行政"),
                 member_org(site, "npo", "NPO"),           member_name("テスト町自治会", "自治会・町内会"),
                 member_org(site, "hostile", "企業"),      member_name("\"& 商店会", "商店会"),
                 member_org(site, "long", "中間支援組織"), member_org(site, "bank", "NPO"),
                 member_name("ひとりの会", "NPO")};
    n.observers = {member_name("テスト県 福祉局", "行政")};
    n.links = {{"city", "shakyo", "委託", 1},          {"shakyo", "npo", "バックアップ", 2},
               {"npo", "テスト町自治会", "連携", 3},   {"hostile", "shakyo", "情報提供", 4},
               {"\"& 商店会", "long", "相談", 5},      {"shakyo", "テスト県 福祉局", "参加", 6},
               {"bank", "npo", "助成", 7}};
    return n;
}

}  // namespace

TEST_CASE("network diagram: one box per member and observer, the secretariat in the centre") {
    const Site site = test_site();
    const Network n = test_network(site);
    const std::string svg = network_diagram_svg(site, n, "net-a");
    REQUIRE(!svg.empty());
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(balanced(svg));
    CHECK(entities_ok(svg));

    const std::vector<Rect> rects = node_rects(svg);
    CHECK(rects.size() == n.members.size() + n.observers.size());
    CHECK(count_of(svg, "<g class=\"node") == n.members.size() + n.observers.size());
    CHECK(count_of(svg, "<g class=\"node secretariat\">") == 1);
    CHECK(count_of(svg, "<g class=\"node observer\">") == 1);
    for (const char* name : {"テスト町自治会", "フードバンク", "ひとりの会"}) CHECK(svg.find(name) != std::string::npos);

    // The secretariat's box is centred: across the viewBox, and between the top and bottom rows.
    const auto [vw, vh] = view_box(svg);
    CHECK(vw == 880);
    const auto centre = std::find_if(rects.begin(), rects.end(), [](const Rect& r) { return r.cls == "node secretariat"; });
    REQUIRE(centre != rects.end());
    int top = 1 << 30, bottom = 0;
    for (const Rect& r : rects)
        if (&r != &*centre) {
            top = std::min(top, r.y);
            bottom = std::max(bottom, r.y + r.h);
        }
    CHECK(2 * centre->x + centre->w == vw);
    CHECK(2 * centre->y + centre->h == top + bottom);
    CHECK(centre->y + centre->h < vh);
    // It says 事務局 and has the thick border; the observer's border is dashed.
    CHECK(svg.find(">事務局</text>") != std::string::npos);
    CHECK(std::regex_search(svg, std::regex("<g class=\"node secretariat\">\\n<rect [^>]*stroke-width=\"4\"")));
    CHECK(std::regex_search(svg, std::regex("<g class=\"node observer\">\\n<rect [^>]*stroke-dasharray=\"[0-9 ]+\"")));

    // No two boxes overlap, and all lie inside the drawing.
    for (size_t i = 0; i < rects.size(); ++i) {
        CHECK(rects[i].x >= 0);
        CHECK(rects[i].y >= 0);
        CHECK(rects[i].x + rects[i].w <= vw);
        CHECK(rects[i].y + rects[i].h <= vh);
        for (size_t j = i + 1; j < rects.size(); ++j) {
            const Rect &a = rects[i], &b = rects[j];
            CHECK_FALSE((a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
        }
    }
}

TEST_CASE("network diagram: a line and a label per link, told apart by dash pattern") {
    const Site site = test_site();
    const Network n = test_network(site);
    const std::string svg = network_diagram_svg(site, n, "net-a");
    CHECK(count_of(svg, "<path class=\"link\" ") == n.links.size());
    CHECK(count_of(svg, "marker-end=\"url(#net-a-arrow)\"") >= n.links.size());
    for (const char* label : {"委託", "バックアップ", "連携", "情報提供", "相談", "参加", "助成"}) {
        INFO(label);
        CHECK(svg.find(std::string("font-size=\"12\">") + label + "</text>") != std::string::npos);  // on the line
        CHECK(svg.find(std::string("\">") + label + "</text>\n") != std::string::npos);
    }
    CHECK(count_of(svg, "class=\"link-label\"") == n.links.size());
    // Each label on a white background, before its text.
    CHECK(count_of(svg, "fill=\"#fff\"/>\n<text class=\"link-label\"") == n.links.size());
    // Seven labels, seven dash patterns (連携 is solid).
    std::set<std::string> dashes;
    for (const std::string& line : all_matches(svg, "(<path class=\"link\" [^>]*/>)")) {
        std::smatch m;
        dashes.insert(std::regex_search(line, m, std::regex("stroke-dasharray=\"([^\"]+)\"")) ? m[1].str() : "solid");
    }
    CHECK(dashes.size() == 7);
    // The legend repeats each label used, and explains the dashed border.
    const size_t legend = svg.find(">凡例</text>");
    REQUIRE(legend != std::string::npos);
    for (const char* label : {"委託", "バックアップ", "連携", "情報提供", "相談", "参加", "助成"})
        CHECK(svg.find(std::string(">") + label + "</text>", legend) != std::string::npos);
    CHECK(svg.find("オブザーバー", legend) != std::string::npos);
    CHECK(svg.find(">事務局</text>", legend) == std::string::npos);  // 事務局 was not a label used
}

TEST_CASE("network diagram: a member without links is still drawn, with a thin line to the centre") {
    const Site site = test_site();
    const Network n = test_network(site);
    const std::string svg = network_diagram_svg(site, n, "net-a");
    CHECK(svg.find("ひとりの会") != std::string::npos);
    CHECK(count_of(svg, "<path class=\"member-line\" ") == 1);  // ひとりの会 only: every other member has a link
    CHECK(svg.find("つながりの記載がないメンバー") != std::string::npos);
}

TEST_CASE("network diagram: accessible name and description, ids prefixed") {
    const Site site = test_site();
    const Network n = test_network(site);
    const std::string svg = network_diagram_svg(site, n, "net-a");
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("width=\"100%\"") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(svg, m, std::regex("aria-labelledby=\"([^\"]+)\"")));
    const std::vector<std::string> ids = all_matches(svg, " id=\"([^\"]+)\"");
    std::string labelledby = m[1].str();
    for (size_t p = 0; p < labelledby.size();) {
        const size_t q = std::min(labelledby.find(' ', p), labelledby.size());
        const std::string ref = labelledby.substr(p, q - p);
        INFO(ref);
        CHECK(std::count(ids.begin(), ids.end(), ref) == 1);
        p = q + 1;
    }
    CHECK(labelledby == "net-a-title net-a-desc");
    CHECK(svg.find("<title id=\"net-a-title\">テスト協議体の関係図</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"net-a-desc\">事務局はテスト市社会福祉協議会、招集はテスト市 高齢福祉課。メンバー 9 団体、"
                   "オブザーバー 1 団体、つながり 7 本。</desc>") != std::string::npos);
    for (const std::string& id : ids) CHECK(id.rfind("net-a-", 0) == 0);
    for (const std::string& ref : all_matches(svg, "url\\(#([^)]+)\\)")) CHECK(std::count(ids.begin(), ids.end(), ref) == 1);

    // Two diagrams on one page share no id.
    const std::string other = network_diagram_svg(site, n, "net-b");
    for (const std::string& id : all_matches(other, " id=\"([^\"]+)\"")) CHECK(std::count(ids.begin(), ids.end(), id) == 0);
    // A prefix ending in '-' is not given a second one.
    const std::string dashed = network_diagram_svg(site, n, "nd-test-kyogitai-");
    CHECK(dashed.find("aria-labelledby=\"nd-test-kyogitai-title nd-test-kyogitai-desc\"") != std::string::npos);
    CHECK(dashed.find("url(#nd-test-kyogitai-arrow)") != std::string::npos);
    CHECK(dashed.find("--") == std::string::npos);
    // The prefix keeps only safe characters.
    const std::string odd = network_diagram_svg(site, n, "x\"><script>");
    CHECK(odd.find("id=\"xscript-title\"") != std::string::npos);
    CHECK(odd.find("<script>") == std::string::npos);
}

TEST_CASE("network diagram: hostile names come out as text") {
    Site site = test_site();
    Network n = test_network(site);
    n.name = "<b>協議体</b> & \"引用\"";
    const std::string svg = network_diagram_svg(site, n, "h");
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg.find("&quot;&amp; 商店会") != std::string::npos);
    CHECK(svg.find("&lt;b&gt;協議体&lt;/b&gt; &amp; &quot;引用&quot;の関係図") != std::string::npos);
    CHECK(balanced(svg));
    CHECK(entities_ok(svg));
}

TEST_CASE("network diagram: names wrap at 8 full-width characters, a longer one keeps its full name in a <title>") {
    const Site site = test_site();
    const Network n = test_network(site);
    const std::string svg = network_diagram_svg(site, n, "w");
    // テスト市社会福祉協議会 (11) on two lines, neither longer than 8.
    const std::vector<std::string> lines = all_matches(svg, "<tspan x=\"[0-9]+\" y=\"[0-9]+\">([^<]*)</tspan>");
    REQUIRE(!lines.empty());
    for (const std::string& l : lines) {
        INFO(l);
        CHECK(l.size() <= 8 * 3 + 3);  // UTF-8: 8 full-width characters (3 bytes each), maybe …
    }
    CHECK(svg.find(">テスト市社会福祉協議会<") == std::string::npos);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("テスト市", 0) == 0; }) >= 2);
    // 24 characters do not fit in two lines: the second ends with … and the box has a <title>.
    CHECK(svg.find("<title>" + kLongName + "</title>") != std::string::npos);
    CHECK(std::regex_search(svg, std::regex("<title>" + kLongName + "</title>\\n<rect [^>]*/>\\n<text[^>]*><tspan[^>]*>[^<]+</tspan><tspan[^>]*>[^<]+…</tspan>")));
    // Short names have no <title> (only the drawing's own and the long one).
    CHECK(count_of(svg, "<title") == 2);
    // Text is at least 12 units high.
    for (const std::string& size : all_matches(svg, "font-size=\"([0-9]+)\"")) CHECK(std::stoi(size) >= 12);
}

TEST_CASE("network diagram: the same network gives the same bytes") {
    const Site site = test_site();
    const Network n = test_network(site);
    const std::string a = network_diagram_svg(site, n, "d");
    CHECK(a == network_diagram_svg(site, n, "d"));
    const Network copy = n;
    CHECK(a == network_diagram_svg(site, copy, "d"));
}

TEST_CASE("network diagram: nothing to draw") {
    const Site site = test_site();
    Network n;
    n.name = "ひとり";
    n.members = {member_org(site, "npo", "NPO")};
    CHECK(network_diagram_svg(site, n, "e").empty());
    n.members.clear();
    CHECK(network_diagram_svg(site, n, "e").empty());
    // Two members and no links: both drawn.
    n.members = {member_org(site, "npo", "NPO"), member_name("テスト町自治会", "自治会・町内会")};
    const std::string two = network_diagram_svg(site, n, "e");
    REQUIRE(!two.empty());
    CHECK(node_rects(two).size() == 2);
    CHECK(two.find("事務局の記載はありません。") != std::string::npos);
    CHECK(balanced(two));
    // A link to nobody is left out (check reports it); the rest is drawn.
    n.links = {{"npo", "どこか", "連携", 1}};
    CHECK(count_of(network_diagram_svg(site, n, "e"), "<path class=\"link\" ") == 0);
}

TEST_CASE("network diagram: sixty members stay legible") {
    Site site = test_site();
    Network n = test_network(site);
    const char* categories[] = {"自治会・町内会", "NPO", "民生委員", "企業", "地区社協", "医療"};
    for (int i = 0; i < 52; ++i)
        n.members.push_back(member_name("メンバー団体" + std::to_string(i) + "号", categories[i % 6]));
    for (int i = 0; i < 52; i += 3)
        n.links.push_back({"メンバー団体" + std::to_string(i) + "号", i % 2 ? "shakyo" : "メンバー団体" + std::to_string(i + 1) + "号",
                           network_link_labels()[static_cast<size_t>(i) % 8], 0});
    const std::string svg = network_diagram_svg(site, n, "big");
    REQUIRE(!svg.empty());
    CHECK(balanced(svg));
    const auto [vw, vh] = view_box(svg);
    CHECK(vw == 880);  // taller, never wider: the text keeps its size at width 100%
    CHECK(vh > 880);
    const std::vector<Rect> rects = node_rects(svg);
    CHECK(rects.size() == n.members.size() + n.observers.size());
    bool overlap = false;
    for (size_t i = 0; i < rects.size(); ++i)
        for (size_t j = i + 1; j < rects.size(); ++j) {
            const Rect &a = rects[i], &b = rects[j];
            overlap = overlap || (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h);
        }
    CHECK_FALSE(overlap);
    CHECK(count_of(svg, "<path class=\"link\" ") == n.links.size());

    // Members of one category sit side by side: going round the ring clockwise from the top
    // left corner, each category is one run. Boxes are drawn members first, in file order.
    int left = 1 << 30, right = 0, top = 1 << 30, bottom = 0;
    for (const Rect& r : rects)
        if (r.cls != "node secretariat") {
            left = std::min(left, r.x + r.w / 2), right = std::max(right, r.x + r.w / 2);
            top = std::min(top, r.y + r.h / 2), bottom = std::max(bottom, r.y + r.h / 2);
        }
    std::vector<std::pair<int, std::string>> ring;
    for (size_t i = 0; i < rects.size(); ++i) {
        if (rects[i].cls == "node secretariat") continue;
        const int x = rects[i].x + rects[i].w / 2, y = rects[i].y + rects[i].h / 2;
        const int w = right - left, h = bottom - top;
        int p;
        if (y == top) p = x - left;
        else if (x == right) p = w + (y - top);
        else if (y == bottom) p = w + h + (right - x);
        else p = 2 * w + h + (bottom - y);
        ring.push_back({p, i < n.members.size() ? n.members[i].category : n.observers[i - n.members.size()].category});
    }
    std::sort(ring.begin(), ring.end());
    std::vector<std::string> runs;
    for (const auto& [p, c] : ring)
        if (runs.empty() || runs.back() != c) runs.push_back(c);
    std::set<std::string> distinct(runs.begin(), runs.end());
    CHECK(runs.size() == distinct.size());
    CHECK(svg == network_diagram_svg(site, n, "big"));
}
