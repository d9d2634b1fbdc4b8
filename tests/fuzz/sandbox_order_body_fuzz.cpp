// The sandbox's Create-an-Order endpoint: the bytes are the POST body (Content-Type: application/json,
// a valid token), handed to handle_endpoint as the server does; the sandbox parses the JSON and checks
// it with validate_renewal_order. It must answer 200 or its 400 validation envelope, never throw, and
// keep an accepted body byte for byte (the test oracle).
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/sandbox_harness.h"
#include "tools/sandbox/reply_envelope.h"

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::SandboxHarness harness;
    httplib::Request request;
    request.method = "POST";
    request.path = "/order/openapi/order/v1/save";
    request.set_header("User-Agent", "OpenAPI");
    request.set_header("Content-Type", "application/json");
    request.set_header("Authorization", "Bearer " + harness.access_token());
    request.body = fuzz::bytes(data, size);

    sandbox::SandboxState& state = harness.state();
    const sandbox::ApiReply reply =
        sandbox::handle_endpoint(sandbox::Endpoint::save, request, state, "succeed");
    const std::string text = sandbox::to_text(reply.body);
    FUZZ_CHECK(fuzz::valid_utf8(text));
    FUZZ_CHECK(reply.body["status"] == reply.status);
    if (reply.status == 200) {
        FUZZ_CHECK(reply.body["code"] == "success");
        FUZZ_CHECK(state.orders.posted_count() == 1);
        FUZZ_CHECK(state.orders.posted()[0].body == request.body);
        const nlohmann::json body = nlohmann::json::parse(request.body);
        FUZZ_CHECK(body["operationType"] == "renew_plan" && body["productId"] == 15);
        FUZZ_CHECK(reply.body["result"]["orderNo"].is_string());
        harness.renew();
    } else {
        FUZZ_CHECK(reply.status == 400);
        FUZZ_CHECK(reply.body["code"] == "parameter_validation_failed");
        FUZZ_CHECK(reply.body["result"]["field"].is_string() && reply.body["result"]["tag"].is_string());
        FUZZ_CHECK(state.orders.posted_count() == 0);
    }
    return 0;
}
