// Where pages live and how one page links to another. Every link in the site is relative
// (a page at depth 1 links "../index.html"), so the output works from disk and any sub-path.
// Paths here are "root-relative": relative to the output root, '/'-separated, no leading '/'.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu {

std::string activity_path(std::string_view id);       // activities/ID.html
std::string organization_path(std::string_view id);   // organizations/ID.html
std::string consultation_path(std::string_view id);   // consultation/ID.html
std::string area_path(std::string_view id);           // areas/ID.html
std::string category_path(std::string_view slug);     // categories/SLUG.html
std::string target_path(std::string_view slug);       // targets/SLUG.html
std::string content_path(std::string_view slug);      // SLUG.html
std::string fund_path(std::string_view id);           // funds/ID.html
std::string fund_year_path(std::string_view fund_id, int fiscal_year);  // funds/ID/2025.html
std::string fund_grants_path(std::string_view fund_id);                 // funds/ID/grants.html
std::string grant_path(std::string_view id);          // grants/ID.html
std::string case_path(std::string_view id);           // cases/ID.html
std::string network_path(std::string_view id);        // networks/ID.html
std::string report_path(std::string_view id);         // reports/ID.html

// "../" once per directory level of rel_path: "" for index.html, "../" for areas/x.html.
std::string root_prefix(std::string_view rel_path);

// Percent-encodes everything outside the unreserved set and '/', so a slug or file name from
// data is a safe URL path whatever it contains.
std::string url_path_escape(std::string_view path);

// base_url joined with a root-relative path; "" when base_url is empty.
std::string absolute_url(std::string_view base_url, std::string_view rel_path);

// The path part of an absolute base URL ("https://x.org/aoba/" → "/aoba/"); "" when none.
std::string url_path_of(std::string_view base_url);

// Only http(s) URLs from data become links; anything else (javascript:, data:, relative) is text.
bool is_http_url(std::string_view url);

// "tel:042-000-1234" for a number with digits (keeps digits, '+' and '-'); "" when unusable.
std::string tel_href(std::string_view phone);

// "mailto:a@b.jp" when the address is plain (one '@', no spaces, quotes, colons or angle
// brackets); "" otherwise, and the address is then shown as text only.
std::string mailto_href(std::string_view email);

// A relative path from data (photos) that stays inside its folder: no "..", no leading '/',
// no backslash, no scheme.
bool is_safe_data_path(std::string_view path);

}  // namespace tsunagu
