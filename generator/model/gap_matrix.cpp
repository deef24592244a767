#include "model/gap_matrix.h"

#include "model/taxonomy.h"

namespace tsunagu {

const char* suitability_mark(char code) {
    switch (code) {
        case 'o': return "○";
        case 't': return "△";
        case 'x': return "×";
        default: return "";
    }
}

GapMatrix gap_matrix(const Site& site, const std::vector<int>& activity_ixs) {
    GapMatrix m;
    for (const Term& t : terms(Vocabulary::content_type)) m.rows.emplace_back(t.label);
    for (const Term& t : terms(Vocabulary::form)) m.columns.emplace_back(t.label);
    m.cells.assign(m.rows.size(), std::vector<GapCell>(m.columns.size()));

    const GapMatrixSpec& spec = site.gap_matrix;
    for (size_t r = 0; r < spec.content_types.size(); ++r) {
        const int row = term_index(Vocabulary::content_type, spec.content_types[r]);
        if (row < 0) continue;
        for (size_t c = 0; c < spec.forms.size() && c < spec.suitability[r].size(); ++c) {
            const int col = term_index(Vocabulary::form, spec.forms[c]);
            if (col >= 0) m.cells[row][col].suitability = spec.suitability[r][c];
        }
    }

    for (int a : activity_ixs) {
        const Activity& act = site.activities[a];
        if (act.status != "活動中") continue;
        ++m.activities;
        const int col = term_index(Vocabulary::form, act.form);
        if (col < 0) {
            ++m.without_form;
            continue;
        }
        for (const std::string& type : act.content_types) {
            const int row = term_index(Vocabulary::content_type, type);
            if (row >= 0) ++m.cells[row][col].count;
        }
    }
    for (auto& row : m.cells)
        for (GapCell& cell : row)
            if (cell.suitability == 'o' && cell.count == 0) {
                cell.gap = true;
                ++m.gaps;
            }
    return m;
}

}  // namespace tsunagu
