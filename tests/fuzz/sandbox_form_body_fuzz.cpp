// The sandbox's token endpoint, which reads a form body (form_fields, media_type): the first line of
// the input is the Content-Type header, the rest the body. For multipart/form-data the body's lines
// "name=value" become the parts httplib's own multipart parser would have handed over.
// It must answer 200 (with a token the sandbox then accepts), 400 or 401, never throw, never echo a secret.
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/sandbox_harness.h"
#include "tools/sandbox/form_fields.h"
#include "tools/sandbox/reply_envelope.h"

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::SandboxHarness harness;
    const std::string input = fuzz::bytes(data, size);
    const std::size_t newline = input.find('\n');
    const std::string content_type = newline == std::string::npos ? input : input.substr(0, newline);
    const std::string body = newline == std::string::npos ? std::string() : input.substr(newline + 1);

    httplib::Request request;
    request.method = "POST";
    request.path = "/auth/openapi/v1/oauth/token";
    request.set_header("User-Agent", "OpenAPI");
    request.set_header("Content-Type", content_type);
    if (sandbox::media_type(content_type) == "multipart/form-data") {
        std::size_t start = 0;
        while (start < body.size()) {
            std::size_t end = body.find('\n', start);
            if (end == std::string::npos) end = body.size();
            const std::string line = body.substr(start, end - start);
            const std::size_t eq = line.find('=');
            httplib::MultipartFormData part;
            part.name = line.substr(0, eq);
            part.content = eq == std::string::npos ? "" : line.substr(eq + 1);
            request.files.emplace(part.name, part);
            start = end + 1;
        }
    } else {
        request.body = body;
    }

    const auto fields = sandbox::form_fields(request);

    sandbox::SandboxState& state = harness.state();
    const sandbox::ApiReply reply =
        sandbox::handle_endpoint(sandbox::Endpoint::token, request, state, "succeed");
    const std::string text = sandbox::to_text(reply.body);
    FUZZ_CHECK(reply.body["status"] == reply.status);
    FUZZ_CHECK(text.find(sandbox::kDemoClientSecret) == std::string::npos);
    if (reply.status == 200) {
        const auto& result = reply.body["result"];
        FUZZ_CHECK(result["token"].is_string() && result["refreshToken"].is_string());
        FUZZ_CHECK(state.tokens.check_access(result["token"].get<std::string>()) ==
                   sandbox::TokenStore::Check::valid);
        FUZZ_CHECK(fields.count("grant_type"));
        harness.renew();
    } else {
        FUZZ_CHECK(reply.status == 400 || reply.status == 401);
    }
    return 0;
}
