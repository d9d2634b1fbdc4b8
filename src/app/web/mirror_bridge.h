// The web side of the accessible mirror (src/ui/mirror.h): after each frame whose description
// changed, the page's hidden DOM (web/mirror.js) is given the new one; its elements' requests
// (focus, activate, the text typed into a field) come back through rd_web_mirror_request.
#pragma once

namespace rd::web {

using MirrorWake = void (*)();

void install_mirror_bridge(MirrorWake wake); // wake: draw a frame soon (a request is waiting)
void sync_mirror();                          // after each frame: hands a changed description to the page

} // namespace rd::web
