#include "core/script_support.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

using rd::needs_shaping;
using rd::shaping_script_english_name;
using rd::shaping_script_of;
using rd::ShapingScript;
using rd::split_by_shaping;
using rd::TextRun;

namespace {

using Runs = std::vector<TextRun>;

std::string joined(const Runs& runs) {
    std::string text;
    for (const auto& run : runs)
        text += run.text;
    return text;
}

// What every split must hold: the bytes come back, no run is empty, neighbours differ in script,
// and a run has a script exactly when its text needs shaping.
void expect_well_formed(std::string_view input, const Runs& runs) {
    EXPECT_EQ(joined(runs), input);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        EXPECT_FALSE(runs[i].text.empty()) << i;
        if (i > 0) {
            EXPECT_NE(runs[i].script, runs[i - 1].script) << i;
        }
        EXPECT_EQ(needs_shaping(runs[i].text), runs[i].script.has_value()) << runs[i].text;
    }
    bool any = false;
    for (const auto& run : runs)
        any = any || run.script.has_value();
    EXPECT_EQ(needs_shaping(input), any);
}

Runs split(std::string_view input) {
    Runs runs = split_by_shaping(input);
    expect_well_formed(input, runs);
    return runs;
}

TextRun plain(std::string text) {
    return {std::move(text), std::nullopt};
}

TextRun in(ShapingScript script, std::string text) {
    return {std::move(text), script};
}

} // namespace

namespace rd {
// Failure messages show a run as {"text" Script}.
void PrintTo(const TextRun& run, std::ostream* os) {
    *os << "{" << testing::PrintToString(run.text) << " "
        << (run.script ? shaping_script_english_name(*run.script) : "plain") << "}";
}
} // namespace rd

TEST(ScriptSupport, EachShapingScriptIsOneRunOfItsScript) {
    const std::vector<std::pair<ShapingScript, std::string>> samples = {
        {ShapingScript::arabic, "شركة الاتصالات الخليجية"},
        {ShapingScript::hebrew, "תקשורת הגליל"},
        {ShapingScript::syriac, "ܫܠܡܐ"},
        {ShapingScript::thaana, "ދިވެހި"},
        {ShapingScript::devanagari, "भारत दूरसंचार"},
        {ShapingScript::bengali, "বাংলা"},
        {ShapingScript::gurmukhi, "ਪੰਜਾਬੀ"},
        {ShapingScript::gujarati, "ગુજરાતી"},
        {ShapingScript::oriya, "ଓଡ଼ିଆ"},
        {ShapingScript::tamil, "தமிழ்"},
        {ShapingScript::telugu, "తెలుగు"},
        {ShapingScript::kannada, "ಕನ್ನಡ"},
        {ShapingScript::malayalam, "മലയാളം"},
        {ShapingScript::sinhala, "සිංහල"},
        {ShapingScript::thai, "บริษัท สยามโทรคมนาคม จำกัด"},
        {ShapingScript::lao, "ພາສາລາວ"},
        {ShapingScript::tibetan, "བོད་ཡིག"},
        {ShapingScript::myanmar, "မြန်မာ"},
        {ShapingScript::khmer, "ខ្មែរ"},
        {ShapingScript::other, "ߒߞߏ"},    // NKo
        {ShapingScript::other, "ᠮᠣᠩᠭᠣᠯ"}, // Mongolian
    };
    for (const auto& [script, text] : samples) {
        EXPECT_EQ(split(text), Runs({in(script, text)}))
            << shaping_script_english_name(script) << ": " << text;
        EXPECT_TRUE(needs_shaping(text)) << text;
    }
}

