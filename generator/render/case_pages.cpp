// 事例: cases/index.html (the case library: every case with filters by theme, prefecture,
// population band, tier, element tag and content type, and a comparison table of the dated
// profiles, narrowed to the cases a reader ticks) and cases/ID.html (one case: profile with the
// figures the tool derives, components, timeline in 西暦 and 和暦, partners, funding, effects,
// figures, narrative, source). Without JavaScript the library shows every case and the full
// comparison table; case_library.js adds the filters and the selection.
#include <algorithm>
#include <set>

#include "model/case_figures.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/record_views.h"
#include "text/codes.h"
#include "text/money.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kIndexPath = "cases/index.html";
constexpr const char* kIndexTitle = "事例集";

struct PopulationBand {
    const char* slug;
    const char* label;
    long long below;  // upper bound, exclusive
};
constexpr PopulationBand kBands[] = {
    {"under-10k", "1万人未満", 10000},          {"10k-50k", "1万〜5万人", 50000},
    {"50k-100k", "5万〜10万人", 100000},        {"100k-300k", "10万〜30万人", 300000},
    {"300k-1m", "30万〜100万人", 1000000},      {"over-1m", "100万人以上", INT64_MAX},
};

const PopulationBand* band_of(const CaseStudy& c) {
    if (!c.profile.population) return nullptr;
    for (const PopulationBand& b : kBands)
        if (*c.profile.population < b.below) return &b;
    return nullptr;
}

