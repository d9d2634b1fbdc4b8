// renewdesk-cli --verbose (or RENEWDESK_LOG=debug): one line per API call on stderr, written by a
// decorator over the core's Transport, so the core is unchanged:
//
//   2026-12-07T03:15:02.118Z renewdesk-cli: api: POST /auth/openapi/v1/oauth/token 200 requestId abc 41 ms
//
// The line holds the method, the path (no scheme, host or user info; the values of query parameters
// whose names look secret replaced by "***"), the HTTP status or the transport failure, the reply's
// requestId when it has one, and the time from send to reply. Never a header (Authorization), never a
// body (the token request's holds the secret, its reply the tokens): the requestId is picked out of the
// reply by a small scan, without parsing the reply or copying anything else out of it. The timestamp
// (ISO-8601, UTC, milliseconds) is there when stderr is not a terminal (a log file, the journal).
#pragma once

#include "core/transport.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rd::cli {

struct CallLogOptions {
    bool timestamps = false;                       // prefix each line with the UTC time
    std::function<std::int64_t()> steady_ms;       // for durations
    std::function<std::int64_t()> epoch_ms;        // for the timestamp
    std::function<void(const std::string&)> write; // one whole line, ending in '\n'
};

// The options writing to stderr with the real clocks; timestamps when stderr is not a terminal.
CallLogOptions stderr_call_log_options();

class CallLog final : public Transport {
  public:
    CallLog(std::unique_ptr<Transport> inner, CallLogOptions options);
    RequestHandle send(HttpRequest request, ResponseHandler on_done) override;
    void poll() override { inner_->poll(); }
    void cancel(RequestHandle handle) override;
    bool idle() const override { return inner_->idle(); }

  private:
    struct Call {
        std::string method;
        std::string path;
        std::int64_t started_ms = 0;
    };
    void write_line(const Call& call, const std::string& outcome);

    std::unique_ptr<Transport> inner_;
    CallLogOptions options_;
    std::map<RequestHandle, Call> calls_; // on their way
};

// Whether to log: --verbose, or RENEWDESK_LOG=debug (any case). Another non-empty RENEWDESK_LOG value
// logs nothing and sets `warning` (for stderr).
bool call_log_wanted(bool verbose_option, const char* renewdesk_log_env, std::string* warning);

// Pure helpers, tested on their own.
// The URL's path and query, without scheme, user info, host and fragment; secret-looking query values
// (token, secret, password, key, code, signature, auth in the name) become "***".
std::string loggable_path(std::string_view url);
// The top-level-looking "requestId" string of a JSON reply, when it is short and plain
// (letters, digits, - _ . :); nullopt otherwise. Reads nothing else.
std::optional<std::string> find_request_id(std::string_view body);
// "2026-12-07T03:15:02.118Z"
std::string iso8601_utc(std::int64_t epoch_ms);

} // namespace rd::cli
