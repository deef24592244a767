// 協議体の年次報告: what a council did in one fiscal year and what is still missing (DOMAIN.md
// "Council annual report"). Meetings of the year, activities started in it and the coverage /
// gap matrix are computed from the directory (model/gap_matrix, render/report_pages), never typed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/records.h"

namespace tsunagu {

struct FoundNeed {
    std::string area;          // area id
    std::string content_type;  // content_type label, or ""
    Date found;
    std::string how;           // 住民座談会, 地域資源調査 …
    std::string text;
    int line = 0;
    int area_ix = -1;          // resolve
};

struct IndicatorValue {
    int year = 0;              // fiscal year
    double value = 0;
};

struct Indicator {             // a typed series
    std::string label;
    std::string unit;
    std::string source;
    std::string scope;
    std::vector<IndicatorValue> values;  // by fiscal year, ascending (load checks)
};

struct ComputedIndicator {     // counted by the tool per area from the directory
    std::string label;
    std::string content_type;  // content_type label
    bool per_1000_aged_65plus = false;
};

struct ReportPlan {
    std::string text;
    std::string area;          // area id, optional
    std::string content_type;  // optional
    int line = 0;
    int area_ix = -1;
};

struct CouncilReport {
    RecordMeta meta;
    std::string council;       // network id
    int fiscal_year = 0;
    std::string title;
    std::string vision;        // Markdown
    std::string summary;       // Markdown
    std::vector<FoundNeed> needs;
    std::vector<Indicator> indicators;
    std::vector<ComputedIndicator> computed_indicators;
    std::vector<ReportPlan> plans;

    int council_ix = -1;       // resolve
};

// 助け合い活動のマトリックス (data/gap-matrix.yaml): which form suits which content type.
struct GapMatrixSpec {
    bool present = false;
    SourcePos pos;
    std::string source;
    std::string note;
    std::vector<std::string> forms;          // form labels, column order
    std::vector<std::string> content_types;  // content_type labels, row order
    std::vector<std::vector<char>> suitability;  // [row][column]: 'o' ○, 't' △, 'x' ×
};

}  // namespace tsunagu
