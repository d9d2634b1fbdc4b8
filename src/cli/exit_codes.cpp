#include "cli/exit_codes.h"

#include "ui/words/error_words.h"

namespace rd::cli {

int exit_for_row(BatchRowStatus status) {
    switch (status) {
    case BatchRowStatus::placed:
    case BatchRowStatus::pending: return exit_ok;
    case BatchRowStatus::failed:
    case BatchRowStatus::skipped:
    case BatchRowStatus::waiting: return exit_failed; // nothing placed for it
    case BatchRowStatus::unknown:
    case BatchRowStatus::sending: return exit_unknown;
    case BatchRowStatus::ambiguous: return exit_ambiguous;
    }
    return exit_unknown;
}

int worse(int a, int b) {
    auto rank = [](int code) {
        return code == exit_ambiguous ? 3 : code == exit_unknown ? 2 : code == exit_failed ? 1 : 0;
    };
    return rank(b) > rank(a) ? b : a;
}

int exit_for_batch(const std::vector<BatchRow>& rows) {
    int code = exit_ok;
    for (const BatchRow& row : rows)
        code = worse(code, exit_for_row(row.status));
    return code;
}

int exit_for_reconciliation(ReconcileStatus status, bool settled) {
    if (!settled) return exit_unknown;
    if (status == ReconcileStatus::found) return exit_ok;
    if (status == ReconcileStatus::none) return exit_failed;
    if (status == ReconcileStatus::ambiguous) return exit_ambiguous;
    return exit_unknown;
}

int exit_for_order_status(const std::string& order_status) {
    return order_state(order_status) == OrderState::not_renewed ? exit_failed : exit_ok;
}

const char* outcome_for_order_status(const std::string& order_status) {
    switch (order_state(order_status)) {
    case OrderState::in_effect: return "placed";
    case OrderState::not_renewed: return "not renewed";
    case OrderState::awaiting_payment:
    case OrderState::other: return "pending";
    }
    return "pending";
}

std::string error_line(const std::string& what, const ApiError& error) {
    std::string line = "renewdesk-cli: " + what + ":";
    if (!error.code.empty()) line += " " + error.code;
    else if (error.http_status != 0) line += " HTTP " + std::to_string(error.http_status);
    const std::string detail = ui::error_detail_words(error, ui::Language::en);
    if (!detail.empty()) line += " " + detail;
    if (error.code.empty() && detail.empty() && !error.excerpt.empty()) line += " " + error.excerpt;
    if (!error.request_id.empty()) line += " (requestId " + error.request_id + ")";
    return line;
}

} // namespace rd::cli
