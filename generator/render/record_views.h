// JSON views of record parts, as the templates read them. Every key a template tests is always
// present (empty string / false / empty list when there is no value): Mustache looks a missing
// key up in the enclosing contexts, which would show the page's value instead of nothing.
// Links are root-relative ("activities/x.html"); templates prefix them with {{root}}.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "model/taxonomy.h"

namespace tsunagu {

// {present, phone, phone_href, phone_note, fax, email, email_href, url, url_href, person_role}
nlohmann::json contact_view(const Contact& c);
// {present, name, address, address_detail, private_home}
nlohmann::json venue_view(const Venue& v);
// {present, text (和暦 form), iso}
nlohmann::json date_view(const Date& d);
// The same with the 和暦 beside the 西暦: "2008年4月（平成20年4月）" (case timelines, founding dates).
nlohmann::json dual_date_view(const Date& d);
// [{label, url}] linking each known term to its list page (content types and target groups);
// other vocabularies get url "".
nlohmann::json term_links(Vocabulary v, const std::vector<std::string>& labels);
// [{name, url}] for area indexes.
nlohmann::json area_links(const Site& site, const std::vector<int>& area_ixs);

// "1,000円", "無料" for 0.
std::string yen_text(long long amount);
// "30人"
std::string count_text(long long n, const char* unit);
// A reported number: separators, at most one decimal, 約 when approximate, then the unit as written
// (約1,200人, 1.5万人). Counts, never money.
std::string figure_text(const Figure& f);
std::string join_labels(const std::vector<std::string>& labels, const char* sep = "、");
// "休止中" / "終了" for a status that is not 活動中, else "".
std::string inactive_status(const std::string& status);

// "35.7012": degrees as map data attributes carry them.
std::string degrees_text(double v);
// {lat, lon, approx} for the map view (approx: a private home's rounded point), or false without a point.
nlohmann::json map_point_view(const Venue& venue);

// List items shared by many pages. An activity card carries `geo` (map_point_view).
nlohmann::json activity_card(const Site& site, int activity_ix);
nlohmann::json consultation_card(const Site& site, int point_ix);
nlohmann::json organization_card(const Site& site, int org_ix);

}  // namespace tsunagu
