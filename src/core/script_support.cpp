#include "core/script_support.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace rd {
namespace {

struct ScriptRange {
    char32_t first;
    char32_t last;
    ShapingScript script;
};

using S = ShapingScript;

// Unicode blocks whose text needs shaping, sorted and disjoint. Left out on purpose: Hangul Jamo
// (precomposed syllables are what people type), Tai Le, New Tai Lue and Kayah Li (drawn one glyph
// at a time well enough).
constexpr std::array kRanges = {
    ScriptRange{0x0590, 0x05FF, S::hebrew},       ScriptRange{0x0600, 0x06FF, S::arabic},
    ScriptRange{0x0700, 0x074F, S::syriac},       ScriptRange{0x0750, 0x077F, S::arabic}, // Arabic Supplement
    ScriptRange{0x0780, 0x07BF, S::thaana},       ScriptRange{0x07C0, 0x07FF, S::other},  // NKo
    ScriptRange{0x0800, 0x083F, S::other},                                                // Samaritan
    ScriptRange{0x0840, 0x085F, S::other},                                                // Mandaic
    ScriptRange{0x0860, 0x086F, S::syriac},                                               // Syriac Supplement
    ScriptRange{0x0870, 0x08FF, S::arabic}, // Arabic Extended-B, Extended-A
    ScriptRange{0x0900, 0x097F, S::devanagari},   ScriptRange{0x0980, 0x09FF, S::bengali},
    ScriptRange{0x0A00, 0x0A7F, S::gurmukhi},     ScriptRange{0x0A80, 0x0AFF, S::gujarati},
    ScriptRange{0x0B00, 0x0B7F, S::oriya},        ScriptRange{0x0B80, 0x0BFF, S::tamil},
    ScriptRange{0x0C00, 0x0C7F, S::telugu},       ScriptRange{0x0C80, 0x0CFF, S::kannada},
    ScriptRange{0x0D00, 0x0D7F, S::malayalam},    ScriptRange{0x0D80, 0x0DFF, S::sinhala},
    ScriptRange{0x0E00, 0x0E7F, S::thai},         ScriptRange{0x0E80, 0x0EFF, S::lao},
    ScriptRange{0x0F00, 0x0FFF, S::tibetan},      ScriptRange{0x1000, 0x109F, S::myanmar},
    ScriptRange{0x1700, 0x177F, S::other}, // Tagalog, Hanunoo, Buhid, Tagbanwa
    ScriptRange{0x1780, 0x17FF, S::khmer},        ScriptRange{0x1800, 0x18AF, S::other}, // Mongolian
    ScriptRange{0x1900, 0x194F, S::other},                                               // Limbu
    ScriptRange{0x19E0, 0x19FF, S::khmer},                                               // Khmer Symbols
    ScriptRange{0x1A00, 0x1AAF, S::other},                                               // Buginese, Tai Tham
    ScriptRange{0x1B00, 0x1C4F, S::other},        // Balinese, Sundanese, Batak, Lepcha
    ScriptRange{0x1CD0, 0x1CFF, S::devanagari},   // Vedic Extensions
    ScriptRange{0xA800, 0xA82F, S::other},        // Syloti Nagri
    ScriptRange{0xA840, 0xA8DF, S::other},        // Phags-pa, Saurashtra
    ScriptRange{0xA8E0, 0xA8FF, S::devanagari},   // Devanagari Extended
    ScriptRange{0xA930, 0xA95F, S::other},        // Rejang
    ScriptRange{0xA980, 0xA9DF, S::other},        // Javanese
    ScriptRange{0xA9E0, 0xA9FF, S::myanmar},      // Myanmar Extended-B
    ScriptRange{0xAA00, 0xAA5F, S::other},        // Cham
    ScriptRange{0xAA60, 0xAA7F, S::myanmar},      // Myanmar Extended-A
    ScriptRange{0xAA80, 0xAAFF, S::other},        // Tai Viet, Meetei Mayek Extensions
    ScriptRange{0xABC0, 0xABFF, S::other},        // Meetei Mayek
    ScriptRange{0xFB1D, 0xFB4F, S::hebrew},       // Alphabetic Presentation Forms (Hebrew part)
    ScriptRange{0xFB50, 0xFDFF, S::arabic},       // Arabic Presentation Forms-A
    ScriptRange{0xFE70, 0xFEFE, S::arabic},       // Arabic Presentation Forms-B (U+FEFF is the BOM)
    ScriptRange{0x10800, 0x10E5F, S::other},      // historic right-to-left scripts, Hanifi Rohingya
    ScriptRange{0x10E60, 0x10E7F, S::arabic},     // Rumi Numeral Symbols
    ScriptRange{0x10E80, 0x10EBF, S::other},      // Yezidi
    ScriptRange{0x10EC0, 0x10EFF, S::arabic},     // Arabic Extended-C
    ScriptRange{0x10F00, 0x10FFF, S::other},      // Sogdian, Old Uyghur, Chorasmian, Elymaic
    ScriptRange{0x11000, 0x111DF, S::other},      // Brahmi, Kaithi, Chakma, Sharada ...
    ScriptRange{0x111E0, 0x111FF, S::sinhala},    // Sinhala Archaic Numbers
    ScriptRange{0x11200, 0x116CF, S::other},      // Khojki ... Takri
    ScriptRange{0x116D0, 0x116FF, S::myanmar},    // Myanmar Extended-C
    ScriptRange{0x11700, 0x11AFF, S::other},      // Ahom ... Pau Cin Hau
    ScriptRange{0x11B00, 0x11B5F, S::devanagari}, // Devanagari Extended-A
    ScriptRange{0x11B60, 0x11DFF, S::other},      // Bhaiksuki, Marchen, Masaram and Gunjala Gondi
    ScriptRange{0x11F00, 0x11F5F, S::other},      // Kawi
    ScriptRange{0x11FC0, 0x11FFF, S::tamil},      // Tamil Supplement
    ScriptRange{0x1E800, 0x1E8DF, S::other},      // Mende Kikakui
    ScriptRange{0x1E900, 0x1E95F, S::other},      // Adlam
    ScriptRange{0x1EC70, 0x1ECBF, S::other},      // Indic Siyaq Numbers
    ScriptRange{0x1ED00, 0x1ED4F, S::other},      // Ottoman Siyaq Numbers
    ScriptRange{0x1EE00, 0x1EEFF, S::arabic},     // Arabic Mathematical Alphabetic Symbols
};

static_assert(
    [] {
        for (std::size_t i = 0; i < kRanges.size(); ++i) {
            if (kRanges[i].first > kRanges[i].last) return false;
            if (i > 0 && kRanges[i - 1].last >= kRanges[i].first) return false;
        }
        return true;
    }(),
    "kRanges must be sorted and disjoint");

// How a code point takes part in runs.
enum class Role {
    plain,    // a letter or symbol drawn one glyph at a time, or a byte that is not UTF-8
    shaping,  // a letter, mark or sign of a shaping script
    neutral,  // space, punctuation, digit: joins a shaping run only between two pieces of it
    attached, // combining mark, joiner, variation selector: goes with what precedes it
};

Role role_of(char32_t c) {
    if (c < 0x80) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        return letter || c < 0x20 || c == 0x7F ? Role::plain : Role::neutral;
    }
    if ((c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7) return Role::neutral;           // Latin-1 signs
    if (c == 0x200C || c == 0x200D) return Role::attached;                                  // ZWNJ, ZWJ
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x2E00 && c <= 0x2E7F)) return Role::neutral; // punctuation
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
        (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
        (c >= 0xE0100 && c <= 0xE01EF))
        return Role::attached; // combining marks and variation selectors of no one script
    return shaping_script_of(c) ? Role::shaping : Role::plain;
}

