// Control endpoints, static file serving and request logging.
#include "tests/sandbox/sandbox_test_support.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sandbox_test {
namespace {

using ControlTest = SandboxTest;

TEST_F(ControlTest, InfoReportsDemoCredentialsAndOrderCount) {
    post_order(tutorial_order_body(), access_token());
    const json info = parse_body(client().Get("/__sandbox/info"));
    EXPECT_EQ(info["clientId"], "demo-client-id");
    EXPECT_EQ(info["clientSecret"], "demo-client-secret");
    EXPECT_EQ(info["orders"], 1);
}

TEST_F(ControlTest, ResetClearsOrdersAndFaultsButKeepsTokens) {
    const std::string token = access_token();
    post_order(tutorial_order_body(), token);
    add_fault({{"endpoint", "partner_list"}, {"kind", "http_status"}});
    auto reset = client().Post("/__sandbox/reset", "", "application/json");
    ASSERT_TRUE(reset);
    EXPECT_EQ(reset->status, 200);
    EXPECT_EQ(orders_log(), json::array());
    expect_envelope(get_api("/user/openapi/user/v1/client/partner_list", token), 200, "success");
    const json page = parse_body(get_api("/order/openapi/order/v1/page", token))["result"];
    EXPECT_EQ(page["total"], 0);
}

TEST_F(ControlTest, LogLinesNeverContainSecretsTokensOrBodies) {
    restart({}, /*log_requests=*/true);
    testing::internal::CaptureStderr();
    const json token = request_token_result();
    json body = json::parse(tutorial_order_body());
    body["poNumber"] = "PO-SECRET-MARKER";
    post_order(body.dump(), token["token"]);
    get_api("/order/openapi/order/v1/page?pageNo=1&pageSize=7", token["token"]);
    server_.reset(); // flush every log line
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_NE(log.find("POST /auth/openapi/v1/oauth/token 200 "), std::string::npos) << log;
    EXPECT_NE(log.find("POST /order/openapi/order/v1/save 200 "), std::string::npos) << log;
    EXPECT_NE(log.find("GET /order/openapi/order/v1/page 200 "), std::string::npos) << log;
    for (const std::string& secret : {std::string("demo-client-secret"), token["token"].get<std::string>(),
                                      token["refreshToken"].get<std::string>(), std::string("Bearer"),
                                      std::string("PO-SECRET-MARKER"), std::string("pageSize")})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}

TEST_F(ControlTest, ServeDirServesThePageAndWasmBesideTheApi) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("renewdesk-sandbox-www-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!DOCTYPE html><title>RenewDesk</title>";
    std::ofstream(dir / "renewdesk.wasm", std::ios::binary) << std::string("\0asm\1\0\0\0", 8);
    std::ofstream(dir / "renewdesk.js") << "console.log(1);";
    sandbox::SandboxOptions options;
    options.serve_dir = dir.string();
    restart(options);

    auto index = client().Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->status, 200);
    EXPECT_NE(index->body.find("RenewDesk"), std::string::npos);
    auto wasm = client().Get("/renewdesk.wasm");
    ASSERT_TRUE(wasm);
    EXPECT_EQ(wasm->get_header_value("Content-Type"), "application/wasm");
    EXPECT_EQ(wasm->body.size(), 8u);
    auto js = client().Get("/renewdesk.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript");
    expect_envelope(get_api("/pricing/openapi/purchase/v1/product_list", access_token()), 200, "success");
    std::filesystem::remove_all(dir);
}

// A browser opens sockets before it has requests for them, and a starved one writes late. nginx
// (`keepalive_timeout 0`, which --one-request-per-connection stands for) waits client_header_timeout
// for a connection's first request; so must the page-serving sandbox. It closed such a connection
// after 2 s, and Chromium failed the page's scripts with net::ERR_SOCKET_NOT_CONNECTED.
TEST_F(ControlTest, OneRequestPerConnectionWaitsForALateFirstRequest) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("renewdesk-sandbox-late-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!DOCTYPE html><title>RenewDesk</title>";
    sandbox::SandboxOptions options;
    options.serve_dir = dir.string();
    options.one_request_per_connection = true;
    restart(options);

    const RawReply reply = raw_exchange_ending(port(), "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                                               std::chrono::milliseconds(3500));
    EXPECT_EQ(reply.bytes.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << reply.bytes;
    EXPECT_NE(reply.bytes.find("Connection: close"), std::string::npos) << reply.bytes;
    EXPECT_NE(reply.bytes.find("RenewDesk"), std::string::npos) << reply.bytes;
    EXPECT_EQ(reply.end, RawReply::End::closed);
    std::filesystem::remove_all(dir);
}

TEST_F(ControlTest, MissingFixturesDirMakesStartThrow) {
    sandbox::SandboxOptions options;
    options.fixtures_dir = "/nonexistent/renewdesk-fixtures";
    options.log_requests = false;
    sandbox::SandboxServer server(options);
    EXPECT_THROW(server.start(), std::runtime_error);
}

TEST_F(ControlTest, BusyPortMakesStartThrow) {
    sandbox::SandboxOptions options;
    options.port = port();
    options.log_requests = false;
    sandbox::SandboxServer second(options);
    EXPECT_THROW(second.start(), std::runtime_error);
}

} // namespace
} // namespace sandbox_test
