#include "recent_orders.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

using rd::desktop::parse_recent_orders;
using rd::desktop::RecentOrder;
using rd::desktop::RecentOrders;

namespace {

constexpr std::int64_t t0 = 1'700'000'000'000;
const std::string host = "https://openapi.example";

std::vector<RecentOrder> entries_of(const std::filesystem::path& file) {
    std::vector<RecentOrder> entries;
    EXPECT_TRUE(parse_recent_orders(read_text(file), entries));
    return entries;
}

} // namespace

TEST(RecentOrders, MissingFileLoadsAsNothing) {
    TempDir dir;
    RecentOrders store(dir.path() / "renewdesk" / rd::desktop::recent_orders_file_name, host, "client");
    EXPECT_TRUE(store.load(t0).empty());
}

TEST(RecentOrders, RecordThenLoadForTheSameAccountOnly) {
    TempDir dir;
    const auto file = dir.path() / "renewdesk" / rd::desktop::recent_orders_file_name; // no folder yet
    RecentOrders mine(file, host, "client");
    ASSERT_TRUE(mine.record({"MK1", "", "MK2"}, t0));
    EXPECT_EQ(mine.load(t0 + 1000), (std::vector<std::string>{"MK1", "MK2"}));
    EXPECT_TRUE(RecentOrders(file, host, "other-client").load(t0).empty());
    EXPECT_TRUE(RecentOrders(file, "http://127.0.0.1:8080", "client").load(t0).empty());
    RecentOrders(file, host, "other-client").record({"MK9"}, t0 + 5);
    EXPECT_EQ(RecentOrders(file, host, "other-client").load(t0 + 5), (std::vector<std::string>{"MK9"}));
    EXPECT_EQ(mine.load(t0 + 5), (std::vector<std::string>{"MK1", "MK2"}));
    const auto text = read_text(file);
    EXPECT_NE(text.find(R"("orderNo":"MK1")"), std::string::npos);
    EXPECT_NE(text.find(R"("clientId":"client")"), std::string::npos);
    EXPECT_NE(text.find(R"("baseUrl":"https://openapi.example")"), std::string::npos);
    EXPECT_NE(text.find(R"("atMs":1700000000000)"), std::string::npos);
    EXPECT_EQ(text.find("secret"), std::string::npos);
}

TEST(RecentOrders, RecordingAgainKeepsOneEntryWithTheNewTime) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    RecentOrders store(file, host, "client");
    store.record({"MK1"}, t0);
    store.record({"MK1", "MK1"}, t0 + 60'000);
    const auto entries = entries_of(file);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].at_ms, t0 + 60'000);
}

TEST(RecentOrders, EntriesOlderThanKeepMsArePrunedOnWriteAndNotLoaded) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    RecentOrders store(file, host, "client");
    store.record({"MK-old"}, t0);
    RecentOrders(file, host, "someone-else").record({"MK-theirs"}, t0);
    store.record({"MK-new"}, t0 + RecentOrders::keep_ms - 1);
    EXPECT_EQ(entries_of(file).size(), 3u) << "still within keep_ms";
    EXPECT_EQ(store.load(t0 + RecentOrders::keep_ms + 1), (std::vector<std::string>{"MK-new"}));
    store.record({"MK-newer"}, t0 + RecentOrders::keep_ms + 1);
    const auto entries = entries_of(file);
    ASSERT_EQ(entries.size(), 2u) << "every account's old entries go";
    EXPECT_EQ(entries[0].order_no, "MK-new");
    EXPECT_EQ(entries[1].order_no, "MK-newer");
}

TEST(RecentOrders, AtMostTwoThousandEntriesTheNewestKept) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    RecentOrders store(file, host, "client");
    std::vector<std::string> many;
    for (int i = 0; i < 2100; ++i)
        many.push_back("MK" + std::to_string(i));
    store.record(many, t0);
    const auto loaded = store.load(t0);
    ASSERT_EQ(loaded.size(), RecentOrders::max_entries);
    EXPECT_EQ(loaded.front(), "MK100");
    EXPECT_EQ(loaded.back(), "MK2099");
}

TEST(RecentOrders, AnUnreadableFileIsTakenAsEmptyAndReplacedOnTheNextWrite) {
    for (const std::string& bad : {std::string("not json"), std::string("[1,2]"),
                                   std::string(R"({"orders":3})"), std::string("\xff\xfe{")}) {
        SCOPED_TRACE(bad);
        TempDir dir;
        const auto file = dir.path() / rd::desktop::recent_orders_file_name;
        write_text(file, bad);
        RecentOrders store(file, host, "client");
        testing::internal::CaptureStderr();
        EXPECT_TRUE(store.load(t0).empty());
        EXPECT_NE(testing::internal::GetCapturedStderr().find("cannot be read"), std::string::npos);
        testing::internal::CaptureStderr();
        EXPECT_TRUE(store.record({"MK1"}, t0));
        testing::internal::GetCapturedStderr();
        EXPECT_EQ(store.load(t0), (std::vector<std::string>{"MK1"}));
    }
}

TEST(RecentOrders, AFolderInPlaceOfTheFileIsNotFatal) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    std::filesystem::create_directories(file);
    RecentOrders store(file, host, "client");
    testing::internal::CaptureStderr();
    EXPECT_TRUE(store.load(t0).empty());
    std::string error;
    EXPECT_FALSE(store.record({"MK1"}, t0, &error));
    const std::string said = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(error.empty());
    EXPECT_NE(said.find("could not record"), std::string::npos) << said;
}

TEST(RecentOrders, EntriesThatCannotBeReadAreSkippedTheRestKept) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    write_text(file, R"({"version":1,"orders":[{"orderNo":"MK1","baseUrl":")" + host +
                         R"(","clientId":"client","atMs":1700000000000},{"orderNo":5},"x",)"
                         R"({"orderNo":"","baseUrl":"","clientId":"","atMs":1}]})");
    EXPECT_EQ(RecentOrders(file, host, "client").load(t0), (std::vector<std::string>{"MK1"}));
}

// Two processes (here: threads with their own open file descriptions, which flock tells apart)
// recording at once keep every entry.
TEST(RecentOrders, WritersAtOnceLoseNothing) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    constexpr int writers = 4, each = 25;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&file, w] {
            RecentOrders store(file, host, "client");
            for (int i = 0; i < each; ++i)
                store.record({"MK" + std::to_string(w) + "-" + std::to_string(i)}, t0 + i);
        });
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(RecentOrders(file, host, "client").load(t0).size(), std::size_t{writers * each});
}

// The file is shared with the core's AttemptHistory: recording orders keeps the attempts ruled out.
TEST(RecentOrders, RecordingKeepsTheAttemptsRuledOut) {
    TempDir dir;
    const auto file = dir.path() / rd::desktop::recent_orders_file_name;
    rd::desktop::HistoryFile history(file);
    history.add_ruled_out({"RD-ABCDEFGH", "p-7", host, "client", t0 - 40'000, t0});
    RecentOrders(file, host, "client").record({"MK1"}, t0 + 1000);
    EXPECT_EQ(history.ruled_out_for("p-7", host, "client", t0 + 2000).size(), 1u);
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK1"}));
}
