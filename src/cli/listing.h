// The listings' pure pieces: the users search, the orders' order and their times.
#pragma once

#include "core/models.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rd::cli {

// Users whose partnerId, company, name or email holds `search`: case-insensitive for the scripts with
// case (case_fold.h), exact for the others.
std::vector<SubordinateUser> search_users(const std::vector<SubordinateUser>& users,
                                          const std::string& search);
// Newest first (createTime in seconds or milliseconds); only `status` when not empty.
std::vector<OrderSummary> newest_first(std::vector<OrderSummary> orders, const std::string& status);
// "2026-11-27 14:58 UTC" from createTime in seconds or milliseconds; "" for 0.
std::string format_create_time(std::int64_t create_time);

} // namespace rd::cli
