// A quick reader for the plain JSON the API sends: objects, arrays, strings, integers, true, false,
// null. parse_strict (strict_json.h) tries it first and falls back to nlohmann's own parser for
// anything else, so this reader only has to be right about what it accepts, never about why
// something is refused. It builds the same nlohmann DOM, 2-3 times faster on a 10,000-user list
// (no per-character token buffer, strings taken straight from the text when they hold no escape).
#pragma once

#include "core/json.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string_view>

namespace rd {

// The document `text` holds, exactly as Json::parse would build it; nothing when the
// text is not plain: a fraction or an exponent, an integer beyond 64 bits, a byte-order mark,
// nesting deeper than `max_nesting`, a member named twice, bytes that are not UTF-8, or anything
// that is not JSON at all. Never throws.
std::optional<Json> parse_plain_json(std::string_view text, std::size_t max_nesting);

// The names of one object being read, for both readers (this one and strict_json.cpp's), which
// refuse a member named twice. Json keeps an object's members in a vector and finds a name by
// walking it: fine for the API's objects of a dozen members, quadratic for a wide one from outside
// (a 16 MB reply can name a million members). Past a few members the names go into a set too (a
// std::set<std::string>: the page has that code already, where a hash set would add 3 KB of wasm).
class MemberNames {
  public:
    // The value of a new last member of `members` named `name` (moved from), or nullptr when
    // `members` has one of that name already (`name` is left as it was).
    Json* add(Json::object_t& members, Json::string_t& name);

  private:
    static constexpr std::size_t walked = 16; // up to this many members, a walk is quicker
    std::set<Json::string_t> names_;          // every member's name, once there are more
};

} // namespace rd
