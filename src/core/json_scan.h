// The scanning both quick JSON readers share (plain_json.cpp builds a DOM, users_reader.cpp reads the
// user list straight into structs): a cursor over the text that skips white space and reads
// literals, integers, strings with escapes and comma-separated sequences. Each function returns
// false as soon as the text leaves the plain subset (plain_json.h), keeping no reason: the readers'
// callers then take nlohmann's path, which words it. A reader derives from JsonCursor.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rd {

// `text` when it is well-formed UTF-8, else its copy made so by valid_utf8 (strict_json.h) in
// `repaired`, as decode_envelope reads a reply. Most replies are UTF-8: they are read in place.
std::string_view utf8_text(std::string_view text, std::string& repaired);

// An integer nlohmann keeps exact: fractions, exponents and integers beyond 64 bits become doubles
// there, so they are not plain.
struct JsonInteger {
    std::string_view text; // as written, "-0" included
    std::uint64_t magnitude = 0;
    bool negative = false;
};

class JsonCursor {
  public:
    explicit JsonCursor(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

  protected:
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    // always_inline on tiny hot helpers: at -Os (the web build) each is a call per byte or name.
    [[gnu::always_inline]] void skip_space() {
        while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t'))
            ++at_;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word)
            return false;
        at_ += word.size();
        return true;
    }

    // Never through a double: the digits go to an unsigned 64-bit magnitude.
    bool integer(JsonInteger& out) {
        const char* start = at_;
        out.negative = *at_ == '-';
        if (out.negative) ++at_;
        const char* digits = at_;
        if (at_ == end_ || !is_digit(*at_)) return false;
        if (*at_ == '0') {
            ++at_; // JSON has no leading zeros
        } else {
            while (at_ != end_ && is_digit(*at_))
                ++at_;
        }
        if (at_ != end_ && (*at_ == '.' || *at_ == 'e' || *at_ == 'E' || is_digit(*at_))) return false;
        out.magnitude = 0;
        if (std::from_chars(digits, at_, out.magnitude).ec != std::errc{}) return false;
        if (out.negative && out.magnitude > std::uint64_t{1} << 63) return false;
        out.text = std::string_view(start, static_cast<std::size_t>(at_ - start));
        return true;
    }

    // At '{' or '[' (depth already checked): the items up to `close`, each read by `on_item()` at its
    // first character.
    template <class OnItem> bool sequence(char close, OnItem&& on_item) {
        ++at_;
        skip_space();
        if (at_ != end_ && *at_ == close) {
            ++at_;
            return true;
        }
        for (;;) {
            skip_space();
            if (at_ == end_ || !on_item()) return false;
            skip_space();
            if (at_ == end_) return false;
            if (*at_ == close) {
                ++at_;
                return true;
            }
            if (*at_++ != ',') return false;
        }
    }

    // At the opening quote, in text that is well-formed UTF-8 already, so only escapes and control
    // characters are checked. `out` views the text when the string holds no escape, else `scratch`.
    bool utf8_string(std::string_view& out, std::string& scratch) {
        const char* start = ++at_;
        while (end_ - at_ >= 8 && !special_in_eight())
            at_ += 8;
        while (at_ != end_) {
            const auto c = static_cast<unsigned char>(*at_);
            if (c == '"') {
                out = std::string_view(start, static_cast<std::size_t>(at_ - start));
                ++at_;
                return true;
            }
            if (c == '\\') {
                scratch.assign(start, at_);
                bool non_ascii = false; // no matter: the text is UTF-8
                if (!escaped_rest(scratch, non_ascii)) return false;
                out = scratch;
                return true;
            }
            if (c < 0x20) return false;
            ++at_;
        }
        return false;
    }

    // The rest of a string from its first backslash (at_) to just after its closing quote, appended
    // to `out` with escapes decoded (a \u surrogate only in a high-low pair). `non_ascii` is set when
    // a raw byte of it is 0x80 or above; the caller decides whether the raw bytes must be checked.
    bool escaped_rest(std::string& out, bool& non_ascii);

    const char* at_;
    const char* end_;

  private:
    // Whether the eight bytes at at_ (at least eight are left) hold a quote, a backslash or a
    // control character: most text holds none, so strings are skipped eight bytes at a time.
    [[gnu::always_inline]] bool special_in_eight() const {
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        std::uint64_t eight = 0;
        std::memcpy(&eight, at_, 8);
        const std::uint64_t quote = eight ^ (ones * '"'), backslash = eight ^ (ones * '\\');
        return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                ((eight - ones * 0x20) & ~eight)) &
               highs; // a zero byte, a zero byte, a byte below 0x20
    }

    bool hex4(std::uint32_t& out);
};

} // namespace rd
