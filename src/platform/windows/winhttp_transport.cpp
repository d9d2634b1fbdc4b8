// Transport over WinHTTP in asynchronous mode, with the libcurl transport's rules (desktop/
// curl_transport.cpp). WinHTTP's threads only report: the status callback leaves each event in an
// inbox (winhttp_inbox.h), and poll(), on the caller's thread, takes them and moves each request on
// (receive the reply, read the body). So every request's state lives on one thread, handlers run only
// inside poll(), and there is no thread of ours, per request or otherwise.
//
// Proxy: WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY (Windows 8.1+) follows the system's settings, PAC scripts
// and WPAD included; where Windows refuses it (older systems) the static WinHTTP proxy
// (WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, `netsh winhttp`) is used. TLS: WinHTTP's default verification
// against the Windows certificate store; no SECURITY_FLAG_IGNORE_* is ever set.
//
// A POST is never re-sent and never redirected: redirects are off for every request, and a POST goes
// on a connection of its own (see open_request()), because WinHTTP, like libcurl, silently re-sends a
// request whose reused keep-alive connection closes before the reply; for an order that is a second
// order. A reply over max_reply_bytes is refused as it arrives, as the libcurl transport does.
#include "platform/desktop/finished_request_observer.h"
#include "platform/platform_transport.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/winhttp_failure.h"
#include "platform/windows/winhttp_inbox.h"
#include "platform/windows/winhttp_text.h"

#include <windows.h>
#include <winhttp.h>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace rd {
namespace {

// The libcurl transport's limit and words: the API's largest reply (10,000 users) is about 4 MB.
constexpr std::size_t max_reply_bytes = 16u << 20;
constexpr const char* too_large_text =
    "The reply was too large: more than 16 MB. RenewDesk stopped reading it.";
constexpr DWORD read_size = 64u << 10;

FinishedRequestObserver finished_request_observer; // the test seam: empty in the apps

using Clock = std::chrono::steady_clock;

struct Transfer {
    std::shared_ptr<WinHttpInbox> inbox; // the callback's way back; kept by each callback while it runs
    RequestHandle handle = 0;
    HINTERNET own_session = nullptr; // a POST's: a connection pool nothing else uses
    HINTERNET connection = nullptr;
    HINTERNET request_handle = nullptr;
    HttpRequest request;
    std::string wire_body; // WinHTTP reads the body from here until the reply's headers come
    std::vector<char> buffer;
    HttpResponse response;
    ResponseHandler on_done;
    Clock::time_point deadline;
    bool finished = false;
    bool sending_seen = false; // WinHTTP announced that it is writing the request
    DWORD secure_flags = 0;

