// Replies held back on purpose: a "delay" fault with "until_released" keeps its reply until
// POST /__sandbox/release (or /__sandbox/reset) or until its delay_ms runs out, whichever is first.
// It stands for an API that answers an order after an unknown while (a slow back end): a test holds
// another program's order as long as it needs to watch the waiting, not for a guessed number of seconds.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace sandbox {

class ReplyGate {
  public:
    // Blocks until release_all() is called after this call began, or `longest` has passed. True when
    // released.
    bool hold(std::chrono::milliseconds longest);
    // Lets every reply held now go; returns how many were held.
    int release_all();
    int held() const;

  private:
    mutable std::mutex mutex_;
    std::condition_variable released_;
    std::uint64_t generation_ = 0; // release_all() calls so far
    int held_ = 0;
};

} // namespace sandbox
