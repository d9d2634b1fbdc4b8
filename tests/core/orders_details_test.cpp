// decode_order_details: the four sections as rows, odd shapes kept rather than refused.
#include "core/order_details.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace rd;

namespace {

std::string row(const DetailSectionRows& section, const std::string& label) {
    for (const DetailRow& r : section.rows)
        if (r.label == label) return r.value;
    return "<none>";
}

TEST(OrderDetailsTest, FourSectionsBecomeRows) {
    const Json result = Json::parse(R"({
        "basicInformation": {"productId": "15", "productName": "Remote Management", "planId": 3049036224189325312},
        "billingInformation": {"billingContactId": "3197218168379846218", "emailAddress": "a@b.c"},
        "orderInformation": {"id": "4444444444444444444", "orderNo": "MK1", "orderStatus": "pending",
                             "createTime": 1700000000000, "extra": {"a": [1, 2]}},
        "orderSummary": {"total": "12.00", "paid": true, "note": null}
    })");
    const OrderDetails d = decode_order_details(result);
    for (const DetailSectionRows& s : d.sections)
        EXPECT_TRUE(s.present);
    EXPECT_EQ(d.sections[0].section, DetailSection::basic);
    EXPECT_EQ(d.sections[3].section, DetailSection::summary);
    EXPECT_EQ(row(d.sections[0], "planId"), "3049036224189325312"); // exact, not through double
    EXPECT_EQ(row(d.sections[1], "billingContactId"), "3197218168379846218");
    EXPECT_EQ(row(d.sections[2], "extra"), R"({"a":[1,2]})");
    EXPECT_EQ(row(d.sections[3], "paid"), "true");
    EXPECT_EQ(row(d.sections[3], "note"), "");
    EXPECT_EQ(d.order_no, "MK1");
    EXPECT_EQ(d.order_status, "pending");
    EXPECT_EQ(d.unknown_raw, "");
}

// Rows and other members come in the order the API sent them (rd::Json keeps it), not sorted by name.
TEST(OrderDetailsTest, RowsAndOtherMembersKeepTheApisOrder) {
    const OrderDetails d = decode_order_details(Json::parse(R"({"zeta": 1,
        "orderInformation": {"orderNo": "MK1", "orderStatus": "pending", "createTime": 1700000000000,
                             "amount": {"total": "12.00", "currency": "USD"}},
        "alpha": {"y": 2, "b": 1}})"));
    std::vector<std::string> labels;
    for (const DetailRow& r : d.sections[2].rows)
        labels.push_back(r.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"orderNo", "orderStatus", "createTime", "amount"}));
    EXPECT_EQ(row(d.sections[2], "amount"), R"({"total":"12.00","currency":"USD"})");
    EXPECT_EQ(d.unknown_raw, R"({"zeta":1,"alpha":{"y":2,"b":1}})");
}

TEST(OrderDetailsTest, MissingSectionsAreAbsent) {
    const OrderDetails d = decode_order_details(Json::parse(R"({"orderSummary": {"total": "1"}})"));
    EXPECT_FALSE(d.sections[0].present);
    EXPECT_FALSE(d.sections[1].present);
    EXPECT_FALSE(d.sections[2].present);
    EXPECT_TRUE(d.sections[3].present);
    EXPECT_EQ(d.order_status, "");
}

TEST(OrderDetailsTest, WrongTypesAndUnknownMembersAreKeptRaw) {
    const OrderDetails d = decode_order_details(Json::parse(
        R"({"basicInformation": "oops", "orderInformation": [1], "payment": {"method": "card"},
            "id": 18446744073709551615})"));
    EXPECT_FALSE(d.sections[0].present);
    EXPECT_FALSE(d.sections[2].present);
    const Json raw = Json::parse(d.unknown_raw, nullptr, false);
    ASSERT_TRUE(raw.is_object());
    EXPECT_EQ(raw["basicInformation"], "oops");
    EXPECT_EQ(raw["orderInformation"], Json::array({1}));
    EXPECT_EQ(raw["payment"]["method"], "card");
    EXPECT_NE(d.unknown_raw.find("18446744073709551615"), std::string::npos);
}

TEST(OrderDetailsTest, ANonObjectResultIsKeptRaw) {
    EXPECT_EQ(decode_order_details(Json()).unknown_raw, "");
    EXPECT_EQ(decode_order_details(Json("text")).unknown_raw, R"({"result":"text"})");
    EXPECT_FALSE(decode_order_details(Json::array()).sections[0].present);
}

TEST(OrderDetailsTest, OrderStatusOfAWrongTypeIsText) {
    const OrderDetails d = decode_order_details(
        Json::parse(R"({"orderInformation": {"orderNo": 12345678901234567890, "orderStatus": 3}})"));
    EXPECT_EQ(d.order_no, "12345678901234567890");
    EXPECT_EQ(d.order_status, "3");
}

TEST(OrderDetailsTest, InvalidUtf8NeverThrows) {
    Json result = {{"orderSummary", {{"note", std::string("bad \xff byte")}}}, {"x", std::string("\xc3")}};
    const OrderDetails d = decode_order_details(result);
    EXPECT_EQ(row(d.sections[3], "note"), std::string("bad \xff byte"));
    EXPECT_FALSE(d.unknown_raw.empty());
}

} // namespace
