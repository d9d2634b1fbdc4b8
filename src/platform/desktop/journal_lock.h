// One owner per journal file on the desktop and in the CLI: an flock on a lock file beside the
// journal (<config dir>/inflight-order.lock, batch-journal.lock), taken by the process that writes
// the journal and held until release() or the end of the process (the kernel drops it, crash
// included, so a dead owner never blocks anyone). The owner writes who it is into the lock file,
//
//   {"pid":4242,"startedAtMs":1700000000000,"program":"renewdesk-cli"}
//
// for the other copies to show ("pid 4242, started 14:05"). The lock file is never deleted: removing
// a file another process may have just opened to lock would let two owners lock two different files.
#pragma once

#include "core/order_journal.h"

#include <filesystem>
#include <optional>
#include <string>

namespace rd::desktop {

// The name written as "program" by this process ("renewdesk-cli", "RenewDesk"); set once by main.
void set_journal_program(std::string name);

class JournalLock {
  public:
    explicit JournalLock(std::filesystem::path lock_file) : file_(std::move(lock_file)) {}
    ~JournalLock() { release(); }
    JournalLock(const JournalLock&) = delete;
    JournalLock& operator=(const JournalLock&) = delete;

    // nullopt: held by this object now (also when it already was). Otherwise the process that holds
    // it (pid 0 when it has not written its name yet). A lock file that cannot be opened at all (no
    // folder, no permission) is said on stderr and taken as ours: the journal cannot be written there
    // either, so the journal's save() refuses the order.
    std::optional<JournalHolder> claim();
    void release();
    bool held() const { return fd_ >= 0; }
    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
    int fd_ = -1;
};

// The holder described by a lock file's text (an unreadable text: pid 0, nothing known).
JournalHolder journal_holder_from_json(const std::string& text);
std::string journal_holder_to_json(const JournalHolder& holder);

} // namespace rd::desktop
