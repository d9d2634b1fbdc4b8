#include "core/plain_json.h"

#include "core/json_scan.h"
#include "core/strict_json.h"

#include <algorithm>
#include <string>
#include <vector>

namespace rd {
namespace {

// Every function returns false as soon as the text leaves the plain subset; the caller then gives
// the whole text to nlohmann's parser, so no reason is kept.
class PlainReader : JsonCursor {
  public:
    PlainReader(std::string_view text, std::size_t max_nesting)
        : JsonCursor(text), max_nesting_(max_nesting), last_sizes_(max_nesting + 1) {}

    bool document(Json& root) {
        skip_space();
        if (!value(root, 0)) return false;
        skip_space();
        return at_ == end_;
    }

  private:
    bool value(Json& out, std::size_t depth) {
        if (at_ == end_) return false;
        switch (*at_) {
        case '{': return object(out, depth + 1);
        case '[': return array(out, depth + 1);
        case '"': {
            Json::string_t text;
            if (!string(text)) return false;
            out = std::move(text);
            return true;
        }
        case 't': return literal("true", Json(true), out);
        case 'f': return literal("false", Json(false), out);
        case 'n': return literal("null", Json(nullptr), out);
        default: return number(out);
        }
    }

    bool literal(std::string_view word, Json value, Json& out) {
        if (!JsonCursor::literal(word)) return false;
        out = std::move(value);
        return true;
    }

    bool object(Json& out, std::size_t depth) {
        if (depth > max_nesting_) return false;
        out = Json::object();
        auto& members = out.get_ref<Json::object_t&>();
        // Room for as many members as the last object at this depth had (a list's items are alike),
        // a few dozen at most: Json's objects are vectors, and one grown member by member is
        // reallocated each time it fills (its names copied: they are const).
        std::size_t& last_size = last_sizes_[depth];
        members.reserve(std::min(last_size, reserved_at_most));
        MemberNames names;
        const bool read = sequence('}', [&] {
            if (*at_ != '"') return false;
            Json::string_t name;
            if (!string(name)) return false;
            skip_space();
            if (at_ == end_ || *at_ != ':') return false;
            ++at_;
            skip_space();
            Json* member = names.add(members, name);
            return member && value(*member, depth); // a name twice: strict_json's to word
        });
        last_size = members.size();
        return read;
    }

    bool array(Json& out, std::size_t depth) {
        if (depth > max_nesting_) return false;
        out = Json::array();
        auto& items = out.get_ref<Json::array_t&>();
        return sequence(']', [&] { return value(items.emplace_back(), depth); });
    }

    // Integers only: nlohmann reads fractions, exponents and integers beyond 64 bits as doubles.
    bool number(Json& out) {
        JsonInteger number;
        if (!integer(number)) return false;
        if (!number.negative) {
            out = static_cast<Json::number_unsigned_t>(number.magnitude);
        } else {
            // Two's complement wrap (defined since C++20); -0 stays a signed integer, as in nlohmann.
            out = static_cast<Json::number_integer_t>(0 - number.magnitude);
        }
        return true;
    }

    // At the opening quote. Escape-free text is taken in one piece; non-ASCII text must be UTF-8.
    bool string(Json::string_t& out) {
        const char* start = ++at_;
        bool non_ascii = false;
        while (at_ != end_) {
            const auto c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                if (non_ascii &&
                    !is_valid_utf8(std::string_view(start, static_cast<std::size_t>(at_ - start))))
                    return false;
                out.assign(start, at_);
                ++at_;
                return true;
            }
            if (c == '\\') {
                // Escapes are ASCII, so the raw text is UTF-8 exactly when its other bytes are.
                out.assign(start, at_);
                return escaped_rest(out, non_ascii) &&
                       (!non_ascii ||
                        is_valid_utf8(std::string_view(start, static_cast<std::size_t>(at_ - 1 - start))));
            }
            if (c < 0x20) return false;
            non_ascii |= c >= 0x80;
            ++at_;
        }
        return false;
    }

    static constexpr std::size_t reserved_at_most = 32;
    std::size_t max_nesting_;
    std::vector<std::size_t> last_sizes_; // by depth: the members of the last object read there
};

} // namespace

Json* MemberNames::add(Json::object_t& members, Json::string_t& name) {
    if (members.size() < walked) {
        for (const auto& member : members)
            if (member.first == name) return nullptr;
    } else {
        if (names_.empty())
            for (const auto& member : members)
                names_.insert(member.first);
        if (!names_.insert(name).second) return nullptr;
    }
    // Not members[name] nor emplace: both walk the members again.
    return &members.emplace_back(std::move(name), Json()).second;
}

std::optional<Json> parse_plain_json(std::string_view text, std::size_t max_nesting) {
    Json root;
    if (!PlainReader(text, max_nesting).document(root)) return std::nullopt;
    return root;
}

} // namespace rd
