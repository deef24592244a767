// data/synonyms.yaml: groups of words residents use for the same thing (子ども/こども/子供,
// 地域包括支援センター/包括/熟年相談室). Optional; the search index reads site.synonyms.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/diagnostic.h"
#include "model/records.h"

namespace tsunagu {

// Reads the synonyms file of a site, when there is one (synonyms.yaml, .yml or .json under data/).
std::vector<SynonymGroup> load_synonyms(const std::filesystem::path& source_dir, Diagnostics& diags);

// The parsed document: a list of groups, each a list of at least two words. Empty words are
// errors; a word in two groups is a warning (a query for it would pull in both groups).
std::vector<SynonymGroup> read_synonym_groups(const YAML::Node& doc, const std::string& rel, Diagnostics& diags);

}  // namespace tsunagu
