#include "model/handbook.h"

namespace tsunagu {

const char* handbook_section_kind_name(HandbookSectionKind k) {
    switch (k) {
        case HandbookSectionKind::area: return "area";
        case HandbookSectionKind::consultation: return "consultation";
        case HandbookSectionKind::fund_year: return "fund-year";
        case HandbookSectionKind::report: return "report";
        case HandbookSectionKind::cases: return "cases";
        case HandbookSectionKind::markdown: return "markdown";
    }
    return "markdown";
}

}  // namespace tsunagu
