#include "plain_json.h"

#include "strict_json.h"

#include <charconv>
#include <cstdint>
#include <string>

namespace rd {
namespace {

using nlohmann::json;

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

// Every function returns false as soon as the text leaves the plain subset; the caller then gives
// the whole text to nlohmann's parser, so no reason is kept.
class PlainReader {
  public:
    PlainReader(std::string_view text, std::size_t max_nesting)
        : at_(text.data()), end_(text.data() + text.size()), max_nesting_(max_nesting) {}

    bool document(json& root) {
        skip_space();
        if (!value(root, 0)) return false;
        skip_space();
        return at_ == end_;
    }

  private:
    void skip_space() {
        while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t'))
            ++at_;
    }

    bool value(json& out, std::size_t depth) {
        if (at_ == end_) return false;
        switch (*at_) {
        case '{': return object(out, depth + 1);
        case '[': return array(out, depth + 1);
        case '"': {
            json::string_t text;
            if (!string(text)) return false;
            out = std::move(text);
            return true;
        }
        case 't': return literal("true", json(true), out);
        case 'f': return literal("false", json(false), out);
        case 'n': return literal("null", json(nullptr), out);
        default: return number(out);
        }
    }

    bool literal(std::string_view word, json value, json& out) {
        if (static_cast<std::size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word)
            return false;
        at_ += word.size();
        out = std::move(value);
        return true;
    }

    bool object(json& out, std::size_t depth) {
        if (depth > max_nesting_) return false;
        ++at_;
        out = json::object();
        auto& members = out.get_ref<json::object_t&>();
        skip_space();
        if (at_ != end_ && *at_ == '}') {
            ++at_;
            return true;
        }
        for (;;) {
            skip_space();
            if (at_ == end_ || *at_ != '"') return false;
            json::string_t name;
            if (!string(name)) return false;
            skip_space();
            if (at_ == end_ || *at_ != ':') return false;
            ++at_;
            skip_space();
            auto [member, inserted] = members.try_emplace(std::move(name));
            if (!inserted || !value(member->second, depth))
                return false; // a name twice: strict_json's to word
            skip_space();
            if (at_ == end_) return false;
            if (*at_ == '}') {
                ++at_;
                return true;
            }
            if (*at_++ != ',') return false;
        }
    }

    bool array(json& out, std::size_t depth) {
        if (depth > max_nesting_) return false;
        ++at_;
        out = json::array();
        auto& items = out.get_ref<json::array_t&>();
        skip_space();
        if (at_ != end_ && *at_ == ']') {
            ++at_;
            return true;
        }
        for (;;) {
            skip_space();
            if (!value(items.emplace_back(), depth)) return false;
            skip_space();
            if (at_ == end_) return false;
            if (*at_ == ']') {
                ++at_;
                return true;
            }
            if (*at_++ != ',') return false;
        }
    }

    // Integers only: nlohmann reads fractions, exponents and integers beyond 64 bits as doubles.
    bool number(json& out) {
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
        if (!negative) {
            out = static_cast<json::number_unsigned_t>(magnitude);
        } else {
            if (magnitude > std::uint64_t{1} << 63) return false;
            // Two's complement wrap (defined since C++20); -0 stays a signed integer, as in nlohmann.
            out = static_cast<json::number_integer_t>(0 - magnitude);
        }
        return true;
    }

    // At the opening quote. Escape-free text is taken in one piece; non-ASCII text must be UTF-8.
    bool string(json::string_t& out) {
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
            if (c == '\\') return escaped_string(start, non_ascii, out);
            if (c < 0x20) return false;
            non_ascii |= c >= 0x80;
            ++at_;
        }
        return false;
    }

    // The rest of a string from its first backslash (at_); `start` is just after the opening quote,
    // `non_ascii` whether a byte before the backslash was.
    bool escaped_string(const char* start, bool non_ascii, json::string_t& out) {
        out.assign(start, at_);
        while (at_ != end_) {
            const auto c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                // Escapes are ASCII, so the raw text is UTF-8 exactly when its other bytes are.
                if (non_ascii &&
                    !is_valid_utf8(std::string_view(start, static_cast<std::size_t>(at_ - start))))
                    return false;
                ++at_;
                return true;
            }
            if (c < 0x20) return false;
            if (c != '\\') {
                non_ascii |= c >= 0x80;
                out += static_cast<char>(c);
                ++at_;
                continue;
            }
            if (++at_ == end_) return false;
            switch (*at_++) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
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
                append_utf8(out, code_point);
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
    std::size_t max_nesting_;
};

} // namespace

std::optional<nlohmann::json> parse_plain_json(std::string_view text, std::size_t max_nesting) {
    json root;
    if (!PlainReader(text, max_nesting).document(root)) return std::nullopt;
    return root;
}

} // namespace rd
