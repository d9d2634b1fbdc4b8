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
    fetched() = std::move(bytes); // once: provide_ui_font takes no second copy (atlases point into this one)
    return true;
}

} // namespace rd::render
