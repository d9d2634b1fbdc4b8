// The API's reply envelope {code, detailMessage, requestId, result, status} and the error codes the
// sandbox answers with. Only `success` and `parameter_validation_failed` come from the API document;
// the other codes are invented here (the real catalogue is not documented).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sandbox {

namespace codes {
inline constexpr const char* success = "success";                                         // documented
inline constexpr const char* parameter_validation_failed = "parameter_validation_failed"; // documented
inline constexpr const char* invalid_client = "invalid_client";                           // invented
inline constexpr const char* invalid_refresh_token = "invalid_refresh_token";             // invented
inline constexpr const char* unauthorized = "unauthorized";                               // invented
inline constexpr const char* token_expired = "token_expired";                             // invented
inline constexpr const char* not_found = "not_found";                                     // invented
inline constexpr const char* method_not_allowed = "method_not_allowed";                   // invented
inline constexpr const char* bad_request = "bad_request";                                 // invented
inline constexpr const char* invalid_user_agent = "invalid_user_agent";                   // invented
} // namespace codes

// What an endpoint handler answers: HTTP status (equal to the body's `status`) and the envelope.
struct ApiReply {
    int status = 200;
    nlohmann::json body;
};

ApiReply success(nlohmann::json result);
ApiReply failure(int status, const std::string& code, const std::string& detail_message,
                 nlohmann::json result = nlohmann::json::object());
// 400 parameter_validation_failed with result {"field": ..., "tag": ...}.
ApiReply validation_failure(const std::string& field, const std::string& tag,
                            const std::string& detail_message);

// Compact JSON; never throws on odd UTF-8 (replaced).
std::string to_text(const nlohmann::json& value);

} // namespace sandbox
