#include "platform/desktop/journal_file.h"

#include "tests/desktop/temp_dir.h"

#include <gtest/gtest.h>

using rd::desktop::JournalFile;

namespace {

const std::string record =
    R"({"version":1,"sentAtMs":1700000000000,"baseUrl":"https://api.example","poNumber":""})";

} // namespace

TEST(JournalFile, MissingFileLoadsAsNothing) {
    TempDir dir;
    JournalFile journal(dir.path() / "renewdesk" / rd::desktop::journal_file_name);
    EXPECT_FALSE(journal.load().has_value());
}

TEST(JournalFile, SaveLoadAndClear) {
    TempDir dir;
    const auto file =
        dir.path() / "renewdesk" / rd::desktop::journal_file_name; // the folder does not exist yet
    JournalFile journal(file);
    journal.save(record);
    EXPECT_EQ(read_text(file), record);
    EXPECT_EQ(journal.load(), record);
    journal.save("{}");
    EXPECT_EQ(journal.load(), "{}");
    journal.clear();
    EXPECT_FALSE(std::filesystem::exists(file));
    EXPECT_FALSE(journal.load().has_value());
    journal.clear(); // clearing nothing is fine
}

TEST(JournalFile, SurvivesANewInstance) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::journal_file_name;
    JournalFile(file).save(record);
    EXPECT_EQ(JournalFile(file).load(), record);
    JournalFile(file).clear();
    EXPECT_FALSE(JournalFile(file).load().has_value());
}

TEST(JournalFile, SaveLeavesNoTemporaryFileBehind) {
    TempDir dir;
    JournalFile journal(dir.path() / rd::desktop::journal_file_name);
    journal.save(record);
    journal.save(record + " ");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
        ++files;
    EXPECT_EQ(files, 1u);
}

TEST(JournalFile, UnreadableFileLoadsAsNothingWithoutThrowing) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::journal_file_name;
    write_text(file / "in-the-way", "x"); // a folder where the file should be
    JournalFile journal(file);
    std::optional<std::string> loaded = "unset";
    ASSERT_NO_THROW(loaded = journal.load());
    EXPECT_FALSE(loaded.has_value());
}

TEST(JournalFile, OversizedFileIsNotTakenForAJournal) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::journal_file_name;
    write_text(file, std::string(1 << 20, '{'));
    EXPECT_FALSE(JournalFile(file).load().has_value());
}

TEST(JournalFile, AJournalThatCannotBeWrittenIsRefusedNotKeptInMemory) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::journal_file_name;
    write_text(file / "in-the-way", "x"); // rename(2) cannot replace a non-empty folder
    JournalFile journal(file);
    EXPECT_FALSE(journal.save(record)) << "the flow must not send an order whose journal is not on disk";
    EXPECT_FALSE(journal.load().has_value()) << "no record of an order that was never sent";
}

TEST(JournalFile, ItsOwnerLockIsBesideIt) {
    TempDir dir;
    EXPECT_EQ(JournalFile(dir.path() / rd::desktop::journal_file_name).lock_file(),
              dir.path() / "inflight-order.lock");
    EXPECT_EQ(JournalFile(dir.path() / rd::desktop::batch_journal_file_name).lock_file(),
              dir.path() / "batch-journal.lock");
}
