// The render stage end to end on a tiny in-memory site: which files come out, that every link is
// relative and lands on a file, that hostile data comes out inert, that JSON-LD parses, the
// サンプル label, and byte-identical output on a second run.
#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include "render/json_ld.h"
#include "render/kana_rows.h"
#include "render/links.h"
#include "render/pagination.h"
#include "render/render_site.h"
#include "render/sitemap.h"

using namespace tsunagu;
using nlohmann::json;

namespace {

const char* kHostileName = "<script>alert(1)</script>";

Site tiny_site() {
    Site s;
    s.config.title = "あおば市 支え合いガイド";
    s.config.description = "あおば市内の通いの場・居場所の案内です。";
    s.config.base_url = "https://example.org/aoba/";
    s.config.publisher = "あおば市社会福祉協議会";
    s.config.sample = true;

    Area aoba;
    aoba.meta.id = "aoba";
    aoba.name = "あおば市";
    aoba.reading = "あおばし";
    aoba.level = "市区町村";
    aoba.population = 118200;
    aoba.population_65plus = 33100;
    aoba.children_ix = {1};
    Area kita;
    kita.meta.id = "kita";
    kita.name = "北中学校区";
    kita.reading = "きたちゅうがっこうく";
    kita.level = "日常生活圏域";
    kita.parent = "aoba";
    kita.parent_ix = 0;
    kita.depth = 1;
    s.areas = {aoba, kita};
    s.root_areas = {0};

    Organization org;
    org.meta.id = "sakuragaoka-jichikai";
    org.name = "桜ヶ丘自治会";
    org.reading = "さくらがおかじちかい";
    org.legal_form = "自治会・町内会";
    org.areas_served = {"kita"};
    org.areas_served_ix = {1};
    org.contact.url = "https://example.org/";
    org.activities_ix = {0, 1};
    org.consultation_ix = {0};
    org.description = "昭和47年に発足した自治会です。";
    s.organizations = {org};

    Activity salon;
    salon.meta.id = "sakuragaoka-salon";
    salon.meta.last_confirmed = Date{2026, 10, 1};
    salon.meta.source = "あおば市社協 活動調査";
    salon.name = "桜ヶ丘ふれあいサロン";
    salon.reading = "さくらがおかふれあいさろん";
    salon.summary = "お茶を飲みながらおしゃべりと体操を楽しむ集まりです。";
    salon.description = "月に2回、自治会館で開いています。";
    salon.content_types = {"交流・サロン", "介護予防・体操"};
    salon.place_type = "単独";
    salon.target_people = {"高齢者"};
    salon.organization = "sakuragaoka-jichikai";
    salon.organization_ix = 0;
    salon.areas = {"kita"};
    salon.areas_ix = {1};
    salon.venue.name = "桜ヶ丘自治会館";
    salon.venue.address = "あおば市桜ヶ丘2丁目3-4";
    salon.venue.geo = {35.7012, 139.7523, true};
    Recurrence weekly;
    weekly.kind = RecurrenceKind::weekly;
    weekly.weekdays = weekday_bit(3);
    weekly.times = {{600, 720}};
    salon.schedule.text = "毎週水曜 10:00〜12:00";
    salon.schedule.rules = {weekly};
    salon.fees = {Fee{"大人", 100, "お茶代"}};
    salon.capacity = 30;
    salon.contact.phone = "042-000-1234";
    salon.contact.email = "info@example.org";

    Activity evil;
    evil.meta.id = "evil";
    evil.meta.last_confirmed = Date{2026, 9, 1};
    evil.name = kHostileName;
    evil.reading = "\"><img src=x onerror=alert(1)>";
    evil.summary = "</script><script>alert(2)</script>";
    evil.content_types = {"交流・サロン"};
    evil.areas = {"kita"};
    evil.areas_ix = {1};
    evil.organization_ix = 0;
    evil.venue.address = "あおば市北町1丁目";
    evil.venue.name = "山田様宅";
    evil.venue.private_home = true;
    evil.venue.geo = {35.70, 139.75, true};
    evil.schedule.text = "月1回不定期";
    evil.schedule.understood = false;
    evil.contact.url = "javascript:alert(1)";
    evil.contact.email = "a@b.jp\"><script>";
    evil.contact.phone = "javascript:alert(1)";
    evil.status = "休止中";
    evil.photos = {Photo{"../../etc/passwd", "x", ""}};
    s.activities = {salon, evil};

    ConsultationPoint c;
    c.meta.id = "kita-houkatsu";
    c.name = "あおば市北地域包括支援センター";
    c.reading = "あおばしきたちいきほうかつしえんせんたー";
    c.generic_type = "地域包括支援センター";
    c.local_alias = "あんしん北";
    c.areas_covered = {"kita"};
    c.areas_covered_ix = {1};
    c.organization_ix = 0;
    Recurrence weekdays;
    weekdays.kind = RecurrenceKind::weekly;
    weekdays.weekdays = kWeekdaysMonFri;
    weekdays.times = {{510, 1035}};
    c.hours.text = "平日 8:30〜17:15";
    c.hours.rules = {weekdays};
    c.contact.phone = "042-000-5678";
    s.consultation_points = {c};

    ContentPage about;
    about.slug = "about";
    about.title = "このサイトについて";
    about.in_nav = true;
    about.body = "# 掲載の方針\n\n本文です。";
    s.pages = {about};

    for (size_t i = 0; i < s.areas.size(); ++i) s.area_by_id[s.areas[i].meta.id] = static_cast<int>(i);
    for (size_t i = 0; i < s.activities.size(); ++i) s.activity_by_id[s.activities[i].meta.id] = static_cast<int>(i);
    s.organization_by_id["sakuragaoka-jichikai"] = 0;
    s.consultation_by_id["kita-houkatsu"] = 0;
    return s;
}

using Files = std::map<std::string, std::string>;

Files render(const Site& site, Diagnostics& diags, int threads = 0) {
    Files files;
    std::mutex m;
    RenderOptions options;
    options.theme_dir = std::string(TSUNAGU_SOURCE_DIR) + "/themes/default";
    options.base_url = site.config.base_url;
    options.threads = threads;
    render_site(site, options,
                [&](const std::string& path, std::string_view content) {
                    std::lock_guard<std::mutex> lock(m);
                    files[path] = std::string(content);
                },
                diags);
    return files;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Resolves a relative href against the page's folder; "" when it climbs above the root.
std::string resolve(const std::string& page, const std::string& href) {
    std::vector<std::string> parts;
    size_t slash = page.rfind('/');
    std::string path = (slash == std::string::npos ? "" : page.substr(0, slash + 1)) + href;
    size_t cut = path.find_first_of("#?");
    if (cut != std::string::npos) path.erase(cut);
    size_t start = 0;
    while (start <= path.size()) {
        size_t next = path.find('/', start);
        std::string seg = path.substr(start, next == std::string::npos ? std::string::npos : next - start);
        if (seg == "..") {
            if (parts.empty()) return "";
            parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        if (next == std::string::npos) break;
        start = next + 1;
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::vector<std::string> attribute_values(const std::string& html, const char* attr) {
    std::vector<std::string> out;
    std::regex re(std::string(" ") + attr + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

std::vector<json> json_ld_blocks(const std::string& html) {
    std::vector<json> out;
    const std::string open = "<script type=\"application/ld+json\">";
    for (size_t p = html.find(open); p != std::string::npos; p = html.find(open, p + 1)) {
        size_t begin = p + open.size();
        size_t end = html.find("</script>", begin);
        out.push_back(json::parse(html.substr(begin, end - begin)));
    }
    return out;
}

}  // namespace

TEST_CASE("render: every page of the output layout is written") {
    Diagnostics diags;
    Files files = render(tiny_site(), diags);
    for (const Diagnostic& d : diags) CHECK_MESSAGE(d.severity != Severity::error, d.code, ": ", d.en);
    for (const char* path :
         {"index.html", "activities/sakuragaoka-salon.html", "activities/evil.html", "organizations/sakuragaoka-jichikai.html",
          "organizations/index.html", "consultation/index.html", "consultation/kita-houkatsu.html", "areas/index.html", "areas/aoba.html", "areas/kita.html",
          "categories/index.html", "categories/salon.html", "categories/exercise.html", "categories/mimamori.html",
          "targets/index.html", "targets/older-people.html", "about.html", "404.html", "sitemap.xml", "robots.txt",
          "assets/style.css", "assets/print.css"}) {
        CAPTURE(path);
        CHECK(files.count(path) == 1);
    }
    // The search page (its index files come from the index stage, not from render), linked from the nav.
    CHECK(files.count("search/index.html") == 1);
    CHECK(files["index.html"].find("href=\"search/index.html\"") != std::string::npos);
    CHECK(files["search/index.html"].find("src=\"../assets/js/search.js\"") != std::string::npos);
}

TEST_CASE("render: links are relative, name a file, and land on a page that exists") {
    Diagnostics diags;
    Files files = render(tiny_site(), diags);
    int checked = 0;
    for (const auto& [path, html] : files) {
        if (!ends_with(path, ".html") || path == "404.html") continue;
        std::vector<std::string> targets = attribute_values(html, "href");
        for (const std::string& src : attribute_values(html, "src")) targets.push_back(src);
        for (const std::string& href : targets) {
            CAPTURE(path);
            CAPTURE(href);
            if (href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0 || href.rfind("tel:", 0) == 0 ||
                href.rfind("mailto:", 0) == 0 || href.rfind("#", 0) == 0)
                continue;
            CHECK(href.front() != '/');
            CHECK(href.back() != '/');
            CHECK(files.count(resolve(path, href)) == 1);
            ++checked;
        }
    }
    CHECK(checked > 100);
    CHECK(files["areas/kita.html"].find("href=\"../index.html\"") != std::string::npos);
    CHECK(files["areas/kita.html"].find("href=\"../assets/style.css\"") != std::string::npos);
    CHECK(files["index.html"].find("href=\"assets/print.css\" media=\"print\"") != std::string::npos);
    // The 404 page is served at any depth, so it links from the site's root path.
    CHECK(files["404.html"].find("href=\"/aoba/index.html\"") != std::string::npos);
}

TEST_CASE("render: hostile strings come out escaped and inert") {
    Diagnostics diags;
    Files files = render(tiny_site(), diags);
    const std::string& evil = files["activities/evil.html"];
    CHECK(evil.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(evil.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    for (const auto& [path, html] : files) {
        CAPTURE(path);
        // Open-data tables carry the text as data (CSV, JSON); pages and feeds must escape it.
        if (path.starts_with("opendata/") && !path.ends_with(".html") && !path.ends_with(".atom")) continue;
        CHECK(html.find("<script>alert") == std::string::npos);
        CHECK(html.find("<img src=x") == std::string::npos);
        CHECK(html.find("href=\"javascript:") == std::string::npos);
    }
    CHECK(evil.find("href=\"javascript:") == std::string::npos);
    CHECK(evil.find("href=\"tel:") == std::string::npos);      // "javascript:alert(1)" is no phone number
    CHECK(evil.find("href=\"mailto:") == std::string::npos);   // an address with quotes is shown as text
    CHECK(evil.find("javascript:alert(1)") != std::string::npos);  // …but still shown as text
    CHECK(evil.find("etc/passwd") == std::string::npos);          // photo path leaving static/ is dropped
    // Private home: no venue name, a note to ask, no coordinates in JSON-LD.
    CHECK(evil.find("山田様宅") == std::string::npos);
    for (const auto& [path, content] : files) {
        CAPTURE(path);
        CHECK(content.find("山田様宅") == std::string::npos);  // nor in any export, feed or index
    }
    CHECK(evil.find("個人宅のため詳しい場所は問い合わせてください") != std::string::npos);
    CHECK(evil.find("GeoCoordinates") == std::string::npos);
    CHECK(evil.find("休止中") != std::string::npos);
    // One closing tag per JSON-LD block: data cannot end the script element early.
    std::vector<json> blocks = json_ld_blocks(evil);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0]["name"] == kHostileName);
}

TEST_CASE("render: JSON-LD parses and has the expected types") {
    Diagnostics diags;
    Files files = render(tiny_site(), diags);

    auto salon = json_ld_blocks(files["activities/sakuragaoka-salon.html"]);
    REQUIRE(salon.size() == 1);
    CHECK(salon[0]["@context"] == "https://schema.org");
    CHECK(salon[0]["@type"] == json::array({"Place", "CivicStructure"}));
    CHECK(salon[0]["url"] == "https://example.org/aoba/activities/sakuragaoka-salon.html");
    CHECK(salon[0]["address"]["@type"] == "PostalAddress");
    CHECK(salon[0]["address"]["addressCountry"] == "JP");
    CHECK(salon[0]["geo"]["@type"] == "GeoCoordinates");
    CHECK(salon[0]["event"]["@type"] == "Event");
    CHECK(salon[0]["event"]["offers"][0]["priceCurrency"] == "JPY");
    CHECK(salon[0]["event"]["offers"][0]["price"] == 100);
    CHECK(salon[0]["event"]["organizer"]["name"] == "桜ヶ丘自治会");

    auto evil = json_ld_blocks(files["activities/evil.html"]);
    CHECK(evil[0]["@type"] == "Event");
    CHECK(evil[0]["location"]["address"]["streetAddress"] == "あおば市北町1丁目");

    auto org = json_ld_blocks(files["organizations/sakuragaoka-jichikai.html"]);
    REQUIRE(org.size() == 1);
    CHECK(org[0]["@type"] == "NGO");
    CHECK(org[0]["sameAs"] == "https://example.org/");

    auto point = json_ld_blocks(files["consultation/kita-houkatsu.html"]);
    REQUIRE(point.size() == 1);
    CHECK(point[0]["@type"] == "Service");
    CHECK(point[0]["areaServed"][0]["name"] == "北中学校区");
    CHECK(point[0]["hoursAvailable"][0]["opens"] == "08:30");
    CHECK(point[0]["hoursAvailable"][0]["closes"] == "17:15");
    CHECK(point[0]["hoursAvailable"][0]["dayOfWeek"].size() == 5);
}

TEST_CASE("render: json_for_script escapes what could close the element") {
    std::string s = json_for_script(json{{"a", "</script><!-- & -->"}});
    CHECK(s.find('<') == std::string::npos);
    CHECK(s.find('>') == std::string::npos);
    CHECK(s.find('&') == std::string::npos);
    CHECK(json::parse(s)["a"] == "</script><!-- & -->");
}

TEST_CASE("render: pages carry the sample banner, one h1, lang=ja and the right content") {
    Diagnostics diags;
    Files files = render(tiny_site(), diags);
    for (const auto& [path, html] : files) {
        if (!ends_with(path, ".html")) continue;
        CAPTURE(path);
        CHECK(html.find("サンプル</strong>：このサイトの内容は架空の例です") != std::string::npos);
        CHECK(html.find("<html lang=\"ja\">") != std::string::npos);
        CHECK(html.find("本文へ移動") != std::string::npos);
        size_t h1 = html.find("<h1");
        CHECK(h1 != std::string::npos);
        CHECK(html.find("<h1", h1 + 1) == std::string::npos);
    }
    const std::string& salon = files["activities/sakuragaoka-salon.html"];
    CHECK(salon.find("href=\"tel:042-000-1234\">042-000-1234</a>") != std::string::npos);
    CHECK(salon.find("href=\"mailto:info@example.org\"") != std::string::npos);
    CHECK(salon.find("<th scope=\"row\">大人</th><td>100円</td>") != std::string::npos);
    CHECK(salon.find("2026年10月1日") != std::string::npos);
    CHECK(salon.find("読み：さくらがおかふれあいさろん") != std::string::npos);
    CHECK(salon.find("href=\"../organizations/sakuragaoka-jichikai.html\"") != std::string::npos);
    CHECK(salon.find("href=\"../categories/salon.html\"") != std::string::npos);
    // Breadcrumbs ホーム › area chain › the page.
    size_t home = salon.find(">ホーム</a>");
    size_t city = salon.find(">あおば市</a>", home);
    size_t district = salon.find(">北中学校区</a>", city);
    CHECK(home != std::string::npos);
    CHECK(city != std::string::npos);
    CHECK(district != std::string::npos);

    // An area page lists activities of the areas inside it and the points covering them.
    const std::string& city_page = files["areas/aoba.html"];
    CHECK(city_page.find("桜ヶ丘ふれあいサロン") != std::string::npos);
    CHECK(city_page.find("あおば市北地域包括支援センター") != std::string::npos);
    CHECK(city_page.find("28.0%") != std::string::npos);  // 33100 / 118200, computed
    // Content page in the nav, marked current on itself.
    CHECK(files["index.html"].find("href=\"about.html\"") != std::string::npos);
    CHECK(files["about.html"].find("aria-current=\"page\">このサイトについて") != std::string::npos);
    CHECK(files["about.html"].find("<h2") != std::string::npos);  // "#" in the body is below the page's h1
}

TEST_CASE("render: sitemap and robots use absolute URLs from base_url") {
    Diagnostics diags;
    Files files = render(tiny_site(), diags);
    const std::string& sitemap = files["sitemap.xml"];
    CHECK(sitemap.find("<loc>https://example.org/aoba/index.html</loc>") != std::string::npos);
    CHECK(sitemap.find("<loc>https://example.org/aoba/activities/sakuragaoka-salon.html</loc><lastmod>2026-10-01</lastmod>") !=
          std::string::npos);
    CHECK(sitemap.find("404.html") == std::string::npos);
    CHECK(files["robots.txt"].find("Sitemap: https://example.org/aoba/sitemap.xml") != std::string::npos);

    std::vector<SitemapEntry> entries;
    for (int i = 0; i < 5; ++i) entries.push_back({"p" + std::to_string(i) + ".html", ""});
    auto parts = build_sitemaps("https://x.org/", entries, 2);
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].first == "sitemap.xml");
    CHECK(parts[0].second.find("<sitemapindex") != std::string::npos);
    CHECK(parts[0].second.find("<loc>https://x.org/sitemap-3.xml</loc>") != std::string::npos);
    CHECK(parts[3].first == "sitemap-3.xml");
    CHECK(parts[3].second.find("https://x.org/p4.html") != std::string::npos);
}

TEST_CASE("render: output is deterministic whatever the thread count") {
    Site site = tiny_site();
    Diagnostics d1, d2;
    Files a = render(site, d1, 4);
    Files b = render(site, d2, 1);
    CHECK(a.size() == b.size());
    CHECK(a == b);
}

TEST_CASE("render: long lists paginate with prev/next links") {
    Site site = tiny_site();
    Activity base = site.activities[0];
    site.activities.clear();
    site.activity_by_id.clear();
    site.organizations[0].activities_ix.clear();
    for (int i = 0; i < 450; ++i) {
        Activity a = base;
        char id[16];
        std::snprintf(id, sizeof id, "s%03d", i);
        a.meta.id = id;
        a.name = std::string("サロン") + id;
        a.reading = std::string("さろん") + id;
        a.content_types = {"交流・サロン"};
        site.activity_by_id[id] = i;
        site.organizations[0].activities_ix.push_back(i);
        site.activities.push_back(a);
    }
    Diagnostics diags;
    Files files = render(site, diags);
    CHECK(files.count("categories/salon.html") == 1);
    CHECK(files.count("categories/salon-2.html") == 1);
    CHECK(files.count("categories/salon-3.html") == 1);
    CHECK(files.count("categories/salon-4.html") == 0);
    CHECK(files["categories/salon.html"].find("<link rel=\"next\" href=\"../categories/salon-2.html\">") != std::string::npos);
    CHECK(files["categories/salon-2.html"].find("rel=\"prev\"") != std::string::npos);
    CHECK(files["categories/salon-3.html"].find("サロンs449") != std::string::npos);
    CHECK(files["categories/salon.html"].find("サロンs449") == std::string::npos);
    // Big area groups move to their own pages; the organization gets an activity list.
    CHECK(files.count("areas/kita/salon.html") == 1);
    CHECK(files.count("areas/kita/salon-3.html") == 1);
    CHECK(files.count("organizations/sakuragaoka-jichikai/activities-2.html") == 1);
    CHECK(files["areas/kita.html"].find("href=\"../areas/kita/salon.html\"") != std::string::npos);
}

namespace {

// Every href with a fragment on `page` that lands on an output page names an id that page has.
void check_fragments(const Files& files, const std::string& page) {
    const std::string& html = files.at(page);
    for (const std::string& href : attribute_values(html, "href")) {
        size_t hash = href.find('#');
        if (hash == std::string::npos || href.rfind("https://", 0) == 0) continue;
        CAPTURE(page);
        CAPTURE(href);
        std::string target = hash == 0 ? page : resolve(page, href);  // "#main": the skip link
        REQUIRE(files.count(target) == 1);
        CHECK(files.at(target).find("id=\"" + href.substr(hash + 1) + "\"") != std::string::npos);
    }
}

Site site_with_organizations() {
    Site site = tiny_site();  // keeps 桜ヶ丘自治会 (さ行) as organization 0
    auto add = [&](const char* id, const char* name, const char* reading, const char* form) {
        Organization o;
        o.meta.id = id;
        o.name = name;
        o.reading = reading;
        o.legal_form = form;
        site.organization_by_id[id] = static_cast<int>(site.organizations.size());
        site.organizations.push_back(o);
    };
    add("wakaba", "わかばの会", "ワカバノカイ", "任意団体");        // katakana reading: わ行
    add("hidamari", "Hidamari Network", "", "NPO法人");              // no kana reading: その他
    add("aoba-shakyo", "あおば市社会福祉協議会", "あおばししゃかいふくしきょうぎかい", "社協");
    add("kawasemi", "かわせみ食堂", "かわせみしょくどう", "一般社団法人");
    add("gakudo", "学童ネット", "がくどうねっと", "");                // が sorts in か行, after かわせみ
    add("vu", "ヴィレッジ", "ヴぃれっじ", "株式会社");                 // ヴ: あ行
    return site;
}

}  // namespace

TEST_CASE("kana rows: first sound of the reading, small and voiced kana with their row") {
    CHECK(kana_row("あおば") == 0);
    CHECK(kana_row("ぁ") == 0);
    CHECK(kana_row("ゔぃ") == 0);
    CHECK(kana_row("がくどう") == 1);
    CHECK(kana_row("っ") == 3);
    CHECK(kana_row("ぱん") == 5);
    CHECK(kana_row("ゃ") == 7);
    CHECK(kana_row("わかば") == 9);
    CHECK(kana_row("ん") == 9);
    CHECK(kana_row("") == kOtherRow);
    CHECK(kana_row("npo") == kOtherRow);
    CHECK(kana_row("学童") == kOtherRow);
    CHECK(kana_row_label(kOtherRow) == "その他");
    CHECK(kana_row_anchor(1) == "row-ka");
}

TEST_CASE("render: organizations/index.html lists every organization by 50音 row") {
    Site site = site_with_organizations();
    Diagnostics diags;
    Files files = render(site, diags);
    for (const Diagnostic& d : diags) CHECK_MESSAGE(d.severity != Severity::error, d.code, ": ", d.en);
    REQUIRE(files.count("organizations/index.html") == 1);
    CHECK(files.count("organizations/index-2.html") == 0);
    const std::string& html = files["organizations/index.html"];

    // Reading order within rows, rows in 50音 order, その他 last.
    size_t last = 0;
    for (const char* name : {"あおば市社会福祉協議会", "ヴィレッジ", "かわせみ食堂", "学童ネット", "桜ヶ丘自治会", "わかばの会",
                             "Hidamari Network"}) {
        CAPTURE(name);
        size_t at = html.find(std::string(">") + name + "</a>");
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    // Row headings only for rows in use, each with the id the jump list points at.
    for (const char* heading : {"<h2 id=\"row-a\">あ行</h2>", "<h2 id=\"row-ka\">か行</h2>", "<h2 id=\"row-sa\">さ行</h2>",
                                "<h2 id=\"row-wa\">わ行</h2>", "<h2 id=\"row-other\">その他</h2>"}) {
        CAPTURE(heading);
        CHECK(html.find(heading) != std::string::npos);
    }
    CHECK(html.find("row-ta") == std::string::npos);
    CHECK(html.find("<nav class=\"kana-jump\" aria-label=\"50音の行へ移動\">") != std::string::npos);
    CHECK(html.find("href=\"../organizations/index.html#row-other\">その他</a>") != std::string::npos);
    check_fragments(files, "organizations/index.html");
    // Legal form and number of activities; one h1.
    CHECK(html.find("<span class=\"legal-form\">自治会・町内会</span> <span class=\"count\">（活動 2件）</span>") != std::string::npos);
    CHECK(html.find("<span class=\"legal-form\">社協</span> <span class=\"count\">（活動 0件）</span>") != std::string::npos);
    CHECK(html.find("<h1>団体の一覧</h1>") != std::string::npos);
    CHECK(html.find("<h1", html.find("<h1") + 1) == std::string::npos);

    // Navigation: 団体 between 相談窓口 and the content pages, current on its own pages.
    CHECK(html.find("<a href=\"../organizations/index.html\" aria-current=\"page\">団体</a>") != std::string::npos);
    const std::string& home = files["index.html"];
    size_t consultation = home.find(">相談窓口</a></li>");
    size_t organizations = home.find("<a href=\"organizations/index.html\">団体</a>");
    size_t about = home.find("<a href=\"about.html\">このサイトについて</a>");
    CHECK(consultation < organizations);
    CHECK(organizations < about);
    CHECK(about != std::string::npos);
    CHECK(home.find("href=\"organizations/index.html\">団体の一覧を見る（7団体）</a>") != std::string::npos);
    // ホーム › 団体 › name on each organization page.
    const std::string& org = files["organizations/sakuragaoka-jichikai.html"];
    CHECK(org.find("<li><a href=\"../organizations/index.html\">団体</a></li>") != std::string::npos);
    CHECK(org.find("<a href=\"../organizations/index.html\" aria-current=\"page\">団体</a>") != std::string::npos);
    CHECK(files["sitemap.xml"].find("<loc>https://example.org/aoba/organizations/index.html</loc>") != std::string::npos);
}

TEST_CASE("render: the organization and consultation indexes paginate past 200 entries") {
    Site site = tiny_site();
    const Organization org0 = site.organizations[0];
    const ConsultationPoint point0 = site.consultation_points[0];
    site.organizations.clear();
    site.organization_by_id.clear();
    site.consultation_points.clear();
    site.consultation_by_id.clear();
    const char* firsts[] = {"あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"};
    for (int i = 0; i < 450; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "o%03d", i);
        Organization o = org0;
        o.meta.id = id;
        o.name = std::string("団体") + id;
        o.reading = std::string(firsts[i / 45]) + id;  // 45 per row: rows cross page boundaries
        o.activities_ix.clear();
        o.consultation_ix.clear();
        site.organization_by_id[id] = i;
        site.organizations.push_back(o);

        std::snprintf(id, sizeof id, "c%03d", i);
        ConsultationPoint c = point0;
        c.meta.id = id;
        c.name = std::string("窓口") + id;
        c.reading = std::string("まどぐち") + id;
        c.organization_ix = -1;
        site.consultation_by_id[id] = i;
        site.consultation_points.push_back(c);
    }
    for (Activity& a : site.activities) a.organization_ix = -1;
    Diagnostics diags;
    Files files = render(site, diags);
    for (const Diagnostic& d : diags) CHECK_MESSAGE(d.severity != Severity::error, d.code, ": ", d.en);

    for (const char* base : {"organizations/index", "consultation/index"}) {
        CAPTURE(base);
        const std::string b = base;
        CHECK(files.count(b + ".html") == 1);
        CHECK(files.count(b + "-2.html") == 1);
        CHECK(files.count(b + "-3.html") == 1);
        CHECK(files.count(b + "-4.html") == 0);
        CHECK(files[b + ".html"].find("<link rel=\"next\" href=\"../" + b + "-2.html\">") != std::string::npos);
        CHECK(files[b + "-3.html"].find("<link rel=\"prev\" href=\"../" + b + "-2.html\">") != std::string::npos);
        CHECK(files[b + "-2.html"].find("<nav class=\"pager\" aria-label=\"ページ送り\">") != std::string::npos);
        CHECK(files[b + "-2.html"].find("201〜400件目を表示しています。") != std::string::npos);
        CHECK(files["sitemap.xml"].find(b + "-3.html</loc>") != std::string::npos);
    }
    // Organizations: page 1 holds あ〜た行 and the start of な行 (entries 180–199).
    const std::string& p1 = files["organizations/index.html"];
    const std::string& p2 = files["organizations/index-2.html"];
    CHECK(p1.find(">団体o199</a>") != std::string::npos);
    CHECK(p1.find(">団体o200</a>") == std::string::npos);
    CHECK(p2.find(">団体o200</a>") != std::string::npos);
    CHECK(p1.find("<h2 id=\"row-na\">な行</h2>") != std::string::npos);
    CHECK(p2.find("<h2 id=\"row-na\">な行<span class=\"continued\">（前のページから続く）</span></h2>") != std::string::npos);
    CHECK(p2.find("<h2 id=\"row-ha\">は行</h2>") != std::string::npos);
    // The jump list names every row, linking to the page where it starts.
    CHECK(p1.find("href=\"../organizations/index-3.html#row-wa\">わ行</a>") != std::string::npos);
    CHECK(p2.find("href=\"../organizations/index.html#row-a\">あ行</a>") != std::string::npos);
    for (const char* page : {"organizations/index.html", "organizations/index-2.html", "organizations/index-3.html"})
        check_fragments(files, page);
    CHECK(files["organizations/index-3.html"].find("（3ページ目）") != std::string::npos);
    // Consultation: one kind of 窓口 over three pages, its heading repeated as a continuation.
    CHECK(files["consultation/index-2.html"].find("<h2>地域包括支援センター<span class=\"continued\">（前のページから続く）</span></h2>") !=
          std::string::npos);
    CHECK(files["consultation/index-3.html"].find("窓口c449") != std::string::npos);
    CHECK(files["consultation/index.html"].find("窓口c449") == std::string::npos);
    CHECK(files["consultation/index.html"].find("<h1>相談窓口</h1>") != std::string::npos);
}

TEST_CASE("render: a page path claimed twice is an error, not a race") {
    Site site = tiny_site();
    site.areas[1].meta.id = "index";  // areas/index.html is the area list
    Diagnostics diags;
    render(site, diags);
    bool found = false;
    for (const Diagnostic& d : diags) found |= d.code == "render.path_conflict";
    CHECK(found);
}

TEST_CASE("render: a theme without a required template is reported") {
    Diagnostics diags;
    RenderOptions options;
    options.theme_dir = "/nonexistent-theme";
    int emitted = 0;
    render_site(tiny_site(), options, [&](const std::string&, std::string_view) { ++emitted; }, diags);
    CHECK(emitted == 0);
    CHECK(has_errors(diags));
}

TEST_CASE("links: helpers") {
    CHECK(root_prefix("index.html") == "");
    CHECK(root_prefix("areas/kita.html") == "../");
    CHECK(root_prefix("areas/kita/salon.html") == "../../");
    CHECK(is_http_url("https://example.org/"));
    CHECK(is_http_url("HTTP://example.org"));
    CHECK_FALSE(is_http_url("javascript:alert(1)"));
    CHECK_FALSE(is_http_url("https://exa mple.org"));
    CHECK_FALSE(is_http_url("//evil.example"));
    CHECK(tel_href("042-000-1234") == "tel:042-000-1234");
    CHECK(tel_href("042-000-1234（代表）") == "tel:042-000-1234");
    CHECK(tel_href("なし") == "");
    CHECK(mailto_href("info@example.org") == "mailto:info@example.org");
    CHECK(mailto_href("a@b@c") == "");
    CHECK(mailto_href("a b@c.jp") == "");
    CHECK(url_path_of("https://example.org/aoba/") == "/aoba/");
    CHECK(url_path_of("https://example.org") == "/");
    CHECK(paged_path("categories/salon", 1) == "categories/salon.html");
    CHECK(paged_path("categories/salon", 2) == "categories/salon-2.html");
}
