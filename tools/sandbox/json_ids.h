// Exact handling of the API's 64-bit ids: digits from a JSON integer or a numeric string, never via double.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sandbox {

// Digits of a JSON integer (signed or unsigned storage). Floats and everything else: nullopt.
std::optional<std::string> integer_digits(const nlohmann::json& value);

// Digits of a JSON integer, or of a string made of 1-20 ASCII digits. Floats and everything else: nullopt.
std::optional<std::string> id_digits(const nlohmann::json& value);

bool is_digit_string(const std::string& text);

} // namespace sandbox
