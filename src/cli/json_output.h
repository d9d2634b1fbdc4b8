// The --json documents: exactly one per run, on stdout. Ids are JSON strings exactly as received
// (Id64 to text, never through a double); texts from the API that are JSON themselves (an order's
// details, the order body sent) are spliced in verbatim, not re-encoded. Invalid UTF-8 in a name
// becomes U+FFFD, so the document is always valid JSON.
#pragma once

#include "core/batch_run.h"
#include "core/models.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::cli {

std::string users_json(const std::vector<SubordinateUser>& users);
std::string plans_json(const std::vector<Plan>& plans, std::optional<std::size_t> preferred);
std::string contacts_json(const std::vector<BillingContact>& contacts);
std::string orders_json(const std::vector<OrderSummary>& orders);
// {"order": <result_text>}: `result_text` must be one JSON value (raw_member() gives it).
std::string order_json(std::string_view result_text);

struct RenewOutput {
    std::string outcome; // "placed", "pending", "failed", "unknown"
    std::string order_no, order_id, order_status, request_id;
    std::string body; // the exact body sent, JSON text
};
std::string renew_json(const RenewOutput& output);

std::string batch_json(const std::vector<BatchRow>& rows, const std::string& result_csv);

// The raw text of member `name` of the top-level object in `json_text` (a document already known to
// be valid JSON), or nullopt when there is no such member.
std::optional<std::string_view> raw_member(std::string_view json_text, std::string_view name);

} // namespace rd::cli
