#include "core/ids.h"

#include "core/json.h"
#include "core/text.h"

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

Result<Id64> parse_typed_id(std::string_view text, TypedId which) {
    auto first = text.find_first_not_of(" \t\r\n");
    auto last = text.find_last_not_of(" \t\r\n");
    std::string_view trimmed =
        first == std::string_view::npos ? std::string_view{} : text.substr(first, last - first + 1);
    if (!trimmed.empty())
        if (auto id = parse_id(trimmed)) return *id;
    return ApiError{.kind = ErrorKind::input,
                    .detail = {.kind = DetailKind::typed_id_invalid,
                               .id_problem = trimmed.empty() ? IdProblem::empty : IdProblem::not_digits,
                               .typed_id = which}};
}

Result<Id64> id_from_json(const Json& value, std::string_view field) {
    ErrorDetail detail{.kind = DetailKind::id_unreadable, .subject = std::string(field)};
    if (value.is_number_unsigned()) return Id64{value.get<std::uint64_t>()};
    if (value.is_number_integer()) { // the parser keeps only negatives signed; "-0" is one of them
        detail.id_problem = value.get<std::int64_t>() == 0 ? IdProblem::minus_zero : IdProblem::negative;
        detail.value = json_text(value);
    } else if (value.is_string()) {
        if (auto id = parse_id(value.get_ref<const std::string&>())) return *id;
        detail.id_problem = IdProblem::not_decimal;
        detail.value = json_text(value);
    } else if (value.is_number_float()) {
        detail.id_problem = IdProblem::not_exact; // a fraction, an exponent or more than 64 bits
    } else if (value.is_null()) {
        detail.id_problem = IdProblem::missing;
    } else {
        detail.id_problem = IdProblem::wrong_type;
        detail.value = json_text(value);
    }
    return ApiError{.kind = ErrorKind::parse, .detail = std::move(detail)};
}

std::optional<std::string> opaque_id_from_json(const Json& value) {
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
