// ApiError: what went wrong with one API call, as facts: the kind, a typed detail, the identifiers a
// support person asks for, and the words that came from outside exactly as they came. The UI and the
// CLI word it (src/ui/words/error_words.h); the core holds no sentence for a person.
#pragma once

#include "core/error_detail.h"

#include <string>

namespace rd {

enum class ErrorKind {
    network, // no complete HTTP response: refused, timed out, connection lost
    http,    // an HTTP error that is not the API's envelope (proxy pages, 5xx, 404 from a web server)
    api,     // the API answered with an envelope whose code is not "success"
    auth,    // the API refused the credentials or the token (401/403)
    parse,   // a response arrived but is not the JSON the API documents
    input,   // a value typed or chosen by the person is not usable (e.g. a non-numeric plan id)
};

struct ApiError {
    ErrorKind kind = ErrorKind::parse;
    int http_status = 0;        // 0 when no response arrived
    std::string code;           // the envelope's `code`, when there was one
    ErrorDetail detail;         // what exactly went wrong, beyond the kind
    std::string api_text;       // the server's own words (detailMessage, a gateway's message), untouched
    std::string transport_text; // the transport's own words (curl's, the browser's), untouched
    std::string request_id;     // the envelope's `requestId`, for support tickets
    std::string excerpt;        // a short, secret-free excerpt of an unexpected body
    bool timed_out = false;
    bool untrusted_certificate = false; // the server's TLS certificate was refused (nothing was sent)
    // True when the request may have reached the server. For an order this decides between
    // "failed" (the server said no) and "outcome unknown" (we cannot tell whether it was placed).
    bool request_may_have_left = false;

    // The facts as one line of key=value for logs, test hooks and test diagnostics (not for a person).
    std::string log_line() const;
};

const char* error_kind_name(ErrorKind kind); // "network", "http", "api", "auth", "parse", "input"

} // namespace rd
