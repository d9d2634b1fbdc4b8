// The baked atlas (render/baked_atlas.h, issue 26): an atlas restored from the bytes saved after a
// build equals that build field by field (texels, UVs, custom rectangles, every font's glyphs, lookup
// tables, fallback and ellipsis), the placeholders still tell which slices a frame needs, and bytes
// that do not fit (another size, another recipe, cut short, damaged) are refused with the atlas cleared,
// so the caller builds instead.
#include "render/baked_atlas.h"
#include "render/glyph_atlas.h"
#include "render/glyph_table.h"
#include "render/ui_font.h"
#include "render/ui_font_bytes.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// The language names' glyphs, embedded everywhere (cmake/embed.cmake).
extern const unsigned char rd_endonym_font_data[];
extern const std::size_t rd_endonym_font_data_size;

namespace {

using rd::render::GlyphAtlas;

// A heading font as the app sets one: a larger scale, ASCII plus a few other codepoints.
void set_heading(GlyphAtlas& glyphs) {
    glyphs.set_heading(1.4f, {U'é', U'ü', U'—', U'中'});
}

template <typename T> bool same_vector(const ImVector<T>& a, const ImVector<T>& b) {
    return a.Size == b.Size && (a.Size == 0 || std::memcmp(a.Data, b.Data, a.size_in_bytes()) == 0);
}

void expect_same_font(const ImFont& a, const ImFont& b, int index) {
    SCOPED_TRACE("font " + std::to_string(index));
    EXPECT_EQ(a.FontSize, b.FontSize);
    EXPECT_EQ(a.Scale, b.Scale);
    EXPECT_EQ(a.Ascent, b.Ascent);
    EXPECT_EQ(a.Descent, b.Descent);
    EXPECT_EQ(a.MetricsTotalSurface, b.MetricsTotalSurface);
    EXPECT_EQ(a.Glyphs.Size, b.Glyphs.Size);
    EXPECT_TRUE(same_vector(a.Glyphs, b.Glyphs)) << "glyphs (codepoints, metrics, UVs) differ";
    EXPECT_TRUE(same_vector(a.IndexLookup, b.IndexLookup)) << "codepoint -> glyph table differs";
    EXPECT_TRUE(same_vector(a.IndexAdvanceX, b.IndexAdvanceX)) << "advance table differs";
    EXPECT_EQ(a.FallbackChar, b.FallbackChar);
    EXPECT_EQ(a.FallbackAdvanceX, b.FallbackAdvanceX);
    ASSERT_NE(a.FallbackGlyph, nullptr);
    ASSERT_NE(b.FallbackGlyph, nullptr);
    EXPECT_EQ(a.FallbackGlyph - a.Glyphs.Data, b.FallbackGlyph - b.Glyphs.Data);
    EXPECT_EQ(a.EllipsisChar, b.EllipsisChar);
    EXPECT_EQ(a.EllipsisCharCount, b.EllipsisCharCount);
    EXPECT_EQ(a.EllipsisWidth, b.EllipsisWidth);
    EXPECT_EQ(a.EllipsisCharStep, b.EllipsisCharStep);
    EXPECT_EQ(0, std::memcmp(a.Used4kPagesMap, b.Used4kPagesMap, sizeof a.Used4kPagesMap));
    EXPECT_FALSE(b.DirtyLookupTables);
}

void expect_same_atlas(const ImFontAtlas& a, const ImFontAtlas& b) {
    ASSERT_EQ(a.TexWidth, b.TexWidth);
    ASSERT_EQ(a.TexHeight, b.TexHeight);
    ASSERT_NE(b.TexPixelsAlpha8, nullptr);
    EXPECT_EQ(0, std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8,
                             static_cast<std::size_t>(a.TexWidth * a.TexHeight)));
    EXPECT_EQ(a.TexUvScale.x, b.TexUvScale.x);
    EXPECT_EQ(a.TexUvScale.y, b.TexUvScale.y);
    EXPECT_EQ(a.TexUvWhitePixel.x, b.TexUvWhitePixel.x);
    EXPECT_EQ(a.TexUvWhitePixel.y, b.TexUvWhitePixel.y);
    EXPECT_EQ(0, std::memcmp(a.TexUvLines, b.TexUvLines, sizeof a.TexUvLines));
    EXPECT_EQ(a.PackIdMouseCursors, b.PackIdMouseCursors);
    EXPECT_EQ(a.PackIdLines, b.PackIdLines);
    ASSERT_EQ(a.CustomRects.Size, b.CustomRects.Size);
    for (int i = 0; i < a.CustomRects.Size; ++i) {
        const ImFontAtlasCustomRect &x = a.CustomRects[i], &y = b.CustomRects[i];
        EXPECT_EQ(x.Width, y.Width);
        EXPECT_EQ(x.Height, y.Height);
        EXPECT_EQ(x.X, y.X);
        EXPECT_EQ(x.Y, y.Y);
        EXPECT_EQ(x.GlyphID, y.GlyphID);
        EXPECT_EQ(x.Font == nullptr, y.Font == nullptr);
    }
    EXPECT_TRUE(b.IsBuilt());
    ASSERT_EQ(a.Fonts.Size, b.Fonts.Size);
    for (int i = 0; i < a.Fonts.Size; ++i) {
        expect_same_font(*a.Fonts[i], *b.Fonts[i], i);
        EXPECT_EQ(b.Fonts[i]->ContainerAtlas, &b);
    }
}

