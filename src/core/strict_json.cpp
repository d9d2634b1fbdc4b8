#include "core/strict_json.h"

#include "core/plain_json.h"
#include "core/text.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace rd {
namespace {

constexpr std::size_t max_nesting = 64; // the API's documents nest 4 or 5 levels

// ---- UTF-8 ----

// Length of the well-formed UTF-8 sequence at text[at], or 0 when there is none; then `bad` is the
// length of the ill-formed part to replace with one U+FFFD (Unicode's "maximal subpart" practice).
std::size_t utf8_sequence(std::string_view text, std::size_t at, std::size_t& bad) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return 1;
    int continuations = 0;
    unsigned char low = 0x80, high = 0xBF; // range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        if (lead == 0xE0) low = 0xA0;  // no overlong forms
        if (lead == 0xED) high = 0x9F; // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        if (lead == 0xF0) low = 0x90;  // no overlong forms
        if (lead == 0xF4) high = 0x8F; // nothing past U+10FFFF
    } else {
        bad = 1; // a continuation byte alone, C0, C1, F5..FF
        return 0;
    }
    for (int k = 0; k < continuations; ++k) {
        const std::size_t i = at + 1 + static_cast<std::size_t>(k);
        const auto byte = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
        if (i >= text.size() || byte < (k == 0 ? low : 0x80) || byte > (k == 0 ? high : 0xBF)) {
            bad = i - at;
            return 0;
        }
    }
    return static_cast<std::size_t>(continuations) + 1;
}

// Whether `text` is well-formed UTF-8: eight ASCII bytes at a time, the rest one sequence at a time.
bool well_formed_utf8(std::string_view text) {
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::size_t at = 0;
    while (at < text.size()) {
        if (text.size() - at >= 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, text.data() + at, 8);
            if ((eight & high_bits) == 0) {
                at += 8;
                continue;
            }
        }
        std::size_t bad = 0;
        const std::size_t length = utf8_sequence(text, at, bad);
        if (length == 0) return false;
        at += length;
    }
    return true;
}

// `text` with every ill-formed UTF-8 part replaced by U+FFFD; `changed` says whether there was any.
std::string repaired_utf8(std::string_view text, bool& changed) {
    changed = false;
    std::string out;
    std::size_t copied = 0; // text[0, copied) is in `out` already (only once something changed)
    for (std::size_t at = 0; at < text.size();) {
        std::size_t bad = 0;
        const std::size_t length = utf8_sequence(text, at, bad);
        if (length > 0) {
            at += length;
            continue;
        }
        if (!changed) out.reserve(text.size() + 16);
        changed = true;
        out.append(text.substr(copied, at - copied));
        out += "\xEF\xBF\xBD";
        at += bad;
        copied = at;
    }
    if (!changed) return std::string(text);
    out.append(text.substr(copied));
    return out;
}

// Builds the document as nlohmann's own DOM parser does, except that it refuses a member named twice
// in one object and nesting deeper than max_nesting (the decoders walk documents recursively).
class StrictDocument {
  public:
    Json root;
    ErrorDetail refusal; // why the document was refused, when it was for one of our reasons

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(Json::number_integer_t value) { return add(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return add(value); }
    bool number_float(Json::number_float_t value, const Json::string_t&) { return add(value); }
    bool string(Json::string_t& value) { return add(std::move(value)); }
    bool binary(Json::binary_t& value) { return add(Json::binary(value)); } // never from JSON text
    bool start_object(std::size_t) { return open(Json::value_t::object); }
    bool start_array(std::size_t) { return open(Json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t& name) {
        Open& object = open_.back();
        member_ = object.names.add(object.container->get_ref<Json::object_t&>(), name);
        if (!member_) {
            // Which of its values is meant cannot be told.
            refusal = {.kind = DetailKind::member_twice, .subject = utf8_prefix(name, 60)};
            return false;
        }
        return true;
    }

    template <class Exception> bool parse_error(std::size_t, const std::string&, const Exception&) {
        return false;
    }

  private:
    Json* slot() {
        if (open_.empty()) return &root;
        Json& parent = *open_.back().container;
        if (!parent.is_array()) return member_;
        auto& items = parent.get_ref<Json::array_t&>();
        items.emplace_back();
        return &items.back();
    }

    template <class Value> bool add(Value&& value) {
        *slot() = Json(std::forward<Value>(value));
        return true;
    }

    bool open(Json::value_t type) {
        if (open_.size() >= max_nesting) {
            refusal = {.kind = DetailKind::nested_too_deeply};
            return false;
        }
        Json* container = slot();
        *container = Json(type);
        open_.push_back({.container = container});
        return true;
    }

    bool close() {
        open_.pop_back();
        return true;
    }

    struct Open {
        Json* container;
        MemberNames names; // an object's
    };

    std::vector<Open> open_; // the arrays and objects being filled, outermost first
    Json* member_ = nullptr; // where the value after the last key goes
};

} // namespace

std::string valid_utf8(std::string_view text, bool& changed) {
    if (well_formed_utf8(text)) {
        changed = false;
        return std::string(text);
    }
    return repaired_utf8(text, changed);
}

bool is_valid_utf8(std::string_view text) {
    return well_formed_utf8(text);
}

std::optional<Json> parse_strict(std::string_view text, ErrorDetail& refusal) {
    // The common case, quickly; anything else (and every refusal, with its reason) through nlohmann.
    if (auto plain = parse_plain_json(text, max_nesting)) return plain;
    StrictDocument document;
    if (Json::sax_parse(text, &document)) return std::move(document.root);
    refusal = document.refusal;
    return std::nullopt;
}

} // namespace rd
