// The fault table: every fault kind of the sandbox, on each endpoint where it matters, through the
// real libcurl transport and the core, with the outcome it must have. Each row names what the person
// must see; the tables are printed (row, expected, got) and any mismatch fails the test.
//
//   lookups  the faulted lookup is loaded, or failed with an error kind, status and words a person
//            understands; the other two lookups are loaded; once the fault is gone a retry loads it
//   token    sign-in fails with words a person understands and works once the fault is gone, or
//            the client recovers by itself (an expired refresh token: the credentials, once)
//   orders   the flow's stage (done / failed not_sent|refused / outcome_unknown), the sandbox's order
//            log (0 or 1 order, never 2), and for outcome_unknown what reconciliation then reports,
//            which must be what the log holds; afterwards a new order goes through (the app is usable)
//
// The timeouts are short (1 s) and every slow fault is far longer (2-3 s), so a row never depends on
// the machine being fast; only "delay 2 s (commits late)" relies on the flow's settle time (3 s after
// the 1 s timeout) coming after the sandbox's commit (2 s), as the product's 30 s do.
#include "core/api_paths.h"
#include "core/text.h"
#include "tests/integration/sandbox_session.h"
#include "ui/words/error_words.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace rd;
using namespace rd::test;
using nlohmann::json;

namespace {

const Id64 tutorial_billing_id{3197218168379846218ULL};
const std::string replacement_character = "\xEF\xBF\xBD";

// ---- the printed table ----

class Table {
  public:
    explicit Table(std::string title) : title_(std::move(title)) {}

    void add(const std::string& row, const std::string& expected, const std::string& got,
             const std::string& mismatch) {
        rows_.push_back({row, expected, got, mismatch});
    }

    // Prints every row and fails the test once per mismatching row.
    void report() const {
        std::printf("\n%s\n", title_.c_str());
        std::printf("%-4s %-46s | %-44s | %s\n", "", "row", "expected", "got");
        for (const auto& r : rows_) {
            std::printf("%-4s %-46s | %-44s | %s\n", r.mismatch.empty() ? "ok" : "FAIL", r.name.c_str(),
                        r.expected.c_str(), r.got.c_str());
            if (!r.mismatch.empty()) std::printf("%-4s %-46s   -> %s\n", "", "", r.mismatch.c_str());
        }
        std::fflush(stdout);
        for (const auto& r : rows_)
            if (!r.mismatch.empty()) ADD_FAILURE() << title_ << ": " << r.name << ": " << r.mismatch;
    }

  private:
    struct Row {
        std::string name, expected, got, mismatch;
    };
    std::string title_;
    std::vector<Row> rows_;
};

// Collects what differs between what a row expects and what happened.
struct Mismatch {
    std::string text;
    void check(bool ok, const std::string& what) {
        if (!ok) text += (text.empty() ? "" : "; ") + what;
    }
};

// A single line of at most `width` bytes, for the table.
// The English words a person reads for an error (the same the UI and the CLI show).
std::string english(const ApiError& e) {
    return ui::error_words(e, ui::Language::en);
}

std::string one_line(std::string text, std::size_t width = 240) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return utf8_prefix(text, width);
}

// "parse HTTP 200 timed-out: <detail words> (code: ...)": the part of the English words that differs.
std::string error_text(const ApiError& e) {
    std::string text = error_kind_name(e.kind);
    if (e.http_status) text += " HTTP " + std::to_string(e.http_status);
    if (e.timed_out) text += " timed-out";
    text += ": " + ui::error_detail_words(e, ui::Language::en);
    if (!e.code.empty()) text += " (code: " + e.code + ")";
    return text;
}

// What an error is expected to be: kind, HTTP status (0: none), timed out, and words it must say.
struct ErrorExpect {
    ErrorKind kind = ErrorKind::parse;
    int http_status = 0;
    bool timed_out = false;
    std::string says;

    std::string text() const {
        std::string t = error_kind_name(kind);
        if (http_status) t += " HTTP " + std::to_string(http_status);
        if (timed_out) t += " timed-out";
        return t + " \"" + says + "\"";
    }

    void check(const std::optional<ApiError>& error, Mismatch& m) const {
        if (!error) {
            m.check(false, "no error");
            return;
        }
        m.check(error->kind == kind, std::string("kind ") + error_kind_name(error->kind));
        m.check(error->http_status == http_status, "HTTP status " + std::to_string(error->http_status));
        m.check(error->timed_out == timed_out, error->timed_out ? "timed out" : "not timed out");
        m.check(english(*error).find(says) != std::string::npos, "the message lacks \"" + says + "\"");
    }
};

ErrorExpect failed_with(ErrorKind kind, int http_status, std::string says, bool timed_out = false) {
    return {kind, http_status, timed_out, std::move(says)};
}

// ---- the session ----

// A sandbox (quiet) with the libcurl client on top, and the few controls the table needs.
struct Session : SandboxSession {
    explicit Session(ApiClientOptions options) : SandboxSession(quiet(), options) {}

