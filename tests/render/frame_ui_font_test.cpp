// The frame's builds wait for a fetched UI font (app/frame.h, issue 26): this program links the web
// page's font provider (RD_UI_FONT fetched), so the font is not here until the glyph files bring it.
// The glyph files are a stand-in (FakeGlyphFiles) for the page's fetches from glyphs/.
#include "app/frame.h"
#include "platform/glyph_files.h"
#include "render/glyph_table.h"
#include "render/ui_font.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace {

std::vector<unsigned char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Stands for the web page's fetches from glyphs/ (src/platform/web/glyph_files_from_server.cpp).
class FakeGlyphFiles : public rd::GlyphFiles {
  public:
    void request(int slice, const std::string& file) override { requests.emplace_back(slice, file); }
    std::vector<rd::GlyphFile> take_arrived() override { return std::exchange(arrived, {}); }
    void arrive(int slice, std::vector<unsigned char> bytes) {
        rd::GlyphFile file;
        file.slice = slice;
        file.ok = true;
        file.bytes = std::move(bytes);
        arrived.push_back(std::move(file));
    }
    std::vector<std::pair<int, std::string>> requests;
    std::vector<rd::GlyphFile> arrived;
};

int slice_named(const char* name) {
    for (std::size_t i = 0; i < rd::render::glyph_slice_count; ++i)
        if (std::string(rd::render::glyph_slice_names[i]) == name) return static_cast<int>(i);
    return -1;
}

TEST(FrameUiFont, BuildsWaitForTheFetchedFontAskedForOnce) {
    using rd::render::ui_font_file;
    ASSERT_FALSE(rd::render::ui_font_ready());
    ImGui::CreateContext();
    {
        FakeGlyphFiles files;
        rd::app::FrameSettings settings;
        settings.glyph_files = &files;
        rd::app::Frame frame(settings);

        // No baked atlas, no font: nothing to draw with yet; the font is asked for, once.
        frame.set_pixel_scale(1.0f, false);
        EXPECT_FALSE(frame.has_atlas());
        EXPECT_TRUE(frame.waits_for_ui_font());
        ASSERT_EQ(files.requests.size(), 1u);
        EXPECT_EQ(files.requests[0], std::make_pair(-1, std::string(ui_font_file())));
        EXPECT_EQ(frame.glyph_facts().ui_font, "requested");
        frame.set_pixel_scale(1.5f, false); // the screen moved meanwhile: still one request
        EXPECT_EQ(files.requests.size(), 1u);

        // A proxy's error page instead of the font: refused, nothing built, not asked again at once.
        const std::string page = "<!doctype html><h1>502 Bad Gateway</h1>";
        files.arrive(-1, {page.begin(), page.end()});
        frame.take_arrived_glyphs(false);
        EXPECT_FALSE(frame.has_atlas());
        EXPECT_EQ(frame.glyph_facts().ui_font, "not this build's UI font");
        frame.set_pixel_scale(1.5f, false);
        EXPECT_EQ(files.requests.size(), 1u) << "a refused font is asked for again only after a while";

        // A glyph slice that arrives before the font is kept, and built in with it.
        const int greek = slice_named("greek");
        ASSERT_GE(greek, 0);
        files.arrive(
            greek, read_file(std::string(RENEWDESK_GLYPHS_DIR) + "/" + rd::render::glyph_slice_path(greek)));
        frame.take_arrived_glyphs(false);
        EXPECT_FALSE(frame.has_atlas());
        EXPECT_EQ(frame.glyph_facts().slices_loaded, 1);

        // The font: the waiting build happens, at the scale asked for last, with the slice in it.
        files.arrive(-1, read_file(std::string(RENEWDESK_GLYPHS_DIR) + "/" + ui_font_file()));
        frame.take_arrived_glyphs(false);
        ASSERT_TRUE(frame.has_atlas());
        EXPECT_FALSE(frame.waits_for_ui_font());
        EXPECT_EQ(frame.glyph_facts().ui_font, "loaded");
        EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 1.0f / 1.5f);
        const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
        EXPECT_NE(font->FindGlyphNoFallback(U'Ω'), nullptr) << "the Greek slice, built in with the font";
        EXPECT_NE(font->FindGlyphNoFallback(U'Ž'), nullptr);

        // From now on builds need nothing fetched.
        frame.set_pixel_scale(2.0f, false);
        EXPECT_TRUE(frame.has_atlas());
        EXPECT_FALSE(frame.waits_for_ui_font());
        EXPECT_EQ(files.requests.size(), 1u);
        EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 0.5f);
    }
    ImGui::DestroyContext();
}

} // namespace
