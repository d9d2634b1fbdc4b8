// renewdesk-cli's commands, each returning its exit code (exit_codes.h).
#pragma once

#include "models.h"
#include "session.h"

#include <string>
#include <vector>

namespace rd::cli {

int run_users(Session& session);
int run_plans(Session& session);
int run_contacts(Session& session);
int run_orders(Session& session);
int run_order(Session& session);
int run_renew_one(Session& session);   // renew --for
int run_renew_batch(Session& session); // renew --from / --resume

// Pure pieces, tested in tests/cli.
// Users whose partnerId, company, name or email holds `search` (case-folded for cased scripts).
std::vector<SubordinateUser> search_users(const std::vector<SubordinateUser>& users,
                                          const std::string& search);
// Newest first; only `status` when not empty.
std::vector<OrderSummary> newest_first(std::vector<OrderSummary> orders, const std::string& status);
// "2026-11-27 14:58 UTC" from createTime in seconds or milliseconds; "" for 0.
std::string format_create_time(std::int64_t create_time);

} // namespace rd::cli
