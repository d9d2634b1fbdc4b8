// The token reply (Request / Refresh Access Token): decode_envelope (the body may hold tokens) then
// decode_token, and the same reply handed to ApiClient::sign_in through a fake transport.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/api_client.h"
#include "core/api_paths.h"
#include "core/decoders.h"
#include "core/envelope.h"
#include "tests/fuzz/fuzz_reply.h"
#include "tests/fuzz/fuzz_transport.h"

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const HttpResponse response = fuzz::http_reply(data, size);

    const Result<ApiReply> reply = decode_envelope(response, BodySecrets::may_contain_tokens);
    if (!reply) FUZZ_CHECK(reply.error().excerpt.empty()); // no excerpt of a body that may hold tokens
    const Result<TokenGrant> grant =
        reply ? decode_token(reply.value().result) : Result<TokenGrant>(reply.error());
    if (grant) {
        FUZZ_CHECK(!grant.value().token.empty());
        FUZZ_CHECK(grant.value().expires_in_s > 0 && grant.value().expires_in_s <= 366 * 24 * 3600);
    }

    // What the client makes of it.
    fuzz::FuzzTransport transport;
    test::FakeClock clock;
    ApiClient client(transport, clock, {.base_url = "http://sandbox.invalid/"});
    bool finished = false, signed_in = false;
    client.sign_in("demo-client-id", "demo-client-secret", [&](Result<Done> done) {
        finished = true;
        signed_in = done.ok();
    });
    FUZZ_CHECK(transport.pending.size() == 1);
    transport.answer(0, response);
    FUZZ_CHECK(finished);
    FUZZ_CHECK(signed_in == grant.ok());
    FUZZ_CHECK(client.signed_in() == grant.ok());
    if (!grant) return 0;

    // The next request carries the token after its head, exactly.
    client.get(paths::subordinate_users, [](Result<ApiReply>) {});
    FUZZ_CHECK(transport.pending.size() == 1);
    std::string head = grant.value().token_head.empty() ? "Bearer " : grant.value().token_head;
    if (head.back() != ' ') head += ' ';
    bool found = false;
    for (const auto& h : transport.pending[0].request.headers)
        if (h.name == "Authorization") found = h.value == head + grant.value().token;
    FUZZ_CHECK(found);
    return 0;
}
