// Transport over the browser's XMLHttpRequest through emscripten_fetch (async, response loaded to
// memory). The browser completes requests between frames; the fetch callbacks only queue the
// finished response and wake the frame loop (page_shell's wake_frame_loop: the page pauses its loop
// when nothing is due), and poll() hands it to its handler, so handlers never run inside send() or
// inside a browser callback. Bodies stay bytes: the core parses the JSON (64-bit ids survive).
// Beware: a browser resends a request by itself, POSTs included, when a reused keep-alive
// connection closes before any response byte (seen with Chromium against the sandbox). Only a
// server or proxy that closes every connection (Connection: close) rules that out.
// A reply over max_reply_bytes is abandoned as soon as a progress event shows it (the browser holds
// what arrived until then, never the whole of it), and a reply the browser reached by following a
// redirect is not used (XMLHttpRequest always follows them): both are reported as in envelope.cpp's
// header comment, a failure with the status seen.
#include "platform/platform_transport.h"

#include "platform/web/page_shell.h"
#include "platform/web/xhr_support.h"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

namespace rd {
namespace {

// Replies larger than this are refused: the API's largest (10,000 subordinate users) is about 4 MB.
constexpr unsigned long long max_reply_bytes = 16ull << 20;
constexpr const char* too_large_text =
    "The reply was too large: more than 16 MB. RenewDesk stopped reading it.";

class FetchTransport;

struct Pending {
    FetchTransport* owner = nullptr; // nullptr once orphaned: the callback then only frees
    RequestHandle handle = 0;
    emscripten_fetch_t* fetch = nullptr;
    HttpRequest request;
    ResponseHandler on_done;
    double started_ms = 0;
    bool closing = false; // emscripten_fetch_close() of an in-flight fetch calls onerror at once

    ~Pending() { wipe_request(request); } // finished, cancelled or orphaned: every path ends here
};

// emscripten_fetch() keeps strdup'ed copies of the header names and values (the Authorization
// header included) until emscripten_fetch_close() frees them: wipe them first.
void close_fetch(emscripten_fetch_t* fetch) {
    if (const char* const* headers = fetch->__attributes.requestHeaders)
        for (; *headers; ++headers)
            wipe_bytes(const_cast<char*>(*headers), std::strlen(*headers));
    emscripten_fetch_close(fetch);
}

struct Finished {
    RequestHandle handle = 0;
    ResponseHandler on_done;
    HttpResponse response;
};

void on_fetch_finished(emscripten_fetch_t* fetch);
void on_fetch_progress(emscripten_fetch_t* fetch);

class FetchTransport final : public Transport {
  public:
    ~FetchTransport() override {
        while (!in_flight_.empty())
            cancel(in_flight_.begin()->first);
    }

    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        const RequestHandle handle = ++next_handle_;
        const bool headers_ok =
            std::all_of(request.headers.begin(), request.headers.end(), web::header_is_valid);
        if (!headers_ok || request.method.size() >= sizeof(emscripten_fetch_attr_t{}.requestMethod) ||
            !web::url_is_valid(request.url.c_str())) {
            HttpResponse refused;
            refused.failure = TransportFailure::could_not_send;
            refused.failure_text = headers_ok ? "The browser cannot send to this URL: " + request.url
                                              : "A request header holds characters HTTP does not allow.";
            finished_.push_back({handle, std::move(on_done), std::move(refused)});
            wipe_request(request);
            return handle;
        }

        auto owned = std::make_unique<Pending>();
        Pending& p = *owned;
        p.owner = this;
        p.handle = handle;
        p.request = std::move(request);
        wipe_request(request); // a moved-from short string keeps its bytes
        p.on_done = std::move(on_done);
        p.started_ms = emscripten_get_now();
        in_flight_.emplace(handle, std::move(owned));

        std::vector<const char*> headers; // name, value, ..., nullptr (emscripten copies them)
        for (const HttpHeader& h : p.request.headers) {
            headers.push_back(h.name.c_str());
            headers.push_back(h.value.c_str());
        }
        headers.push_back(nullptr);

        emscripten_fetch_attr_t attr;
        emscripten_fetch_attr_init(&attr);
        std::strcpy(attr.requestMethod, p.request.method.c_str());
        // REPLACE: straight to the network, never through emscripten's IndexedDB cache.
        attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
        attr.requestHeaders = headers.data();
        if (p.request.method != "GET" && p.request.method != "HEAD") {
            attr.requestData = p.request.body.data();
            attr.requestDataSize = p.request.body.size();
        }
        attr.timeoutMSecs = p.request.timeout_ms > 0 ? static_cast<unsigned long>(p.request.timeout_ms) : 0;
        attr.userData = &p;
        attr.onsuccess = on_fetch_finished;  // 2xx
        attr.onerror = on_fetch_finished;    // any other status, network errors, timeouts
        attr.onprogress = on_fetch_progress; // to stop a reply that grows past max_reply_bytes

        emscripten_fetch_t* fetch = emscripten_fetch(&attr, p.request.url.c_str());
        // A failure inside the browser's send() is reported synchronously: `p` may be gone by now.
        if (auto it = in_flight_.find(handle); it != in_flight_.end()) {
            if (fetch) {
                it->second->fetch = fetch;
            } else { // out of memory in emscripten_fetch(): nothing left the page
                HttpResponse refused;
                refused.failure = TransportFailure::could_not_send;
                refused.failure_text = "emscripten_fetch could not start the request.";
                finished_.push_back({handle, std::move(it->second->on_done), std::move(refused)});
                in_flight_.erase(it);
            }
        }
        return handle;
    }

