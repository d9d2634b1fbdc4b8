// Clock: milliseconds on a monotonic clock, injectable so token expiry is testable without waiting.
#pragma once

#include <chrono>
#include <cstdint>

namespace rd {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() const = 0;
    // Wall-clock time, Unix epoch milliseconds: for records a person or the server compares.
    virtual std::int64_t epoch_ms() const = 0;
};

class SteadyClock final : public Clock {
  public:
    std::int64_t now_ms() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    std::int64_t epoch_ms() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

} // namespace rd
