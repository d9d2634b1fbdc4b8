// FakeTransport and FakeClock: the unit-test doubles of the core's two platform seams.
// Requests wait in `pending` until the test answers them; answers are delivered inside poll(),
// as a real transport does.
#pragma once

#include "core/clock.h"
#include "core/json.h"
#include "core/transport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <concepts>
#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rd::test {

class FakeClock final : public Clock {
  public:
    std::int64_t now_ms() const override { return now; }
    std::int64_t epoch_ms() const override { return epoch_at_start + now; }
    std::int64_t now = 1'000'000;
    std::int64_t epoch_at_start = 1'700'000'000'000; // 2023-11-14, in milliseconds
};

class FakeTransport final : public Transport {
  public:
    struct Pending {
        RequestHandle handle;
        HttpRequest request;
        ResponseHandler handler;
    };

    // Stands in for the part of the API a test does not step by hand (e.g. an order's details): a
    // response it returns is delivered at the next poll(); nullopt leaves the request pending.
    std::function<std::optional<HttpResponse>(const HttpRequest&)> answer_at_once;

    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        sent.push_back(request);
        if (answer_at_once)
            if (std::optional<HttpResponse> response = answer_at_once(request)) {
                ready_.push_back({std::move(on_done), std::move(*response)});
                return ++next_handle_;
            }
        pending.push_back({++next_handle_, std::move(request), std::move(on_done)});
        return next_handle_;
    }

    void poll() override {
        while (!ready_.empty()) {
            auto [handler, response] = std::move(ready_.front());
            ready_.pop_front();
            handler(std::move(response));
        }
    }

    void cancel(RequestHandle handle) override {
        std::erase_if(pending, [&](const Pending& p) { return p.handle == handle; });
        ++cancelled;
    }

    bool idle() const override { return pending.empty() && ready_.empty(); }

    // Answers the oldest pending request whose URL contains `url_part`, then polls.
    void reply(const std::string& url_part, HttpResponse response) {
        auto it = std::find_if(pending.begin(), pending.end(), [&](const Pending& p) {
            return p.request.url.find(url_part) != std::string::npos;
        });
        if (it == pending.end()) throw std::runtime_error("no pending request for " + url_part);
        ready_.push_back({std::move(it->handler), std::move(response)});
        pending.erase(it);
        poll();
    }

    std::size_t pending_count(const std::string& url_part) const {
        return std::count_if(pending.begin(), pending.end(), [&](const Pending& p) {
            return p.request.url.find(url_part) != std::string::npos;
        });
    }

    std::size_t sent_count(const std::string& url_part) const {
        return std::count_if(sent.begin(), sent.end(),
                             [&](const HttpRequest& r) { return r.url.find(url_part) != std::string::npos; });
    }

    std::vector<HttpRequest> sent;
    std::vector<Pending> pending;
    int cancelled = 0;

  private:
    RequestHandle next_handle_ = 0;
    std::deque<std::pair<ResponseHandler, HttpResponse>> ready_;
};

inline std::string header(const HttpRequest& request, const std::string& name) {
    for (const auto& h : request.headers)
        if (h.name == name) return h.value;
    return {};
}

inline HttpResponse raw(int status, std::string body) {
    return HttpResponse{.status = status, .body = std::move(body)};
}

// The API's success envelope around `result` (its members in name order, as nlohmann::json writes them).
template <class Doc> HttpResponse success_envelope(const Doc& result, const std::string& request_id) {
    Doc body = {{"code", "success"},
                {"detailMessage", ""},
                {"requestId", request_id},
                {"result", result},
                {"status", 200}};
    return raw(200, body.dump());
}

inline HttpResponse ok(const nlohmann::json& result,
                       const std::string& request_id = "0123456789abcdef0123456789abcdef") {
    return success_envelope(result, request_id);
}

// A result built as the product's own rd::Json (one a test also hands to a decoder): no conversion,
// its members go out in the order they were written.
template <std::same_as<Json> Doc>
HttpResponse ok(const Doc& result, const std::string& request_id = "0123456789abcdef0123456789abcdef") {
    return success_envelope(result, request_id);
}

inline HttpResponse api_error(int status, const std::string& code, const std::string& detail,
                              const std::string& request_id = "fedcba9876543210fedcba9876543210") {
    nlohmann::json body = {{"code", code},
                           {"detailMessage", detail},
                           {"requestId", request_id},
                           {"result", nullptr},
                           {"status", status}};
    return raw(status, body.dump());
}

inline HttpResponse failure(TransportFailure kind) {
    return HttpResponse{.failure = kind, .failure_text = "simulated transport failure"};
}

inline nlohmann::json token_result(const std::string& token = "access-1",
                                   const std::string& refresh = "refresh-1",
                                   const std::string& expires_in = "1800") {
    return {{"expiresIn", expires_in}, {"refreshToken", refresh}, {"token", token}, {"tokenHead", "Bearer "}};
}

} // namespace rd::test
