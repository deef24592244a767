// 困りごと (data/difficulties/) and search synonyms (data/synonyms.yaml): loading, the
// diagnostics for bad input with their lines, resolve's order, and the check against the
// site's consultation points.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "check/check_site.h"
#include "load/load_site.h"
#include "load/synonyms.h"
#include "resolve/resolve_site.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

fs::path make_site(const char* name) {
    fs::path d = fs::temp_directory_path() / ("tsunagu-difficulty-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d / "data/difficulties");
    fs::create_directories(d / "data/consultation");
    std::ofstream(d / "site.yaml") << "title: テスト\nbase_url: https://example.org/\n";
    std::ofstream(d / "data/areas.yaml") << "- {id: city, name: テスト市, level: 市区町村}\n";
    std::ofstream(d / "data/consultation/houkatsu.yaml")
        << "id: houkatsu\nname: 包括\ngeneric_type: 地域包括支援センター\ntopics: [介護, 認知症, 物忘れ]\n";
    return d;
}

Site load_checked(const fs::path& d, Diagnostics& diags) {
    Site s = load_site(d, diags);
    resolve_site(s, diags);
    check_site(s, diags);
    return s;
}

const Diagnostic* find_code(const Diagnostics& ds, const std::string& code) {
    for (const Diagnostic& d : ds)
        if (d.code == code) return &d;
    return nullptr;
}

void dump(const Diagnostics& ds) {
    for (const Diagnostic& d : ds) MESSAGE(format_diagnostic(d));
}

}  // namespace

TEST_CASE("difficulties load one per file, vocabulary labels normalised, sorted by order then id") {
    fs::path d = make_site("ok");
    std::ofstream(d / "data/difficulties/b.yaml") << "id: b\ntitle: 一人暮らしで不安\nreading: ひとりぐらしでふあん\norder: 20\n"
                                                     "content_types: [見守り, salon]\ntarget_people: [一人暮らし]\n"
                                                     "topics: [介護]\nsearch_words: [一人暮らし, 見守り]\n";
    std::ofstream(d / "data/difficulties/a.yaml") << "id: a\ntitle: 親が認知症かもしれない\norder: 10\n"
                                                     "description: |\n  まず**相談**を。\ncontent_types: 認知症カフェ\n"
                                                     "topics: [認知症, 物忘れ]\nconsultation_types: [地域包括支援センター]\n";
    std::ofstream(d / "data/difficulties/c.yaml") << "id: c\ntitle: 同じ順番\norder: 10\ncontent_types: [会食]\n";
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);
    CHECK(diags.empty());
    REQUIRE(s.difficulties.size() == 3);
    CHECK(s.difficulties[0].meta.id == "a");  // order 10, id a
    CHECK(s.difficulties[1].meta.id == "c");  // order 10, id c
    CHECK(s.difficulties[2].meta.id == "b");  // order 20
    const Difficulty& b = s.difficulties[2];
    CHECK(b.title == "一人暮らしで不安");
    CHECK(b.reading == "ひとりぐらしでふあん");
    CHECK(b.content_types == std::vector<std::string>{"見守り", "交流・サロン"});  // the slug becomes its label
    CHECK(b.target_people == std::vector<std::string>{"一人暮らし"});
    CHECK(b.search_words == std::vector<std::string>{"一人暮らし", "見守り"});
    const Difficulty& a = s.difficulties[0];
    CHECK(a.description == "まず**相談**を。");  // text is trimmed
    CHECK(a.content_types == std::vector<std::string>{"認知症カフェ"});  // a single value is a list of one
    CHECK(a.consultation_types == std::vector<std::string>{"地域包括支援センター"});
}

