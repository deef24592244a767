// komarigoto/index.html and komarigoto/ID.html: 「困りごとから探す」. Residents start from a
// difficulty (親が認知症かもしれない), not from a service type; each page leads from it to the
// consultation points whose topics or kind match and to the activity types that help.
#include <algorithm>
#include <map>

#include "model/taxonomy.h"
#include "render/json_ld.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kIndexPath = "komarigoto/index.html";
constexpr const char* kIndexTitle = "困りごとから探す";
constexpr size_t kActivitiesPerType = 6;   // more: the category page has them all
constexpr size_t kPointsShown = 40;        // a large city's list belongs on consultation/index.html

std::string difficulty_path(std::string_view id) { return "komarigoto/" + url_path_escape(id) + ".html"; }

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// A point helps when it names one of the difficulty's topics or is one of its kinds of 窓口.
// Exact words: the check stage warns about words no point uses, so a typo never fails silently.
bool point_matches(const Difficulty& d, const ConsultationPoint& p) {
    if (p.status == "終了") return false;
    if (contains(d.consultation_types, p.generic_type)) return true;
    for (const std::string& t : p.topics)
        if (contains(d.topics, t)) return true;
    return false;
}

// target_people narrows the activities to those for one of the groups, or open to everyone;
// an activity that names no group is open to everyone too.
bool activity_fits(const Difficulty& d, const Activity& a) {
    if (a.status == "終了") return false;
    if (d.target_people.empty() || a.target_people.empty()) return true;
    for (const std::string& t : a.target_people)
        if (t == "誰でも" || contains(d.target_people, t)) return true;
    return false;
}

bool names_group(const Difficulty& d, const Activity& a) {
    for (const std::string& t : a.target_people)
        if (contains(d.target_people, t)) return true;
    return false;
}

// Matching points grouped by kind of 窓口: the kinds the difficulty names first, in its order,
// then the others in code-point order (stable for the same data); points in reading order.
json point_groups(const RenderContext& ctx, const Difficulty& d, size_t& total) {
    const Site& site = *ctx.site;
    std::map<std::string, std::vector<int>> by_type;
    total = 0;
    for (int p : ctx.consultation_by_reading)
        if (point_matches(d, site.consultation_points[p])) by_type[site.consultation_points[p].generic_type].push_back(p);
    std::vector<std::string> order;
    for (const std::string& t : d.consultation_types)
        if (by_type.count(t) && !contains(order, t)) order.push_back(t);
    for (const auto& [t, points] : by_type)
        if (!contains(order, t)) order.push_back(t);
    json groups = json::array();
    for (const std::string& t : order) {
        json cards = json::array();
        for (int p : by_type[t]) {
            if (total++ >= kPointsShown) continue;
            cards.push_back(ctx.consultation_cards[p]);
        }
        if (!cards.empty())
            groups.push_back({{"title", t.empty() ? std::string("その他の相談窓口") : t}, {"points", std::move(cards)}});
    }
    return groups;
}

// One group per content type the difficulty names, in its order: the first few fitting
// activities (reading order) and a link to the type's full list.
json activity_groups(const RenderContext& ctx, const Difficulty& d, size_t& shown) {
    const Site& site = *ctx.site;
    json groups = json::array();
    shown = 0;
    for (const std::string& label : d.content_types) {
        const int t = term_index(Vocabulary::content_type, label);
        if (t < 0) continue;
        const std::vector<int>& all = ctx.type_activities[t];
        if (all.empty()) continue;
        // Those for the difficulty's own groups first, then those open to everyone; each in reading order.
        std::vector<int> named, open;
        for (int a : all) {
            const Activity& act = site.activities[a];
            if (!activity_fits(d, act)) continue;
            (names_group(d, act) ? named : open).push_back(a);
        }
        const size_t fitting = named.size() + open.size();
        named.insert(named.end(), open.begin(), open.end());
        json cards = json::array();
        for (size_t k = 0; k < named.size() && k < kActivitiesPerType; ++k) cards.push_back(ctx.activity_cards[named[k]]);
        shown += cards.size();
        const Term& term = terms(Vocabulary::content_type)[t];
        groups.push_back({{"label", label},
                          {"activities", std::move(cards)},
                          {"has_activities", fitting > 0},
                          {"category_url", category_path(term.slug)},
                          {"category_count", count_text(static_cast<long long>(all.size()), "件")}});
    }
    return groups;
}

