#include "tools/sandbox/api_replies.h"

#include "tools/sandbox/server_clock.h"

#include <string>

namespace sandbox {

const char* reason_phrase(int status) {
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Error";
    }
}

void write_reply(httplib::Response& response, const ApiReply& reply) {
    response.status = reply.status;
    response.set_content(to_text(reply.body), kApiContentType);
}

void set_date_header(httplib::Response& response, std::int64_t api_now_ms) {
    response.headers.erase("Date");
    response.set_header("Date", http_date(api_now_ms));
}

std::string redirect_location(const Fault& fault, const std::string& path) {
    return fault.location.empty() ? "http://other-host.invalid" + path : fault.location;
}

void write_fault_reply(httplib::Response& response, const Fault& fault, const std::string& path) {
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
    case FaultKind::refresh_refused:
        response.set_header("X-Sandbox-Fault", kind_name(fault.kind));
        write_reply(response, failure(fault.status, fault.code, fault.detail_message));
        return;
    case FaultKind::rate_limited:
        response.set_header("X-Sandbox-Fault", "rate_limited");
        if (fault.retry_after_s >= 0) response.set_header("Retry-After", std::to_string(fault.retry_after_s));
        write_reply(response, failure(fault.status, fault.code, fault.detail_message));
        return;
    case FaultKind::redirect: {
        // What a web server or a misconfigured proxy answers: a Location and a short page, no envelope.
        const std::string location = redirect_location(fault, path);
        response.status = fault.status;
        response.set_header("X-Sandbox-Fault", "redirect");
        response.set_header("Location", location);
        response.set_content("<html><head><title>" + std::to_string(fault.status) + " " +
                                 reason_phrase(fault.status) + "</title></head><body>Moved to " + location +
                                 "</body></html>\n",
                             "text/html");
        return;
    }
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
    default: return;
    }
}

} // namespace sandbox
