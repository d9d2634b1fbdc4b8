// Transport over libcurl's multi interface: transfers advance inside poll(), on the caller's thread;
// no threads, no blocking. TLS peer and host verification stay on; redirects are not followed (a
// redirected POST could be replayed), and POSTs never ride on a reused connection (see send()).
// A reply over max_reply_bytes (after decoding gzip or brotli) is refused as it arrives, never
// buffered whole. How the core learns of that, and of the Retry-After and Location headers, is
// described at the top of src/core/envelope.cpp.
#include "platform/desktop/curl_failure.h"
#include "platform/desktop/finished_request_observer.h"
#include "platform/platform_transport.h"

#include <curl/curl.h>

#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace rd {
namespace {

// Replies larger than this are refused: the API's largest (10,000 subordinate users) is about 4 MB.
constexpr std::size_t max_reply_bytes = 16u << 20;
constexpr const char* too_large_text =
    "The reply was too large: more than 16 MB. RenewDesk stopped reading it.";

FinishedRequestObserver finished_request_observer; // the test seam: empty in the apps

struct Transfer {
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    HttpRequest request; // owns the body curl reads from
    HttpResponse response;
    ResponseHandler on_done;
    char error_text[CURL_ERROR_SIZE] = {};
    bool too_large = false;

    // curl reads the body and the header list in place until curl_easy_cleanup: wipe them after it.
    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
        for (curl_slist* line = headers; line; line = line->next)
            wipe_bytes(line->data, std::strlen(line->data));
        if (headers) curl_slist_free_all(headers);
        wipe_request(request);
        if (finished_request_observer) finished_request_observer(request);
    }
};

size_t append_body(char* data, size_t size, size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    if (transfer.response.body.size() + size * count > max_reply_bytes) {
        transfer.too_large = true;
        return 0; // curl stops the transfer: CURLE_WRITE_ERROR
    }
    transfer.response.body.append(data, size * count);
    return size * count;
}

// The value of a header of the reply ("" when it has none), exactly as received.
std::string header_value(CURL* easy, const char* name) {
    curl_header* header = nullptr;
    if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || !header) return {};
    return header->value;
}

// A header of the reply as a line ("Retry-After: 30"), or "" when it has none.
std::string header_line(CURL* easy, const char* name) {
    std::string value = header_value(easy, name);
    return value.empty() ? std::string() : std::string(name) + ": " + value;
}

class CurlTransport final : public Transport {
  public:
    explicit CurlTransport(const TransportOptions& options) : options_(options) {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        multi_ = curl_multi_init();
        if (!multi_) throw std::runtime_error("libcurl: curl_multi_init failed");
    }

    ~CurlTransport() override {
        for (auto& [handle, transfer] : transfers_)
            curl_multi_remove_handle(multi_, transfer->easy);
        transfers_.clear();
        curl_multi_cleanup(multi_);
    }

    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        auto transfer = std::make_unique<Transfer>();
        transfer->request = std::move(request);
        wipe_request(request); // a moved-from short string keeps its bytes
        transfer->on_done = std::move(on_done);
        CURL* easy = transfer->easy = curl_easy_init();
        const HttpRequest& r = transfer->request;
        curl_easy_setopt(easy, CURLOPT_URL, r.url.c_str());
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout_ms));
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_ms));
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); // any encoding curl can decode
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        if (options_.ca_bundle_path) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_bundle_path);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error_text);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append_body);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
        // A Content-Length over the limit fails at once (CURLE_FILESIZE_EXCEEDED); append_body checks the
        // rest.
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_reply_bytes));
        if (r.method == "POST") {
            // A POST gets a connection of its own: on a reused keep-alive connection that dies without
            // a reply, libcurl silently re-sends the request, which for an order means a second order.
            curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
            curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
            curl_easy_setopt(easy, CURLOPT_POST, 1L);
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, r.body.c_str());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        } else {
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        }
        for (const auto& h : r.headers) {
            std::string line = h.name + ": " + h.value; // curl copies it
            transfer->headers = curl_slist_append(transfer->headers, line.c_str());
            wipe_string(line);
        }
        transfer->headers = curl_slist_append(transfer->headers, "Expect:"); // no 100-continue round trip
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);

        RequestHandle handle = ++next_handle_;
        curl_multi_add_handle(multi_, easy);
        transfers_.emplace(handle, std::move(transfer));
        return handle;
    }

    void poll() override {
        if (transfers_.empty()) return;
        int running = 0;
        curl_multi_perform(multi_, &running);
        std::vector<std::unique_ptr<Transfer>> finished;
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            for (auto it = transfers_.begin(); it != transfers_.end(); ++it) {
                if (it->second->easy != message->easy_handle) continue;
                finish(*it->second, message->data.result);
                curl_multi_remove_handle(multi_, it->second->easy);
                finished.push_back(std::move(it->second));
                transfers_.erase(it);
                break;
            }
        }
        // Handlers run last: they may send or cancel other requests.
        for (auto& transfer : finished)
            transfer->on_done(std::move(transfer->response));
    }

    void cancel(RequestHandle handle) override {
        auto it = transfers_.find(handle);
        if (it == transfers_.end()) return;
        curl_multi_remove_handle(multi_, it->second->easy);
        transfers_.erase(it);
    }

    bool idle() const override { return transfers_.empty(); }

  private:
    static void finish(Transfer& transfer, CURLcode code) {
        HttpResponse& response = transfer.response;
        long status = 0;
        curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
        // The server's clock: its Date header, from any reply whose headers arrived (a body refused
        // or cut short included).
        response.date = header_value(transfer.easy, "Date");
        if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
            // The headers arrived, the body is refused: a failure that carries the status.
            response.failure = TransportFailure::connection_lost;
            response.status = static_cast<int>(status);
            response.failure_text = too_large_text;
            response.body.clear();
            response.body.shrink_to_fit();
            return;
        }
        response.failure = curl_failure(code);
        if (response.failure != TransportFailure::none) {
            response.failure_text = transfer.error_text[0] ? transfer.error_text : curl_easy_strerror(code);
            response.body.clear();
            return;
        }
        response.status = static_cast<int>(status);
        // The headers the core reads from a complete reply, as header lines (see envelope.cpp).
        if (status >= 300 && status < 400) {
            char* location = nullptr;
            curl_easy_getinfo(transfer.easy, CURLINFO_REDIRECT_URL, &location);
            if (location) response.failure_text = std::string("Location: ") + location;
        } else {
            response.failure_text = header_line(transfer.easy, "Retry-After");
        }
    }

    TransportOptions options_;
    CURLM* multi_ = nullptr;
    std::map<RequestHandle, std::unique_ptr<Transfer>> transfers_;
    RequestHandle next_handle_ = 0;
};

} // namespace

void set_finished_request_observer(FinishedRequestObserver observer) {
    finished_request_observer = std::move(observer);
}

std::unique_ptr<Transport> make_platform_transport(const TransportOptions& options) {
    return std::make_unique<CurlTransport>(options);
}

} // namespace rd