// "../search/index.html?q=…" takes the words as the query, percent-encoded (UTF-8).
std::string search_query(const std::vector<std::string>& words) {
    std::string q;
    for (const std::string& w : words) {
        if (!q.empty()) q += ' ';
        q += w;
    }
    std::string out = url_path_escape(q);
    // A '/' may stay in a query, but encoded it cannot be read as part of the path by anyone.
    std::string::size_type pos = 0;
    while ((pos = out.find('/', pos)) != std::string::npos) out.replace(pos, 1, "%2F");
    return out;
}

json breadcrumb_json_ld(const RenderContext& ctx, const std::vector<std::pair<std::string, std::string>>& items) {
    json list = json::array();
    int n = 1;
    for (const auto& [name, path] : items)
        list.push_back({{"@type", "ListItem"}, {"position", n++}, {"name", name}, {"item", absolute_url(ctx.base_url, path)}});
    return {{"@context", "https://schema.org"}, {"@type", "BreadcrumbList"}, {"itemListElement", std::move(list)}};
}

std::string render_index(const RenderContext& ctx) {
    PageFrame frame;
    frame.path = kIndexPath;
    frame.title = kIndexTitle;
    frame.description = "いま困っていることから、相談できる窓口と地域の活動を探せます。";
    frame.nav_key = "komarigoto";
    if (!ctx.base_url.empty())
        frame.json_ld = json_for_script(breadcrumb_json_ld(ctx, {{"ホーム", "index.html"}, {kIndexTitle, kIndexPath}}));
    json view;
    view["difficulties"] = difficulty_links(ctx);
    return render_page(ctx, frame, "difficulty_index", std::move(view));
}

std::string render_difficulty(const RenderContext& ctx, int ix) {
    const Difficulty& d = ctx.site->difficulties[ix];
    const std::string path = difficulty_path(d.meta.id);
    PageFrame frame;
    frame.path = path;
    frame.title = d.title;
    frame.description = "「" + d.title + "」について相談できる窓口と、役に立つ地域の活動のご案内です。";
    frame.nav_key = "komarigoto";
    frame.crumbs = {{kIndexTitle, kIndexPath}};
    if (!ctx.base_url.empty())
        frame.json_ld = json_for_script(
            breadcrumb_json_ld(ctx, {{"ホーム", "index.html"}, {kIndexTitle, kIndexPath}, {d.title, path}}));

    json view;
    view["description_html"] = d.description.empty() ? std::string() : render_markdown_at(d.description, 2);
    size_t points = 0, activities = 0;
    view["point_groups"] = point_groups(ctx, d, points);
    view["has_points"] = points > 0;
    view["points_more"] = points > kPointsShown;
    view["points_count"] = count_text(static_cast<long long>(points), "か所");
    view["activity_groups"] = activity_groups(ctx, d, activities);
    view["has_activity_groups"] = !view["activity_groups"].empty();
    view["has_target_people"] = !d.target_people.empty();
    view["target_people"] = join_labels(d.target_people);
    view["has_search"] = ctx.has_search_page && !d.search_words.empty();
    view["search_query"] = search_query(d.search_words);
    view["search_words"] = join_labels(d.search_words, "　");
    view["last_confirmed"] = date_view(d.meta.last_confirmed);
    return render_page(ctx, frame, "difficulty", std::move(view));
}

}  // namespace

json difficulty_links(const RenderContext& ctx, size_t limit) {
    json out = json::array();
    for (const Difficulty& d : ctx.site->difficulties) {
        if (out.size() >= limit) break;
        out.push_back({{"title", d.title}, {"url", difficulty_path(d.meta.id)}});
    }
    return out;
}

void plan_difficulty_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    if (site.difficulties.empty()) return;  // no pages and no nav item (see site_index.cpp)
    plan.push_back(PageJob{kIndexPath, "", true, render_index});
    for (size_t i = 0; i < site.difficulties.size(); ++i) {
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = difficulty_path(site.difficulties[i].meta.id);
        job.lastmod = to_iso(site.difficulties[i].meta.last_confirmed);
        job.render = [ix](const RenderContext& ctx) { return render_difficulty(ctx, ix); };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
