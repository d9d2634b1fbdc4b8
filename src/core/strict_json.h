// Reading outside JSON strictly. The text is made valid UTF-8 first (a byte that is not UTF-8 in one
// person's name must not hide the whole list: it becomes U+FFFD, and ids holding one are refused by
// ids.cpp), then parsed refusing what nlohmann would quietly accept: a member named twice in one
// object (nlohmann keeps its last value) and nesting deeper than 64 levels (the decoders recurse).
#pragma once

#include "core/error_detail.h"
#include "core/json.h"

#include <optional>
#include <string>
#include <string_view>

namespace rd {

// `text` with every ill-formed UTF-8 part replaced by U+FFFD (Unicode's "maximal subpart"
// practice); `changed` says whether there was any.
std::string valid_utf8(std::string_view text, bool& changed);

// Whether `text` is well-formed UTF-8 already (then valid_utf8 would only copy it).
bool is_valid_utf8(std::string_view text);

// The document, or nothing; `refusal` then says why when it was one of the two reasons above
// (member_twice, nested_too_deeply), and stays DetailKind::none for plain invalid JSON.
std::optional<Json> parse_strict(std::string_view text, ErrorDetail& refusal);

} // namespace rd
