// UTF-8 primitives shared by every stage: validation, decoding, trimming and the "wide
// character" test behind the Japanese line-break rule. No ICU here: these run in hot loops.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tsunagu {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). NUL bytes are valid.
bool is_valid_utf8(std::string_view s);

// Decodes the code point at s[pos] and advances pos past it. An ill-formed sequence yields
// U+FFFD and advances by its maximal subpart (at least one byte), as the Unicode standard
// recommends, so callers always make progress.
char32_t decode_utf8(std::string_view s, size_t& pos);

// Appends cp as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(char32_t cp);

std::u32string to_u32(std::string_view s);
std::string from_u32(std::u32string_view s);

// s with every ill-formed sequence replaced by U+FFFD (s itself when it is already valid).
std::string sanitize_utf8(std::string_view s);

// Number of code points (each ill-formed sequence counts as one).
size_t utf8_length(std::string_view s);

// The last / first code point of s, or 0 when s is empty.
char32_t last_code_point(std::string_view s);
char32_t first_code_point(std::string_view s);

// ASCII whitespace, NBSP, U+3000 (全角スペース), the other Unicode spaces, and the invisible
// characters that come with copied text (BOM, zero-width space).
bool is_space(char32_t cp);
std::string trim(std::string_view s);

// East Asian Width F, W or H, Hangul excluded: the characters between which CSS Text 3
// removes a segment break (CJK ideographs, kana, CJK punctuation, full-width forms).
bool is_wide(char32_t cp);

}  // namespace tsunagu
