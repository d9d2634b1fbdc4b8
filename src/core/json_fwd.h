// rd::Json: the product's one JSON type, declared here without nlohmann's whole header (for headers
// that only name it); code that reads or writes JSON includes core/json.h.
//
// One type, nlohmann::ordered_json, so the web page links one instantiation of nlohmann's parser,
// serializer and value code, not two (nlohmann::json beside it cost ~38 KB of wasm). An object keeps
// its members in the order they were written or received: dump() writes them in that order, not
// sorted by name, and == between two objects compares them in order. The members are a vector:
// find() walks it, so code that adds members read from outside must not look each one up among
// those before it (MemberNames, core/plain_json.h). Text is parsed as a std::string_view, as
// parse_strict does: nlohmann instantiates its lexer and parser per kind of input iterator, and a
// std::string's would be a second copy in the page (3.3 KB of wasm).
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace rd {

using Json = nlohmann::ordered_json;

} // namespace rd
