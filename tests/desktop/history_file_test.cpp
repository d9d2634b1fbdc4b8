// HistoryFile, the desktop's AttemptHistory: <config dir>/recent-orders.json, shared by the desktop app
// and every renewdesk-cli run. What the document holds and how it is pruned is the core's
// (tests/core/attempt_history_test.cpp); here: the file itself, a bad one, and writers at once.
#include "platform/desktop/history_file.h"
#include "platform/desktop/journal_file.h"

#include "tests/desktop/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

using rd::AttemptHistoryDoc;
using rd::desktop::HistoryFile;

namespace {

constexpr std::int64_t t0 = 1'700'000'000'000;
const std::string host = "https://openapi.example";

std::filesystem::path file_in(const TempDir& dir) {
    return dir.path() / "renewdesk" / rd::desktop::recent_orders_file_name; // no folder yet
}

} // namespace

TEST(HistoryFile, AMissingFileLoadsAsNothingAndSaysNothing) {
    TempDir dir;
    HistoryFile history(file_in(dir));
    testing::internal::CaptureStderr();
    EXPECT_TRUE(history.orders_of(host, "client").empty());
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(HistoryFile, OrdersAreWrittenForTheirOwnAccountAndNoOther) {
    TempDir dir;
    const auto file = file_in(dir);
    HistoryFile history(file);
    history.add_orders({"MK1", "", "MK2"}, host, "client", t0);
    history.add_orders({"MK9"}, host, "other-client", t0 + 5);
    EXPECT_EQ(HistoryFile(file).orders_of(host, "client"), (std::vector<std::string>{"MK1", "MK2"}));
    EXPECT_EQ(HistoryFile(file).orders_of(host, "other-client"), (std::vector<std::string>{"MK9"}));
    EXPECT_TRUE(HistoryFile(file).orders_of("http://127.0.0.1:8080", "client").empty());
    const auto text = read_text(file);
    EXPECT_NE(text.find(R"("orderNo":"MK1")"), std::string::npos);
    EXPECT_NE(text.find(R"("baseUrl":"https://openapi.example")"), std::string::npos);
    EXPECT_NE(text.find(R"("atMs":1700000000000)"), std::string::npos);
    EXPECT_EQ(text.find("secret"), std::string::npos);
}

// Orders and ruled-out attempts share the file: writing one kind keeps the other.
TEST(HistoryFile, AddingOrdersKeepsTheAttemptsRuledOut) {
    TempDir dir;
    const auto file = file_in(dir);
    HistoryFile history(file);
    history.add_ruled_out({"RD-ABCDEFGH", "p-7", host, "client", t0 - 40'000, t0});
    HistoryFile(file).add_orders({"MK1"}, host, "client", t0 + 1000);
    EXPECT_EQ(history.ruled_out_for("p-7", host, "client", t0 + 2000).size(), 1u);
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK1"}));
}

TEST(HistoryFile, AnUnreadableFileIsTakenAsEmptyAndReplacedOnTheNextWrite) {
    for (const std::string& bad : {std::string("not json"), std::string("[1,2]"),
                                   std::string(R"({"orders":3})"), std::string("\xff\xfe{")}) {
        SCOPED_TRACE(bad);
        TempDir dir;
        const auto file = file_in(dir);
        write_text(file, bad);
        HistoryFile history(file);
        testing::internal::CaptureStderr();
        EXPECT_TRUE(history.orders_of(host, "client").empty());
        EXPECT_NE(testing::internal::GetCapturedStderr().find("cannot be read"), std::string::npos);
        testing::internal::CaptureStderr();
        EXPECT_TRUE(history.try_update(
            [](AttemptHistoryDoc& doc) { rd::add_accounted_orders(doc, {"MK1"}, host, "client", t0); }));
        testing::internal::GetCapturedStderr();
        EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK1"}));
    }
}

TEST(HistoryFile, AFolderInPlaceOfTheFileIsNotFatal) {
    TempDir dir;
    const auto file = file_in(dir);
    std::filesystem::create_directories(file);
    HistoryFile history(file);
    testing::internal::CaptureStderr();
    EXPECT_TRUE(history.orders_of(host, "client").empty());
    std::string error;
    EXPECT_FALSE(history.try_update(
        [](AttemptHistoryDoc& doc) { rd::add_accounted_orders(doc, {"MK1"}, host, "client", t0); }, &error));
    const std::string said = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(error.empty());
    EXPECT_NE(said.find("could not record"), std::string::npos) << said;
}

// Two processes (here: threads, each with its own HistoryFile and so its own lock file description,
// which flock tells apart) adding at once keep every entry.
TEST(HistoryFile, WritersAtOnceLoseNothing) {
    TempDir dir;
    const auto file = file_in(dir);
    constexpr int writers = 4, each = 25;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&file, w] {
            HistoryFile history(file);
            for (int i = 0; i < each; ++i)
                history.add_orders({"MK" + std::to_string(w) + "-" + std::to_string(i)}, host, "client",
                                   t0 + i);
        });
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(HistoryFile(file).orders_of(host, "client").size(), std::size_t{writers * each});
}

// The journals it keeps orders for are the files beside it: the single order's and the batch's.
TEST(HistoryFile, ItReadsTheJournalsBesideIt) {
    TempDir dir;
    const auto file = file_in(dir);
    std::filesystem::create_directories(file.parent_path());
    HistoryFile history(file);
    EXPECT_TRUE(history.journal_texts().empty());
    std::ofstream(file.parent_path() / rd::desktop::journal_file_name) << "order journal";
    std::ofstream(file.parent_path() / rd::desktop::batch_journal_file_name) << "batch record";
    EXPECT_EQ(history.journal_texts(), (std::vector<std::string>{"order journal", "batch record"}));
}