TEST(ScriptSupport, BlocksAndTheirEdges) {
    EXPECT_EQ(shaping_script_of(0x058F), std::nullopt); // Armenian dram sign
    EXPECT_EQ(shaping_script_of(0x0590), ShapingScript::hebrew);
    EXPECT_EQ(shaping_script_of(0x05D0), ShapingScript::hebrew); // alef
    EXPECT_EQ(shaping_script_of(0x0627), ShapingScript::arabic); // alef
    EXPECT_EQ(shaping_script_of(0x0660), ShapingScript::arabic); // Arabic-Indic zero
    EXPECT_EQ(shaping_script_of(0x0750), ShapingScript::arabic); // Arabic Supplement
    EXPECT_EQ(shaping_script_of(0x08A0), ShapingScript::arabic); // Arabic Extended-A
    EXPECT_EQ(shaping_script_of(0x0870), ShapingScript::arabic); // Arabic Extended-B
    EXPECT_EQ(shaping_script_of(0x0710), ShapingScript::syriac);
    EXPECT_EQ(shaping_script_of(0x0860), ShapingScript::syriac); // Syriac Supplement
    EXPECT_EQ(shaping_script_of(0x0780), ShapingScript::thaana);
    EXPECT_EQ(shaping_script_of(0x07CA), ShapingScript::other); // NKo
    EXPECT_EQ(shaping_script_of(0x0915), ShapingScript::devanagari);
    EXPECT_EQ(shaping_script_of(0xA8E0), ShapingScript::devanagari); // Devanagari Extended
    EXPECT_EQ(shaping_script_of(0x1CD0), ShapingScript::devanagari); // Vedic Extensions
    EXPECT_EQ(shaping_script_of(0x0E01), ShapingScript::thai);
    EXPECT_EQ(shaping_script_of(0x0E3F), ShapingScript::thai);  // baht sign
    EXPECT_EQ(shaping_script_of(0x1820), ShapingScript::other); // Mongolian
    EXPECT_EQ(shaping_script_of(0x19E0), ShapingScript::khmer); // Khmer Symbols
    EXPECT_EQ(shaping_script_of(0xFB1C), std::nullopt);         // before the Hebrew presentation forms
    EXPECT_EQ(shaping_script_of(0xFB1D), ShapingScript::hebrew);
    EXPECT_EQ(shaping_script_of(0xFB4F), ShapingScript::hebrew);
    EXPECT_EQ(shaping_script_of(0xFB50), ShapingScript::arabic); // Presentation Forms-A
    EXPECT_EQ(shaping_script_of(0xFDFF), ShapingScript::arabic);
    EXPECT_EQ(shaping_script_of(0xFE70), ShapingScript::arabic); // Presentation Forms-B
    EXPECT_EQ(shaping_script_of(0xFEFC), ShapingScript::arabic);
    EXPECT_EQ(shaping_script_of(0xFEFF), std::nullopt);          // the byte order mark
    EXPECT_EQ(shaping_script_of(0x10900), ShapingScript::other); // Phoenician
    EXPECT_EQ(shaping_script_of(0x1E900), ShapingScript::other); // Adlam
    EXPECT_EQ(shaping_script_of(0x1EE00), ShapingScript::arabic);
    EXPECT_EQ(shaping_script_of(0x1EEFF), ShapingScript::arabic);
    for (char32_t c : {U'A', U'é', U'ß', U'Ω', U'Ж', U'ễ', U'中', U'臺', U'か', U'カ', U'한', U'ᄀ', U'€',
                       U'😀', U'\U0010FFFF', U'\0'})
        EXPECT_EQ(shaping_script_of(c), std::nullopt) << static_cast<std::uint32_t>(c);
}

