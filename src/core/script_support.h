// Which scripts in a piece of text need shaping: joining (Arabic, Syriac, NKo, Mongolian),
// right-to-left ordering (Hebrew, Thaana), or reordered and stacked marks (the Brahmic scripts of
// India and South-East Asia, Tibetan, Thai). Dear ImGui draws one glyph per codepoint from left to
// right, so it cannot draw these correctly; the UI keeps such text exact (search, copy) and says it
// cannot draw it. Latin (Vietnamese included), Greek, Cyrillic, Han, Kana and Hangul need no shaping.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd {

enum class ShapingScript {
    arabic,     // Arabic, Arabic Supplement, Extended-A/B/C, Presentation Forms-A/B, math letters
    hebrew,     // Hebrew and the Hebrew presentation forms
    syriac,     // Syriac and Syriac Supplement
    thaana,     // Thaana (Maldivian)
    devanagari, // Devanagari (Hindi, Marathi, Nepali), Devanagari Extended, Vedic Extensions
    bengali,
    gurmukhi,
    gujarati,
    oriya,
    tamil,
    telugu,
    kannada,
    malayalam,
    sinhala,
    thai,
    lao,
    tibetan,
    myanmar,
    khmer,
    other, // NKo, Samaritan, Mandaic, Mongolian, Tai Tham, Balinese, Javanese, the historic
           // right-to-left scripts (U+10800..U+10FFF), the Brahmi family (U+11000..U+11DFF), Adlam, ...
};

// The shaping script `codepoint` belongs to, or nothing when it can be drawn one glyph at a time
// (every other letter, digits, spaces, punctuation, symbols, marks of no such script).
std::optional<ShapingScript> shaping_script_of(char32_t codepoint);

// A piece of the text: its exact bytes, and the shaping script they are in (nothing: plain text).
struct TextRun {
    std::string text;
    std::optional<ShapingScript> script;

    bool operator==(const TextRun& other) const { return text == other.text && script == other.script; }
};

// The text cut into runs, in order; concatenating the runs' texts gives `utf8` back byte for byte.
// Adjacent runs differ in `script`. Spaces, punctuation and digits between two runs of the same
// shaping script belong to that run ("شركة الاتصالات" is one Arabic run), as do combining marks
// (U+0300.., ZWJ, ZWNJ, variation selectors) right after it; elsewhere they are plain. Bytes that are
// not UTF-8 pass through unchanged in plain runs. An empty text gives no runs.
std::vector<TextRun> split_by_shaping(std::string_view utf8);

// Whether any codepoint of `utf8` needs shaping (some run of split_by_shaping has a script).
bool needs_shaping(std::string_view utf8);

// The script's English name for logs and tests: "Arabic", "Hebrew", ..., "Other" (the UI words its own).
const char* shaping_script_english_name(ShapingScript script);

} // namespace rd