    ~Transfer() { wipe_string(wire_body); }
};

void CALLBACK on_status(HINTERNET, DWORD_PTR context, DWORD status, void* info, DWORD length) {
    if (!context) return;
    auto* transfer = reinterpret_cast<Transfer*>(context);
    // A copy: once HANDLE_CLOSING is in the inbox, poll() may free the transfer at any moment.
    const std::shared_ptr<WinHttpInbox> inbox = transfer->inbox;
    WinHttpEvent event{.transfer = transfer, .status = status};
    if (status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE) event.value = length;
    if (status == WINHTTP_CALLBACK_STATUS_SECURE_FAILURE && info) event.value = *static_cast<DWORD*>(info);
    if (status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && info) {
        const auto* result = static_cast<WINHTTP_ASYNC_RESULT*>(info);
        event.value = result->dwError;
        event.api = static_cast<DWORD>(result->dwResult);
    }
    // The transport is gone: the transfer was left to WinHTTP, whose last word frees it.
    if (!inbox->push(event) && status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING) delete transfer;
}

constexpr DWORD notifications = WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS | WINHTTP_CALLBACK_FLAG_HANDLES |
                                WINHTTP_CALLBACK_FLAG_SEND_REQUEST | WINHTTP_CALLBACK_FLAG_SECURE_FAILURE;

HINTERNET open_session() {
    // No agent: like libcurl, only the request's own User-Agent header (the API client's) goes out.
    HINTERNET session = WinHttpOpen(nullptr, WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY, WINHTTP_NO_PROXY_NAME,
                                    WINHTTP_NO_PROXY_BYPASS, WINHTTP_FLAG_ASYNC);
    if (!session) // before Windows 8.1
        session = WinHttpOpen(nullptr, WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_NO_PROXY_NAME,
                              WINHTTP_NO_PROXY_BYPASS, WINHTTP_FLAG_ASYNC);
    if (!session) return nullptr;
    DWORD never = WINHTTP_OPTION_REDIRECT_POLICY_NEVER; // each request also disables redirects
    WinHttpSetOption(session, WINHTTP_OPTION_REDIRECT_POLICY, &never, sizeof never);
    // gzip and deflate, as libcurl accepts them; Windows 8.1+, the reply is plain without it.
    DWORD decompression = WINHTTP_DECOMPRESSION_FLAG_ALL;
    WinHttpSetOption(session, WINHTTP_OPTION_DECOMPRESSION, &decompression, sizeof decompression);
    return session;
}

// A reply header's value exactly as received, "" when there is none.
std::string header_value(HINTERNET request, DWORD query) {
    DWORD bytes = 0;
    WinHttpQueryHeaders(request, query, WINHTTP_HEADER_NAME_BY_INDEX, nullptr, &bytes,
                        WINHTTP_NO_HEADER_INDEX);
    if (GetLastError() != ERROR_INSUFFICIENT_BUFFER || bytes == 0) return {};
    std::wstring value(bytes / sizeof(wchar_t), L'\0');
    if (!WinHttpQueryHeaders(request, query, WINHTTP_HEADER_NAME_BY_INDEX, value.data(), &bytes,
                             WINHTTP_NO_HEADER_INDEX))
        return {};
    value.resize(bytes / sizeof(wchar_t));
    return windows::narrow(value);
}

// Location as libcurl's CURLINFO_REDIRECT_URL gives it: made absolute against the request's URL.
std::string absolute_location(const std::string& url, const std::string& location) {
    if (location.find("://") != std::string::npos || location.empty()) return location;
    const std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return location;
    if (location.rfind("//", 0) == 0) return url.substr(0, scheme_end + 1) + location;
    const std::size_t path = url.find('/', scheme_end + 3);
    const std::string origin = url.substr(0, path);
    if (location.front() == '/') return origin + location;
    const std::size_t last_slash = path == std::string::npos ? std::string::npos : url.rfind('/');
    return (last_slash == std::string::npos ? origin + "/" : url.substr(0, last_slash + 1)) + location;
}

class WinHttpTransport final : public Transport {
  public:
    // ca_bundle_path is not used: on Windows the system's certificate store is the trust source (an
    // intranet's TLS-inspecting proxy CA is installed there by its administrators).
    explicit WinHttpTransport(const TransportOptions& options)
        : options_(options), inbox_(std::make_shared<WinHttpInbox>()), session_(open_session()) {
        if (!session_) throw std::runtime_error("WinHTTP: " + winhttp_error_text(GetLastError()));
    }

    ~WinHttpTransport() override {
        while (!active_.empty())
            retire(active_.begin());
        ready_.clear();
        // No waiting for WinHTTP (Wine lets go of a request only once its blocking read ends): what it
        // has not let go of yet is freed by its HANDLE_CLOSING, in on_status().
        for (const WinHttpEvent& event : inbox_->orphan())
            if (event.status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING)
                closing_.erase(static_cast<Transfer*>(event.transfer));
        for (auto& [pointer, transfer] : closing_)
            transfer.release();
        WinHttpCloseHandle(session_);
    }

    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        auto owned = std::make_unique<Transfer>();
        Transfer& transfer = *owned;
        transfer.inbox = inbox_;
        transfer.handle = ++next_handle_;
        transfer.request = std::move(request);
        wipe_request(request); // a moved-from short string keeps its bytes
        transfer.on_done = std::move(on_done);
        transfer.deadline = Clock::now() + std::chrono::milliseconds(transfer.request.timeout_ms);
        auto it = active_.emplace(transfer.handle, std::move(owned)).first;
        // A failure here is delivered by the next poll(), like any other: never inside send().
        if (const DWORD error = start(transfer)) fail(it, error, /*request_may_have_left=*/false);
        return transfer.handle;
    }

