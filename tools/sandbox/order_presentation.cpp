#include "tools/sandbox/order_presentation.h"

#include <array>
#include <utility>

namespace sandbox {

namespace {

constexpr std::array<std::pair<TimeUnit, const char*>, 7> kTimeUnits = {{
    {TimeUnit::ms, "ms"},
    {TimeUnit::s, "s"},
    {TimeUnit::s_string, "s_string"},
    {TimeUnit::ms_string, "ms_string"},
    {TimeUnit::date_text, "date_text"},
    {TimeUnit::missing, "missing"},
    {TimeUnit::out_of_range, "out_of_range"},
}};

} // namespace

std::optional<OrderSort> order_sort_named(const std::string& name) {
    if (name == "newest") return OrderSort::newest;
    if (name == "oldest") return OrderSort::oldest;
    return std::nullopt;
}

const char* name_of(OrderSort sort) {
    return sort == OrderSort::oldest ? "oldest" : "newest";
}

std::optional<TimeUnit> time_unit_named(const std::string& name) {
    for (const auto& [unit, unit_name] : kTimeUnits)
        if (name == unit_name) return unit;
    return std::nullopt;
}

const char* name_of(TimeUnit unit) {
    for (const auto& [known, name] : kTimeUnits)
        if (known == unit) return name;
    return "ms";
}

const char* time_unit_choices() {
    return "ms|s|s_string|ms_string|date_text|missing|out_of_range";
}

} // namespace sandbox