struct Piece {
    std::size_t begin;
    std::size_t end;
    Role role;
    std::optional<ShapingScript> script; // for shaping pieces; for the others once resolved
};

} // namespace

std::optional<ShapingScript> shaping_script_of(char32_t codepoint) {
    if (codepoint < kRanges.front().first || codepoint > kRanges.back().last) return std::nullopt;
    const auto after = std::upper_bound(kRanges.begin(), kRanges.end(), codepoint,
                                        [](char32_t c, const ScriptRange& range) { return c < range.first; });
    if (after == kRanges.begin()) return std::nullopt;
    const ScriptRange& range = *(after - 1);
    if (codepoint > range.last) return std::nullopt;
    return range.script;
}

std::vector<TextRun> split_by_shaping(std::string_view utf8) {
    // 1. One piece per code point (or per byte that is not UTF-8).
    std::vector<Piece> pieces;
    for (std::size_t at = 0; at < utf8.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(utf8, at, c);
        if (length == 0) {
            pieces.push_back({at, at + 1, Role::plain, std::nullopt});
            ++at;
            continue;
        }
        const Role role = role_of(c);
        pieces.push_back(
            {at, at + length, role, role == Role::shaping ? shaping_script_of(c) : std::nullopt});
        at += length;
    }
    // 2. Attached marks take the role and script of what precedes them (plain at the start).
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].role != Role::attached) continue;
        if (i == 0) {
            pieces[i].role = Role::plain;
        } else {
            pieces[i].role = pieces[i - 1].role;
            pieces[i].script = pieces[i - 1].script;
        }
    }
    // 3. A stretch of neutrals joins the shaping script on both its sides, if the same; else plain.
    for (std::size_t i = 0; i < pieces.size();) {
        if (pieces[i].role != Role::neutral) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < pieces.size() && pieces[j].role == Role::neutral)
            ++j;
        std::optional<ShapingScript> script;
        if (i > 0 && j < pieces.size() && pieces[i - 1].role == Role::shaping &&
            pieces[j].role == Role::shaping && pieces[i - 1].script == pieces[j].script)
            script = pieces[j].script;
        for (std::size_t k = i; k < j; ++k)
            pieces[k].script = script;
        i = j;
    }
    // 4. Neighbours with the same script make one run.
    std::vector<TextRun> runs;
    for (std::size_t i = 0; i < pieces.size();) {
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].script == pieces[i].script)
            ++j;
        runs.push_back({std::string(utf8.substr(pieces[i].begin, pieces[j - 1].end - pieces[i].begin)),
                        pieces[i].script});
        i = j;
    }
    return runs;
}

