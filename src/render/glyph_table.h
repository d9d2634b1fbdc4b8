// Which slice draws which codepoints: the table tools/fonts/slice_glyphs.py generates at build
// time (see src/render/CMakeLists.txt). A slice is a small font file served beside the page or the
// app, in glyphs/<version>/<name>.otf, fetched only once one of its codepoints is drawn
// (src/render/glyph_atlas.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace rd::render {

// Consecutive codepoints drawn by one slice. Runs are sorted and do not overlap.
struct GlyphRun {
    std::uint16_t first, last;
    std::uint16_t slice;
};

extern const char glyph_folder[];             // "<version>/": a hash of every slice's contents
extern const char* const glyph_slice_names[]; // "cjk-4e00", "greek", ..., "ui-zh" (last, if any)
extern const std::size_t glyph_slice_count;
extern const GlyphRun glyph_runs[]; // the Inter and CJK slices
extern const std::size_t glyph_run_count;
// ui-zh: every character of the Chinese UI in one slice. Its codepoints are also in their CJK
// blocks' slices; ui-zh is the one asked for.
extern const int glyph_ui_zh_slice; // -1: none
extern const std::uint16_t glyph_ui_zh_codepoints[];
extern const std::size_t glyph_ui_zh_codepoint_count;

// The slice that draws `codepoint`, or -1 when none does (the UI font may still draw it).
int glyph_slice_of(char32_t codepoint);

// The slice's file, relative to the glyphs/ folder: "<version>/<name>.otf".
std::string glyph_slice_path(int slice);

} // namespace rd::render
