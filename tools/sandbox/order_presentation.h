// How the order queries present the stored orders: which come first in the order list, and the unit of
// `createTime` (the API document does not say whether it is seconds or milliseconds). Set by the command
// line (--order-sort, --order-time-unit) and at runtime by /__sandbox/config (orderSort, orderTimeUnit).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sandbox {

enum class OrderSort { newest, oldest }; // by creation time; default newest first
enum class TimeUnit { ms, s };           // default milliseconds

std::optional<OrderSort> order_sort_named(const std::string& name); // "newest" | "oldest"
const char* name_of(OrderSort sort);
std::optional<TimeUnit> time_unit_named(const std::string& name); // "ms" | "s"
const char* name_of(TimeUnit unit);

// `createTime` of an order created at `created_at_ms` (Unix epoch milliseconds), in `unit`.
std::int64_t create_time(std::int64_t created_at_ms, TimeUnit unit);

} // namespace sandbox
