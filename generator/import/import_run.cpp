#include "import/import_run.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "import/cell_values.h"
#include "import/csv_reader.h"
#include "import/open_dataset.h"
#include "import/row_to_activity.h"
#include "import/text_decoding.h"
#include "import/yaml_writer.h"
#include "load/load_site.h"
#include "load/yaml_file.h"
#include "model/date.h"
#include "text/codes.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxImportFileBytes = 256u << 20;  // a national 通いの場 list is ~100 MB
constexpr std::string_view kHeaderStart = "# tsunagu import ";

// The first line of every file import writes: where the record came from, where hand
// corrections go, and a checksum of the rest so a re-import can tell whether someone edited it.
std::string stamped(const std::string& origin, const std::string& body) {
    return std::string(kHeaderStart) + origin +
           " · 手で直すときは import/overrides.yaml へ (put corrections in import/overrides.yaml) · check " +
           short_hash(body) + "\n" + body;
}

enum class FileState { absent, ours_unchanged, ours_edited, not_ours };

// Whether an existing record file may be replaced: only when import wrote it and nobody changed it.
FileState state_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return FileState::absent;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    if (text.rfind(kHeaderStart, 0) != 0) return FileState::not_ours;
    const size_t nl = text.find('\n');
    if (nl == std::string::npos) return FileState::ours_edited;
    const std::string first = text.substr(0, nl);
    const size_t check = first.rfind(" check ");
    if (check == std::string::npos) return FileState::ours_edited;
    return first.substr(check + 7) == short_hash(text.substr(nl + 1)) ? FileState::ours_unchanged
                                                                       : FileState::ours_edited;
}

bool same_content(const fs::path& path, const std::string& content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str() == content;
}

// Written next to the target and renamed over it, so an interrupted import never leaves half a file.
bool write_file_atomically(const fs::path& path, const std::string& content, Diagnostics& diags) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".tsunagu-tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out) {
            diags.push_back(make_error("import.write", SourcePos{path.string(), 0, 0}, "ファイルを書けませんでした",
                                       "could not write the file"));
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        diags.push_back(make_error("import.write", SourcePos{path.string(), 0, 0},
                                   "ファイルを置き換えられませんでした: " + ec.message(), "could not replace the file: " + ec.message()));
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

// Plain YAML scalars that mean a number or a boolean stay unquoted; everything else is text.
YamlValue from_yaml_node(const YAML::Node& n) {
    if (n.IsSequence()) {
        YamlValue v = YamlValue::list();
        for (const auto& item : n) v.items.push_back(from_yaml_node(item));
        return v;
    }
    if (n.IsMap()) {
        YamlValue v = YamlValue::map();
        for (const auto& kv : n) v.set(kv.first.Scalar(), from_yaml_node(kv.second));
        return v;
    }
    if (n.IsNull()) return YamlValue::text("");
    const std::string s = n.Scalar();
    if (n.Tag() == "?") {
        const bool number = !s.empty() && s.find_first_not_of("0123456789.-+") == std::string::npos &&
                            std::count(s.begin(), s.end(), '.') <= 1;
        if (number || s == "true" || s == "false") return YamlValue::raw(s);
    }
    return YamlValue::text(s);
}

std::string legal_form_from_name(const std::string& name) {
    const std::string n = nfkc(name);
    static const std::vector<std::pair<std::string_view, std::string_view>> forms = {
        {"認定NPO法人", "認定NPO法人"}, {"認定特定非営利活動法人", "認定NPO法人"}, {"NPO法人", "NPO法人"},
        {"特定非営利活動法人", "NPO法人"}, {"地区社会福祉協議会", "地区社協"}, {"社会福祉協議会", "社協"},
        {"社会福祉法人", "社会福祉法人"}, {"一般社団法人", "一般社団法人"}, {"公益社団法人", "公益社団法人"},
        {"一般財団法人", "一般財団法人"}, {"公益財団法人", "公益財団法人"}, {"生活協同組合", "協同組合"},
        {"協同組合", "協同組合"}, {"株式会社", "株式会社"}, {"(株)", "株式会社"}, {"合同会社", "合同会社"},
        {"医療法人", "医療法人"}, {"自治会", "自治会・町内会"}, {"町内会", "自治会・町内会"}};
    for (const auto& [word, form] : forms)
        if (n.find(word) != std::string::npos) return std::string(form);
    return {};
}

