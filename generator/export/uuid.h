// Deterministic identifiers for exported records: name-based UUIDs (RFC 9562 version 5, SHA-1),
// so the same record gets the same id in every build and every export consumer can join on it.
// SHA-1 is written here because nothing linked into tsunagu provides one (no OpenSSL) and
// adding a library for 80 lines is not worth it; it is used as a name hash, not for security.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tsunagu {

using Sha1Digest = std::array<uint8_t, 20>;
using UuidBytes = std::array<uint8_t, 16>;

Sha1Digest sha1(std::string_view data);

// "6ba7b811-9dad-11d1-80b4-00c04fd430c8" → bytes; false when the text is not a UUID.
bool parse_uuid(std::string_view text, UuidBytes& out);
std::string format_uuid(const UuidBytes& u);

// UUIDv5 of name in namespace_id (RFC 9562 §5.5).
UuidBytes uuid_v5(const UuidBytes& namespace_id, std::string_view name);

}  // namespace tsunagu
