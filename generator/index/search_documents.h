// What the search index knows about each record: the weighted texts it is found by, and the
// facet values it is filtered by. Activities come first (in site order), then consultation
// points, then organizations; a document's number is its position in that order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/site.h"

namespace tsunagu {

// How much a token found in a field counts. A name or reading hit must outrank a body hit,
// so the gaps are wide; the index stores weight − 1 in four bits.
enum SearchWeight : uint8_t {
    kWeightBody = 1,        // description
    kWeightSummary = 3,     // one-line summary, eligibility, schedule text
    kWeightPlace = 4,       // area names, venue, address
    kWeightOrganization = 5,
    kWeightCategory = 7,    // content types, form, target people, topics
    kWeightSynonym = 9,     // a word of the same synonym group as a word of the record
    kWeightAlias = 12,      // aliases, local names, generic type
    kWeightReading = 14,
    kWeightName = 16,
};

struct SearchField {
    uint8_t weight;
    bool single_chars;      // also index each character, so one-character queries find it
    std::string text;
};

enum class SearchKind : uint8_t { activity = 0, consultation = 1, organization = 2 };

struct SearchDocument {
    SearchKind kind = SearchKind::activity;
    int record_ix = -1;
    std::vector<SearchField> fields;
};

// The fields of document `doc` (0 ≤ doc < search_document_count).
SearchDocument search_document(const Site& site, size_t doc);

// Total number of documents.
size_t search_document_count(const Site& site);

// Per synonym group, its words normalised for search, and a matcher: which groups a text
// mentions. Built once per site.
struct SynonymMatcher {
    std::vector<std::vector<std::string>> groups;       // original words
    std::vector<std::vector<std::string>> normalized;   // normalize_for_search of each word
    // The words of every group that `normalized_text` contains a word of, except the words found.
    std::string expansions(const std::string& normalized_text) const;
};
SynonymMatcher synonym_matcher(const Site& site);

}  // namespace tsunagu
