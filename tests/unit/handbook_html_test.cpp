// Handbooks on a tiny in-memory site: one entry per activity (one of two content types prints
// it, the other refers to it with its page), page numbers from PageNumbers, a private home's
// 方書 left out, hostile text escaped, one <h1>, unique ids, and the helpers (CSS strings, id
// prefixes, heading shifts, QR codes).
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "print/handbook_html.h"
#include "print/qr_svg.h"
#include "render/render_site.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;

namespace {

Site guide_site() {
    Site s;
    s.config.title = "テスト市";
    s.config.base_url = "https://example.org/t/";
    s.config.publisher = "テスト市社協";
    Area city;
    city.meta.id = "city";
    city.name = "テスト市";
    city.level = "市区町村";
    Area town = city;
    town.meta.id = "town";
    town.name = "北地区";
    town.level = "地区";
    town.parent = "city";
    s.areas = {city, town};
    Activity salon;
    salon.meta.id = "salon";
    salon.name = "さくらサロン<script>";
    salon.reading = "さくらさろん";
    salon.content_types = {"交流・サロン", "見守り"};
    salon.areas = {"town"};
    salon.venue.name = "田中さんのお宅";
    salon.venue.address = "テスト市北町1丁目";
    salon.venue.address_detail = "3番地5号 田中様方";
    salon.venue.private_home = true;
    salon.contact.phone = "042-000-0001";
    Activity meal = salon;
    meal.meta.id = "meal";
    meal.name = "あさひ配食";
    meal.reading = "あさひはいしょく";
    meal.content_types = {"配食"};
    meal.venue = {};
    s.activities = {salon, meal};
    Handbook h;
    h.meta.id = "guide";
    h.title = "北地区ガイド";
    h.paper = "A5";
    HandbookSection intro;
    intro.kind = HandbookSectionKind::markdown;
    intro.title = "はじめに";
    intro.body = "# 使い方\n\nさくいんから探せます。";
    HandbookSection area;
    area.kind = HandbookSectionKind::area;
    area.area = "city";
    h.sections = {intro, area};
    s.handbooks = {h};
    Diagnostics diags;
    resolve_site(s, diags);
    return s;
}

struct Rendered {
    std::unique_ptr<PreparedRender> prepared;
    HandbookHtml html;
};

Rendered render(const Site& site, const PageNumbers& numbers) {
    RenderOptions options;
    options.theme_dir = std::string(TSUNAGU_SOURCE_DIR) + "/themes/default";
    options.today = Date{2026, 4, 1};
    Diagnostics diags;
    Rendered r;
    r.prepared = prepare_render(site, options, diags);
    REQUIRE(r.prepared);
    r.html = render_handbook_html(r.prepared->ctx, site.handbooks[0], numbers, r.prepared->ctx.handbook_css, options.today);
    return r;
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("an area chapter prints each activity once, refers to it from its other types, and keeps private details out") {
    const Site site = guide_site();
    Rendered r = render(site, {});
    const std::string& html = r.html.html;
    CHECK(count(html, "id=\"act-salon\"") == 1);
    CHECK(count(html, "id=\"act-meal\"") == 1);
    CHECK(count(html, "href=\"#act-salon\"") >= 2);  // the 見守り group's reference and the index
    CHECK(html.find("ほかのページ") != std::string::npos);  // no numbers yet
    CHECK(html.find("3番地5号") == std::string::npos);
    CHECK(html.find("田中様方") == std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("さくらサロン&lt;script&gt;") != std::string::npos);
    CHECK(count(html, "<h1") == 1);
    CHECK(html.find("@page { size: A5;") != std::string::npos);
    CHECK(html.find("<svg class=\"qr\"") != std::string::npos);
    CHECK(r.html.activity_names.size() == 2);
    // Every id once.
    std::set<std::string> ids;
    const std::regex id_re(R"re(\sid="([^"]+)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it)
        CHECK_MESSAGE(ids.insert((*it)[1].str()).second, (*it)[1].str());
    // The anchors the command asks the PDF for include every activity, chapter and the index.
    for (const char* a : {"act-salon", "act-meal", "ch-1", "ch-2", "index"})
        CHECK(std::find(r.html.anchors.begin(), r.html.anchors.end(), a) != r.html.anchors.end());
    CHECK(r.html.outline.front().title == "はじめに");
}

TEST_CASE("page numbers from the PDF appear in the contents, the index and the cross-references; same bytes twice") {
    const Site site = guide_site();
    const PageNumbers numbers = {{"ch-1", 3}, {"ch-2", 4}, {"act-salon", 7}, {"act-meal", 9}, {"index", 12}};
    Rendered a = render(site, numbers);
    CHECK(a.html.html.find("→ 7ページ") != std::string::npos);
    CHECK(a.html.html.find("<span class=\"pageno\">12</span>") != std::string::npos);
    CHECK(a.html.html.find("<span class=\"pageno\">9</span>") != std::string::npos);
    Rendered b = render(site, numbers);
    CHECK(a.html.html == b.html.html);
}

TEST_CASE("css_string, prefix_ids and demote_headings") {
    CHECK(css_string("北地区") == "\"北地区\"");
    CHECK(css_string("a\"b\\c</style>") == "\"a\\22 b\\5c c\\3c /style\\3e \"");
    const std::string body = R"x(<h1 id="t">T</h1><label for="x">L</label><input id="x"><svg aria-labelledby="a b"><rect fill="url(#p)"/></svg><a href="#t">top</a><a href="https://e.org/#t">ext</a>)x";
    const std::string p = prefix_ids(body, "ch-2-");
    CHECK(p.find("id=\"ch-2-t\"") != std::string::npos);
    CHECK(p.find("for=\"ch-2-x\"") != std::string::npos);
    CHECK(p.find("aria-labelledby=\"ch-2-a ch-2-b\"") != std::string::npos);
    CHECK(p.find("url(#ch-2-p)") != std::string::npos);
    CHECK(p.find("href=\"#ch-2-t\"") != std::string::npos);
    CHECK(p.find("href=\"https://e.org/#t\"") != std::string::npos);  // other documents' fragments stay
    CHECK(demote_headings("<h1>a</h1><h2 class=\"x\">b</h2><h6>c</h6>") == "<h2>a</h2><h3 class=\"x\">b</h3><h6>c</h6>");
}

TEST_CASE("qr_svg draws a square code with a quiet zone, labelled, and refuses what cannot be encoded") {
    const std::string svg = qr_svg("https://example.org/aoba/activities/salon.html", "さくらサロンのページ<>");
    CHECK(svg.rfind("<svg class=\"qr\"", 0) == 0);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("aria-label=\"さくらサロンのページ&lt;&gt;\"") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(svg, m, std::regex(R"x(viewBox="0 0 (\d+) (\d+)")x")));
    CHECK(m[1] == m[2]);
    const int side = std::stoi(m[1]);
    CHECK((side - 8 - 21) % 4 == 0);  // QR versions are 21 + 4k modules, plus 4 on each side
    CHECK(svg == qr_svg("https://example.org/aoba/activities/salon.html", "さくらサロンのページ<>"));
    CHECK(qr_svg(std::string(8000, 'a'), "x").empty());
}