    static sandbox::SandboxOptions quiet() {
        sandbox::SandboxOptions options;
        options.log_requests = false;
        return options;
    }

    void clear_faults() {
        httplib::Client http("127.0.0.1", port);
        http.Delete("/__sandbox/faults");
    }
    void expire_tokens() { control("POST", "/__sandbox/expire_tokens"); }
    json fault_list() { return control("GET", "/__sandbox/faults")["faults"]; }

    // One GET through the client, as a lookup does; the reply once it is there.
    Result<ApiReply> get(const std::string& path) {
        std::optional<Result<ApiReply>> reply;
        client.get(path, [&](Result<ApiReply> r) { reply = std::move(r); });
        if (!pump_until([&] { return reply.has_value(); }, 20000))
            return ApiError{.kind = ErrorKind::input, .detail = {.kind = DetailKind::no_reply_in_time}};
        return std::move(*reply);
    }

    bool sign_in_and_wait() {
        flow.sign_in(server.base_url(), "demo-client-id", "demo-client-secret");
        return pump_until([&] { return flow.stage() != Stage::signing_in; }, 20000) &&
               (flow.stage() != Stage::choosing ||
                pump_until(
                    [&] {
                        return flow.users().status != LookupStatus::loading &&
                               flow.plans().status != LookupStatus::loading &&
                               flow.contacts().status != LookupStatus::loading;
                    },
                    20000));
    }
};

constexpr const char* users_path = paths::subordinate_users;

// ---- lookups ----

struct LookupRow {
    std::string name;
    json fault; // with its endpoint
    LookupKind lookup;
    std::optional<ErrorExpect> error; // none: loaded
    std::string loaded_note;          // what "loaded" must show, when it is more than loaded
    std::function<std::string(const RenewalFlow&)> loaded_check = nullptr; // "" or what is wrong
    int timeout_ms = 1000;
};

LookupStatus status_of(const RenewalFlow& flow, LookupKind kind) {
    switch (kind) {
    case LookupKind::users: return flow.users().status;
    case LookupKind::plans: return flow.plans().status;
    case LookupKind::contacts: return flow.contacts().status;
    }
    return LookupStatus::idle;
}

const std::optional<ApiError>& error_of(const RenewalFlow& flow, LookupKind kind) {
    switch (kind) {
    case LookupKind::users: return flow.users().error;
    case LookupKind::plans: return flow.plans().error;
    case LookupKind::contacts: break;
    }
    return flow.contacts().error;
}

std::size_t skipped_of(const RenewalFlow& flow, LookupKind kind) {
    switch (kind) {
    case LookupKind::users: return flow.users().skipped.size();
    case LookupKind::plans: return 0; // a plan list has no skipped entries: no usable plan fails it
    case LookupKind::contacts: break;
    }
    return flow.contacts().skipped.size();
}

void run_lookup_row(const LookupRow& row, Table& table) {
    Session s(ApiClientOptions{.timeout_ms = row.timeout_ms});
    s.fault(row.fault);
    Mismatch m;
    std::string got;
    if (!s.sign_in_and_wait() || s.flow.stage() != Stage::choosing) {
        got = std::string("stage ") + stage_name(s.flow.stage());
        m.check(false, "sign-in did not reach the choosing screen");
    } else {
        const LookupStatus status = status_of(s.flow, row.lookup);
        const auto& error = error_of(s.flow, row.lookup);
        got = lookup_status_name(status);
        if (error) got += " " + error_text(*error);
        for (LookupKind other : {LookupKind::users, LookupKind::plans, LookupKind::contacts})
            if (other != row.lookup)
                m.check(status_of(s.flow, other) == LookupStatus::loaded, "another lookup did not load");
        if (row.error) {
            m.check(status == LookupStatus::failed, "not failed");
            row.error->check(error, m);
            // The fault is gone: the same lookup, retried alone, loads.
            s.clear_faults();
            s.flow.retry_lookup(row.lookup);
            s.pump_until([&] { return status_of(s.flow, row.lookup) != LookupStatus::loading; }, 20000);
            const bool retried = status_of(s.flow, row.lookup) == LookupStatus::loaded;
            got += retried ? "; retry loaded"
                           : "; retry " + std::string(lookup_status_name(status_of(s.flow, row.lookup)));
            m.check(retried, "the retry without the fault did not load");
        } else {
            m.check(status == LookupStatus::loaded, "not loaded");
            if (row.loaded_check) {
                const std::string wrong = row.loaded_check(s.flow);
                m.check(wrong.empty(), wrong);
            }
            // A list with entries that could not be read offers its retry: without the fault, all are read.
            if (skipped_of(s.flow, row.lookup) > 0) {
                got += " (" + std::to_string(skipped_of(s.flow, row.lookup)) + " could not be read)";
                s.clear_faults();
                s.flow.retry_lookup(row.lookup);
                s.pump_until([&] { return status_of(s.flow, row.lookup) != LookupStatus::loading; }, 20000);
                const bool all = status_of(s.flow, row.lookup) == LookupStatus::loaded &&
                                 skipped_of(s.flow, row.lookup) == 0;
                got += all ? "; retry read all" : "; retry still skips";
                m.check(all, "the retry without the fault did not read every entry");
            }
        }
    }
    std::string expected = row.error
                               ? "failed " + row.error->text() + "; retry loaded"
                               : "loaded" + (row.loaded_note.empty() ? "" : " (" + row.loaded_note + ")");
    if (row.loaded_note.find("could not be read") != std::string::npos) expected += "; retry read all";
    table.add(row.name, expected, one_line(got), m.text);
}

