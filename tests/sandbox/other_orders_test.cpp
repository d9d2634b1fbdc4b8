// Another operator's orders on the same account (a colleague in the Partner Portal, a script):
// POST /__sandbox/other_orders and a save fault's "other_order". Listed and detailed like a posted
// order, never in the order log.
#include "tests/sandbox/sandbox_test_support.h"
#include "tools/sandbox/server_clock.h"

namespace sandbox_test {
namespace {

constexpr const char* kFirstContact = "3197218168379846218";
constexpr const char* kOtherContact = "9223372036854775807";
constexpr const char* kRenewalPlan = "3049036224189325312";
constexpr const char* kTrialPlan = "9223372036854775783";
constexpr const char* kCustomer = "5764607523034234881";
constexpr std::int64_t kAheadMs = 120000; // the API's clock runs 2 minutes ahead

class OtherOrdersTest : public SandboxTest {
  protected:
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }
    httplib::Result place(const json& spec) {
        return client().Post("/__sandbox/other_orders", spec.dump(), "application/json");
    }
    json placed(const json& spec) {
        auto result = place(spec);
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, 200) << result->body;
        return parse_body(result);
    }
    json others() { return parse_body(client().Get("/__sandbox/other_orders")); }
    json page() { return parse_body(get_api("/order/openapi/order/v1/page", token_))["result"]; }
    json details(const std::string& id) {
        return parse_body(get_api("/order/openapi/order/v1/get/" + id, token_))["result"];
    }
    void set_clock(std::int64_t offset_ms) {
        client().Post("/__sandbox/config", json{{"clockOffsetMs", offset_ms}}.dump(), "application/json");
    }
    std::string token_;
};

TEST_F(OtherOrdersTest, AnOtherOrderIsListedAndDetailedButNotLogged) {
    const json reply = placed({{"partnerId", kCustomer},
                               {"billingId", kOtherContact},
                               {"planId", kRenewalPlan},
                               {"poNumber", "PO-COLLEAGUE-9"},
                               {"orderStatus", "pending"}});
    ASSERT_EQ(reply["placed"].size(), 1u);
    EXPECT_EQ(reply["listed"], 1);
    const json& entry = reply["placed"][0];
    EXPECT_EQ(entry["partnerId"], kCustomer);
    EXPECT_EQ(entry["billingId"], kOtherContact);
    EXPECT_EQ(entry["planId"], kRenewalPlan);
    EXPECT_EQ(entry["poNumber"], "PO-COLLEAGUE-9");
    EXPECT_EQ(entry["orderStatus"], "pending");
    EXPECT_EQ(others(), reply["placed"]);
    EXPECT_EQ(orders_log(), json::array());
    EXPECT_EQ(parse_body(client().Get("/__sandbox/info"))["orders"], 0);

    const json listed = page()["results"][0];
    EXPECT_EQ(listed["id"], entry["orderId"]);
    EXPECT_EQ(listed["orderNo"], entry["orderNo"]);
    EXPECT_EQ(listed["orderStatus"], "pending");
    EXPECT_EQ(listed["customReferenceNo"], "PO-COLLEAGUE-9");
    EXPECT_EQ(listed["createTime"], entry["createTimeMs"]);
    const json found = details(entry["orderId"]);
    EXPECT_EQ(found["basicInformation"]["partnerId"], kCustomer);
    EXPECT_EQ(found["basicInformation"]["planId"], kRenewalPlan);
    EXPECT_EQ(found["basicInformation"]["productId"], "15");
    EXPECT_EQ(found["billingInformation"]["billingContactId"], kOtherContact);
    EXPECT_EQ(found["orderInformation"], listed);
    EXPECT_EQ(details(entry["orderNo"])["orderInformation"], listed);
}

