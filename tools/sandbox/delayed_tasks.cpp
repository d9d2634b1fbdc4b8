#include "tools/sandbox/delayed_tasks.h"

namespace sandbox {

DelayedTasks::~DelayedTasks() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        tasks_.clear();
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void DelayedTasks::schedule(std::chrono::milliseconds delay, std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        tasks_.emplace(Clock::now() + delay, std::move(task));
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    changed_.notify_all();
}

void DelayedTasks::cancel_all() {
    std::unique_lock lock(mutex_);
    tasks_.clear();
    changed_.wait(lock, [this] { return !running_task_; });
}

std::size_t DelayedTasks::pending() const {
    std::lock_guard lock(mutex_);
    return tasks_.size();
}

void DelayedTasks::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (tasks_.empty()) {
            changed_.wait(lock);
            continue;
        }
        const auto due = tasks_.begin()->first;
        if (Clock::now() < due) {
            changed_.wait_until(lock, due);
            continue;
        }
        std::function<void()> task = std::move(tasks_.begin()->second);
        tasks_.erase(tasks_.begin());
        running_task_ = true;
        lock.unlock();
        task();
        lock.lock();
        running_task_ = false;
        changed_.notify_all(); // a cancel_all() may wait for this task
    }
}

} // namespace sandbox
