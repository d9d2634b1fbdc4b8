#include "render/baked_atlas.h"

#include <imgui.h>

#include <cstring>
#include <type_traits>

namespace rd::render {

namespace {

constexpr char magic[4] = {'R', 'D', 'A', 'T'};
constexpr std::uint32_t format_version = 2; // 2: glyph tables stored byte-transposed
constexpr int line_uvs = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;

static_assert(std::is_trivially_copyable_v<ImFontGlyph>);

// The layout the bytes depend on: another ImGui version or another target's struct layout refuses.
std::uint64_t layout_key() {
    const std::uint32_t facts[] = {IMGUI_VERSION_NUM, sizeof(ImFontGlyph), sizeof(ImWchar), sizeof(float),
                                   static_cast<std::uint32_t>(line_uvs)};
    return fnv1a(fnv_start, facts, sizeof facts);
}

class Writer {
  public:
    template <typename T> void put(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes(&value, sizeof value);
    }
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        out_.insert(out_.end(), p, p + size);
    }
    // `count` records of `size` bytes, byte-transposed: every record's first byte, then every record's
    // second, ... Neighbouring glyphs share most of their high bytes (float exponents, codepoint
    // pages), so the table gzips to about 60 % of its plain size (8.5 -> 5.2 KB at 100 %).
    void transposed(const void* data, std::size_t count, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t byte = 0; byte < size; ++byte)
            for (std::size_t i = 0; i < count; ++i)
                out_.push_back(p[i * size + byte]);
    }
    std::vector<unsigned char> take() { return std::move(out_); }

  private:
    std::vector<unsigned char> out_;
};

class Reader {
  public:
    Reader(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
    template <typename T> bool get(T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        return bytes(&value, sizeof value);
    }
    bool bytes(void* out, std::size_t size) {
        if (size > size_ - at_) return false;
        std::memcpy(out, data_ + at_, size);
        at_ += size;
        return true;
    }
    bool transposed(void* out, std::size_t count, std::size_t size) { // Writer::transposed's inverse
        if (count > (size_ - at_) / (size ? size : 1)) return false;
        auto* p = static_cast<unsigned char*>(out);
        for (std::size_t byte = 0; byte < size; ++byte)
            for (std::size_t i = 0; i < count; ++i)
                p[i * size + byte] = data_[at_++];
        return true;
    }
    bool at_end() const { return at_ == size_; }

  private:
    const unsigned char* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

bool fail(ImFontAtlas& atlas, std::string* problem, const char* why) {
    atlas.Clear();
    if (problem) *problem = why;
    return false;
}

} // namespace

std::uint64_t fnv1a(std::uint64_t hash, const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= p[i];
        hash *= 0x100000001b3ull;
    }
    return hash;
}

std::vector<unsigned char> save_atlas(const ImFontAtlas& atlas, std::uint64_t key) {
    Writer w;
    w.bytes(magic, sizeof magic);
    w.put(format_version);
    w.put(layout_key());
    w.put(key);
    w.put(atlas.Flags);
    w.put(atlas.TexGlyphPadding);
    w.put(atlas.TexWidth);
    w.put(atlas.TexHeight);
    w.put(atlas.TexUvScale);
    w.put(atlas.TexUvWhitePixel);
    for (const ImVec4& uv : atlas.TexUvLines)
        w.put(uv);
    w.put(atlas.PackIdMouseCursors);
    w.put(atlas.PackIdLines);
    w.put(static_cast<std::int32_t>(atlas.CustomRects.Size));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        w.put(r.Width);
        w.put(r.Height);
        w.put(r.X);
        w.put(r.Y);
        w.put(r.GlyphID);
        w.put(r.GlyphAdvanceX);
        w.put(r.GlyphOffset);
        w.put(static_cast<std::int32_t>(r.Font ? atlas.Fonts.index_from_ptr(atlas.Fonts.find(r.Font)) : -1));
    }
    w.put(static_cast<std::int32_t>(atlas.Fonts.Size));
    for (const ImFont* font : atlas.Fonts) {
        w.put(font->FontSize);
        w.put(font->Scale);
        w.put(font->Ascent);
        w.put(font->Descent);
        w.put(font->FallbackChar);
        w.put(font->EllipsisChar);
        w.put(font->EllipsisCharCount);
        w.put(font->EllipsisWidth);
        w.put(font->EllipsisCharStep);
        w.put(font->MetricsTotalSurface);
        w.put(static_cast<std::int32_t>(font->Glyphs.Size));
        w.transposed(font->Glyphs.Data, static_cast<std::size_t>(font->Glyphs.Size), sizeof(ImFontGlyph));
    }
    w.bytes(atlas.TexPixelsAlpha8,
            static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
    return w.take();
}

