#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "import/csv_reader.h"
#include "import/text_decoding.h"
#include "text/utf8.h"

using namespace tsunagu;
using namespace std::string_literals;

namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const CsvDocument& t) {
    std::vector<Fields> out;
    for (const CsvRow& r : t.rows) out.push_back(r.fields);
    return out;
}

std::vector<int> lines_of(const CsvDocument& t) {
    std::vector<int> out;
    for (const CsvRow& r : t.rows) out.push_back(r.line);
    return out;
}

const Diagnostic* find_code(const CsvDocument& t, const std::string& code) {
    for (const Diagnostic& d : t.diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("csv: every real 子ども食堂 file has the expected rows and columns") {
    const auto dir = std::filesystem::path(TSUNAGU_SHARED_DIR) / "data" / "kodomo-shokudo";
    if (!std::filesystem::exists(dir)) {
        MESSAGE("no " << dir << ": skipped");
        return;
    }
    // Expected numbers computed once with Python's csv module (BOMs stripped, newline='',
    // rows whose cells are all blank dropped) and cross-checked by counting line ends.
    struct Expected {
        const char* name;
        size_t rows;
        size_t columns;
        const char* header_cell;
    };
    const Expected files[] = {
        {"131059_bunkyo_kodomosyokudo.csv", 8, 49, "名称"},              // CRLF
        {"131130_shibuyaku_kodomosyokudo.csv", 53, 49, "名称"},          // CRLF
        {"131202_nerimaku_kodomosyokudo.csv", 41, 49, "名称"},           // CRLF, 12 quoted CRLFs, 2 BOMs
        {"132152_kunitachishi_kodomosyokudo.csv", 13, 49, "名称"},       // LF
        {"132152_kunitachishi_kodomosyokudo_tsuika.csv", 3, 25, "住所"},  // LF, extra venues: no 名称
        {"15_182109_kodomoshokudo.csv", 7, 49, "名称"},                  // CRLF, older NO,… header
    };
    for (const Expected& e : files) {
        CAPTURE(e.name);
        const DecodedText text = decode_text(read_bytes(dir / e.name));
        const CsvDocument t = read_csv(text.utf8, e.name);
        CHECK(t.diagnostics.empty());
        CHECK(t.skipped_lines.empty());
        REQUIRE(t.rows.size() == e.rows);
        for (const CsvRow& r : t.rows) {
            CAPTURE(r.line);
            CHECK(r.fields.size() == e.columns);
            for (const std::string& f : r.fields) CHECK(is_valid_utf8(f));
        }
        const auto header = find_header(t.rows, [&](const CsvRow& r) { return has_cell(r, e.header_cell); });
        REQUIRE(header.has_value());
        CHECK(*header == 0);
        CHECK(t.rows[0].line == 1);
    }

    SUBCASE("練馬区: quoted CRLFs inside URLs keep the following rows' line numbers") {
        const CsvDocument t = read_csv(decode_text(read_bytes(dir / "131202_nerimaku_kodomosyokudo.csv")).utf8, "n.csv");
        // Start lines from Python: csv.reader's line_num before each row, plus one.
        const std::vector<int> lines = {1,  2,  3,  4,  5,  6,  7,  8,  9,  11, 12, 13, 14, 15,
                                        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 30, 32,
                                        34, 36, 38, 40, 42, 44, 46, 48, 49, 50, 51, 52, 53};
        CHECK(lines_of(t) == lines);
        CHECK(t.rows[0].fields[0] == "全国地方公共団体コード");  // both BOMs gone
        CHECK(t.rows[8].fields[18] == "https://www.facebook.com/dongurinoie.\ndoshida/");
        CHECK(t.rows[10].fields[9] == "厚生文化会館 ");  // quoted: the space is kept
    }
    SUBCASE("unquoted cells are trimmed, quoted ones are not") {
        const CsvDocument a = read_csv(decode_text(read_bytes(dir / "15_182109_kodomoshokudo.csv")).utf8, "a.csv");
        CHECK(a.rows[0].fields[0] == "NO");
        CHECK(a.rows[4].fields[6] == "子どもの居場所");  // "子どもの居場所 " in the file
        const CsvDocument b = read_csv(decode_text(read_bytes(dir / "132152_kunitachishi_kodomosyokudo.csv")).utf8, "b.csv");
        CHECK(b.rows[7].fields[23] == "5012805002990 ");  // "5012805002990 " in quotes
    }
}

TEST_CASE("csv: line ends CRLF, LF and CR") {
    for (const std::string& eol : {"\r\n"s, "\n"s, "\r"s}) {
        CAPTURE(eol.size());
        const CsvDocument t = read_csv("a,b" + eol + "c,d" + eol + "e,f", "x.csv");
        CHECK(fields_of(t) == std::vector<Fields>{{"a", "b"}, {"c", "d"}, {"e", "f"}});
        CHECK(lines_of(t) == std::vector<int>{1, 2, 3});
        CHECK(t.diagnostics.empty());
    }
    const CsvDocument mixed = read_csv("a\r\nb\nc\rd\r\n", "x.csv");
    CHECK(lines_of(mixed) == std::vector<int>{1, 2, 3, 4});
    CHECK(read_csv("", "x.csv").rows.empty());
}

TEST_CASE("csv: quoted fields with commas, doubled quotes and newlines") {
    const CsvDocument t = read_csv("名称,備考\n\"a,b\",\"彼は\"\"はい\"\"と言った\"\n\"1行目\r\n2行目\r3行目\n4行目\",x\nlast,row\n", "x.csv");
    CHECK(fields_of(t) == std::vector<Fields>{
                              {"名称", "備考"},
                              {"a,b", "彼は\"はい\"と言った"},
                              {"1行目\n2行目\n3行目\n4行目", "x"},
                              {"last", "row"},
                          });
    CHECK(lines_of(t) == std::vector<int>{1, 2, 3, 7});
    CHECK(t.diagnostics.empty());
    CHECK(fields_of(read_csv("\"\",\"\"\"\"", "x.csv")) == std::vector<Fields>{{"", "\""}});
    CHECK(fields_of(read_csv("a,\"b\"", "x.csv")) == std::vector<Fields>{{"a", "b"}});
    CHECK(fields_of(read_csv("a,", "x.csv")) == std::vector<Fields>{{"a", ""}});
    CHECK(fields_of(read_csv("ab\"c,d", "x.csv")) == std::vector<Fields>{{"ab\"c", "d"}});  // a stray quote is text
}

TEST_CASE("csv: an unterminated quote is an error at the line it opened on") {
    const CsvDocument t = read_csv("名称,備考\nさくら,\"閉じない\nまま\n最後まで", "x.csv");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].line == 2);
    CHECK(t.rows[1].fields[1] == "閉じない\nまま\n最後まで");
    const Diagnostic* d = find_code(t, "csv.unterminated_quote");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::error);
    CHECK(d->pos.file == "x.csv");
    CHECK(d->pos.line == 2);
    CHECK(!d->ja.empty());
    CHECK(!d->en.empty());
    CHECK(format_diagnostic(*d).rfind("x.csv:2: error: csv.unterminated_quote: ", 0) == 0);
    CHECK(find_code(read_csv("\"", "x.csv"), "csv.unterminated_quote") != nullptr);
}

