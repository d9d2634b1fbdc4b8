#include "core/api_client.h"

#include "core/api_paths.h"
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace rd {
namespace {

ApiError not_signed_in() {
    return ApiError{.kind = ErrorKind::auth, .detail = {.kind = DetailKind::not_signed_in}};
}

// Single-quoted for a POSIX shell: ' becomes '\''.
std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

std::string form_encode(const std::string& value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size() * 3); // never reallocated: no copy of a secret is left behind in freed memory
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

ApiClient::ApiClient(Transport& transport, const Clock& clock, ApiClientOptions options)
    : transport_(transport), clock_(clock), options_(std::move(options)) {
    set_base_url(options_.base_url);
}

ApiClient::~ApiClient() {
    sign_out();
}

void ApiClient::set_base_url(std::string base_url) {
    while (!base_url.empty() && base_url.back() == '/')
        base_url.pop_back();
    if (base_url != options_.base_url) api_clock_.forget(); // another host, another clock
    options_.base_url = std::move(base_url);
}

void ApiClient::sign_in(std::string client_id, std::string client_secret, DoneHandler on_done) {
    sign_out();
    client_id_ = std::move(client_id);
    client_secret_ = std::move(client_secret);
    token_waiters_.push_back(std::move(on_done));
    start_token_request(credentials_form(), /*is_refresh=*/false);
}

std::string ApiClient::credentials_form() const {
    std::string id = form_encode(client_id_), secret = form_encode(client_secret_);
    std::string form;
    form.reserve(64 + id.size() + secret.size()); // one buffer, never reallocated
    form += "grant_type=pp_credentials&client_id=";
    form += id;
    form += "&client_secret=";
    form += secret;
    wipe_string(id);
    wipe_string(secret);
    return form;
}

void ApiClient::sign_out() {
    ++session_;
    for (RequestHandle handle : in_flight_)
        transport_.cancel(handle);
    in_flight_.clear();
    token_waiters_.clear();
    token_request_in_flight_ = false;
    forget_secrets();
}

void ApiClient::forget_secrets() {
    wipe_string(client_id_);
    wipe_string(client_secret_);
    wipe_string(token_);
    wipe_string(refresh_token_);
    token_head_.clear();
    token_expires_at_ms_ = 0;
}

HttpRequest ApiClient::make_request(const char* method, const std::string& path) const {
    HttpRequest request;
    request.method = method;
    request.url = options_.base_url + path;
    request.timeout_ms = options_.timeout_ms;
    request.headers.push_back({"User-Agent", options_.user_agent});
    return request;
}

std::string ApiClient::authorization() const {
    std::string head = token_head_.empty() ? "Bearer " : token_head_;
    if (head.back() != ' ') head += ' ';
    return head + token_;
}

bool ApiClient::token_needs_refresh() const {
    return clock_.now_ms() >= token_expires_at_ms_ - refresh_margin_ms_;
}

RequestHandle ApiClient::send(HttpRequest request, std::function<void(HttpResponse)> on_done) {
    // The handle is known only after send() returns; handlers run later, inside poll().
    auto handle = std::make_shared<RequestHandle>(0);
    const std::int64_t sent_at = clock_.epoch_ms();
    *handle = transport_.send(std::move(request),
                              [this, handle, sent_at, on_done = std::move(on_done)](HttpResponse response) {
                                  in_flight_.erase(*handle);
                                  api_clock_.observe(response.date, sent_at, clock_.epoch_ms());
                                  on_done(std::move(response));
                              });
    in_flight_.insert(*handle);
    return *handle;
}

void ApiClient::start_token_request(std::string form, bool is_refresh) {
    HttpRequest request = make_request("POST", paths::token);
    request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
    request.body = std::move(form);
    token_request_in_flight_ = true;
    ++token_requests_sent_;
    std::uint64_t session = session_;
    send(std::move(request), [this, session, is_refresh](HttpResponse response) {
        Result<ApiReply> reply = decode_envelope(response, BodySecrets::may_contain_tokens);
        wipe_string(response.body); // it holds the tokens
        if (session == session_) finish_token_request(std::move(reply), is_refresh);
        else if (reply) wipe_json_strings(reply.value().result);
    });
}

void ApiClient::finish_token_request(Result<ApiReply> result, bool was_refresh) {
    token_request_in_flight_ = false;
    Result<TokenGrant> grant =
        result ? decode_token(result.value().result) : Result<TokenGrant>(result.error());
    if (result) wipe_json_strings(result.value().result); // the parsed reply's copy of the tokens
    if (!grant && was_refresh && !client_secret_.empty() && grant.error().kind != ErrorKind::network) {
        // The refresh token was refused: ask again with the credentials, once.
        wipe_string(refresh_token_);
        start_token_request(credentials_form(), /*is_refresh=*/false);
        return;
    }
    if (!grant) {
        if (grant.error().kind != ErrorKind::network) {
            wipe_string(token_);
            wipe_string(refresh_token_);
        }
        notify_token_waiters(grant.error());
        return;
    }
    TokenGrant& g = grant.value();
    wipe_string(token_); // the token being replaced
    token_ = std::move(g.token);
    token_head_ = std::move(g.token_head);
    if (!g.refresh_token.empty()) {
        wipe_string(refresh_token_);
        refresh_token_ = std::move(g.refresh_token);
    }
    wipe_string(g.token); // a short string moved from keeps its bytes in place
    wipe_string(g.refresh_token);
    std::int64_t lifetime_ms = g.expires_in_s * 1000;
    refresh_margin_ms_ = std::min<std::int64_t>(lifetime_ms / 10, options_.max_refresh_margin_s * 1000LL);
    token_expires_at_ms_ = clock_.now_ms() + lifetime_ms;
    ++token_generation_;
    notify_token_waiters(Done{});
}

void ApiClient::notify_token_waiters(const Result<Done>& result) {
    std::vector<DoneHandler> waiters;
    waiters.swap(token_waiters_);
    std::uint64_t session = session_;
    for (auto& waiter : waiters) {
        if (session != session_) return; // a waiter signed out
        waiter(result);
    }
}

void ApiClient::with_fresh_token(DoneHandler then) {
    // No token but the credentials in memory (a failed refresh wiped it): ask with the credentials.
    if (token_.empty() && !token_request_in_flight_ && client_secret_.empty()) {
        then(not_signed_in());
        return;
    }
    if (!token_.empty() && !token_request_in_flight_ && !token_needs_refresh()) {
        then(Done{});
        return;
    }
    token_waiters_.push_back(std::move(then));
    if (token_request_in_flight_) return;
    if (!refresh_token_.empty())
        start_token_request("grant_type=refresh_token&refresh_token=" + form_encode(refresh_token_), true);
    else start_token_request(credentials_form(), false);
}

void ApiClient::get(std::string path_and_query, ReplyHandler on_done) {
    send_get(
        std::move(path_and_query),
        [on_done = std::move(on_done)](Result<HttpResponse> response) {
            on_done(response ? decode_envelope(response.value()) : Result<ApiReply>(response.error()));
        },
        /*is_retry=*/false);
}

void ApiClient::get_response(std::string path_and_query, RawReplyHandler on_done) {
    send_get(std::move(path_and_query), std::move(on_done), /*is_retry=*/false);
}

void ApiClient::send_get(std::string path, RawReplyHandler on_done, bool is_retry) {
    with_fresh_token(
        [this, path = std::move(path), on_done = std::move(on_done), is_retry](Result<Done> ready) mutable {
            if (!ready) {
                on_done(ready.error());
                return;
            }
            HttpRequest request = make_request("GET", path);
            request.headers.push_back({"Authorization", authorization()});
            std::uint64_t generation = token_generation_;
            std::uint64_t session = session_;
            send(std::move(request), [this, path, on_done = std::move(on_done), is_retry, generation,
                                      session](HttpResponse response) mutable {
                if (session != session_) return;
                // Only a 401 can be the token's refusal, so only then is the envelope read here.
                if (response.status == 401 && !is_retry) {
                    Result<ApiReply> result = decode_envelope(response);
                    if (!result && result.error().kind == ErrorKind::auth) {
                        // The token was refused: get a new one (unless another request did) and retry once.
                        if (generation == token_generation_) token_expires_at_ms_ = 0;
                        send_get(std::move(path), std::move(on_done), /*is_retry=*/true);
                        return;
                    }
                }
                on_done(std::move(response));
            });
        });
}

void ApiClient::post_json(std::string path, std::string body, ReplyHandler on_done) {
    with_fresh_token([this, path = std::move(path), body = std::move(body),
                      on_done = std::move(on_done)](Result<Done> ready) mutable {
        if (!ready) {
            ApiError error = ready.error();
            error.request_may_have_left = false; // the token request failed: the POST itself never left
            on_done(std::move(error));
            return;
        }
        HttpRequest request = make_request("POST", path);
        request.timeout_ms = options_.order_timeout_ms;
        request.headers.push_back({"Content-Type", "application/json"});
        request.headers.push_back({"Authorization", authorization()});
        request.body = std::move(body);
        std::uint64_t session = session_;
        std::uint64_t generation = token_generation_;
        send(std::move(request),
             [this, session, generation, on_done = std::move(on_done)](HttpResponse response) {
                 if (session != session_) return;
                 // A refused token is stale: the next request refreshes it. The POST itself is never retried.
                 if (response.failure == TransportFailure::none && response.status == 401 &&
                     generation == token_generation_)
                     token_expires_at_ms_ = 0;
                 on_done(decode_envelope(response));
             });
    });
}

std::string ApiClient::redacted_curl(const std::string& method, const std::string& path,
                                     const std::string& body) const {
    std::string command = "curl -X " + method + " " + shell_quote(options_.base_url + path);
    command += " \\\n  -H " + shell_quote("User-Agent: " + options_.user_agent);
    command += " \\\n  -H " + shell_quote("Authorization: Bearer <ACCESS_TOKEN>");
    if (!body.empty()) {
        command += " \\\n  -H " + shell_quote("Content-Type: application/json");
        command += " \\\n  --data-raw " + shell_quote(body);
    }
    return command;
}

} // namespace rd
