#include "check/case_check.h"

#include <cmath>

#include "model/case_figures.h"
#include "text/wareki.h"

namespace tsunagu {

namespace {

// "約100倍" / "約0.5倍" for a message: two significant digits, since the printed figure is rounded.
std::string ratio_text(double ratio) { return ratio > 0 ? "約" + significant_text(ratio, 2) + "倍" : ""; }

bool inside(const Site& site, int area_ix, int ancestor_ix) {
    for (int a = area_ix, guard = 0; a >= 0 && guard < 64; a = site.areas[a].parent_ix, ++guard)
        if (a == ancestor_ix) return true;
    return false;
}

}  // namespace

void check_cases(const Site& site, Diagnostics& diags) {
    for (const CaseStudy& c : site.cases) {
        for (const FigureMismatch& m : printed_figure_mismatches(c.profile)) {
            const std::string computed = significant_text(m.computed, 3);
            const std::string ratio = ratio_text(m.ratio);
            diags.push_back(make_warning(
                "case.derived_mismatch", m.pos,
                "「" + c.title + "」の" + m.label_ja + " " + decimal_text(m.printed, m.decimals) + m.unit + " は、人口と面積から計算した " +
                    computed + m.unit + " と合いません" + (ratio.empty() ? "" : "（" + ratio + "）") +
                    "。派生値はツールが計算するので、書かないでください",
                c.meta.id + ": " + m.label_en + " " + decimal_text(m.printed, m.decimals) + " does not match " + computed +
                    " computed from the profile" + (m.ratio > 0 ? " (about " + significant_text(m.ratio, 2) + " times)" : "") +
                    "; the tool derives it, leave it out"));
        }
    }
}

void check_reports(const Site& site, Diagnostics& diags) {
    for (const CouncilReport& r : site.reports) {
        if (r.council_ix < 0) continue;
        const Network& n = site.networks[r.council_ix];
        const std::string fy = fiscal_year_label(r.fiscal_year);
        auto outside = [&](int area_ix, int line, const char* what_ja, const char* what_en) {
            if (area_ix < 0 || n.area_ix < 0 || inside(site, area_ix, n.area_ix)) return;
            diags.push_back(make_warning("report.area_outside", SourcePos{r.meta.pos.file, line, 1},
                                         std::string(what_ja) + "の地域「" + site.areas[area_ix].name + "」は、" + n.name + "の地域「" +
                                             site.areas[n.area_ix].name + "」の外です",
                                         std::string(what_en) + " area " + site.areas[area_ix].meta.id + " lies outside " +
                                             n.meta.id + "'s area " + site.areas[n.area_ix].meta.id));
        };
        for (const FoundNeed& nd : r.needs) outside(nd.area_ix, nd.line, "ニーズ", "need");
        for (const ReportPlan& p : r.plans) outside(p.area_ix, p.line, "計画", "plan");
        bool met = false;
        for (const Meeting& m : n.meetings)
            if (!m.date.empty() && fiscal_year_of(m.date) == r.fiscal_year) met = true;
        if (!met)
            diags.push_back(make_warning("report.no_meetings", r.meta.pos,
                                         n.name + "の" + fy + "の会議が、" + n.meta.id + " の meetings にひとつもありません",
                                         n.meta.id + " records no meeting in fiscal year " + std::to_string(r.fiscal_year)));
    }
}

}  // namespace tsunagu
