// The journal's owner lock between processes: the second process sees who holds it, and a holder
// that is killed releases it (the kernel drops its flock).
#include "platform/desktop/journal_file.h"
#include "platform/desktop/journal_lock.h"

#include "tests/desktop/temp_dir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using rd::desktop::JournalFile;
using rd::desktop::JournalLock;

namespace {

// A child process that claims `file`, says so on a pipe, and waits to be killed.
pid_t start_holder(const std::filesystem::path& file) {
    int ready[2];
    if (::pipe(ready) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        rd::desktop::set_journal_program("holder-test");
        JournalLock lock(file);
        const char said = lock.claim() ? 'n' : 'y';
        [[maybe_unused]] auto written = ::write(ready[1], &said, 1);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char said = 0;
    const bool claimed = ::read(ready[0], &said, 1) == 1 && said == 'y';
    ::close(ready[0]);
    if (!claimed && pid > 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        return -1;
    }
    return pid;
}

} // namespace

TEST(JournalLock, AnotherProcessSeesTheHolderUntilItIsKilled) {
    TempDir dir;
    const auto file = dir.path() / "renewdesk" / "inflight-order.lock"; // the folder does not exist yet
    const pid_t holder = start_holder(file);
    ASSERT_GT(holder, 0) << "the child claimed the lock";

    JournalLock mine(file);
    const auto seen = mine.claim();
    ASSERT_TRUE(seen) << "held by the child";
    EXPECT_EQ(seen->pid, holder);
    EXPECT_EQ(seen->program, "holder-test");
    EXPECT_GT(seen->started_at_ms, 1'600'000'000'000);
    EXPECT_FALSE(mine.held());

    ::kill(holder, SIGKILL); // a crash: no release() ever runs in it
    ASSERT_EQ(::waitpid(holder, nullptr, 0), holder);
    EXPECT_FALSE(mine.claim()) << "a dead holder holds nothing";
    EXPECT_TRUE(mine.held());
    const auto me = rd::desktop::journal_holder_from_json(read_text(file));
    EXPECT_EQ(me.pid, ::getpid()) << "the new owner's name replaces the dead one's";
}

TEST(JournalLock, ClaimIsKeptUntilReleased) {
    TempDir dir;
    const auto file = dir.path() / "batch-journal.lock";
    JournalLock first(file);
    JournalLock second(file);
    EXPECT_FALSE(first.claim());
    EXPECT_FALSE(first.claim()) << "claiming what is ours already is fine";
    const auto seen = second.claim();
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->pid, ::getpid());
    first.release();
    EXPECT_FALSE(second.claim());
    EXPECT_TRUE(first.claim()) << "the second holds it now";
}

TEST(JournalLock, JournalFilesOfTwoProcessesShareTheOwner) {
    TempDir dir;
    const auto journal = dir.path() / rd::desktop::journal_file_name;
    const pid_t holder = start_holder(JournalFile(journal).lock_file());
    ASSERT_GT(holder, 0);
    JournalFile mine(journal);
    const auto seen = mine.claim();
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->pid, holder);
    ::kill(holder, SIGKILL);
    ::waitpid(holder, nullptr, 0);
    EXPECT_FALSE(mine.claim());
}

TEST(JournalLock, AnUnreadableHolderNameIsStillAHolder) {
    EXPECT_EQ(rd::desktop::journal_holder_from_json("").pid, 0);
    EXPECT_EQ(rd::desktop::journal_holder_from_json("{\"pid\":\"x\"}").pid, 0);
    const auto holder = rd::desktop::journal_holder_from_json(
        rd::desktop::journal_holder_to_json({.pid = 7, .started_at_ms = 8, .program = "RenewDesk"}));
    EXPECT_EQ(holder.pid, 7);
    EXPECT_EQ(holder.started_at_ms, 8);
    EXPECT_EQ(holder.program, "RenewDesk");
}