    void poll() override {
        // Handlers may send or cancel: take one at a time so a cancel reaches queued responses.
        while (!finished_.empty()) {
            Finished next = std::move(finished_.front());
            finished_.pop_front();
            next.on_done(std::move(next.response));
        }
    }

    void cancel(RequestHandle handle) override {
        if (auto it = in_flight_.find(handle); it != in_flight_.end()) {
            std::unique_ptr<Pending> p = std::move(it->second);
            in_flight_.erase(it);
            if (p->fetch && web::abort_xhr(p->fetch->id)) {
                p->closing = true;
                close_fetch(p->fetch);
            } else {
                p->owner = nullptr; // still running in the browser: freed when it reports back
                p.release();
            }
            return;
        }
        std::erase_if(finished_, [handle](const Finished& f) { return f.handle == handle; });
    }

    bool idle() const override { return in_flight_.empty() && finished_.empty(); }

    // Called from the fetch callbacks: copies what the response holds, closes the fetch (which
    // frees its body) and queues the response for poll().
    void complete(Pending& p, emscripten_fetch_t* fetch) {
        HttpResponse response;
        char final_url[2048] = {};
        if (fetch->status != 0 && fetch->numBytes > max_reply_bytes) {
            response = refused_body(fetch->status, too_large_text);
            response.date = web::response_header(fetch, "date");
        } else if (fetch->status != 0 &&
                   web::redirected_to(fetch->id, p.request.url.c_str(), final_url, sizeof final_url)) {
            response =
                refused_body(fetch->status, std::string("The server redirected the request to ") + final_url +
                                                " and the browser followed it; RenewDesk never uses a "
                                                "redirected reply. Check the Base URL (https:// or "
                                                "http://, the host name, no extra path).");
        } else if (fetch->status != 0) { // a complete HTTP response, whatever its status
            response.status = fetch->status;
            // Retry-After goes to the core as a header line in failure_text (envelope.cpp).
            if (const std::string retry_after = web::response_header(fetch, "retry-after");
                !retry_after.empty())
                response.failure_text = "Retry-After: " + retry_after;
            // The server's clock. `Date` is not a CORS-safelisted response header: the browser shows
            // it to a page on the same origin (the shipped proxy) or one the server lists it for in
            // Access-Control-Expose-Headers; otherwise it reads as absent (""), never wrong.
            response.date = web::response_header(fetch, "date");
            if (fetch->data && fetch->numBytes > 0)
                response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
        } else {
            // Status 0: no HTTP response. A browser does not say whether the request left the page
            // (refused, DNS, TLS, CORS and a dropped connection all look the same), so anything
            // but our own timeout counts as "may have been processed". The rule of this transport:
            // could_not_send only for a request the browser was never given (send() refuses it, or
            // emscripten_fetch() failed to start it). navigator.onLine proves nothing here: the network
            // can go while a request is out.
            const double elapsed = emscripten_get_now() - p.started_ms;
            const bool timed_out = p.request.timeout_ms > 0 && elapsed + 5.0 >= p.request.timeout_ms;
            response.failure = timed_out ? TransportFailure::timed_out : TransportFailure::connection_lost;
            response.failure_text = timed_out
                                        ? "No answer within " + std::to_string(p.request.timeout_ms) + " ms."
                                        : "The browser reported a network error (server unreachable, "
                                          "connection dropped, or blocked by CORS).";
        }
        finish(p, fetch, std::move(response));
    }

    // Called from a progress event: a reply growing past max_reply_bytes (or announcing it) is
    // abandoned there, before the browser holds all of it.
    void progress(Pending& p, emscripten_fetch_t* fetch) {
        if (fetch->dataOffset + fetch->numBytes <= max_reply_bytes && fetch->totalBytes <= max_reply_bytes)
            return;
        HttpResponse response = refused_body(fetch->status, too_large_text);
        web::abort_xhr(fetch->id);
        finish(p, fetch, std::move(response));
    }

  private:
    // The headers arrived and the body is not used: a failure that carries the status (envelope.cpp).
    static HttpResponse refused_body(int status, std::string why) {
        HttpResponse response;
        response.failure = TransportFailure::connection_lost;
        response.status = status;
        response.failure_text = std::move(why);
        return response;
    }

    // Closes the fetch (which frees its body), queues the response for poll() and frees `p`.
    void finish(Pending& p, emscripten_fetch_t* fetch, HttpResponse response) {
        auto it = in_flight_.find(p.handle);
        std::unique_ptr<Pending> owned = std::move(it->second);
        in_flight_.erase(it);
        p.closing = true;
        close_fetch(fetch);
        finished_.push_back({p.handle, std::move(p.on_done), std::move(response)});
        web::wake_frame_loop(); // poll() must run soon
    }

    std::map<RequestHandle, std::unique_ptr<Pending>> in_flight_;
    std::deque<Finished> finished_;
    RequestHandle next_handle_ = 0;
};

void on_fetch_finished(emscripten_fetch_t* fetch) {
    auto* p = static_cast<Pending*>(fetch->userData);
    if (p->closing) return;
    if (!p->owner) { // cancelled without an abort: nobody waits for it any more
        p->closing = true;
        close_fetch(fetch);
        delete p;
        return;
    }
    p->owner->complete(*p, fetch);
}

void on_fetch_progress(emscripten_fetch_t* fetch) {
    auto* p = static_cast<Pending*>(fetch->userData);
    if (p->closing || !p->owner) return; // an orphan is freed when it finishes
    p->owner->progress(*p, fetch);
}

} // namespace

std::unique_ptr<Transport> make_platform_transport(const TransportOptions&) {
    // TransportOptions do not apply here: the browser owns connection timeouts and certificates.
    return std::make_unique<FetchTransport>();
}

} // namespace rd
