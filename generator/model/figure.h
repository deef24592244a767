// A number a record reports, with its unit: 延べ参加者 約1,200人, 協賛事業所 100団体, 参加者 1.5万人.
// Used by grant results reports and case studies.
#pragma once

#include <string>

#include "model/date.h"

namespace tsunagu {

struct Figure {
    std::string label;         // 延べ参加者
    double value = 0;          // as written: 1.5 with unit 万人
    std::string unit;          // 人, 回, 食, 万人, 千円 …
    bool approximate = false;  // 約
    Date as_of;                // optional: when the number was true
    std::string note;          // optional: scope, how counted
};

// value × the unit's 万/千/億 prefix: 1.5 万人 → 15000 (人). Units without a prefix give value.
double figure_base_value(const Figure& f);
// The unit without its 万/千/億 prefix: 万人 → 人.
std::string figure_base_unit(const Figure& f);

}  // namespace tsunagu
