// print: a handbook → one self-contained print.html (its CSS inline, QR codes inline SVG), laid
// out for paper by CSS paged media: @page size and margins, page numbers in the bottom margin,
// a named page per chapter whose top margin carries the chapter title, a table of contents, a
// 50音 index by reading and 「→ 32ページ」 cross-references.
//
// Chrome cannot compute target-counter(), so page numbers come from outside: `tsunagu handbook
// --pdf` prints, reads each anchor's page from the PDF's named destinations and renders again
// with them (PageNumbers), until they no longer change. Without numbers the TOC and index show
// titles only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/handbook.h"
#include "render/render_context.h"

namespace tsunagu {

using PageNumbers = std::map<std::string, int>;  // anchor id → 1-based page

struct HandbookOutline {                          // for the PDF's bookmarks
    std::string title;
    std::string anchor;
    int level = 0;
};

struct HandbookHtml {
    std::string html;
    std::vector<std::string> anchors;             // every id the TOC, index and cross-references need a page for
    std::vector<HandbookOutline> outline;
    std::vector<std::string> activity_names;      // names of the activities printed (tests, the command's summary)
};

// css: the theme's handbook.css. today: the build date (next dates, the default 発行日).
HandbookHtml render_handbook_html(const RenderContext& ctx, const Handbook& handbook, const PageNumbers& numbers,
                                  const std::string& css, const Date& today);

// handbooks/ID/print.html
std::string handbook_print_path(const std::string& id);

// Escapes text for a CSS string literal in double quotes.
std::string css_string(std::string_view text);

// Prefixes every id of an HTML fragment, and every reference to one (for, aria-labelledby,
// aria-describedby, href="#…", url(#…)), so that page bodies reused as chapters never clash.
std::string prefix_ids(std::string_view html, std::string_view prefix);

// Shifts every heading of a fragment one level down (h1 → h2 … h5 → h6): a page's body becomes
// a chapter of the book, whose one <h1> is its title.
std::string demote_headings(std::string_view html);

}  // namespace tsunagu
