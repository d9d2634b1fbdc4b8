// SIGINT, SIGTERM and SIGHUP end the desktop app the way closing its window does, so the settings
// are saved and a sandbox child is stopped. A signal handler could not safely wake GLFW's event
// wait, so the signals are blocked everywhere and one watcher thread takes them with sigwait().
//
//   block_stop_signals();                  // first thing in main: threads started later inherit the mask
//   watch_stop_signals([] { ...; glfwPostEmptyEvent(); });
#pragma once

#include <functional>

namespace rd::desktop {

void block_stop_signals();

// Calls on_stop once, on the watcher thread, when the first stop signal arrives; a second one ends
// the process at once (an orderly exit that hangs must still be stoppable with Ctrl+C).
void watch_stop_signals(std::function<void()> on_stop);

} // namespace rd::desktop
