// The platform's HTTP transport: libcurl on the desktop (desktop/curl_transport.cpp), the browser's
// fetch on the web (web/fetch_transport.cpp). CMake compiles exactly one of them.
#pragma once

#include "core/text.h"
#include "core/transport.h"

#include <memory>

namespace rd {

struct TransportOptions {
    int connect_timeout_ms = 10000;
    // Desktop only: the CA certificates (PEM) to verify servers with, instead of the system's (an
    // intranet whose TLS-inspecting proxy re-signs every site with its own CA). Verification stays on.
    const char* ca_bundle_path = nullptr;
};

std::unique_ptr<Transport> make_platform_transport(const TransportOptions& options = {});

// What a request may hold that is secret, overwritten by the transport once the request is finished
// or cancelled: the body (the token request's client_secret=...) and the header values
// (Authorization: Bearer ...).
inline void wipe_request(HttpRequest& request) {
    wipe_string(request.body);
    for (HttpHeader& header : request.headers)
        wipe_string(header.value);
}

} // namespace rd
