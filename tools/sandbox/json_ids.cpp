#include "tools/sandbox/json_ids.h"

namespace sandbox {

std::optional<std::string> integer_digits(const nlohmann::json& value) {
    // nlohmann keeps integers as uint64/int64 exactly; only a literal with '.', 'e' or more than
    // 64 bits of magnitude becomes number_float, which is exactly what an id must not be.
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return std::nullopt;
}

bool is_digit_string(const std::string& text) {
    if (text.empty() || text.size() > 20) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

std::optional<std::string> id_digits(const nlohmann::json& value) {
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (is_digit_string(text)) return text;
        return std::nullopt;
    }
    return integer_digits(value);
}

} // namespace sandbox
