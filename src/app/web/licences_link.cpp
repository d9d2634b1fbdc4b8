#include "app/web/licences_link.h"

#include <emscripten/emscripten.h>

// Runs in the frame after the click, within the click's user activation (no popup blocker).
// Relative to the page: THIRD-PARTY-NOTICES.txt beside index.html, wherever the page is hosted.
EM_JS(void, rd_js_open_licences, (), { window.open('THIRD-PARTY-NOTICES.txt', '_blank', 'noopener'); });

namespace rd::web {

void open_licences() {
    rd_js_open_licences();
}

} // namespace rd::web
