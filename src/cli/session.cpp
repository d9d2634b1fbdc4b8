#include "cli/session.h"

#include "cli/exit_codes.h"
#include "core/orders_book.h"
#include "core/partner_api.h"
#include "core/text.h"

#include <cstdio>
#include <ctime>

namespace rd::cli {

void print(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

void say(const CliOptions& options, const std::string& text) {
    if (!options.json) return print(text);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

void report(const std::string& what) {
    std::fprintf(stderr, "renewdesk-cli: %s\n", what.c_str());
}

void report(const std::string& what, const ApiError& error) {
    std::fprintf(stderr, "%s\n", error_line(what, error).c_str());
}

ApiError no_reply_in_time() {
    return ApiError{
        .kind = ErrorKind::network, .detail = {.kind = DetailKind::no_reply_in_time}, .timed_out = true};
}

Session::Session(const CliOptions& options, std::unique_ptr<Transport> transport, std::string base_url,
                 std::filesystem::path config_dir, std::string remembered_client_id,
                 std::optional<std::string> secret_from_env)
    : options_(options), transport_(std::move(transport)),
      client_(*transport_, clock_, {.base_url = base_url}), base_url_(std::move(base_url)),
      config_dir_(std::move(config_dir)), remembered_client_id_(std::move(remembered_client_id)),
      secret_from_env_(std::move(secret_from_env)) {
    if (!config_dir_.empty()) history_.emplace(config_dir_ / desktop::recent_orders_file_name);
}

Session::~Session() {
    if (secret_from_env_) wipe_string(*secret_from_env_);
    client_.sign_out(); // forgets the secret and the tokens, cancels what is still on its way
}

bool Session::run_until(const std::function<bool()>& done, std::int64_t timeout_ms,
                        const std::function<void()>& tick) {
    const std::int64_t deadline = clock_.now_ms() + timeout_ms;
    while (!done()) {
        if (clock_.now_ms() >= deadline) return false;
        transport_->poll();
        if (tick) tick();
        if (done()) break;
        const timespec pause{.tv_sec = 0, .tv_nsec = 5'000'000};
        nanosleep(&pause, nullptr);
    }
    return true;
}

int Session::obtain_credentials() {
    if (!credentials_.client_secret.empty()) return exit_ok;
    if (auto problem = complete_credentials(credentials_, remembered_client_id_, std::move(secret_from_env_),
                                            options_.secret_stdin, options_.secret_file)) {
        report(*problem);
        return exit_sign_in;
    }
    secret_from_env_.reset();
    return exit_ok;
}

int Session::sign_in() {
    if (const int code = obtain_credentials()) return code;
    std::optional<Result<Done>> result;
    client_.sign_in(credentials_.client_id, std::move(credentials_.client_secret),
                    [&result](Result<Done> done) { result = std::move(done); });
    wipe_string(credentials_.client_secret);
    if (!run_until([&] { return result.has_value(); }, request_ceiling_ms)) {
        report("could not sign in at " + base_url_ + ": no answer");
        return exit_sign_in;
    }
    if (!result->ok()) {
        report("could not sign in at " + base_url_, result->error());
        return exit_sign_in;
    }
    return exit_ok;
}

Result<HttpResponse> Session::get_response(const std::string& path) {
    std::optional<Result<HttpResponse>> reply;
    client_.get_response(path, [&reply](Result<HttpResponse> r) { reply = std::move(r); });
    if (!run_until([&] { return reply.has_value(); }, request_ceiling_ms)) return no_reply_in_time();
    return std::move(*reply);
}

namespace {

void warn_skipped(const char* what, const std::vector<std::string>& skipped) {
    if (skipped.empty()) return;
    std::fprintf(stderr, "renewdesk-cli: %zu %s could not be read and are left out\n", skipped.size(), what);
}

} // namespace

Result<std::vector<SubordinateUser>> Session::fetch_users() {
    std::optional<Result<SubordinateUsersReply>> reply;
    SkippedEntries skipped;
    fetch_subordinate_users(client_, [&](Result<SubordinateUsersReply> r, SkippedEntries s) {
        reply = std::move(r);
        skipped = std::move(s);
    });
    if (!run_until([&] { return reply.has_value(); }, request_ceiling_ms)) return no_reply_in_time();
    if (!*reply) return reply->error();
    warn_skipped("subordinate users", skipped);
    return std::move(reply->value().users);
}

Result<PlanCatalog> Session::fetch_plans() {
    std::optional<Result<PlanCatalog>> plans;
    rd::fetch_plans(client_, [&plans](Result<PlanCatalog> r) { plans = std::move(r); });
    if (!run_until([&] { return plans.has_value(); }, request_ceiling_ms)) return no_reply_in_time();
    return std::move(*plans);
}

Result<std::vector<BillingContact>> Session::fetch_contacts() {
    std::optional<Result<std::vector<BillingContact>>> contacts;
    SkippedEntries skipped;
    fetch_billing_contacts(client_, [&](Result<std::vector<BillingContact>> r, SkippedEntries s) {
        contacts = std::move(r);
        skipped = std::move(s);
    });
    if (!run_until([&] { return contacts.has_value(); }, request_ceiling_ms)) return no_reply_in_time();
    if (*contacts) warn_skipped("billing contacts", skipped);
    return std::move(*contacts);
}

Result<OrderPage> Session::fetch_order_page(std::int64_t page_no) {
    std::optional<Result<OrderPage>> page;
    rd::fetch_order_page(client_, page_no, OrdersBook::page_size,
                         [&page](Result<OrderPage> r) { page = std::move(r); });
    if (!run_until([&] { return page.has_value(); }, request_ceiling_ms)) return no_reply_in_time();
    return std::move(*page);
}

} // namespace rd::cli
