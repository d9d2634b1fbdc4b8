// The response envelope: every reply of every endpoint goes through decode_envelope first.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/envelope.h"
#include "core/order_outcome.h"
#include "tests/fuzz/fuzz_reply.h"
#include "ui/words/error_words.h"

#include <nlohmann/json.hpp>

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const HttpResponse response = fuzz::http_reply(data, size);
    const bool two_xx = response.status >= 200 && response.status < 300;

    for (BodySecrets secrets : {BodySecrets::none, BodySecrets::may_contain_tokens}) {
        const Result<ApiReply> reply = decode_envelope(response, secrets);
        if (reply) {
            // Success only from the API's own envelope: code "success" on a 2xx status.
            FUZZ_CHECK(two_xx);
            const auto doc = nlohmann::json::parse(fuzz::replace_invalid_utf8(response.body), nullptr, false);
            FUZZ_CHECK(doc.is_object() && doc.value("code", nlohmann::json()) == "success");
            FUZZ_CHECK(order_outcome(reply) == OrderOutcome::placed);
        } else {
            const ApiError& error = reply.error();
            FUZZ_CHECK(error.request_may_have_left); // a reply arrived: the request had left
            FUZZ_CHECK(error.http_status == response.status);
            if (secrets == BodySecrets::may_contain_tokens) FUZZ_CHECK(error.excerpt.empty());
            FUZZ_CHECK(error.excerpt.size() <= 163);
            FUZZ_CHECK(order_outcome(reply) != OrderOutcome::placed);
            FUZZ_CHECK(order_outcome(reply) != OrderOutcome::not_sent);
            for (ui::Language language : {ui::Language::en, ui::Language::zh}) // worded, whatever came
                FUZZ_CHECK(!ui::error_words(error, language).empty());
        }
    }

    // The excerpt shown for an unexpected body: short, and never cuts a character in two.
    const std::string excerpt = body_excerpt(response.body);
    FUZZ_CHECK(excerpt.size() <= 163);
    if (fuzz::valid_utf8(response.body)) FUZZ_CHECK(fuzz::valid_utf8(excerpt));
    return 0;
}