class BakedAtlas : public ::testing::TestWithParam<float> {};

TEST_P(BakedAtlas, RestoredEqualsBuilt) {
    const float pixel_size = GetParam();
    GlyphAtlas built_glyphs;
    set_heading(built_glyphs);
    ImFontAtlas built;
    ASSERT_NE(built_glyphs.build(built, pixel_size), nullptr);
    const std::vector<unsigned char> bytes =
        rd::render::save_atlas(built, built_glyphs.recipe_key(pixel_size));

    GlyphAtlas restored_glyphs;
    set_heading(restored_glyphs);
    ImFontAtlas restored;
    std::string problem;
    ImFont* font = restored_glyphs.restore(restored, pixel_size, bytes, &problem);
    ASSERT_NE(font, nullptr) << problem;
    EXPECT_EQ(font, restored.Fonts[0]);
    ASSERT_NE(restored_glyphs.heading_font(), nullptr);
    EXPECT_EQ(restored_glyphs.heading_font(), restored.Fonts[1]);
    expect_same_atlas(built, restored);
}

INSTANTIATE_TEST_SUITE_P(PageScales, BakedAtlas, ::testing::Values(15.0f, 18.75f, 26.25f, 30.0f));

// A frame drawn with the restored atlas tells which slices it needs, as with a built one.
TEST(BakedAtlasUse, PlaceholdersStillNameTheirSlices) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    GlyphAtlas glyphs;
    std::vector<unsigned char> bytes;
    {
        GlyphAtlas baker;
        ImFontAtlas atlas;
        baker.build(atlas, 15.0f);
        bytes = rd::render::save_atlas(atlas, baker.recipe_key(15.0f));
    }
    std::string problem;
    ASSERT_NE(glyphs.restore(*io.Fonts, 15.0f, bytes, &problem), nullptr) << problem;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h); // already built: no rebuild
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("names");
    ImGui::TextUnformatted("Zoë Αθηνά 東京");
    ImGui::End();
    ImGui::Render();
    const rd::render::GlyphScan seen = glyphs.scan(*ImGui::GetDrawData());
    EXPECT_EQ(seen.missing, 7); // the Greek and the Chinese letters; Latin is in the atlas
    const int greek = rd::render::glyph_slice_of(U'Α');
    const int cjk = rd::render::glyph_slice_of(U'東');
    ASSERT_GE(greek, 0);
    ASSERT_GE(cjk, 0);
    EXPECT_NE(std::find(seen.needed.begin(), seen.needed.end(), greek), seen.needed.end());
    EXPECT_NE(std::find(seen.needed.begin(), seen.needed.end(), cjk), seen.needed.end());
    ImGui::DestroyContext(context);
}

std::vector<unsigned char> baked(float pixel_size) {
    GlyphAtlas glyphs;
    set_heading(glyphs);
    ImFontAtlas atlas;
    glyphs.build(atlas, pixel_size);
    return rd::render::save_atlas(atlas, glyphs.recipe_key(pixel_size));
}

void expect_refused(const std::vector<unsigned char>& bytes, float pixel_size, const char* what) {
    SCOPED_TRACE(what);
    GlyphAtlas glyphs;
    set_heading(glyphs);
    ImFontAtlas atlas;
    std::string problem;
    EXPECT_EQ(glyphs.restore(atlas, pixel_size, bytes, &problem), nullptr);
    EXPECT_FALSE(problem.empty());
    EXPECT_EQ(atlas.Fonts.Size, 0);
    EXPECT_EQ(atlas.TexPixelsAlpha8, nullptr);
    EXPECT_FALSE(atlas.IsBuilt());
    EXPECT_EQ(glyphs.heading_font(), nullptr);
    // The caller's fallback, a build, still works after a refusal.
    EXPECT_NE(glyphs.build(atlas, pixel_size), nullptr);
}

