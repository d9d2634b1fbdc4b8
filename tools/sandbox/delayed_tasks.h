// Work the sandbox does later, on one background thread of its own: late commits (an order the API
// stores seconds after it dropped the connection). cancel_all() forgets what is pending and waits for a
// task already running, so after it returns no task of before touches anything; the destructor does the
// same and joins the thread, so a server shutting down neither hangs nor runs a task on freed state.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace sandbox {

class DelayedTasks {
  public:
    DelayedTasks() = default;
    ~DelayedTasks();
    DelayedTasks(const DelayedTasks&) = delete;
    DelayedTasks& operator=(const DelayedTasks&) = delete;

    // Runs `task` once `delay` has passed (the thread starts with the first task).
    void schedule(std::chrono::milliseconds delay, std::function<void()> task);
    void cancel_all();
    std::size_t pending() const;

  private:
    using Clock = std::chrono::steady_clock;
    void run();

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::multimap<Clock::time_point, std::function<void()>> tasks_;
    bool running_task_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace sandbox
