#include <doctest/doctest.h>

#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "import/csv_reader.h"
#include "import/text_decoding.h"
#include "text/utf8.h"

using namespace tsunagu;
using namespace std::string_literals;

namespace {

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string to_utf16(std::string_view utf8, bool little_endian) {
    std::string out;
    auto unit = [&](char32_t u) {
        const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    };
    for (char32_t cp : to_u32(utf8)) {
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

// Encodes with ICU's Windows-31J, only to build CP932 test input from real UTF-8 files.
std::string to_cp932(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    const int32_t n = ucnv_convert("windows-31j", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<size_t>(n));
    return out;
}

const std::filesystem::path kShared = std::filesystem::path(TSUNAGU_SHARED_DIR) / "data" / "kodomo-shokudo";

// Checked with `file`, xxd and Python: all six real files are UTF-8; 練馬区's has two BOMs.
struct RealFile {
    const char* name;
    int boms;
};
const RealFile kRealFiles[] = {
    {"131059_bunkyo_kodomosyokudo.csv", 1},           {"131130_shibuyaku_kodomosyokudo.csv", 1},
    {"131202_nerimaku_kodomosyokudo.csv", 2},         {"132152_kunitachishi_kodomosyokudo.csv", 1},
    {"132152_kunitachishi_kodomosyokudo_tsuika.csv", 1}, {"15_182109_kodomoshokudo.csv", 1},
};

}  // namespace

TEST_CASE("text decoding: every real 子ども食堂 file is UTF-8 and decodes cleanly") {
    if (!std::filesystem::exists(kShared)) {
        MESSAGE("no " << kShared << ": skipped");
        return;
    }
    for (const RealFile& f : kRealFiles) {
        CAPTURE(f.name);
        const std::string bytes = read_bytes(kShared / f.name);
        REQUIRE(!bytes.empty());
        const DecodedText text = decode_text(bytes);
        CHECK(text.encoding == TextEncoding::utf8);
        CHECK(text.utf8_boms == f.boms);
        CHECK(text.undecodable_bytes == 0);
        CHECK(text.utf8.size() == bytes.size() - 3 * static_cast<size_t>(f.boms));
        CHECK(decoding_diagnostics(text, f.name).empty());
        const CsvDocument table = read_csv(text.utf8, f.name);
        const auto header = find_header(table.rows, [](const CsvRow& r) { return has_cell(r, "住所"); });
        REQUIRE(header.has_value());
        CHECK(*header == 0);
    }
}

TEST_CASE("text decoding: the real files re-encoded as CP932, UTF-16LE and UTF-16BE decode to the same text") {
    if (!std::filesystem::exists(kShared)) return;
    for (const RealFile& f : kRealFiles) {
        CAPTURE(f.name);
        const std::string utf8 = decode_text(read_bytes(kShared / f.name)).utf8;

        const DecodedText sjis = decode_text(to_cp932(utf8));
        CHECK(sjis.encoding == TextEncoding::cp932);
        CHECK(sjis.undecodable_bytes == 0);
        CHECK(sjis.utf8 == utf8);

        const DecodedText le = decode_text("\xFF\xFE"s + to_utf16(utf8, true));
        CHECK(le.encoding == TextEncoding::utf16le);
        CHECK(le.utf16_bom);
        CHECK(le.utf8 == utf8);

        const DecodedText be = decode_text("\xFE\xFF"s + to_utf16(utf8, false));
        CHECK(be.encoding == TextEncoding::utf16be);
        CHECK(be.utf8 == utf8);
    }
}

TEST_CASE("text decoding: CP932 bytes, NEC and IBM extensions included") {
    // Bytes from `printf '名称,住所\r\n①㈱髙﨑～＼－,"a\r\nb"\r\n' | iconv -f UTF-8 -t CP932 | xxd -i`.
    const unsigned char raw[] = {0x96, 0xbc, 0x8f, 0xcc, 0x2c, 0x8f, 0x5a, 0x8f, 0x8a, 0x0d, 0x0a, 0x87,
                                 0x40, 0x87, 0x8a, 0xfb, 0xfc, 0xfa, 0xb1, 0x81, 0x60, 0x81, 0x5f, 0x81,
                                 0x7c, 0x2c, 0x22, 0x61, 0x0d, 0x0a, 0x62, 0x22, 0x0d, 0x0a};
    const DecodedText text = decode_text(std::string(reinterpret_cast<const char*>(raw), sizeof raw));
    CHECK(text.encoding == TextEncoding::cp932);
    CHECK(text.undecodable_bytes == 0);
    CHECK(text.utf8 == "名称,住所\r\n①㈱髙﨑～＼－,\"a\r\nb\"\r\n");
    CHECK(std::string(encoding_name_ja(text.encoding)) == "シフトJIS（CP932）");
    CHECK(std::string(encoding_name_en(text.encoding)) == "Shift_JIS (CP932)");
}

TEST_CASE("text decoding: CP932 specifics agree with iconv -f CP932") {
    // 0x5C is a backslash (not ¥), 0x7E a tilde, half-width katakana are single bytes,
    // the user-defined area maps to the Private Use Area.
    CHECK(decode_text("\x96\xBC\\~\xB1\xB2").utf8 == "名\\~ｱｲ");
    CHECK(decode_text("\x96\xBC\xF0\x40").utf8 == "名\xEE\x80\x80");  // F040 → U+E000
    CHECK(decode_text("\x96\xBC\x87\x82").utf8 == "名№");
}

TEST_CASE("text decoding: BOMs") {
    const DecodedText one = decode_text("\xEF\xBB\xBF名称,ID\n");
    CHECK(one.encoding == TextEncoding::utf8);
    CHECK(one.utf8_boms == 1);
    CHECK(one.utf8 == "名称,ID\n");
    const DecodedText two = decode_text("\xEF\xBB\xBF\xEF\xBB\xBF名称,ID\n");
    CHECK(two.utf8_boms == 2);
    CHECK(two.utf8 == "名称,ID\n");
    CHECK(decode_text("\xEF\xBB\xBF").utf8.empty());
    CHECK(decode_text("").utf8.empty());
    CHECK(decode_text("").encoding == TextEncoding::utf8);
    // A UTF-8 BOM in front of CP932 bytes: removed, then CP932 is recognised.
    const DecodedText mixed = decode_text("\xEF\xBB\xBF\x96\xBC\x8F\xCC");
    CHECK(mixed.encoding == TextEncoding::cp932);
    CHECK(mixed.utf8 == "名称");
    // A UTF-16 BOM followed by a second one (encoded): the first chooses, the second stays
    // in the text for the CSV reader to remove.
    CHECK(decode_text("\xFF\xFE\xFF\xFE" "a\0"s).utf8 == "\xEF\xBB\xBF" "a");
}

TEST_CASE("text decoding: UTF-16 text with characters outside the BMP") {
    const std::string s = "𠮷野家,名称\r\n";
    CHECK(decode_text("\xFF\xFE"s + to_utf16(s, true)).utf8 == s);
    CHECK(decode_text("\xFE\xFF"s + to_utf16(s, false)).utf8 == s);
}

TEST_CASE("text decoding: hostile input is replaced and counted, never thrown") {
    SUBCASE("odd-length UTF-16") {
        const DecodedText t = decode_text("\xFF\xFE" "a\0b"s);
        CHECK(t.encoding == TextEncoding::utf16le);
        CHECK(t.utf8 == "a\xEF\xBF\xBD");
        CHECK(t.undecodable_bytes == 1);
        CHECK(t.replacements == 1);
        CHECK(decode_text("\xFE\xFF"s).utf8.empty());
        CHECK(decode_text("\xFE\xFF\x00"s).undecodable_bytes == 1);
    }
    SUBCASE("unpaired surrogates in UTF-16") {
        const DecodedText t = decode_text("\xFF\xFE\x00\xD8" "a\0" "\x00\xDC"s);
        CHECK(t.utf8 == "\xEF\xBF\xBD" "a\xEF\xBF\xBD");
        CHECK(t.undecodable_bytes == 4);
        CHECK(t.replacements == 2);
    }
    SUBCASE("truncated CP932 at the end of the file") {
        const DecodedText t = decode_text("\x96\xBC\x8F\xCC\x96");
        CHECK(t.encoding == TextEncoding::cp932);
        CHECK(t.utf8 == "名称\xEF\xBF\xBD");
        CHECK(t.undecodable_bytes == 1);
    }
    SUBCASE("bytes CP932 does not assign") {
        const DecodedText t = decode_text("\x96\xBC\x81\xAD\x96\xBC\xFF");
        CHECK(t.encoding == TextEncoding::cp932);
        CHECK(t.replacements == 2);
        CHECK(t.utf8.find("名") == 0);
        CHECK(t.utf8.find("\x1A") == std::string::npos);  // U+FFFD, never ICU's U+001A
        const Diagnostics ds = decoding_diagnostics(t, "x.csv");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].code == "encoding.undecodable");
        CHECK(ds[0].severity == Severity::warning);
        CHECK(ds[0].pos.file == "x.csv");
    }
    SUBCASE("NULs are kept") {
        const DecodedText t = decode_text("a\0b,c\n"s);
        CHECK(t.encoding == TextEncoding::utf8);
        CHECK(t.utf8 == "a\0b,c\n"s);
    }
    SUBCASE("UTF-8 with one broken byte stays UTF-8") {
        std::string s = "名称,住所,電話番号,開催曜日\n子ども食堂さくら,東京都練馬区";
        s += '\xFF';
        s += "1-2-3\n";
        const DecodedText t = decode_text(s);
        CHECK(t.encoding == TextEncoding::utf8);
        CHECK(t.undecodable_bytes == 1);
        CHECK(t.utf8.find("東京都練馬区\xEF\xBF\xBD" "1-2-3") != std::string::npos);
    }
    SUBCASE("a literal U+FFFD in UTF-8 is not counted") {
        const DecodedText t = decode_text("a\xEF\xBF\xBD");
        CHECK(t.encoding == TextEncoding::utf8);
        CHECK(t.undecodable_bytes == 0);
    }
    SUBCASE("every byte value, in every order the decoder might meet it") {
        std::string all;
        for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
        for (const std::string& s : {all, std::string(all.rbegin(), all.rend()), "\xFF\xFE"s + all, "\xFE\xFF"s + all}) {
            const DecodedText t = decode_text(s);
            CHECK(is_valid_utf8(t.utf8));
        }
    }
}