TEST(BakedAtlasRefused, AnotherScale) {
    expect_refused(baked(15.0f), 30.0f, "saved at 15 px, asked for 30 px");
}

TEST(BakedAtlasRefused, AnotherRecipe) {
    const std::vector<unsigned char> bytes = baked(15.0f);
    GlyphAtlas glyphs;
    glyphs.set_heading(1.5f, {U'é'}); // another heading font than the one baked
    ImFontAtlas atlas;
    std::string problem;
    EXPECT_EQ(glyphs.restore(atlas, 15.0f, bytes, &problem), nullptr);
    EXPECT_NE(problem.find("other fonts or sizes"), std::string::npos) << problem;
}

TEST(BakedAtlasRefused, ALoadedSliceChangesTheRecipe) {
    const std::vector<unsigned char> bytes = baked(15.0f);
    GlyphAtlas glyphs;
    set_heading(glyphs);
    const int greek = rd::render::glyph_slice_of(U'Α');
    ASSERT_GE(greek, 0);
    const std::uint64_t before = glyphs.recipe_key(15.0f);
    glyphs.mark_requested(greek);
    glyphs.mark_failed(greek);
    EXPECT_EQ(glyphs.recipe_key(15.0f), before) << "a slice asked for but not loaded changes nothing";
    std::ifstream in(std::string(RENEWDESK_GLYPHS_DIR) + "/" + rd::render::glyph_slice_path(greek),
                     std::ios::binary);
    ASSERT_TRUE(
        glyphs.add_loaded(greek, {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}));
    EXPECT_NE(glyphs.recipe_key(15.0f), before);
    ImFontAtlas atlas;
    std::string problem;
    EXPECT_EQ(glyphs.restore(atlas, 15.0f, bytes, &problem), nullptr) << "the baked atlas has no Greek";
    EXPECT_NE(glyphs.build(atlas, 15.0f), nullptr);
}

TEST(BakedAtlasRefused, CutShortAnywhere) {
    const std::vector<unsigned char> bytes = baked(15.0f);
    for (const std::size_t keep : {std::size_t{0}, std::size_t{3}, std::size_t{12}, std::size_t{40},
                                   std::size_t{200}, bytes.size() / 2, bytes.size() - 1}) {
        const std::vector<unsigned char> cut(bytes.begin(), bytes.begin() + static_cast<long>(keep));
        expect_refused(cut, 15.0f, ("cut to " + std::to_string(keep) + " bytes").c_str());
    }
    std::vector<unsigned char> longer = bytes;
    longer.push_back(0);
    expect_refused(longer, 15.0f, "one byte too many");
}

TEST(BakedAtlasRefused, DamagedHeader) {
    std::vector<unsigned char> bytes = baked(15.0f);
    for (const std::size_t at : {std::size_t{0}, std::size_t{4}, std::size_t{8}, std::size_t{16}}) {
        std::vector<unsigned char> damaged = bytes;
        damaged[at] ^= 0x5A;
        expect_refused(damaged, 15.0f, ("byte " + std::to_string(at) + " changed").c_str());
    }
    expect_refused(std::vector<unsigned char>(64, 0xFF), 15.0f, "not an atlas at all");
}

// The key's font part is computed at build time (tools/fonts/ui_font_file.py), so the page knows it
// before its font arrives: it must be the hash of the bytes this program embeds, and the file the page
// fetches must hold those bytes.
TEST(BakedAtlasKey, TheFingerprintIsTheEmbeddedFontsOwn) {
    using namespace rd::render;
    const FontBytes font = ui_font_bytes();
    ASSERT_GT(font.size, 0u);
    EXPECT_EQ(fnv1a(fnv1a(fnv_start, font.data, font.size), rd_endonym_font_data, rd_endonym_font_data_size),
              ui_font_fingerprint());
    std::ifstream in(std::string(RENEWDESK_GLYPHS_DIR) + "/" + ui_font_file(), std::ios::binary);
    const std::vector<unsigned char> served{std::istreambuf_iterator<char>(in),
                                            std::istreambuf_iterator<char>()};
    EXPECT_EQ(served, std::vector<unsigned char>(font.data, font.data + font.size));
}

} // namespace