std::string all_skipped(std::size_t loaded, std::size_t skipped, std::size_t want_skipped) {
    if (loaded != 0) return std::to_string(loaded) + " entries read from ids no entry may have";
    if (skipped != want_skipped)
        return std::to_string(skipped) + " skipped, not " + std::to_string(want_skipped);
    return {};
}

TEST(FaultTable, Lookups) {
    using K = ErrorKind;
    const std::vector<LookupRow> rows = {
        {"http_status 503 / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "http_status"}, {"status", 503}},
         LookupKind::users,
         failed_with(K::http, 503, "unavailable for now: try again later")},
        {"api_error 503 (an envelope) / billing_contact_list",
         {{"endpoint", "billing_contact_list"},
          {"kind", "api_error"},
          {"status", 503},
          {"code", "system_busy"},
          {"detailMessage", "Service busy"}},
         LookupKind::contacts,
         failed_with(K::api, 503, "unavailable for now: try again later. Service busy")},
        {"api_error 403 / purchase_product_info",
         {{"endpoint", "purchase_product_info"},
          {"kind", "api_error"},
          {"status", 403},
          {"code", "ip_not_allowed"}},
         LookupKind::plans,
         failed_with(K::auth, 403, "(code: ip_not_allowed)")},
        {"malformed / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "malformed"}},
         LookupKind::plans,
         failed_with(K::parse, 200, "The reply is not JSON.")},
        {"truncated / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "truncated"}},
         LookupKind::users,
         failed_with(K::parse, 200, "The reply is not JSON.")},
        {"html 502 / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "html"}},
         LookupKind::contacts,
         failed_with(K::http, 502, "Reply began: \"502 Bad Gateway\"")},
        {"delay 2 s > timeout 1 s (stall) / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "delay"}, {"delay_ms", 2000}},
         LookupKind::users,
         failed_with(K::network, 0, "did not answer in time", true)},
        {"drop / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "drop"}},
         LookupKind::plans,
         failed_with(K::network, 0, "Empty reply from server")},
        {"commit_then_drop / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "commit_then_drop"}},
         LookupKind::contacts,
         failed_with(K::network, 0, "Empty reply from server")},
        {"order_status / partner_list (no effect)",
         {{"endpoint", "partner_list"}, {"kind", "order_status"}, {"orderStatus", "pending"}},
         LookupKind::users,
         std::nullopt},
        {"rate_limited 429 Retry-After 30 / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "rate_limited"}},
         LookupKind::users,
         failed_with(K::api, 429, "The Partner Portal is busy: try again in 30 seconds.")},
        {"rate_limited 429 no Retry-After / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "rate_limited"}, {"retry_after_s", -1}},
         LookupKind::contacts,
         failed_with(K::api, 429, "The Partner Portal is busy: try again later.")},
        {"trickle 0.2 s < timeout 5 s / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "trickle"}, {"delay_ms", 200}},
         LookupKind::contacts,
         std::nullopt,
         "",
         nullptr,
         5000},
        {"trickle 3 s > timeout 1 s / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "trickle"}, {"delay_ms", 3000}},
         LookupKind::plans,
         failed_with(K::network, 0, "did not answer in time", true)},
        {"huge_body 50 MB / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "huge_body"}},
         LookupKind::users,
         failed_with(K::parse, 200, "The reply was too large: more than 16 MB.")},
        {"huge_body 50 MB chunked / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "huge_body"}, {"chunked", true}},
         LookupKind::contacts,
         failed_with(K::parse, 200, "The reply was too large: more than 16 MB.")},
        {"wrong_content_type text/html / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "wrong_content_type"}},
         LookupKind::users,
         std::nullopt,
         "the envelope is read whatever its label"},
        {"redirect 302 other host / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "redirect"}},
         LookupKind::plans,
         failed_with(K::http, 302, "redirected the request to http://other-host.invalid/pricing/")},
        {"reset_mid_body / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "reset_mid_body"}},
         LookupKind::users,
         failed_with(K::network, 0, "Connection reset by peer")},
        {"invalid_utf8 / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "invalid_utf8"}},
         LookupKind::users,
         std::nullopt,
         "every user, bad bytes shown as U+FFFD",
         [](const RenewalFlow& flow) -> std::string {
             const auto& users = flow.users().value;
             if (users.size() != 21) return std::to_string(users.size()) + " users, not 21";
             if (users[0].company != "Northwind Reseller Ltd" + replacement_character +
                                         replacement_character + "(" + replacement_character +
                                         replacement_character + replacement_character)
                 return "company reads \"" + users[0].company + "\"";
             return users[0].partner_id == "9223372036854775001" ? "" : "partnerId changed";
         }},
        {"invalid_utf8 / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "invalid_utf8"}},
         LookupKind::contacts,
         std::nullopt,
         "both contacts, ids exact",
         [](const RenewalFlow& flow) -> std::string {
             const auto& contacts = flow.contacts().value;
             if (contacts.size() != 2) return std::to_string(contacts.size()) + " contacts, not 2";
             if (contacts[0].billing_contact_id != tutorial_billing_id) return "the id changed";
             return contacts[0].company.find(replacement_character) != std::string::npos
                        ? ""
                        : "no U+FFFD in the company";
         }},
        {"duplicate_keys / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "duplicate_keys"}},
         LookupKind::contacts,
         failed_with(K::parse, 200, "names \"billingContactId\" twice in one object")},
        {"duplicate_keys / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "duplicate_keys"}},
         LookupKind::plans,
         failed_with(K::parse, 200, "names \"planId\" twice in one object")},
        {"odd_numbers 1e3 / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "odd_numbers"}, {"number", "1e3"}},
         LookupKind::contacts,
         std::nullopt,
         "no contact, 2 entries could not be read",
         [](const RenewalFlow& flow) {
             return all_skipped(flow.contacts().value.size(), flow.contacts().skipped.size(), 2);
         }},
        {"odd_numbers -0 / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "odd_numbers"}, {"number", "-0"}},
         LookupKind::contacts,
         std::nullopt,
         "no contact, 2 entries could not be read",
         [](const RenewalFlow& flow) {
             return all_skipped(flow.contacts().value.size(), flow.contacts().skipped.size(), 2);
         }},
        {"odd_numbers 2^64 / billing_contact_list",
         {{"endpoint", "billing_contact_list"}, {"kind", "odd_numbers"}, {"number", "18446744073709551616"}},
         LookupKind::contacts,
         std::nullopt,
         "no contact, 2 entries could not be read",
         [](const RenewalFlow& flow) {
             return all_skipped(flow.contacts().value.size(), flow.contacts().skipped.size(), 2);
         }},
        {"odd_numbers -0 / partner_list",
         {{"endpoint", "partner_list"}, {"kind", "odd_numbers"}, {"number", "-0"}},
         LookupKind::users,
         std::nullopt,
         "no user, 21 entries could not be read",
         [](const RenewalFlow& flow) {
             return all_skipped(flow.users().value.size(), flow.users().skipped.size(), 21);
         }},
        {"odd_numbers 1e3 / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "odd_numbers"}},
         LookupKind::plans,
         failed_with(K::parse, 0, "No usable plan id in the plan list: planId is not an exact integer")},
        {"odd_numbers 2^64 / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "odd_numbers"}, {"number", "18446744073709551616"}},
         LookupKind::plans,
         failed_with(K::parse, 0, "planId is not an exact integer")},
        {"odd_numbers -0 / purchase_product_info",
         {{"endpoint", "purchase_product_info"}, {"kind", "odd_numbers"}, {"number", "-0"}},
         LookupKind::plans,
         failed_with(K::parse, 0, "planId is -0, which is not an id")},
    };
    Table table("Fault table: lookups (users = partner_list, plans = purchase_product_info, contacts = "
                "billing_contact_list)");
    for (const auto& row : rows)
        run_lookup_row(row, table);
    table.report();
}