bool needs_shaping(std::string_view utf8) {
    for (std::size_t at = 0; at < utf8.size();) {
        if (static_cast<unsigned char>(utf8[at]) < 0x80) { // ASCII never needs shaping
            ++at;
            continue;
        }
        char32_t c = 0;
        const std::size_t length = decode_utf8(utf8, at, c);
        if (length == 0) {
            ++at;
            continue;
        }
        if (shaping_script_of(c)) return true;
        at += length;
    }
    return false;
}

const char* shaping_script_english_name(ShapingScript script) {
    switch (script) {
    case S::arabic: return "Arabic";
    case S::hebrew: return "Hebrew";
    case S::syriac: return "Syriac";
    case S::thaana: return "Thaana";
    case S::devanagari: return "Devanagari";
    case S::bengali: return "Bengali";
    case S::gurmukhi: return "Gurmukhi";
    case S::gujarati: return "Gujarati";
    case S::oriya: return "Oriya";
    case S::tamil: return "Tamil";
    case S::telugu: return "Telugu";
    case S::kannada: return "Kannada";
    case S::malayalam: return "Malayalam";
    case S::sinhala: return "Sinhala";
    case S::thai: return "Thai";
    case S::lao: return "Lao";
    case S::tibetan: return "Tibetan";
    case S::myanmar: return "Myanmar";
    case S::khmer: return "Khmer";
    case S::other: return "Other";
    }
    return "Other";
}

} // namespace rd
