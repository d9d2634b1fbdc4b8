// What Windows' two lock files share (journal_lock.cpp, update_lock.cpp): the lock file opened for
// reading and writing by every process at once, and the byte range that is locked.
#pragma once

#include <filesystem>

#include <windows.h>

namespace rd::windows {

// Opens (creating) `file` shared for reading, writing and deletion, not inheritable by children.
HANDLE open_lock_file(const std::filesystem::path& file);

// LockFileEx locks are mandatory on Windows: a locked byte cannot be read by anyone else. So the lock
// is one byte far past the end of the text (which the others must read to say who holds the journal):
// offset 2^62, which no lock file ever reaches. Locks are released when their handle is closed, and by
// the system when the process ends (crash included).
bool lock_range(HANDLE file, bool wait);

// The HANDLE as a C runtime descriptor (the shared headers keep an int), and back; closing the
// descriptor closes the handle and so releases the lock.
int to_descriptor(HANDLE file);
HANDLE from_descriptor(int fd);
void close_descriptor(int fd);

} // namespace rd::windows
