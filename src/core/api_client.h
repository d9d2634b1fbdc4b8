// ApiClient: builds every Partner Portal request (User-Agent, Authorization, content types) and owns
// the token's life: request, refresh before expiry, one refresh-and-retry on 401 for GETs only.
// POSTs are sent exactly once: never retried, whatever happens.
// The Client Secret and tokens live only in this object's memory; nothing here logs or stores them.
// Every copy made here is wiped (text.h wipe_string) once used: the credentials form's pieces, the
// token reply's body and its parsed JSON, the grant, and the secrets themselves on sign-out; the form
// body the transport holds is wiped by it (platform_transport.h wipe_request). Copies made by libcurl
// or the browser are out of reach.
#pragma once

#include "core/api_clock.h"
#include "core/clock.h"
#include "core/envelope.h"
#include "core/result.h"
#include "core/transport.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace rd {

struct ApiClientOptions {
    std::string base_url; // e.g. "https://openapi.partner.yeastar.com", no trailing slash needed
    std::string user_agent = "OpenAPI";
    int timeout_ms = 30000;         // token and lookups
    int order_timeout_ms = 60000;   // the order POST
    int max_refresh_margin_s = 300; // refresh a tenth of the lifetime before expiry, at most this long
};

class ApiClient {
  public:
    using ReplyHandler = std::function<void(Result<ApiReply>)>;
    using DoneHandler = std::function<void(Result<Done>)>;
    using RawReplyHandler = std::function<void(Result<HttpResponse>)>;

    ApiClient(Transport& transport, const Clock& clock, ApiClientOptions options);
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    void set_base_url(std::string base_url);
    const std::string& base_url() const { return options_.base_url; }
    const std::string& client_id() const { return client_id_; }
    int order_timeout_ms() const { return options_.order_timeout_ms; }
    const Clock& clock() const { return clock_; }
    // The API's clock as its replies' Date headers show it (every reply, whatever its status).
    const ApiClock& api_clock() const { return api_clock_; }

    // Requests an access token with the pp_credentials grant. The credentials stay in memory so an
    // expired refresh token can be replaced without asking the person again.
    void sign_in(std::string client_id, std::string client_secret, DoneHandler on_done);
    // Forgets credentials and tokens and cancels every request; pending handlers are not called.
    void sign_out();
    bool signed_in() const { return !token_.empty(); }

    void get(std::string path_and_query, ReplyHandler on_done);
    // As get(), but the reply is handed over undecoded, for a caller that reads a large list straight
    // into its models (users_reply.h); a 401 is still refreshed and retried once. The only errors are
    // those before the request left (no token).
    void get_response(std::string path_and_query, RawReplyHandler on_done);
    void post_json(std::string path, std::string body, ReplyHandler on_done);

    // The request as a curl command line, with the token replaced by <ACCESS_TOKEN>.
    std::string redacted_curl(const std::string& method, const std::string& path,
                              const std::string& body) const;

    std::size_t requests_in_flight() const { return in_flight_.size(); }
    int token_requests_sent() const { return token_requests_sent_; }

  private:
    void send_get(std::string path, RawReplyHandler on_done, bool is_retry);
    void with_fresh_token(DoneHandler then);
    void start_token_request(std::string form, bool is_refresh);
    void finish_token_request(Result<ApiReply> result, bool was_refresh);
    void notify_token_waiters(const Result<Done>& result);
    RequestHandle send(HttpRequest request, std::function<void(HttpResponse)> on_done);
    std::string credentials_form() const;
    HttpRequest make_request(const char* method, const std::string& path) const;
    std::string authorization() const;
    bool token_needs_refresh() const;
    void forget_secrets();

    Transport& transport_;
    const Clock& clock_;
    ApiClock api_clock_;
    ApiClientOptions options_;

    std::string client_id_;
    std::string client_secret_;
    std::string token_;
    std::string token_head_;
    std::string refresh_token_;
    std::int64_t token_expires_at_ms_ = 0;
    std::int64_t refresh_margin_ms_ = 0;
    std::uint64_t token_generation_ = 0; // bumped on every new token, to tell a stale 401 from a fresh one
    std::uint64_t session_ = 0;          // bumped on sign-out, so late answers of an old session are dropped

    bool token_request_in_flight_ = false;
    std::vector<DoneHandler> token_waiters_;
    std::set<RequestHandle> in_flight_;
    int token_requests_sent_ = 0;
};

// application/x-www-form-urlencoded encoding of one value.
std::string form_encode(const std::string& value);

} // namespace rd