    void poll() override {
        take_events();
        std::vector<RequestHandle> expired;
        const auto now = Clock::now();
        for (const auto& [handle, transfer] : active_)
            if (now >= transfer->deadline) expired.push_back(handle);
        for (RequestHandle handle : expired) {
            auto it = active_.find(handle);
            it->second->response.failure = TransportFailure::timed_out;
            it->second->response.failure_text = "No complete reply within " +
                                                std::to_string(it->second->request.timeout_ms) + " ms. " +
                                                winhttp_error_text(ERROR_WINHTTP_TIMEOUT);
            it->second->response.status = 0;
            clear_body(it->second->response);
            finish(it);
        }
        // Handlers run last, and only those ready now: they may send (a failure then waits for the
        // next poll) or cancel a request whose reply is ready, which then never reaches its handler.
        for (std::size_t count = ready_.size(); count > 0 && !ready_.empty(); --count) {
            Ready ready = std::move(ready_.front());
            ready_.pop_front();
            ready.on_done(std::move(ready.response));
        }
    }

    void cancel(RequestHandle handle) override {
        if (auto it = active_.find(handle); it != active_.end()) retire(it);
        for (auto it = ready_.begin(); it != ready_.end(); ++it)
            if (it->handle == handle) {
                ready_.erase(it);
                return;
            }
    }

    bool idle() const override { return active_.empty() && ready_.empty(); }

  private:
    struct Ready {
        RequestHandle handle;
        ResponseHandler on_done;
        HttpResponse response;
    };
    using Active = std::map<RequestHandle, std::unique_ptr<Transfer>>::iterator;

    // Opens the request's handles and sends it; an error code when that failed at once.
    DWORD start(Transfer& transfer) {
        const HttpRequest& r = transfer.request;
        const std::wstring url = windows::widen(r.url);
        URL_COMPONENTS parts{};
        parts.dwStructSize = sizeof parts;
        parts.dwSchemeLength = parts.dwHostNameLength = parts.dwUrlPathLength = parts.dwExtraInfoLength =
            DWORD(-1);
        if (!WinHttpCrackUrl(url.c_str(), static_cast<DWORD>(url.size()), 0, &parts)) return GetLastError();
        if (parts.nScheme != INTERNET_SCHEME_HTTP && parts.nScheme != INTERNET_SCHEME_HTTPS)
            return ERROR_WINHTTP_UNRECOGNIZED_SCHEME;
        const std::wstring host(parts.lpszHostName, parts.dwHostNameLength);
        std::wstring path(parts.lpszUrlPath, parts.dwUrlPathLength);
        path.append(parts.lpszExtraInfo, parts.dwExtraInfoLength);
        if (path.empty()) path = L"/";

        // Anything but a GET may change something on the server: it never rides on a reused
        // connection. Its own session has its own, empty, connection pool; keep-alive off and
        // "Connection: close" mean its connection is closed after it, never pooled for another.
        // (Wine's WinHTTP pools connections per process, so there a POST may still take a GET's idle
        // connection; Wine was seen not to re-send it when that connection dropped: tests/windows.)
        const bool fresh_connection = r.method != "GET" && r.method != "HEAD";
        HINTERNET session = session_;
        if (fresh_connection && !(session = transfer.own_session = open_session())) return GetLastError();
        if (!(transfer.connection = WinHttpConnect(session, host.c_str(), parts.nPort, 0)))
            return GetLastError();
        const DWORD secure = parts.nScheme == INTERNET_SCHEME_HTTPS ? WINHTTP_FLAG_SECURE : 0;
        HINTERNET request =
            WinHttpOpenRequest(transfer.connection, windows::widen(r.method).c_str(), path.c_str(), nullptr,
                               WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, secure);
        if (!request) return GetLastError();
        // The context first, then the callback: from then on WinHTTP reports HANDLE_CLOSING, and the
        // transfer is freed only after it (see retire()).
        DWORD_PTR context = reinterpret_cast<DWORD_PTR>(&transfer);
        if (!WinHttpSetOption(request, WINHTTP_OPTION_CONTEXT_VALUE, &context, sizeof context) ||
            WinHttpSetStatusCallback(request, on_status, notifications, 0) ==
                WINHTTP_INVALID_STATUS_CALLBACK) {
            const DWORD error = GetLastError();
            WinHttpCloseHandle(request);
            return error;
        }
        transfer.request_handle = request;

        DWORD disable = WINHTTP_DISABLE_REDIRECTS | WINHTTP_DISABLE_COOKIES;
        if (fresh_connection) disable |= WINHTTP_DISABLE_KEEP_ALIVE;
        if (!WinHttpSetOption(request, WINHTTP_OPTION_DISABLE_FEATURE, &disable, sizeof disable))
            return GetLastError();
        // No name resolution timeout: with one WinHTTP resolves on a thread per request. The
        // overall deadline, checked by poll(), bounds it as libcurl's CURLOPT_TIMEOUT_MS does.
        if (!WinHttpSetTimeouts(request, 0, options_.connect_timeout_ms, r.timeout_ms, r.timeout_ms))
            return GetLastError();
        if (const DWORD error = add_headers(request, r.headers, fresh_connection)) return error;

        transfer.buffer.resize(read_size);
        transfer.wire_body = r.body;
        const DWORD length = static_cast<DWORD>(transfer.wire_body.size());
        void* body = length ? transfer.wire_body.data() : WINHTTP_NO_REQUEST_DATA;
        if (!WinHttpSendRequest(request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, body, length, length, context))
            return GetLastError();
        return ERROR_SUCCESS;
    }

