// src/platform/windows under Wine (or Windows): atomic writes (ReplaceFileW / MoveFileExW) and the
// journal lock (LockFileEx) held by another process, released by release() and by that process's end.
// The other process is this program again, started with --child <what> <lock file> (main below).
#include "platform/desktop/atomic_file.h"
#include "platform/desktop/journal_lock.h"
#include "platform/desktop/settings_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <windows.h>

namespace desk = rd::desktop;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh folder under %TEMP% for one test, removed after it.
class WindowsFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ =
            fs::temp_directory_path() / (L"renewdesk-windows-test-" + std::to_wstring(GetCurrentProcessId()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path dir_;
};

// Runs this program as `--child <what> <file>`; its exit code, or -1 when it could not start.
int run_child(const std::wstring& what, const fs::path& file) {
    wchar_t self[MAX_PATH];
    GetModuleFileNameW(nullptr, self, MAX_PATH);
    std::wstring command =
        L"\"" + std::wstring(self) + L"\" --child " + what + L" \"" + file.native() + L"\"";
    STARTUPINFOW startup{.cb = sizeof(STARTUPINFOW)};
    PROCESS_INFORMATION process{};
    if (!CreateProcessW(nullptr, command.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup,
                        &process))
        return -1;
    WaitForSingleObject(process.hProcess, 30000);
    DWORD code = 0;
    GetExitCodeProcess(process.hProcess, &code);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return static_cast<int>(code);
}

// The child's side. "try": exit 10 when the lock was free (and is now released again), 20 + 0 when
// it is held by a process that named itself (pid known), 30 when held by an unknown one.
// "hold": takes the lock and ends without releasing it, as a crash would.
int child(const std::string& what, const fs::path& file) {
    desk::JournalLock lock(file);
    const auto holder = lock.claim();
    if (what == "hold") {
        if (holder) return 2;
        ExitProcess(0); // no destructor runs: the system must drop the lock
    }
    if (!holder) return 10;
    return holder->pid > 0 && holder->program == "renewdesk_windows_tests" ? 20 : 30;
}

} // namespace

TEST_F(WindowsFiles, AtomicWriteCreatesThenReplacesLeavingNoTemporaryFile) {
    const fs::path file = dir_ / L"sub" / L"settings.json";
    std::string error;
    ASSERT_TRUE(desk::write_file_atomically(file, "first", &error)) << error;
    EXPECT_EQ(read(file), "first");
    ASSERT_TRUE(desk::write_file_atomically(file, "second, longer", &error)) << error;
    EXPECT_EQ(read(file), "second, longer");
    ASSERT_TRUE(desk::write_file_atomically(file, "", &error, {.sync = false})) << error;
    EXPECT_EQ(read(file), "");
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(file.parent_path()))
        ++entries;
    EXPECT_EQ(entries, 1);
}

TEST_F(WindowsFiles, AtomicWriteHandlesNonAsciiNames) {
    const fs::path file = dir_ / L"r\u00e9\u4e2d" / L"receipt.txt";
    std::string error;
    ASSERT_TRUE(desk::write_file_atomically(file, "ok", &error)) << error;
    EXPECT_EQ(read(file), "ok");
}

// A reader that opened the file without FILE_SHARE_DELETE (as the C runtime does) blocks the swap: the
// write waits for it a while, then fails, saying why, and leaves the file and no temporary behind.
TEST_F(WindowsFiles, AtomicWriteBlockedByAReaderLeavesTheFileAndSaysWhy) {
    const fs::path file = dir_ / L"journal.json";
    std::string error;
    ASSERT_TRUE(desk::write_file_atomically(file, "kept", &error)) << error;
    const HANDLE reader = CreateFileW(file.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                                      FILE_ATTRIBUTE_NORMAL, nullptr);
    ASSERT_NE(reader, INVALID_HANDLE_VALUE);
    EXPECT_FALSE(desk::write_file_atomically(file, "lost", &error));
    EXPECT_NE(error.find("cannot write"), std::string::npos) << error;
    CloseHandle(reader);
    EXPECT_EQ(read(file), "kept");
    // None of our temporaries is left. (Wine's ReplaceFileW itself leaves an "rfXXXX.tmp" of its own
    // beside the file at each failed attempt: Wine 8.0's, not ours to remove.)
    for (const auto& entry : fs::directory_iterator(dir_))
        EXPECT_EQ(entry.path().filename().native().find(L".tmp-"), std::wstring::npos)
            << entry.path().filename().string();
    EXPECT_TRUE(desk::write_file_atomically(file, "now", &error)) << error; // the reader is gone
    EXPECT_EQ(read(file), "now");
}

TEST_F(WindowsFiles, JournalLockHasOneOwnerAcrossProcesses) {
    const fs::path file = dir_ / L"inflight-order.lock";
    desk::JournalLock lock(file);
    ASSERT_FALSE(lock.claim()); // ours
    EXPECT_TRUE(lock.held());
    EXPECT_FALSE(lock.claim());                                              // still ours
    const rd::JournalHolder me = desk::journal_holder_from_json(read(file)); // readable while locked
    EXPECT_EQ(me.pid, static_cast<std::int64_t>(GetCurrentProcessId()));
    EXPECT_EQ(run_child(L"try", file), 20); // the other process sees us
    desk::JournalLock second(file);         // another handle in this process conflicts too
    EXPECT_TRUE(second.claim().has_value());
    lock.release();
    EXPECT_FALSE(lock.held());
    EXPECT_EQ(run_child(L"try", file), 10); // free once released
}

TEST_F(WindowsFiles, JournalLockIsFreedWhenItsOwnerDies) {
    const fs::path file = dir_ / L"batch-journal.lock";
    EXPECT_EQ(run_child(L"hold", file), 0);
    desk::JournalLock lock(file);
    EXPECT_FALSE(lock.claim()); // the dead owner left its name, not its lock
    EXPECT_TRUE(lock.held());
}

TEST_F(WindowsFiles, ConfigDirIsRenewDeskInTheRoamingProfile) {
    const fs::path dir = desk::default_config_dir();
    ASSERT_FALSE(dir.empty());
    EXPECT_TRUE(dir.is_absolute());
    EXPECT_EQ(dir.filename().native(), L"RenewDesk");
}

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--child") {
        int count = 0;
        wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count); // the path as typed, not ANSI
        return count == 4 ? child(argv[2], fs::path(wide[3])) : 3;
    }
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
