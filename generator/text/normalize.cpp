#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace tsunagu {

namespace {

// ICU's Normalizer2 singletons are immutable and documented as safe to share between
// threads, so one lookup per process is enough (a function-local static is initialised once).
struct Normalizers {
    const icu::Normalizer2* nfkc = nullptr;
    const icu::Normalizer2* nfkc_cf = nullptr;
    const icu::Normalizer2* nfc = nullptr;
    Normalizers() {
        UErrorCode e = U_ZERO_ERROR;
        nfkc = icu::Normalizer2::getNFKCInstance(e);
        if (U_FAILURE(e)) nfkc = nullptr;
        e = U_ZERO_ERROR;
        nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(e);
        if (U_FAILURE(e)) nfkc_cf = nullptr;
        e = U_ZERO_ERROR;
        nfc = icu::Normalizer2::getNFCInstance(e);
        if (U_FAILURE(e)) nfc = nullptr;
    }
};

const Normalizers& normalizers() {
    static const Normalizers n;
    return n;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

std::string apply(const icu::Normalizer2* n, std::string_view s) {
    std::string in = sanitize_utf8(s);
    if (!n) return in;
    UErrorCode e = U_ZERO_ERROR;
    if (n->isNormalizedUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), e) && U_SUCCESS(e))
        return in;
    std::string out;
    out.reserve(in.size());
    icu::StringByteSink<std::string> sink(&out);
    e = U_ZERO_ERROR;
    n->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink, nullptr, e);
    return U_SUCCESS(e) ? out : in;
}

bool is_hiragana(char32_t c) { return c >= 0x3041 && c <= 0x3096; }
bool is_katakana(char32_t c) { return c >= 0x30A1 && c <= 0x30FA; }
bool is_kana(char32_t c) { return is_hiragana(c) || is_katakana(c) || c == 0x30FC; }
bool ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}
bool is_dash(char32_t c) {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D;
}

// One katakana code point as hiragana (may append two code points for ヷ..ヺ).
void append_hiragana(std::u32string& out, char32_t c) {
    if (c >= 0x30A1 && c <= 0x30F6) out += c - 0x60;
    else if (c == 0x30FD || c == 0x30FE) out += c - 0x60;  // ヽヾ → ゝゞ
    else if (c >= 0x30F7 && c <= 0x30FA) {                 // ヷヸヹヺ: no precomposed hiragana
        static const char32_t base[] = {0x308F, 0x3090, 0x3091, 0x3092};
        out += base[c - 0x30F7];
        out += 0x3099;
    } else out += c;
}

char32_t compose(char32_t a, char32_t b) {
    const auto* nfc = normalizers().nfc;
    if (!nfc) return 0;
    const UChar32 r = nfc->composePair(static_cast<UChar32>(a), static_cast<UChar32>(b));
    return r < 0 ? 0 : static_cast<char32_t>(r);
}

// The unvoiced form of a kana (ば → は); the kana itself when it has no dakuten.
char32_t unvoiced(char32_t c) {
    const auto* nfc = normalizers().nfc;
    icu::UnicodeString d;
    if (nfc && nfc->getDecomposition(static_cast<UChar32>(c), d) && d.length() > 0) return d.char32At(0);
    return c;
}

bool dropped_in_search(char32_t c) {
    if (c == 0x3006) return false;  // 〆 (締め) is used as a kanji
    const int32_t mask = U_MASK(u_charType(static_cast<UChar32>(c)));
    return (mask & (U_GC_P_MASK | U_GC_Z_MASK | U_GC_C_MASK | U_GC_SO_MASK | U_GC_SK_MASK)) != 0 || is_space(c);
}

}  // namespace

std::string nfkc(std::string_view s) {
    try {
        if (is_ascii(s)) return std::string(s);  // ASCII is already NFKC
        return apply(normalizers().nfkc, s);
    } catch (...) {
        return std::string();
    }
}

