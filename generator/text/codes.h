// Identifier and code checks used by the check stage: municipality codes, 法人番号, record ids,
// phone numbers, and the privacy test on contact notes.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu {

// 全国地方公共団体コード (JIS X 0402): 6 digits, the last a check digit over the first five.
bool valid_municipality_code(std::string_view code);
// Check digit for a 5-digit code ('0'..'9'), or '\0' when `first5` is not 5 ASCII digits.
char municipality_check_digit(std::string_view first5);

// 都道府県 of a 全国地方公共団体コード from its first two digits (JIS X 0401: 01 北海道 … 47 沖縄県);
// "" when they are not 01..47.
std::string_view prefecture_name(std::string_view municipality_code);

// 法人番号: 13 digits, the first a check digit over the 12-digit 基礎番号 (財務省令第70号 第2条).
bool valid_corporate_number(std::string_view number);
// Check digit for a 12-digit 基礎番号 ('1'..'9'), or '\0' when it is not 12 ASCII digits.
char corporate_number_check_digit(std::string_view base12);

// Record id: [a-z0-9][a-z0-9-]*, at most 64 characters, no trailing '-' and no "--".
bool is_valid_id(std::string_view id);

// Full-width digits, dashes (including ー typed by mistake) and parentheses of a phone number
// made ASCII: "０３－１２３４－５６７８" → "03-1234-5678", "03(1234)5678" → "03-1234-5678".
// Text that does not look like a phone number comes back unchanged.
std::string normalize_phone(std::string_view phone);

// True when a contact note says the number or address is a private home or a personal mobile
// (山田様宅, 自宅, 個人宅, 宅の番号, 個人携帯, 携帯（個人）…), which must never be published.
// Words that only contain 宅 (在宅, 住宅, 宅配, 宅老所, ご自宅まで送迎) are not.
bool is_private_home_note(std::string_view note);

}  // namespace tsunagu
