#include "users_reply.h"

#include "decoders.h"
#include "envelope.h"
#include "plain_json.h"
#include "strict_json.h"
#include "text.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <string_view>

namespace rd {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t max_nesting = 64;            // as strict_json: deeper is refused there
constexpr std::size_t max_plain_members = 64;      // more in one object: the ordinary path checks names
constexpr std::size_t skipped_excerpt_bytes = 300; // as decoders.cpp

// decoders.cpp's items_of: the paging wrapper's list members, in the order they are preferred.
constexpr std::array<std::string_view, 5> wrapper_keys = {"results", "list", "records", "items", "data"};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// The users of one list, and the excerpts of the entries skipped.
struct ItemSink {
    std::vector<SubordinateUser> users;
    std::vector<std::string> skipped;
};

// Reads a reply that is well-formed UTF-8 already. Every function returns false as soon as the
// text is not the plain, successful user list reply (see plain_json.h for "plain"): the caller then
// takes the ordinary path, which finds the reason, so none is kept here.
class UsersReader {
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
    explicit UsersReader(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

    bool envelope(std::string& request_id, ItemSink& sink) {
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
    bool result(std::size_t depth, ItemSink& sink) {
        switch (*at_) {
        case '[': return items(depth, sink);
        case '{': return result_object(depth, sink);
        case 'n': return literal("null");
        default: return false;
        }
    }

    bool items(std::size_t depth, ItemSink& sink) {
        return array(depth, [&] { return item(depth + 1, sink); });
    }

    // Each wrapper key's list is kept in its own slot, since which one counts is known only at the
    // end; meanwhile the object is also read as the single user it may be.
    bool result_object(std::size_t depth, ItemSink& sink) {
        const char* start = at_;
        std::array<std::optional<ItemSink>, wrapper_keys.size()> lists;
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

    bool item(std::size_t depth, ItemSink& sink) {
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
    bool skip_item(const char* start, ItemSink& sink) {
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
            std::string_view digits;
            if (!integer(digits)) return false;
            if (digits == "-0") digits = "0"; // nlohmann keeps -0 as the signed integer 0
            out.assign(digits);
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
            std::string_view digits;
            if (!integer(digits)) return false;
            if (digits.front() != '-') out.emplace(digits);
            return true;
        }
        return skip_value(depth);
    }

    // ---- JSON ----

    // always_inline on tiny hot helpers: at -Os (the web build) each is a call per byte or name.
    [[gnu::always_inline]] void skip_space() {
        while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t'))
            ++at_;
    }

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
            std::string_view ignored;
            return integer(ignored);
        }
        }
    }

    // At '{', `depth` counting the object itself. `on_member(name)` reads the value, at its first
    // character. A name twice is the ordinary path's refusal; so are very wide objects, whose names
    // would take too long to compare here.
    template <class OnMember> bool object(std::size_t depth, OnMember&& on_member) {
        if (depth > max_nesting) return false;
        ++at_;
        auto& names = names_[depth];
        names.clear();
        skip_space();
        if (at_ != end_ && *at_ == '}') {
            ++at_;
            return true;
        }
        for (;;) {
            skip_space();
            if (at_ == end_ || *at_ != '"') return false;
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
            if (at_ == end_ || !on_member(name)) return false;
            skip_space();
            if (at_ == end_) return false;
            if (*at_ == '}') {
                ++at_;
                return true;
            }
            if (*at_++ != ',') return false;
        }
    }

    // At '['; `on_item()` reads an item, at its first character.
    template <class OnItem> bool array(std::size_t depth, OnItem&& on_item) {
        if (depth > max_nesting) return false;
        ++at_;
        skip_space();
        if (at_ != end_ && *at_ == ']') {
            ++at_;
            return true;
        }
        for (;;) {
            skip_space();
            if (at_ == end_ || !on_item()) return false;
            skip_space();
            if (at_ == end_) return false;
            if (*at_ == ']') {
                ++at_;
                return true;
            }
            if (*at_++ != ',') return false;
        }
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word)
            return false;
        at_ += word.size();
        return true;
    }

    // An integer nlohmann keeps exact (fractions, exponents and integers beyond 64 bits become
    // doubles there: the ordinary path); `text` is its JSON text.
    bool integer(std::string_view& text) {
        const char* start = at_;
        const bool negative = *at_ == '-';
        if (negative) ++at_;
        const char* digits = at_;
        if (at_ == end_ || !is_digit(*at_)) return false;
        if (*at_ == '0') {
            ++at_; // JSON has no leading zeros
        } else {
            while (at_ != end_ && is_digit(*at_))
                ++at_;
        }
        if (at_ != end_ && (*at_ == '.' || *at_ == 'e' || *at_ == 'E' || is_digit(*at_))) return false;
        std::uint64_t magnitude = 0;
        if (std::from_chars(digits, at_, magnitude).ec != std::errc{}) return false;
        if (negative && magnitude > std::uint64_t{1} << 63) return false;
        text = std::string_view(start, static_cast<std::size_t>(at_ - start));
        return true;
    }