struct FileRun {
    fs::path path;
    std::string shown;  // path as given on the command line
    std::string name;   // file name
    ImportFileCounts counts;
    std::optional<DatasetLayout> layout;
    std::vector<CsvRow> rows;
    std::vector<ImportedActivity> records;
    std::vector<ReviewItem> review;
    Diagnostics diags;
};

std::string layout_label(const DatasetLayout& L) {
    std::string s = dataset_name_ja(L.kind);
    if (L.tsunagu_export) return s + "（tsunagu の書き出し）";
    if (L.kind != DatasetKind::supplement) s += L.older_layout ? "（旧形式）" : "（新形式）";
    return s;
}

// Reads, decodes and recognises one file, and turns its rows into records.
void read_file(FileRun& f, const ImportOptions& options) {
    std::error_code ec;
    const auto size = fs::file_size(f.path, ec);
    if (ec) {
        f.diags.push_back(make_error("import.read", SourcePos{f.shown, 0, 0}, "ファイルを読めません: " + ec.message(),
                                     "cannot read the file: " + ec.message()));
        return;
    }
    if (size > kMaxImportFileBytes) {
        f.diags.push_back(make_error("import.too_large", SourcePos{f.shown, 0, 0},
                                     "ファイルが大きすぎます（256 MB まで）", "the file is larger than 256 MB"));
        return;
    }
    std::ifstream in(f.path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof()) {
        f.diags.push_back(make_error("import.read", SourcePos{f.shown, 0, 0}, "ファイルを読めません", "cannot read the file"));
        return;
    }
    const DecodedText decoded = decode_text(ss.str());
    for (Diagnostic& d : decoding_diagnostics(decoded, f.shown)) f.diags.push_back(std::move(d));
    f.counts.encoding = std::string(encoding_name_ja(decoded.encoding)) +
                        (decoded.utf8_boms ? "、BOM " + std::to_string(decoded.utf8_boms) + " 個" : "") +
                        (decoded.utf16_bom ? "、BOM あり" : "");
    CsvDocument table = read_csv(decoded.utf8, f.shown);
    for (Diagnostic& d : table.diagnostics) f.diags.push_back(std::move(d));
    f.rows = std::move(table.rows);
    std::string why;
    f.layout = recognise_dataset(f.rows, f.name, why);
    if (!f.layout) {
        if (why == "empty")
            f.diags.push_back(make_error("import.unknown_dataset", SourcePos{f.shown, 0, 0}, "空のファイルです",
                                         "the file is empty"));
        else
            f.diags.push_back(make_error(
                "import.unknown_dataset", SourcePos{f.shown, f.rows[0].line, 0},
                "どのデータセットか分かりません。最初の行に 名称・イベント名・介護サービス事業所名称 の列がありません"
                "（子ども食堂一覧・介護サービス事業所一覧・公共施設一覧・イベント一覧を読めます）",
                "not a dataset tsunagu knows: no 名称, イベント名 or 介護サービス事業所名称 column in the first rows "
                "(it reads 子ども食堂一覧, 介護サービス事業所一覧, 公共施設一覧 and イベント一覧)"));
        return;
    }
    f.counts.dataset = layout_label(*f.layout);
    if (!f.layout->unknown_headers.empty()) {
        std::string list;
        for (const std::string& h : f.layout->unknown_headers) list += (list.empty() ? "" : "、") + h;
        f.diags.push_back(Diagnostic{Severity::note, "import.unread_columns",
                                     SourcePos{f.shown, f.rows[f.layout->header_row].line, 0},
                                     "取り込まない列: " + list, "columns not imported: " + list, {}});
    }
    if (f.layout->kind == DatasetKind::supplement) {
        f.counts.rows_read = static_cast<int>(f.rows.size() - f.layout->header_row - 1);
        return;  // applied after every main file is read
    }
    RowContext ctx{f.shown, f.name, &*f.layout, options.content_types};
    std::set<std::string> ids;
    for (size_t r = f.layout->header_row + 1; r < f.rows.size(); ++r) {
        const CsvRow& row = f.rows[r];
        ++f.counts.rows_read;
        if (f.layout->cell(row, Col::name).empty()) {
            ++f.counts.skipped;
            f.diags.push_back(make_warning("import.no_name", SourcePos{f.shown, row.line, 0},
                                           "名称が空の行なので取り込みませんでした", "the row has no name; not imported"));
            continue;
        }
        ImportedActivity a = read_activity_row(ctx, row, f.diags);
        if (!a.has_content_type) {
            ++f.counts.skipped;
            f.diags.push_back(make_error(
                "import.content_type", SourcePos{f.shown, row.line, 0},
                "「" + a.record.find("name")->scalar + "」がどの活動の種類か分かりません。--content-type で指定してください",
                "cannot tell what kind of activity \"" + a.record.find("name")->scalar + "\" is; give --content-type"));
            continue;
        }
        if (!ids.insert(a.id).second) {
            const std::string was = a.id;
            a.id = was + "-h" + short_hash(std::to_string(row.line) + a.record.find("name")->scalar);
            a.record.set("id", YamlValue::text(a.id));
            for (ReviewItem& item : a.review) item.record_id = a.id;
            f.diags.push_back(make_warning("import.duplicate_id", SourcePos{f.shown, row.line, 0},
                                           "ID「" + a.source_id + "」が前の行と同じなので、この行は " + a.id + " にしました",
                                           "ID \"" + a.source_id + "\" repeats an earlier row; this row became " + a.id));
        }
        if (!options.as_of.empty() && !a.record.find("as_of")) a.record.set("as_of", YamlValue::text(options.as_of));
        if (!a.record.find("source"))
            a.record.set("source", YamlValue::text(std::string(dataset_name_ja(f.layout->kind)) + "（" + f.name + "）"));
        f.records.push_back(std::move(a));
    }
}

