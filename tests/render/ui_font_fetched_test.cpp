// The web page's UI font (render/ui_font_bytes.h, ui_font_fetched.cpp; issue 26): this program links
// the provider the page links (RD_UI_FONT fetched), so the font is not here until it is provided.
// Only the bytes the build subset are taken (checked against the fingerprint computed at build time),
// the first copy stays, and an atlas built from them is the one a program with the font embedded
// builds (the same recipe key, so the bake tool's atlases fit the page).
#include "render/baked_atlas.h"
#include "render/glyph_atlas.h"
#include "render/ui_font.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<unsigned char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The file the page fetches: glyphs/ui-<fingerprint>.otf, written by the build beside the slices.
std::vector<unsigned char> served_font() {
    return read_file(std::string(RENEWDESK_GLYPHS_DIR) + "/" + rd::render::ui_font_file());
}

TEST(UiFontFetched, OnlyTheBuildsOwnBytesAreTakenAndTheFirstCopyStays) {
    using namespace rd::render;
    const std::vector<unsigned char> font = served_font();
    ASSERT_GT(font.size(), 1000u) << "the build's glyphs/" << ui_font_file();
    EXPECT_EQ(std::string(ui_font_file()).rfind("ui-", 0), 0u);
    EXPECT_FALSE(ui_font_ready()) << "nothing embedded in this program";

    const std::string html = "<!doctype html><h1>502 Bad Gateway</h1>";
    EXPECT_FALSE(provide_ui_font({html.begin(), html.end()}));
    EXPECT_FALSE(provide_ui_font({font.begin(), font.end() - 1})) << "a download cut short";
    std::vector<unsigned char> damaged = font;
    damaged[damaged.size() / 2] ^= 0x01;
    EXPECT_FALSE(provide_ui_font(damaged)) << "one bit off";
    EXPECT_FALSE(provide_ui_font({}));
    EXPECT_FALSE(ui_font_ready());

    ASSERT_TRUE(provide_ui_font(font));
    ASSERT_TRUE(ui_font_ready());
    // Once here, a later copy changes nothing (atlases point into the first).
    EXPECT_TRUE(provide_ui_font(font));

    ImGui::CreateContext();
    ImFontAtlas atlas;
    GlyphAtlas glyphs;
    ImFont* built = glyphs.build(atlas, 15.0f);
    ASSERT_NE(built, nullptr);
    ASSERT_NE(built->FindGlyphNoFallback(U'Ž'), nullptr) << "Latin Extended-A from the fetched font";
    // Saved and restored under the recipe key the bake tool (font embedded) uses for this scale.
    const std::vector<unsigned char> bytes = save_atlas(atlas, glyphs.recipe_key(15.0f));
    ImFontAtlas restored;
    std::string problem;
    EXPECT_NE(glyphs.restore(restored, 15.0f, bytes, &problem), nullptr) << problem;
    ImGui::DestroyContext();
}

} // namespace