// ---- orders ----

struct OrderRow {
    std::string name;
    json faults; // an array of faults (save, page or token)
    Stage stage;
    std::optional<OrderOutcome> failure;   // the failed screen's reason
    std::size_t orders = 0;                // in the sandbox's log after the attempt: 0 or 1
    std::vector<ReconcileStatus> readings; // outcome_unknown: each reconciliation until it settles
    std::string says;                      // words the error must hold ("" for done)
    int order_timeout_ms = 1000;
    int settle_ms = 300; // "no order" is believed from a reading this long after the outcome became unknown
    std::function<void(Session&)> before = nullptr; // before the faults are added
    // The next order's token requests; set, the faults stay for the next order (refresh_refused).
    std::optional<int> token_requests_for_next = std::nullopt;
    // Sign out and in before the next order.
    bool sign_in_again_for_next = false;
};

std::string order_expected(const OrderRow& row) {
    std::string text = stage_name(row.stage);
    if (row.failure) text += std::string(" ") + order_outcome_name(*row.failure);
    if (!row.says.empty()) text += " \"" + row.says + "\"";
    text += ", " + std::to_string(row.orders) + (row.orders == 1 ? " order" : " orders");
    for (std::size_t i = 0; i < row.readings.size(); ++i)
        text +=
            (i == 0 ? ", reconciliation " : " then ") + std::string(reconcile_status_name(row.readings[i]));
    text += row.sign_in_again_for_next ? "; signed in again, next order done" : "; next order done";
    if (row.token_requests_for_next)
        text += " (" + std::to_string(*row.token_requests_for_next) + " token requests)";
    return text;
}

