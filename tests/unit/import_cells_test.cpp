// Cells of municipal open-data files as people type them, and the YAML the importer writes.
#include <doctest/doctest.h>

#include <string>

#include <yaml-cpp/yaml.h>

#include "import/cell_values.h"
#include "import/yaml_writer.h"

using namespace tsunagu;

TEST_CASE("times in every spelling become HH:MM; anything else is not a time") {
    const std::pair<const char*, const char*> rows[] = {
        {"17:00", "17:00"}, {"１７：００", "17:00"}, {"9:5", "09:05"}, {"17時", "17:00"}, {"17時30分", "17:30"},
        {"17時半", "17:30"}, {"午後5時", "17:00"}, {"午前10時", "10:00"}, {"午後1時半", "13:30"}, {"5:00PM", "17:00"},
        {"1700", "17:00"}, {"17:00:00", "17:00"}, {"10:00〜", "10:00"}, {" 11:00\t", "11:00"}, {"24:00", "24:00"},
    };
    for (auto [in, want] : rows) {
        CAPTURE(in);
        const auto got = parse_time_cell(in);
        REQUIRE(got.has_value());
        CHECK(*got == want);
    }
    CHECK(parse_time_cell("17") == "17:00");  // an hour alone, as some files write it
    for (const char* bad : {"", "夕方", "25:00", "10:60", "24:30", "17時ごろ", "未定"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_time_cell(bad).has_value());
    }
}

TEST_CASE("weekday cells: runs of kanji, 曜日 words, separators and 祝") {
    auto days = [](const char* s) {
        const auto w = parse_weekday_cell(s);
        return w ? w->days : std::string("(none)");
    };
    CHECK(days("月火木金土日") == "月火木金土日");
    CHECK(days("水曜日") == "水");
    CHECK(days("土、月") == "月土");  // week order, Monday first
    CHECK(days("月・水・金") == "月水金");
    CHECK(days("火曜・木曜") == "火木");
    CHECK(parse_weekday_cell("土日祝")->holidays);
    CHECK_FALSE(parse_weekday_cell("土日")->holidays);
    CHECK(days("第2水曜") == "(none)");
    CHECK(days("毎日") == "(none)");
    CHECK(days("") == "(none)");
}

TEST_CASE("fees, counts and yes/no cells") {
    CHECK(parse_yen_cell("300") == 300);
    CHECK(parse_yen_cell("３００円") == 300);
    CHECK(parse_yen_cell("1,000円") == 1000);
    CHECK(parse_yen_cell("無料") == 0);
    CHECK_FALSE(parse_yen_cell("カンパ").has_value());
    CHECK_FALSE(parse_yen_cell("100円〜").has_value());
    bool approx = true;
    CHECK(parse_count_cell("20", &approx) == 20);
    CHECK_FALSE(approx);
    CHECK(parse_count_cell("２０名") == 20);
    CHECK(parse_count_cell("約30名", &approx) == 30);
    CHECK(approx);
    CHECK_FALSE(parse_count_cell("多数").has_value());
    CHECK(parse_yes_no_cell("1") == true);
    CHECK(parse_yes_no_cell("○") == true);
    CHECK(parse_yes_no_cell("あり") == true);
    CHECK(parse_yes_no_cell("0") == false);
    CHECK(parse_yes_no_cell("なし") == false);
    CHECK_FALSE(parse_yes_no_cell("2").has_value());
    CHECK(parse_degree_cell("３５．６９８") == doctest::Approx(35.698));
    CHECK_FALSE(parse_degree_cell("35.6N").has_value());
}

TEST_CASE("ids from source IDs are stable ASCII; readings come out in hiragana") {
    CHECK(id_part("1") == "1");
    CHECK(id_part("Ａ 1") == "a1");
    CHECK(id_part(" No.3 ") == "no-3");
    CHECK(id_part("東京-01") == "01");
    CHECK(id_part("食堂") == "");
    CHECK(short_hash("abc") == short_hash("abc"));
    CHECK(short_hash("abc") != short_hash("abd"));
    CHECK(short_hash("").size() == 8);
    CHECK(reading_from_kana_cell("ｵﾓﾃﾅｼ ｼｮｸﾄﾞｳ") == "おもてなし しょくどう");
    CHECK(reading_from_kana_cell("コドモショクドウ") == "こどもしょくどう");
    CHECK(single_line(" a\r\nb \t c ") == "a b c");
}

TEST_CASE("YAML scalars read back as the same strings, never as numbers, booleans or lists") {
    for (const char* s : {"yes", "No", "true", "null", "~", "0120", "1.5", "-1", "- 見守り", "a: b", "a #b", "#tag", "[x]",
                          "{x}", "x, y", "\"quoted\"", "it's", " lead", "trail ", "tab\there", "line\nbreak", "ok",
                          "見守り", "毎週水曜 10:00〜12:00", "https://example.org/a?b=c#d", "https://example.org/x:y", "a:b", "a::", "key?", "? a", "@user", "%x", "&a", "*a", "!t",
                          "|", ">", "?", "2026-04-01", ".5", "+1", ".inf", "back\\slash", "ctrl\x01"}) {
        CAPTURE(s);
        YamlValue root = YamlValue::map();
        root.set("v", YamlValue::text(s));
        YamlValue list = YamlValue::list();
        list.items.push_back(YamlValue::text(s));
        list.items.push_back(YamlValue::text("x"));
        root.set("l", list);
        YamlValue m = YamlValue::map();
        m.set("k", YamlValue::text(s));
        root.set("m", m);
        const std::string doc = write_yaml_document(root);
        CAPTURE(doc);
        const YAML::Node n = YAML::Load(doc);
        CHECK(n["v"].as<std::string>() == s);
        const bool plain_only_when_same = n["v"].Tag() != "?" || yaml_scalar(s) == s;
        CHECK(plain_only_when_same);
        REQUIRE(n["l"].IsSequence());
        CHECK(n["l"].size() == 2);
        CHECK(n["l"][0].as<std::string>() == s);
        CHECK(n["m"]["k"].as<std::string>() == s);
    }
}

TEST_CASE("YAML documents: key order kept, Markdown as a literal block, numbers raw, set replaces in place") {
    YamlValue r = YamlValue::map();
    r.set("id", YamlValue::text("kodomo-131059-1"));
    r.set("description", YamlValue::text("一行目\n\n三行目\n"));
    r.set("capacity", YamlValue::raw("60"));
    YamlValue fees = YamlValue::list();
    YamlValue fee = YamlValue::map();
    fee.set("person", YamlValue::text("大人"));
    fee.set("amount", YamlValue::raw("300"));
    fees.items.push_back(fee);
    r.set("fees", fees);
    r.set("id", YamlValue::text("kodomo-131059-2"));  // replaces, keeps first place
    const std::string doc = write_yaml_document(r);
    CHECK(doc ==
          "id: kodomo-131059-2\n"
          "description: |\n  一行目\n\n  三行目\n"
          "capacity: 60\n"
          "fees:\n  - {person: 大人, amount: 300}\n");
    const YAML::Node n = YAML::Load(doc);
    CHECK(n["description"].as<std::string>() == "一行目\n\n三行目\n");
    CHECK(n["capacity"].as<int>() == 60);
    CHECK(n["fees"][0]["amount"].as<int>() == 300);
    r.erase("capacity");
    CHECK(r.find("capacity") == nullptr);
    CHECK(r.find("fees") != nullptr);
}
