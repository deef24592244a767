#include "text/utf8.h"

namespace tsunagu {

namespace {

inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence starting at s[pos], or 0 when it is ill-formed;
// `consumed` receives the length of the maximal ill-formed subpart to skip.
size_t sequence_length(std::string_view s, size_t pos, char32_t& cp, size_t& consumed) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    consumed = 1;
    if (b0 < 0x80) { cp = b0; return 1; }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Table 3-7)
    if (b0 >= 0xC2 && b0 <= 0xDF) { need = 2; cp = b0 & 0x1F; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 3; cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 4; cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    for (size_t i = 1; i < need; ++i) {
        if (pos + i >= s.size()) return 0;
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if (i == 1 ? (b < lo || b > hi) : !is_cont(b)) return 0;
        cp = (cp << 6) | (b & 0x3F);
        consumed = i + 1;
    }
    return need;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) { ++pos; continue; }
        char32_t cp;
        size_t consumed;
        const size_t n = sequence_length(s, pos, cp, consumed);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

char32_t decode_utf8(std::string_view s, size_t& pos) {
    if (pos >= s.size()) return 0;
    char32_t cp;
    size_t consumed;
    const size_t n = sequence_length(s, pos, cp, consumed);
    if (n == 0) { pos += consumed; return kReplacementChar; }
    pos += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode_utf8(char32_t cp) {
    std::string out;
    append_utf8(out, cp);
    return out;
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t pos = 0; pos < s.size();) out += decode_utf8(s, pos);
    return out;
}

std::string from_u32(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t cp : s) append_utf8(out, cp);
    return out;
}

std::string sanitize_utf8(std::string_view s) {
    if (is_valid_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t pos = 0; pos < s.size();) append_utf8(out, decode_utf8(s, pos));
    return out;
}

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (size_t pos = 0; pos < s.size(); ++n) decode_utf8(s, pos);
    return n;
}

char32_t first_code_point(std::string_view s) {
    size_t pos = 0;
    return s.empty() ? 0 : decode_utf8(s, pos);
}

char32_t last_code_point(std::string_view s) {
    if (s.empty()) return 0;
    // Step back over at most three continuation bytes to the lead byte.
    size_t start = s.size() - 1;
    for (int i = 0; i < 3 && start > 0 && is_cont(static_cast<unsigned char>(s[start])); ++i) --start;
    size_t pos = start;
    const char32_t cp = decode_utf8(s, pos);
    return pos == s.size() ? cp : kReplacementChar;
}

bool is_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

std::string trim(std::string_view s) {
    size_t begin = 0;
    while (begin < s.size()) {
        size_t pos = begin;
        if (!is_space(decode_utf8(s, pos))) break;
        begin = pos;
    }
    size_t end = begin, pos = begin;
    while (pos < s.size()) {
        const char32_t cp = decode_utf8(s, pos);
        if (!is_space(cp)) end = pos;
    }
    return std::string(s.substr(begin, end - begin));
}

bool is_wide(char32_t c) {
    if (c < 0x1100) return false;  // fast path: Latin, Greek, Cyrillic …
    if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
        (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) ||
        (c >= 0xFFA0 && c <= 0xFFDC))
        return false;  // Hangul: Korean keeps spaces between words, so CSS keeps the break
    return (c >= 0x2E80 && c <= 0x303E) ||   // CJK radicals, Kangxi, CJK symbols & punctuation
           (c >= 0x3041 && c <= 0x33FF) ||   // kana, bopomofo, kanbun, enclosed CJK, compatibility
           (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
           (c >= 0xA000 && c <= 0xA4CF) ||   // Yi
           (c >= 0xF900 && c <= 0xFAFF) ||   // CJK compatibility ideographs
           (c >= 0xFE10 && c <= 0xFE19) ||   // vertical forms
           (c >= 0xFE30 && c <= 0xFE6F) ||   // CJK compatibility and small forms
           (c >= 0xFF01 && c <= 0xFF60) ||   // full-width ASCII
           (c >= 0xFF61 && c <= 0xFF9F) ||   // half-width katakana and punctuation (EAW H)
           (c >= 0xFFE0 && c <= 0xFFE6) ||   // full-width signs
           (c >= 0x1B000 && c <= 0x1B16F) || // kana supplement/extended
           (c >= 0x1F200 && c <= 0x1F2FF) || // enclosed ideographic supplement
           (c >= 0x20000 && c <= 0x3FFFD);   // CJK extensions B and beyond
}

}  // namespace tsunagu
