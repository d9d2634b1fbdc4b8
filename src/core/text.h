// Small text helpers shared by the decoders, the screens and the platform layers.
#pragma once

#include "core/json.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rd {

// The code point at text[at] and its length in bytes, or 0 when the bytes there are not valid UTF-8
// (a stray continuation byte, a truncated sequence, an overlong form, a surrogate, beyond U+10FFFF).
inline std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& c) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(at);
    const std::size_t length = b0 < 0x80           ? 1
                               : (b0 >> 5) == 0x6  ? 2
                               : (b0 >> 4) == 0xE  ? 3
                               : (b0 >> 3) == 0x1E ? 4
                                                   : 0;
    if (length == 0 || at + length > text.size()) return 0;
    c = length == 1 ? b0 : length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        c = (c << 6) | (byte(at + i) & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < smallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return length;
}

// Appends `code_point` (a Unicode scalar value) to `out` as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t code_point) {
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

// ASCII lower case (names, search text, HTML tags); other bytes, UTF-8 included, pass unchanged.
inline std::string ascii_lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// JSON text of a document that may hold text from outside (an excerpt cut mid-character, a Latin-1
// proxy page, a typed Base URL). Invalid UTF-8 becomes U+FFFD instead of nlohmann's type_error.316:
// the web build has no exception catching, so a throw would abort the page. Use it for every dump.
inline std::string json_text(const Json& doc, int indent = -1) {
    return doc.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// At most `max_bytes` of `text`, cut before a UTF-8 continuation byte so that a character is never
// split; "..." marks a cut.
inline std::string utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut)) + "...";
}

// Overwrites `size` bytes with zeros through a volatile pointer, so the stores are kept even when
// the memory is freed right after.
inline void wipe_bytes(char* data, std::size_t size) {
    volatile char* bytes = data;
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = '\0';
}

// Overwrites every byte the string holds (its whole capacity, not only its size) and gives the
// memory back. For secrets such as a request body carrying client_secret=...: what the allocator
// hands out later no longer holds them. Copies made elsewhere (libcurl, the browser) are out of reach.
inline void wipe_string(std::string& text) {
    text.resize(text.capacity()); // within capacity: no reallocation, and every byte may be written
    wipe_bytes(text.data(), text.size());
    text.clear();
    text.shrink_to_fit();
}

// wipe_string on every string in a parsed document (the token reply's), keys left as they are.
inline void wipe_json_strings(Json& doc) {
    if (doc.is_string()) return wipe_string(doc.get_ref<std::string&>());
    if (doc.is_structured())
        for (auto& item : doc)
            wipe_json_strings(item);
}

} // namespace rd