bool load_atlas(ImFontAtlas& atlas, const unsigned char* data, std::size_t size, std::uint64_t key,
                std::string* problem) {
    atlas.Clear();
    Reader r(data, size);
    char seen_magic[4] = {};
    std::uint32_t version = 0;
    std::uint64_t seen_layout = 0, seen_key = 0;
    if (!r.bytes(seen_magic, sizeof seen_magic) || std::memcmp(seen_magic, magic, sizeof magic) != 0)
        return fail(atlas, problem, "not a baked atlas");
    if (!r.get(version) || version != format_version || !r.get(seen_layout) || seen_layout != layout_key())
        return fail(atlas, problem, "a baked atlas of another format or ImGui version");
    if (!r.get(seen_key) || seen_key != key)
        return fail(atlas, problem, "a baked atlas of other fonts or sizes");

    bool ok = r.get(atlas.Flags) && r.get(atlas.TexGlyphPadding) && r.get(atlas.TexWidth) &&
              r.get(atlas.TexHeight) && r.get(atlas.TexUvScale) && r.get(atlas.TexUvWhitePixel);
    for (ImVec4& uv : atlas.TexUvLines)
        ok = ok && r.get(uv);
    std::int32_t rects = 0;
    ok = ok && r.get(atlas.PackIdMouseCursors) && r.get(atlas.PackIdLines) && r.get(rects);
    if (!ok || rects < 0 || rects > 4096 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0 ||
        atlas.TexWidth > 16384 || atlas.TexHeight > 16384)
        return fail(atlas, problem, "a baked atlas cut short or out of range");
    std::vector<std::int32_t> rect_fonts(static_cast<std::size_t>(rects));
    atlas.CustomRects.resize(rects);
    for (int i = 0; i < rects && ok; ++i) {
        ImFontAtlasCustomRect& c = atlas.CustomRects[i];
        ok = r.get(c.Width) && r.get(c.Height) && r.get(c.X) && r.get(c.Y) && r.get(c.GlyphID) &&
             r.get(c.GlyphAdvanceX) && r.get(c.GlyphOffset) && r.get(rect_fonts[static_cast<std::size_t>(i)]);
    }
    std::int32_t fonts = 0;
    if (!ok || !r.get(fonts) || fonts <= 0 || fonts > 64)
        return fail(atlas, problem, "a baked atlas cut short");
    struct Ellipsis {
        ImWchar codepoint = 0;
        short count = 0;
        float width = 0, step = 0;
    };
    std::vector<Ellipsis> ellipses(static_cast<std::size_t>(fonts));
    for (int f = 0; f < fonts; ++f) {
        ImFont* font = IM_NEW(ImFont);
        atlas.Fonts.push_back(font);
        font->ContainerAtlas = &atlas;
        std::int32_t glyphs = 0;
        Ellipsis& e = ellipses[static_cast<std::size_t>(f)];
        ok = r.get(font->FontSize) && r.get(font->Scale) && r.get(font->Ascent) && r.get(font->Descent) &&
             r.get(font->FallbackChar) && r.get(e.codepoint) && r.get(e.count) && r.get(e.width) &&
             r.get(e.step) && r.get(font->MetricsTotalSurface) && r.get(glyphs);
        if (!ok || glyphs <= 0 || glyphs >= 0xFFFF)
            return fail(atlas, problem, "a baked atlas's font cut short");
        font->Glyphs.resize(glyphs);
        if (!r.transposed(font->Glyphs.Data, static_cast<std::size_t>(glyphs), sizeof(ImFontGlyph)))
            return fail(atlas, problem, "a baked atlas's glyphs cut short");
    }
    for (int i = 0; i < rects; ++i) {
        const std::int32_t font = rect_fonts[static_cast<std::size_t>(i)];
        if (font < -1 || font >= fonts)
            return fail(atlas, problem, "a baked atlas's rectangle names no font");
        atlas.CustomRects[i].Font = font < 0 ? nullptr : atlas.Fonts[font];
    }
    const std::size_t texels =
        static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight);
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(texels));
    if (!r.bytes(atlas.TexPixelsAlpha8, texels) || !r.at_end())
        return fail(atlas, problem, "a baked atlas's texels cut short or followed by more");
    for (int f = 0; f < fonts; ++f) {
        ImFont& font = *atlas.Fonts[f];
        font.BuildLookupTable(); // as ImFontAtlasBuildFinish does: the tables, tab, fallback
        // The ellipsis as the build left it: BuildLookupTable takes a set EllipsisChar for a single
        // glyph, while a font without U+2026 uses three dots.
        const Ellipsis& e = ellipses[static_cast<std::size_t>(f)];
        font.EllipsisChar = e.codepoint;
        font.EllipsisCharCount = e.count;
        font.EllipsisWidth = e.width;
        font.EllipsisCharStep = e.step;
    }
    atlas.TexReady = true;
    return true;
}

} // namespace rd::render
