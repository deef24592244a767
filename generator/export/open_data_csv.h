// 自治体標準オープンデータセット-style CSV tables of a site: activities (the 子ども食堂一覧 columns
// of model/open_data_columns.h plus tsunagu's own), consultation points, organizations, and the
// code table of the vocabularies. Following the government's machine-readability rules: one
// table per file, one header row, RFC 4180 quoting, CRLF line ends, no line breaks inside a field
// (a newline in a value becomes a space), several values in one cell joined with ';'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"

namespace tsunagu {

struct CsvTable {
    std::string text;   // UTF-8, no BOM
    size_t rows = 0;    // data rows (the header not counted)
};

// One header or data row: fields quoted when they hold ',', '"' or a line break (which is
// replaced by a space first, as is a tab), joined with ',' and ended with CRLF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);
// The value as it goes into a cell, before quoting: line breaks and tabs become spaces.
std::string csv_cell_text(std::string_view value);

// 全国地方公共団体コード for a record linked to area_ix: the code of the nearest area at or above
// it that has one, else the site's municipality_code. The area that gave the code is returned
// through code_area_ix (-1 when the site's code was used).
std::string municipality_code_for(const Site& site, int area_ix, int* code_area_ix = nullptr);

// prefix goes before the header (a BOM), so a file with and without it need one table in memory.
CsvTable activities_csv(const Site& site, std::string_view prefix = {});
CsvTable consultation_csv(const Site& site);
CsvTable organizations_csv(const Site& site);
CsvTable codes_csv();

// Headers of consultation_csv and organizations_csv, in order.
const std::vector<std::string_view>& consultation_csv_columns();
const std::vector<std::string_view>& organization_csv_columns();

struct ColumnDescription {
    std::string_view name;
    std::string_view description;
};
// Every column of activities_csv in order, with what it holds (for the open-data page).
std::vector<ColumnDescription> activity_column_descriptions();

}  // namespace tsunagu
