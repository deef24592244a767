// Open Referral HSDS 3.0 (Human Services Data Specification) tables of a site, as JSON arrays in
// the tabular layout (one array per object type, rows joined by *_id foreign keys):
// organizations, services (activities and consultation points), locations, addresses,
// service_at_locations, schedules (HSDS's RRULE subset), cost_options, contacts, phones,
// accessibility, taxonomies, taxonomy_terms, attributes, organization_identifiers.
// Ids are UUIDv5 names of (municipality code, kind, record id), so they never change between builds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace tsunagu {

struct HsdsTable {
    std::string object;     // HSDS object name: "service", "service_at_location" …
    std::string file;       // file name under opendata/hsds/: "services.json"
    std::string title;      // Japanese, for the open-data page
    nlohmann::json rows = nlohmann::json::array();
};

// The id of a record of `kind` ("activity", "organization", "schedule" …) in this site's export.
std::string hsds_id(const Site& site, std::string_view kind, std::string_view key);

std::vector<HsdsTable> hsds_tables(const Site& site, const std::string& base_url);

// A table as a JSON array, one row per line (diffable, and still one JSON document).
std::string hsds_table_json(const HsdsTable& t);
// datapackage.json: the index of the tables (Frictionless Data Package fields plus row counts).
std::string hsds_datapackage_json(const Site& site, const std::vector<HsdsTable>& tables);

}  // namespace tsunagu
