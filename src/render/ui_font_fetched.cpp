// The web page's UI font (render/ui_font_bytes.h): fetched from glyphs/ when the page must rasterise,
// kept for the page's life once it arrived.
#include "render/ui_font_bytes.h"

namespace rd::render {

namespace {
std::vector<unsigned char>& fetched() {
    static std::vector<unsigned char> bytes;
    return bytes;
}
} // namespace

FontBytes ui_font_bytes() {
    const std::vector<unsigned char>& bytes = fetched();
    return {bytes.data(), bytes.size()};
}

bool keep_ui_font_bytes(std::vector<unsigned char> bytes) {
    if (!fetched().empty()) return true; // atlases point into the first copy: it stays
    fetched() = std::move(bytes);
    return true;
}

} // namespace rd::render