std::string katakana_to_hiragana(std::string_view s) {
    try {
        std::u32string out;
        out.reserve(s.size());
        for (char32_t c : to_u32(s)) append_hiragana(out, c);
        return from_u32(out);
    } catch (...) {
        return std::string();
    }
}

std::string hiragana_to_katakana(std::string_view s) {
    try {
        std::u32string out = to_u32(s);
        for (char32_t& c : out)
            if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E) c += 0x60;
        return from_u32(out);
    } catch (...) {
        return std::string();
    }
}

bool is_kana_reading(std::string_view s) {
    if (!is_valid_utf8(s)) return false;
    bool content = false;
    for (size_t pos = 0; pos < s.size();) {
        const char32_t c = decode_utf8(s, pos);
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
                           (c >= 0xFF41 && c <= 0xFF5A);
        const bool kana = is_hiragana(c) || (c >= 0x3099 && c <= 0x309E) || is_katakana(c) ||
                          c == 0x30FD || c == 0x30FE || (c >= 0x31F0 && c <= 0x31FF) ||
                          (c >= 0xFF66 && c <= 0xFF9F);  // half-width katakana, ｰ and ﾞﾟ included
        const bool marks = c == 0x30FC || c == 0x30FB || c == 0xFF65 || c == ' ' || c == 0x3000;
        if (!alnum && !kana && !marks) return false;
        if ((alnum || kana) && c != 0xFF70 && c != 0xFF9E && c != 0xFF9F) content = true;
    }
    return content;
}

bool is_ideograph(char32_t c) { return ideograph(c); }

std::u32string normalize_for_search_u32(std::string_view s, std::vector<size_t>* breaks) {
    std::string folded;
    if (is_ascii(s)) {
        folded.assign(s);
        for (char& c : folded)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        folded = apply(normalizers().nfkc_cf, s);
    }
    const std::u32string in = to_u32(folded);
    std::u32string out;
    out.reserve(in.size());
    auto mark = [&] {
        if (breaks && (breaks->empty() || breaks->back() != out.size())) breaks->push_back(out.size());
    };
    for (size_t i = 0; i < in.size(); ++i) {
        char32_t c = in[i];
        const char32_t prev = out.empty() ? 0 : out.back();
        if (c == 0x30F6 || c == 0x3096) c = 0x3051;       // ヶ (桜ヶ丘) → け, like 桜ケ丘
        else if (c == 0x30F5 || c == 0x3095) c = 0x304B;  // ヵ → か
        if (is_dash(c)) {
            // Dashes typed for ー inside a katakana word ("サ－ビス"); any other dash separates words.
            const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
            if (is_kana(prev) && is_kana(next)) out += 0x30FC;
            else mark();
            continue;
        }
        if (c == 0x3099 || c == 0x309A) {
            // A dakuten left alone (ﾊ + ﾞ after NFKC, or ゛ after its space was dropped): it joins
            // the previous kana even across the dropped space, so no boundary.
            if (const char32_t r = prev ? compose(prev, c) : 0) out.back() = r;
            continue;
        }
        if (c == 0x30FD || c == 0x309D) {  // ゝ: repeat the previous kana, unvoiced
            if (is_hiragana(prev)) out += unvoiced(prev);
            else if (is_katakana(prev)) out += unvoiced(prev) - 0x60;
            else out += 0x309D;
            continue;
        }
        if (c == 0x30FE || c == 0x309E) {  // ゞ: repeat it voiced
            const char32_t base = is_katakana(prev) ? unvoiced(prev) - 0x60 : unvoiced(prev);
            const char32_t voiced = is_kana(prev) ? compose(base, 0x3099) : 0;
            out += voiced ? voiced : char32_t(0x309E);
            continue;
        }
        if (c == 0x3005 || c == 0x303B) {  // 々 〻: repeat the previous ideograph
            out += ideograph(prev) ? prev : char32_t(0x3005);
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

std::string normalize_for_search(std::string_view s) {
    try {
        return from_u32(normalize_for_search_u32(s, nullptr));
    } catch (...) {
        return std::string();
    }
}

}  // namespace tsunagu
