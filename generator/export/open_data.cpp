#include "export/open_data.h"

#include <functional>
#include <map>

#include "export/atom_feed.h"
#include "export/giving360.h"
#include "export/hsds.h"
#include "export/open_data_csv.h"
#include "support/parallel.h"

namespace tsunagu {

namespace {

using Task = std::function<void(std::vector<OpenDataFileInfo>&)>;

}  // namespace

std::vector<OpenDataFileInfo> write_open_data(const Site& site, const std::string& base_url, const EmitFile& emit,
                                              unsigned threads) {
    auto put = [&](std::vector<OpenDataFileInfo>& out, OpenDataFileInfo info, std::string_view content) {
        info.bytes = content.size();
        emit(info.path, content);
        out.push_back(std::move(info));
    };
    const std::vector<Task> tasks = {
        [&](std::vector<OpenDataFileInfo>& out) {
            // Excel opens UTF-8 CSV as Shift_JIS unless the file starts with a byte order mark. The
            // table is made once with the BOM in front; the plain file is the same bytes after it.
            const CsvTable t = activities_csv(site, "\xEF\xBB\xBF");
            const auto rows = static_cast<long long>(t.rows);
            const std::string_view with_bom = t.text;
            put(out, {"opendata/activities.csv", "csv", "活動・居場所の一覧", "CSV（UTF-8、BOMなし）", 0, rows}, with_bom.substr(3));
            put(out, {"opendata/activities-bom.csv", "csv", "活動・居場所の一覧（Excel用）", "CSV（UTF-8、BOM付き）", 0, rows}, with_bom);
        },
        [&](std::vector<OpenDataFileInfo>& out) {
            const CsvTable t = consultation_csv(site);
            put(out, {"opendata/consultation.csv", "csv", "相談窓口の一覧", "CSV（UTF-8、BOMなし）", 0, static_cast<long long>(t.rows)}, t.text);
        },
        [&](std::vector<OpenDataFileInfo>& out) {
            const CsvTable t = organizations_csv(site);
            put(out, {"opendata/organizations.csv", "csv", "団体の一覧", "CSV（UTF-8、BOMなし）", 0, static_cast<long long>(t.rows)}, t.text);
        },
        [&](std::vector<OpenDataFileInfo>& out) {
            const CsvTable t = codes_csv();
            put(out, {"opendata/codes.csv", "csv", "コード表（分類の名前とコード）", "CSV（UTF-8、BOMなし）", 0, static_cast<long long>(t.rows)}, t.text);
        },
        [&](std::vector<OpenDataFileInfo>& out) {
            std::map<std::string, size_t> bytes;  // by file, as the passes write them
            const std::vector<HsdsTable> tables = hsds_tables(site, base_url, [&](HsdsTable& t) {
                const std::string_view text = t.finish();
                bytes[t.file] = text.size();
                emit("opendata/hsds/" + t.file, text);
            });
            put(out, {"opendata/hsds/datapackage.json", "hsds", "表の一覧（datapackage.json）", "JSON", 0, -1},
                hsds_datapackage_json(site, tables));
            for (const HsdsTable& t : tables)
                out.push_back({"opendata/hsds/" + t.file, "hsds", t.title + "（" + t.object + "）", "JSON", bytes[t.file],
                               static_cast<long long>(t.rows)});
        },
        [&](std::vector<OpenDataFileInfo>& out) {
            size_t n = 0;
            const std::string feed = atom_feed(site, base_url, &n);
            put(out, {"opendata/updates.atom", "feed", "更新情報", "Atom", 0, static_cast<long long>(n)}, feed);
        },
        [&](std::vector<OpenDataFileInfo>& out) {
            if (site.grants.empty()) return;  // no fund, no grants: nothing to publish
            const Giving360 g = giving360_export(site, base_url);
            const auto n = static_cast<long long>(g.grants);
            put(out, {"opendata/360giving.json", "grants", "助成の一覧（360Giving 1.4）", "JSON", 0, n}, g.json);
            put(out, {"opendata/360giving.csv", "grants", "助成の一覧（360Giving 1.4、表形式）", "CSV（UTF-8、BOMなし）", 0, n}, g.csv);
        },
    };
    std::vector<std::vector<OpenDataFileInfo>> results(tasks.size());
    parallel_for(tasks.size(), [&](size_t i) { tasks[i](results[i]); }, threads);
    std::vector<OpenDataFileInfo> files;
    for (auto& r : results)
        for (auto& f : r) files.push_back(std::move(f));
    return files;
}

}  // namespace tsunagu
