#include "index/search_index.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "index/search_documents.h"
#include "index/search_records.h"
#include "index/tokenizer.h"
#include "support/parallel.h"
#include "text/normalize.h"

namespace tsunagu {

namespace {

constexpr char kContinue[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
constexpr char kFinal[] = "0123456789abcdefghijklmnopqrstuv";
constexpr int kFormatVersion = 1;

// Postings of one token: doc << 4 | (weight − 1), in document order.
using PostingMap = std::unordered_map<std::string, std::vector<uint32_t>>;

std::string json_text(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string data_script(const char* kind, size_t number, const std::string& json) {
    std::string out;
    out.reserve(json.size() + 48);
    out += "tsunaguSearchData(\"";
    out += kind;
    out += "\",";
    out += std::to_string(number);
    out += ',';
    out += json;
    out += ");\n";
    return out;
}

// The tokens of one document with the highest weight each is found with, sorted by token.
std::vector<std::pair<std::string, uint8_t>> weighted_tokens(const SearchDocument& doc, const SynonymMatcher& synonyms) {
    std::vector<std::pair<std::string, uint8_t>> all;
    std::string key_text;
    auto add_field = [&](const SearchField& f) {
        for (std::string& t : f.single_chars ? tokenize_for_index(f.text) : tokenize_query(f.text))
            all.emplace_back(std::move(t), f.weight);
    };
    for (const SearchField& f : doc.fields) {
        add_field(f);
        if (f.weight >= kWeightCategory) key_text += f.text + "\n";
    }
    if (!synonyms.groups.empty())
        if (std::string more = synonyms.expansions(normalize_for_search(key_text)); !more.empty())
            add_field({kWeightSynonym, false, more});
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
    std::vector<std::pair<std::string, uint8_t>> out;
    for (auto& p : all)
        if (out.empty() || out.back().first != p.first) out.push_back(std::move(p));
    return out;
}

// Postings of documents [begin, end), one map per slice so threads never share one.
PostingMap index_slice(const Site& site, const SynonymMatcher& synonyms, size_t begin, size_t end) {
    PostingMap map;
    for (size_t doc = begin; doc < end; ++doc)
        for (auto& [token, weight] : weighted_tokens(search_document(site, doc), synonyms))
            map[token].push_back(static_cast<uint32_t>(doc << 4 | (weight - 1u)));
    return map;
}

std::string encode_postings(const std::vector<uint32_t>& postings) {
    std::string out;
    out.reserve(postings.size() * 2);
    long long previous = -1;
    for (uint32_t p : postings) {
        const long long doc = p >> 4;
        append_posting_value(out, static_cast<uint64_t>(doc - previous) * 16 + (p & 15));
        previous = doc;
    }
    return out;
}

}  // namespace

uint32_t token_hash(std::string_view token) {
    uint32_t h = 2166136261u;
    for (unsigned char c : token) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

void append_posting_value(std::string& out, uint64_t value) {
    char digits[16];
    int n = 0;
    digits[n++] = kFinal[value & 31];
    for (value >>= 5; value > 0; value >>= 5) digits[n++] = kContinue[value & 31];
    while (n > 0) out += digits[--n];
}

SearchIndexStats write_search_index(const Site& site, const EmitFile& emit, const SearchIndexOptions& options) {
    SearchIndexStats stats;
    const unsigned threads = options.threads ? options.threads : default_thread_count();
    const size_t docs = search_document_count(site);
    stats.documents = docs;
    const SynonymMatcher synonyms = synonym_matcher(site);
    std::atomic<size_t> bytes{0};
    auto write = [&](const std::string& path, const std::string& content) {
        bytes += content.size();
        emit(path, content);
    };

    // Tokens → postings: contiguous slices per thread, merged in slice order so every list
    // stays in document order.
    const size_t slices = std::max<size_t>(1, std::min<size_t>(threads * 4, docs / 256 + 1));
    std::vector<PostingMap> maps(slices);
    parallel_for(slices, [&](size_t s) { maps[s] = index_slice(site, synonyms, docs * s / slices, docs * (s + 1) / slices); }, threads);
    PostingMap merged = std::move(maps[0]);
    for (size_t s = 1; s < slices; ++s) {
        for (auto& [token, list] : maps[s]) {
            std::vector<uint32_t>& into = merged[token];
            into.insert(into.end(), list.begin(), list.end());
        }
        PostingMap().swap(maps[s]);
    }

    std::vector<std::pair<const std::string*, std::string>> encoded;
    encoded.reserve(merged.size());
    for (const auto& [token, list] : merged) {
        encoded.emplace_back(&token, std::string());
        stats.postings += list.size();
    }
    std::sort(encoded.begin(), encoded.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
    std::atomic<size_t> total{0};
    parallel_for(encoded.size(), [&](size_t i) {
        encoded[i].second = encode_postings(merged.at(*encoded[i].first));
        total += encoded[i].second.size() + encoded[i].first->size() + 6;
    }, threads);
    stats.tokens = encoded.size();

    // Enough shards that each is about the target size; a token with a long list makes its
    // shard bigger, never split (a query needs the whole list).
    const size_t shards = std::clamp<size_t>((total + options.shard_target_bytes - 1) / options.shard_target_bytes, 1, 65536);
    stats.shards = shards;
    std::vector<std::vector<size_t>> by_shard(shards);
    for (size_t i = 0; i < encoded.size(); ++i) by_shard[token_hash(*encoded[i].first) % shards].push_back(i);
    parallel_for(shards, [&](size_t s) {
        std::string json = "{";
        for (size_t i : by_shard[s]) {
            if (json.size() > 1) json += ',';
            json += json_text(*encoded[i].first);
            json += ":\"";
            json += encoded[i].second;
            json += '"';
        }
        json += '}';
        write("search/shards/" + std::to_string(s) + ".js", data_script("shard", s, json));
    }, threads);

    const size_t meta_files = (docs + options.meta_chunk - 1) / options.meta_chunk;
    parallel_for(meta_files, [&](size_t m) {
        nlohmann::json rows = nlohmann::json::array();
        for (size_t d = m * options.meta_chunk; d < std::min(docs, (m + 1) * options.meta_chunk); ++d) rows.push_back(search_meta_row(site, d));
        write("search/meta/" + std::to_string(m) + ".js", data_script("meta", m, json_text(rows)));
    }, threads);

    const size_t docs_files = (docs + options.docs_chunk - 1) / options.docs_chunk;
    parallel_for(docs_files, [&](size_t f) {
        const size_t begin = f * options.docs_chunk, end = std::min(docs, begin + options.docs_chunk);
        write("search/docs/" + std::to_string(f) + ".js", data_script("docs", f, json_text(search_facet_columns(site, begin, end))));
    }, threads);

    nlohmann::json manifest = search_manifest_vocabularies(site);
    manifest["version"] = kFormatVersion;
    manifest["documents"] = docs;
    manifest["activities"] = site.activities.size();
    manifest["shards"] = shards;
    manifest["meta_chunk"] = options.meta_chunk;
    manifest["docs_chunk"] = options.docs_chunk;
    manifest["meta_files"] = meta_files;
    manifest["docs_files"] = docs_files;
    write("search/manifest.js", data_script("manifest", 0, json_text(manifest)));
    stats.bytes = bytes;
    return stats;
}

}  // namespace tsunagu
