#include "check/check_site.h"

#include <set>

#include "check/case_check.h"
#include "check/difficulty_check.h"
#include "check/fund_check.h"
#include "model/taxonomy.h"

namespace tsunagu {

namespace {

void check_area_levels(const Site& site, Diagnostics& diags) {
    for (const Area& a : site.areas) {
        if (a.parent_ix < 0) continue;
        const Area& p = site.areas[a.parent_ix];
        const int lv = term_index(Vocabulary::area_level, a.level);
        const int plv = term_index(Vocabulary::area_level, p.level);
        if (lv >= 0 && plv >= 0 && lv <= plv) {
            diags.push_back(make_error("area.level", field_position(a.meta, "parent"),
                                       "地域 \"" + a.meta.id + "\"（" + a.level + "）の親 \"" + p.meta.id + "\" は" + p.level +
                                           "です。親はより広い地域にしてください",
                                       "area \"" + a.meta.id + "\" (" + std::string(a.level) + ") has parent \"" + p.meta.id +
                                           "\" of the same or a lower level; a parent must be wider"));
        }
        if (!a.code.empty() && a.level != "市区町村") {
            diags.push_back(make_warning("area.code", a.meta.pos,
                                         "全国地方公共団体コードは市区町村の地域にだけ書きます",
                                         "a municipality code belongs only on a municipality-level area"));
        }
    }
}

void check_municipality(const Site& site, Diagnostics& diags) {
    if (site.config.municipality_code.empty()) return;
    for (int r : site.root_areas) {
        const Area& a = site.areas[r];
        if (a.level == "市区町村" && !a.code.empty() && a.code != site.config.municipality_code) {
            diags.push_back(make_error("site.config", a.meta.pos,
                                       "site.yaml の municipality_code \"" + site.config.municipality_code + "\" と地域 \"" +
                                           a.meta.id + "\" のコード \"" + a.code + "\" が違います",
                                       "site.yaml municipality_code \"" + site.config.municipality_code +
                                           "\" differs from the code \"" + a.code + "\" of area \"" + a.meta.id + "\""));
        }
    }
}

void check_page_names(const Site& site, Diagnostics& diags) {
    // Top-level names the site generates itself; a content page may not take them.
    static const std::set<std::string> reserved = {"index", "404", "sitemap", "robots", "search", "activities",
                                                   "organizations", "consultation", "areas", "categories", "targets",
                                                   "assets", "static", "opendata", "komarigoto", "funds", "grants",
                                                   "cases", "networks", "reports"};
    std::set<std::string> seen;
    for (const ContentPage& p : site.pages) {
        const std::string top = p.slug.substr(0, p.slug.find('/'));
        if (reserved.count(top)) {
            diags.push_back(make_error("id.invalid", p.pos,
                                       "ページ名 \"" + p.slug + "\" は tsunagu が使う名前です。別の名前にしてください",
                                       "page name \"" + p.slug + "\" is reserved for generated pages; rename the file"));
        }
        if (!seen.insert(p.slug).second) {
            diags.push_back(make_error("id.duplicate", p.pos, "ページ名 \"" + p.slug + "\" が重複しています",
                                       "page name \"" + p.slug + "\" is used twice"));
        }
    }
}

}  // namespace

void check_site(const Site& site, Diagnostics& diags) {
    check_area_levels(site, diags);
    check_municipality(site, diags);
    check_page_names(site, diags);
    check_difficulties(site, diags);
    check_funds(site, diags);
    check_cases(site, diags);
    check_reports(site, diags);
}

}  // namespace tsunagu
