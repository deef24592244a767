#include "load/load_site.h"

#include <algorithm>

#include "load/case_readers.h"
#include "load/field_reader.h"
#include "load/handbook_readers.h"
#include "load/fund_readers.h"
#include "load/record_readers.h"
#include "load/source_files.h"
#include "load/synonyms.h"
#include "load/yaml_file.h"
#include "support/parallel.h"
#include "text/codes.h"

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kDataExts = {".yaml", ".yml", ".json"};

// Each file yields records of one kind, or several when the file holds a list.
template <class Record, class ReadFn>
std::vector<Record> read_records_file(const SourceFile& f, ReadFn read, Diagnostics& diags) {
    std::vector<Record> out;
    auto text = read_text_file(f.abs.string(), f.rel, diags);
    if (!text) return out;
    auto doc = parse_yaml_text(*text, f.rel, diags);
    if (!doc) return out;
    auto read_one = [&](const YAML::Node& n) {
        if (!n.IsMap()) {
            diags.push_back(make_error("field.type", node_pos(n, f.rel),
                                       "記録は「キー: 値」の対応表で書いてください", "a record must be a mapping of key: value"));
            return;
        }
        FieldReader r(n, f.rel, diags);
        out.push_back(read(r));
    };
    if (doc->IsMap()) {
        read_one(*doc);
    } else if (doc->IsSequence()) {
        for (const YAML::Node& n : *doc) read_one(n);
    } else if (doc->IsNull()) {
        diags.push_back(make_warning("file.empty", SourcePos{f.rel, 0, 0}, "ファイルが空です", "the file is empty"));
    } else {
        diags.push_back(make_error("field.type", node_pos(*doc, f.rel),
                                   "記録は「キー: 値」の対応表か、そのリストで書いてください",
                                   "a file must hold a record (a mapping) or a list of records"));
    }
    return out;
}

// Reads every file of one kind in parallel; concatenates in file order, so results are stable.
template <class Record, class ReadFn>
std::vector<Record> read_kind(const std::vector<SourceFile>& files, ReadFn read, Diagnostics& diags, unsigned threads) {
    std::vector<std::vector<Record>> per_file(files.size());
    std::vector<Diagnostics> per_file_diags(files.size());
    parallel_for(files.size(), [&](size_t i) { per_file[i] = read_records_file<Record>(files[i], read, per_file_diags[i]); },
                 threads);
    std::vector<Record> out;
    size_t total = 0;
    for (const auto& v : per_file) total += v.size();
    out.reserve(total);
    for (size_t i = 0; i < files.size(); ++i) {
        for (Record& r : per_file[i]) out.push_back(std::move(r));
        for (Diagnostic& d : per_file_diags[i]) diags.push_back(std::move(d));
    }
    return out;
}

bool valid_content_slug(const std::string& slug) {
    size_t start = 0;
    while (start <= slug.size()) {
        const size_t slash = slug.find('/', start);
        const std::string seg = slug.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!is_valid_id(seg)) return false;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return !slug.empty();
}

std::optional<ContentPage> read_content_page(const SourceFile& f, Diagnostics& diags) {
    auto text = read_text_file(f.abs.string(), f.rel, diags);
    if (!text) return std::nullopt;
    ContentPage page;
    page.pos = SourcePos{f.rel, 1, 1};
    std::string rel_in_content = f.rel.substr(std::string("content/").size());
    page.slug = rel_in_content.substr(0, rel_in_content.size() - 3);  // drop ".md"
    if (!valid_content_slug(page.slug)) {
        diags.push_back(make_error("id.invalid", page.pos,
                                   "ページのファイル名 \"" + rel_in_content + "\" は使えません。半角英小文字・数字・ハイフンにしてください",
                                   "page file name \"" + rel_in_content + "\" is invalid: use a-z, 0-9 and '-'"));
        return std::nullopt;
    }
    std::string_view fm, body;
    std::string_view all(*text);
    if (all.substr(0, 3) == "\xEF\xBB\xBF") all.remove_prefix(3);
    if (!split_front_matter(all, fm, body)) {
        diags.push_back(make_error("content.front_matter", page.pos,
                                   "ページの先頭に「---」で囲んだ前付け（title など）がありません",
                                   "the page has no front matter (title etc.) between --- lines"));
        return std::nullopt;
    }
    auto doc = parse_yaml_text(fm, f.rel, diags, /*line_offset=*/1);
    if (!doc) return std::nullopt;
    if (!doc->IsMap()) {
        diags.push_back(make_error("content.front_matter", page.pos, "前付けは「キー: 値」で書いてください",
                                   "front matter must be a mapping of key: value"));
        return std::nullopt;
    }
    FieldReader r(*doc, f.rel, diags, {}, 1);
    r.text("title", page.title, Need::required);
    r.text("description", page.description);
    std::optional<int> order;
    r.integer("order", order, -100000, 100000);
    page.order = order.value_or(0);
    r.boolean("nav", page.in_nav);
    r.finish();
    page.body = std::string(body);
    return page;
}

}  // namespace