TEST_CASE("csv: text after a closing quote is kept, with a warning") {
    const CsvDocument t = read_csv("\"abc\"def,g\n\"x\"  ,y\n", "x.csv");
    CHECK(fields_of(t) == std::vector<Fields>{{"abcdef", "g"}, {"x", "y"}});
    const Diagnostic* d = find_code(t, "csv.text_after_quote");
    REQUIRE(d != nullptr);
    CHECK(d->pos.line == 1);
    CHECK(t.diagnostics.size() == 1);
}

TEST_CASE("csv: blank rows and rows of commas are skipped and listed") {
    const CsvDocument t = read_csv("名称,住所\n\n,,\na,b\n , \t ,\r\n\"\",\"\"\nc,d\n,,,,,,\n", "x.csv");
    CHECK(fields_of(t) == std::vector<Fields>{{"名称", "住所"}, {"a", "b"}, {"c", "d"}});
    CHECK(lines_of(t) == std::vector<int>{1, 4, 7});
    CHECK(t.skipped_lines == std::vector<int>{2, 3, 5, 6, 8});
    const Diagnostic* d = find_code(t, "csv.blank_rows");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::note);
    CHECK(d->pos.line == 2);
    CHECK(d->en.find("5") != std::string::npos);
}

TEST_CASE("csv: spaces and tabs around unquoted fields are trimmed, inside quotes kept") {
    const CsvDocument t = read_csv("名称\t\t, 住所 \na\t,\"\tb\t\"\t\n", "x.csv");
    CHECK(fields_of(t) == std::vector<Fields>{{"名称", "住所"}, {"a", "\tb\t"}});
    CHECK(fields_of(read_csv("a　,b\n", "x.csv")) == std::vector<Fields>{{"a　", "b"}});  // 全角スペース is data
}

