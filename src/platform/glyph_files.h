// Fetching glyph slice files (src/render/glyph_atlas.h) without blocking a frame: the web page
// GETs them from glyphs/ beside the page (web/glyph_files_from_server.cpp, emscripten_fetch); the desktop app
// reads them from glyphs/ beside its executable on a thread (desktop/glyph_files_from_disk.cpp). CMake
// compiles exactly one of them.
//
//   auto files = rd::make_glyph_files(wake);   // wake(): called from any thread when a file arrives
//   files->request(slice, "cjk-4e00-1a2b3c4d5e.otf");
//   for (GlyphFile& f : files->take_arrived()) ...   // on the main thread, between frames
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rd {

struct GlyphFile {
    int slice = -1;
    bool ok = false;
    std::vector<unsigned char> bytes; // ok: the whole file
    std::string problem;              // !ok: why (for the log), e.g. "HTTP 404" or "No such file"
};

class GlyphFiles {
  public:
    virtual ~GlyphFiles() = default;
    virtual void request(int slice, const std::string& file) = 0;
    virtual std::vector<GlyphFile> take_arrived() = 0;
};

std::unique_ptr<GlyphFiles> make_glyph_files(std::function<void()> wake);

} // namespace rd
