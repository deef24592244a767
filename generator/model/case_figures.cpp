#include "model/case_figures.h"

#include <cmath>
#include <cstdio>

#include "text/money.h"

namespace tsunagu {

DerivedFigures derive_figures(const CaseProfile& p) {
    DerivedFigures d;
    if (p.population && *p.population > 0) {
        const double pop = static_cast<double>(*p.population);
        if (p.area_km2 && *p.area_km2 > 0) {
            d.density_per_km2 = pop / *p.area_km2;
            d.area_per_person_m2 = *p.area_km2 * 1e6 / pop;
        }
        if (p.households && *p.households > 0) d.persons_per_household = pop / static_cast<double>(*p.households);
    }
    return d;
}

namespace {

void compare(const std::optional<PrintedValue>& printed, std::optional<double> computed, const char* ja, const char* en,
             const char* unit, std::vector<FigureMismatch>& out) {
    if (!printed || !computed) return;
    const double step = std::pow(10.0, -printed->decimals);
    // Half a step is rounding; a little more absorbs the binary representation of the printed text.
    if (std::fabs(printed->value - *computed) <= step * 0.5 + 1e-12) return;
    FigureMismatch m;
    m.label_ja = ja;
    m.label_en = en;
    m.unit = unit;
    m.printed = printed->value;
    m.decimals = printed->decimals;
    m.computed = *computed;
    m.ratio = *computed != 0 ? printed->value / *computed : 0;
    m.pos = printed->pos;
    out.push_back(std::move(m));
}

}  // namespace

std::vector<FigureMismatch> printed_figure_mismatches(const CaseProfile& p) {
    const DerivedFigures d = derive_figures(p);
    std::vector<FigureMismatch> out;
    std::optional<double> per_person_km2;
    if (d.area_per_person_m2) per_person_km2 = *d.area_per_person_m2 / 1e6;
    compare(p.printed.area_per_person_km2, per_person_km2, "人口1人あたり面積", "area per person", "㎢", out);
    compare(p.printed.density_per_km2, d.density_per_km2, "人口密度", "population density", "人/㎢", out);
    compare(p.printed.persons_per_household, d.persons_per_household, "1世帯あたり人員", "persons per household", "人", out);
    return out;
}

std::string decimal_text(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(v * scale) / scale;
    const long long whole = static_cast<long long>(std::trunc(r));
    std::string s = grouped_number(whole);
    if (decimals > 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(r - static_cast<double>(whole)));
        std::string frac(buf);               // "0.96"
        frac = frac.substr(frac.find('.'));  // ".96"
        while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
        if (frac.size() > 1) s += frac;
        if (whole == 0 && r < 0) s = "-" + s;
    }
    return s;
}

std::string significant_text(double v, int digits) {
    if (v == 0) return "0";
    const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
    const int decimals = digits - 1 - magnitude;
    if (decimals >= 0) return decimal_text(v, decimals);
    const double step = std::pow(10.0, -decimals);  // 103.4 at 2 digits → 100
    return decimal_text(std::round(v / step) * step, 0);
}

}  // namespace tsunagu
