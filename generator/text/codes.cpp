#include "text/codes.h"

#include <array>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

char municipality_check_digit(std::string_view first5) {
    if (first5.size() != 5 || !all_digits(first5)) return '\0';
    static constexpr int weights[] = {6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 5; ++i) sum += (first5[i] - '0') * weights[i];
    // "The last digit of 11 − remainder": remainder 0 gives 1, remainder 1 gives 0.
    return static_cast<char>('0' + (11 - sum % 11) % 10);
}

std::string_view prefecture_name(std::string_view municipality_code) {
    static constexpr std::array<std::string_view, 47> kPrefectures = {
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    };
    if (municipality_code.size() < 2 || !all_digits(municipality_code.substr(0, 2))) return {};
    const int n = (municipality_code[0] - '0') * 10 + (municipality_code[1] - '0');
    return n >= 1 && n <= 47 ? kPrefectures[n - 1] : std::string_view{};
}

bool valid_municipality_code(std::string_view code) {
    return code.size() == 6 && all_digits(code) && municipality_check_digit(code.substr(0, 5)) == code[5];
}

char corporate_number_check_digit(std::string_view base12) {
    if (base12.size() != 12 || !all_digits(base12)) return '\0';
    int sum = 0;
    for (int n = 1; n <= 12; ++n) {  // n counts from the lowest (rightmost) digit
        const int p = base12[12 - n] - '0';
        sum += p * (n % 2 == 1 ? 1 : 2);
    }
    return static_cast<char>('0' + 9 - sum % 9);
}

bool valid_corporate_number(std::string_view number) {
    return number.size() == 13 && all_digits(number) &&
           corporate_number_check_digit(number.substr(1)) == number[0];
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    for (size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return false;
        if (c == '-' && i > 0 && id[i - 1] == '-') return false;
    }
    return true;
}

std::string normalize_phone(std::string_view phone) {
    try {
        const std::string t = nfkc(trim(phone));
        // Map every dash-like character to '-', drop spaces, keep digits, + and parentheses.
        std::string s;
        bool gap = false;  // "03 1234 5678": a space between digits separates groups
        for (size_t pos = 0; pos < t.size();) {
            const char32_t c = decode_utf8(t, pos);
            if (c >= '0' && c <= '9') {
                if (gap && !s.empty() && s.back() >= '0' && s.back() <= '9') s += '-';
                s += static_cast<char>(c);
            }
            else if (c == '-' || c == 0x30FC || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x2E3A)
                s += '-';
            else if (c == '(' || c == ')' || c == '+') s += static_cast<char>(c);
            else if (is_space(c)) { gap = true; continue; }
            else return std::string(phone);
            gap = false;
        }
        // 03(1234)5678 and (03)1234-5678 are the usual Japanese ways of writing the area code.
        std::string flat;
        int open = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '(') {
                if (open++ || (i > 0 && s[i - 1] == '-')) return std::string(phone);
                if (!flat.empty()) flat += '-';
            } else if (c == ')') {
                if (--open != 0) return std::string(phone);
                if (i + 1 < s.size() && s[i + 1] != '-') flat += '-';
            } else if (c == '+' && i != 0) {
                return std::string(phone);
            } else {
                flat += c;
            }
        }
        if (open != 0) return std::string(phone);
        // Shape: [+]digits(-digits)*, 5–15 digits, no empty groups.
        size_t digits = 0;
        const size_t start = !flat.empty() && flat[0] == '+' ? 1 : 0;
        if (start >= flat.size() || flat[start] == '-' || flat.back() == '-') return std::string(phone);
        for (size_t i = start; i < flat.size(); ++i) {
            if (flat[i] == '-') {
                if (flat[i - 1] == '-') return std::string(phone);
            } else {
                ++digits;
            }
        }
        if (digits < 5 || digits > 15) return std::string(phone);
        return flat;
    } catch (...) {
        return std::string(phone);
    }
}

namespace {

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
    for (auto w : words)
        if (s.substr(0, w.size()) == w) return true;
    return false;
}
bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
    for (auto w : words)
        if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return true;
    return false;
}

// One occurrence of 宅 at `at` (byte offset in `s`): does it name somebody's house?
bool private_taku(std::string_view s, size_t at) {
    const std::string_view before = s.substr(0, at);
    const std::string_view after = s.substr(at + std::string_view("宅").size());
    // Words where 宅 is not a person's house: 在宅 (home care), 住宅, 帰宅, 社宅, 宅配, 宅地,
    // 宅急便, 宅建, 宅老所/宅幼老所 (small care homes), 宅食 (meal delivery), 宅送.
    if (ends_with_any(before, {"在", "住", "帰", "社", "邸", "舎", "お", "ご自", "御自", "ご", "御"}))
        return false;
    if (starts_with_any(after, {"配", "地", "急", "建", "老", "幼", "食", "送", "トレ"})) return false;
    return true;  // 山田様宅, 自宅, 個人宅, 代表宅, 宅の番号, 宅電 …
}

}  // namespace

bool is_private_home_note(std::string_view note) {
    try {
        // NFKC makes （個人） and (個人) the same; spaces are dropped ("山田 様 宅").
        const std::string n = nfkc(note);
        std::string s;
        for (size_t pos = 0; pos < n.size();) {
            const char32_t c = decode_utf8(n, pos);
            if (is_space(c)) continue;
            append_utf8(s, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        for (size_t at = s.find("宅"); at != std::string::npos; at = s.find("宅", at + 1))
            if (private_taku(s, at)) return true;
        static constexpr std::array<std::string_view, 24> phrases = {
            "個人携帯", "個人の携帯", "個人用携帯", "個人所有の携帯", "携帯(個人)", "携帯(個人用)",
            "私用携帯", "私物携帯", "私用の携帯", "個人のスマホ", "個人スマホ", "個人の電話",
            "個人電話", "個人の番号", "個人番号", "個人の家", "さんの家", "様の家", "さまの家",
            "さん家", "私用電話", "privatehome", "homephone", "personalmobile"};
        for (auto p : phrases)
            if (contains(s, p)) return true;
        // 携帯 (個人のもの) and similar: 携帯 followed within a few characters by 個人/私用.
        for (size_t at = s.find("携帯"); at != std::string::npos; at = s.find("携帯", at + 1)) {
            const std::string_view rest = std::string_view(s).substr(at, 30);
            const size_t k = rest.find("個人");
            const bool personal = k != std::string_view::npos && rest.substr(k).substr(0, 12) != "個人情報";
            if (personal || contains(rest, "私用") || contains(rest, "プライベート")) return true;
        }
        return contains(s, "プライベート") && (contains(s, "電話") || contains(s, "番号") || contains(s, "携帯"));
    } catch (...) {
        return false;
    }
}

}  // namespace tsunagu
