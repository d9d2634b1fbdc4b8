// A built ImFontAtlas as bytes, and back: the web build rasterises the UI font's atlas once, at build
// time (renewdesk_bake_atlas, tools/fonts/bake_atlas.cpp), and the page restores it at start-up
// instead of rasterising it again before its first frame (issue 26).
// What is saved is the state ImGui's builder leaves: the alpha texels, the white pixel and line UVs,
// the custom rectangles, and per font its size, metrics and glyphs. Loading pushes the glyphs back and
// lets ImGui build each font's lookup tables (BuildLookupTable, as the builder does), so the restored
// atlas equals the built one (tests/render/baked_atlas_test.cpp compares them field by field).
// Pure data: no GL, no file access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct ImFontAtlas;

namespace rd::render {

// FNV-1a over `size` bytes, continuing from `hash` (start with fnv_start).
constexpr std::uint64_t fnv_start = 0xcbf29ce484222325ull;
std::uint64_t fnv1a(std::uint64_t hash, const void* data, std::size_t size);

// The atlas's state after a build. `key` names what it was built from (fonts, sizes, ranges, ImGui's
// version: GlyphAtlas::recipe_key); load_atlas accepts only bytes saved with the same key.
std::vector<unsigned char> save_atlas(const ImFontAtlas& atlas, std::uint64_t key);

// Clears `atlas` and restores what save_atlas saved. On bytes that are not such an atlas, or were saved
// with another key or another ImGui layout, returns false with `problem` set and `atlas` left cleared.
bool load_atlas(ImFontAtlas& atlas, const unsigned char* data, std::size_t size, std::uint64_t key,
                std::string* problem);

} // namespace rd::render
