#include "tools/sandbox/reply_envelope.h"

#include "tools/sandbox/random_text.h"

namespace sandbox {

namespace {
nlohmann::json envelope(int status, const std::string& code, const std::string& detail_message,
                        nlohmann::json result) {
    return {{"code", code},
            {"detailMessage", detail_message},
            {"requestId", random_hex(32)},
            {"result", std::move(result)},
            {"status", status}};
}
} // namespace

ApiReply success(nlohmann::json result) {
    return {200, envelope(200, codes::success, "", std::move(result))};
}

ApiReply failure(int status, const std::string& code, const std::string& detail_message,
                 nlohmann::json result) {
    return {status, envelope(status, code, detail_message, std::move(result))};
}

ApiReply validation_failure(const std::string& field, const std::string& tag,
                            const std::string& detail_message) {
    return failure(400, codes::parameter_validation_failed, detail_message, {{"field", field}, {"tag", tag}});
}

std::string to_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace sandbox
