#include "ids.h"

#include "text.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace rd {

std::string Id64::to_string() const {
    return std::to_string(value);
}

std::optional<Id64> parse_id(std::string_view digits) {
    if (digits.empty() || digits.size() > 20) return std::nullopt;
    for (char c : digits)
        if (c < '0' || c > '9') return std::nullopt;
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return Id64{value};
}

Result<Id64> parse_typed_id(std::string_view text, std::string_view what) {
    auto first = text.find_first_not_of(" \t\r\n");
    auto last = text.find_last_not_of(" \t\r\n");
    std::string_view trimmed =
        first == std::string_view::npos ? std::string_view{} : text.substr(first, last - first + 1);
    ApiError error{.kind = ErrorKind::input};
    if (trimmed.empty()) {
        error.detail_message = std::string(what) + " is empty.";
        return error;
    }
    if (auto id = parse_id(trimmed)) return *id;
    error.detail_message =
        std::string(what) + " must be digits only and fit in 64 bits (at most 18446744073709551615).";
    return error;
}

Result<Id64> id_from_json(const nlohmann::json& value, std::string_view field) {
    ApiError error{.kind = ErrorKind::parse};
    if (value.is_number_unsigned()) return Id64{value.get<std::uint64_t>()};
    if (value.is_number_integer()) { // the parser keeps only negatives signed; "-0" is one of them
        error.detail_message =
            std::string(field) + (value.get<std::int64_t>() == 0 ? " is -0, which is not an id"
                                                                 : " is negative: " + json_text(value));
        return error;
    }
    if (value.is_string()) {
        if (auto id = parse_id(value.get_ref<const std::string&>())) return *id;
        error.detail_message = std::string(field) + " is not a 64-bit decimal number: " + json_text(value);
        return error;
    }
    if (value.is_number_float()) {
        error.detail_message =
            std::string(field) + " is not an exact integer (a fraction, an exponent or more than 64 bits)";
        return error;
    }
    error.detail_message = std::string(field) +
                           (value.is_null() ? " is missing" : " has an unexpected type: " + json_text(value));
    return error;
}

std::optional<std::string> opaque_id_from_json(const nlohmann::json& value) {
    if (value.is_string()) {
        // U+FFFD is what a byte that was not UTF-8 became (envelope.cpp): that id is no longer exact.
        const auto& text = value.get_ref<const std::string&>();
        if (text.find("\xEF\xBF\xBD") != std::string::npos) return std::nullopt;
        return text;
    }
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    // Negative integers (and -0, which the parser keeps signed) are no id; floats (1e3, 2^64) are not exact.
    return std::nullopt;
}

} // namespace rd