// A _tsuika file adds venues to IDs of a main file: the one with the same name without
// _tsuika, else any main file of this run that has the ID.
void apply_supplement(FileRun& f, std::vector<FileRun>& runs) {
    std::string base_name = f.name;
    for (std::string_view suffix : {"_tsuika.csv", "_tsuika.CSV"})
        if (base_name.size() > suffix.size() && base_name.ends_with(suffix))
            base_name = base_name.substr(0, base_name.size() - suffix.size()) + ".csv";
    std::vector<FileRun*> candidates;
    for (FileRun& r : runs)
        if (&r != &f && r.layout && r.layout->kind != DatasetKind::supplement && r.name == base_name)
            candidates.push_back(&r);
    if (candidates.empty())
        for (FileRun& r : runs)
            if (&r != &f && r.layout && r.layout->kind != DatasetKind::supplement) candidates.push_back(&r);
    RowContext ctx{f.shown, f.name, &*f.layout, {}};
    std::map<std::string, int> venues_added;
    for (size_t r = f.layout->header_row + 1; r < f.rows.size(); ++r) {
        const CsvRow& row = f.rows[r];
        const std::string sid = id_part(f.layout->cell(row, Col::source_id));
        ImportedActivity* base = nullptr;
        FileRun* owner = nullptr;
        for (FileRun* c : candidates) {
            for (ImportedActivity& a : c->records)
                if (id_part(a.source_id) == sid && !sid.empty()) {
                    base = &a;
                    owner = c;
                    break;
                }
            if (base) break;
        }
        if (!base) {
            ++f.counts.skipped;
            f.diags.push_back(make_error("import.supplement_id", SourcePos{f.shown, row.line, 0},
                                         "ID「" + f.layout->cell(row, Col::source_id) +
                                             "」の元の行が、一緒に取り込んだファイルにありません。元のファイルも指定してください",
                                         "no row with ID \"" + f.layout->cell(row, Col::source_id) +
                                             "\" in the main files of this import; import the main file together with it"));
            continue;
        }
        ImportedActivity copy = *base;
        const int n = 2 + venues_added[base->id]++;
        copy.id = base->id + "-" + std::to_string(n);
        copy.record.set("id", YamlValue::text(copy.id));
        const std::string base_name_value = base->record.find("name")->scalar;
        copy.record.set("name", YamlValue::text(base_name_value + "（会場" + std::to_string(n) + "）"));
        copy.review.clear();
        apply_supplement_row(ctx, row, copy, f.diags);
        for (ReviewItem& item : copy.review) item.record_id = copy.id;
        copy.record.set("source", YamlValue::text(std::string(dataset_name_ja(owner->layout->kind)) + "（" + f.name + "）"));
        ++f.counts.merged;
        f.records.push_back(std::move(copy));
    }
}

