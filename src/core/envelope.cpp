// Reading a reply: transport failures, redirects, busy servers, then the body, made valid UTF-8 and
// parsed strictly (strict_json.h), then the API's envelope.
//
// What the transports tell beyond HttpResponse's members (transport.h has no header list):
//  - a complete response's `failure_text` holds the only reply headers the core reads, as header lines
//    ("Retry-After: 30", "Location: https://..."), and is empty otherwise;
//  - a failure with a non-zero `status` means the headers arrived and the transport then refused the
//    body (too large, or a redirect the browser followed): `failure_text` says why.
#include "core/envelope.h"

#include "core/json_scan.h"
#include "core/strict_json.h"
#include "core/text.h"

#include <cctype>
#include <charconv>
#include <string_view>
#include <vector>

namespace rd {
namespace {

constexpr std::size_t excerpt_length = 160;

bool is_2xx(int status) {
    return status >= 200 && status < 300;
}

// ---- errors ----

// The value of header `name` among `lines` ("Name: value" lines), or "".
std::string header_value(std::string_view lines, std::string_view name) {
    while (!lines.empty()) {
        const std::size_t end = lines.find('\n');
        std::string_view line = lines.substr(0, end);
        lines = end == std::string_view::npos ? std::string_view{} : lines.substr(end + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos ||
            ascii_lowercase(std::string(line.substr(0, colon))) != ascii_lowercase(std::string(name)))
            continue;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() && (value.back() == '\r' || value.back() == ' ' || value.back() == '\t'))
            value.remove_suffix(1);
        return std::string(value);
    }
    return {};
}

// 429 and 503 say "not now", whoever sent them: the person is told when to try again.
bool is_busy(int status) {
    return status == 429 || status == 503;
}

// When to try again, from Retry-After: seconds, an HTTP date (kept as text), or neither ("later").
ErrorDetail busy_detail(const HttpResponse& response) {
    ErrorDetail detail{.kind = response.status == 429 ? DetailKind::busy : DetailKind::unavailable};
    const std::string retry_after = header_value(response.failure_text, "Retry-After");
    if (retry_after.empty()) return detail;
    if (retry_after.size() > 9 || retry_after.find_first_not_of("0123456789") != std::string::npos) {
        detail.value = utf8_prefix(retry_after, 40); // an HTTP date
        return detail;
    }
    std::from_chars(retry_after.data(), retry_after.data() + retry_after.size(), detail.number);
    return detail;
}

std::string string_member(const Json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_null()) return {};
    return json_text(*it);
}

ApiError transport_error(const HttpResponse& response) {
    if (response.status != 0) {
        // The headers arrived; the transport refused the rest (too large, redirected): a reply that
        // could not be read, from a request that certainly reached the server.
        ApiError error{.kind = is_2xx(response.status) ? ErrorKind::parse : ErrorKind::http,
                       .http_status = response.status,
                       .transport_text = response.failure_text};
        error.request_may_have_left = true;
        return error;
    }
    ApiError error{.kind = ErrorKind::network, .transport_text = response.failure_text};
    error.timed_out = response.failure == TransportFailure::timed_out;
    error.untrusted_certificate = response.failure == TransportFailure::untrusted_certificate;
    error.request_may_have_left =
        response.failure != TransportFailure::could_not_send && !error.untrusted_certificate;
    return error;
}

ApiError redirect_error(const HttpResponse& response) {
    const std::string location = header_value(response.failure_text, "Location");
    ApiError error{.kind = ErrorKind::http, .http_status = response.status};
    error.detail = {.kind = DetailKind::redirected, .subject = utf8_prefix(location, 200)};
    error.request_may_have_left = true;
    return error;
}

ApiError unreadable_body(const HttpResponse& response, BodySecrets secrets, ErrorDetail why) {
    ApiError error{.kind = is_2xx(response.status) ? ErrorKind::parse : ErrorKind::http};
    error.http_status = response.status;
    error.detail = is_busy(response.status) ? busy_detail(response) : std::move(why);
    error.request_may_have_left = true;
    if (secrets == BodySecrets::none) error.excerpt = body_excerpt(response.body);
    return error;
}

} // namespace

std::string body_excerpt(const std::string& body) {
    std::string lower = ascii_lowercase(body.substr(0, 4096));
    auto title = lower.find("<title>");
    auto title_end = lower.find("</title>");
    std::string text = body;
    if (title != std::string::npos && title_end != std::string::npos && title_end > title)
        text = body.substr(title + 7, title_end - title - 7);
    std::string out;
    bool space = false;
    for (unsigned char c : text) {
        if (out.size() > excerpt_length) break; // enough to know a cut is needed
        if (std::isspace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += std::isprint(c) || c >= 0x80 ? static_cast<char>(c) : '?';
    }
    bool changed = false;
    return utf8_prefix(valid_utf8(out, changed), excerpt_length); // a cut never splits a character
}

Result<ApiReply> decode_envelope(const HttpResponse& response, BodySecrets secrets) {
    if (response.failure != TransportFailure::none) return transport_error(response);
    if (response.status >= 300 && response.status < 400) return redirect_error(response);

    // Most replies are well-formed UTF-8: they are parsed in place, not through a repaired copy.
    std::string repaired_body;
    const std::string_view text = utf8_text(response.body, repaired_body);
    ErrorDetail refusal;
    std::optional<Json> document = parse_strict(text, refusal);
    if (!document) {
        if (refusal.kind != DetailKind::none) return unreadable_body(response, secrets, refusal);
        return unreadable_body(
            response, secrets,
            {.kind = response.body.empty() ? DetailKind::reply_empty : DetailKind::reply_not_json});
    }
    Json& body = *document;
    if (!body.is_object() || !body.contains("code"))
        return unreadable_body(response, secrets, {.kind = DetailKind::not_envelope});

    std::string code = string_member(body, "code");
    int status = response.status;
    if (auto it = body.find("status"); it != body.end() && it->is_number_integer()) status = it->get<int>();

    if (code == "success" && is_2xx(response.status)) {
        auto result = body.find("result");
        return ApiReply{.result = result == body.end() ? Json() : std::move(*result),
                        .request_id = string_member(body, "requestId")};
    }

    ApiError error;
    error.kind = (status == 401 || status == 403 || response.status == 401 || response.status == 403)
                     ? ErrorKind::auth
                     : ErrorKind::api;
    error.http_status = response.status;
    error.code = code;
    error.api_text = string_member(body, "detailMessage");
    error.request_id = string_member(body, "requestId");
    error.request_may_have_left = true;
    if (code == "success") { // success in the body but an HTTP error on the wire: trust neither
        error.kind = ErrorKind::http;
        error.api_text.clear(); // the detailMessage of a "success" explains nothing about the error
        error.detail.kind = DetailKind::success_with_http_error;
    }
    if (body["code"].is_number()) {
        // A gateway's JSON ({"code":504,"message":"Gateway Timeout"}), not the API's envelope: say what
        // it says. A 401/403 stays an auth error (a gateway may check the token too).
        if (error.kind == ErrorKind::api)
            error.kind = is_2xx(response.status) ? ErrorKind::parse : ErrorKind::http;
        if (error.api_text.empty() && error.detail.kind == DetailKind::none)
            error.api_text = string_member(body, "message");
        if (error.api_text.empty() && error.detail.kind == DetailKind::none)
            error.detail.kind = DetailKind::not_envelope;
    }
    if (is_busy(response.status)) error.detail = busy_detail(response); // the API's words stay beside it
    return error;
}

} // namespace rd
