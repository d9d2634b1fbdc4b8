// The API's response envelope {code, detailMessage, requestId, status, result}, decoded into the
// `result` member (with its requestId) or a typed ApiError. Success is `code == "success"` with a 2xx status;
// the body is always read, never the HTTP status alone.
#pragma once

#include "core/json.h"
#include "core/result.h"
#include "core/transport.h"

namespace rd {

enum class BodySecrets { none, may_contain_tokens };

// A successful reply: the envelope's `result` and its `requestId`.
struct ApiReply {
    Json result;
    std::string request_id;
};

// `secrets` says whether the body may hold tokens, so no excerpt of it is ever kept.
Result<ApiReply> decode_envelope(const HttpResponse& response, BodySecrets secrets = BodySecrets::none);

// A short, single-line excerpt of an unexpected body (the <title> of an HTML page when there is one).
std::string body_excerpt(const std::string& body);

} // namespace rd
