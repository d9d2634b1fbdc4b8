#include "cli/display_width.h"
#include "cli/table.h"

#include <gtest/gtest.h>

using rd::cli::display_width;
using rd::cli::render_table;
using rd::cli::truncate_to_width;

TEST(DisplayWidth, LatinIsOneColumnCjkTwoCombiningMarksNone) {
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("中文"), 4u);
    EXPECT_EQ(display_width("ｶﾀｶﾅ"), 4u); // halfwidth katakana: one column each
    EXPECT_EQ(display_width("ＡＢ"), 4u); // fullwidth Latin: two
    EXPECT_EQ(display_width("한국어"), 6u);
    EXPECT_EQ(display_width("e\xCC\x81"), 1u); // e + combining acute
    EXPECT_EQ(display_width("Việt"), 4u);
    EXPECT_EQ(display_width("\xFF"), 1u); // a stray byte shows as one replacement character
}

TEST(DisplayWidth, WidthsComeFromUtf8procEmojiWideIndicMarksNone) {
    EXPECT_EQ(rd::cli::char_width(U'\U0001F600'), 2); // 😀
    EXPECT_EQ(rd::cli::char_width(U'\U0001F44D'), 2); // 👍
    EXPECT_EQ(rd::cli::char_width(U'\u2705'), 2);     // ✅
    EXPECT_EQ(display_width("\xF0\x9F\x98\x80ok"), 4u);
    EXPECT_EQ(rd::cli::char_width(U'\u3000'), 2); // ideographic space
    EXPECT_EQ(rd::cli::char_width(U'\u0301'), 0); // combining acute
    EXPECT_EQ(rd::cli::char_width(U'\uFE0F'), 0); // variation selector 16
    EXPECT_EQ(rd::cli::char_width(U'\u200D'), 0); // zero width joiner
    EXPECT_EQ(rd::cli::char_width(U'\u200B'), 0); // zero width space
    // Devanagari: vowel signs (spacing ones too), virama and anusvara take no column of their own.
    EXPECT_EQ(display_width("हिन्दी"), 3u);        // ह ि न ् द ी: three letters
    EXPECT_EQ(display_width("नमस्ते"), 4u);         // न म स ् त े
    EXPECT_EQ(display_width("தமிழ்"), 3u);         // Tamil: த ம ி ழ ்
    EXPECT_EQ(rd::cli::char_width(U'\u0E31'), 0); // Thai mai han-akat
    EXPECT_EQ(rd::cli::char_width(U'\x07'), 0);   // controls: printable() replaces them before a table
    EXPECT_EQ(rd::cli::char_width(U'\x9B'), 0);
}

TEST(DisplayWidth, TruncationCutsWholeCharactersAndAddsAnEllipsis) {
    EXPECT_EQ(truncate_to_width("abcdef", 6), "abcdef");
    EXPECT_EQ(truncate_to_width("abcdef", 4), "abc…");
    EXPECT_EQ(truncate_to_width("中文名字", 5), "中文…");           // 4 + 1
    EXPECT_EQ(truncate_to_width("中文名字", 4), "中…");             // a wide character never half shown
    EXPECT_EQ(truncate_to_width("ae\xCC\x81zz", 3), "ae\xCC\x81…"); // the mark stays with its letter
    EXPECT_LE(display_width(truncate_to_width("中文名字", 4)), 4u);
    EXPECT_EQ(truncate_to_width("ab\xF0\x9F\x98\x80"
                                "cd",
                                3),
              "ab…");                                        // the emoji would need two
    EXPECT_EQ(truncate_to_width("हिन्दी भाषा", 4), "हिन्दी…"); // its marks kept with it
}

TEST(DisplayWidth, ControlCharactersAreNotPrintedRaw) {
    EXPECT_EQ(rd::cli::printable("a\x1b[31mb"), "a\xEF\xBF\xBD[31mb");
    EXPECT_EQ(rd::cli::printable("中\xCC\x81\xFF"), "中\xCC\x81\xFF"); // everything else kept exactly
}

TEST(Table, ColumnsLineUpByDisplayWidth) {
    rd::cli::Table table{.columns = {{"ID"}, {"NAME", true}}};
    table.rows = {{"1", "中文"}, {"22", "ab"}};
    EXPECT_EQ(render_table(table, std::nullopt), "ID  NAME\n1   中文\n22  ab\n");
}

TEST(Table, EmojiAndIndicNamesLineUp) {
    rd::cli::Table table{.columns = {{"NAME"}, {"ID"}}};
    table.rows = {{"\xF0\x9F\x98\x80 Co", "1"}, {"हिन्दी", "2"}, {"abcd", "3"}};
    EXPECT_EQ(render_table(table, std::nullopt), "NAME   ID\n\xF0\x9F\x98\x80 Co  1\nहिन्दी    2\nabcd   3\n");
}

TEST(Table, WithoutATerminalNothingIsTruncated) {
    rd::cli::Table table{.columns = {{"ID"}, {"NAME", true}}};
    const std::string long_name(300, 'x');
    table.rows = {{"1", long_name}};
    EXPECT_NE(render_table(table, std::nullopt).find(long_name), std::string::npos);
}

TEST(Table, NamesAreCutToFitTheTerminalIdsNever) {
    rd::cli::Table table{.columns = {{"PARTNER ID"}, {"COMPANY", true}, {"NAME", true}}};
    table.rows = {{"18446744073709551615", "株式会社サンプル商事グループ本社", "Nguyễn Văn An e\xCC\x81"}};
    const std::string out = render_table(table, 40);
    std::size_t start = 0;
    while (start < out.size()) {
        const std::size_t end = out.find('\n', start);
        EXPECT_LE(display_width(out.substr(start, end - start)), 40u) << out;
        start = end + 1;
    }
    EXPECT_NE(out.find("18446744073709551615"), std::string::npos);
    EXPECT_NE(out.find("…"), std::string::npos);
}
