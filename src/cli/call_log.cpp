#include "cli/call_log.h"

#include "cli/display_width.h"
#include "cli/terminal.h"
#include "core/text.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace rd::cli {
namespace {

const char* failure_words(TransportFailure failure) {
    switch (failure) {
    case TransportFailure::none: return "";
    case TransportFailure::could_not_send: return "could not send";
    case TransportFailure::untrusted_certificate: return "untrusted certificate";
    case TransportFailure::timed_out: return "timed out";
    case TransportFailure::connection_lost: return "connection lost";
    }
    return "failed";
}

bool secret_looking(std::string_view name) {
    const std::string lower = ascii_lowercase(std::string(name));
    for (const char* word : {"token", "secret", "password", "passwd", "key", "code", "signature", "auth",
                             "credential", "session"})
        if (lower.find(word) != std::string::npos) return true;
    return false;
}

bool plain_id_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

bool json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end (one past the closing quote) of the JSON string starting at body[at] == '"', or npos.
std::size_t string_end(std::string_view body, std::size_t at) {
    for (std::size_t i = at + 1; i < body.size(); ++i) {
        if (body[i] == '\\') ++i;
        else if (body[i] == '"') return i + 1;
    }
    return std::string_view::npos;
}

} // namespace

std::string loggable_path(std::string_view url) {
    if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
        url.remove_prefix(scheme + 3);
        const auto slash = url.find_first_of("/?#");
        url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    }
    if (auto hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
    std::string out;
    const auto question = url.find('?');
    out += url.substr(0, question);
    if (out.empty()) out = "/";
    if (question == std::string_view::npos) return printable(out);
    std::string_view query = url.substr(question + 1);
    out += '?';
    bool first = true;
    while (true) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (!first) out += '&';
        first = false;
        if (eq != std::string_view::npos && secret_looking(pair.substr(0, eq)))
            out.append(pair.substr(0, eq)).append("=***");
        else out.append(pair);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return printable(out);
}

std::optional<std::string> find_request_id(std::string_view body) {
    // A small scan of the JSON's structure: strings are skipped whole (never copied), braces and
    // brackets outside them counted, and only a key at depth 1 is compared with "requestId".
    int depth = 0;
    bool expect_key = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '{') {
            ++depth;
            expect_key = true;
        } else if (c == '[') {
            ++depth;
            expect_key = false;
        } else if (c == '}' || c == ']') {
            --depth;
            expect_key = false;
        } else if (c == ',') {
            expect_key = true; // in an array too, but a string there is followed by no ':'
        } else if (c == '"') {
            const std::size_t end = string_end(body, i);
            if (end == std::string_view::npos) return std::nullopt;
            const bool is_key = depth == 1 && expect_key && body.substr(i, end - i) == "\"requestId\"";
            expect_key = false;
            i = end - 1;
            if (!is_key) continue;
            std::size_t at = end;
            while (at < body.size() && json_space(body[at]))
                ++at;
            if (at >= body.size() || body[at] != ':') continue;
            ++at;
            while (at < body.size() && json_space(body[at]))
                ++at;
            if (at >= body.size() || body[at] != '"') return std::nullopt;
            const std::size_t value_end = string_end(body, at);
            if (value_end == std::string_view::npos) return std::nullopt;
            const std::string_view value = body.substr(at + 1, value_end - at - 2);
            if (value.empty() || value.size() > 128) return std::nullopt;
            for (char v : value)
                if (!plain_id_char(v)) return std::nullopt;
            return std::string(value);
        }
    }
    return std::nullopt;
}

std::string iso8601_utc(std::int64_t epoch_ms) {
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(epoch_ms % 1000));
    return text.data();
}

bool call_log_wanted(bool verbose_option, const char* renewdesk_log_env, std::string* warning) {
    const std::string level = renewdesk_log_env ? ascii_lowercase(renewdesk_log_env) : std::string();
    if (!level.empty() && level != "debug" && warning)
        *warning = "RENEWDESK_LOG=" + printable(renewdesk_log_env) +
                   " is not a log level it knows (only 'debug', which logs each API call): ignored";
    return verbose_option || level == "debug";
}

CallLogOptions stderr_call_log_options() {
    using namespace std::chrono;
    return {
        .timestamps = !stderr_is_terminal(),
        .steady_ms =
            [] { return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count(); },
        .epoch_ms =
            [] { return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count(); },
        .write =
            [](const std::string& line) {
                std::fwrite(line.data(), 1, line.size(), stderr);
                std::fflush(stderr);
            },
    };
}

CallLog::CallLog(std::unique_ptr<Transport> inner, CallLogOptions options)
    : inner_(std::move(inner)), options_(std::move(options)) {}

RequestHandle CallLog::send(HttpRequest request, ResponseHandler on_done) {
    Call call{
        .method = request.method, .path = loggable_path(request.url), .started_ms = options_.steady_ms()};
    // Handlers run inside poll(), never inside send(), so the handle is known before this one runs.
    auto handle = std::make_shared<RequestHandle>(0);
    *handle =
        inner_->send(std::move(request), [this, handle, on_done = std::move(on_done)](HttpResponse response) {
            if (auto it = calls_.find(*handle); it != calls_.end()) {
                std::string outcome;
                if (response.failure == TransportFailure::none) {
                    outcome = std::to_string(response.status);
                    if (auto id = find_request_id(response.body)) outcome += " requestId " + *id;
                } else {
                    outcome = failure_words(response.failure);
                    if (!response.failure_text.empty())
                        outcome += " (" + truncate_to_width(printable(response.failure_text), 200) + ")";
                }
                write_line(it->second, outcome);
                calls_.erase(it);
            }
            on_done(std::move(response));
        });
    calls_.emplace(*handle, std::move(call));
    return *handle;
}

void CallLog::cancel(RequestHandle handle) {
    if (auto it = calls_.find(handle); it != calls_.end()) {
        write_line(it->second, "cancelled");
        calls_.erase(it);
    }
    inner_->cancel(handle);
}

void CallLog::write_line(const Call& call, const std::string& outcome) {
    std::string line;
    if (options_.timestamps) line = iso8601_utc(options_.epoch_ms()) + " ";
    line += "renewdesk-cli: api: " + printable(call.method) + " " + call.path + " " + outcome + " " +
            std::to_string(options_.steady_ms() - call.started_ms) + " ms\n";
    options_.write(line);
}

} // namespace rd::cli
