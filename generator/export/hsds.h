// Open Referral HSDS 3.0 (Human Services Data Specification) tables of a site, as JSON arrays in
// the tabular layout (one array per object type, rows joined by *_id foreign keys):
// organizations, services (activities and consultation points), locations, addresses,
// service_at_locations, schedules (HSDS's RRULE subset), cost_options, contacts, phones,
// accessibility, taxonomies, taxonomy_terms, attributes, organization_identifiers.
// Ids are UUIDv5 names of (municipality code, kind, record id), so they never change between builds.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace tsunagu {

struct HsdsTable {
    std::string object;     // HSDS object name: "service", "service_at_location" …
    std::string file;       // file name under opendata/hsds/: "services.json"
    std::string title;      // Japanese, for the open-data page
    size_t rows = 0;        // rows written (counted only in the pass that keeps the table)
    std::string text;       // the JSON array, one row per line, while the table is being written
    bool keep = true;       // this pass builds and writes the table (see hsds_tables)

    void add(const nlohmann::json& row);  // appends the row (callers skip building rows of tables not kept)
    std::string_view finish();            // closes the array in place: the complete JSON document
};

// The id of a record of `kind` ("activity", "organization", "schedule" …) in this site's export.
std::string hsds_id(const Site& site, std::string_view kind, std::string_view key);

// Builds every table and hands each finished one to sink. The text is made in three passes over
// the records (attributes, services, the rest: each pass builds only its own tables' rows), so
// the whole export is never in memory at once on large sites. Returns every table's name and
// row count (text emptied) in a fixed order, for the index.
std::vector<HsdsTable> hsds_tables(const Site& site, const std::string& base_url,
                                   const std::function<void(HsdsTable&)>& sink);

// datapackage.json: the index of the tables (Frictionless Data Package fields plus row counts).
std::string hsds_datapackage_json(const Site& site, const std::vector<HsdsTable>& tables);

}  // namespace tsunagu
