// Turns the bytes of a whole open-data file into UTF-8, whatever encoding it arrived in.
//
// Municipal CSVs come as UTF-8, UTF-8 with one or two BOMs (a tool added one to a file that
// had one), CP932 (Excel's "CSV" on Japanese Windows) or UTF-16 with a BOM (Excel's "Unicode
// text"). Detection, in order:
//   1. FF FE / FE FF → UTF-16LE / UTF-16BE (the BOM is the only reliable UTF-16 sign; files
//      without one are not guessed: they come out as CP932 with many replacements).
//   2. Leading UTF-8 BOMs (any number) are removed and counted.
//   3. Valid UTF-8 stays UTF-8. So does text that is UTF-8 apart from a few broken bytes
//      (at least 8 well-formed multi-byte characters per broken sequence): one damaged byte
//      must not turn a whole UTF-8 file into CP932 mojibake. CP932 Japanese almost never
//      passes this, because nearly every CP932 kanji pair is ill-formed UTF-8.
//   4. Anything else is CP932 (Windows-31J: Shift_JIS plus the NEC and IBM extensions such
//      as ①, ㈱, 髙, 﨑). ICU's "ibm-943_P15A-2003" (alias "windows-31j") was checked against
//      `iconv -f CP932` and Python's cp932 codec on every one of the 9,762 assigned codes and
//      all three agree (0x5C is '\', 0x8160 is U+FF5E, the user area F040–F9FC is the PUA).
// Decoding never throws: every byte that cannot be decoded becomes U+FFFD and is counted, so
// the caller can warn with a position-free diagnostic; NULs are kept as they are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace tsunagu {

enum class TextEncoding { utf8, utf16le, utf16be, cp932 };

struct DecodedText {
    std::string utf8;
    TextEncoding encoding = TextEncoding::utf8;
    int utf8_boms = 0;               // UTF-8 BOMs removed from the start (0, 1, 2 …)
    bool utf16_bom = false;          // the UTF-16 BOM that chose UTF-16 (removed)
    size_t undecodable_bytes = 0;    // input bytes that could not be decoded
    size_t replacements = 0;         // U+FFFD written for them (one per ill-formed sequence)
};

DecodedText decode_text(std::string_view bytes);

// "UTF-8", "UTF-16LE", "UTF-16BE", "シフトJIS（CP932）" / "Shift_JIS (CP932)".
const char* encoding_name_ja(TextEncoding e);
const char* encoding_name_en(TextEncoding e);

// A warning (code "encoding.undecodable") when some bytes could not be decoded, else nothing.
Diagnostics decoding_diagnostics(const DecodedText& text, const std::string& file);

}  // namespace tsunagu
