// The lock HistoryFile::update() holds across its read-modify-write (history_file.h): exclusive, on
// "<file>.lock", waited for, and released when the object goes (or its process ends). Linux: flock
// (update_lock.cpp); Windows: LockFileEx (src/platform/windows/update_lock.cpp). One that cannot be had
// is said on stderr and the update goes ahead unguarded.
#pragma once

#include <filesystem>

namespace rd::desktop {

class UpdateLock {
  public:
    explicit UpdateLock(const std::filesystem::path& file);
    ~UpdateLock();
    UpdateLock(const UpdateLock&) = delete;
    UpdateLock& operator=(const UpdateLock&) = delete;

  private:
    int fd_ = -1; // Windows: a C runtime descriptor over the lock file's HANDLE
};

} // namespace rd::desktop
