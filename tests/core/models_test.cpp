#include "core/models.h"

#include <gtest/gtest.h>

using namespace rd;

TEST(Models, ContactNameJoinsFirstAndLastWithOneSpace) {
    EXPECT_EQ(display_name(BillingContact{.first_name = "Bill", .last_name = "Example"}), "Bill Example");
}

TEST(Models, ContactNameWithAnEmptyPartHasNoStraySpace) {
    EXPECT_EQ(display_name(BillingContact{.first_name = "Bill"}), "Bill");
    EXPECT_EQ(display_name(BillingContact{.last_name = "Example"}), "Example");
    EXPECT_EQ(display_name(BillingContact{}), "");
}

TEST(Models, UserNameIsFormattedAsAContactsIs) {
    EXPECT_EQ(display_name(SubordinateUser{.first_name = "Ana", .last_name = "Lima"}), "Ana Lima");
    EXPECT_EQ(display_name(SubordinateUser{.first_name = "Ana"}), "Ana");
    EXPECT_EQ(display_name(SubordinateUser{.last_name = "Lima"}), "Lima");
    EXPECT_EQ(display_name(SubordinateUser{}), "");
}