TEST_CASE("csv: a stray BOM, U+FFFD or '?' before the first header cell is removed") {
    for (const std::string& prefix : {"?"s, "\xEF\xBB\xBF"s, "\xEF\xBB\xBF\xEF\xBB\xBF"s, "\xEF\xBF\xBD"s, "??"s,
                                      "\xC3\xAF\xC2\xBB\xC2\xBF"s}) {
        CAPTURE(prefix);
        const CsvDocument t = read_csv(prefix + "名称,住所\nさくら,練馬区\n", "x.csv");
        REQUIRE(t.rows.size() == 2);
        CHECK(t.rows[0].fields[0] == "名称");
        CHECK(t.rows[0].line == 1);
        CHECK(find_code(t, "csv.stray_prefix") != nullptr);
        CHECK_FALSE(has_errors(t.diagnostics));
    }
    // Only at the very start: a '?' later is data.
    CHECK(read_csv("名称\n?\n", "x.csv").rows[1].fields[0] == "?");
}

TEST_CASE("csv: find_header skips a title row") {
    const CsvDocument t = read_csv("練馬区 子ども食堂一覧（令和6年4月1日現在）,,,\n,,,\nNO,名称,住所,電話番号\n1,さくら,練馬区,03\n", "x.csv");
    const auto header = find_header(t.rows, [](const CsvRow& r) { return has_cell(r, "名称"); });
    REQUIRE(header.has_value());
    CHECK(*header == 1);
    CHECK(t.rows[*header].line == 3);
    CHECK_FALSE(find_header(t.rows, [](const CsvRow& r) { return has_cell(r, "開催曜日"); }).has_value());
    CHECK_FALSE(find_header({}, [](const CsvRow&) { return true; }).has_value());
}

TEST_CASE("csv: decoded CP932 and UTF-16 input parses like UTF-8") {
    const unsigned char cp932[] = {0x96, 0xbc, 0x8f, 0xcc, 0x2c, 0x8f, 0x5a, 0x8f, 0x8a, 0x0d, 0x0a, 0x87,
                                   0x40, 0x87, 0x8a, 0xfb, 0xfc, 0xfa, 0xb1, 0x81, 0x60, 0x81, 0x5f, 0x81,
                                   0x7c, 0x2c, 0x22, 0x61, 0x0d, 0x0a, 0x62, 0x22, 0x0d, 0x0a};
    const CsvDocument t = read_csv(decode_text(std::string(reinterpret_cast<const char*>(cp932), sizeof cp932)).utf8, "x.csv");
    CHECK(fields_of(t) == std::vector<Fields>{{"名称", "住所"}, {"①㈱髙﨑～＼－", "a\nb"}});
    const CsvDocument u = read_csv(decode_text("\xFF\xFE" "a\0,\0b\0\r\0\n\0c\0,\0d\0"s).utf8, "x.csv");
    CHECK(fields_of(u) == std::vector<Fields>{{"a", "b"}, {"c", "d"}});
}

