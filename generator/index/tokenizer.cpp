#include "index/tokenizer.h"

#include <algorithm>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace tsunagu {

namespace {

// This file repeats the loop of normalize_for_search (text/normalize.cpp) because that function
// throws away the positions of what it drops, and those positions are the word boundaries the
// tokenizer needs. The unit test checks, for every spec row, that the runs joined back equal
// normalize_for_search, so the two loops cannot drift apart silently.

const icu::Normalizer2* nfkc_casefold() {
    static const icu::Normalizer2* n = [] {
        UErrorCode e = U_ZERO_ERROR;
        const icu::Normalizer2* r = icu::Normalizer2::getNFKCCasefoldInstance(e);
        return U_FAILURE(e) ? nullptr : r;
    }();
    return n;
}

const icu::Normalizer2* nfc() {
    static const icu::Normalizer2* n = [] {
        UErrorCode e = U_ZERO_ERROR;
        const icu::Normalizer2* r = icu::Normalizer2::getNFCInstance(e);
        return U_FAILURE(e) ? nullptr : r;
    }();
    return n;
}

std::string fold(std::string_view s) {
    std::string in = sanitize_utf8(s);
    bool ascii = true;
    for (unsigned char c : in)
        if (c >= 0x80) ascii = false;
    if (ascii) {
        for (char& c : in)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return in;
    }
    const auto* n = nfkc_casefold();
    if (!n) return in;
    std::string out;
    out.reserve(in.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode e = U_ZERO_ERROR;
    n->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink, nullptr, e);
    return U_SUCCESS(e) ? out : in;
}

bool is_hiragana(char32_t c) { return c >= 0x3041 && c <= 0x3096; }
bool is_katakana(char32_t c) { return c >= 0x30A1 && c <= 0x30FA; }
bool is_kana(char32_t c) { return is_hiragana(c) || is_katakana(c) || c == 0x30FC; }
bool is_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}
bool is_dash(char32_t c) {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D;
}

void append_hiragana(std::u32string& out, char32_t c) {
    if (c >= 0x30A1 && c <= 0x30F6) out += c - 0x60;
    else if (c == 0x30FD || c == 0x30FE) out += c - 0x60;
    else if (c >= 0x30F7 && c <= 0x30FA) {
        static const char32_t base[] = {0x308F, 0x3090, 0x3091, 0x3092};
        out += base[c - 0x30F7];
        out += 0x3099;
    } else out += c;
}

char32_t compose(char32_t a, char32_t b) {
    const auto* n = nfc();
    if (!n) return 0;
    const UChar32 r = n->composePair(static_cast<UChar32>(a), static_cast<UChar32>(b));
    return r < 0 ? 0 : static_cast<char32_t>(r);
}

char32_t unvoiced(char32_t c) {
    const auto* n = nfc();
    icu::UnicodeString d;
    if (n && n->getDecomposition(static_cast<UChar32>(c), d) && d.length() > 0) return d.char32At(0);
    return c;
}

bool dropped_in_search(char32_t c) {
    if (c == 0x3006) return false;
    const int32_t mask = U_MASK(u_charType(static_cast<UChar32>(c)));
    return (mask & (U_GC_P_MASK | U_GC_Z_MASK | U_GC_C_MASK | U_GC_SO_MASK | U_GC_SK_MASK)) != 0 || is_space(c);
}

enum class Kind { separator, japanese, word };

// Japanese characters are the ones worth cutting into bigrams (no spaces between words);
// everything else with letters or digits is written with spaces and searched as words.
Kind kind_of(char32_t c) {
    if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x3005 && c <= 0x3007) || c == 0x303B || c == 0x303C || is_ideograph(c))
        return Kind::japanese;
    const int32_t mask = U_MASK(u_charType(static_cast<UChar32>(c)));
    if (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) return Kind::word;
    return Kind::separator;
}