TEST_CASE("bad difficulty fields are reported at their lines, with known values and did-you-mean") {
    fs::path d = make_site("bad");
    std::ofstream(d / "data/difficulties/bad.yaml") << "id: bad\n"                     // 1
                                                       "title: 介護に疲れた\n"         // 2
                                                       "content_types: [見守り, 介護]\n"  // 3
                                                       "target_people: [こども]\n"      // 4
                                                       "topic: [介護]\n"                 // 5
                                                       "order: たくさん\n";             // 6
    std::ofstream(d / "data/difficulties/no-title.yaml") << "id: no-title\ncontent_types: [会食]\n";
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);

    int content = 0, target = 0;
    for (const Diagnostic& x : diags) {
        if (x.code == "field.value" && x.pos.file == "data/difficulties/bad.yaml" && x.pos.line == 3) {
            ++content;
            CHECK(x.ja.find("介護") != std::string::npos);
            CHECK(x.hint.find("使える値 (known values)") != std::string::npos);
            CHECK(x.hint.find("認知症カフェ") != std::string::npos);
            CHECK(x.pos.column > 16);  // the bad element itself, not the list
        }
        if (x.code == "field.value" && x.pos.line == 4) ++target;
    }
    CHECK(content == 1);
    CHECK(target == 1);

    const Diagnostic* unknown = find_code(diags, "field.unknown");
    REQUIRE(unknown);
    CHECK(unknown->pos.line == 5);
    CHECK(unknown->hint.find("topics") != std::string::npos);

    const Diagnostic* order = find_code(diags, "field.type");
    REQUIRE(order);
    CHECK(order->pos.line == 6);

    const Diagnostic* missing = find_code(diags, "field.missing");
    REQUIRE(missing);
    CHECK(missing->pos.file == "data/difficulties/no-title.yaml");
    CHECK(missing->ja.find("title") != std::string::npos);

    const std::string line = format_diagnostic(*unknown);
    CHECK(line.rfind("data/difficulties/bad.yaml:5:1: error: field.unknown: ", 0) == 0);
    CHECK(line.find("(unknown field topic)") != std::string::npos);
}

TEST_CASE("topics and consultation_types no consultation point uses are warnings at the element") {
    fs::path d = make_site("typo");
    std::ofstream(d / "data/difficulties/x.yaml") << "id: x\n"
                                                     "title: 親が認知症かもしれない\n"
                                                     "content_types: [認知症カフェ]\n"
                                                     "topics:\n"
                                                     "  - 認知症\n"
                                                     "  - 物わすれ\n"            // line 6: typo of 物忘れ
                                                     "consultation_types: [地域包括支援センタ]\n";  // line 7
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);
    CHECK_FALSE(has_errors(diags));
    const Diagnostic* topic = find_code(diags, "difficulty.topics");
    REQUIRE(topic);
    CHECK(topic->severity == Severity::warning);
    CHECK(topic->pos.file == "data/difficulties/x.yaml");
    CHECK(topic->pos.line == 6);
    CHECK(topic->pos.column == 5);
    CHECK(topic->hint.find("物忘れ") != std::string::npos);
    const Diagnostic* type = find_code(diags, "difficulty.consultation_types");
    REQUIRE(type);
    CHECK(type->pos.line == 7);
    CHECK(type->hint.find("地域包括支援センター") != std::string::npos);
    CHECK(count(diags, Severity::warning) == 2);  // 認知症 matches
}

TEST_CASE("a difficulty that leads nowhere, a duplicate id and a content page named komarigoto are reported") {
    fs::path d = make_site("nowhere");
    std::ofstream(d / "data/difficulties/a.yaml") << "id: same\ntitle: どこへも行かない\nsearch_words: [何か]\n";
    std::ofstream(d / "data/difficulties/b.yaml") << "id: same\ntitle: 二つ目\ncontent_types: [会食]\n";
    fs::create_directories(d / "content");
    std::ofstream(d / "content/komarigoto.md") << "---\ntitle: 困りごと\n---\n本文\n";
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);
    const Diagnostic* empty = find_code(diags, "difficulty.empty");
    REQUIRE(empty);
    CHECK(empty->severity == Severity::warning);
    CHECK(empty->pos.file == "data/difficulties/a.yaml");
    CHECK(empty->pos.line == 1);
    const Diagnostic* dup = find_code(diags, "id.duplicate");
    REQUIRE(dup);
    CHECK(dup->pos.file == "data/difficulties/b.yaml");
    CHECK(s.difficulties.size() == 1);
    const Diagnostic* reserved = find_code(diags, "id.invalid");
    REQUIRE(reserved);
    CHECK(reserved->pos.file == "content/komarigoto.md");
}

