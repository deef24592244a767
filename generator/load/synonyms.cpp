#include "load/synonyms.h"

#include <algorithm>
#include <map>

#include "load/source_files.h"
#include "load/yaml_file.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

std::string where(const SourcePos& p) { return p.file + ":" + std::to_string(p.line); }

const char* kGroupShapeJa = "同じ意味の言葉のまとまりは [子ども, こども, 子供] のように、2語以上のリストで書いてください";
const char* kGroupShapeEn = "a synonym group must be a list of two or more words, e.g. [子ども, こども, 子供]";

}  // namespace

std::vector<SynonymGroup> read_synonym_groups(const YAML::Node& doc, const std::string& rel, Diagnostics& diags) {
    std::vector<SynonymGroup> out;
    if (doc.IsNull()) return out;
    if (!doc.IsSequence()) {
        diags.push_back(make_error("synonyms.shape", node_pos(doc, rel),
                                   "synonyms は「- [言葉, 言葉, …]」のように、まとまりのリストで書いてください",
                                   "the synonyms file must be a list of groups, each a list of words"));
        return out;
    }
    // Compared as the search compares them, so こども and コドモ count as one word.
    std::map<std::string, SourcePos> first_seen;
    for (const YAML::Node& g : doc) {
        const SourcePos gpos = node_pos(g, rel);
        if (!g.IsSequence()) {
            diags.push_back(make_error("synonyms.shape", gpos, kGroupShapeJa, kGroupShapeEn));
            continue;
        }
        SynonymGroup group;
        group.pos = gpos;
        std::vector<std::string> keys;
        for (const YAML::Node& t : g) {
            const SourcePos tpos = node_pos(t, rel);
            if (!t.IsScalar()) {
                diags.push_back(make_error("synonyms.shape", tpos, "言葉は文字で書いてください（リストや対応表は入れられません）",
                                           "each word must be text, not a list or a mapping"));
                continue;
            }
            const std::string word = trim(t.Scalar());
            const std::string key = normalize_for_search(word);
            if (word.empty() || key.empty()) {
                diags.push_back(make_error("synonyms.empty", tpos, "空の言葉があります。消すか、言葉を書いてください",
                                           "an empty word in a synonym group: remove it or write the word"));
                continue;
            }
            if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
                diags.push_back(make_warning("synonyms.duplicate", tpos,
                                             "「" + word + "」はこのまとまりに二度書かれています（検索では同じ言葉です）",
                                             "\"" + word + "\" is written twice in this group (search treats both as one word)"));
                continue;
            }
            auto [it, fresh] = first_seen.emplace(key, tpos);
            if (!fresh)
                diags.push_back(make_warning("synonyms.duplicate", tpos,
                                             "「" + word + "」は " + where(it->second) + " の別のまとまりにもあります。検索で両方のまとまりが広がります",
                                             "\"" + word + "\" is also in the group at " + where(it->second) +
                                                 "; a search for it expands to both groups"));
            keys.push_back(key);
            group.terms.push_back(word);
        }
        if (group.terms.size() < 2) {
            diags.push_back(make_error("synonyms.group", gpos, kGroupShapeJa, kGroupShapeEn));
            continue;
        }
        out.push_back(std::move(group));
    }
    return out;
}

std::vector<SynonymGroup> load_synonyms(const fs::path& source_dir, Diagnostics& diags) {
    std::vector<std::string> found;
    std::error_code ec;
    for (const char* name : {"data/synonyms.yaml", "data/synonyms.yml", "data/synonyms.json"})
        if (fs::is_regular_file(source_dir / name, ec) && is_inside(source_dir, source_dir / name)) found.push_back(name);
    if (found.empty()) return {};
    if (found.size() > 1)
        diags.push_back(make_error("synonyms.shape", SourcePos{found[1], 0, 0},
                                   found[0] + " と " + found[1] + " の両方があります。一つにまとめてください",
                                   "both " + found[0] + " and " + found[1] + " exist; keep one"));
    const std::string& rel = found[0];
    auto text = read_text_file((source_dir / rel).string(), rel, diags);
    if (!text) return {};
    auto doc = parse_yaml_text(*text, rel, diags);
    if (!doc) return {};
    return read_synonym_groups(*doc, rel, diags);
}

}  // namespace tsunagu
