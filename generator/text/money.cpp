#include "text/money.h"

namespace tsunagu {

std::string grouped_number(long long n) {
    // Through unsigned, so the most negative value has a magnitude too.
    const unsigned long long magnitude = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    const std::string digits = std::to_string(magnitude);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

std::string yen_amount(long long n) { return grouped_number(n) + "円"; }

}  // namespace tsunagu
