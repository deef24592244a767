// Amounts of money as Japanese readers expect them: 1,234,567円. Whole yen only.
#pragma once

#include <string>

namespace tsunagu {

// 1234567 → "1,234,567"; -5000 → "-5,000".
std::string grouped_number(long long n);
// 1234567 → "1,234,567円"; 0 → "0円" (for fees, where 0 means 無料, see record_views' yen_text).
std::string yen_amount(long long n);

}  // namespace tsunagu