void run_order_row(const OrderRow& row, Table& table) {
    Session s(ApiClientOptions{.timeout_ms = 3000, .order_timeout_ms = row.order_timeout_ms});
    Mismatch m;
    std::string got;
    if (!s.sign_in_and_wait() || s.flow.contacts().status != LookupStatus::loaded) {
        table.add(row.name, order_expected(row), "sign-in failed", "sign-in failed");
        return;
    }
    s.flow.set_settle_ms(row.settle_ms);
    s.flow.choose_myself();
    s.flow.choose_billing_contact(tutorial_billing_id);
    s.flow.review();
    if (row.before) row.before(s);
    if (!row.faults.empty()) s.fault(row.faults);
    m.check(s.flow.confirm(), "confirm() sent nothing");
    s.pump_until([&] { return s.flow.stage() != Stage::submitting; }, 20000);
    m.check(!s.flow.confirm(), "a second confirm() sent again");

    const Stage stage = s.flow.stage();
    got = stage_name(stage);
    if (stage == Stage::failed) got += std::string(" ") + order_outcome_name(s.flow.failure());
    if (s.flow.error()) got += " " + error_text(*s.flow.error());
    m.check(stage == row.stage, "stage");
    if (row.failure) m.check(stage == Stage::failed && s.flow.failure() == *row.failure, "failure reason");
    if (!row.says.empty())
        m.check(s.flow.error() && english(*s.flow.error()).find(row.says) != std::string::npos,
                "the message lacks \"" + row.says + "\"");

    // Reconciliation: each reading until the outcome is settled; after an error, "Check again" once
    // the fault is gone.
    std::vector<ReconcileStatus> readings;
    if (stage == Stage::outcome_unknown) {
        for (int reading = 0; reading < 3; ++reading) {
            s.pump_until(
                [&] {
                    return s.flow.outcome_settled() ||
                           s.flow.reconciliation().status == ReconcileStatus::error;
                },
                20000);
            readings.push_back(s.flow.reconciliation().status);
            if (readings.back() != ReconcileStatus::error) break;
            s.clear_faults();
            s.flow.reconcile();
        }
    }
    const json log = s.orders();
    got += ", " + std::to_string(log.size()) + (log.size() == 1 ? " order" : " orders");
    for (std::size_t i = 0; i < readings.size(); ++i)
        got += (i == 0 ? ", reconciliation " : " then ") + std::string(reconcile_status_name(readings[i]));
    m.check(log.size() == row.orders, "order log");
    m.check(readings == row.readings, "reconciliation");
    if (!readings.empty() && readings.back() == ReconcileStatus::found)
        m.check(log.size() == 1 && s.flow.reconciliation().match &&
                    s.flow.reconciliation().match->order_no == log[0]["result"]["orderNo"].get<std::string>(),
                "reconciliation found another order than the log's");
    if (!readings.empty() && readings.back() == ReconcileStatus::none)
        m.check(log.empty(), "'none' but the log has one");

    // The app stays usable: without the fault (or, for a token fault, through it) the next order is
    // placed, once.
    if (!row.token_requests_for_next) s.clear_faults();
    s.flow.renew_another();
    if (row.sign_in_again_for_next) {
        s.flow.sign_out();
        s.sign_in_and_wait();
        got += "; signed in again";
    }
    s.flow.choose_myself();
    s.flow.choose_billing_contact(tutorial_billing_id);
    s.flow.review();
    const int tokens_before = s.client.token_requests_sent();
    const bool sent = s.flow.confirm();
    s.pump_until([&] { return s.flow.stage() != Stage::submitting; }, 20000);
    const bool next_done = sent && s.flow.stage() == Stage::done && s.orders().size() == log.size() + 1;
    got += next_done ? "; next order done" : std::string("; next order ") + stage_name(s.flow.stage());
    m.check(next_done, "the next order did not go through once");
    if (row.token_requests_for_next) {
        const int tokens = s.client.token_requests_sent() - tokens_before;
        got += " (" + std::to_string(tokens) + " token requests)";
        m.check(tokens == *row.token_requests_for_next, "token requests");
    }
    table.add(row.name, order_expected(row), one_line(got), m.text);
}