TEST(ScriptSupport, ScriptsDrawnGlyphByGlyphGiveNoShapingRun) {
    for (const std::string text :
         {"杭州云联通信有限公司", "臺北雲端電信股份有限公司", "株式会社さくらテレコム", "한빛통신 주식회사",
          "Τηλεπικοινωνίες Αθηνών", "ООО «Сибирская Связь»", "Телекомуникације Ђердап д.о.о.",
          "Công ty Viễn thông Đà Nẵng", "Łódzkie Usługi Telekomunikacyjne Sp. z o.o.",
          "Říčanské Telekomunikace s.r.o.", "İstanbul Ağ Çözümleri A.Ş.", "Zoë Telekom GmbH & Co. KG",
          "ＡＢＣ 😀 €5"}) {
        EXPECT_EQ(split(text), Runs({plain(text)})) << text;
        EXPECT_FALSE(needs_shaping(text)) << text;
    }
    // Vietnamese written with combining marks (not precomposed) is still Latin.
    EXPECT_FALSE(needs_shaping("Vie\xCC\xA3\xCC\x82n")); // e + U+0323 + U+0302
    EXPECT_EQ(split(""), Runs());
    EXPECT_FALSE(needs_shaping(""));
}

TEST(ScriptSupport, LatinAndArabicMixed) {
    EXPECT_EQ(split("Gulf Telecom شركة الاتصالات (KSA)"),
              Runs({plain("Gulf Telecom "), in(ShapingScript::arabic, "شركة الاتصالات"), plain(" (KSA)")}));
    // Digits and punctuation between Arabic words stay in the run; around it, they are plain.
    EXPECT_EQ(split("طريق الملك فهد 1234, الرياض"),
              Runs({in(ShapingScript::arabic, "طريق الملك فهد 1234, الرياض")}));
    EXPECT_EQ(split("طريق 1234"), Runs({in(ShapingScript::arabic, "طريق"), plain(" 1234")}));
    EXPECT_EQ(split("1234 طريق"), Runs({plain("1234 "), in(ShapingScript::arabic, "طريق")}));
    // A Latin word between two Arabic ones splits them.
    EXPECT_EQ(split("شركة ACME الخليجية"), Runs({in(ShapingScript::arabic, "شركة"), plain(" ACME "),
                                                 in(ShapingScript::arabic, "الخليجية")}));
    // Presentation forms are Arabic too (ﻻ is U+FEFB).
    EXPECT_EQ(split("ﻻ"), Runs({in(ShapingScript::arabic, "ﻻ")}));
}

TEST(ScriptSupport, HebrewWithPunctuation) {
    EXPECT_EQ(split("תקשורת הגליל בע״מ, חיפה."),
              Runs({in(ShapingScript::hebrew, "תקשורת הגליל בע״מ, חיפה"), plain(".")}));
    EXPECT_EQ(split("\"שלום\" - עולם!"),
              Runs({plain("\""), in(ShapingScript::hebrew, "שלום\" - עולם"), plain("!")}));
    EXPECT_EQ(split("שָׁלוֹם"), Runs({in(ShapingScript::hebrew, "שָׁלוֹם")})); // with niqqud
    // Two different shaping scripts side by side: two runs, the space between them plain.
    EXPECT_EQ(split("שלום سلام"),
              Runs({in(ShapingScript::hebrew, "שלום"), plain(" "), in(ShapingScript::arabic, "سلام")}));
}

TEST(ScriptSupport, DevanagariWithCombiningMarks) {
    EXPECT_EQ(split("भारत दूरसंचार प्राइवेट लिमिटेड"),
              Runs({in(ShapingScript::devanagari, "भारत दूरसंचार प्राइवेट लिमिटेड")}));
    EXPECT_EQ(split("Anita अनीता शर्मा"),
              Runs({plain("Anita "), in(ShapingScript::devanagari, "अनीता शर्मा")}));
    // A virama with a zero width joiner, and a generic combining mark after a consonant: one run.
    EXPECT_EQ(split("क्\u200Dष"), Runs({in(ShapingScript::devanagari, "क्\u200Dष")}));
    EXPECT_EQ(split("क\u0301"), Runs({in(ShapingScript::devanagari, "क\u0301")}));
    // The same mark after a Latin letter stays with the Latin letter.
    EXPECT_EQ(split("e\u0301 क"), Runs({plain("e\u0301 "), in(ShapingScript::devanagari, "क")}));
    EXPECT_EQ(split("\u0301क"), Runs({plain("\u0301"), in(ShapingScript::devanagari, "क")}));
}

