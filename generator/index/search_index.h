// The index stage: writes the site's search index under search/, for the search page's script
// (themes/default/assets/js/search.js) to read with no server. Every file is a classic script
// that calls window.tsunaguSearchData(kind, number, data): script elements load from file://
// and from any sub-path, where fetch() of a file:// URL is refused.
//
//   search/manifest.js      kind "manifest": format version, document and shard counts, chunk
//                           sizes, the facet vocabularies and the area tree (ids, names,
//                           parents, centres, 町名) — small, loaded first.
//   search/shards/N.js      kind "shard": {token: postings} for every token whose hash lands in
//                           shard N (FNV-1a 32 of the token's UTF-8 bytes, modulo the shard
//                           count), tokens from index/tokenizer.h. A query loads the manifest
//                           and only the shards of its own tokens.
//   search/meta/N.js        kind "meta": what a result shows, for documents N×meta_chunk …
//                           (activities, consultation points, organizations: id, title, url,
//                           kind, categories, areas, summary, reading, schedule,
//                           point) — loaded only for the results on screen.
//   search/docs/N.js        kind "docs": facet columns for documents N×docs_chunk … (content
//                           types, form, targets, areas, weekdays, time of day, fee,
//                           accessibility, status, point, schedule) — loaded for filtering,
//                           facet counts and distance ordering.
//
// Postings: for each document containing the token, in document order, the value
// (doc − previous doc) × 16 + (weight − 1) (previous doc starts at −1), written as base-32
// digits most significant first: non-final digits from "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_",
// the final digit from "0123456789abcdefghijklmnopqrstuv". The weight is the highest weight
// (search_documents.h) of the fields the token occurs in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/output.h"
#include "model/site.h"

namespace tsunagu {

struct SearchIndexOptions {
    unsigned threads = 0;             // 0 = all cores
    size_t shard_target_bytes = 12 * 1024;
    size_t meta_chunk = 32;           // documents per meta file
    size_t docs_chunk = 2000;         // documents per facet file
};

struct SearchIndexStats {
    size_t documents = 0;
    size_t tokens = 0;
    size_t postings = 0;
    size_t shards = 0;
    size_t bytes = 0;                 // all files under search/ except the page
};

SearchIndexStats write_search_index(const Site& site, const EmitFile& emit, const SearchIndexOptions& options = {});

// FNV-1a 32 over the UTF-8 bytes (the JavaScript side computes the same).
uint32_t token_hash(std::string_view token);

// Appends one posting value in the encoding described above.
void append_posting_value(std::string& out, uint64_t value);

}  // namespace tsunagu