// The token endpoint down while lookups work: the token in hand keeps working; once it has expired,
// lookups fail with words a person understands and the refresh falls back to the credentials once,
// not in a loop. With `expect_recovery`: once the endpoint is back, lookups work again by themselves.
void token_down_after_sign_in_row(bool expect_recovery, Table& table) {
    Session s(ApiClientOptions{.timeout_ms = 1000});
    Mismatch m;
    s.sign_in_and_wait();
    s.fault({{"endpoint", "token"}, {"kind", "http_status"}, {"count", -1}});
    const Result<ApiReply> with_token = s.get(users_path);
    s.expire_tokens();
    const int before = s.client.token_requests_sent();
    const Result<ApiReply> expired = s.get(users_path);
    const int tokens = s.client.token_requests_sent() - before;
    std::string got = std::string(with_token ? "loaded" : "failed") + "; expired: " +
                      (expired ? std::string("loaded") : "failed " + error_text(expired.error())) +
                      " after " + std::to_string(tokens) + " token requests";
    m.check(with_token.ok(), "the token in hand did not work");
    m.check(!expired.ok() && expired.error().kind == ErrorKind::http && expired.error().http_status == 503 &&
                english(expired.error()).find("try again later") != std::string::npos,
            "not an HTTP 503 that says to try again later");
    m.check(tokens == 2, "not one refresh and one credentials grant");
    std::string expected = "loaded; expired: failed http HTTP 503 \"try again later\" after 2 token requests";
    if (expect_recovery) {
        s.clear_faults();
        const Result<ApiReply> back = s.get(users_path);
        got += "; back: " + (back ? std::string("loaded") : "failed " + error_text(back.error()));
        m.check(back.ok(), "no recovery once the token endpoint is back");
        expected += "; back: loaded";
    }
    table.add("http_status 503 until cleared, after sign-in (GET)", expected, one_line(got), m.text);
}

// The order when the token endpoint is down and the token has expired: it never leaves.
OrderRow token_down_order_row(bool sign_in_again_for_next) {
    OrderRow row{"http_status 503 until cleared / token (token expired), save",
                 json::array(),
                 Stage::failed,
                 OrderOutcome::not_sent,
                 0,
                 {},
                 "unavailable for now",
                 1000,
                 300,
                 [](Session& s) {
                     // A token that lives 1 s, then past its refresh time: the order needs a new one.
                     s.control("POST", "/__sandbox/config", {{"token_lifetime_s", 1}});
                     s.expire_tokens();
                     s.get(users_path);
                     const auto expired = std::chrono::steady_clock::now() + std::chrono::milliseconds(1100);
                     s.pump_until([&] { return std::chrono::steady_clock::now() >= expired; });
                     s.fault({{"endpoint", "token"}, {"kind", "http_status"}, {"count", -1}});
                 }};
    row.sign_in_again_for_next = sign_in_again_for_next;
    return row;
}

json save(json fault) {
    fault["endpoint"] = "save";
    return json::array({fault});
}

json committed_then(json page_fault) {
    page_fault["endpoint"] = "page";
    return json::array({{{"endpoint", "save"}, {"kind", "commit_then_drop"}}, page_fault});
}