    // The headers as one UTF-16 block, wiped once WinHTTP has copied it (it holds the Authorization).
    static DWORD add_headers(HINTERNET request, const std::vector<HttpHeader>& headers, bool close) {
        std::size_t bytes = 32;
        for (const HttpHeader& header : headers)
            bytes += header.name.size() + header.value.size() + 4;
        std::wstring lines;
        lines.reserve(bytes); // never outgrown (see append_wide): no copy of it is left unwiped
        for (const HttpHeader& header : headers) {
            append_wide(lines, header.name);
            lines += L": ";
            append_wide(lines, header.value);
            lines += L"\r\n";
        }
        if (close) lines += L"Connection: close\r\n";
        DWORD error = ERROR_SUCCESS;
        if (!lines.empty() &&
            !WinHttpAddRequestHeaders(request, lines.c_str(), static_cast<DWORD>(lines.size()),
                                      WINHTTP_ADDREQ_FLAG_ADD | WINHTTP_ADDREQ_FLAG_REPLACE))
            error = GetLastError();
        wipe_wide(lines);
        return error;
    }

    // Everything WinHTTP reported since the last call, until it has nothing more to say: a call made
    // here (ReceiveResponse, ReadData) may report its completion at once.
    void take_events() {
        for (std::vector<WinHttpEvent> events = inbox_->take(); !events.empty(); events = inbox_->take())
            for (const WinHttpEvent& event : events)
                on_event(event);
    }

    void on_event(const WinHttpEvent& event) {
        auto* transfer = static_cast<Transfer*>(event.transfer);
        if (event.status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING) {
            closing_.erase(transfer); // WinHTTP's last word on it: now it may go
            return;
        }
        if (transfer->finished) return; // closed by us: whatever it still reports is moot
        const Active it = active_.find(transfer->handle);
        HINTERNET request = transfer->request_handle;
        switch (event.status) {
        case WINHTTP_CALLBACK_STATUS_SENDING_REQUEST: transfer->sending_seen = true; break;
        case WINHTTP_CALLBACK_STATUS_SECURE_FAILURE: transfer->secure_flags = event.value; break;
        case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
            if (!WinHttpReceiveResponse(request, nullptr)) fail(it, GetLastError(), true);
            break;
        case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: on_headers(it); break;
        case WINHTTP_CALLBACK_STATUS_READ_COMPLETE: on_read(it, event.value); break;
        case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: {
            DWORD error = event.value;
            // A SECURE_FAILURE that names no certificate problem is a failed handshake.
            if (error == ERROR_WINHTTP_SECURE_FAILURE &&
                transfer->secure_flags == WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR)
                error = ERROR_WINHTTP_SECURE_CHANNEL_ERROR;
            fail(it, error, transfer->sending_seen || event.api != API_SEND_REQUEST);
            break;
        }
        default: break;
        }
    }

