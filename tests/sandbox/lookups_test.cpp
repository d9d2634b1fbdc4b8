// The three lookups of the renewal (users, plans, billing contacts), product_list, and routing errors.
#include "tests/sandbox/sandbox_test_support.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <unistd.h>

namespace sandbox_test {
namespace {

using LookupsTest = SandboxTest;

const std::vector<std::string> kUserMembers = {
    "city",        "company", "country",       "email",  "firstName", "lastName", "partnerId",
    "phoneNumber", "remark",  "stateProvince", "street", "taxNum",    "userType", "zipCode"};

void expect_user_info(const json& user) {
    ASSERT_TRUE(user.is_object());
    EXPECT_EQ(user.size(), kUserMembers.size()) << user.dump();
    for (const auto& member : kUserMembers) {
        ASSERT_TRUE(user.contains(member)) << member;
        EXPECT_TRUE(user[member].is_string()) << member << " in " << user.dump();
    }
    EXPECT_EQ(user["userType"], "Enduser");
}

TEST_F(LookupsTest, PartnerListReturnsUserInfoWithAllMembersAsStrings) {
    auto result = get_api("/user/openapi/user/v1/client/partner_list", access_token());
    expect_envelope(result, 200, "success");
    const json users = parse_body(result)["result"];
    ASSERT_TRUE(users.is_array());
    EXPECT_EQ(users.size(), 21u); // users.json: 6 Latin-script users, then 15 in other scripts
    for (const auto& user : users)
        expect_user_info(user);
    // 19-digit ids travel as strings; one partner id is an email-like Yeastar ID.
    EXPECT_NE(result->body.find(R"("partnerId":"9223372036854775001")"), std::string::npos);
    EXPECT_NE(result->body.find(R"("partnerId":"reseller.two@example.invalid")"), std::string::npos);
    // Names in other scripts travel as their own UTF-8 bytes, not as \u escapes.
    EXPECT_NE(result->body.find(R"("company":"杭州云联通信有限公司")"), std::string::npos);
    EXPECT_NE(result->body.find(R"("company":"Τηλεπικοινωνίες Αθηνών")"), std::string::npos);
    EXPECT_NE(result->body.find(R"("company":"Công ty Viễn thông Đà Nẵng")"), std::string::npos);
}

TEST_F(LookupsTest, GeneratedUsersAreAppendedDistinctAndDeterministic) {
    sandbox::SandboxOptions options;
    options.generated_users = 250;
    restart(options);
    const json users =
        parse_body(get_api("/user/openapi/user/v1/client/partner_list", access_token()))["result"];
    ASSERT_EQ(users.size(), 271u);
    std::set<std::string> ids, companies, emails, names;
    for (std::size_t i = 21; i < users.size(); ++i) {
        expect_user_info(users[i]);
        const std::string id = users[i]["partnerId"];
        EXPECT_TRUE(std::regex_match(id, std::regex("[1-9][0-9]{18}"))) << id;
        ids.insert(id);
        companies.insert(users[i]["company"].get<std::string>());
        emails.insert(users[i]["email"].get<std::string>());
        names.insert(users[i]["firstName"].get<std::string>() + " " +
                     users[i]["lastName"].get<std::string>());
    }
    EXPECT_EQ(ids.size(), 250u);
    EXPECT_EQ(companies.size(), 250u);
    EXPECT_EQ(emails.size(), 250u);
    EXPECT_GT(names.size(), 100u);

    restart(options);
    EXPECT_EQ(parse_body(get_api("/user/openapi/user/v1/client/partner_list", access_token()))["result"],
              users);
}

TEST_F(LookupsTest, ProductListContainsRemoteManagement15) {
    auto result = get_api("/pricing/openapi/purchase/v1/product_list", access_token());
    expect_envelope(result, 200, "success");
    EXPECT_NE(result->body.find(R"({"name":"Remote Management","productId":15})"), std::string::npos)
        << result->body;
}

TEST_F(LookupsTest, PurchaseProductInfoCarriesTutorialPlanIdAsBareNumber) {
    auto result = get_api("/pricing/openapi/purchase/v1/purchase_product_info?productId=15", access_token());
    expect_envelope(result, 200, "success");
    EXPECT_NE(result->body.find(R"("planId":3049036224189325312,)"), std::string::npos) << result->body;
    EXPECT_NE(result->body.find(R"("planId":9223372036854775783,)"), std::string::npos) << result->body;
    const json details = parse_body(result)["result"];
    EXPECT_TRUE(details["offeringId"].is_string());
    EXPECT_EQ(details["productId"], 15);
    ASSERT_TRUE(details["planList"].is_array());
    ASSERT_GE(details["planList"].size(), 2u);
    const json& plan = details["planList"][0];
    EXPECT_TRUE(plan["planId"].is_number_unsigned());
    EXPECT_EQ(plan["planId"].get<std::uint64_t>(), 3049036224189325312ULL);
    EXPECT_NE(plan["planName"].get<std::string>().find("Remote Management Account"), std::string::npos);
    for (const char* member : {"purchaseType", "billingModel", "billingCycle", "price", "currencyCode"})
        EXPECT_TRUE(plan[member].is_string()) << member;
    EXPECT_TRUE(details["serviceList"].is_array());
}

TEST_F(LookupsTest, PurchaseProductInfoWithoutProductIdIs400) {
    auto result = get_api("/pricing/openapi/purchase/v1/purchase_product_info", access_token());
    expect_envelope(result, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(result)["result"], (json{{"field", "productId"}, {"tag", "required"}}));
    auto bad = get_api("/pricing/openapi/purchase/v1/purchase_product_info?productId=abc", access_token());
    expect_envelope(bad, 400, "parameter_validation_failed");
}

TEST_F(LookupsTest, PurchaseProductInfoForAnotherProductHasEmptyLists) {
    auto result = get_api("/pricing/openapi/purchase/v1/purchase_product_info?productId=9", access_token());
    expect_envelope(result, 200, "success");
    const json details = parse_body(result)["result"];
    EXPECT_EQ(details["productId"], 9);
    EXPECT_EQ(details["planList"], json::array());
    EXPECT_EQ(details["serviceList"], json::array());
}

TEST_F(LookupsTest, BillingContactListCarriesIdsAsStrings) {
    auto result = get_api("/user/openapi/user/v1/client/billing_contact_list", access_token());
    expect_envelope(result, 200, "success");
    EXPECT_NE(result->body.find(R"("billingContactId":"3197218168379846218")"), std::string::npos);
    EXPECT_NE(result->body.find(R"("billingContactId":"9223372036854775807")"), std::string::npos);
    const json contacts = parse_body(result)["result"];
    ASSERT_TRUE(contacts.is_array());
    for (const auto& contact : contacts) {
        EXPECT_EQ(contact.size(), 13u);
        for (const auto& [name, value] : contact.items())
            EXPECT_TRUE(value.is_string()) << name;
        EXPECT_TRUE(contact.contains("emailAddress"));
    }
}

TEST_F(LookupsTest, UnknownPathIs404Envelope) {
    expect_envelope(get_api("/user/openapi/user/v1/client/nothing_here", access_token()), 404, "not_found");
    expect_envelope(client().Get("/"), 404, "not_found");
}

TEST_F(LookupsTest, WrongMethodIs405Envelope) {
    auto result = client().Post("/user/openapi/user/v1/client/partner_list", api_headers(access_token()),
                                "{}", "application/json");
    expect_envelope(result, 405, "method_not_allowed");
    EXPECT_EQ(result->get_header_value("Allow"), "GET");
    expect_envelope(client().Get("/order/openapi/order/v1/save", api_headers(access_token())), 405,
                    "method_not_allowed");
    expect_envelope(client().Delete("/order/openapi/order/v1/page", api_headers(access_token())), 405,
                    "method_not_allowed");
}

TEST_F(LookupsTest, RealApiHasNoCorsHeadersByDefault) {
    auto result = get_api("/pricing/openapi/purchase/v1/product_list", access_token());
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->has_header("Access-Control-Allow-Origin"));
    auto preflight = client().Options("/order/openapi/order/v1/save");
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 405);
}

