// FaultPlan's queues: which fault applies to a request of an endpoint, and using it up.
#include "tools/sandbox/fault_plan.h"

#include <algorithm>

namespace sandbox {

using nlohmann::json;

void FaultPlan::add(Fault fault) {
    std::lock_guard lock(mutex_);
    queues_[fault.endpoint].push_back(std::move(fault));
}

std::optional<Fault> FaultPlan::take(const std::string& endpoint,
                                     const std::function<bool(const Fault&)>& applies) {
    std::lock_guard lock(mutex_);
    const auto queue = queues_.find(endpoint);
    if (queue == queues_.end() || queue->second.empty()) return std::nullopt;
    auto& faults = queue->second;
    // The first fault that is due; one waiting for a later request ("nth") holds nothing back.
    const auto due = std::find_if(faults.begin(), faults.end(), [](const Fault& f) { return f.nth <= 1; });
    for (Fault& fault : faults) // this request goes by every fault still waiting for a later one
        if (fault.nth > 1) --fault.nth;
    if (due == faults.end() || (applies && !applies(*due))) return std::nullopt;
    Fault taken = *due;
    if (due->count > 0 && --due->count == 0) faults.erase(due);
    return taken;
}

void FaultPlan::clear() {
    std::lock_guard lock(mutex_);
    queues_.clear();
}

json FaultPlan::list() const {
    std::lock_guard lock(mutex_);
    json out = json::array();
    for (const auto& [endpoint, queue] : queues_)
        for (const auto& fault : queue)
            out.push_back(to_json(fault));
    return out;
}

} // namespace sandbox