// normalize_for_search, remembering where it dropped something (breaks holds offsets into
// out before which a boundary lies).
std::u32string normalize_with_breaks(std::string_view s, std::vector<size_t>& breaks) {
    const std::u32string in = to_u32(fold(s));
    std::u32string out;
    out.reserve(in.size());
    auto mark = [&] {
        if (breaks.empty() || breaks.back() != out.size()) breaks.push_back(out.size());
    };
    for (size_t i = 0; i < in.size(); ++i) {
        char32_t c = in[i];
        const char32_t prev = out.empty() ? 0 : out.back();
        if (c == 0x30F6 || c == 0x3096) c = 0x3051;
        else if (c == 0x30F5 || c == 0x3095) c = 0x304B;
        if (is_dash(c)) {
            const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
            if (is_kana(prev) && is_kana(next)) out += 0x30FC;
            else mark();  // "ABC-123", "サ - ロン": a dash that is not a long vowel separates
            continue;
        }
        if (c == 0x3099 || c == 0x309A) {
            // Joins the previous kana even across a dropped space (゛ is NFKC " ゙"), so no mark.
            if (const char32_t r = prev ? compose(prev, c) : 0) out.back() = r;
            continue;
        }
        if (c == 0x30FD || c == 0x309D) {
            if (is_hiragana(prev)) out += unvoiced(prev);
            else if (is_katakana(prev)) out += unvoiced(prev) - 0x60;
            else out += 0x309D;
            continue;
        }
        if (c == 0x30FE || c == 0x309E) {
            const char32_t base = is_katakana(prev) ? unvoiced(prev) - 0x60 : unvoiced(prev);
            const char32_t voiced = is_kana(prev) ? compose(base, 0x3099) : 0;
            out += voiced ? voiced : char32_t(0x309E);
            continue;
        }
        if (c == 0x3005 || c == 0x303B) {
            out += is_ideograph(prev) ? prev : char32_t(0x3005);
            continue;
        }
        if (dropped_in_search(c)) {
            mark();
            continue;
        }
        append_hiragana(out, c);
    }
    return out;
}

struct Run {
    std::u32string text;
    Kind kind;
};

std::vector<Run> runs_of(std::string_view text) {
    std::vector<size_t> breaks;
    const std::u32string out = normalize_with_breaks(text, breaks);
    std::vector<Run> runs;
    size_t next_break = 0;
    Kind current = Kind::separator;
    for (size_t i = 0; i < out.size(); ++i) {
        bool boundary = false;
        while (next_break < breaks.size() && breaks[next_break] <= i) {
            if (breaks[next_break] == i) boundary = true;
            ++next_break;
        }
        const Kind k = kind_of(out[i]);
        if (k == Kind::separator) {
            current = Kind::separator;
            continue;
        }
        if (boundary || k != current || runs.empty()) runs.push_back({std::u32string(), k});
        current = k;
        runs.back().text += out[i];
    }
    return runs;
}

void japanese_tokens(const std::u32string& run, bool singles, std::vector<std::string>& out) {
    if (run.size() == 1) {
        out.push_back(from_u32(run));
        return;
    }
    for (size_t i = 0; i + 1 < run.size(); ++i) out.push_back(from_u32(run.substr(i, 2)));
    if (singles)
        for (char32_t c : run) out.push_back(encode_utf8(c));
}

std::vector<std::string> tokens(std::string_view text, bool index) {
    std::vector<std::string> out;
    for (const Run& r : runs_of(text)) {
        if (r.kind == Kind::japanese) japanese_tokens(r.text, index, out);
        else out.push_back(from_u32(r.text));
    }
    if (index) {
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
}

}  // namespace

std::vector<std::string> search_runs(std::string_view text) {
    try {
        std::vector<std::string> out;
        for (const Run& r : runs_of(text)) out.push_back(from_u32(r.text));
        return out;
    } catch (...) {
        return {};
    }
}

std::vector<std::string> tokenize_for_index(std::string_view text) {
    try {
        return tokens(text, true);
    } catch (...) {
        return {};
    }
}

std::vector<std::string> tokenize_query(std::string_view text) {
    try {
        return tokens(text, false);
    } catch (...) {
        return {};
    }
}

}  // namespace tsunagu