// Prefectures of the case's municipalities, in code order, without repeats.
std::vector<std::string> prefectures_of(const CaseStudy& c) {
    std::vector<std::string> out;
    std::vector<std::string> codes;
    for (const CaseMunicipality& m : c.municipalities) codes.push_back(m.code);
    std::sort(codes.begin(), codes.end());
    for (const std::string& code : codes) {
        const std::string p(prefecture_name(code));
        if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    return out;
}

std::string subject_text(const CaseStudy& c) {
    std::vector<std::string> names;
    for (const CaseMunicipality& m : c.municipalities) names.push_back(m.name);
    std::string s = join_labels(names);
    if (!c.subject_organization.empty()) s += (s.empty() ? "" : "・") + c.subject_organization;
    return s;
}

std::string slug_of(Vocabulary v, const std::string& label) {
    const Term* t = find_term(v, label);
    return t ? std::string(t->slug) : std::string();
}

// data-* values for the filters: space-separated tokens, as the script splits them.
std::string tokens(const std::vector<std::string>& values) {
    std::string s;
    for (const std::string& v : values) s += (s.empty() ? "" : " ") + v;
    return s;
}

int index_of(const std::vector<std::string>& list, const std::string& v) {
    auto it = std::find(list.begin(), list.end(), v);
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

// The library's filter values: "t3" for the fourth theme, so any text is a safe token.
struct Vocabularies {
    std::vector<std::string> themes;
    std::vector<std::string> prefectures;  // code order (JIS X 0401)
};

Vocabularies vocabularies(const Site& site) {
    Vocabularies v;
    std::vector<std::string> prefs;
    for (const CaseStudy& c : site.cases) {
        if (!c.theme.empty() && index_of(v.themes, c.theme) < 0) v.themes.push_back(c.theme);
        for (const CaseMunicipality& m : c.municipalities)
            if (!m.code.empty() && !prefecture_name(m.code).empty()) prefs.push_back(m.code.substr(0, 2));
    }
    std::sort(v.themes.begin(), v.themes.end());
    std::sort(prefs.begin(), prefs.end());
    prefs.erase(std::unique(prefs.begin(), prefs.end()), prefs.end());
    for (const std::string& p : prefs) v.prefectures.emplace_back(prefecture_name(p + "0000"));
    return v;
}

json profile_row(const CaseStudy& c) {
    const CaseProfile& p = c.profile;
    const DerivedFigures d = derive_figures(p);
    auto num = [](const std::optional<long long>& v) { return v ? grouped_number(*v) : std::string(); };
    json row = {{"id", c.meta.id},
                {"title", c.title},
                {"subject", subject_text(c)},
                {"url", case_path(c.meta.id)},
                {"as_of", date_view(p.as_of)},
                {"population", num(p.population)},
                {"households", num(p.households)},
                {"aging_rate", p.aging_rate ? decimal_text(*p.aging_rate, 1) + "%" : ""},
                {"area", p.area_km2 ? decimal_text(*p.area_km2, 2) + "㎢" : ""},
                {"density", d.density_per_km2 ? decimal_text(*d.density_per_km2, 0) + "人/㎢" : ""},
                {"per_household", d.persons_per_household ? decimal_text(*d.persons_per_household, 2) + "人" : ""},
                {"area_per_person", d.area_per_person_m2 ? significant_text(*d.area_per_person_m2, 3) + "㎡" : ""},
                {"elementary", p.elementary_schools ? std::to_string(*p.elementary_schools) : ""},
                {"junior_high", p.junior_high_schools ? std::to_string(*p.junior_high_schools) : ""},
                {"schools_scope", p.schools_scope},
                {"activity_area", p.activity_area}};
    return row;
}

json case_card(const Vocabularies& voc, const CaseStudy& c) {
    std::vector<std::string> theme_tokens, pref_tokens, type_tokens, element_tokens;
    if (int t = index_of(voc.themes, c.theme); t >= 0) theme_tokens.push_back("t" + std::to_string(t));
    const std::vector<std::string> prefs = prefectures_of(c);
    for (const std::string& p : prefs) pref_tokens.push_back("p" + std::to_string(index_of(voc.prefectures, p)));
    for (const std::string& t : c.content_types) type_tokens.push_back(slug_of(Vocabulary::content_type, t));
    for (const std::string& e : c.elements) element_tokens.push_back(e == "人" ? "people" : "place");
    const PopulationBand* band = band_of(c);
    const int tier = index_of(case_tiers(), c.tier);
    return {{"id", c.meta.id},
            {"title", c.title},
            {"url", case_path(c.meta.id)},
            {"subject", subject_text(c)},
            {"prefectures", join_labels(prefs)},
            {"theme", c.theme},
            {"tier", c.tier},
            {"elements", join_labels(c.elements, "・")},
            {"content_types", join_labels(c.content_types)},
            {"population", c.profile.population ? grouped_number(*c.profile.population) + "人" : ""},
            {"band_label", band ? band->label : ""},
            {"data_theme", tokens(theme_tokens)},
            {"data_pref", tokens(pref_tokens)},
            {"data_band", band ? band->slug : ""},
            {"data_tier", tier >= 0 ? "r" + std::to_string(tier) : ""},
            {"data_element", tokens(element_tokens)},
            {"data_type", tokens(type_tokens)},
            {"has_profile", c.profile.present}};
}

json options(const std::vector<std::string>& labels, const char* prefix) {
    json out = json::array();
    for (size_t i = 0; i < labels.size(); ++i) out.push_back({{"value", prefix + std::to_string(i)}, {"label", labels[i]}});
    return out;
}

std::string render_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    const Vocabularies voc = vocabularies(site);
    PageFrame frame;
    frame.path = kIndexPath;
    frame.title = kIndexTitle;
    frame.description = "全国の助け合い・地域づくりの取組事例を、テーマ、地域、人口規模などから探して比べられます。";
    frame.nav_key = "cases";
    frame.extra_js.push_back("assets/js/case_library.js");
    json view;
    // Cases in reading order of their titles (the 50音 a reader expects), else the id order.
    std::vector<int> order(site.cases.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return reading_key(site.cases[a].reading, site.cases[a].title) < reading_key(site.cases[b].reading, site.cases[b].title);
    });
    json cards = json::array(), rows = json::array();
    std::set<std::string> used_types;
    for (int i : order) {
        const CaseStudy& c = site.cases[i];
        cards.push_back(case_card(voc, c));
        if (c.profile.present) rows.push_back(profile_row(c));
        for (const std::string& t : c.content_types) used_types.insert(t);
    }
    json types = json::array();
    for (const Term& t : terms(Vocabulary::content_type))
        if (used_types.count(std::string(t.label))) types.push_back({{"value", t.slug}, {"label", t.label}});
    json bands = json::array();
    for (const PopulationBand& b : kBands) bands.push_back({{"value", b.slug}, {"label", b.label}});
    view["cases"] = std::move(cards);
    view["count"] = count_text(static_cast<long long>(site.cases.size()), "件");
    view["themes"] = options(voc.themes, "t");
    view["prefectures"] = options(voc.prefectures, "p");
    view["bands"] = std::move(bands);
    view["tiers"] = options(case_tiers(), "r");
    view["types"] = std::move(types);
    view["profiles"] = std::move(rows);
    view["has_profiles"] = !view["profiles"].empty();
    return render_page(ctx, frame, "case_index", std::move(view));
}