TEST_F(OtherOrdersTest, DefaultsAreThePartnersOwnRenewalNowOnTheServerClock) {
    set_clock(kAheadMs);
    const std::int64_t before = sandbox::real_now_ms() + kAheadMs;
    const json entry = placed(json::object())["placed"][0];
    const std::int64_t after = sandbox::real_now_ms() + kAheadMs;
    EXPECT_EQ(entry["partnerId"], "");
    EXPECT_EQ(entry["billingId"], kFirstContact);
    EXPECT_EQ(entry["planId"], kRenewalPlan);
    EXPECT_EQ(entry["poNumber"], "");
    EXPECT_EQ(entry["orderStatus"], "succeed");
    EXPECT_GE(entry["createTimeMs"].get<std::int64_t>(), before);
    EXPECT_LE(entry["createTimeMs"].get<std::int64_t>(), after);
    EXPECT_EQ(page()["results"][0]["customReferenceNo"], "");
    // "" is the partner itself too.
    EXPECT_EQ(placed({{"partnerId", ""}})["placed"][0]["partnerId"], "");
}

TEST_F(OtherOrdersTest, AnArrayPlacesSeveralWithOffsetsAndAnyStatus) {
    const std::int64_t before = sandbox::real_now_ms();
    const json reply = placed(json::array({{{"offsetMs", -5000}, {"orderStatus", "confirming"}},
                                           {{"offsetMs", 3000}, {"planId", kTrialPlan}},
                                           {{"offsetMs", -3600000}, {"orderStatus", "anything at all"}}}));
    const std::int64_t after = sandbox::real_now_ms();
    ASSERT_EQ(reply["placed"].size(), 3u);
    const std::int64_t offsets[] = {-5000, 3000, -3600000};
    for (int i = 0; i < 3; ++i) {
        EXPECT_GE(reply["placed"][i]["createTimeMs"].get<std::int64_t>(), before + offsets[i]) << i;
        EXPECT_LE(reply["placed"][i]["createTimeMs"].get<std::int64_t>(), after + offsets[i]) << i;
    }
    const json results = page()["results"]; // newest first: by createTime, not by placing
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0]["id"], reply["placed"][1]["orderId"]);
    EXPECT_EQ(results[1]["orderStatus"], "confirming");
    EXPECT_EQ(results[2]["orderStatus"], "anything at all");
}

TEST_F(OtherOrdersTest, BadSpecsAreRefusedAndPlaceNothing) {
    for (const json& spec :
         {json{{"partnerId", "1"}}, json{{"billingId", "1"}}, json{{"planId", "9223372036854775643"}},
          json{{"planId", 3049036224189325312ULL}}, json{{"poNumber", 7}}, json{{"offsetMs", "5"}},
          json{{"offsetMs", 1.5}}, json{{"orderStatus", json::array()}}, json("order"),
          json::array({json::object(), {{"billingId", "nope"}}})}) {
        auto result = place(spec);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << spec.dump();
        EXPECT_TRUE(parse_body(result).contains("error")) << result->body;
    }
    EXPECT_EQ(others(), json::array());
    EXPECT_EQ(page()["total"], 0);
}

TEST_F(OtherOrdersTest, ResetClearsThem) {
    placed(json::object());
    client().Post("/__sandbox/reset", "", "application/json");
    EXPECT_EQ(others(), json::array());
    EXPECT_EQ(page()["total"], 0);
}

TEST_F(OtherOrdersTest, ADroppedOrderPostAndAColleaguesOrderForAnotherCustomerTheSameSecond) {
    set_clock(kAheadMs);
    add_fault({{"endpoint", "save"}, {"kind", "drop"}, {"other_order", {{"partnerId", kCustomer}}}});
    const std::int64_t before = sandbox::real_now_ms() + kAheadMs;
    EXPECT_FALSE(post_order(tutorial_order_body(), token_));
    const std::int64_t after = sandbox::real_now_ms() + kAheadMs;
    EXPECT_EQ(orders_log(), json::array());
    const json listed = page();
    ASSERT_EQ(listed["total"], 1);
    EXPECT_GE(listed["results"][0]["createTime"].get<std::int64_t>(), before);
    EXPECT_LE(listed["results"][0]["createTime"].get<std::int64_t>(), after);
    EXPECT_EQ(details(listed["results"][0]["id"])["basicInformation"]["partnerId"], kCustomer);
}

