// Which slice file draws which codepoints: the table tools/fonts/slice_glyphs.py generates at build
// time (see src/render/CMakeLists.txt). A slice is a small font file served beside the page or the
// app, fetched only once one of its codepoints is drawn (src/render/glyph_atlas.h).
#pragma once

#include <cstddef>
#include <cstdint>

namespace rd::render {

struct GlyphSliceFile {
    const char* file;    // the file's name in the glyphs/ folder (it carries a content hash)
    std::uint32_t bytes; // its size
};

// Consecutive codepoints drawn by one slice. Runs are sorted and do not overlap.
struct GlyphRun {
    std::uint16_t first, last;
    std::uint16_t slice;
};

extern const GlyphSliceFile glyph_slice_files[];
extern const std::size_t glyph_slice_file_count;
extern const GlyphRun glyph_runs[];
extern const std::size_t glyph_run_count;

// The slice that draws `codepoint`, or -1 when none does (the embedded font may still draw it).
int glyph_slice_of(char32_t codepoint);

} // namespace rd::render
