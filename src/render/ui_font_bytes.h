// Where add_ui_font (render/ui_font.h) finds the UI font's bytes. Two providers, one per program,
// chosen by CMake (the RD_UI_FONT target property, src/render/CMakeLists.txt):
//   - ui_font_embedded.cpp: compiled into the program (the desktop app, the bake tool, every test);
//   - ui_font_fetched.cpp: the web page's, empty until the page fetched glyphs/<ui_font_file()> and
//     handed the bytes over (provide_ui_font, which checks them first).
#pragma once

#include <cstddef>
#include <vector>

namespace rd::render {

struct FontBytes {
    const unsigned char* data = nullptr;
    std::size_t size = 0; // 0: not here (yet)
};

FontBytes ui_font_bytes();

// Keeps checked bytes for good (atlases point into them). False where the font is embedded.
bool keep_ui_font_bytes(std::vector<unsigned char> bytes);

} // namespace rd::render
