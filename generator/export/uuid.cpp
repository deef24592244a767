#include "export/uuid.h"

#include <cstring>

namespace tsunagu {

namespace {

uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

void sha1_block(uint32_t h[5], const uint8_t* block) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i)
        w[i] = (uint32_t{block[4 * i]} << 24) | (uint32_t{block[4 * i + 1]} << 16) | (uint32_t{block[4 * i + 2]} << 8) |
               uint32_t{block[4 * i + 3]};
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
        uint32_t f, k;
        if (i < 20) f = (b & c) | (~b & d), k = 0x5A827999;
        else if (i < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
        else if (i < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
        else f = b ^ c ^ d, k = 0xCA62C1D6;
        const uint32_t t = rotl(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Sha1Digest sha1(std::string_view data) {
    uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    const auto* p = reinterpret_cast<const uint8_t*>(data.data());
    size_t n = data.size();
    size_t i = 0;
    for (; i + 64 <= n; i += 64) sha1_block(h, p + i);
    // Padding: 0x80, zeros, then the message length in bits as a 64-bit big-endian number.
    uint8_t tail[128] = {};
    const size_t rest = n - i;
    std::memcpy(tail, p + i, rest);
    tail[rest] = 0x80;
    const size_t tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
    const uint64_t bits = static_cast<uint64_t>(n) * 8;
    for (int b = 0; b < 8; ++b) tail[tail_len - 1 - b] = static_cast<uint8_t>(bits >> (8 * b));
    for (size_t off = 0; off < tail_len; off += 64) sha1_block(h, tail + off);
    Sha1Digest out;
    for (int j = 0; j < 5; ++j)
        for (int b = 0; b < 4; ++b) out[4 * j + b] = static_cast<uint8_t>(h[j] >> (24 - 8 * b));
    return out;
}

bool parse_uuid(std::string_view text, UuidBytes& out) {
    if (text.size() != 36) return false;
    size_t k = 0;
    for (size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') return false;
            ++i;
            continue;
        }
        const int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[k++] = static_cast<uint8_t>(hi * 16 + lo);
        i += 2;
    }
    return k == 16;
}

std::string format_uuid(const UuidBytes& u) {
    static const char* hex = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += hex[u[i] >> 4];
        s += hex[u[i] & 15];
    }
    return s;
}

UuidBytes uuid_v5(const UuidBytes& namespace_id, std::string_view name) {
    std::string buf(reinterpret_cast<const char*>(namespace_id.data()), namespace_id.size());
    buf.append(name);
    const Sha1Digest d = sha1(buf);
    UuidBytes u;
    std::memcpy(u.data(), d.data(), 16);
    u[6] = static_cast<uint8_t>((u[6] & 0x0F) | 0x50);  // version 5
    u[8] = static_cast<uint8_t>((u[8] & 0x3F) | 0x80);  // RFC 9562 variant
    return u;
}

}  // namespace tsunagu
