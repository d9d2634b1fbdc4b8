// Windows' journal_lock.h: the same one-owner rule as Linux's flock, with LockFileEx on the lock file
// (lock_file.h): taken without waiting, held until release() or the end of the process (the system
// drops it, crash included), and two handles conflict even within one process, as two flocks do.
#include "platform/desktop/journal_lock.h"

#include "platform/desktop/executable_path.h"
#include "platform/windows/lock_file.h"
#include "platform/windows/wide_text.h"

#include <chrono>
#include <cstdio>

namespace rd::desktop {
namespace {

std::int64_t now_epoch_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Taken while the program starts (static initialisation): "started HH:MM" for the other copies.
const std::int64_t process_started_ms = now_epoch_ms();

std::string& program_name() {
    static std::string name = windows::narrow(executable_path().stem().native());
    return name;
}

std::string read_all(HANDLE file) {
    std::string text;
    char buffer[512];
    OVERLAPPED at{};
    for (;;) {
        DWORD n = 0;
        at.Offset = static_cast<DWORD>(text.size());
        if (!ReadFile(file, buffer, sizeof buffer, &n, &at) || n == 0 || text.size() > 4096) break;
        text.append(buffer, n); // a holder's name is a few dozen bytes
    }
    return text;
}

void say(const char* what, const std::filesystem::path& file, DWORD code) {
    std::fprintf(stderr, "renewdesk: %s %s: %s\n", what, windows::utf8(file).c_str(),
                 windows::system_error_text(code).c_str());
}

} // namespace

void set_journal_program(std::string name) {
    program_name() = std::move(name);
}

std::optional<JournalHolder> JournalLock::claim() {
    if (fd_ >= 0) return std::nullopt;
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    const HANDLE file = windows::open_lock_file(file_);
    if (file == INVALID_HANDLE_VALUE) {
        say("cannot open the journal's lock", file_, GetLastError());
        return std::nullopt;
    }
    if (!windows::lock_range(file, /*wait=*/false)) {
        const DWORD error = GetLastError();
        JournalHolder holder;
        if (error == ERROR_LOCK_VIOLATION) holder = journal_holder_from_json(read_all(file));
        else say("cannot lock", file_, error);
        CloseHandle(file);
        if (error != ERROR_LOCK_VIOLATION) return std::nullopt; // no locks here (some shares): unguarded
        return holder;
    }
    fd_ = windows::to_descriptor(file);
    if (fd_ < 0) { // the handle is closed (and the lock with it): as if the file could not be opened
        std::fprintf(stderr, "renewdesk: cannot keep the journal's lock %s\n", windows::utf8(file_).c_str());
        return std::nullopt;
    }
    const std::string me = journal_holder_to_json({.pid = static_cast<std::int64_t>(GetCurrentProcessId()),
                                                   .started_at_ms = process_started_ms,
                                                   .program = program_name()});
    DWORD written = 0;
    OVERLAPPED start{};
    if (SetFilePointer(file, 0, nullptr, FILE_BEGIN) == INVALID_SET_FILE_POINTER || !SetEndOfFile(file) ||
        !WriteFile(file, me.data(), static_cast<DWORD>(me.size()), &written, &start) || written != me.size())
        say("cannot write", file_, GetLastError());
    return std::nullopt;
}

void JournalLock::release() {
    if (fd_ < 0) return;
    windows::close_descriptor(
        fd_); // drops the lock; the stale name stays, read only by whoever fails to lock
    fd_ = -1;
}

} // namespace rd::desktop
