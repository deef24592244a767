// Rules of case studies, networks and council reports that need the whole site:
//   - a figure a case types that the tool derives (人口1人あたり面積, 人口密度, 1世帯あたり人員)
//     must agree with the computed one within its printed rounding (warning, with the ratio:
//     one source prints area per person 100× too large in every case);
//   - a council report's needs and plans lie in the council's area (warning otherwise), its
//     fiscal year has meetings (warning when none are recorded), and gap-matrix rows rate only
//     forms of the taxonomy (load).
#pragma once

#include "model/diagnostic.h"
#include "model/site.h"

namespace tsunagu {

void check_cases(const Site& site, Diagnostics& diags);
void check_reports(const Site& site, Diagnostics& diags);

}  // namespace tsunagu
