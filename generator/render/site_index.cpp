// Builds RenderContext: the groupings list pages need, computed once in reading order so every
// list comes out sorted without sorting per page.
#include <algorithm>
#include <numeric>

#include "model/taxonomy.h"
#include "render/links.h"
#include "render/record_views.h"
#include "render/render_context.h"
#include "support/parallel.h"
#include "text/utf8.h"

namespace tsunagu {

std::string reading_key(std::string_view reading, std::string_view name) {
    std::string_view src = reading.empty() ? name : reading;
    std::string out;
    out.reserve(src.size());
    size_t pos = 0;
    while (pos < src.size()) {
        char32_t cp = decode_utf8(src, pos);
        if (cp >= 0x30A1 && cp <= 0x30F6) cp -= 0x60;  // カタカナ → ひらがな: mixed readings sort together
        append_utf8(out, cp);
    }
    return out;
}

std::vector<int> area_chain(const Site& site, int area_ix) {
    std::vector<int> chain;
    for (int a = area_ix; a >= 0 && a < static_cast<int>(site.areas.size()); a = site.areas[a].parent_ix) {
        if (std::find(chain.begin(), chain.end(), a) != chain.end()) break;
        chain.push_back(a);
    }
    return chain;
}

namespace {

template <class Record>
std::vector<int> by_reading(const std::vector<Record>& records) {
    std::vector<std::string> keys(records.size());
    for (size_t i = 0; i < records.size(); ++i) keys[i] = reading_key(records[i].reading, records[i].name);
    std::vector<int> order(records.size());
    std::iota(order.begin(), order.end(), 0);
    // Records are sorted by id already, so a stable sort breaks ties by id.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return keys[a] < keys[b]; });
    return order;
}

void sort_by_reading(std::vector<int>& ixs, const std::vector<int>& rank) {
    std::sort(ixs.begin(), ixs.end(), [&](int a, int b) { return rank[a] < rank[b]; });
}

std::vector<int> rank_of(const std::vector<int>& order) {
    std::vector<int> rank(order.size());
    for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int>(r);
    return rank;
}

void mark_descendants(const Site& site, int a, std::vector<char>& marked, int depth = 0) {
    if (depth > 64) return;  // a cycle the resolve stage let through must not hang the build
    marked[a] = 1;
    for (int c : site.areas[a].children_ix) mark_descendants(site, c, marked, depth + 1);
}

}  // namespace

void build_render_context(RenderContext& ctx, const Site& site, const mustache::TemplateSet& templates,
                          std::string base_url, unsigned threads) {
    ctx.site = &site;
    ctx.templates = &templates;
    ctx.base_url = std::move(base_url);
    const size_t n_areas = site.areas.size();

    ctx.activities_by_reading = by_reading(site.activities);
    ctx.organizations_by_reading = by_reading(site.organizations);
    ctx.consultation_by_reading = by_reading(site.consultation_points);
    ctx.activity_rank = rank_of(ctx.activities_by_reading);
    ctx.consultation_rank = rank_of(ctx.consultation_by_reading);
    std::vector<int> area_order = by_reading(site.areas);
    std::vector<int> area_rank = rank_of(area_order);

    ctx.area_children.assign(n_areas, {});
    for (size_t a = 0; a < n_areas; ++a) {
        ctx.area_children[a] = site.areas[a].children_ix;
        sort_by_reading(ctx.area_children[a], area_rank);
    }
    for (int a : area_order)
        if (site.areas[a].parent_ix < 0) ctx.root_areas_by_reading.push_back(a);

    ctx.area_activities.assign(n_areas, {});
    ctx.type_activities.assign(terms(Vocabulary::content_type).size(), {});
    ctx.target_activities.assign(terms(Vocabulary::target_people).size(), {});
    ctx.untyped_activities.assign(1, {});
    std::vector<int> seen(n_areas, -1);  // last activity added to each area, to add it once
    for (int i : ctx.activities_by_reading) {
        const Activity& act = site.activities[i];
        for (int a : act.areas_ix)
            for (int up : area_chain(site, a))
                if (seen[up] != i) {
                    seen[up] = i;
                    ctx.area_activities[up].push_back(i);
                }
        bool typed = false;
        std::vector<int> done;
        for (const std::string& label : act.content_types) {
            int t = term_index(Vocabulary::content_type, label);
            if (t < 0 || std::find(done.begin(), done.end(), t) != done.end()) continue;
            done.push_back(t);
            ctx.type_activities[t].push_back(i);
            typed = true;
        }
        if (!typed) ctx.untyped_activities[0].push_back(i);
        done.clear();
        for (const std::string& label : act.target_people) {
            int t = term_index(Vocabulary::target_people, label);
            if (t < 0 || std::find(done.begin(), done.end(), t) != done.end()) continue;
            done.push_back(t);
            ctx.target_activities[t].push_back(i);
        }
    }

    // A point covering 北中学校区 serves every 地区 inside it and belongs on the city's page too.
    ctx.area_consultation.assign(n_areas, {});
    for (int p : ctx.consultation_by_reading) {
        std::vector<char> marked(n_areas, 0);
        for (int c : site.consultation_points[p].areas_covered_ix) {
            if (c < 0 || c >= static_cast<int>(n_areas)) continue;
            for (int up : area_chain(site, c)) marked[up] = 1;
            mark_descendants(site, c, marked);
        }
        for (size_t a = 0; a < n_areas; ++a)
            if (marked[a]) ctx.area_consultation[a].push_back(p);
    }

    ctx.activity_cards.assign(site.activities.size(), {});
    parallel_for(site.activities.size(), [&](size_t i) { ctx.activity_cards[i] = activity_card(site, static_cast<int>(i)); },
                 threads);
    ctx.consultation_cards.assign(site.consultation_points.size(), {});
    for (size_t i = 0; i < site.consultation_points.size(); ++i)
        ctx.consultation_cards[i] = consultation_card(site, static_cast<int>(i));

    ctx.nav = nlohmann::json::array();
    auto nav_item = [&](const char* key, const char* label, std::string url) {
        ctx.nav.push_back({{"key", key}, {"label", label}, {"url", std::move(url)}});
    };
    nav_item("home", "ホーム", "index.html");
    nav_item("search", "検索", "search/index.html");
    if (!site.difficulties.empty()) nav_item("komarigoto", "困りごとから探す", "komarigoto/index.html");
    nav_item("areas", "地域から探す", "areas/index.html");
    nav_item("categories", "活動の種類から探す", "categories/index.html");
    nav_item("targets", "対象から探す", "targets/index.html");
    nav_item("consultation", "相談窓口", "consultation/index.html");
    nav_item("organizations", "団体", "organizations/index.html");
    // Content pages are sorted by order, then slug, by the resolve stage.
    ctx.footer_links = nlohmann::json::array();
    for (const ContentPage& page : site.pages) {
        if (!is_safe_data_path(page.slug)) continue;
        if (page.in_nav)
            ctx.nav.push_back({{"key", "page:" + page.slug}, {"label", page.title}, {"url", content_path(page.slug)}});
        ctx.footer_links.push_back({{"label", page.title}, {"url", content_path(page.slug)}});
    }
    // Open data is for other systems more than for residents: a footer link, not a nav item.
    ctx.footer_links.push_back({{"label", "オープンデータ"}, {"url", "opendata/index.html"}});
    // Fund disclosures are for donors: beside the open data, not in the residents' navigation.
    if (!site.funds.empty()) ctx.footer_links.push_back({{"label", "助け合い基金"}, {"url", "funds/index.html"}});
    // Case studies, networks and council reports are for the people who run councils.
    if (!site.cases.empty()) ctx.footer_links.push_back({{"label", "事例集"}, {"url", "cases/index.html"}});
    if (!site.networks.empty()) ctx.footer_links.push_back({{"label", "ネットワーク・協議体"}, {"url", "networks/index.html"}});
    if (!site.reports.empty()) ctx.footer_links.push_back({{"label", "協議体の活動報告"}, {"url", "reports/index.html"}});
    if (!site.handbooks.empty()) ctx.footer_links.push_back({{"label", "印刷用の冊子"}, {"url", "handbooks/index.html"}});
}

}  // namespace tsunagu
