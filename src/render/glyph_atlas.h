// Glyphs on demand: the UI font plus the glyph slices loaded so far, in one ImGui font.
//
// Every codepoint a slice could draw but whose slice is not loaded yet draws as a placeholder box.
// Each slice has its own placeholder glyph: all of them share one box in the atlas, but each sits a
// tiny, invisible fraction of a texel further right (its texture u), so after ImGui::Render() a look
// at the draw lists tells exactly which slices were needed on screen and how many codepoints fell
// back (scan()). No text has to be handed over by the screens, and nothing is fetched for a name
// that is only in a list but never on screen. Codepoints no slice draws (emoji, scripts RenewDesk
// has no font for) use U+FFFD, the same box, and count as missing too.
//
//   atlas.build(*io.Fonts, 15.0f * scale);  // between frames, never inside one
//   ... frame ... ImGui::Render();
//   GlyphScan seen = atlas.scan(*ImGui::GetDrawData());   // seen.missing, seen.wanted
//   atlas.mark_requested(slice) -> the platform fetches glyphs/ + glyph_slice_path(slice)
//   atlas.add_loaded(slice, bytes) -> build() again before the next frame
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rd::render {

struct GlyphScan {
    int missing = 0;         // codepoints drawn as a placeholder or as U+FFFD
    std::vector<int> needed; // slices with a placeholder on screen, not loaded (requested or not)
};

class GlyphAtlas {
  public:
    GlyphAtlas();

    // Clears `atlas` and adds the UI font at `pixel_size` with every loaded slice merged into it and
    // a placeholder for every other slice; builds the atlas (the renderer uploads it afterwards).
    // The body font stays the atlas's first (ImGui's default); the heading font, if set, comes second.
    ImFont* build(ImFontAtlas& atlas, float pixel_size);

    // What build(atlas, pixel_size) would make now: the UI fonts (by their fingerprint), the size, the
    // heading font's scale and codepoints, which slices are loaded, ImGui's version. Bytes saved after a
    // build (save_atlas, render/baked_atlas.h) with this key can replace that build.
    std::uint64_t recipe_key(float pixel_size) const;

    // build() without rasterising: restores the atlas a build made at build time (the web page's
    // baked atlas, issue 26). Null, with `problem` set and the atlas cleared, when the bytes are not a
    // baked atlas of this recipe (another size, fonts or ImGui): the caller builds instead.
    ImFont* restore(ImFontAtlas& atlas, float pixel_size, const std::vector<unsigned char>& baked,
                    std::string* problem);

    // A second font for headings: the UI font at `scale` times the body size, with only ASCII and the
    // non-ASCII `codepoints` the headings use (from the UI font and, once loaded, the ui-zh
    // slice), so the atlas grows little. It
    // has no placeholders: text with a glyph it lacks is drawn in the body font (src/ui/heading_font.h).
    void set_heading(float scale, const std::vector<char32_t>& codepoints);
    ImFont* heading_font() const { return heading_; } // null until built with set_heading()

    // Counts what the last frame drew from placeholders. Call after ImGui::Render().
    GlyphScan scan(const ImDrawData& data) const;

    enum class State : std::uint8_t { absent, requested, loaded, failed };
    State state(int slice) const { return slices_[static_cast<std::size_t>(slice)].state; }
    void mark_requested(int slice);
    void mark_failed(int slice); // may be requested again
    // The font bytes of a slice; build() merges it from then on. Returns false (and marks the slice
    // failed) when the bytes are not a font ImGui can read.
    bool add_loaded(int slice, std::vector<unsigned char> bytes);
    std::size_t loaded_bytes() const;

  private:
    struct Slice {
        State state = State::absent;
        std::vector<unsigned char> bytes;
        std::vector<ImWchar> ranges; // ImGui glyph ranges: must live as long as the atlas uses them
    };
    void add_placeholders(ImFont& font, ImFontAtlas& atlas, int box, float pixel_size);
    void note_box(const ImFontAtlas& atlas, int box); // box_u0_, box_v0_, u_step_
    void point_at_placeholders(ImFont& font) const;   // codepoints of slices not loaded -> their placeholder
    void add_heading_font(ImFontAtlas& atlas, float pixel_size);

    std::vector<Slice> slices_;
    // Where the placeholder box is in the atlas: scan() recognises its glyphs by these coordinates.
    float box_u0_ = -1, box_v0_ = -1, u_step_ = 0;
    float heading_scale_ = 0;             // 0: no heading font
    std::vector<ImWchar> heading_latin_;  // ASCII and the headings' other codepoints, ImGui ranges
    std::vector<ImWchar> heading_ranges_; // ui-zh codepoints of the headings, ImGui ranges
    ImFont* heading_ = nullptr;
};

} // namespace rd::render
