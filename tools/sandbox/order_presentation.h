// How the order queries present the stored orders: which come first in the order list, and the shape of
// `createTime` (the API document types it Long and does not say whether it holds seconds or
// milliseconds; a server behind another gateway or version could send it in other shapes). Set by the
// command line (--order-sort, --order-time-unit) and at runtime by /__sandbox/config (orderSort,
// orderTimeUnit). order_info_view.h applies them.
#pragma once

#include <optional>
#include <string>

namespace sandbox {

enum class OrderSort { newest, oldest }; // by creation time; default newest first

// The shape of createTime; default milliseconds.
enum class TimeUnit {
    ms,           // 1765020486123: epoch milliseconds, a JSON number
    s,            // 1765020486: epoch seconds, a JSON number
    s_string,     // "1765020486": epoch seconds as decimal text in a JSON string
    ms_string,    // "1765020486123": epoch milliseconds as decimal text in a JSON string
    date_text,    // "2025-12-06 11:28:06": UTC date and time text
    missing,      // no createTime member at all
    out_of_range, // 99999999999999999 (kOutOfRangeCreateTime): a number no epoch time can be
};

// The createTime every order gets with TimeUnit::out_of_range: above 2^53, and as milliseconds about
// the year 3,170,000 (as seconds even later), so no client may take it for a time.
inline constexpr long long kOutOfRangeCreateTime = 99999999999999999LL;

std::optional<OrderSort> order_sort_named(const std::string& name); // "newest" | "oldest"
const char* name_of(OrderSort sort);
// "ms" | "s" | "s_string" | "ms_string" | "date_text" | "missing" | "out_of_range"
std::optional<TimeUnit> time_unit_named(const std::string& name);
const char* name_of(TimeUnit unit);
const char* time_unit_choices(); // the names above, for messages and the usage

} // namespace sandbox
