// Long lists are split into pages of kPageSize entries: BASE.html, BASE-2.html, BASE-3.html …
// (sites reach 100,000 activities; one page with 30,000 links helps nobody).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tsunagu {

inline constexpr size_t kPageSize = 200;

size_t page_count(size_t items, size_t page_size = kPageSize);
// base is root-relative without ".html": "categories/salon" → categories/salon.html, categories/salon-2.html
std::string paged_path(std::string_view base, size_t page_number);
// {present, prev_url, next_url, number, count, pages: [{number, url, current, gap}]}; a window of
// page numbers around the current one plus the first and last, so 500 pages stay one short line.
nlohmann::json pager_view(std::string_view base, size_t page_number, size_t count);

}  // namespace tsunagu
