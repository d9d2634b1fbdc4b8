#include "render/glyph_atlas.h"

#include "render/baked_atlas.h"
#include "render/glyph_table.h"
#include "render/ui_font.h"

#include <imgui_internal.h> // ImFontAtlasGetBuilderForStbTruetype

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace rd::render {

namespace {

constexpr ImWchar replacement_char = 0xFFFD;
constexpr ImWchar first_placeholder = 0xE000; // Private Use Area: one codepoint per slice's placeholder

std::uint32_t read_u32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// The sfnt header and table directory stb_truetype will read: known magic, every table inside the
// file, the tables it requires. A proxy's error page or a truncated download fails here instead of
// inside ImGui's atlas build (which asserts).
bool looks_like_a_font(const std::vector<unsigned char>& bytes) {
    if (bytes.size() < 12) return false;
    const std::uint32_t magic = read_u32(bytes.data());
    if (magic != 0x00010000 && magic != 0x4F54544F /* OTTO */ && magic != 0x74727565 /* true */) return false;
    const std::size_t tables = (std::size_t{bytes[4]} << 8) | bytes[5];
    if (bytes.size() < 12 + 16 * tables) return false;
    int required = 0;
    bool outlines = false;
    for (std::size_t i = 0; i < tables; ++i) {
        const unsigned char* record = bytes.data() + 12 + 16 * i;
        const std::uint64_t offset = read_u32(record + 8), length = read_u32(record + 12);
        if (offset + length > bytes.size()) return false;
        for (const char* tag : {"cmap", "head", "hhea", "hmtx"})
            if (std::memcmp(record, tag, 4) == 0) ++required;
        if (std::memcmp(record, "CFF ", 4) == 0 || std::memcmp(record, "glyf", 4) == 0) outlines = true;
    }
    return required == 4 && outlines;
}

// ImGui sizes a font by its line height (hhea ascent + descent), not its em: 1.448 em for Noto Sans
// CJK, 1.210 em for Inter. Drawn at the same size, ideographs would be a fifth smaller than the
// Latin text beside them; this makes both ems equal.
constexpr float cjk_size_factor = 1.448f / 1.210f;

bool is_cjk_slice(std::size_t slice) {
    const char* name = glyph_slice_names[slice];
    return std::strncmp(name, "cjk-", 4) == 0 || std::strcmp(name, "ui-zh") == 0;
}

bool in_ui_zh(char32_t codepoint) {
    const std::uint16_t* end = glyph_ui_zh_codepoints + glyph_ui_zh_codepoint_count;
    return codepoint <= 0xFFFF && std::binary_search(glyph_ui_zh_codepoints, end, codepoint);
}

// A hollow box: the look of a glyph not drawn (yet).
void draw_box(ImFontAtlas& atlas, const ImFontAtlasCustomRect& rect, int border) {
    for (int y = 0; y < rect.Height; ++y)
        for (int x = 0; x < rect.Width; ++x) {
            const bool edge =
                x < border || y < border || x >= rect.Width - border || y >= rect.Height - border;
            atlas.TexPixelsAlpha8[(rect.Y + y) * atlas.TexWidth + rect.X + x] = edge ? 0xB0 : 0x00;
        }
}

} // namespace

int glyph_slice_of(char32_t codepoint) {
    if (glyph_ui_zh_slice >= 0 && in_ui_zh(codepoint)) return glyph_ui_zh_slice;
    const GlyphRun* end = glyph_runs + glyph_run_count;
    const GlyphRun* run = std::upper_bound(glyph_runs, end, codepoint,
                                           [](char32_t c, const GlyphRun& r) { return c < r.first; });
    if (run == glyph_runs) return -1;
    --run;
    return codepoint <= run->last ? run->slice : -1;
}

std::string glyph_slice_path(int slice) {
    return std::string(glyph_folder) + glyph_slice_names[slice] + ".otf";
}

GlyphAtlas::GlyphAtlas() : slices_(glyph_slice_count) {}

void GlyphAtlas::mark_requested(int slice) {
    slices_[static_cast<std::size_t>(slice)].state = State::requested;
}

void GlyphAtlas::mark_failed(int slice) {
    slices_[static_cast<std::size_t>(slice)].state = State::failed;
}

bool GlyphAtlas::add_loaded(int slice, std::vector<unsigned char> bytes) {
    Slice& s = slices_[static_cast<std::size_t>(slice)];
    if (!looks_like_a_font(bytes)) {
        s.state = State::failed;
        return false;
    }
    s.bytes = std::move(bytes);
    s.ranges.clear();
    if (slice == glyph_ui_zh_slice)
        for (std::size_t i = 0; i < glyph_ui_zh_codepoint_count; ++i) {
            s.ranges.push_back(static_cast<ImWchar>(glyph_ui_zh_codepoints[i]));
            s.ranges.push_back(static_cast<ImWchar>(glyph_ui_zh_codepoints[i]));
        }
    for (std::size_t i = 0; i < glyph_run_count; ++i)
        if (glyph_runs[i].slice == slice) {
            s.ranges.push_back(static_cast<ImWchar>(glyph_runs[i].first));
            s.ranges.push_back(static_cast<ImWchar>(glyph_runs[i].last));
        }
    s.ranges.push_back(0);
    s.state = State::loaded;
    return true;
}

std::size_t GlyphAtlas::loaded_bytes() const {
    std::size_t total = 0;
    for (const Slice& s : slices_)
        total += s.bytes.size();
    return total;
}

ImFont* GlyphAtlas::build(ImFontAtlas& atlas, float pixel_size) {
    atlas.Clear();
    ImFont* font = add_ui_font(atlas, pixel_size);
    add_endonym_glyphs(atlas, pixel_size);
    for (std::size_t i = 0; i < slices_.size(); ++i) {
        Slice& s = slices_[i];
        if (s.state != State::loaded) continue;
        ImFontConfig config;
        config.MergeMode = true;
        config.FontDataOwnedByAtlas = false;         // the bytes live in slices_
        if (is_cjk_slice(i)) config.OversampleH = 1; // big, square glyphs: half the rasterising
        std::snprintf(config.Name, sizeof(config.Name), "%.32s", glyph_slice_names[i]);
        const float size = is_cjk_slice(i) ? pixel_size * cjk_size_factor : pixel_size;
        atlas.AddFontFromMemoryTTF(s.bytes.data(), static_cast<int>(s.bytes.size()), size, &config,
                                   s.ranges.data());
    }
    add_heading_font(atlas, pixel_size);
    const int box_width = std::max(3, static_cast<int>(std::lround(pixel_size * 0.5f)));
    const int box_height = std::max(4, static_cast<int>(std::lround(pixel_size * 0.7f)));
    const int box = atlas.AddCustomRectRegular(box_width, box_height);
    // The builder itself, not ImFontAtlas::Build(): Build() falls back to ImGui's built-in ProggyClean
    // font when the atlas is empty, and that reference alone kept its 12 KB in the page (the atlas
    // here always holds the UI font, so the fallback can never apply).
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas);
    draw_box(atlas, *atlas.GetCustomRectByIndex(box), std::max(1, static_cast<int>(pixel_size / 14.0f)));
    add_placeholders(*font, atlas, box, pixel_size);
    return font;
}

