// Id64: the API's 64-bit ids (plan, billing contact, order), carried exactly.
// Ids in the docs exceed 2^53, so they never pass through a double: they are read from a JSON
// integer token or a decimal string, and written back as a bare JSON integer.
#pragma once

#include "core/json_fwd.h"
#include "core/result.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rd {

struct Id64 {
    std::uint64_t value = 0;
    auto operator<=>(const Id64&) const = default;
    std::string to_string() const;
};

// Decimal digits only (no sign, no spaces, no exponent), within 64 bits.
std::optional<Id64> parse_id(std::string_view digits);

// The same, for text a person typed: surrounding spaces are ignored; the error's detail is
// typed_id_invalid with `which` and the problem (empty, not_digits).
Result<Id64> parse_typed_id(std::string_view text, TypedId which);

// A JSON integer or a decimal string. The error's detail is id_unreadable, `field` its subject.
Result<Id64> id_from_json(const Json& value, std::string_view field);

// Ids the API keeps opaque (partnerId may be an email): a string as is, an integer as its exact digits.
std::optional<std::string> opaque_id_from_json(const Json& value);

} // namespace rd
