// terminal.h on Windows: the console. Questions are asked on the console itself (CONIN$/CONOUT$, never
// stdin, which may carry the secret or be a pipe), in UTF-16 (ReadConsoleW/WriteConsoleW) so any
// language types and shows right; the secret is read with the console's echo off, and echo comes back
// before the process ends by Ctrl+C or Ctrl+Break (console modes outlive the program). The shared half:
// terminal_shared.cpp.
#include "cli/terminal.h"

#include "core/text.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <io.h>
#include <windows.h>

namespace rd::cli {
namespace {

std::atomic<int> interrupt_count{0};
std::atomic<bool> watching{false}; // watch_interrupts(): the first Ctrl+C is a stop

// The hidden prompt's console input and its mode from before echo went off (INVALID: none).
std::atomic<HANDLE> echo_console{INVALID_HANDLE_VALUE};
DWORD saved_mode = 0;

void restore_echo() {
    const HANDLE console = echo_console.exchange(INVALID_HANDLE_VALUE);
    if (console != INVALID_HANDLE_VALUE) SetConsoleMode(console, saved_mode);
}

// Runs on a thread of the system's. TRUE: handled (the process goes on); FALSE: the default, the end.
BOOL WINAPI on_console_event(DWORD event) {
    if (event == CTRL_C_EVENT || event == CTRL_BREAK_EVENT) {
        if (watching && interrupt_count++ == 0) return TRUE; // a stop: the loops see interrupted()
    }
    restore_echo();
    return FALSE;
}

void write_console(HANDLE out, const std::string& utf8) {
    const int length =
        MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(length), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), wide.data(), length);
    DWORD written = 0;
    WriteConsoleW(out, wide.data(), static_cast<DWORD>(wide.size()), &written, nullptr);
}

// One line from the console (without its line break); nullopt when nothing could be read.
std::optional<std::wstring> read_console_line(HANDLE in) {
    std::wstring line;
    bool got_any = false;
    wchar_t c = 0;
    for (;;) {
        DWORD n = 0;
        if (!ReadConsoleW(in, &c, 1, &n, nullptr) || n == 0) break; // closed, or Ctrl+C
        got_any = true;
        if (c == L'\n') break;
        line += c;
    }
    c = 0;
    if (!line.empty() && line.back() == L'\r') line.pop_back();
    if (!got_any || interrupted()) {
        wipe_bytes(reinterpret_cast<char*>(line.data()), line.size() * sizeof(wchar_t));
        return std::nullopt;
    }
    return line;
}

struct Console {
    HANDLE in = INVALID_HANDLE_VALUE;
    HANDLE out = INVALID_HANDLE_VALUE;
    ~Console() {
        if (in != INVALID_HANDLE_VALUE) CloseHandle(in);
        if (out != INVALID_HANDLE_VALUE) CloseHandle(out);
    }
};

} // namespace

std::optional<std::size_t> output_width() {
    CONSOLE_SCREEN_BUFFER_INFO info{};
    if (_isatty(_fileno(stdout)) && GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info)) {
        const int columns = info.srWindow.Right - info.srWindow.Left + 1;
        if (columns > 0) return static_cast<std::size_t>(columns);
    }
    return width_from_env(std::getenv("COLUMNS"));
}

bool stderr_is_terminal() {
    return _isatty(_fileno(stderr)) != 0;
}

std::optional<std::string> ask_on_terminal(const std::string& prompt, bool hide) {
    Console console;
    const DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE;
    console.in =
        CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, share, nullptr, OPEN_EXISTING, 0, nullptr);
    console.out =
        CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, share, nullptr, OPEN_EXISTING, 0, nullptr);
    DWORD mode = 0;
    if (console.in == INVALID_HANDLE_VALUE || console.out == INVALID_HANDLE_VALUE ||
        !GetConsoleMode(console.in, &mode))
        return std::nullopt; // no console (a service, a pipe from another program)
    write_console(console.out, prompt);
    if (hide) {
        saved_mode = mode;
        echo_console = console.in;
        SetConsoleCtrlHandler(on_console_event, TRUE); // echo back before Ctrl+C ends the process
        SetConsoleMode(console.in, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    }
    std::optional<std::wstring> line = read_console_line(console.in);
    if (hide) {
        restore_echo();
        if (!watching) SetConsoleCtrlHandler(on_console_event, FALSE);
        write_console(console.out, "\r\n"); // the Enter that was not echoed
    }
    if (!line) return std::nullopt;
    const int length = WideCharToMultiByte(CP_UTF8, 0, line->data(), static_cast<int>(line->size()), nullptr,
                                           0, nullptr, nullptr);
    std::string text(static_cast<std::size_t>(length), '\0');
    WideCharToMultiByte(CP_UTF8, 0, line->data(), static_cast<int>(line->size()), text.data(), length,
                        nullptr, nullptr);
    wipe_bytes(reinterpret_cast<char*>(line->data()), line->size() * sizeof(wchar_t));
    return text;
}

void watch_interrupts() {
    watching = true;
    SetConsoleCtrlHandler(on_console_event, TRUE);
}

bool interrupted() {
    return interrupt_count != 0;
}

} // namespace rd::cli
