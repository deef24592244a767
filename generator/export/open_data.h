// The export stage: every open-data file of a site under opendata/ — 自治体標準 CSV tables,
// Open Referral HSDS 3.0 JSON, the Atom feed of updates — written through emit. Returns what
// it wrote, in a fixed order, for the open-data page (render/open_data_page.cpp).
#pragma once

#include <string>
#include <vector>

#include "model/output.h"
#include "model/site.h"

namespace tsunagu {

struct OpenDataFileInfo {
    std::string path;     // root-relative: "opendata/activities.csv"
    std::string group;    // csv, hsds, feed: the page's sections; any other group is listed under そのほかのデータ
    std::string title;    // Japanese: 活動・居場所の一覧
    std::string format;   // CSV（UTF-8、BOMなし）, JSON, Atom …
    size_t bytes = 0;
    long long records = -1;  // rows / entries; -1 when the file is an index, not a table
};

// Files are generated in parallel over `threads` (0 = all cores); the list and every byte are
// the same whatever the thread count.
std::vector<OpenDataFileInfo> write_open_data(const Site& site, const std::string& base_url, const EmitFile& emit,
                                              unsigned threads = 0);

}  // namespace tsunagu
