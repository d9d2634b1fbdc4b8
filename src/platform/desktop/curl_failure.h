// Which TransportFailure a libcurl result code is. A header of its own so that
// tests/integration/transport_test.cpp checks every code of the rule, not only those a loopback
// server can provoke.
#pragma once

#include "core/transport.h"

#include <curl/curl.h>

namespace rd {

// "Nothing reached the server" (could_not_send) only for the codes that prove it: libcurl writes the
// first byte of a request only after the name resolved, the connection opened and the TLS handshake
// finished, so these failures all happen before it. Any other failure may come after some or all
// of the request left, and then the server may have acted on it: "outcome unknown". That includes
// CURLE_SEND_ERROR (on a fresh connection a send can fail after earlier bytes, or the whole request,
// went out). A byte count proves nothing either: CURLINFO_REQUEST_SIZE is libcurl's own bookkeeping
// of what it wrote, not of what reached the server.
inline TransportFailure curl_failure(CURLcode code) {
    switch (code) {
    case CURLE_OK: return TransportFailure::none;
    case CURLE_PEER_FAILED_VERIFICATION: // the handshake stopped at the server's certificate
        return TransportFailure::untrusted_certificate;
    case CURLE_UNSUPPORTED_PROTOCOL: // refused before any connection
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_COULDNT_RESOLVE_PROXY: // no address: nothing to connect to
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:     // refused or unreachable: no connection
    case CURLE_SSL_CONNECT_ERROR:   // the TLS handshake failed: no request on it yet
    case CURLE_SSL_CACERT_BADFILE:  // the CA bundle could not be read: before the handshake
    case CURLE_SSL_CERTPROBLEM:     // a local certificate problem: before the handshake
    case CURLE_SSL_CIPHER:          // no usable cipher: before the handshake
    case CURLE_SSL_ENGINE_NOTFOUND: // the local TLS setup failed: before the handshake
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE: return TransportFailure::could_not_send;
    case CURLE_OPERATION_TIMEDOUT: // possibly while connecting, but libcurl does not say which phase
        return TransportFailure::timed_out;
    default: // CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, ...
        return TransportFailure::connection_lost;
    }
}

} // namespace rd
