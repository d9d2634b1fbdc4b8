#include "core/users_reader.h"

#include "core/json_scan.h"
#include "core/plain_json.h"
#include "core/text.h"

#include <array>
#include <cstdint>
#include <deque>
#include <optional>

namespace rd {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t max_nesting = 64;            // as strict_json: deeper is refused there
constexpr std::size_t max_plain_members = 64;      // more in one object: the ordinary path checks names
constexpr std::size_t skipped_excerpt_bytes = 300; // as decoders.cpp

// decoders.cpp's items_of: the paging wrapper's list members, in the order they are preferred.
constexpr std::array<std::string_view, 5> wrapper_keys = {"results", "list", "records", "items", "data"};

// Reads a reply that is well-formed UTF-8 already. Every function returns false as soon as the
// text is not the plain, successful user list reply (see plain_json.h for "plain"): the caller then
// takes the ordinary path, which finds the reason, so none is kept here.
class UsersReader : JsonCursor {
    // A member name, with a key that tells most different names apart without comparing them.
    struct Name {
        std::uint32_t key;
        std::string_view text;
    };
    [[gnu::always_inline]] static std::uint32_t name_key(std::string_view name) {
        if (name.empty()) return 0;
        return static_cast<std::uint32_t>(name.size()) << 16 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(name.front())) << 8 |
               static_cast<unsigned char>(name.back());
    }

  public:
    explicit UsersReader(std::string_view text) : JsonCursor(text) {}

    bool envelope(std::string& request_id, UsersSink& sink) {
        skip_space();
        if (at_ == end_ || *at_ != '{') return false;
        bool success = false;
        const bool read = object(1, [&](std::string_view name) {
            if (name == "result"sv) return result(2, sink);
            if (name == "code"sv) { // string_member: a number or null is never "success"
                std::string_view code;
                if (*at_ != '"' || !string(code)) return false;
                success = code == "success"sv;
                return true;
            }
            if (name == "requestId"sv) {
                if (*at_ == 'n') {
                    request_id.clear();
                    return literal("null");
                }
                std::string_view id;
                if (*at_ != '"' || !string(id)) return false; // anything else is dumped: the ordinary path
                request_id.assign(id);
                return true;
            }
            return skip_value(2);
        });
        if (!read || !success) return false;
        skip_space();
        return at_ == end_;
    }

  private:
    // ---- the list ----

    // decoders.cpp's items_of: a list, null, or an object (a paging wrapper or a single user);
    // anything else is a shape error, which the ordinary path words.
    bool result(std::size_t depth, UsersSink& sink) {
        switch (*at_) {
        case '[': return items(depth, sink);
        case '{': return result_object(depth, sink);
        case 'n': return literal("null");
        default: return false;
        }
    }

    bool items(std::size_t depth, UsersSink& sink) {
        return array(depth, [&] { return item(depth + 1, sink); });
    }

    // Each wrapper key's list is kept in its own slot, since which one counts is known only at the
    // end; meanwhile the object is also read as the single user it may be.
    bool result_object(std::size_t depth, UsersSink& sink) {
        const char* start = at_;
        std::array<std::optional<UsersSink>, wrapper_keys.size()> lists;
        SubordinateUser user;
        std::optional<std::string> partner_id;
        const bool read = object(depth, [&](std::string_view name) {
            if (*at_ == '[') {
                for (std::size_t k = 0; k < wrapper_keys.size(); ++k)
                    if (name == wrapper_keys[k]) return items(depth + 1, lists[k].emplace());
            }
            return user_member(name, user, partner_id, depth + 1);
        });
        if (!read) return false;
        for (auto& list : lists) {
            if (list) {
                sink = std::move(*list);
                return true;
            }
        }
        if (partner_id && !partner_id->empty()) {
            user.partner_id = std::move(*partner_id);
            sink.users.push_back(std::move(user));
            return true;
        }
        return skip_item(start, sink);
    }

    bool item(std::size_t depth, UsersSink& sink) {
        const char* start = at_;
        if (*at_ != '{') return skip_value(depth) && skip_item(start, sink);
        SubordinateUser& user = sink.users.emplace_back();
        std::optional<std::string> partner_id;
        if (!object(depth,
                    [&](std::string_view name) { return user_member(name, user, partner_id, depth + 1); }))
            return false;
        if (partner_id && !partner_id->empty()) {
            user.partner_id = std::move(*partner_id);
            return true;
        }
        sink.users.pop_back();
        return skip_item(start, sink);
    }

    // The excerpt decode_subordinate_users keeps: the entry's JSON as nlohmann writes it, from
    // just the entry's text.
    bool skip_item(const char* start, UsersSink& sink) {
        auto entry =
            parse_plain_json(std::string_view(start, static_cast<std::size_t>(at_ - start)), max_nesting);
        if (!entry) return false;
        sink.skipped.push_back(utf8_prefix(json_text(*entry), skipped_excerpt_bytes));
        return true;
    }

