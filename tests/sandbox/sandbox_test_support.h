// Shared helpers for the sandbox's own tests: a real SandboxServer on loopback per test, an httplib
// client with the documented headers, and a raw-socket exchange for what httplib cannot send or see.
#pragma once

#include "tools/sandbox/sandbox_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace sandbox_test {

using nlohmann::json;

// The tutorial's order body, byte for byte: tests/fixtures/tutorial_order_body.json without its final
// newline, the one copy the core, UI, fuzz and browser tests read too.
const std::string& tutorial_order_body();

class SandboxTest : public ::testing::Test {
  protected:
    void SetUp() override { restart({}); }
    void TearDown() override { server_.reset(); }

    // Replaces the running server with one started from `options` (request logging off unless asked).
    void restart(sandbox::SandboxOptions options, bool log_requests = false);

    int port() const { return port_; }
    httplib::Client client() const;
    static httplib::Headers api_headers(const std::string& access_token);

    json request_token_result(); // pp_credentials, url-encoded; asserts success
    std::string access_token();  // a fresh valid access token
    httplib::Result get_api(const std::string& path_and_query, const std::string& access_token) const;
    httplib::Result post_order(const std::string& body, const std::string& access_token) const;
    json add_fault(const json& fault); // POST /__sandbox/faults, asserts 200
    json orders_log() const;           // GET /__sandbox/orders

    std::unique_ptr<sandbox::SandboxServer> server_;
    int port_ = 0;
};

// Parses a reply body as JSON; fails the test (and returns null) when it is not JSON.
json parse_body(const httplib::Result& result);

// Checks the documented envelope shape and that HTTP status == body status.
void expect_envelope(const httplib::Result& result, int status, const std::string& code);

// Sends raw bytes on a fresh connection and returns every byte received until the server closes it
// (or 5 s pass).
std::string raw_exchange(int port, const std::string& request);

// The same, saying how the connection ended: closed (FIN), reset (RST) or timed out.
struct RawReply {
    std::string bytes;
    enum class End { closed, reset, timed_out, failed } end = End::failed;
};
// `quiet_after_connect`: how long the client stays silent between connecting and sending.
RawReply raw_exchange_ending(int port, const std::string& request,
                             std::chrono::milliseconds quiet_after_connect = {});

// A GET request line and headers for the API, as a raw exchange sends them.
std::string raw_get(const std::string& path, const std::string& access_token);

} // namespace sandbox_test
