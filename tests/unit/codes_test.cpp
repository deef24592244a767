#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/codes.h"

using namespace tsunagu;

namespace {

// The last column (lgcode) of every row of the shared municipality list.
std::vector<std::string> municipality_codes() {
    std::ifstream in(std::string(TSUNAGU_SHARED_DIR) + "/data/localgovjp-utf8.csv");
    std::vector<std::string> codes;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t comma = line.rfind(',');
        if (comma != std::string::npos) codes.push_back(line.substr(comma + 1));
    }
    return codes;
}

}  // namespace

TEST_CASE("municipality codes: a table of real codes") {
    const char* real[] = {"011002", "011011", "012025", "022012", "041009", "131016", "131130",
                          "132012", "132098", "141003", "151009", "221309", "231002", "261009",
                          "271004", "281000", "331007", "401005", "471003", "472018", "132993",
                          "011096", "012033"};
    for (const char* c : real) CHECK_MESSAGE(valid_municipality_code(c), std::string(c));
}

TEST_CASE("municipality codes: every lgcode in localgovjp-utf8.csv is valid, altered ones are not") {
    const auto codes = municipality_codes();
    REQUIRE(codes.size() >= 20);
    size_t altered_rejected = 0, altered = 0;
    for (const auto& code : codes) {
        CHECK_MESSAGE(valid_municipality_code(code), code);
        CHECK(municipality_check_digit(code.substr(0, 5)) == code[5]);
        // Change the check digit: always caught.
        std::string wrong = code;
        wrong[5] = static_cast<char>('0' + (code[5] - '0' + 1) % 10);
        CHECK_FALSE(valid_municipality_code(wrong));
        // Change one body digit: the weighted sum changes, caught unless it wraps mod 11.
        std::string body = code;
        body[2] = static_cast<char>('0' + (code[2] - '0' + 1) % 10);
        ++altered;
        if (!valid_municipality_code(body)) ++altered_rejected;
    }
    // 11 remainders share 10 digits (0 and 10 both give 1), so a few alterations slip through.
    CHECK(altered_rejected * 10 >= altered * 9);
}

TEST_CASE("municipality codes: malformed input") {
    const char* bad[] = {"", "13299", "1329933", "13299a", "１３２９９３", " 132993", "132993 ", "13-993"};
    for (const char* c : bad) CHECK_FALSE(valid_municipality_code(c));
    CHECK(municipality_check_digit("1329") == '\0');
    CHECK(municipality_check_digit("13299") == '3');
}

TEST_CASE("corporate numbers (法人番号): published examples") {
    const char* real[] = {
        "7000012050002",  // 国税庁
        "1000011000005",  // 国立国会図書館
        "1180301018771",  // トヨタ自動車
        "4011001098993",
        "1000012010003",
    };
    for (const char* n : real) {
        CHECK_MESSAGE(valid_corporate_number(n), std::string(n));
        CHECK(corporate_number_check_digit(std::string(n).substr(1)) == n[0]);
    }
}

TEST_CASE("corporate numbers: altered and malformed") {
    const char* bad[] = {"8000012050002", "7000012050003", "700001205000", "70000120500021", "",
                         "7000O12050002", "T7000012050002", "7 000012050002"};
    for (const char* n : bad) CHECK_FALSE(valid_corporate_number(n));
    // Every single-digit change of the base is caught (weights 1 and 2 are units mod 9,
    // except a 0↔9 swap at a weight-1 position).
    const std::string good = "7000012050002";
    for (size_t i = 1; i < good.size(); ++i) {
        std::string w = good;
        w[i] = static_cast<char>('0' + (good[i] - '0' + 4) % 10);
        CHECK_FALSE(valid_corporate_number(w));
    }
}

TEST_CASE("record ids") {
    const char* ok[] = {"a", "sakura-salon", "kita-houkatsu", "0", "a1-b2-c3", "x2026"};
    for (const char* id : ok) CHECK_MESSAGE(is_valid_id(id), std::string(id));
    const std::string max(64, 'a'), over(65, 'a');
    CHECK(is_valid_id(max));
    CHECK_FALSE(is_valid_id(over));
    const char* bad[] = {"", "-a", "a-", "a--b", "Sakura", "さくら", "a_b", "a b", "a.b", "a/b", "../x"};
    for (const char* id : bad) CHECK_FALSE_MESSAGE(is_valid_id(id), std::string(id));
    CHECK_FALSE(is_valid_id(std::string("a\0b", 3)));
}

TEST_CASE("normalize_phone") {
    struct { const char* in; const char* out; } cases[] = {
        {"０３－１２３４－５６７８", "03-1234-5678"},
        {"03-1234-5678", "03-1234-5678"},
        {"03ー1234ー5678", "03-1234-5678"},  // 長音符 typed for a hyphen
        {"042‐000‐1234", "042-000-1234"},
        {"03(1234)5678", "03-1234-5678"},
        {"（03）1234-5678", "03-1234-5678"},
        {"0120 123 456", "0120-123-456"},
        {"03 - 1234 - 5678", "03-1234-5678"},
        {" 090-1234-5678 ", "090-1234-5678"},
        {"+81-3-1234-5678", "+81-3-1234-5678"},
        {"0312345678", "0312345678"},
        // Not a phone shape: unchanged.
        {"#7119", "#7119"},
        {"平日のみ", "平日のみ"},
        {"03-1234-5678（代表）", "03-1234-5678（代表）"},
        {"123", "123"},
        {"--", "--"},
        {"", ""},
    };
    for (auto& c : cases) CHECK_MESSAGE(normalize_phone(c.in) == c.out, std::string(c.in));
}

TEST_CASE("is_private_home_note: private homes and personal mobiles") {
    const char* yes[] = {
        "山田様宅", "山田様宅の番号", "山田 様 宅", "鈴木さん宅", "佐藤宅", "代表者宅", "会長宅の電話",
        "自宅", "自宅兼事務所", "代表の自宅", "個人宅", "個人宅のため夜間は不可", "宅の番号です",
        "世話人宅につき", "個人携帯", "個人の携帯です", "携帯（個人）", "携帯(個人)", "携帯電話（個人用）",
        "私用携帯", "田中さんの家", "プライベートの携帯番号", "Home phone",
    };
    for (const char* n : yes) CHECK_MESSAGE(is_private_home_note(n), std::string(n));
}

TEST_CASE("is_private_home_note: no false positives on welfare vocabulary") {
    const char* no[] = {
        "在宅介護支援センター", "在宅医療の相談", "宅配弁当の注文", "宅配サービス", "住宅課", "市営住宅集会所",
        "宅老所よりあい", "宅幼老所", "帰宅後にお電話ください", "ご自宅まで送迎します", "お宅に伺います",
        "宅地建物取引", "宅食サービス", "平日10時〜16時", "事務局", "携帯電話可", "個人情報保護のため",
        "携帯電話、個人情報は厳守", "いこいの家", "", "代表電話",
    };
    for (const char* n : no) CHECK_FALSE_MESSAGE(is_private_home_note(n), std::string(n));
}
