// Transport: the one door through which the core talks HTTP, shaped like OpenTTD's http.h.
// send() queues a request and returns at once; the frame loop calls poll(), and every handler
// runs inside poll() on the caller's thread, never inside send(). Each platform has one
// implementation (libcurl on the desktop, emscripten_fetch on the web); tests use a fake.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rd {

struct HttpHeader {
    std::string name;
    std::string value;
};

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<HttpHeader> headers;
    std::string body;
    int timeout_ms = 30000;
};

enum class TransportFailure {
    none,           // a complete HTTP response arrived (any status)
    could_not_send, // refused, name not resolved, TLS failure before the request left: nothing reached the
                    // server
    untrusted_certificate, // the server's TLS certificate was not trusted: nothing was sent
    timed_out,             // no complete answer in time; the request may have been processed
    connection_lost,       // the connection broke mid-way; the request may have been processed
};

struct HttpResponse {
    TransportFailure failure = TransportFailure::none;
    std::string failure_text; // the transport's own words, for the person and the log
    int status = 0;
    std::string body; // read whatever its Content-Type says: a proxy may mislabel the API's JSON
    // The reply's Date header exactly as received ("" when none came): the API's clock, to 1 s
    // (api_clock.h). A proxy that replaces it with its own is named in the README's hosting section.
    std::string date;
};

using RequestHandle = std::uint64_t;
using ResponseHandler = std::function<void(HttpResponse)>;

class Transport {
  public:
    virtual ~Transport() = default;
    virtual RequestHandle send(HttpRequest request, ResponseHandler on_done) = 0;
    // Delivers finished responses to their handlers. Call once per frame.
    virtual void poll() = 0;
    // The handler of a cancelled request is never called.
    virtual void cancel(RequestHandle handle) = 0;
    virtual bool idle() const = 0;
};

} // namespace rd