TEST_F(OtherOrdersTest, CommitThenDropAndAColleaguesOrderFiveSecondsEarlier) {
    add_fault({{"endpoint", "save"},
               {"kind", "commit_then_drop"},
               {"other_order", {{"offsetMs", -5000}, {"poNumber", "PO-OTHER"}}}});
    EXPECT_FALSE(post_order(tutorial_order_body(), token_));
    const json log = orders_log();
    ASSERT_EQ(log.size(), 1u);
    const json results = page()["results"];
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0]["id"], log[0]["result"]["orderId"]);
    EXPECT_EQ(results[1]["customReferenceNo"], "PO-OTHER");
    const std::int64_t gap =
        results[0]["createTime"].get<std::int64_t>() - results[1]["createTime"].get<std::int64_t>();
    EXPECT_GE(gap, 5000);
    EXPECT_LT(gap, 6000);
}

TEST_F(OtherOrdersTest, EverySaveFaultKindCanBringAnOtherOrder) {
    for (const json& kind : {json{{"kind", "http_status"}},
                             json{{"kind", "http_status"}, {"commit", true}},
                             json{{"kind", "api_error"}},
                             json{{"kind", "malformed"}},
                             json{{"kind", "truncated"}},
                             json{{"kind", "html"}},
                             json{{"kind", "delay"}, {"delay_ms", 50}},
                             json{{"kind", "drop"}},
                             json{{"kind", "commit_then_drop"}},
                             json{{"kind", "order_status"}, {"orderStatus", "failed"}},
                             json{{"kind", "rate_limited"}},
                             json{{"kind", "redirect"}},
                             json{{"kind", "trickle"}, {"delay_ms", 50}},
                             json{{"kind", "huge_body"}, {"bytes", 100000}},
                             json{{"kind", "wrong_content_type"}},
                             json{{"kind", "reset_mid_body"}},
                             json{{"kind", "invalid_utf8"}},
                             json{{"kind", "duplicate_keys"}},
                             json{{"kind", "odd_numbers"}},
                             json{{"kind", "late_commit"}, {"delay_ms", 60000}}}) {
        client().Post("/__sandbox/reset", "", "application/json");
        set_clock(-kAheadMs);
        json fault = kind;
        fault["endpoint"] = "save";
        fault["other_order"] = {{"partnerId", kCustomer}, {"offsetMs", -2000}};
        add_fault(fault);
        const std::int64_t before = sandbox::real_now_ms() - kAheadMs - 2000;
        post_order(tutorial_order_body(), token_);
        const std::int64_t after = sandbox::real_now_ms() - kAheadMs - 2000;
        const json other = others();
        ASSERT_EQ(other.size(), 1u) << kind.dump();
        EXPECT_EQ(other[0]["partnerId"], kCustomer) << kind.dump();
        EXPECT_GE(other[0]["createTimeMs"].get<std::int64_t>(), before) << kind.dump();
        EXPECT_LE(other[0]["createTimeMs"].get<std::int64_t>(), after) << kind.dump();
    }
}

TEST_F(OtherOrdersTest, TheFaultOptionIsCheckedWhenTheFaultIsAdded) {
    for (const json& fault :
         {json{{"endpoint", "page"}, {"kind", "drop"}, {"other_order", json::object()}},
          json{{"endpoint", "save"}, {"kind", "drop"}, {"other_order", "yes"}},
          json{{"endpoint", "save"}, {"kind", "drop"}, {"other_order", {{"partnerId", "404"}}}}}) {
        auto result = client().Post("/__sandbox/faults", fault.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << fault.dump();
    }
    EXPECT_EQ(parse_body(client().Get("/__sandbox/faults"))["faults"], json::array());
    const json listed =
        add_fault({{"endpoint", "save"}, {"kind", "drop"}, {"other_order", {{"offsetMs", 1}}}});
    EXPECT_EQ(listed["faults"][0]["other_order"], (json{{"offsetMs", 1}}));
}

} // namespace
} // namespace sandbox_test
