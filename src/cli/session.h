// One run of renewdesk-cli against the API: the transport, the client and the main loop
// (poll the transport, run the timers, sleep a few milliseconds) with a ceiling so nothing waits
// forever. Everything the commands share (options, config folder, credentials) is here too.
#pragma once

#include "cli/cli_options.h"
#include "cli/credentials.h"
#include "core/api_client.h"
#include "core/clock.h"
#include "core/models.h"
#include "core/result.h"
#include "core/transport.h"
#include "platform/desktop/history_file.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rd::cli {

class Session {
  public:
    Session(const CliOptions& options, std::unique_ptr<Transport> transport, std::string base_url,
            std::filesystem::path config_dir, std::string remembered_client_id,
            std::optional<std::string> secret_from_env);
    ~Session();

    const CliOptions& options() const { return options_; }
    ApiClient& client() { return client_; }
    const Clock& clock() const { return clock_; }
    const std::string& base_url() const { return base_url_; }
    const std::filesystem::path& config_dir() const { return config_dir_; }
    // <config dir>/recent-orders.json (history_file.h): the one record of what every RenewDesk on this
    // computer accounted for. The command's RenewalFlow or BatchRun reads and writes it itself, so an
    // order is recorded once, by whoever learned it. Null without a config dir (memory only then).
    AttemptHistory* history() { return history_ ? &*history_ : nullptr; }

    // Polls the transport and calls `tick` until `done()` holds or `timeout_ms` passes (false then).
    bool run_until(const std::function<bool()>& done, std::int64_t timeout_ms,
                   const std::function<void()>& tick = {});

    // Env, settings, stdin or the terminal: 0, or exit 4 with the reason on stderr.
    int obtain_credentials();
    Credentials& credentials() { return credentials_; }
    // Signs the client in (listings, batches): 0, or exit 4 with the API's words on stderr.
    int sign_in();

    // The core's reads (core/partner_api.h), waited for: errors carry the API's code and requestId.
    Result<std::vector<SubordinateUser>> fetch_users();
    Result<PlanCatalog> fetch_plans();
    Result<std::vector<BillingContact>> fetch_contacts();
    Result<OrderPage> fetch_order_page(std::int64_t page_no);
    // One GET, its reply undecoded (`order --json` prints the result exactly as received).
    Result<HttpResponse> get_response(const std::string& path);

  private:
    const CliOptions& options_;
    SteadyClock clock_;
    std::unique_ptr<Transport> transport_;
    ApiClient client_;
    std::string base_url_;
    std::filesystem::path config_dir_;
    std::optional<desktop::HistoryFile> history_;
    std::string remembered_client_id_;
    std::optional<std::string> secret_from_env_;
    Credentials credentials_;
};

// Ceilings of the main loop: a request has its own timeout (30 s, 60 s for an order); these only
// make sure the program never hangs on something that does not answer at all.
inline constexpr std::int64_t request_ceiling_ms = 120'000;

// Text to stdout, flushed.
void print(const std::string& text);
// Text to stdout, or to stderr under --json (where stdout holds the one JSON document only).
void say(const CliOptions& options, const std::string& text);
// "renewdesk-cli: <what>" (and the error's words) on stderr.
void report(const std::string& what);
void report(const std::string& what, const ApiError& error);
// The CLI stopped waiting for an answer: a network error that timed out (the request may have left).
ApiError no_reply_in_time();

} // namespace rd::cli
