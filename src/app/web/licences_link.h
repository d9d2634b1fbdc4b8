// The header's Licences button on the page: opens THIRD-PARTY-NOTICES.txt, which tools/dist (and the
// web build, cmake/notices.cmake) puts beside index.html, in a new tab.
#pragma once

namespace rd::web {

void open_licences();

} // namespace rd::web
