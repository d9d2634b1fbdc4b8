#include "cli/listing.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::cli;

namespace {

std::vector<SubordinateUser> sample_users() {
    return {
        {.partner_id = "9223372036854775001",
         .company = "Northwind Reseller Ltd",
         .email = "ada@northwind.example",
         .first_name = "Ada",
         .last_name = "Lovelace"},
        {.partner_id = "3076915454489739265", .company = "Zoë Telekom GmbH", .first_name = "Jürgen"},
        {.partner_id = "4611686018427391003",
         .company = "株式会社さくらテレコム",
         .first_name = "陽子",
         .last_name = "田中"},
        {.partner_id = "4611686018427391005", .company = "Τηλεπικοινωνίες Αθηνών"},
    };
}

std::vector<std::string> ids(const std::vector<SubordinateUser>& users) {
    std::vector<std::string> out;
    for (const auto& user : users)
        out.push_back(user.partner_id);
    return out;
}

} // namespace

TEST(Listing, SearchFoldsCaseForCasedScriptsAndMatchesOthersExactly) {
    const auto users = sample_users();
    EXPECT_EQ(ids(search_users(users, "")).size(), 4u);
    EXPECT_EQ(ids(search_users(users, "ZOË")), std::vector<std::string>{"3076915454489739265"});
    EXPECT_EQ(ids(search_users(users, "ΑΘΗΝΏΝ")), std::vector<std::string>{"4611686018427391005"});
    EXPECT_EQ(ids(search_users(users, "さくら")), std::vector<std::string>{"4611686018427391003"});
    EXPECT_EQ(ids(search_users(users, "陽子 田中")),
              std::vector<std::string>{"4611686018427391003"}); // the name
    EXPECT_EQ(ids(search_users(users, "ADA@NORTH")),
              std::vector<std::string>{"9223372036854775001"}); // email
    EXPECT_EQ(ids(search_users(users, "775001")),
              std::vector<std::string>{"9223372036854775001"}); // partnerId
    EXPECT_TRUE(search_users(users, "nobody").empty());
}

TEST(Listing, OrdersNewestFirstWhateverTheUnitAndFilteredByStatus) {
    std::vector<OrderSummary> orders = {
        {.id = "1", .order_status = "succeed", .create_time = 1764255600},    // seconds
        {.id = "2", .order_status = "pending", .create_time = 1764255700000}, // milliseconds, newer
        {.id = "3", .order_status = "succeed", .create_time = 1764255650000},
    };
    const auto all = newest_first(orders, "");
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, "2");
    EXPECT_EQ(all[1].id, "3");
    EXPECT_EQ(all[2].id, "1");
    const auto succeeded = newest_first(orders, "succeed");
    ASSERT_EQ(succeeded.size(), 2u);
    EXPECT_EQ(succeeded[0].id, "3");
}

TEST(Listing, CreateTimeInSecondsOrMillisecondsReadsTheSame) {
    EXPECT_EQ(format_create_time(1764255600), "2025-11-27 15:00 UTC");
    EXPECT_EQ(format_create_time(1764255600000), "2025-11-27 15:00 UTC");
    EXPECT_EQ(format_create_time(0), "");
}
