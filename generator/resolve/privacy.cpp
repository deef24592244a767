#include "resolve/privacy.h"

#include <cmath>

#include "text/normalize.h"

namespace tsunagu {

std::string address_to_chome(const std::string& address) {
    const std::string a = nfkc(address);  // full-width digits and hyphens become ASCII
    const size_t chome = a.find("丁目");
    if (chome != std::string::npos) return a.substr(0, chome + std::string("丁目").size());
    // Without 丁目, everything from the first digit on is a lot or house number.
    const size_t digit = a.find_first_of("0123456789");
    if (digit == std::string::npos) return a;
    std::string cut = a.substr(0, digit);
    while (!cut.empty() && (cut.back() == ' ' || cut.back() == '-')) cut.pop_back();
    return cut;
}

GeoPoint rounded_point(const GeoPoint& p) {
    if (!p.present) return p;
    constexpr double grid = 0.005;  // ≈ 550 m north–south, ≈ 450 m east–west at 35°N
    return GeoPoint{std::round(p.lat / grid) * grid, std::round(p.lon / grid) * grid, true};
}

void protect_private_venue(Venue& v) {
    if (!v.private_home) return;
    v.address = address_to_chome(v.address);
    v.address_detail.clear();
    v.geo = rounded_point(v.geo);
}

}  // namespace tsunagu
