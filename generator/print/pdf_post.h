// PDF post-processing for printed handbooks, on top of libqpdf: the PDF the browser prints is
// given a document outline (bookmarks) built from the handbook's headings, page labels (front
// matter i, ii, iii…, body 1, 2, 3…), document metadata (Info dictionary, /Lang, DisplayDocTitle),
// compressed object streams and a deterministic /ID, so the same build date and the same input
// give the same bytes. Optionally the A5 pages are imposed two-up on A4 landscape sheets in
// saddle-stitch (booklet) order for a print shop.
//
// Every function catches the exceptions qpdf throws for damaged or non-PDF input: nothing here
// throws, and qpdf's warnings never reach stderr.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tsunagu {

struct PdfOutlineItem {
    std::string title;        // UTF-8
    std::string destination;  // a named destination of the PDF (the anchor id of the heading)
    int level = 0;            // 0 = top level; an item one level deeper than the one before nests under it
};

struct PdfMetadata {
    // Empty title/author/subject leave whatever the input's Info dictionary holds.
    std::string title, author, subject;
    std::string language = "ja";  // catalog /Lang (BCP 47); empty leaves the input's
    // The build date: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with an optional Z or ±HH:MM. It becomes
    // Info /CreationDate and /ModDate. When empty, both are removed (the browser writes the wall
    // clock there, which would make the output differ from build to build).
    std::string creation_date_iso;
};

struct PdfPostOptions {
    PdfMetadata meta;
    // Document outline (bookmarks) in order; levels nest. Replaces any outline of the input; when
    // empty, the input's outline (if any) is kept.
    std::vector<PdfOutlineItem> outline;
    // Page labels: the first front_matter_pages pages (cover, table of contents) are labelled
    // i, ii, iii…, the rest 1, 2, 3…
    int front_matter_pages = 0;
    // Two A5 portrait pages side by side on A4 landscape sheet sides, in booklet order, padded to a
    // multiple of 4 pages with blank ones. The imposed PDF is for the print shop: it has no
    // outline, named destinations, links, page labels or structure tree (they would point at pages
    // that no longer exist); the metadata is written as usual.
    bool impose_a5_saddle_stitch = false;
};

struct PdfPostResult {
    bool ok = false;
    std::string pdf;
    std::string error_ja, error_en;
    int pages = 0;  // pages of the output (sheet sides when imposed)
    // Non-fatal problems, in English: outline items whose destination the PDF does not define (they
    // are written without a target), qpdf's repair warnings about the input.
    std::vector<std::string> warnings;
};

// Named destinations → 1-based page number, read from the catalog's /Dests dictionary (PDF 1.1;
// what Chromium/Skia writes) and the /Names /Dests name tree (PDF 1.2+). A destination is an array
// [pageRef /XYZ …] or a dictionary whose /D is one. Destinations whose page is not in the document
// are left out; when a name is in both, the name tree wins. Unreadable input gives an empty map
// and, when error is given, a message.
// (Chromium writes its internal links as /Dest names into the /Dests dictionary, so no
// link-annotation fallback is needed.)
std::map<std::string, int> named_destination_pages(const std::string& pdf_bytes, std::string* error = nullptr);

// Number of pages, or -1 when the bytes are not a readable PDF.
int pdf_page_count(const std::string& pdf_bytes);

// Writes the outline, page labels and metadata (Info Title/Author/Subject/CreationDate/ModDate,
// catalog /Lang, /ViewerPreferences /DisplayDocTitle true, /PageMode /UseOutlines when an outline
// is written), compresses streams (object streams generated, streams compressed, deterministic
// /ID) and optionally imposes.
PdfPostResult post_process_pdf(const std::string& pdf_bytes, const PdfPostOptions& opt);

// A5 portrait and A4 landscape, in points.
inline constexpr double kA5WidthPt = 419.53, kA5HeightPt = 595.28;
inline constexpr double kA4LandscapeWidthPt = 841.89, kA4LandscapeHeightPt = 595.28;

// Booklet order for saddle stitching: for page_count pages (padded up to a multiple of 4), the
// 1-based page numbers on each sheet side as {left, right}: [n,1], [2,n-1], [n-2,3], [4,n-3], …
// Numbers above page_count are the blank padding pages.
std::vector<std::pair<int, int>> saddle_stitch_order(int page_count);

// The fonts the PDF uses, over all pages: the page resources and, recursively, those of form
// XObjects, tiling patterns and Type3 fonts. Each font object once, in order of first use.
// name is /BaseFont without the slash (subset prefix kept, e.g. "AAAAAA+NotoSansJP-Regular"), or
// the /Name or resource name of a Type3 font; subtype is /Subtype without the slash (Type0,
// TrueType, Type1, Type3, MMType1); embedded says whether a /FontFile, /FontFile2 or /FontFile3
// is present (for Type0, in the descendant font's descriptor; Type3 fonts always count as embedded).
struct PdfFontInfo {
    std::string name, subtype;
    bool embedded = false;
};
std::vector<PdfFontInfo> pdf_fonts(const std::string& pdf_bytes);

}  // namespace tsunagu
