#include "import/text_decoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <memory>

#include "text/utf8.h"

namespace tsunagu {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends UTF-16 code units as UTF-8; an unpaired surrogate becomes U+FFFD and is counted.
void append_utf16(DecodedText& out, std::u16string_view units, size_t bytes_per_bad_unit) {
    for (size_t i = 0; i < units.size(); ++i) {
        const char16_t u = units[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
            append_utf8(out.utf8, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(units[i + 1]) - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            append_utf8(out.utf8, kReplacementChar);
            out.undecodable_bytes += bytes_per_bad_unit;
            ++out.replacements;
        } else {
            append_utf8(out.utf8, u);
        }
    }
}

void decode_utf16(DecodedText& out, std::string_view bytes, bool little_endian) {
    std::u16string units;
    units.reserve(bytes.size() / 2);
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        units.push_back(little_endian ? char16_t(a | (b << 8)) : char16_t((a << 8) | b));
    }
    out.utf8.reserve(units.size() * 2);
    append_utf16(out, units, 2);
    if (bytes.size() % 2 == 1) {  // odd length: the last byte is half a code unit
        append_utf8(out.utf8, kReplacementChar);
        ++out.undecodable_bytes;
        ++out.replacements;
    }
}

// Counts ill-formed sequences and well-formed multi-byte characters: the evidence for UTF-8.
struct Utf8Evidence {
    size_t bad = 0;
    size_t multibyte = 0;
};

Utf8Evidence scan_utf8(std::string_view s) {
    Utf8Evidence e;
    size_t pos = 0;
    while (pos < s.size()) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) { ++pos; continue; }
        const size_t start = pos;
        const char32_t cp = decode_utf8(s, pos);
        if (cp == kReplacementChar && s.substr(start, 3) != "\xEF\xBF\xBD") ++e.bad;
        else ++e.multibyte;
    }
    return e;
}

void decode_utf8_lossy(DecodedText& out, std::string_view s) {
    out.utf8.reserve(s.size());
    size_t pos = 0;
    while (pos < s.size()) {
        const size_t start = pos;
        const char32_t cp = decode_utf8(s, pos);
        if (cp == kReplacementChar && s.substr(start, 3) != "\xEF\xBF\xBD") {
            out.undecodable_bytes += pos - start;
            ++out.replacements;
        }
        append_utf8(out.utf8, cp);
    }
}

// ICU's to-Unicode callback: always U+FFFD (ICU's own substitute writes U+001A for some
// single bytes), and count what was replaced.
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t length,
                          UConverterCallbackReason reason, UErrorCode* err) {
    if (reason != UCNV_ILLEGAL && reason != UCNV_UNASSIGNED && reason != UCNV_IRREGULAR) return;
    auto* out = static_cast<DecodedText*>(const_cast<void*>(context));
    out->undecodable_bytes += static_cast<size_t>(length);
    ++out->replacements;
    *err = U_ZERO_ERROR;
    const UChar sub = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &sub, 1, 0, err);
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

void decode_cp932(DecodedText& out, std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open("ibm-943_P15A-2003", &status));
    if (U_FAILURE(status) || !cnv) {
        // No ICU data: keep ASCII, replace the rest, rather than fail the import.
        for (char c : bytes) {
            if (static_cast<unsigned char>(c) < 0x80) out.utf8 += c;
            else { append_utf8(out.utf8, kReplacementChar); ++out.undecodable_bytes; ++out.replacements; }
        }
        return;
    }
    ucnv_setToUCallBack(cnv.get(), count_and_substitute, &out, nullptr, nullptr, &status);
    // CP932 gives at most one BMP code unit per byte, so one pass over fixed chunks suffices.
    std::u16string buffer(64 * 1024, u'\0');
    const char* source = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    out.utf8.reserve(bytes.size() * 3 / 2);
    for (;;) {
        UChar* target = reinterpret_cast<UChar*>(buffer.data());
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv.get(), &target, target + buffer.size(), &source, limit, nullptr, true, &status);
        const size_t written = static_cast<size_t>(target - reinterpret_cast<UChar*>(buffer.data()));
        append_utf16(out, std::u16string_view(buffer.data(), written), 1);
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        break;  // done, or an error ICU could not recover from (what was decoded is kept)
    }
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
    DecodedText out;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
        out.encoding = TextEncoding::utf16le;
        out.utf16_bom = true;
        decode_utf16(out, bytes.substr(2), true);
        return out;
    }
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF) {
        out.encoding = TextEncoding::utf16be;
        out.utf16_bom = true;
        decode_utf16(out, bytes.substr(2), false);
        return out;
    }
    while (bytes.substr(0, 3) == kUtf8Bom) {
        bytes.remove_prefix(3);
        ++out.utf8_boms;
    }
    const Utf8Evidence e = scan_utf8(bytes);
    if (e.bad == 0) {
        out.encoding = TextEncoding::utf8;
        out.utf8.assign(bytes);
        return out;
    }
    if (e.multibyte >= 8 * e.bad) {
        out.encoding = TextEncoding::utf8;
        decode_utf8_lossy(out, bytes);
        return out;
    }
    out.encoding = TextEncoding::cp932;
    decode_cp932(out, bytes);
    return out;
}

const char* encoding_name_ja(TextEncoding e) {
    switch (e) {
        case TextEncoding::utf8: return "UTF-8";
        case TextEncoding::utf16le: return "UTF-16LE";
        case TextEncoding::utf16be: return "UTF-16BE";
        case TextEncoding::cp932: return "シフトJIS（CP932）";
    }
    return "UTF-8";
}

const char* encoding_name_en(TextEncoding e) {
    switch (e) {
        case TextEncoding::utf8: return "UTF-8";
        case TextEncoding::utf16le: return "UTF-16LE";
        case TextEncoding::utf16be: return "UTF-16BE";
        case TextEncoding::cp932: return "Shift_JIS (CP932)";
    }
    return "UTF-8";
}

Diagnostics decoding_diagnostics(const DecodedText& text, const std::string& file) {
    Diagnostics ds;
    if (text.undecodable_bytes == 0) return ds;
    const std::string n = std::to_string(text.undecodable_bytes);
    ds.push_back(make_warning(
        "encoding.undecodable", SourcePos{file, 0, 0},
        std::string(encoding_name_ja(text.encoding)) + " として読めないバイトが " + n + " 個あり、「\xEF\xBF\xBD」に置き換えました",
        n + " bytes could not be decoded as " + encoding_name_en(text.encoding) + " and were replaced by U+FFFD"));
    return ds;
}

}  // namespace tsunagu