    void on_headers(Active it) {
        Transfer& transfer = *it->second;
        HINTERNET request = transfer.request_handle;
        HttpResponse& response = transfer.response;
        wipe_string(transfer.wire_body); // WinHTTP needs it only until the reply's headers came
        DWORD status = 0, size = sizeof status;
        WinHttpQueryHeaders(request, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                            WINHTTP_HEADER_NAME_BY_INDEX, &status, &size, WINHTTP_NO_HEADER_INDEX);
        response.status = static_cast<int>(status);
        // The server's clock, from any reply whose headers arrived (a body refused or cut short included).
        response.date = header_value(request, WINHTTP_QUERY_DATE);
        // A Content-Length over the limit fails at once; on_read() checks the rest.
        const std::string length = header_value(request, WINHTTP_QUERY_CONTENT_LENGTH);
        std::uint64_t announced = 0;
        std::from_chars(length.data(), length.data() + length.size(), announced);
        if (announced > max_reply_bytes) return too_large(it);
        // The headers the core reads from a complete reply, as header lines (see core/envelope.cpp).
        if (status >= 300 && status < 400) {
            const std::string location = header_value(request, WINHTTP_QUERY_LOCATION);
            if (!location.empty())
                response.failure_text = "Location: " + absolute_location(transfer.request.url, location);
        } else if (std::string retry_after = header_value(request, WINHTTP_QUERY_RETRY_AFTER);
                   !retry_after.empty()) {
            response.failure_text = "Retry-After: " + retry_after;
        }
        read_more(it);
    }

    void on_read(Active it, DWORD bytes) {
        Transfer& transfer = *it->second;
        if (bytes == 0) return finish(it); // the whole body arrived
        if (transfer.response.body.size() + bytes > max_reply_bytes) return too_large(it);
        transfer.response.body.append(transfer.buffer.data(), bytes);
        read_more(it);
    }

    void read_more(Active it) {
        Transfer& transfer = *it->second;
        if (!WinHttpReadData(transfer.request_handle, transfer.buffer.data(), read_size, nullptr))
            fail(it, GetLastError(), true);
    }

    static void clear_body(HttpResponse& response) {
        response.body.clear();
        response.body.shrink_to_fit();
    }

    // The headers arrived, the body is refused: a failure that carries the status, as libcurl's does.
    void too_large(Active it) {
        HttpResponse& response = it->second->response;
        response.failure = TransportFailure::connection_lost;
        response.failure_text = too_large_text;
        clear_body(response);
        finish(it);
    }

    void fail(Active it, DWORD error, bool request_may_have_left) {
        HttpResponse& response = it->second->response;
        response.failure = winhttp_failure(error, request_may_have_left);
        if (response.failure == TransportFailure::none) response.failure = TransportFailure::connection_lost;
        response.failure_text = winhttp_error_text(error);
        response.status = 0;
        clear_body(response);
        finish(it);
    }

    // The response is ready for the next handlers' turn in poll().
    void finish(Active it) {
        ready_.push_back({it->first, std::move(it->second->on_done), std::move(it->second->response)});
        retire(it);
    }

    // Out of the active requests: wiped, its handles closed, freed once WinHTTP has let go of it.
    void retire(Active it) {
        std::unique_ptr<Transfer> transfer = std::move(it->second);
        active_.erase(it);
        transfer->finished = true;
        wipe_request(transfer->request);
        if (finished_request_observer) finished_request_observer(transfer->request);
        HINTERNET request = transfer->request_handle;
        HINTERNET connection = transfer->connection;
        HINTERNET session = transfer->own_session;
        // Kept before the close: WinHTTP may report HANDLE_CLOSING from inside WinHttpCloseHandle.
        if (request) closing_.emplace(transfer.get(), std::move(transfer));
        if (request) WinHttpCloseHandle(request);
        if (connection) WinHttpCloseHandle(connection);
        if (session) WinHttpCloseHandle(session);
    }

    TransportOptions options_;
    std::shared_ptr<WinHttpInbox> inbox_;
    HINTERNET session_ = nullptr; // shared by the GETs, whose connections are kept alive and reused
    std::map<RequestHandle, std::unique_ptr<Transfer>> active_;
    std::map<Transfer*, std::unique_ptr<Transfer>> closing_; // closed, until WinHTTP's HANDLE_CLOSING
    std::deque<Ready> ready_;
    RequestHandle next_handle_ = 0;
};

} // namespace

void set_finished_request_observer(FinishedRequestObserver observer) {
    finished_request_observer = std::move(observer);
}

std::unique_ptr<Transport> make_platform_transport(const TransportOptions& options) {
    return std::make_unique<WinHttpTransport>(options);
}

} // namespace rd
