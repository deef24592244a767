#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/normalize.h"

using namespace tsunagu;
using namespace std::string_literals;

TEST_CASE("nfkc") {
    struct { const char* in; const char* out; } cases[] = {
        {"ＡＢＣ１２３", "ABC123"},
        {"ｻｰﾋﾞｽ", "サービス"},
        {"ﾊﾟﾝ", "パン"},
        {"㍻", "平成"},
        {"①", "1"},
        {"（注）", "(注)"},
        {"　", " "},
        {"plain ascii", "plain ascii"},
        {"", ""},
        {"桜ヶ丘", "桜ヶ丘"},
    };
    for (auto& c : cases) CHECK(nfkc(c.in) == c.out);
    CHECK(nfkc("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(nfkc("a\0b"s) == "a\0b"s);
}

TEST_CASE("katakana_to_hiragana and back") {
    CHECK(katakana_to_hiragana("サクラガオカ") == "さくらがおか");
    CHECK(katakana_to_hiragana("サービス・センター") == "さーびす・せんたー");
    CHECK(katakana_to_hiragana("ヴァイオリン") == "ゔぁいおりん");
    CHECK(katakana_to_hiragana("ヽヾ") == "ゝゞ");
    CHECK(katakana_to_hiragana("ヷ") == "わ\u3099");
    CHECK(katakana_to_hiragana("漢字とABC") == "漢字とABC");
    CHECK(katakana_to_hiragana("ｶﾀｶﾅ") == "ｶﾀｶﾅ");  // half-width: NFKC first
    CHECK(hiragana_to_katakana("さくらがおか") == "サクラガオカ");
    CHECK(hiragana_to_katakana("ゔぁゝゞ") == "ヴァヽヾ");
    CHECK(hiragana_to_katakana("ー・漢") == "ー・漢");
}

TEST_CASE("is_kana_reading") {
    const char* ok[] = {"さくらがおか", "サクラガオカ", "あおばし きた", "あおばし　きた", "えぬぴーおー",
                        "ＮＰＯほうじん", "NPOほうじん", "だい2ちく", "だい２ちく", "ふれあい・さろん",
                        "さーびす", "ｻｸﾗ", "ゔぃら"};
    for (const char* s : ok) CHECK_MESSAGE(is_kana_reading(s), std::string(s));
    const char* bad[] = {"", " ", "ー", "・", "桜ヶ丘", "さくら丘", "さくら、がおか", "さくら-がおか",
                         "さくら(がおか)", "\xFF", "さくら\n", "<script>"};
    for (const char* s : bad) CHECK_FALSE_MESSAGE(is_kana_reading(s), std::string(s));
    CHECK_FALSE(is_kana_reading("さ\0く"s));
}

TEST_CASE("normalize_for_search") {
    struct { const char* in; const char* out; } cases[] = {
        {"サービス", "さーびす"},
        {"ｻｰﾋﾞｽ", "さーびす"},
        {"サ－ビス", "さーびす"},         // full-width hyphen typed for ー
        {"サ-ビス", "さーびす"},
        {"ＮＰＯ法人", "npo法人"},
        {"NPO　法人", "npo法人"},
        {"あおば市　北地域包括支援センター", "あおば市北地域包括支援せんたー"},
        {"ふれあい・サロン", "ふれあいさろん"},
        {"「子ども食堂」！", "子ども食堂"},
        {"桜ヶ丘", "桜け丘"},
        {"桜ケ丘", "桜け丘"},
        {"一ヵ月", "一か月"},
        {"人々", "人人"},
        {"佐々木", "佐佐木"},
        {"いすゞ", "いすず"},
        {"こゝろ", "こころ"},
        {"ぶゝ", "ぶふ"},
        {"ハ゛ス", "ばす"},
        {"々", "々"},
        {"Café", "café"},
        {"ＡＢＣ abc", "abcabc"},
        {"03-1234-5678", "0312345678"},
        {"10:00〜12:00", "10001200"},
        {"★子ども食堂★", "子ども食堂"},
        {"〆切", "〆切"},
        {"", ""},
        {"　 \t\n", ""},
    };
    for (auto& c : cases) CHECK_MESSAGE(normalize_for_search(c.in) == c.out, std::string(c.in));
    CHECK(normalize_for_search("a\0b"s) == "ab");
    CHECK(normalize_for_search("\xFF") == "");  // U+FFFD is a symbol and is dropped
}

TEST_CASE("normalize_for_search is the same in many threads") {
    const std::string expected = normalize_for_search("ｻｰﾋﾞｽ　センター（ＮＰＯ）");
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i)
                if (normalize_for_search("ｻｰﾋﾞｽ　センター（ＮＰＯ）") != expected) ++mismatches[t];
        });
    for (auto& th : threads) th.join();
    for (int m : mismatches) CHECK(m == 0);
    CHECK(expected == "さーびすせんたーnpo");
}
