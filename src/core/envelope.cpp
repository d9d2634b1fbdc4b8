#include "envelope.h"

#include "text.h"

#include <cctype>

namespace rd {
namespace {

constexpr std::size_t excerpt_length = 160;
constexpr int max_nesting = 64; // the API's documents nest 4 or 5 levels

bool is_2xx(int status) { return status >= 200 && status < 300; }

// One pass over the text, brackets outside strings counted: far cheaper than a parser callback.
bool nesting_exceeds(const std::string& text, int limit) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

std::string string_member(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_null()) return {};
    return json_text(*it);
}

ApiError transport_error(const HttpResponse& response) {
    ApiError error{.kind = ErrorKind::network, .detail_message = response.failure_text};
    error.timed_out = response.failure == TransportFailure::timed_out;
    error.request_may_have_left = response.failure != TransportFailure::could_not_send;
    return error;
}

ApiError unreadable_body(const HttpResponse& response, BodySecrets secrets, std::string why) {
    ApiError error{.kind = is_2xx(response.status) ? ErrorKind::parse : ErrorKind::http};
    error.http_status = response.status;
    error.detail_message = std::move(why);
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
    return utf8_prefix(out, excerpt_length); // a cut never splits a character
}

Result<ApiReply> decode_envelope(const HttpResponse& response, BodySecrets secrets) {
    if (response.failure != TransportFailure::none) return transport_error(response);

    // The decoders and the raw-JSON views walk documents recursively: refuse absurd nesting up front.
    if (nesting_exceeds(response.body, max_nesting))
        return unreadable_body(response, secrets, "The reply is nested too deeply to be the API's JSON.");
    nlohmann::json body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded())
        return unreadable_body(response, secrets,
                               response.body.empty() ? "The reply was empty." : "The reply is not JSON.");
    if (!body.is_object() || !body.contains("code"))
        return unreadable_body(response, secrets, "The reply is JSON but not the API's envelope.");

    std::string code = string_member(body, "code");
    int status = response.status;
    if (auto it = body.find("status"); it != body.end() && it->is_number_integer()) status = it->get<int>();

    if (code == "success" && is_2xx(response.status)) {
        auto result = body.find("result");
        return ApiReply{.result = result == body.end() ? nlohmann::json() : std::move(*result),
                        .request_id = string_member(body, "requestId")};
    }

    ApiError error;
    error.kind = (status == 401 || status == 403 || response.status == 401 || response.status == 403)
                     ? ErrorKind::auth
                     : ErrorKind::api;
    error.http_status = response.status;
    error.code = code;
    error.detail_message = string_member(body, "detailMessage");
    error.request_id = string_member(body, "requestId");
    error.request_may_have_left = true;
    if (code == "success") { // success in the body but an HTTP error on the wire: trust neither
        error.kind = ErrorKind::http;
        error.detail_message = "The reply says success but its HTTP status is an error.";
    }
    return error;
}

} // namespace rd
