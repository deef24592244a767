// The search index writer: the posting encoding and hash the browser decodes, which files come
// out, that every token of a record's fields points back to it with the right weight, synonym
// expansion from data, and that private homes' exact addresses never reach the index.
#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "index/search_documents.h"
#include "index/search_index.h"
#include "index/tokenizer.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;
using nlohmann::json;

namespace {

constexpr std::string_view kFinal = "0123456789abcdefghijklmnopqrstuv";
constexpr std::string_view kContinue = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";

// The decoder of search.js, in C++: [(doc, weight)].
std::vector<std::pair<int, int>> decode(const std::string& text) {
    std::vector<std::pair<int, int>> out;
    long long v = 0, doc = -1;
    for (char c : text) {
        if (auto k = kContinue.find(c); k != std::string_view::npos) {
            v = v * 32 + static_cast<long long>(k);
            continue;
        }
        auto f = kFinal.find(c);
        REQUIRE(f != std::string_view::npos);
        v = v * 32 + static_cast<long long>(f);
        doc += v / 16;
        out.emplace_back(static_cast<int>(doc), static_cast<int>(v % 16) + 1);
        v = 0;
    }
    return out;
}

// The data inside `tsunaguSearchData("kind",N,DATA);`.
json payload(const std::string& file) {
    const size_t open = file.find(',', file.find(',') + 1);
    const size_t close = file.rfind(')');
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    return json::parse(file.substr(open + 1, close - open - 1));
}

Site sample_site() {
    Site s;
    Area city;
    city.meta.id = "aoba";
    city.name = "あおば市";
    city.level = "市区町村";
    Area kita;
    kita.meta.id = "kita";
    kita.name = "北地区";
    kita.level = "地区";
    kita.parent = "aoba";
    kita.towns = {"青葉町"};
    s.areas = {city, kita};

    Activity shokudo;
    shokudo.meta.id = "a-tokiwa-shokudo";
    shokudo.name = "ときわ子ども食堂";
    shokudo.reading = "ときわこどもしょくどう";
    shokudo.content_types = {"子ども食堂"};
    shokudo.target_people = {"子ども"};
    shokudo.areas = {"kita"};
    shokudo.description = "地域のボランティアが夕ごはんをつくります。";
    shokudo.fees = {{"子ども", 0, ""}};
    shokudo.accessibility.barrier_free = Tri::yes;
    shokudo.venue.geo = {35.7, 139.4, true};

    Activity salon;
    salon.meta.id = "b-igo";
    salon.name = "囲碁・将棋の会";
    salon.reading = "いご・しょうぎのかい";
    salon.content_types = {"交流・サロン"};
    salon.areas = {"kita"};
    salon.description = "食堂の二階で開きます。";
    salon.venue.name = "山田様宅";
    salon.venue.address = "あおば市青葉町2丁目";  // already cut by resolve/privacy
    salon.venue.private_home = true;
    salon.fees = {{"一般", 100, ""}};
    s.activities = {shokudo, salon};

    ConsultationPoint houkatsu;
    houkatsu.meta.id = "kita-houkatsu";
    houkatsu.name = "あおば市北地域包括支援センター";
    houkatsu.generic_type = "地域包括支援センター";
    houkatsu.topics = {"介護", "認知症"};
    houkatsu.areas_covered = {"kita"};
    houkatsu.fee_note = "相談は無料です";
    s.consultation_points = {houkatsu};

    s.synonyms = {SynonymGroup{{}, {"地域包括支援センター", "包括", "熟年相談室"}}};
    Diagnostics diags;
    resolve_site(s, diags);
    return s;
}

std::map<std::string, std::string> write_all(const Site& site, SearchIndexOptions options = {}) {
    std::map<std::string, std::string> files;
    std::mutex m;
    write_search_index(site, [&](const std::string& path, std::string_view content) {
        std::lock_guard lock(m);
        CHECK(files.emplace(path, std::string(content)).second);
    }, options);
    return files;
}

// (doc → weight) for `token` across all shards.
std::map<int, int> postings_of(const std::map<std::string, std::string>& files, const std::string& token) {
    const json manifest = payload(files.at("search/manifest.js"));
    const std::string shard = "search/shards/" + std::to_string(token_hash(token) % manifest["shards"].get<uint32_t>()) + ".js";
    const json data = payload(files.at(shard));
    std::map<int, int> out;
    if (!data.contains(token)) return out;
    for (auto [doc, w] : decode(data[token].get<std::string>())) out[doc] = w;
    return out;
}

}  // namespace