    // At the opening quote. `out` views the text when the string holds no escape, else scratch_.
    // The text is well-formed UTF-8 already, so only escapes and control characters are checked.
    bool string(std::string_view& out) {
        const char* start = ++at_;
        while (end_ - at_ >= 8 && !special_in_eight()) // most text holds none: eight bytes at a time
            at_ += 8;
        while (at_ != end_) {
            const auto c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                out = std::string_view(start, static_cast<std::size_t>(at_ - start));
                ++at_;
                return true;
            }
            if (c == '\\') {
                scratch_.assign(start, at_);
                if (!escaped_rest()) return false;
                out = scratch_;
                return true;
            }
            if (c < 0x20) return false;
            ++at_;
        }
        return false;
    }

    // Whether the eight bytes at at_ hold a quote, a backslash or a control character.
    [[gnu::always_inline]] bool special_in_eight() const {
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        std::uint64_t eight = 0;
        std::memcpy(&eight, at_, 8);
        const std::uint64_t quote = eight ^ (ones * '"'), backslash = eight ^ (ones * '\\');
        return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                ((eight - ones * 0x20) & ~eight)) &
               highs; // a zero byte, a zero byte, a byte below 0x20
    }

    // The rest of a string from its first backslash, appended to scratch_.
    bool escaped_rest() {
        while (at_ != end_) {
            const auto c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                ++at_;
                return true;
            }
            if (c < 0x20) return false;
            if (c != '\\') {
                scratch_ += static_cast<char>(c);
                ++at_;
                continue;
            }
            if (++at_ == end_) return false;
            switch (*at_++) {
            case '"': scratch_ += '"'; break;
            case '\\': scratch_ += '\\'; break;
            case '/': scratch_ += '/'; break;
            case 'b': scratch_ += '\b'; break;
            case 'f': scratch_ += '\f'; break;
            case 'n': scratch_ += '\n'; break;
            case 'r': scratch_ += '\r'; break;
            case 't': scratch_ += '\t'; break;
            case 'u': {
                std::uint32_t code_point = 0;
                if (!hex4(code_point)) return false;
                if (code_point >= 0xDC00 && code_point <= 0xDFFF) return false; // a low surrogate alone
                if (code_point >= 0xD800 && code_point <= 0xDBFF) {
                    std::uint32_t low = 0;
                    if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') return false;
                    at_ += 2;
                    if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                    code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(scratch_, code_point);
                break;
            }
            default: return false;
            }
        }
        return false;
    }

    bool hex4(std::uint32_t& out) {
        if (end_ - at_ < 4) return false;
        for (int k = 0; k < 4; ++k) {
            const int digit = hex_value(*at_++);
            if (digit < 0) return false;
            out = out * 16 + static_cast<std::uint32_t>(digit);
        }
        return true;
    }

    const char* at_;
    const char* end_;
    std::string scratch_;                   // the last string that held an escape
    std::deque<std::string> escaped_names_; // member names that held one (a deque never moves them)
    std::array<std::vector<Name>, max_nesting + 1> names_; // names of the open objects, by depth
};

// decode_envelope + decode_subordinate_users, with the list's requestId on a shape error as
// RenewalFlow's lookups report it.
Result<SubordinateUsersReply> ordinary_path(const HttpResponse& response, std::vector<std::string>* skipped) {
    Result<ApiReply> reply = decode_envelope(response);
    if (!reply) return reply.error();
    auto users = decode_subordinate_users(reply.value().result, skipped);
    if (!users) {
        ApiError error = users.error();
        error.request_id = reply.value().request_id;
        return error;
    }
    return SubordinateUsersReply{.users = std::move(users.value()),
                                 .request_id = std::move(reply.value().request_id)};
}

} // namespace

Result<SubordinateUsersReply> decode_subordinate_users_reply(const HttpResponse& response,
                                                             std::vector<std::string>* skipped) {
    if (response.failure == TransportFailure::none && response.status >= 200 && response.status < 300) {
        // As decode_envelope: bytes that are not UTF-8 become U+FFFD first.
        std::string repaired_body;
        std::string_view text = response.body;
        if (!is_valid_utf8(text)) {
            bool repaired = false;
            repaired_body = valid_utf8(text, repaired);
            text = repaired_body;
        }
        SubordinateUsersReply reply;
        ItemSink sink;
        if (UsersReader(text).envelope(reply.request_id, sink)) {
            reply.users = std::move(sink.users);
            if (skipped)
                skipped->insert(skipped->end(), std::make_move_iterator(sink.skipped.begin()),
                                std::make_move_iterator(sink.skipped.end()));
            return reply;
        }
    }
    return ordinary_path(response, skipped);
}

} // namespace rd
