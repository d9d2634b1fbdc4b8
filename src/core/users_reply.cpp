#include "core/users_reply.h"

#include "core/decoders.h"
#include "core/envelope.h"
#include "core/json_scan.h"
#include "core/users_reader.h"

#include <iterator>
#include <string_view>

namespace rd {
namespace {

// decode_envelope + decode_subordinate_users, with the list's requestId on a shape error as
// RenewalFlow's lookups report it.
Result<SubordinateUsersReply> ordinary_path(const HttpResponse& response, std::vector<std::string>* skipped) {
    Result<ApiReply> reply = decode_envelope(response);
    if (!reply) return reply.error();
    auto users = decode_subordinate_users(reply.value().result, skipped);
    if (!users) {
        ApiError error = users.error();
        error.request_id = reply.value().request_id;
        return error;
    }
    return SubordinateUsersReply{.users = std::move(users.value()),
                                 .request_id = std::move(reply.value().request_id)};
}

} // namespace

Result<SubordinateUsersReply> decode_subordinate_users_reply(const HttpResponse& response,
                                                             std::vector<std::string>* skipped) {
    if (response.failure == TransportFailure::none && response.status >= 200 && response.status < 300) {
        std::string repaired_body; // as decode_envelope: bytes that are not UTF-8 become U+FFFD first
        const std::string_view text = utf8_text(response.body, repaired_body);
        SubordinateUsersReply reply;
        UsersSink sink;
        if (read_plain_users_reply(text, reply.request_id, sink)) {
            reply.users = std::move(sink.users);
            if (skipped)
                skipped->insert(skipped->end(), std::make_move_iterator(sink.skipped.begin()),
                                std::make_move_iterator(sink.skipped.end()));
            return reply;
        }
    }
    return ordinary_path(response, skipped);
}

} // namespace rd