TEST_F(LookupsTest, CorsSwitchAddsPermissiveHeadersAndAnswersPreflight) {
    sandbox::SandboxOptions options;
    options.cors = true;
    restart(options);
    auto result = get_api("/pricing/openapi/purchase/v1/product_list", access_token());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->get_header_value("Access-Control-Allow-Origin"), "*");
    auto preflight = client().Options("/order/openapi/order/v1/save");
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 204);
    EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization"),
              std::string::npos);
}

} // namespace
} // namespace sandbox_test

namespace sandbox_test {
namespace {

// Browsers accept brotli; httplib would then compress every text file it serves with brotli's
// slowest setting (about 100 ms per 100 KB: the page's renewdesk.js). The sandbox answers with gzip,
// as a real server would without the delay.
TEST_F(LookupsTest, ServedFilesAreGzippedEvenWhenTheClientAlsoAcceptsBrotli) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("renewdesk-serve-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "page.js") << std::string(20000, 'x');
    sandbox::SandboxOptions options;
    options.serve_dir = dir.string();
    restart(options);
    const std::string reply = raw_exchange(
        port(), "GET /page.js HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, deflate, br\r\n"
                "Connection: close\r\n\r\n");
    std::filesystem::remove_all(dir);
    const std::string head = reply.substr(0, reply.find("\r\n\r\n"));
    EXPECT_NE(head.find("Content-Encoding: gzip"), std::string::npos) << head;
    EXPECT_EQ(head.find("Content-Encoding: br"), std::string::npos) << head;
}

} // namespace
} // namespace sandbox_test
