// Create an Order: the tutorial body, id handling, and every validation failure.
#include "tests/sandbox/sandbox_test_support.h"

#include <regex>
#include <set>

namespace sandbox_test {
namespace {

using OrderSaveTest = SandboxTest;

constexpr std::uint64_t kTwoPow53 = 9007199254740992ULL;

std::uint64_t digits_value(const std::string& text) {
    return std::stoull(text);
}

TEST_F(OrderSaveTest, TutorialOrderBodyIsAcceptedAndLoggedVerbatim) {
    auto result = post_order(tutorial_order_body(), access_token());
    expect_envelope(result, 200, "success");
    const json answered = parse_body(result)["result"];
    ASSERT_TRUE(answered.is_object());
    EXPECT_EQ(answered.size(), 6u);
    for (const char* member :
         {"instanceId", "orderId", "orderNo", "orderStatus", "productNo", "transactionNo"})
        ASSERT_TRUE(answered[member].is_string()) << member;
    EXPECT_EQ(answered["orderStatus"], "succeed");
    EXPECT_TRUE(std::regex_match(answered["orderNo"].get<std::string>(), std::regex("MK[0-9]{19}")));
    EXPECT_TRUE(std::regex_match(answered["transactionNo"].get<std::string>(), std::regex("IH[0-9]{19}")));
    EXPECT_GT(digits_value(answered["orderId"]), kTwoPow53);
    EXPECT_GT(digits_value(answered["instanceId"]), kTwoPow53);
    EXPECT_GT(digits_value(answered["productNo"]), kTwoPow53);

    const json log = orders_log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["body"].get<std::string>(), tutorial_order_body()); // byte for byte
    EXPECT_EQ(log[0]["result"], answered);
    EXPECT_TRUE(log[0]["receivedAtMs"].is_number_integer());
}

TEST_F(OrderSaveTest, EveryOrderGetsFreshIds) {
    const std::string token = access_token();
    std::set<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        const json answered = parse_body(post_order(tutorial_order_body(), token))["result"];
        for (const char* member : {"instanceId", "orderId", "orderNo", "productNo", "transactionNo"})
            EXPECT_TRUE(ids.insert(answered[member].get<std::string>()).second) << member;
    }
    EXPECT_EQ(orders_log().size(), 5u);
}

json tutorial_body() {
    return json::parse(tutorial_order_body());
}

TEST_F(OrderSaveTest, PartnerIdAndAssignIdAreBothAccepted) {
    const std::string token = access_token();
    json with_partner = tutorial_body();
    with_partner["partnerId"] = "9223372036854775001";
    expect_envelope(post_order(with_partner.dump(), token), 200, "success");

    json with_assign = tutorial_body();
    with_assign["assignId"] = 3076915454489739265ULL; // integer form of a known id
    expect_envelope(post_order(with_assign.dump(), token), 200, "success");

    json with_email = tutorial_body();
    with_email["partnerId"] = "reseller.two@example.invalid";
    expect_envelope(post_order(with_email.dump(), token), 200, "success");

    json with_both = tutorial_body();
    with_both["partnerId"] = "5764607523034234881";
    with_both["assignId"] = "5764607523034234881";
    expect_envelope(post_order(with_both.dump(), token), 200, "success");

    EXPECT_EQ(orders_log().size(), 4u);
}

TEST_F(OrderSaveTest, NumericStringIdsAndExtraMembersAreAccepted) {
    json body = tutorial_body();
    body["billingId"] = "9223372036854775807";
    body["serviceList"][0]["serviceId"] = "3049036224189325312";
    body["poNumber"] = "PO-1";
    expect_envelope(post_order(body.dump(), access_token()), 200, "success");
}

TEST_F(OrderSaveTest, GeneratedUserIsAValidPartner) {
    sandbox::SandboxOptions options;
    options.generated_users = 3;
    restart(options);
    const std::string token = access_token();
    const json users = parse_body(get_api("/user/openapi/user/v1/client/partner_list", token))["result"];
    json body = tutorial_body();
    body["partnerId"] = users.back()["partnerId"];
    expect_envelope(post_order(body.dump(), token), 200, "success");
}

TEST_F(OrderSaveTest, SaveRequiresBearerToken) {
    auto result = client().Post("/order/openapi/order/v1/save", {{"User-Agent", "OpenAPI"}},
                                tutorial_order_body(), "application/json");
    expect_envelope(result, 401, "unauthorized");
    EXPECT_EQ(orders_log().size(), 0u);
}

struct InvalidOrderCase {
    const char* name;
    std::string body;
    const char* content_type;
    const char* field;
    const char* tag;
};

// Names the case in test listings instead of dumping the struct's bytes.
void PrintTo(const InvalidOrderCase& c, std::ostream* os) {
    *os << c.name;
}

std::string replaced(const std::string& from, const std::string& to) {
    std::string body = tutorial_order_body();
    const auto at = body.find(from);
    if (at == std::string::npos) throw std::logic_error("fragment not in the tutorial body: " + from);
    return body.replace(at, from.size(), to);
}

