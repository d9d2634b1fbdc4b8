// Query Subordinate User List: decode_envelope then decode_subordinate_users, and, differentially,
// decode_subordinate_users_reply (the one-pass reader RenewalFlow uses), which must give exactly the
// same users, skipped entries, requestId and error.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/users_reply.h"
#include "tests/fuzz/fuzz_reply.h"

#include <tuple>

using namespace rd;

namespace {

auto fields(const SubordinateUser& u) {
    return std::tie(u.partner_id, u.company, u.email, u.first_name, u.last_name, u.user_type, u.country,
                    u.city, u.phone_number);
}

auto fields(const ApiError& e) {
    return std::tie(e.kind, e.http_status, e.code, e.detail, e.api_text, e.transport_text, e.request_id,
                    e.excerpt, e.timed_out, e.untrusted_certificate, e.request_may_have_left);
}

// The one-pass reader against the two steps (`expected_error`: their error, when there was one).
void check_one_pass(const HttpResponse& response, const ApiError* expected_error,
                    const std::vector<SubordinateUser>* expected_users,
                    const std::vector<std::string>& expected_skipped,
                    const std::string& expected_request_id) {
    std::vector<std::string> skipped;
    const auto reply = decode_subordinate_users_reply(response, &skipped);
    FUZZ_CHECK(skipped == expected_skipped);
    if (expected_error) {
        FUZZ_CHECK(!reply);
        FUZZ_CHECK(fields(reply.error()) == fields(*expected_error));
        return;
    }
    FUZZ_CHECK(reply);
    FUZZ_CHECK(reply.value().request_id == expected_request_id);
    FUZZ_CHECK(reply.value().users.size() == expected_users->size());
    for (std::size_t i = 0; i < expected_users->size(); ++i)
        FUZZ_CHECK(fields(reply.value().users[i]) == fields((*expected_users)[i]));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const HttpResponse response = fuzz::http_reply(data, size);
    const Result<ApiReply> reply = decode_envelope(response);
    if (!reply) {
        check_one_pass(response, &reply.error(), nullptr, {}, {});
        return 0;
    }
    std::vector<std::string> skipped;
    const auto users = decode_subordinate_users(reply.value().result, &skipped);
    if (!users) {
        FUZZ_CHECK(skipped.empty());
        ApiError expected = users.error(); // RenewalFlow reports a shape error with the reply's requestId
        expected.request_id = reply.value().request_id;
        check_one_pass(response, &expected, nullptr, skipped, {});
        return 0;
    }
    check_one_pass(response, nullptr, &users.value(), skipped, reply.value().request_id);
    for (const SubordinateUser& user : users.value()) {
        FUZZ_CHECK(!user.partner_id.empty()); // what goes into the order is never empty
        // Strings came through nlohmann's parser (which validates UTF-8) or its number text.
        FUZZ_CHECK(fuzz::valid_utf8(user.partner_id) && fuzz::valid_utf8(user.company));
    }
    for (const std::string& entry : skipped) {
        FUZZ_CHECK(entry.size() <= 303);     // about 300 bytes, "..." after a cut
        FUZZ_CHECK(fuzz::valid_utf8(entry)); // shown on screen as it is
    }
    const auto again = decode_subordinate_users(reply.value().result);
    FUZZ_CHECK(again && again.value().size() == users.value().size());
    return 0;
}
