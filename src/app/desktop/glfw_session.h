// GLFW's lifetime in the desktop app: its errors (kept for the "no graphics" message during
// start-up, printed as they happen afterwards), the stop signals' wake-up of the event wait (only
// between glfwInit and glfwTerminate), and the message for a machine that cannot show a window.
#pragma once

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <string>

namespace rd::desktop {

bool start_glfw();                 // installs the error callback, then glfwInit()
void glfw_started_up();            // from now on GLFW errors are printed as they happen
void end_glfw(GLFWwindow* window); // destroys the window (may be null) and terminates GLFW
void request_stop();               // thread-safe (the signal watcher): ends the event wait
bool stop_requested();

// Prints why there is no window (`detail`, else GLFW's last error) and what to check; returns the
// exit code for it.
int no_graphics(const std::string& what, std::string detail = {});

} // namespace rd::desktop