struct SiteState {
    bool exists = false;
    Site site;
    std::map<std::string, std::string> org_by_key;   // normalized name or alias → id
    std::set<std::string> org_ids;
};

SiteState load_existing(const fs::path& dir) {
    SiteState s;
    std::error_code ec;
    s.exists = fs::exists(dir / "site.yaml", ec);
    if (!s.exists) return s;
    Diagnostics ignored;  // import reports its own problems; `tsunagu check` reports the site's
    s.site = load_site(dir, ignored);
    for (const Organization& o : s.site.organizations) {
        s.org_ids.insert(o.meta.id);
        s.org_by_key.emplace(normalize_for_search(o.name), o.meta.id);
        for (const std::string& a : o.aliases) s.org_by_key.emplace(normalize_for_search(a), o.meta.id);
    }
    return s;
}

// The smallest area for a row: its municipality by code, then a 学区 named like one of the
// municipality's descendants.
std::vector<std::string> areas_for(const ImportedActivity& a, const Site& site) {
    int city = -1;
    for (size_t i = 0; i < site.areas.size(); ++i)
        if (!a.municipality_code.empty() && site.areas[i].code == a.municipality_code) city = static_cast<int>(i);
    if (city < 0) return {};
    if (!a.school_district.empty()) {
        const std::string want = normalize_for_search(a.school_district);
        // Descendants by walking parents (resolve has not run).
        for (const Area& area : site.areas) {
            std::string p = area.parent;
            bool under = false;
            for (int guard = 0; !p.empty() && guard < 16; ++guard) {
                if (p == site.areas[static_cast<size_t>(city)].meta.id) {
                    under = true;
                    break;
                }
                const auto it = std::find_if(site.areas.begin(), site.areas.end(), [&](const Area& x) { return x.meta.id == p; });
                if (it == site.areas.end()) break;
                p = it->parent;
            }
            if (!under) continue;
            std::vector<std::string> names = area.aliases;
            names.push_back(area.name);
            for (const std::string& n : names) {
                const std::string key = normalize_for_search(n);
                if (!key.empty() && (key == want || key.rfind(want, 0) == 0)) return {area.meta.id};
            }
        }
    }
    return {site.areas[static_cast<size_t>(city)].meta.id};
}

std::string report_markdown(const FileRun& f) {
    const ImportFileCounts& c = f.counts;
    std::string md = "# 取り込みの報告 (import report): " + f.name + "\n\n";
    md += "- データセット (dataset): " + (c.dataset.empty() ? std::string("不明 (unknown)") : c.dataset) + "\n";
    md += "- 文字コード (encoding): " + c.encoding + "\n";
    md += "- 読んだ行 (rows read): " + std::to_string(c.rows_read) + "\n";
    md += "- 取り込み (imported): " + std::to_string(c.imported) + "（変更なし unchanged " + std::to_string(c.unchanged) + "）\n";
    md += "- 統合 (merged): " + std::to_string(c.merged) + "\n";
    md += "- 取り込まなかった行 (skipped): " + std::to_string(c.skipped) + "\n";
    md += "- 公開しない値 (held back): " + std::to_string(c.held_back) + "\n\n";
    std::vector<ReviewItem> items;
    for (const ImportedActivity& a : f.records)
        for (const ReviewItem& r : a.review) items.push_back(r);
    if (!items.empty()) {
        md += "## 確認してください (to review)\n\n"
              "このファイルには公開しない個人の情報が含まれます。サイトと一緒に公開しないでください。\n"
              "(This file holds private data that is not published; never publish it with the site.)\n\n"
              "| 行 line | ID | 列 column | 値 value | 扱い handling |\n|---|---|---|---|---|\n";
        auto cell = [](std::string s) {
            std::string out;
            for (char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
            return out;
        };
        for (const ReviewItem& r : items)
            md += "| " + std::to_string(r.line) + " | " + r.record_id + " | " + cell(r.field) + " | " + cell(r.value) + " | " +
                  (r.withheld ? "公開しない: " : "公開する・要確認: ") + cell(r.reason_ja) + " |\n";
        md += "\n";
    }
    if (!f.diags.empty()) {
        md += "## 診断 (diagnostics)\n\n```\n";
        Diagnostics sorted = f.diags;
        sort_diagnostics(sorted);
        for (const Diagnostic& d : sorted) md += format_diagnostic(d) + "\n";
        md += "```\n";
    }
    return md;
}

std::string minimal_site_yaml(const std::vector<const ImportedActivity*>& cities) {
    // One municipality: the site is that municipality's. Several: a wider directory with no code.
    const ImportedActivity& first = *cities.front();
    const bool one = cities.size() == 1;
    const std::string place = one && !first.municipality_name.empty() ? first.municipality_name : std::string("地域");
    YamlValue y = YamlValue::map();
    y.set("title", YamlValue::text(place + " 支え合いガイド"));
    y.set("description", YamlValue::text(place + "の居場所・活動の案内です（オープンデータから取り込みました）。"));
    if (one) y.set("municipality_code", YamlValue::text(first.municipality_code));
    y.set("base_url", YamlValue::text("https://example.org/"));
    y.set("language", YamlValue::text("ja"));
    y.set("areas_file", YamlValue::text("data/areas.yaml"));
    return "# tsunagu import が作った最小のサイト設定です。title と base_url を直してください。\n"
           "# (A minimal site made by tsunagu import: set title and base_url.)\n" +
           write_yaml_document(y);
}

}  // namespace