std::vector<InvalidOrderCase> invalid_orders() {
    const char* json_type = "application/json";
    return {
        {"WrongOperationType", replaced("renew_plan", "purchase_plan"), json_type, "operationType", "eq"},
        {"MissingOperationType", replaced(R"("operationType": "renew_plan",)", ""), json_type,
         "operationType", "required"},
        {"WrongProductId", replaced(R"("productId": 15)", R"("productId": 20)"), json_type, "productId",
         "eq"},
        {"ProductIdAsString", replaced(R"("productId": 15)", R"("productId": "15")"), json_type, "productId",
         "type"},
        {"UnknownBillingId", replaced("3197218168379846218", "3197218168379846219"), json_type, "billingId",
         "exists"},
        {"BillingIdRoundedThroughDouble", replaced("3197218168379846218", "3197218168379846144"), json_type,
         "billingId", "exists"},
        {"BillingIdAsFloat", replaced("3197218168379846218", "3.197218168379846e18"), json_type, "billingId",
         "type"},
        {"MissingBillingId", replaced(R"("billingId": 3197218168379846218,)", ""), json_type, "billingId",
         "required"},
        {"ServiceIdAsFloat", replaced("3049036224189325312", "3.049036224189325e18"), json_type,
         "serviceList[0].serviceId", "type"},
        {"UnknownServiceId", replaced("3049036224189325312", "3049036224189325313"), json_type,
         "serviceList[0].serviceId", "exists"},
        {"UnknownPartner",
         replaced(R"("productId": 15,)", R"("productId": 15, "partnerId": "9223372036854775002",)"),
         json_type, "partnerId", "exists"},
        {"UnknownAssignId", replaced(R"("productId": 15,)", R"("productId": 15, "assignId": 42,)"), json_type,
         "assignId", "exists"},
        {"PartnerIdAndAssignIdDisagree",
         replaced(
             R"("productId": 15,)",
             R"("productId": 15, "partnerId": "9223372036854775001", "assignId": "3076915454489739265",)"),
         json_type, "assignId", "eqfield"},
        {"WrongServiceType", replaced(R"("serviceType": "plan")", R"("serviceType": "service")"), json_type,
         "serviceList[0].serviceType", "eq"},
        {"WrongPurchaseType", replaced(R"("purchaseType": "renew")", R"("purchaseType": "purchase")"),
         json_type, "serviceList[0].purchaseType", "eq"},
        {"WrongBillingModel", replaced(R"("billingModel": "recurring")", R"("billingModel": "once")"),
         json_type, "serviceList[0].billingModel", "eq"},
        {"WrongBillingCycle", replaced(R"("billingCycle": "annually")", R"("billingCycle": "monthly")"),
         json_type, "serviceList[0].billingCycle", "eq"},
        {"WrongMultiCycle", replaced(R"("multiCycle": 1)", R"("multiCycle": 2)"), json_type,
         "serviceList[0].multiCycle", "eq"},
        {"MultiCycleAsFloat", replaced(R"("multiCycle": 1)", R"("multiCycle": 1.0)"), json_type,
         "serviceList[0].multiCycle", "type"},
        {"TwoServices",
         replaced(R"("multiCycle": 1
    })",
                  R"("multiCycle": 1
    }, {"serviceType": "plan"})"),
         json_type, "serviceList", "len"},
        {"EmptyServiceList",
         R"({"operationType":"renew_plan","productId":15,"billingId":3197218168379846218,)"
         R"("serviceList":[]})",
         json_type, "serviceList", "len"},
        {"PoNumberAsInteger", replaced(R"("productId": 15,)", R"("productId": 15, "poNumber": 4711,)"),
         json_type, "poNumber", "type"},
        {"PoNumberAsNull", replaced(R"("productId": 15,)", R"("productId": 15, "poNumber": null,)"),
         json_type, "poNumber", "type"},
        {"PoNumberAsArray", replaced(R"("productId": 15,)", R"("productId": 15, "poNumber": ["PO-1"],)"),
         json_type, "poNumber", "type"},
        {"MalformedJson", tutorial_order_body().substr(0, 60), json_type, "body", "json"},
        {"BodyIsAnArray", "[]", json_type, "body", "type"},
        {"NotJsonContentType", tutorial_order_body(), "text/plain", "Content-Type", "eq"},
    };
}

class InvalidOrderTest : public SandboxTest, public ::testing::WithParamInterface<InvalidOrderCase> {};

TEST_P(InvalidOrderTest, IsRejectedWithFieldAndTagAndNotStored) {
    const InvalidOrderCase& c = GetParam();
    auto result =
        client().Post("/order/openapi/order/v1/save", api_headers(access_token()), c.body, c.content_type);
    expect_envelope(result, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(result)["result"], (json{{"field", c.field}, {"tag", c.tag}})) << c.body;
    EXPECT_EQ(orders_log().size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(OrderSave, InvalidOrderTest, ::testing::ValuesIn(invalid_orders()),
                         [](const ::testing::TestParamInfo<InvalidOrderCase>& info) {
                             return info.param.name;
                         });

// Which request of its connection an order came in: 1 on a connection of its own, more when a client
// (or a proxy in front of the API) kept a connection open and sent the order on it.
TEST_F(OrderSaveTest, TheLogSaysWhichRequestOfItsConnectionAnOrderCameIn) {
    const std::string token = access_token();
    expect_envelope(post_order(tutorial_order_body(), token), 200, "success"); // a client of its own
    httplib::Client kept = client();
    kept.set_keep_alive(true);
    ASSERT_TRUE(kept.Get("/__sandbox/orders"));
    ASSERT_TRUE(kept.Get("/__sandbox/orders"));
    expect_envelope(kept.Post("/order/openapi/order/v1/save", api_headers(token), tutorial_order_body(),
                              "application/json"),
                    200, "success");
    const json log = orders_log();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0]["connectionRequest"], 1);
    EXPECT_EQ(log[1]["connectionRequest"], 3) << "the third request on the kept connection";
}

} // namespace
} // namespace sandbox_test