    // One member of a User_Info, as decoders.cpp's subordinate_user_of reads it.
    bool user_member(std::string_view name, SubordinateUser& user, std::optional<std::string>& partner_id,
                     std::size_t depth) {
        std::string* field = nullptr;
        switch (name.size()) { // by length first: then one or two compares
        case 4:
            if (name == "city"sv) field = &user.city;
            break;
        case 5:
            if (name == "email"sv) field = &user.email;
            break;
        case 7:
            if (name == "company"sv) field = &user.company;
            else if (name == "country"sv) field = &user.country;
            break;
        case 8:
            if (name == "lastName"sv) field = &user.last_name;
            else if (name == "userType"sv) field = &user.user_type;
            break;
        case 9:
            if (name == "partnerId"sv) return opaque_id(partner_id, depth);
            if (name == "firstName"sv) field = &user.first_name;
            break;
        case 11:
            if (name == "phoneNumber"sv) field = &user.phone_number;
            break;
        default: break;
        }
        return field ? text(*field, depth) : skip_value(depth);
    }

    // decoders.cpp's text_of: strings as they are, integers and literals as nlohmann writes them,
    // null, objects and arrays empty.
    bool text(std::string& out, std::size_t depth) {
        switch (*at_) {
        case '"': {
            std::string_view value;
            if (!string(value)) return false;
            out.assign(value);
            return true;
        }
        case 't': out = "true"; return literal("true");
        case 'f': out = "false"; return literal("false");
        case 'n': out.clear(); return literal("null");
        case '{':
        case '[': out.clear(); return skip_value(depth);
        default: {
            JsonInteger number;
            if (!integer(number)) return false;
            // nlohmann keeps -0 as the signed integer 0
            out.assign(number.text == "-0"sv ? "0"sv : number.text);
            return true;
        }
        }
    }

    // ids.cpp's opaque_id_from_json: a string without U+FFFD as it is, a non-negative integer as
    // its digits, nothing else.
    bool opaque_id(std::optional<std::string>& out, std::size_t depth) {
        out.reset();
        if (*at_ == '"') {
            std::string_view value;
            if (!string(value)) return false;
            if (value.find("\xEF\xBF\xBD") == std::string_view::npos) out.emplace(value);
            return true;
        }
        if (*at_ == '-' || is_digit(*at_)) {
            JsonInteger number;
            if (!integer(number)) return false;
            if (!number.negative) out.emplace(number.text);
            return true;
        }
        return skip_value(depth);
    }

    // ---- JSON ----

    // A value of no interest, checked as thoroughly as one that is read.
    bool skip_value(std::size_t depth) {
        switch (*at_) {
        case '{': return object(depth, [&](std::string_view) { return skip_value(depth + 1); });
        case '[': return array(depth, [&] { return skip_value(depth + 1); });
        case '"': {
            std::string_view ignored;
            return string(ignored);
        }
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: {
            JsonInteger ignored;
            return integer(ignored);
        }
        }
    }

    // At '{', `depth` counting the object itself. `on_member(name)` reads the value, at its first
    // character. A name twice is the ordinary path's refusal; so are very wide objects, whose names
    // would take too long to compare here.
    template <class OnMember> bool object(std::size_t depth, OnMember&& on_member) {
        if (depth > max_nesting) return false;
        auto& names = names_[depth];
        names.clear();
        return sequence('}', [&] {
            if (*at_ != '"') return false;
            std::string_view name;
            if (!string(name)) return false;
            if (name.data() == scratch_.data()) name = escaped_names_.emplace_back(name); // outlive scratch_
            if (names.size() == max_plain_members) return false;
            const Name named{.key = name_key(name), .text = name};
            for (const Name& seen : names)
                if (seen.key == named.key && seen.text == name) return false;
            names.push_back(named);
            skip_space();
            if (at_ == end_ || *at_ != ':') return false;
            ++at_;
            skip_space();
            return at_ != end_ && on_member(name);
        });
    }

    // At '['; `on_item()` reads an item, at its first character.
    template <class OnItem> bool array(std::size_t depth, OnItem&& on_item) {
        if (depth > max_nesting) return false;
        return sequence(']', on_item);
    }

    bool string(std::string_view& out) { return utf8_string(out, scratch_); }

    std::string scratch_;                   // the last string that held an escape
    std::deque<std::string> escaped_names_; // member names that held one (a deque never moves them)
    std::array<std::vector<Name>, max_nesting + 1> names_; // names of the open objects, by depth
};

} // namespace

bool read_plain_users_reply(std::string_view text, std::string& request_id, UsersSink& sink) {
    return UsersReader(text).envelope(request_id, sink);
}

} // namespace rd
