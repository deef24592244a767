// Figures derived from a case's 自治体概要, computed by the tool and never typed: a source
// document printed 人口1人あたり面積 100× too large in all 14 of its cases.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/case_study.h"

namespace tsunagu {

struct DerivedFigures {
    std::optional<double> density_per_km2;        // 人口密度: population / area
    std::optional<double> persons_per_household;  // 1世帯あたり人員: population / households
    std::optional<double> area_per_person_m2;     // 1人あたり面積 in m² (area × 10⁶ / population): km² is unreadable
};

DerivedFigures derive_figures(const CaseProfile& p);

// A printed figure that disagrees with the computed one by more than its printed rounding
// step allows (half a unit in its last printed digit).
struct FigureMismatch {
    std::string label_ja;   // 人口1人あたり面積
    std::string label_en;
    std::string unit;       // ㎢
    double printed = 0;
    int decimals = 0;
    double computed = 0;    // in the printed unit
    double ratio = 0;       // printed / computed
    SourcePos pos;
};

std::vector<FigureMismatch> printed_figure_mismatches(const CaseProfile& p);

// A number with at most `decimals` digits after the point and separators: 11,993 / 1.96 / 0.0000834.
std::string decimal_text(double v, int decimals);
// Enough significant digits to show a small number: 0.0000834 (3 significant digits).
std::string significant_text(double v, int digits = 3);

}  // namespace tsunagu
