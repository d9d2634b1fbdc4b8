#include "order_presentation.h"

namespace sandbox {

std::optional<OrderSort> order_sort_named(const std::string& name) {
    if (name == "newest") return OrderSort::newest;
    if (name == "oldest") return OrderSort::oldest;
    return std::nullopt;
}

const char* name_of(OrderSort sort) {
    return sort == OrderSort::oldest ? "oldest" : "newest";
}

std::optional<TimeUnit> time_unit_named(const std::string& name) {
    if (name == "ms") return TimeUnit::ms;
    if (name == "s") return TimeUnit::s;
    return std::nullopt;
}

const char* name_of(TimeUnit unit) {
    return unit == TimeUnit::s ? "s" : "ms";
}

std::int64_t create_time(std::int64_t created_at_ms, TimeUnit unit) {
    return unit == TimeUnit::s ? created_at_ms / 1000 : created_at_ms;
}

} // namespace sandbox
