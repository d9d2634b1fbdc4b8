// renewdesk-cli's exit codes (also in --help and the README) and how outcomes map onto them.
#pragma once

#include "core/api_error.h"
#include "core/batch_run.h"
#include "core/order_reconciler.h"

#include <string>
#include <vector>

namespace rd::cli {

enum ExitCode : int {
    exit_ok = 0,        // listed, or placed (succeeded or pending)
    exit_usage = 1,     // bad options or input; nothing sent without a terminal or --yes
    exit_failed = 2,    // nothing was placed; a listing was refused
    exit_unknown = 3,   // outcome unknown: neither found nor ruled out
    exit_sign_in = 4,   // could not sign in
    exit_busy = 6,      // --no-wait: another live RenewDesk holds the journal; nothing was sent
    exit_ambiguous = 5, // orders were created that RenewDesk cannot prove to be its own: check them
};

int exit_for_row(BatchRowStatus status);
// The worse of two outcome codes: 5 over 3 over 2 over 0 (for the rows of a batch).
int worse(int a, int b);
int exit_for_batch(const std::vector<BatchRow>& rows);
// After an unknown outcome was reconciled: found -> 0, ruled out -> 2, ambiguous -> 5, otherwise 3.
int exit_for_reconciliation(ReconcileStatus status, bool settled);
// An order that exists (a receipt, or found): models.h's table. 0, but 2 when it renewed nothing
// (failed, invalid, cancelled, refunded).
int exit_for_order_status(const std::string& order_status);
// "placed" (in effect), "pending" (awaiting payment or another status to check), "not renewed".
const char* outcome_for_order_status(const std::string& order_status);

// "renewdesk-cli: <what>: <code> <detailMessage> (requestId <id>)", the parts that are there.
std::string error_line(const std::string& what, const ApiError& error);

} // namespace rd::cli