TEST(ScriptSupport, Thai) {
    EXPECT_EQ(split("Siam บริษัท สยามโทรคมนาคม จำกัด 99"),
              Runs({plain("Siam "), in(ShapingScript::thai, "บริษัท สยามโทรคมนาคม จำกัด"), plain(" 99")}));
    EXPECT_EQ(split("ถนนสุขุมวิท 99"), Runs({in(ShapingScript::thai, "ถนนสุขุมวิท"), plain(" 99")}));
}

TEST(ScriptSupport, BytesThatAreNotUtf8PassThroughInPlainRuns) {
    EXPECT_EQ(split("مر\xFFحبا"),
              Runs({in(ShapingScript::arabic, "مر"), plain("\xFF"), in(ShapingScript::arabic, "حبا")}));
    EXPECT_EQ(split("مر \xFF حبا"),
              Runs({in(ShapingScript::arabic, "مر"), plain(" \xFF "), in(ShapingScript::arabic, "حبا")}));
    EXPECT_EQ(split("مرحبا\xD9"), Runs({in(ShapingScript::arabic, "مرحبا"), plain("\xD9")})); // cut short
    EXPECT_EQ(split("\xD9\x85"), Runs({in(ShapingScript::arabic, "\xD9\x85")}));              // م whole
    EXPECT_EQ(split("\xC0\xA7\xED\xA0\x80"), Runs({plain("\xC0\xA7\xED\xA0\x80")})); // overlong, surrogate
    EXPECT_EQ(split("\xE0\xB8"), Runs({plain("\xE0\xB8")})); // the first two bytes of a Thai letter
    EXPECT_FALSE(needs_shaping("\xFF\xFE\xD9"));
    EXPECT_TRUE(needs_shaping("\xFF\xD9\x85"));
}

TEST(ScriptSupport, RoundTripIsByteExact) {
    const std::vector<std::string> fragments = {"a",
                                                " ",
                                                ".",
                                                "1",
                                                "\xFF",
                                                "\xD9",
                                                "\xE0\xB8",
                                                "\xCC\x81",
                                                "\u200D",
                                                "\u200C",
                                                "中",
                                                "Ω",
                                                "ễ",
                                                "م",
                                                "ש",
                                                "क",
                                                "्",
                                                "ก",
                                                "ั",
                                                "ߒ",
                                                "😀",
                                                "\xF0\x9F",
                                                "\xEF\xBB\xBF",
                                                "«",
                                                "\u2014",
                                                "\xC0\xA7"};
    std::uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7FFF;
    };
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const unsigned length = next() % 16;
        for (unsigned i = 0; i < length; ++i) {
            if (next() % 8 == 0) text += static_cast<char>(next() & 0xFF); // any byte at all
            else text += fragments[next() % fragments.size()];
        }
        SCOPED_TRACE(testing::PrintToString(text));
        split(text); // expect_well_formed checks it
    }
}

TEST(ScriptSupport, EnglishNamesForLogs) {
    EXPECT_STREQ(shaping_script_english_name(ShapingScript::arabic), "Arabic");
    EXPECT_STREQ(shaping_script_english_name(ShapingScript::hebrew), "Hebrew");
    EXPECT_STREQ(shaping_script_english_name(ShapingScript::devanagari), "Devanagari");
    EXPECT_STREQ(shaping_script_english_name(ShapingScript::thai), "Thai");
    EXPECT_STREQ(shaping_script_english_name(ShapingScript::other), "Other");
    std::set<std::string> names;
    for (int s = static_cast<int>(ShapingScript::arabic); s <= static_cast<int>(ShapingScript::other); ++s)
        names.insert(shaping_script_english_name(static_cast<ShapingScript>(s)));
    EXPECT_EQ(names.size(), 20u);
}
