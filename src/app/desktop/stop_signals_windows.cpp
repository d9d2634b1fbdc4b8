// stop_signals.h on Windows: Ctrl+C, Ctrl+Break and the console window's close button end the app the
// way closing its window does. Windows calls the handler on a thread of its own, so nothing needs
// blocking; a second stop ends the process at once.
#include "app/desktop/stop_signals.h"

#include <atomic>
#include <cstdlib>
#include <utility>

#include <windows.h>

namespace rd::desktop {
namespace {

std::function<void()> stop_handler;
std::atomic<int> stops{0};

BOOL WINAPI on_console_event(DWORD event) {
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT) return FALSE;
    if (stops++ > 0) std::_Exit(128 + 2); // as Linux's second SIGINT
    if (stop_handler) stop_handler();
    return TRUE;
}

} // namespace

void block_stop_signals() {} // nothing to block: console events are not signals

void watch_stop_signals(std::function<void()> on_stop) {
    stop_handler = std::move(on_stop);
    SetConsoleCtrlHandler(on_console_event, TRUE);
}

} // namespace rd::desktop