TEST_CASE("csv: hostile input is bounded") {
    SUBCASE("10,000 columns: the first 1,000 are kept, with an error") {
        std::string row = "c0";
        for (int i = 1; i < 10000; ++i) row += ",c" + std::to_string(i);
        const CsvDocument t = read_csv(row + "\n" + "a,b\n", "x.csv");
        REQUIRE(t.rows.size() == 2);
        CHECK(t.rows[0].fields.size() == 1000);
        CHECK(t.rows[0].fields.back() == "c999");
        CHECK(t.rows[1].line == 2);
        const Diagnostic* d = find_code(t, "csv.too_many_fields");
        REQUIRE(d != nullptr);
        CHECK(d->severity == Severity::error);
        CHECK(d->pos.line == 1);
    }
    SUBCASE("10,000 columns are accepted when the limit allows it") {
        std::string row(9999, ',');
        row += "x";
        CsvLimits limits;
        limits.max_fields = 10000;
        const CsvDocument t = read_csv(row, "x.csv", limits);
        REQUIRE(t.rows.size() == 1);
        CHECK(t.rows[0].fields.size() == 10000);
        CHECK(t.diagnostics.empty());
    }
    SUBCASE("a 100 MB field is cut at the limit on a character boundary") {
        std::string big = "名称,備考\nさくら,\"";
        big.reserve(100'000'100);
        while (big.size() < 100'000'000) big += "あいうえお";  // 15 bytes: the cut falls inside a character
        big += "\"\nつぎ,行\n";
        const CsvDocument t = read_csv(big, "x.csv");
        REQUIRE(t.rows.size() == 3);
        CHECK(t.rows[1].fields[1].size() <= CsvLimits{}.max_field_bytes);
        CHECK(t.rows[1].fields[1].size() >= CsvLimits{}.max_field_bytes - 3);
        CHECK(is_valid_utf8(t.rows[1].fields[1]));
        CHECK(t.rows[2].fields == Fields{"つぎ", "行"});
        CHECK(t.rows[2].line == 3);
        const Diagnostic* d = find_code(t, "csv.field_too_long");
        REQUIRE(d != nullptr);
        CHECK(d->pos.line == 2);
    }
    SUBCASE("a 100 MB unquoted field") {
        const std::string big = "a," + std::string(100'000'000, 'x') + "\nb,c\n";
        const CsvDocument t = read_csv(big, "x.csv");
        REQUIRE(t.rows.size() == 2);
        CHECK(t.rows[0].fields[1].size() == CsvLimits{}.max_field_bytes);
        CHECK(find_code(t, "csv.field_too_long") != nullptr);
    }
    SUBCASE("too many cells stops reading with an error") {
        std::string s;
        for (int i = 0; i < 100; ++i) s += "a,b,c\n";
        CsvLimits limits;
        limits.max_cells = 30;
        const CsvDocument t = read_csv(s, "x.csv", limits);
        CHECK(t.rows.size() == 10);
        const Diagnostic* d = find_code(t, "csv.too_many_cells");
        REQUIRE(d != nullptr);
        CHECK(d->pos.line == 11);
    }
    SUBCASE("a diagnostic code is reported at most 10 times, then counted") {
        std::string s;
        for (int i = 0; i < 50; ++i) s += "\"a\"b\n";
        const CsvDocument t = read_csv(s, "x.csv");
        CHECK(t.rows.size() == 50);
        size_t warnings = 0, notes = 0;
        for (const Diagnostic& d : t.diagnostics) {
            if (d.code != "csv.text_after_quote") continue;
            (d.severity == Severity::warning ? warnings : notes)++;
        }
        CHECK(warnings == 10);
        CHECK(notes == 1);
    }
    SUBCASE("NULs and lone CRs in odd places") {
        const CsvDocument t = read_csv("a\0b,\"\r\"\r\r\0"s, "x.csv");
        REQUIRE(t.rows.size() == 2);
        CHECK(t.rows[0].fields == Fields{"a\0b"s, "\n"});
        CHECK(t.rows[1].line == 4);
        CHECK(t.skipped_lines == std::vector<int>{3});
    }
}