json timeline_view(const std::vector<TimelineEntry>& timeline) {
    json out = json::array();
    for (const TimelineEntry& t : timeline) {
        json d = t.fiscal_year ? json{{"present", true}, {"text", fiscal_year_label(t.fiscal_year)}, {"iso", std::to_string(t.fiscal_year)}}
                               : dual_date_view(t.date);
        out.push_back({{"date", std::move(d)}, {"event", t.event}});
    }
    return out;
}

json named_roles(const std::vector<NamedRole>& list) {
    json out = json::array();
    for (const NamedRole& n : list) out.push_back({{"name", n.name}, {"role", n.role}, {"note", n.note}});
    return out;
}

PageParts case_parts(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const CaseStudy& c = site.cases[ix];
    PageFrame frame;
    frame.path = case_path(c.meta.id);
    frame.title = c.title;
    frame.description = subject_text(c) + "の取組事例: " + c.theme;
    frame.nav_key = "cases";
    frame.crumbs = {{kIndexTitle, kIndexPath}};
    json view;
    view["reading"] = c.reading;
    view["subject"] = subject_text(c);
    json municipalities = json::array();
    for (const CaseMunicipality& m : c.municipalities)
        municipalities.push_back({{"name", m.name}, {"code", m.code}, {"prefecture", std::string(prefecture_name(m.code))}});
    view["municipalities"] = std::move(municipalities);
    view["organization"] = c.subject_organization;
    view["legal_form"] = c.subject_legal_form;
    view["theme"] = c.theme;
    view["tier"] = c.tier;
    view["elements"] = join_labels(c.elements, "・");
    view["content_types"] = term_links(Vocabulary::content_type, c.content_types);
    view["has_content_types"] = !c.content_types.empty();

    const CaseProfile& p = c.profile;
    view["has_profile"] = p.present;
    if (p.present) {
        json row = profile_row(c);
        row["note"] = p.note;
        row["has_derived"] = !row["density"].get<std::string>().empty() || !row["per_household"].get<std::string>().empty();
        view["profile"] = std::move(row);
    } else {
        view["profile"] = json::object();
    }
    json components = json::array();
    for (const CaseComponent& k : c.components)
        components.push_back({{"kind", k.kind},
                              {"name", k.name},
                              {"count", k.count ? grouped_number(*k.count) : ""},
                              {"started", dual_date_view(k.started)},
                              {"note", k.note}});
    view["components"] = std::move(components);
    view["has_components"] = !c.components.empty();
    view["timeline"] = timeline_view(c.timeline);
    view["has_timeline"] = !c.timeline.empty();
    view["partners"] = named_roles(c.partners);
    view["has_partners"] = !c.partners.empty();
    view["funding"] = named_roles(c.funding);
    view["has_funding"] = !c.funding.empty();
    view["effects"] = c.effects;
    view["has_effects"] = !c.effects.empty();
    json figures = json::array();
    for (const Figure& f : c.figures)
        figures.push_back({{"label", f.label}, {"value", figure_text(f)}, {"as_of", date_view(f.as_of)}, {"note", f.note}});
    view["figures"] = std::move(figures);
    view["has_figures"] = !c.figures.empty();
    view["narrative_html"] = c.narrative.empty() ? std::string() : render_markdown_at(c.narrative, 2);
    view["source"] = {{"document", c.source.document},
                      {"publisher", c.source.publisher},
                      {"year", c.source.year ? std::to_string(*c.source.year) + "年" : ""},
                      {"page", c.source.page},
                      {"section", c.source.section},
                      {"url", is_http_url(c.source.url) ? c.source.url : ""}};
    view["as_of"] = date_view(c.meta.as_of);
    view["last_confirmed"] = date_view(c.meta.last_confirmed);
    return PageParts{std::move(frame), "case", std::move(view)};
}

std::string render_case(const RenderContext& ctx, int ix) { return render_page(ctx, case_parts(ctx, ix)); }

}  // namespace

PageParts case_page(const RenderContext& ctx, int case_ix) { return case_parts(ctx, case_ix); }

void plan_case_pages(const RenderContext& ctx, PagePlan& plan) {
    plan_index_and_record_pages(
        plan, kIndexPath, render_index, ctx.site->cases, [](const CaseStudy& r) { return case_path(r.meta.id); },
        [](const CaseStudy& r) { return r.meta.as_of; }, render_case);
}

}  // namespace tsunagu
