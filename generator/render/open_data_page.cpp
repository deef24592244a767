#include "render/open_data_page.h"

#include <cstdio>

#include "export/open_data_csv.h"
#include "render/calendar_files.h"
#include "render/links.h"
#include "render/page_context.h"
#include "render/record_views.h"

namespace tsunagu {

using nlohmann::json;

namespace {

std::string file_name(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void add_area_calendars(const RenderContext& ctx, int a, int depth, json& out) {
    const Area& area = ctx.site->areas[a];
    out.push_back({{"name", area.name}, {"url", area_calendar_path(area.meta.id)}, {"level", area.level}});
    if (depth < 64)
        for (int c : ctx.area_children[a]) add_area_calendars(ctx, c, depth + 1, out);
}

}  // namespace

std::string file_size_text(size_t bytes) {
    std::string text = count_text(static_cast<long long>(bytes), " バイト");
    if (bytes >= 1024) {
        char buf[48];
        if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "（%.1f MB）", static_cast<double>(bytes) / (1024.0 * 1024.0));
        else std::snprintf(buf, sizeof buf, "（%.1f KB）", static_cast<double>(bytes) / 1024.0);
        text += buf;
    }
    return text;
}

std::string render_open_data_page(const RenderContext& ctx, const std::vector<OpenDataFileInfo>& files) {
    const SiteConfig& config = ctx.site->config;
    PageFrame frame;
    frame.path = kOpenDataPagePath;
    frame.title = "オープンデータ";
    frame.description = "このサイトの活動・相談窓口・団体の情報を、CSV、Open Referral HSDS 3.0、Atom、iCalendar の形で提供しています";
    frame.nav_key = "opendata";
    json view;
    json groups = json::object({{"csv", json::array()}, {"hsds", json::array()}, {"feed", json::array()}, {"other", json::array()}});
    for (const OpenDataFileInfo& f : files) {
        // Links are relative to the page, which sits in opendata/ beside the files.
        json row{{"url", f.path.substr(std::string("opendata/").size())},
                 {"name", file_name(f.path)},
                 {"title", f.title},
                 {"format", f.format},
                 {"size", file_size_text(f.bytes)},
                 {"records", f.records >= 0 ? count_text(f.records, " 件") : std::string()}};  // "" = an index, not a table
        // A file of a kind this page has no section for is still listed, never dropped.
        groups[groups.contains(f.group) ? f.group : "other"].push_back(std::move(row));
    }
    view["csv_files"] = std::move(groups["csv"]);
    view["hsds_files"] = std::move(groups["hsds"]);
    view["feed_files"] = std::move(groups["feed"]);
    view["has_other_files"] = !groups["other"].empty();
    view["other_files"] = std::move(groups["other"]);
    json columns = json::array();
    for (const ColumnDescription& c : activity_column_descriptions())
        columns.push_back({{"name", std::string(c.name)}, {"description", std::string(c.description)}});
    view["columns"] = std::move(columns);
    json calendars = json::array();
    for (int r : ctx.root_areas_by_reading) add_area_calendars(ctx, r, 0, calendars);
    view["has_area_calendars"] = !calendars.empty();
    view["area_calendars"] = std::move(calendars);
    view["publisher"] = config.publisher;
    view["site_title"] = config.title;
    view["canonical_url"] = absolute_url(ctx.base_url, kOpenDataPagePath);
    return render_page(ctx, frame, "open_data", std::move(view));
}

}  // namespace tsunagu