TEST(FaultTable, Orders) {
    using R = ReconcileStatus;
    const auto unknown = Stage::outcome_unknown;
    const std::vector<OrderRow> rows = {
        {"http_status 503 / save",
         save({{"kind", "http_status"}}),
         unknown,
         {},
         0,
         {R::none},
         "unavailable for now"},
        {"http_status 504 JSON, commit / save",
         save({{"kind", "http_status"},
               {"status", 504},
               {"content_type", "application/json"},
               {"body", R"({"code":504,"message":"Gateway Timeout"})"},
               {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "HTTP status 504"},
        {"api_error 400 / save",
         save({{"kind", "api_error"},
               {"status", 400},
               {"code", "insufficient_balance"},
               {"detailMessage", "Not enough credit"}}),
         Stage::failed,
         OrderOutcome::refused,
         0,
         {},
         "Not enough credit (code: insufficient_balance)"},
        {"api_error 503 (an envelope), commit / save",
         save({{"kind", "api_error"}, {"status", 503}, {"code", "system_busy"}, {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "unavailable for now: try again later"},
        {"api_error 200 system_busy, commit / save",
         save({{"kind", "api_error"}, {"status", 200}, {"code", "system_busy"}, {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "(code: system_busy)"},
        {"malformed, commit / save",
         save({{"kind", "malformed"}, {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "The reply is not JSON."},
        {"truncated / save",
         save({{"kind", "truncated"}}),
         unknown,
         {},
         1,
         {R::found},
         "The reply is not JSON."},
        {"html 502 / save", save({{"kind", "html"}}), unknown, {}, 0, {R::none}, "502 Bad Gateway"},
        {"delay 2 s > timeout 1 s, commit / save",
         save({{"kind", "delay"}, {"delay_ms", 2000}, {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "did not answer in time"},
        {"delay 2 s > timeout 1 s (commits late) / save",
         save({{"kind", "delay"}, {"delay_ms", 2000}}),
         unknown,
         {},
         1,
         {R::found},
         "did not answer in time",
         1000,
         3000},
        {"drop / save", save({{"kind", "drop"}}), unknown, {}, 0, {R::none}, "Empty reply from server"},
        {"commit_then_drop / save",
         save({{"kind", "commit_then_drop"}}),
         unknown,
         {},
         1,
         {R::found},
         "Empty reply from server"},
        {"order_status pending / save",
         save({{"kind", "order_status"}, {"orderStatus", "pending"}}),
         Stage::done,
         {},
         1,
         {}},
        {"rate_limited 429 Retry-After 30 / save",
         save({{"kind", "rate_limited"}}),
         unknown,
         {},
         0,
         {R::none},
         "busy: try again in 30 seconds"},
        {"rate_limited 429, commit / save",
         save({{"kind", "rate_limited"}, {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "busy: try again in 30 seconds"},
        {"trickle 3 s > timeout 1 s / save",
         save({{"kind", "trickle"}, {"delay_ms", 3000}}),
         unknown,
         {},
         1,
         {R::found},
         "did not answer in time"},
        {"trickle 0.2 s < timeout 5 s / save",
         save({{"kind", "trickle"}, {"delay_ms", 200}}),
         Stage::done,
         {},
         1,
         {},
         "",
         5000},
        {"huge_body 50 MB / save",
         save({{"kind", "huge_body"}}),
         unknown,
         {},
         1,
         {R::found},
         "The reply was too large"},
        {"huge_body 50 MB chunked / save",
         save({{"kind", "huge_body"}, {"chunked", true}}),
         unknown,
         {},
         1,
         {R::found},
         "The reply was too large"},
        {"wrong_content_type / save", save({{"kind", "wrong_content_type"}}), Stage::done, {}, 1, {}},
        {"redirect 302 other host / save",
         save({{"kind", "redirect"}}),
         unknown,
         {},
         0,
         {R::none},
         "never follows redirects"},
        {"redirect 302, commit / save",
         save({{"kind", "redirect"}, {"commit", true}}),
         unknown,
         {},
         1,
         {R::found},
         "never follows redirects"},
        {"reset_mid_body / save",
         save({{"kind", "reset_mid_body"}}),
         unknown,
         {},
         1,
         {R::found},
         "Connection reset by peer"},
        {"invalid_utf8 / save", save({{"kind", "invalid_utf8"}}), Stage::done, {}, 1, {}},
        {"duplicate_keys / save",
         save({{"kind", "duplicate_keys"}}),
         unknown,
         {},
         1,
         {R::found},
         "names \"orderId\" twice"},
        {"odd_numbers 1e3 / save (receipt kept)", save({{"kind", "odd_numbers"}}), Stage::done, {}, 1, {}},
        {"refresh_refused + expired tokens / token, save",
         json::array({{{"endpoint", "token"}, {"kind", "refresh_refused"}}}),
         Stage::failed,
         OrderOutcome::refused,
         0,
         {},
         "(code: token_expired)",
         1000,
         300,
         [](Session& s) { s.expire_tokens(); },
         2},
        token_down_order_row(/*sign_in_again_for_next=*/false),
        {"commit_then_drop / save + http_status 503 / page",
         committed_then({{"kind", "http_status"}}),
         unknown,
         {},
         1,
         {R::error, R::found}},
        {"commit_then_drop / save + rate_limited / page",
         committed_then({{"kind", "rate_limited"}}),
         unknown,
         {},
         1,
         {R::error, R::found}},
        {"commit_then_drop / save + huge_body / page",
         committed_then({{"kind", "huge_body"}}),
         unknown,
         {},
         1,
         {R::error, R::found}},
        {"commit_then_drop / save + reset_mid_body / page",
         committed_then({{"kind", "reset_mid_body"}}),
         unknown,
         {},
         1,
         {R::error, R::found}},
        {"commit_then_drop / save + duplicate_keys / page",
         committed_then({{"kind", "duplicate_keys"}}),
         unknown,
         {},
         1,
         {R::error, R::found}},
        {"commit_then_drop / save + odd_numbers / page",
         committed_then({{"kind", "odd_numbers"}}),
         unknown,
         {},
         1,
         {R::found}},
        {"commit_then_drop / save + invalid_utf8 / page",
         committed_then({{"kind", "invalid_utf8"}}),
         unknown,
         {},
         1,
         {R::found}},
    };
    Table table(
        "Fault table: the order (save), and the order list (page) that reconciles an unknown outcome");
    for (const auto& row : rows)
        run_order_row(row, table);
    table.report();
}

// ---- the token endpoint ----

// Sign-in under a token fault: it fails with `error` (or works, when none), and works once the fault is gone.
void run_sign_in_row(const std::string& name, const json& fault, const std::optional<ErrorExpect>& error,
                     Table& table) {
    Session s(ApiClientOptions{.timeout_ms = 1000});
    json f = fault;
    f["endpoint"] = "token";
    s.fault(f);
    Mismatch m;
    s.sign_in_and_wait();
    std::string got = stage_name(s.flow.stage());
    if (s.flow.error()) got += " " + error_text(*s.flow.error());
    if (error) {
        m.check(s.flow.stage() == Stage::signed_out, "not signed out");
        error->check(s.flow.error(), m);
        s.clear_faults();
        s.sign_in_and_wait();
    }
    const bool works = s.flow.stage() == Stage::choosing && s.flow.users().status == LookupStatus::loaded;
    got += error ? (works ? "; sign-in again works" : "; sign-in again fails") : "";
    m.check(works, "sign-in does not work");
    table.add(name, error ? "signed_out " + error->text() + "; sign-in again works" : "choosing (signed in)",
              one_line(got), m.text);
}

TEST(FaultTable, Token) {
    using K = ErrorKind;
    Table table("Fault table: the token endpoint (sign-in, refresh)");
    run_sign_in_row("http_status 503, until cleared (down)", {{"kind", "http_status"}, {"count", -1}},
                    failed_with(K::http, 503, "unavailable for now: try again later"), table);
    run_sign_in_row("api_error 401 invalid_client",
                    {{"kind", "api_error"}, {"status", 401}, {"code", "invalid_client"}},
                    failed_with(K::auth, 401, "did not accept the sign-in"), table);
    run_sign_in_row("rate_limited 429 Retry-After 30", {{"kind", "rate_limited"}},
                    failed_with(K::api, 429, "The Partner Portal is busy: try again in 30 seconds."), table);
    run_sign_in_row("malformed", {{"kind", "malformed"}},
                    failed_with(K::parse, 200, "The reply is not JSON."), table);
    run_sign_in_row("html 502", {{"kind", "html"}}, failed_with(K::http, 502, "HTTP status 502"), table);
    run_sign_in_row("delay 2 s > timeout 1 s", {{"kind", "delay"}, {"delay_ms", 2000}},
                    failed_with(K::network, 0, "did not answer in time", true), table);
    run_sign_in_row("drop", {{"kind", "drop"}}, failed_with(K::network, 0, "Empty reply from server"), table);
    run_sign_in_row("trickle 3 s > timeout 1 s", {{"kind", "trickle"}, {"delay_ms", 3000}},
                    failed_with(K::network, 0, "did not answer in time", true), table);
    run_sign_in_row("huge_body 50 MB", {{"kind", "huge_body"}}, failed_with(K::parse, 200, "too large"),
                    table);
    run_sign_in_row("wrong_content_type", {{"kind", "wrong_content_type"}}, std::nullopt, table);
    run_sign_in_row("redirect 302", {{"kind", "redirect"}},
                    failed_with(K::http, 302, "never follows redirects"), table);
    run_sign_in_row("reset_mid_body", {{"kind", "reset_mid_body"}}, failed_with(K::network, 0, "reset"),
                    table);
    run_sign_in_row("invalid_utf8 (in detailMessage only)", {{"kind", "invalid_utf8"}}, std::nullopt, table);
    run_sign_in_row("duplicate_keys", {{"kind", "duplicate_keys"}},
                    failed_with(K::parse, 200, "names \"token\" twice"), table);
    run_sign_in_row("odd_numbers (expiresIn 1e3)", {{"kind", "odd_numbers"}},
                    failed_with(K::parse, 0, "expiresIn is not a number of seconds"), table);
    run_sign_in_row("refresh_refused (sign-in uses the credentials)", {{"kind", "refresh_refused"}},
                    std::nullopt, table);

    token_down_after_sign_in_row(/*expect_recovery=*/false, table);
    {
        // An expired refresh token: the client falls back to the credentials, once, by itself.
        Session s(ApiClientOptions{.timeout_ms = 1000});
        Mismatch m;
        s.sign_in_and_wait();
        s.fault({{"endpoint", "token"}, {"kind", "refresh_refused"}});
        s.expire_tokens();
        const int before = s.client.token_requests_sent();
        const Result<ApiReply> reply = s.get(users_path);
        const int tokens = s.client.token_requests_sent() - before;
        std::string got = reply ? "users loaded" : "users failed " + error_text(reply.error());
        got += " after " + std::to_string(tokens) + " token requests; fault used " +
               (s.fault_list().empty() ? "once" : "not");
        m.check(reply.ok(), "the lookup failed");
        m.check(tokens == 2, "not one refused refresh and one credentials grant");
        m.check(s.fault_list().empty(), "the refresh grant never reached the token endpoint");
        table.add("refresh_refused + expired access token (GET)",
                  "users loaded after 2 token requests (refresh refused, credentials once)", one_line(got),
                  m.text);
    }
    table.report();
}

// KNOWN GAP, disabled until src/core/api_client.cpp is fixed (it is not this test's file): when the
// token endpoint fails with anything but a network error during a refresh, ApiClient wipes the access
// and refresh tokens, and with_fresh_token() then answers "You are not signed in." to every request
// although the credentials are still in memory and the flow still shows the choosing screen: the app
// is stuck until the person signs out and in. Expected, and what these rows check: once the token
// endpoint is back, the next request gets a token with the credentials (with_fresh_token() could
// start a credentials grant when token_ is empty but client_secret_ is not).
TEST(FaultTable, AfterTheTokenEndpointWasDownTheClientRecovers) {
    Table table("Fault table: the token endpoint down, then back");
    token_down_after_sign_in_row(/*expect_recovery=*/true, table);
    run_order_row(token_down_order_row(/*sign_in_again_for_next=*/false), table);
    table.report();
}

} // namespace
