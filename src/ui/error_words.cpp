#include "error_words.h"

#include "catalog.h"
#include "kit/widgets.h"

#include <cstring>
#include <optional>

namespace rd::ui {
namespace {

Text kind_sentence(const ApiError& error) {
    switch (error.kind) {
    case ErrorKind::network:
        if (error.untrusted_certificate) return Text::error_untrusted_certificate;
        if (error.timed_out) return Text::error_timed_out;
        return error.request_may_have_left ? Text::error_connection_lost : Text::error_unreachable;
    case ErrorKind::http: return Text::error_http;
    case ErrorKind::api: return Text::error_api;
    case ErrorKind::auth: return Text::error_auth;
    case ErrorKind::parse: return Text::error_parse;
    case ErrorKind::input: return Text::error_input;
    }
    return Text::error_parse;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}
bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// `text` made from the English format `fmt` with one %s: the argument; `rest` is what follows.
std::optional<std::string> match_format(const std::string& text, Text fmt, std::string* rest = nullptr) {
    const std::string pattern = en(fmt);
    const auto hole = pattern.find("%s");
    const std::string before = pattern.substr(0, hole), after = pattern.substr(hole + 2);
    if (!starts_with(text, before)) return std::nullopt;
    const std::string tail = text.substr(before.size());
    const auto end = after.empty() ? tail.size() : tail.find(after);
    if (end == std::string::npos) return std::nullopt;
    if (rest) *rest = tail.substr(end + after.size());
    return tail.substr(0, end);
}

// "in 30 seconds", "in 3 minutes", "after <date>", "later", "now" (the core's retry times).
std::string retry_time(const std::string& when) {
    if (when == en(Text::retry_later)) return tr(Text::retry_later);
    if (when == en(Text::retry_now)) return tr(Text::retry_now);
    for (Text fmt : {Text::retry_in_seconds_fmt, Text::retry_in_minutes_fmt, Text::retry_after_fmt})
        if (auto value = match_format(when, fmt)) return format(fmt, value->c_str());
    return when;
}

// The core's own sentences, translated; nothing when it is not one of them.
std::optional<std::string> known_detail(const std::string& detail) {
    for (Text exact : {Text::error_reply_empty, Text::error_reply_not_json, Text::error_reply_not_envelope,
                       Text::error_success_with_http_error, Text::error_not_signed_in,
                       Text::error_enter_client_id, Text::error_enter_client_secret})
        if (detail == en(exact)) return std::string(tr(exact));
    if (ends_with(detail, en(Text::error_id_digits_only))) return std::string(tr(Text::error_id_digits_only));
    if (ends_with(detail, en(Text::error_id_empty))) return std::string(tr(Text::error_id_empty));
    if (starts_with(detail, en(Text::error_redirected))) return std::string(tr(Text::error_redirected));
    return std::nullopt;
}

// The envelope's detailMessage (the server's own words), as opposed to the core's explanations.
bool from_server(const ApiError& error) {
    return (error.kind == ErrorKind::api || error.kind == ErrorKind::auth) && !error.code.empty();
}

std::string detail_words(const ApiError& error) {
    std::string detail = error.detail_message;
    std::string out;
    for (Text busy : {Text::error_busy_fmt, Text::error_unavailable_fmt}) {
        std::string rest;
        if (auto when = match_format(detail, busy, &rest)) {
            out = format(busy, retry_time(*when).c_str());
            detail = starts_with(rest, " ") ? rest.substr(1) : rest;
            break;
        }
    }
    if (detail.empty()) return out;
    std::string words;
    if (from_server(error) || (error.kind == ErrorKind::http && !error.code.empty()))
        words = format(Text::error_server_says_fmt, detail.c_str());
    else if (auto known = known_detail(detail)) words = *known;
    else words = format(Text::error_detail_fmt, detail.c_str());
    return out.empty() ? words : out + format(Text::next_sentence_fmt, words.c_str());
}

} // namespace

std::string error_words(const ApiError& error) {
    std::string text = tr(kind_sentence(error));
    if (const std::string detail = detail_words(error); !detail.empty())
        text += format(Text::next_sentence_fmt, detail.c_str());
    if (!error.code.empty()) text += format(Text::error_code_fmt, error.code.c_str());
    if (error.http_status != 0) text += format(Text::error_http_status_fmt, error.http_status);
    if (!error.excerpt.empty()) text += format(Text::error_reply_began_fmt, error.excerpt.c_str());
    if (!error.request_id.empty()) text += format(Text::error_request_id_fmt, error.request_id.c_str());
    return text;
}

} // namespace rd::ui