ImportResult run_import(const ImportOptions& options) {
    ImportResult result;
    std::vector<FileRun> runs;
    for (const fs::path& p : options.files) {
        FileRun f;
        f.path = p;
        f.shown = p.string();
        f.name = p.filename().string();
        f.counts.file = f.shown;
        runs.push_back(std::move(f));
    }
    for (FileRun& f : runs) {
        read_file(f, options);
        if (!f.layout) result.failed = true;
    }
    for (FileRun& f : runs)
        if (f.layout && f.layout->kind == DatasetKind::supplement) apply_supplement(f, runs);

    const fs::path dir = options.into;
    SiteState state = load_existing(dir);

    // A new site: site.yaml and one area per municipality seen, so the records have a home.
    Diagnostics& out_diags = result.diagnostics;
    if (!state.exists) {
        std::vector<const ImportedActivity*> cities;
        std::set<std::string> seen;
        for (const FileRun& f : runs)
            for (const ImportedActivity& a : f.records)
                if (!a.municipality_code.empty() && seen.insert(a.municipality_code).second) cities.push_back(&a);
        if (!cities.empty()) {
            std::string areas = "# tsunagu import が作った圏域です。日常生活圏域や地区を書き足してください。\n"
                                "# (Areas made by tsunagu import: add 日常生活圏域 and 地区 below each municipality.)\n";
            for (const ImportedActivity* c : cities) {
                YamlValue area = YamlValue::map();
                area.set("id", YamlValue::text("city-" + c->municipality_code));
                area.set("name", YamlValue::text(c->municipality_name.empty() ? "市区町村 " + c->municipality_code
                                                                               : c->municipality_name));
                area.set("level", YamlValue::text("市区町村"));
                area.set("code", YamlValue::text(c->municipality_code));
                std::string doc = write_yaml_document(area);
                // As a list item: "- " before the first line, two spaces before the others.
                std::string item;
                size_t start = 0;
                bool first_line = true;
                while (start < doc.size()) {
                    const size_t nl = doc.find('\n', start);
                    item += (first_line ? "- " : "  ") + doc.substr(start, nl - start) + "\n";
                    first_line = false;
                    start = nl + 1;
                }
                areas += "\n" + item;
                Area a;
                a.meta.id = "city-" + c->municipality_code;
                a.code = c->municipality_code;
                a.name = c->municipality_name;
                state.site.areas.push_back(a);
            }
            write_file_atomically(dir / "site.yaml", minimal_site_yaml(cities), out_diags);
            write_file_atomically(dir / "data" / "areas.yaml", areas, out_diags);
        }
    }

    // Overrides: read, never written.
    std::map<std::string, YamlValue> overrides;
    std::set<std::string> overrides_used;
    const fs::path overrides_path = dir / "import" / "overrides.yaml";
    if (std::error_code ec; fs::exists(overrides_path, ec)) {
        try {
            const YAML::Node root = YAML::LoadFile(overrides_path.string());
            if (root.IsMap()) {
                for (const auto& kv : root)
                    if (kv.second.IsMap()) overrides.emplace(kv.first.Scalar(), from_yaml_node(kv.second));
                    else
                        out_diags.push_back(make_error("import.overrides", node_pos(kv.first, overrides_path.string()),
                                                       "「" + kv.first.Scalar() + "」の値は 項目: 値 の対応表にしてください",
                                                       "the value of \"" + kv.first.Scalar() + "\" must be a mapping of fields"));
            } else if (!root.IsNull()) {
                out_diags.push_back(make_error("import.overrides", SourcePos{overrides_path.string(), 1, 1},
                                               "overrides.yaml は「ID: {項目: 値}」の対応表にしてください",
                                               "overrides.yaml must map record ids to fields"));
            }
        } catch (const YAML::Exception& e) {
            out_diags.push_back(make_error("import.overrides", SourcePos{overrides_path.string(), e.mark.line + 1, e.mark.column + 1},
                                           "overrides.yaml を読めません: " + e.msg, "cannot read overrides.yaml: " + e.msg));
            result.failed = true;
        }
    }
    if (result.failed && !overrides.empty()) overrides.clear();

    // Where each existing activity id lives, so a record written by hand is never replaced.
    std::unordered_map<std::string, std::string> existing_file;
    for (const Activity& a : state.site.activities) existing_file.emplace(a.meta.id, a.meta.pos.file);

    std::map<std::string, YamlValue> new_orgs;  // id → record
    std::map<std::string, std::string> new_org_origin;
    for (FileRun& f : runs) {
        if (!f.layout) continue;
        for (ImportedActivity& a : f.records) {
            // Organization: tsunagu's id, one that exists by name or alias, or a new one.
            if (!a.organization_id.empty() && state.org_ids.count(a.organization_id)) {
                a.record.set("organization", YamlValue::text(a.organization_id));
            } else if (!a.organization_name.empty()) {
                const std::string key = normalize_for_search(a.organization_name);
                std::string id;
                if (auto it = state.org_by_key.find(key); it != state.org_by_key.end()) id = it->second;
                else if (!a.organization_id.empty() && is_valid_id(a.organization_id)) id = a.organization_id;
                else id = "org-" + short_hash(key);
                if (!state.org_ids.count(id) && !new_orgs.count(id)) {
                    YamlValue org = YamlValue::map();
                    org.set("id", YamlValue::text(id));
                    org.set("name", YamlValue::text(a.organization_name));
                    if (const std::string form = legal_form_from_name(a.organization_name); !form.empty())
                        org.set("legal_form", YamlValue::text(form));
                    if (!a.corporate_number.empty()) org.set("corporate_number", YamlValue::text(a.corporate_number));
                    org.set("source", YamlValue::text(std::string(dataset_name_ja(f.layout->kind)) + "（" + f.name + "）"));
                    if (!options.as_of.empty()) org.set("as_of", YamlValue::text(options.as_of));
                    new_orgs.emplace(id, std::move(org));
                    new_org_origin.emplace(id, f.name + ":" + std::to_string(a.line));
                }
                a.record.set("organization", YamlValue::text(id));
            }
            // Areas: tsunagu's ids that exist, else by municipality code and 学区.
            std::vector<std::string> areas;
            for (const std::string& id : a.area_ids)
                if (std::any_of(state.site.areas.begin(), state.site.areas.end(), [&](const Area& x) { return x.meta.id == id; }))
                    areas.push_back(id);
            if (areas.empty()) areas = areas_for(a, state.site);
            if (areas.empty() && !a.municipality_code.empty())
                f.diags.push_back(make_warning("import.no_area", SourcePos{f.shown, a.line, 0},
                                               "圏域ファイルに全国地方公共団体コード " + a.municipality_code +
                                                   " の地域がないので、地域なしで取り込みました（areas.yaml に code: \"" +
                                                   a.municipality_code + "\" の地域を加えてください）",
                                               "no area with code " + a.municipality_code + " in the areas file; imported without an area"));
            if (!areas.empty()) {
                YamlValue list = YamlValue::list();
                for (const std::string& id : areas) list.items.push_back(YamlValue::text(id));
                a.record.set("areas", std::move(list));
            }
            if (auto it = overrides.find(a.id); it != overrides.end()) {
                overrides_used.insert(a.id);
                for (const auto& [k, v] : it->second.entries) {
                    if (k == "id") continue;
                    if (v.empty()) a.record.erase(k);
                    else a.record.set(k, v);
                }
            }
            order_activity_keys(a.record);
        }
    }

    // Write: activities, then organizations.
    for (FileRun& f : runs) {
        if (!f.layout) continue;
        int imported = 0;
        for (ImportedActivity& a : f.records) {
            const YamlValue* skip = a.record.find("skip");
            if (skip && skip->scalar == "true") {
                ++f.counts.skipped;
                f.diags.push_back(Diagnostic{Severity::note, "import.override_skip", SourcePos{f.shown, a.line, 0},
                                             a.id + " は overrides.yaml の skip: true で取り込みませんでした",
                                             a.id + " is not imported (skip: true in overrides.yaml)", {}});
                if (f.layout->kind == DatasetKind::supplement) --f.counts.merged;
                continue;
            }
            a.record.erase("skip");
            const fs::path path = dir / "data" / "activities" / (a.id + ".yaml");
            if (auto it = existing_file.find(a.id); it != existing_file.end() && fs::path(it->second) != path &&
                                                   fs::path(it->second).filename() != path.filename()) {
                ++f.counts.skipped;
                f.diags.push_back(make_warning("import.id_taken", SourcePos{f.shown, a.line, 0},
                                               "ID " + a.id + " は別のファイル " + it->second + " で使われているので、上書きしませんでした",
                                               "id " + a.id + " is used by " + it->second + "; not overwritten"));
                continue;
            }
            const FileState st = state_of(path);
            if (st == FileState::not_ours || st == FileState::ours_edited) {
                ++f.counts.skipped;
                f.diags.push_back(make_warning(
                    "import.hand_edited", SourcePos{f.shown, a.line, 0},
                    path.string() + (st == FileState::not_ours ? " は手で書かれたファイルなので" : " は手で直されているので") +
                        "上書きしませんでした。直した内容は import/overrides.yaml に移してください",
                    path.string() + " was written or edited by hand and is kept; move the changes to import/overrides.yaml"));
                continue;
            }
            const std::string content = stamped(f.name + ":" + std::to_string(a.line), write_yaml_document(a.record));
            if (st == FileState::ours_unchanged && same_content(path, content)) {
                ++f.counts.unchanged;
                ++imported;
            } else if (write_file_atomically(path, content, out_diags)) {
                ++imported;
            }
            for (const ReviewItem& r : a.review) f.counts.held_back += r.withheld ? 1 : 0;
        }
        f.counts.imported = imported - f.counts.merged;
        if (f.layout->kind == DatasetKind::supplement) f.counts.imported = 0;
    }
    for (auto& [id, org] : new_orgs) {
        const fs::path path = dir / "data" / "organizations" / (id + ".yaml");
        const FileState st = state_of(path);
        if (st == FileState::not_ours || st == FileState::ours_edited) continue;  // someone's own: keep it
        const std::string content = stamped(new_org_origin[id], write_yaml_document(org));
        if (!same_content(path, content) && write_file_atomically(path, content, out_diags)) ++result.organizations_created;
    }
    for (const auto& [id, _] : overrides)
        if (!overrides_used.count(id))
            out_diags.push_back(make_warning("import.override_unused", SourcePos{overrides_path.string(), 0, 0},
                                             "overrides.yaml の " + id + " に当たる行は、今回取り込んだファイルにありません",
                                             "no imported row has the id " + id + " named in overrides.yaml"));

    for (FileRun& f : runs) {
        const std::string stem = fs::path(f.name).stem().string();
        write_file_atomically(dir / "import" / "reports" / (stem + ".md"), report_markdown(f), out_diags);
        for (Diagnostic& d : f.diags) {
            if (d.severity == Severity::error) result.failed = result.failed || d.code == "import.read";
            out_diags.push_back(std::move(d));
        }
        result.files.push_back(f.counts);
    }
    return result;
}

}  // namespace tsunagu
