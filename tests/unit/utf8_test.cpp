#include <doctest/doctest.h>

#include <string>

#include "text/utf8.h"

using namespace tsunagu;
using namespace std::string_literals;

TEST_CASE("is_valid_utf8 accepts well-formed text") {
    const char* ok[] = {"", "abc", "あいう", "全角　スペース", "𠮷野家", "\xC2\xA0", "\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF"};
    for (const char* s : ok) CHECK_MESSAGE(is_valid_utf8(s), std::string(s));
    CHECK(is_valid_utf8("a\0b"s));  // NUL is a valid code point
}

TEST_CASE("is_valid_utf8 rejects ill-formed sequences") {
    const std::string bad[] = {
        "\x80",              // lone continuation
        "\xC0\xAF",          // overlong '/'
        "\xC1\xBF",          // overlong
        "\xE0\x80\xAF",      // overlong 3-byte
        "\xED\xA0\x80",      // surrogate U+D800
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xF5\x80\x80\x80",  // invalid lead
        "\xE3\x81",          // truncated あ
        "abc\xFF",           // 0xFF never appears
        "\xE3\x81\x41",      // bad continuation
    };
    for (const auto& s : bad) CHECK_FALSE(is_valid_utf8(s));
}

TEST_CASE("decode and encode round-trip") {
    const char32_t cps[] = {0x24, 0xA2, 0x3042, 0x20BB7, 0x10FFFF, 0x3000, 0};
    for (char32_t cp : cps) {
        const std::string s = encode_utf8(cp);
        size_t pos = 0;
        CHECK(decode_utf8(s, pos) == cp);
        CHECK(pos == s.size());
    }
    CHECK(encode_utf8(0xD800) == "\xEF\xBF\xBD");
    CHECK(encode_utf8(0x110000) == "\xEF\xBF\xBD");
    CHECK(from_u32(to_u32("つなぐ𠮷")) == "つなぐ𠮷");
}

TEST_CASE("decode replaces ill-formed input and always makes progress") {
    const std::string s = "\xE3\x81" "A\xFF" "あ";
    size_t pos = 0;
    CHECK(decode_utf8(s, pos) == kReplacementChar);
    CHECK(pos == 2);  // the maximal subpart E3 81
    CHECK(decode_utf8(s, pos) == U'A');
    CHECK(decode_utf8(s, pos) == kReplacementChar);
    CHECK(decode_utf8(s, pos) == U'あ');
    CHECK(pos == s.size());
    CHECK(sanitize_utf8(s) == "\xEF\xBF\xBD" "A\xEF\xBF\xBD" "あ");
    CHECK(sanitize_utf8("ok") == "ok");
}

TEST_CASE("utf8_length counts code points") {
    CHECK(utf8_length("") == 0);
    CHECK(utf8_length("abc") == 3);
    CHECK(utf8_length("あいう") == 3);
    CHECK(utf8_length("𠮷a") == 2);
    CHECK(utf8_length("\xFF\xFE") == 2);
    CHECK(utf8_length("a\0b"s) == 3);
}

TEST_CASE("first and last code point") {
    CHECK(first_code_point("あいう") == U'あ');
    CHECK(last_code_point("あいう") == U'う');
    CHECK(last_code_point("a𠮷") == 0x20BB7);
    CHECK(last_code_point("") == 0);
    CHECK(last_code_point("a\xE3\x81") == kReplacementChar);
}

TEST_CASE("trim removes ASCII, full-width and invisible spaces") {
    struct { const char* in; const char* out; } cases[] = {
        {"  abc  ", "abc"},
        {"\t\r\nabc\r\n", "abc"},
        {"　桜ヶ丘　", "桜ヶ丘"},
        {"\xC2\xA0" "NBSP\xC2\xA0", "NBSP"},
        {"\xEF\xBB\xBF" "BOM", "BOM"},
        {"　 \t", ""},
        {"", ""},
        {"中　間", "中　間"},
    };
    for (auto& c : cases) CHECK(trim(c.in) == c.out);
}

TEST_CASE("is_wide follows East Asian Width F/W/H without Hangul") {
    const char32_t wide[] = {U'あ', U'ア', U'漢', U'。', U'「', U'ー', U'Ａ', U'１', U'ｱ', 0x20BB7, 0x3000, U'〜', U'・'};
    for (char32_t c : wide) CHECK(is_wide(c));
    const char32_t narrow[] = {U'a', U'1', U' ', U'é', U'—', U'한', 0x1100, 0xFFA1, 0, U'\n'};
    for (char32_t c : narrow) CHECK_FALSE(is_wide(c));
}
