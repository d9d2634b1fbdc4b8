// Glyphs on demand without a GPU: a headless ImGui context, the real slice files the build cut into
// bin/glyphs, and the draw lists ImGui produces. What a frame draws decides which slices are asked
// for; once they are merged the same frame draws with no placeholder left.
#include "render/glyph_atlas.h"
#include "render/glyph_table.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // ImTextCharFromUtf8

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

using rd::render::GlyphAtlas;
using rd::render::GlyphScan;

std::vector<unsigned char> slice_bytes(int slice) {
    std::ifstream in(std::string(RENEWDESK_GLYPHS_DIR) + "/" + rd::render::glyph_slice_path(slice),
                     std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The codepoints of `utf8` the current font draws with another codepoint's glyph (a placeholder).
std::string not_drawn(const char* utf8) {
    std::string list;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (const char* p = utf8; *p;) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        const ImFontGlyph* glyph = font->FindGlyph(static_cast<ImWchar>(c));
        if (c != ' ' && (!glyph || glyph->Codepoint != c)) list += std::to_string(c) + " ";
    }
    return list;
}

struct Headless {
    Headless() : context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
    }
    ~Headless() { ImGui::DestroyContext(context); }

    // A frame showing `text`; returns what the atlas saw in its draw lists.
    GlyphScan draw(const GlyphAtlas& atlas, const char* text) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600)); // drawn from its first frame (no auto-fit pass)
        ImGui::Begin("names");
        ImGui::TextWrapped("%s", text);
        ImGui::End();
        ImGui::Render();
        return atlas.scan(*ImGui::GetDrawData());
    }

    ImGuiContext* context;
};

int count_codepoints(const char* utf8) {
    int n = 0;
    for (const char* p = utf8; *p; ++p)
        n += (static_cast<unsigned char>(*p) & 0xC0) != 0x80;
    return n;
}

TEST(GlyphAtlas, EnglishNeedsNoSlice) {
    Headless ui;
    GlyphAtlas atlas;
    atlas.build(*ImGui::GetIO().Fonts, 15.0f);
    // "中文" is the language switch's label, shown in English too: embedded, never fetched.
    const GlyphScan seen = ui.draw(atlas, "Northwind Reseller Ltd - Zoë Telekom GmbH & Co. KG, Łódź · 中文");
    EXPECT_EQ(seen.missing, 0);
    EXPECT_TRUE(seen.needed.empty());
}

TEST(GlyphAtlas, AChineseNameAsksForItsSlicesAndDrawsOnceTheyAreMerged) {
    Headless ui;
    GlyphAtlas atlas;
    atlas.build(*ImGui::GetIO().Fonts, 15.0f);
    const char* name = "杭州云联通信有限公司，株式会社";
    const float width_with_placeholders =
        ImGui::GetIO().Fonts->Fonts[0]->CalcTextSizeA(15.0f, 1e9f, 0, name).x;
    GlyphScan seen = ui.draw(atlas, name);
    EXPECT_EQ(seen.missing, count_codepoints(name));
    ASSERT_FALSE(seen.needed.empty());
    for (const char32_t c : {U'杭', U'州', U'云', U'司'}) {
        const int slice = rd::render::glyph_slice_of(c);
        ASSERT_GE(slice, 0);
        EXPECT_NE(std::find(seen.needed.begin(), seen.needed.end(), slice), seen.needed.end());
    }
    for (const int slice : seen.needed)
        ASSERT_TRUE(atlas.add_loaded(slice, slice_bytes(slice)));
    atlas.build(*ImGui::GetIO().Fonts, 15.0f);
    seen = ui.draw(atlas, name);
    EXPECT_EQ(seen.missing, 0);
    EXPECT_TRUE(seen.needed.empty());
    // The placeholders took exactly the room the ideographs take: nothing moves when they arrive.
    EXPECT_FLOAT_EQ(ImGui::GetIO().Fonts->Fonts[0]->CalcTextSizeA(15.0f, 1e9f, 0, name).x,
                    width_with_placeholders);
}

TEST(GlyphAtlas, EveryScriptWithAFontHasSlicesThatDrawIt) {
    Headless ui;
    GlyphAtlas atlas;
    atlas.build(*ImGui::GetIO().Fonts, 15.0f);
    const char* names = "Τηλεπικοινωνίες Αθηνών · ООО «Связь» · Công ty Viễn thông Đà Nẵng · 臺北雲端電信 · "
                        "株式会社さくらテレコム · 한빛통신 주식회사 · Ｒｅｎｅｗ";
    GlyphScan seen = ui.draw(atlas, names);
    EXPECT_GT(seen.missing, 0);
    // As in the app: real glyphs change the line's layout, which may bring more of it on screen.
    for (int round = 0; round < 4 && !seen.needed.empty(); ++round) {
        for (const int slice : seen.needed)
            ASSERT_TRUE(atlas.add_loaded(slice, slice_bytes(slice)));
        atlas.build(*ImGui::GetIO().Fonts, 15.0f);
        seen = ui.draw(atlas, names);
    }
    EXPECT_EQ(seen.missing, 0) << not_drawn(names);
    EXPECT_EQ(not_drawn(names), "");
}

TEST(GlyphAtlas, CodepointsNoSliceDrawsCountAsMissingForever) {
    Headless ui;
    GlyphAtlas atlas;
    atlas.build(*ImGui::GetIO().Fonts, 15.0f);
    // Arabic (shaping: no font on purpose) and an emoji (beyond ImGui's 16-bit glyph index).
    const GlyphScan seen = ui.draw(atlas, "شركة 😀");
    EXPECT_EQ(seen.missing, 5);
    EXPECT_TRUE(seen.needed.empty());
    EXPECT_EQ(rd::render::glyph_slice_of(U'ش'), -1);
}

TEST(GlyphAtlas, AnErrorPageInsteadOfAFontIsRefusedAndTheSliceCanBeAskedAgain) {
    GlyphAtlas atlas;
    const int slice = rd::render::glyph_slice_of(U'杭');
    const std::string page = "<html><body>502 Bad Gateway</body></html>";
    atlas.mark_requested(slice);
    EXPECT_FALSE(atlas.add_loaded(slice, std::vector<unsigned char>(page.begin(), page.end())));
    EXPECT_EQ(atlas.state(slice), GlyphAtlas::State::failed);
    std::vector<unsigned char> truncated = slice_bytes(slice);
    truncated.resize(truncated.size() / 2);
    EXPECT_FALSE(atlas.add_loaded(slice, truncated));
    EXPECT_TRUE(atlas.add_loaded(slice, slice_bytes(slice)));
    EXPECT_EQ(atlas.state(slice), GlyphAtlas::State::loaded);
}

TEST(GlyphAtlas, TheTableCoversHanKanaHangulGreekCyrillicAndVietnamese) {
    for (const char32_t c : {U'杭', U'臺', U'さ', U'テ', U'한', U'Τ', U'λ', U'Ж', U'ễ', U'Ẵ', U'Ｒ', U'。'})
        EXPECT_GE(rd::render::glyph_slice_of(c), 0) << static_cast<unsigned>(c);
    for (const char32_t c : {U'A', U'é', U'ł'})
        EXPECT_EQ(rd::render::glyph_slice_of(c), -1); // embedded
}

} // namespace