void GlyphAtlas::set_heading(float scale, const std::vector<char32_t>& codepoints) {
    heading_scale_ = scale;
    heading_latin_ = {0x20, 0x7E};
    heading_ranges_.clear();
    for (const char32_t c : codepoints) {
        if (c > 0xFFFF) continue;
        std::vector<ImWchar>& ranges = in_ui_zh(c) ? heading_ranges_ : heading_latin_;
        ranges.push_back(static_cast<ImWchar>(c));
        ranges.push_back(static_cast<ImWchar>(c));
    }
    heading_latin_.push_back(0);
    heading_ranges_.push_back(0);
}

void GlyphAtlas::add_heading_font(ImFontAtlas& atlas, float pixel_size) {
    heading_ = nullptr;
    if (heading_scale_ <= 0) return;
    const float size = std::round(pixel_size * heading_scale_);
    heading_ = add_ui_font(atlas, size, heading_latin_.data());
    if (glyph_ui_zh_slice < 0 || heading_ranges_.size() < 2) return;
    Slice& zh = slices_[static_cast<std::size_t>(glyph_ui_zh_slice)];
    if (zh.state != State::loaded) return; // Chinese headings use the body font (and its placeholders)
    ImFontConfig config;
    config.MergeMode = true;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    std::snprintf(config.Name, sizeof(config.Name), "ui-zh headings");
    atlas.AddFontFromMemoryTTF(zh.bytes.data(), static_cast<int>(zh.bytes.size()), size * cjk_size_factor,
                               &config, heading_ranges_.data());
}

void GlyphAtlas::note_box(const ImFontAtlas& atlas, int box) {
    const ImFontAtlasCustomRect& rect = atlas.CustomRects[box];
    ImVec2 uv0, uv1;
    atlas.CalcCustomRectUV(&rect, &uv0, &uv1);
    box_u0_ = uv0.x;
    box_v0_ = uv0.y;
    u_step_ = atlas.TexUvScale.x / 1024.0f; // a thousandth of a texel: invisible, yet exact in a float
}

void GlyphAtlas::add_placeholders(ImFont& font, ImFontAtlas& atlas, int box, float pixel_size) {
    note_box(atlas, box);
    const ImFontAtlasCustomRect& rect = *atlas.GetCustomRectByIndex(box);
    ImVec2 uv0, uv1;
    atlas.CalcCustomRectUV(&rect, &uv0, &uv1);
    // A CJK placeholder advances exactly as far as the ideograph will (every one is one em wide, like
    // the embedded 中): no line moves when it arrives.
    const ImFontGlyph* ideograph = font.FindGlyphNoFallback(0x4E2D);
    const float narrow = std::round(pixel_size * 0.6f);
    const float wide = ideograph ? ideograph->AdvanceX : std::round(pixel_size * 0.83f);
    const float y1 = font.Ascent, y0 = y1 - static_cast<float>(rect.Height);
    auto add = [&](ImWchar codepoint, int step, float advance) {
        const float x0 = std::floor((advance - static_cast<float>(rect.Width)) * 0.5f);
        const float shift = static_cast<float>(step) * u_step_;
        font.AddGlyph(nullptr, codepoint, x0, y0, x0 + static_cast<float>(rect.Width), y1, uv0.x + shift,
                      uv0.y, uv1.x + shift, uv1.y, advance);
    };
    add(replacement_char, 0, narrow);
    for (std::size_t i = 0; i < slices_.size(); ++i)
        if (slices_[i].state != State::loaded)
            add(static_cast<ImWchar>(first_placeholder + i), static_cast<int>(i) + 1,
                is_cjk_slice(i) ? wide : narrow);
    font.FallbackChar = replacement_char;
    font.BuildLookupTable();
    point_at_placeholders(font);
}