TEST_CASE("posting values: base-32 digits, the final one from its own alphabet") {
    std::string s;
    append_posting_value(s, 0);
    CHECK(s == "0");
    s.clear();
    append_posting_value(s, 31);
    CHECK(s == "v");
    s.clear();
    append_posting_value(s, 32);
    CHECK(s == "B0");
    s.clear();
    append_posting_value(s, 16 * 1000 + 15);
    CHECK(decode(s) == std::vector<std::pair<int, int>>{{999, 16}});
    s.clear();
    long long previous = -1;
    for (long long doc : {0, 1, 5, 300, 100000}) {  // deltas 1, 1, 4, 295, 99700 with weight 4
        append_posting_value(s, static_cast<uint64_t>(doc - previous) * 16 + 3);
        previous = doc;
    }
    CHECK(decode(s) == std::vector<std::pair<int, int>>{{0, 4}, {1, 4}, {5, 4}, {300, 4}, {100000, 4}});
}

TEST_CASE("token hash is FNV-1a 32 over UTF-8 bytes") {
    CHECK(token_hash("") == 2166136261u);
    CHECK(token_hash("a") == 0xe40c292cu);
    CHECK(token_hash("foobar") == 0xbf9cf968u);
    CHECK(token_hash("食堂") == token_hash(std::string("\xe9\xa3\x9f\xe5\xa0\x82")));
}

TEST_CASE("the index files of a small site") {
    const Site site = sample_site();
    auto files = write_all(site);
    REQUIRE(files.count("search/manifest.js"));
    const json manifest = payload(files.at("search/manifest.js"));
    CHECK(manifest["version"] == 1);
    CHECK(manifest["documents"] == 3);
    CHECK(manifest["activities"] == 2);
    CHECK(files.count("search/meta/0.js"));
    CHECK(files.count("search/docs/0.js"));
    const size_t shards = manifest["shards"];
    for (size_t i = 0; i < shards; ++i) CHECK(files.count("search/shards/" + std::to_string(i) + ".js"));
    CHECK(manifest["areas"][1][0] == "kita");
    CHECK(manifest["areas"][1][2] == 0);  // parent index
    CHECK(manifest["areas"][1][5] == json::array({"青葉町"}));
    for (const auto& [path, content] : files) CHECK_MESSAGE(content.rfind("tsunaguSearchData(\"", 0) == 0, path);

    SUBCASE("name tokens carry the name weight, body tokens the body weight") {
        CHECK(postings_of(files, "食堂") == std::map<int, int>{{0, kWeightName}, {1, kWeightBody}});
        CHECK(postings_of(files, "しょ")[0] == kWeightReading);  // from the reading
        CHECK(postings_of(files, "碁")[1] == kWeightName);      // single characters of names
        CHECK(postings_of(files, "二").empty());                 // … but not of descriptions
        CHECK(postings_of(files, "ぼら")[0] == kWeightBody);
    }
    SUBCASE("every query token of a name finds its record") {
        for (size_t d = 0; d < site.activities.size(); ++d)
            for (const std::string& t : tokenize_query(site.activities[d].name)) CHECK_MESSAGE(postings_of(files, t).count(static_cast<int>(d)), t);
    }
    SUBCASE("synonyms from data: 熟年相談室 finds the 地域包括支援センター") {
        CHECK(postings_of(files, "熟年")[2] == kWeightSynonym);
        CHECK(postings_of(files, "熟年").count(0) == 0);
    }
    SUBCASE("areas up the tree and 町名 of the address") {
        CHECK(postings_of(files, "北地")[0] == kWeightPlace);
        CHECK(postings_of(files, "市").empty() == false);
    }
    SUBCASE("meta rows and facet columns") {
        const json meta = payload(files.at("search/meta/0.js"));
        REQUIRE(meta.size() == 3);
        CHECK(meta[0][0] == "a-tokiwa-shokudo");
        CHECK(meta[0][2] == "activities/a-tokiwa-shokudo.html");
        CHECK(meta[2][2] == "consultation/kita-houkatsu.html");
        CHECK(meta[2][3] == 1);
        CHECK(meta[1][11] == 1);  // approximate point of a private home
        const json cols = payload(files.at("search/docs/0.js"));
        CHECK(cols["fe"] == json::array({1, 2, 1}));  // free, paid, free by the note
        CHECK(cols["ac"][0] == 1);
        CHECK(cols["k"] == json::array({0, 0, 1}));
        CHECK(cols["ar"][0] == json::array({1}));
        CHECK(cols["la"][0] == 3570000);
    }
    SUBCASE("the private home's name never reaches the index") {
        for (const auto& [path, content] : files) CHECK_MESSAGE(content.find("山田") == std::string::npos, path);
    }
}

TEST_CASE("output does not depend on the thread count and shards follow the target size") {
    const Site site = sample_site();
    SearchIndexOptions one, many;
    one.threads = 1;
    many.threads = 4;
    CHECK(write_all(site, one) == write_all(site, many));
    SearchIndexOptions tiny;
    tiny.shard_target_bytes = 64;
    const json manifest = payload(write_all(site, tiny).at("search/manifest.js"));
    CHECK(manifest["shards"].get<int>() > 4);
}
