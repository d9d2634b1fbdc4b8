#include "api_replies.h"

#include <string>

namespace sandbox {

const char* reason_phrase(int status) {
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Error";
    }
}

void write_reply(httplib::Response& response, const ApiReply& reply) {
    response.status = reply.status;
    response.set_content(to_text(reply.body), kApiContentType);
}

void write_fault_reply(httplib::Response& response, const Fault& fault) {
    switch (fault.kind) {
    case FaultKind::http_status: {
        response.status = fault.status;
        response.set_header("X-Sandbox-Fault", "http_status");
        const std::string body =
            fault.body.value_or(std::to_string(fault.status) + " " + reason_phrase(fault.status) + "\n");
        if (!body.empty()) response.set_content(body, fault.content_type.value_or("text/plain"));
        return;
    }
    case FaultKind::api_error:
        response.set_header("X-Sandbox-Fault", "api_error");
        write_reply(response, failure(fault.status, fault.code, fault.detail_message));
        return;
    case FaultKind::malformed:
        response.status = fault.status;
        response.set_header("X-Sandbox-Fault", "malformed");
        response.set_content("{\"code\": \"succ<<sandbox: malformed reply>>\x01\n", "application/json");
        return;
    case FaultKind::html: {
        response.status = fault.status;
        response.set_header("X-Sandbox-Fault", "html");
        const std::string title = std::to_string(fault.status) + " " + reason_phrase(fault.status);
        response.set_content("<!DOCTYPE html>\n<html><head><title>" + title +
                                 "</title></head><body>\n<center><h1>" + title +
                                 "</h1></center>\n<hr><center>nginx</center>\n</body></html>\n",
                             "text/html");
        return;
    }
    default:
        return;
    }
}

} // namespace sandbox
