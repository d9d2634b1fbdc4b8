// Which TransportFailure a WinHTTP error is, and its English description. A header of its own so that
// tests/windows/winhttp_transport_test.cpp checks every code of the rule, not only those a loopback
// server can provoke (the same split as desktop/curl_failure.h).
#pragma once

#include "core/transport.h"

#include <windows.h>
#include <winhttp.h>

#include <string>

namespace rd {

// "Nothing reached the server" (could_not_send) only for the errors that prove it: WinHTTP writes the
// first byte of a request only after the proxy was chosen, the name resolved and the connection (and
// its TLS handshake) opened, so these all happen before it. A TLS channel error proves it only when
// WinHTTP had not yet announced that it was sending the request (`request_may_have_left` false); a
// reset or broken connection (ERROR_WINHTTP_CONNECTION_ERROR) never does: it may come mid-send or
// while waiting for the reply, and then the server may have acted on the request.
inline TransportFailure winhttp_failure(DWORD error, bool request_may_have_left) {
    switch (error) {
    case ERROR_SUCCESS: return TransportFailure::none;
    case ERROR_WINHTTP_SECURE_FAILURE: // the handshake stopped at the server's certificate
    case ERROR_WINHTTP_SECURE_INVALID_CA:
    case ERROR_WINHTTP_SECURE_INVALID_CERT:
    case ERROR_WINHTTP_SECURE_CERT_CN_INVALID:
    case ERROR_WINHTTP_SECURE_CERT_DATE_INVALID:
    case ERROR_WINHTTP_SECURE_CERT_REVOKED:
    case ERROR_WINHTTP_SECURE_CERT_REV_FAILED:
    case ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE:
    case ERROR_WINHTTP_SECURE_FAILURE_PROXY: return TransportFailure::untrusted_certificate;
    case ERROR_WINHTTP_INVALID_URL: // refused before any connection
    case ERROR_WINHTTP_UNRECOGNIZED_SCHEME:
    case ERROR_WINHTTP_NAME_NOT_RESOLVED:        // no address: nothing to connect to
    case ERROR_WINHTTP_CANNOT_CONNECT:           // refused or unreachable: no connection
    case ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR: // no proxy chosen: no connection
    case ERROR_WINHTTP_AUTODETECTION_FAILED:
    case ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT:
    case ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT:
    case ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE:
    case ERROR_WINHTTP_SCRIPT_EXECUTION_ERROR:
    case ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY: // a local certificate problem: before the handshake
    case ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY: return TransportFailure::could_not_send;
    case ERROR_WINHTTP_SECURE_CHANNEL_ERROR:
        return request_may_have_left ? TransportFailure::connection_lost : TransportFailure::could_not_send;
    case ERROR_WINHTTP_TIMEOUT: // possibly while connecting, but like libcurl it is not told apart
        return TransportFailure::timed_out;
    default: // ERROR_WINHTTP_CONNECTION_ERROR, INVALID_SERVER_RESPONSE, CLIENT_AUTH_CERT_NEEDED, ...
        return TransportFailure::connection_lost;
    }
}

// The error in plain English ("The server name could not be resolved. (WinHTTP error 12007)"), never
// in the system's language: the app has a language of its own and the log is read by support.
std::string winhttp_error_text(DWORD error);

} // namespace rd
