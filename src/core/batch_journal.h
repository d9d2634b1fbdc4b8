// The batch's journal record: what a reload or a crash needs to resume a batch at the right row.
// Written before every order POST of the batch (which rows are done, with their outcome, and which
// one is in flight), cleared once the batch has finished with no row whose outcome is unknown.
// It lives in a store of its own (never the single order's slot) and holds no secret and no token.
#pragma once

#include "core/batch_run.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd {

struct BatchRecord {
    std::int64_t sent_at_ms = 0; // the last order POST's time (client's clock, epoch ms)
    std::string base_url;
    std::string client_id; // the account the batch was sent for (not a secret)
    Id64 plan_id;
    Id64 billing_id;
    std::string po_number;
    // Target (with the row's own plan / PO number when set), status, orderNo, orderStatus, requestId
    // (no error).
    std::vector<BatchRow> rows;
    std::optional<std::size_t> in_flight; // the row whose POST had left when this was written
};

std::string batch_journal_to_json(const BatchRecord& record);
// nullopt for anything that is not a batch record of version 1 or 2 (corrupt, truncated, a single order).
// A row's own plan / PO number are written only when set ("planId" as exact 64-bit text, "poNumber"),
// and then as version 2; a row without them (every version 1 row) takes the batch's.
std::optional<BatchRecord> batch_journal_from_json(const std::string& text);

// "waiting", "sending", "placed", "pending", "failed", "unknown", "skipped".
const char* batch_row_status_name(BatchRowStatus status);
std::optional<BatchRowStatus> batch_row_status_named(const std::string& name);

} // namespace rd
