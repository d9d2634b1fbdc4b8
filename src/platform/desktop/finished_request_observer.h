// A test seam of the libcurl transport (curl_transport.cpp), never set by the apps: the observer is
// called with each request the transport held once it is finished, cancelled, or dropped with the
// transport, right after the transport has wiped it (wipe_request, platform_transport.h), and sees
// the request as it is then. tests/desktop/request_wipe_test.cpp uses it to prove that nothing secret
// (the token request's client_secret, an Authorization header) is left behind.
// Unset (the default), it costs one check of an empty std::function per request. It is process-wide:
// set it on the thread that polls the transport, while no request is in flight.
#pragma once

#include "core/transport.h"

#include <functional>

namespace rd {

using FinishedRequestObserver = std::function<void(const HttpRequest&)>;
void set_finished_request_observer(FinishedRequestObserver observer); // {} removes it

} // namespace rd