// Every codepoint of a slice not loaded yet draws (and measures) as that slice's placeholder; ui-zh's
// first, since it is the slice asked for its codepoints.
void GlyphAtlas::point_at_placeholders(ImFont& font) const {
    font.IndexLookup.resize(0x10000, static_cast<ImWchar>(-1));
    font.IndexAdvanceX.resize(0x10000, font.FallbackAdvanceX);
    auto point_at_placeholder = [&](int slice, int first, int last) {
        if (slices_[static_cast<std::size_t>(slice)].state == State::loaded) return;
        const ImWchar glyph = font.IndexLookup[first_placeholder + slice];
        const float advance = font.IndexAdvanceX[first_placeholder + slice];
        for (int c = first; c <= last; ++c)
            if (font.IndexLookup[c] == static_cast<ImWchar>(-1)) {
                font.IndexLookup[c] = glyph;
                font.IndexAdvanceX[c] = advance;
            }
    };
    if (glyph_ui_zh_slice >= 0)
        for (std::size_t i = 0; i < glyph_ui_zh_codepoint_count; ++i)
            point_at_placeholder(glyph_ui_zh_slice, glyph_ui_zh_codepoints[i], glyph_ui_zh_codepoints[i]);
    for (std::size_t r = 0; r < glyph_run_count; ++r)
        point_at_placeholder(glyph_runs[r].slice, glyph_runs[r].first, glyph_runs[r].last);
}

std::uint64_t GlyphAtlas::recipe_key(float pixel_size) const {
    std::uint64_t key = ui_font_fingerprint();
    key = fnv1a(key, &pixel_size, sizeof pixel_size);
    key = fnv1a(key, &heading_scale_, sizeof heading_scale_);
    key = fnv1a(key, heading_latin_.data(), heading_latin_.size() * sizeof(ImWchar));
    key = fnv1a(key, heading_ranges_.data(), heading_ranges_.size() * sizeof(ImWchar));
    for (const Slice& s : slices_) {
        const unsigned char loaded = s.state == State::loaded ? 1 : 0;
        key = fnv1a(key, &loaded, 1);
        if (loaded) key = fnv1a(key, s.bytes.data(), s.bytes.size());
    }
    return key;
}

ImFont* GlyphAtlas::restore(ImFontAtlas& atlas, float pixel_size, const std::vector<unsigned char>& baked,
                            std::string* problem) {
    heading_ = nullptr;
    if (!load_atlas(atlas, baked.data(), baked.size(), recipe_key(pixel_size), problem)) return nullptr;
    // The placeholder box: the one rectangle of build()'s own (the others are ImGui's).
    int box = -1;
    for (int i = 0; i < atlas.CustomRects.Size; ++i)
        if (i != atlas.PackIdMouseCursors && i != atlas.PackIdLines && atlas.CustomRects[i].Font == nullptr)
            box = box < 0 ? i : -2;
    const bool heading_expected = heading_scale_ > 0;
    if (box < 0 || atlas.Fonts.Size != (heading_expected ? 2 : 1)) {
        atlas.Clear();
        if (problem) *problem = "a baked atlas of another layout";
        return nullptr;
    }
    note_box(atlas, box);
    ImFont* font = atlas.Fonts[0];
    point_at_placeholders(*font);
    if (heading_expected) heading_ = atlas.Fonts[1];
    return font;
}

GlyphScan GlyphAtlas::scan(const ImDrawData& data) const {
    GlyphScan seen;
    if (u_step_ <= 0) return seen;
    std::vector<bool> needed(slices_.size(), false);
    const float last = static_cast<float>(slices_.size()) + 0.5f;
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer) {
            // A glyph quad's two top vertices have v0; only the top-left one has a u near box_u0_.
            if (v.uv.y != box_v0_) continue;
            const float step = (v.uv.x - box_u0_) / u_step_;
            if (step < -0.5f || step > last) continue;
            const long index = std::lround(step);
            if (std::fabs(step - static_cast<float>(index)) > 0.25f) continue;
            ++seen.missing;
            if (index > 0) needed[static_cast<std::size_t>(index - 1)] = true;
        }
    for (std::size_t i = 0; i < needed.size(); ++i)
        if (needed[i]) seen.needed.push_back(static_cast<int>(i));
    return seen;
}

} // namespace rd::render
