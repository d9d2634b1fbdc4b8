#include "core/case_fold.h"

#include "core/text.h"

#include <cstdint>

namespace rd {
namespace {

// The lower-case partner of `c`, or `c` itself.
char32_t fold(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;                 // Latin-1 letters (not ×)
    if (c >= 0x100 && c <= 0x17F) {                                         // Latin Extended-A: mostly pairs
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149) return c; // İ ı ĸ ŉ
        if (c == 0x178) return 0xFF;                                        // Ÿ
        if (c == 0x17F) return 's';                                         // long s
        const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32; // Greek capitals, Ϊ Ϋ
    if (c == 0x3C2) return 0x3C3;                              // final sigma
    if (c == 0x386) return 0x3AC;                              // Ά
    if (c >= 0x388 && c <= 0x38A) return c + 37;               // Έ Ή Ί
    if (c == 0x38C) return 0x3CC;                              // Ό
    if (c == 0x38E || c == 0x38F) return c + 63;               // Ύ Ώ
    if (c >= 0x410 && c <= 0x42F) return c + 32;               // Cyrillic А..Я
    if (c >= 0x400 && c <= 0x40F) return c + 80;               // Ѐ..Џ
    if (c >= 0x460 && c <= 0x4FF && c != 0x482 && !(c >= 0x483 && c <= 0x489) && c != 0x4C0 &&
        c != 0x4CF) { // Cyrillic extended pairs: even upper, odd lower (Ӂ..Ӎ are odd upper)
        if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x1E00 && c <= 0x1EFF && !(c >= 0x1E96 && c <= 0x1E9F)) // Vietnamese and more: pairs
        return (c % 2 == 0) ? c + 1 : c;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32; // fullwidth A..Z
    return c;
}

} // namespace

std::string fold_case(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();) {
        const unsigned char b = static_cast<unsigned char>(utf8[at]);
        if (b < 0x80) { // the common case, byte by byte
            out += static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b);
            ++at;
            continue;
        }
        char32_t c = 0;
        const std::size_t length = decode_utf8(utf8, at, c);
        if (length == 0) { // not UTF-8: kept as it is, matched exactly
            out += utf8[at++];
            continue;
        }
        append_utf8(out, fold(c));
        at += length;
    }
    return out;
}

} // namespace rd
