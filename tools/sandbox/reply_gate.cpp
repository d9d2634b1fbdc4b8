#include "tools/sandbox/reply_gate.h"

namespace sandbox {

bool ReplyGate::hold(std::chrono::milliseconds longest) {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t entered = generation_;
    ++held_;
    const bool released = released_.wait_for(lock, longest, [&] { return generation_ != entered; });
    --held_;
    return released;
}

int ReplyGate::release_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++generation_;
    released_.notify_all();
    return held_;
}

int ReplyGate::held() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return held_;
}

} // namespace sandbox
