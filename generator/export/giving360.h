// Grants as 360Giving Data Standard 1.4: opendata/360giving.json (a grants package, the JSON
// layout) and opendata/360giving.csv (the spreadsheet layout, with the standard's column
// titles), so a fund's grants can be read by GrantNav-style tools next to other funders'.
// Organisation ids are JP-JCN-<法人番号> when the organization has a 法人番号, else a stable
// 360G-tsunagu-<municipality code>-<record id>; grant ids are 360G-tsunagu-<code>-<grant id>.
// Cancelled grants (取消) are not grants any more and are left out. Named donors never appear:
// 360Giving describes grants, not donations.
#pragma once

#include <string>

#include "model/site.h"

namespace tsunagu {

struct Giving360 {
    std::string json;
    std::string csv;
    size_t grants = 0;
};

Giving360 giving360_export(const Site& site, const std::string& base_url);

// The organisation identifier 360Giving expects for an organization of the site.
std::string giving360_org_id(const Site& site, const Organization& o);

}  // namespace tsunagu
