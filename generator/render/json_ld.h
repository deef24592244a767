// schema.org JSON-LD for record pages, so search engines and other directories can read the
// data: Place/CivicStructure or Event for activities, NGO/Organization/GovernmentOrganization for
// organizations, GovernmentService/Service for consultation points.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace tsunagu {

nlohmann::json activity_json_ld(const Site& site, int activity_ix, const std::string& base_url);
nlohmann::json organization_json_ld(const Site& site, int org_ix, const std::string& base_url);
nlohmann::json consultation_json_ld(const Site& site, int point_ix, const std::string& base_url);

// OpeningHoursSpecification objects for the weekly and daily rules of a schedule (the only
// ones schema.org can state as opening hours).
nlohmann::json opening_hours(const Schedule& s);

// Compact JSON safe inside <script>: <, > and & are written as \u003c, \u003e, \u0026, so
// "</script>" in data cannot end the element. Invalid UTF-8 is replaced, never thrown on.
std::string json_for_script(const nlohmann::json& j);

}  // namespace tsunagu