bool split_front_matter(std::string_view text, std::string_view& front_matter, std::string_view& body) {
    auto starts_with_fence = [](std::string_view s) { return s.substr(0, 4) == "---\n" || s.substr(0, 5) == "---\r\n"; };
    if (!starts_with_fence(text)) return false;
    const size_t fm_start = text[3] == '\n' ? 4 : 5;
    size_t pos = fm_start;
    while (pos <= text.size()) {
        const size_t eol = text.find('\n', pos);
        std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == "---") {
            front_matter = text.substr(fm_start, pos - fm_start);
            body = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
            return true;
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return false;
}

Site load_site(const fs::path& source_dir, Diagnostics& diags, const LoadOptions& options) {
    Site site;
    const fs::path site_yaml = source_dir / "site.yaml";
    std::error_code ec;
    if (!fs::is_regular_file(site_yaml, ec)) {
        diags.push_back(make_error("site.config", SourcePos{"site.yaml", 0, 0},
                                   "site.yaml がありません。サイトのフォルダを指定してください（tsunagu new で作れます）",
                                   "site.yaml is missing: point --source at a site folder"));
        return site;
    }
    if (auto text = read_text_file(site_yaml.string(), "site.yaml", diags)) {
        if (auto doc = parse_yaml_text(*text, "site.yaml", diags)) {
            if (doc->IsMap()) {
                FieldReader r(*doc, "site.yaml", diags);
                site.config = read_site_config(r);
            } else {
                diags.push_back(make_error("site.config", SourcePos{"site.yaml", 1, 1}, "site.yaml は「キー: 値」で書いてください",
                                           "site.yaml must be a mapping of key: value"));
            }
        }
    }
    if (!is_valid_id(site.config.theme)) {
        diags.push_back(make_error("site.config", site.config.pos, "テーマ名 \"" + site.config.theme + "\" は使えません",
                                   "theme name \"" + site.config.theme + "\" is invalid"));
        site.config.theme = "default";
    }

    // Areas: one file named by site.yaml, which must stay inside the source folder.
    const std::string areas_rel = fs::path(site.config.areas_file).lexically_normal().generic_string();
    const fs::path areas_path = source_dir / areas_rel;
    if (areas_rel.empty() || areas_rel.rfind("..", 0) == 0 || fs::path(areas_rel).is_absolute() ||
        !is_inside(source_dir, areas_path)) {
        diags.push_back(make_error("site.config", site.config.pos, "areas_file はサイトのフォルダの中を指してください",
                                   "areas_file must name a file inside the site folder"));
    } else if (fs::is_regular_file(areas_path, ec)) {
        site.areas = read_kind<Area>({SourceFile{areas_path, areas_rel}}, read_area, diags, 1);
    } else {
        diags.push_back(make_error("site.config", SourcePos{"site.yaml", 0, 0}, "地域のファイル " + areas_rel + " がありません",
                                   "the areas file " + areas_rel + " does not exist"));
    }

    const unsigned threads = options.threads;
    site.organizations = read_kind<Organization>(list_source_files(source_dir, "data/organizations", kDataExts, diags),
                                                 read_organization, diags, threads);
    site.activities = read_kind<Activity>(list_source_files(source_dir, "data/activities", kDataExts, diags),
                                          read_activity, diags, threads);
    site.consultation_points = read_kind<ConsultationPoint>(
        list_source_files(source_dir, "data/consultation", kDataExts, diags), read_consultation_point, diags, threads);
    site.difficulties = read_kind<Difficulty>(list_source_files(source_dir, "data/difficulties", kDataExts, diags),
                                              read_difficulty, diags, threads);
    site.funds = read_kind<Fund>(list_source_files(source_dir, "data/funds", kDataExts, diags), read_fund, diags, threads);
    site.fund_years = read_kind<FundYear>(list_source_files(source_dir, "data/fund-years", kDataExts, diags),
                                          read_fund_year, diags, threads);
    site.grants = read_kind<Grant>(list_source_files(source_dir, "data/grants", kDataExts, diags), read_grant, diags, threads);
    site.cases = read_kind<CaseStudy>(list_source_files(source_dir, "data/cases", kDataExts, diags), read_case_study, diags,
                                      threads);
    site.networks =
        read_kind<Network>(list_source_files(source_dir, "data/networks", kDataExts, diags), read_network, diags, threads);
    site.reports = read_kind<CouncilReport>(list_source_files(source_dir, "data/council-reports", kDataExts, diags),
                                            read_council_report, diags, threads);
    site.gap_matrix = load_gap_matrix(source_dir, diags);
    site.handbooks = read_kind<Handbook>(list_source_files(source_dir, "handbooks", kDataExts, diags), read_handbook, diags, threads);
    read_handbook_files(source_dir, site.handbooks, diags);
    site.synonyms = load_synonyms(source_dir, diags);

    const auto pages = list_source_files(source_dir, "content", {".md"}, diags);
    std::vector<std::optional<ContentPage>> loaded(pages.size());
    std::vector<Diagnostics> page_diags(pages.size());
    parallel_for(pages.size(), [&](size_t i) { loaded[i] = read_content_page(pages[i], page_diags[i]); }, threads);
    for (size_t i = 0; i < pages.size(); ++i) {
        if (loaded[i]) site.pages.push_back(std::move(*loaded[i]));
        for (Diagnostic& d : page_diags[i]) diags.push_back(std::move(d));
    }
    return site;
}

}  // namespace tsunagu
