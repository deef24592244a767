// The search tokenizer against the table it shares with the browser script
// (tests/spec/tokenizer.json; tests/e2e/tokenizer_js.test.mjs runs the same rows through
// themes/default/assets/js/tokenizer.js), plus properties the table cannot state row by row.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/tokenizer.h"
#include "text/normalize.h"

using namespace tsunagu;
using nlohmann::json;

namespace {

struct Row {
    std::string input, normalized;
    std::vector<std::string> index, query;
};

std::vector<Row> spec_rows() {
    std::ifstream in(TSUNAGU_SOURCE_DIR "/tests/spec/tokenizer.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    const json doc = json::parse(ss.str());
    std::vector<Row> rows;
    for (const auto& r : doc.at("rows"))
        rows.push_back({r.at("input").get<std::string>(), r.at("normalized").get<std::string>(),
                        r.at("index").get<std::vector<std::string>>(),
                        r.at("query").get<std::vector<std::string>>()});
    return rows;
}

}  // namespace

TEST_CASE("tokenizer: every row of tests/spec/tokenizer.json") {
    const auto rows = spec_rows();
    CHECK(rows.size() >= 60);
    for (const auto& r : rows) {
        CAPTURE(r.input);
        CHECK(normalize_for_search(r.input) == r.normalized);
        CHECK(tokenize_for_index(r.input) == r.index);
        CHECK(tokenize_query(r.input) == r.query);
    }
}

TEST_CASE("tokenizer: runs are normalize_for_search with boundaries kept") {
    // tokenizer.cpp repeats normalize_for_search's loop to keep the boundaries; joined back
    // (minus the separator characters such as + and ¥ that normalisation keeps) they agree.
    for (const auto& r : spec_rows()) {
        CAPTURE(r.input);
        std::string joined;
        for (const auto& run : search_runs(r.input)) joined += run;
        // The only separator characters in the table are ASCII symbols and ¥ (U+00A5).
        std::string expected;
        const std::string norm = normalize_for_search(r.input);
        for (size_t i = 0; i < norm.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(norm[i]);
            if (c < 0x80 && !std::isalnum(c)) continue;
            if (norm.compare(i, 2, "\xC2\xA5") == 0) { ++i; continue; }
            expected += norm[i];
        }
        CHECK(joined == expected);
    }
    CHECK(search_runs("子ども 食堂") == std::vector<std::string>{"子ども", "食堂"});
    CHECK(search_runs("ABCマート") == std::vector<std::string>{"abc", "まーと"});
    CHECK(search_runs("A+B") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("tokenizer: query tokens are index tokens; index is unique and sorted; deterministic") {
    for (const auto& r : spec_rows()) {
        CAPTURE(r.input);
        const auto index = tokenize_for_index(r.input);
        const auto query = tokenize_query(r.input);
        const std::set<std::string> in_index(index.begin(), index.end());
        for (const auto& q : query) CHECK(in_index.count(q) == 1);
        CHECK(std::is_sorted(index.begin(), index.end()));
        CHECK(std::adjacent_find(index.begin(), index.end()) == index.end());
        CHECK(tokenize_for_index(r.input) == index);
        CHECK(tokenize_query(r.input) == query);
        // Normalising first changes nothing: the index can store normalised text.
        CHECK(tokenize_for_index(r.normalized) == tokenize_for_index(normalize_for_search(r.normalized)));
    }
}

TEST_CASE("tokenizer: one-character and differently written queries meet the index") {
    const auto index = tokenize_for_index("「子ども」食堂・サロン　水曜");
    auto has = [&](const std::string& t) { return std::binary_search(index.begin(), index.end(), t); };
    // Readings only meet text written in kana: こども does not find 子ども (the index of a
    // record's reading field is what finds it).
    for (const std::string q : {"食", "ｻﾛﾝ", "さろん", "子ども", "水曜", "ども"})
        for (const auto& t : tokenize_query(q)) {
            CAPTURE(q);
            CHECK(has(t));
        }
    CHECK(tokenize_for_index("桜ヶ丘") == tokenize_for_index("桜ケ丘"));
    CHECK(tokenize_for_index("桜ヶ丘") != tokenize_for_index("桜が丘"));
}

TEST_CASE("tokenizer: ill-formed UTF-8 does not throw") {
    CHECK(tokenize_query("a\xFF" "b") == std::vector<std::string>{"a", "b"});
    CHECK_NOTHROW(tokenize_for_index(std::string(1, '\0') + "\xE3\x81"));
}
