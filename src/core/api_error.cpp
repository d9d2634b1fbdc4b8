#include "core/api_error.h"

namespace rd {

const char* error_kind_name(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::network: return "network";
    case ErrorKind::http: return "http";
    case ErrorKind::api: return "api";
    case ErrorKind::auth: return "auth";
    case ErrorKind::parse: return "parse";
    case ErrorKind::input: return "input";
    }
    return "parse";
}

std::string ApiError::log_line() const {
    std::string line = std::string("kind=") + error_kind_name(kind);
    if (detail.kind != DetailKind::none) line += std::string(" detail=") + detail_kind_name(detail.kind);
    if (!detail.subject.empty()) line += " subject=\"" + detail.subject + "\"";
    if (!detail.value.empty()) line += " value=\"" + detail.value + "\"";
    if (detail.number >= 0) line += " number=" + std::to_string(detail.number);
    if (http_status != 0) line += " http=" + std::to_string(http_status);
    if (!code.empty()) line += " code=" + code;
    if (!api_text.empty()) line += " api_text=\"" + api_text + "\"";
    if (!transport_text.empty()) line += " transport_text=\"" + transport_text + "\"";
    if (!excerpt.empty()) line += " excerpt=\"" + excerpt + "\"";
    if (!request_id.empty()) line += " request_id=" + request_id;
    if (timed_out) line += " timed_out";
    if (untrusted_certificate) line += " untrusted_certificate";
    if (request_may_have_left) line += " may_have_left";
    return line;
}

} // namespace rd