TEST_CASE("a site without difficulties or synonyms loads as before") {
    fs::path d = make_site("none");
    fs::remove_all(d / "data/difficulties");
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);
    CHECK(diags.empty());
    CHECK(s.difficulties.empty());
    CHECK(s.synonyms.empty());
}

TEST_CASE("synonyms load as groups in file order") {
    fs::path d = make_site("syn-ok");
    std::ofstream(d / "data/synonyms.yaml") << "# 同じ意味の言葉\n- [子ども, こども, 子供]\n- - 地域包括支援センター\n  - 包括\n  - 熟年相談室\n";
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);
    CHECK(diags.empty());
    REQUIRE(s.synonyms.size() == 2);
    CHECK(s.synonyms[0].terms == std::vector<std::string>{"子ども", "こども", "子供"});
    CHECK(s.synonyms[0].pos.file == "data/synonyms.yaml");
    CHECK(s.synonyms[0].pos.line == 2);
    CHECK(s.synonyms[1].terms == std::vector<std::string>{"地域包括支援センター", "包括", "熟年相談室"});
    CHECK(s.synonyms[1].pos.line == 3);
}

TEST_CASE("bad synonyms: short groups and empty words are errors, a word in two groups a warning") {
    fs::path d = make_site("syn-bad");
    std::ofstream(d / "data/synonyms.yaml") << "- [見守り, 安否確認]\n"      // 1
                                               "- [サロン]\n"                // 2: one word
                                               "- [社協, \"\", 社会福祉協議会]\n"  // 3: empty word
                                               "- [声かけ, 呼びかけ]\n"      // 4
                                               "- [見守り, 見守り活動]\n"    // 5: 見守り also in line 1
                                               "- 居場所\n"                  // 6: not a list
                                               "- [カフェ, かふぇ]\n";       // 7: the same word for search
    Diagnostics diags;
    Site s = load_checked(d, diags);
    dump(diags);
    int group = 0, empty = 0, dup = 0;
    for (const Diagnostic& x : diags) {
        CHECK(x.pos.file == "data/synonyms.yaml");
        if (x.code == "synonyms.group") {
            ++group;
            CHECK(x.severity == Severity::error);
            CHECK((x.pos.line == 2 || x.pos.line == 7));
        }
        if (x.code == "synonyms.empty") {
            ++empty;
            CHECK(x.severity == Severity::error);
            CHECK(x.pos.line == 3);
            CHECK(x.pos.column > 3);
        }
        if (x.code == "synonyms.duplicate") {
            ++dup;
            CHECK(x.severity == Severity::warning);
            if (x.pos.line == 5) CHECK(x.en.find("data/synonyms.yaml:1") != std::string::npos);
            else CHECK(x.pos.line == 7);
        }
        if (x.code == "synonyms.shape") CHECK(x.pos.line == 6);
    }
    CHECK(group == 2);  // [サロン], and [カフェ, かふぇ] which is one word twice
    CHECK(empty == 1);
    CHECK(dup == 2);
    CHECK(find_code(diags, "synonyms.shape"));
    // The good groups are kept; the one-word group is not.
    REQUIRE(s.synonyms.size() == 4);
    CHECK(s.synonyms[1].terms == std::vector<std::string>{"社協", "社会福祉協議会"});
}

TEST_CASE("a synonyms file that is not a list is one error at its start") {
    Diagnostics diags;
    auto groups = read_synonym_groups(YAML::Load("子ども: [こども]\n"), "data/synonyms.yaml", diags);
    CHECK(groups.empty());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "synonyms.shape");
    CHECK(diags[0].pos.line == 1);
    Diagnostics none;
    CHECK(read_synonym_groups(YAML::Load(""), "data/synonyms.yaml", none).empty());
    CHECK(none.empty());
}
