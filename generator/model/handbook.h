// 冊子 (handbook): a printable booklet defined in the site's handbooks/*.yaml and made from the
// same records as the website — a district guide, a fund's disclosure, a council's report, a
// case collection (issue 7). print/ renders it to print.html; `tsunagu handbook --pdf` prints it.
#pragma once

#include <string>
#include <vector>

#include "model/date.h"
#include "model/records.h"

namespace tsunagu {

enum class HandbookSectionKind { area, consultation, fund_year, report, cases, markdown };

struct HandbookSection {
    HandbookSectionKind kind = HandbookSectionKind::markdown;
    std::string title;                 // chapter title ("" = the kind's default)
    std::string area;                  // area / consultation: area id
    std::string fund;                  // fund_year
    int fiscal_year = 0;               // fund_year
    std::string report;                // report id
    std::vector<std::string> cases;    // case ids, in order
    std::string body;                  // markdown: the text (from body: or file:)
    int line = 0;

    // resolve
    int area_ix = -1;
    int fund_ix = -1;
    int fund_year_ix = -1;
    int report_ix = -1;
    std::vector<int> cases_ix;
};

struct Handbook {
    RecordMeta meta;
    std::string title;
    std::string subtitle;
    std::string paper = "A5";          // A4 | A5
    bool large_print = true;           // audience: large-print (default) | standard
    std::string publisher;             // "" = the site's
    Date issued;                       // 発行日 ("" = the build date)
    bool booklet = false;              // A5 saddle-stitch imposition onto A4 with --pdf
    std::vector<HandbookSection> sections;
};

const char* handbook_section_kind_name(HandbookSectionKind k);  // area, consultation, fund-year, report, cases, markdown

}  // namespace tsunagu
