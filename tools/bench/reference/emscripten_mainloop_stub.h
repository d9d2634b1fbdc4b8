// RenewDesk's stand-in for the helper header that Dear ImGui's examples include under Emscripten
// ("../libs/emscripten/emscripten_mainloop_stub.h"), which Debian's +ds source package leaves out.
// The example writes its loop as
//     EMSCRIPTEN_MAINLOOP_BEGIN { ...one frame... } EMSCRIPTEN_MAINLOOP_END;
// so BEGIN opens a lambda that captures main()'s locals by reference and END hands it to the
// browser's animation-frame loop. simulate_infinite_loop=1 keeps main()'s frame (and so the
// captured locals) alive: main() never returns.
#pragma once
#include <emscripten.h>
#include <functional>

namespace renewdesk_bench {
static std::function<void()> example_frame;
static void run_example_frame() {
    example_frame();
}
} // namespace renewdesk_bench

#define EMSCRIPTEN_MAINLOOP_BEGIN renewdesk_bench::example_frame = [&]()
#define EMSCRIPTEN_MAINLOOP_END                                                                              \
    ;                                                                                                        \
    emscripten_set_main_loop(renewdesk_bench::run_example_frame, 0, 1)
