// opendata/index.html: what the export stage wrote (export/open_data.h) — each file with its
// format, size and record count, the columns of activities.csv, the calendars and the feed.
// It is rendered after the export, because sizes and counts are only known then.
#pragma once

#include <string>
#include <vector>

#include "export/open_data.h"
#include "render/render_context.h"

namespace tsunagu {

inline constexpr const char* kOpenDataPagePath = "opendata/index.html";

std::string render_open_data_page(const RenderContext& ctx, const std::vector<OpenDataFileInfo>& files);

// "12,345 バイト（12.1 KB）"; below 1 KB only the bytes.
std::string file_size_text(size_t bytes);

}  // namespace tsunagu
