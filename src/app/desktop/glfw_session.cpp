#include "app/desktop/glfw_session.h"

#include <atomic>
#include <cctype>
#include <cstdio>
#include <mutex>

namespace rd::desktop {

namespace {

constexpr int exit_no_graphics = 2;

std::string last_glfw_error;
bool glfw_ready = false;     // after start-up, GLFW errors are printed as they happen
std::mutex glfw_alive_mutex; // the signal watcher may only wake GLFW between glfwInit and glfwTerminate
bool glfw_alive = false;
std::atomic<bool> stop{false};

void on_glfw_error(int code, const char* description) {
    last_glfw_error = description ? description : "unknown error";
    if (glfw_ready) std::fprintf(stderr, "renewdesk: GLFW error %d: %s\n", code, last_glfw_error.c_str());
}

void set_glfw_alive(bool alive) {
    std::lock_guard lock(glfw_alive_mutex);
    glfw_alive = alive;
}

} // namespace

bool start_glfw() {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return false;
    set_glfw_alive(true);
    return true;
}

void glfw_started_up() {
    glfw_ready = true;
}

void end_glfw(GLFWwindow* window) {
    glfw_ready = false;
    set_glfw_alive(false);
    if (window) glfwDestroyWindow(window);
    glfwTerminate();
}

void request_stop() {
    stop = true;
    std::lock_guard lock(glfw_alive_mutex);
    if (glfw_alive) glfwPostEmptyEvent(); // thread-safe: ends glfwWaitEvents on the main thread
}

bool stop_requested() {
    return stop;
}

int no_graphics(const std::string& what, std::string detail) {
    if (detail.empty()) detail = last_glfw_error;
    while (!detail.empty() && std::isspace(static_cast<unsigned char>(detail.back())))
        detail.pop_back(); // GL info logs end in a newline
    std::fprintf(
        stderr,
        "renewdesk: %s (%s).\n"
        "RenewDesk needs a desktop session with OpenGL 3.3 or newer. Check that DISPLAY points to a running "
        "X server and that a graphics driver is installed (on Debian: apt install libgl1-mesa-dri).\n",
        what.c_str(), detail.empty() ? "no details" : detail.c_str());
    return exit_no_graphics;
}

} // namespace rd::desktop
