// RFC 4180 CSV over decoded UTF-8 text (see text_decoding.h), made to survive the municipal
// open-data files the importer is fed.
//
// Decisions, each for a real file seen in the wild:
// - Rows remember the 1-based physical line they start on, so a later stage can say
//   file:line. CRLF, LF and a lone CR each end one line; line ends inside quoted fields count
//   too, so the rows after a multi-line field keep exact numbers.
// - Line ends inside quoted fields become "\n" (練馬区's file breaks URLs with CRLF inside
//   quotes; which end was used says nothing about the data).
// - Spaces and tabs around unquoted fields are trimmed (cells like "厚生文化会館 " and
//   trailing tabs from spreadsheet exports); inside quotes everything is kept. 全角スペース is
//   data, not padding, and is kept.
// - Rows whose fields are all empty (blank lines, ",,,,", " , \t") are skipped and their line
//   numbers listed; one note says how many there were.
// - A BOM, U+FFFD or '?' (a BOM that went through a lossy conversion), or "ï»¿" (a BOM read
//   as Latin-1) at the very start is removed: it would otherwise glue itself to the first
//   header cell and the header would not be found.
// - A quote opened and never closed is an error at the line it was opened on; the rest of
//   the file is that field, kept so the caller can show it. Text after a closing quote
//   ("a"b) is kept after a warning; a quote inside an unquoted field is ordinary text.
// - Hostile input is bounded: at most CsvLimits::max_fields fields per row, max_field_bytes
//   per field and max_cells in all; beyond them the extra is dropped with an error, and time
//   stays linear in the input. Each diagnostic code is reported at most 10 times per file,
//   then once more as a count.
// Nothing here throws; problems are diagnostics with codes "csv.*".
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace tsunagu {

struct CsvRow {
    int line = 0;  // 1-based physical line the row starts on
    std::vector<std::string> fields;
};

struct CsvLimits {
    size_t max_fields = 1000;          // 自治体標準 files have 25–49 columns
    size_t max_field_bytes = 64 * 1024;  // the longest real cell is a few hundred bytes
    size_t max_cells = 2'000'000;      // all rows together: a national list is ~500,000
};

struct CsvDocument {
    std::vector<CsvRow> rows;
    std::vector<int> skipped_lines;  // lines of the blank / comma-only rows that were skipped
    Diagnostics diagnostics;
};

// `file` is only used in diagnostics' positions.
CsvDocument read_csv(std::string_view utf8, const std::string& file, const CsvLimits& limits = {});

// Index of the first row `is_header` accepts (files sometimes have a title row first).
std::optional<size_t> find_header(const std::vector<CsvRow>& rows, const std::function<bool(const CsvRow&)>& is_header);

// Whether some field of the row is exactly `cell`: the usual header predicate.
bool has_cell(const CsvRow& row, std::string_view cell);

}  // namespace tsunagu
