// The coverage / gap matrix of an area (DOMAIN.md): rows are content types, columns forms, a
// cell the number of listed activities of that type and form in the area or inside it. Where
// data/gap-matrix.yaml rates a cell ○ and it has no activity, it is a gap (足りない活動).
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace tsunagu {

struct GapCell {
    int count = 0;
    char suitability = 0;  // 'o' ○, 't' △, 'x' ×, 0 = not rated
    bool gap = false;      // rated ○ and count == 0
};

struct GapMatrix {
    std::vector<std::string> rows;     // content_type labels, taxonomy order
    std::vector<std::string> columns;  // form labels, taxonomy order
    std::vector<std::vector<GapCell>> cells;  // [row][column]
    int activities = 0;         // active activities counted (each once, whatever its types)
    int without_form = 0;       // of them, with no form: in no column
    int gaps = 0;
};

// Counts the activities of `activity_ixs` whose status is 活動中; an activity of several
// content types counts once in each of their rows.
GapMatrix gap_matrix(const Site& site, const std::vector<int>& activity_ixs);

// ○ / △ / × / "" for a suitability code.
const char* suitability_mark(char code);

}  // namespace tsunagu
