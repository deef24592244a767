#include "render/pagination.h"

namespace tsunagu {

size_t page_count(size_t items, size_t page_size) { return items == 0 ? 1 : (items + page_size - 1) / page_size; }

std::string paged_path(std::string_view base, size_t page_number) {
    std::string p(base);
    if (page_number > 1) p += "-" + std::to_string(page_number);
    return p + ".html";
}

nlohmann::json pager_view(std::string_view base, size_t page_number, size_t count) {
    nlohmann::json v;
    v["present"] = count > 1;
    v["number"] = page_number;
    v["count"] = count;
    v["prev_url"] = page_number > 1 ? paged_path(base, page_number - 1) : "";
    v["next_url"] = page_number < count ? paged_path(base, page_number + 1) : "";
    nlohmann::json pages = nlohmann::json::array();
    size_t last_shown = 0;
    for (size_t n = 1; n <= count; ++n) {
        bool show = n == 1 || n == count || (n + 2 >= page_number && n <= page_number + 2);
        if (!show) continue;
        pages.push_back({{"number", n}, {"url", paged_path(base, n)}, {"current", n == page_number}, {"gap", last_shown + 1 != n}});
        last_shown = n;
    }
    v["pages"] = std::move(pages);
    return v;
}

}  // namespace tsunagu
