// Which 自治体標準オープンデータセット a CSV is, recognised from its header row, and where each
// column we read sits. Columns are found by name, never by position: municipalities drop,
// reorder and rename columns, and the older layout (NO, 都道府県コード又は市区町村コード, …) and
// the newer one (全国地方公共団体コード, ID, …) name the same things differently.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/csv_reader.h"

namespace tsunagu {

enum class DatasetKind {
    kodomo_shokudo,     // 子ども食堂一覧
    care_services,      // 介護サービス事業所一覧
    public_facilities,  // 公共施設一覧
    events,             // イベント一覧
    supplement,         // ..._tsuika.csv: more venues for IDs of a main file
};

// The things a row can tell us; each has one or more header names (see open_dataset.cpp).
enum class Col {
    code, source_id, prefecture, municipality, name, kana, purpose, category, address, address_detail, place_name,
    lat, lon, phone, phone_note, phone2, phone2_note, extension, fax, url, email, email_note, email2, email2_note,
    corporate_number, organization, frequency, weekdays, days, start_time, end_time, time_note, start_date, end_date,
    eligibility, fee_infant, fee_elementary, fee_junior_high, fee_high_school, fee_adult, fee_basic, fee_detail,
    fee_note, booking, booking_note, capacity, pantry, takeout, school_district, network, image, image_license,
    remarks, description, access, parking, office_number,
    // tsunagu's own columns (model/open_data_columns.h), present in files tsunagu exported
    t_id, t_reading, t_aliases, t_content_types, t_form, t_place_type, t_targets, t_fields, t_organization_id,
    t_area_ids, t_venue_name, t_private_home, t_schedule, t_fees, t_registration, t_barrier_free, t_pickup,
    t_wheelchair_toilet, t_languages, t_status, t_source, t_as_of, t_last_confirmed, t_start_date,
    count_
};

struct DatasetLayout {
    DatasetKind kind = DatasetKind::kodomo_shokudo;
    bool older_layout = false;      // NO, 都道府県コード又は市区町村コード, …
    bool tsunagu_export = false;    // has tsunagu_活動ID: a file tsunagu wrote
    size_t header_row = 0;          // index into CsvDocument::rows
    std::array<int, static_cast<size_t>(Col::count_)> column{};  // -1 = absent
    std::vector<std::string> unknown_headers;  // columns we do not read (reported once)

    bool has(Col c) const { return column[static_cast<size_t>(c)] >= 0; }
    // The trimmed cell, "" when the column is absent or the row is short.
    std::string cell(const CsvRow& row, Col c) const;
};

// nullopt when no row of the first few looks like the header of a dataset we know; `why`
// is then "empty" (no rows at all) or "no_header". `file_name` helps only to tell a supplement (_tsuika) file.
std::optional<DatasetLayout> recognise_dataset(const std::vector<CsvRow>& rows, std::string_view file_name,
                                               std::string& why);

const char* dataset_name_ja(DatasetKind k);  // 子ども食堂一覧 …
const char* dataset_name_en(DatasetKind k);  // children's cafeterias …
const char* dataset_id_prefix(DatasetKind k);  // kodomo, kaigo, shisetsu, event

}  // namespace tsunagu
