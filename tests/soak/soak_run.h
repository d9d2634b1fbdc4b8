// One soak run: a renewal through the real core and the real libcurl transport against the
// sandbox on loopback, with faults, token expiry and the person's actions drawn from the run's own
// random generator; then the sandbox's order log is held against what the app said.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace soak {

enum class Outcome { done, failed, unknown };

struct RunResult {
    Outcome outcome = Outcome::failed;
    int orders_in_log = 0;
    int confirmations = 0;    // confirm() calls that handed an order to the client
    int duplicate_orders = 0; // orders in the log beyond one per confirmation
    std::string wrong;        // non-empty: what the app said that the log contradicts
    std::string story;        // the faults and actions of the run, for a replay
};

class Soak {
  public:
    Soak();
    ~Soak();
    RunResult run(std::uint64_t seed, int index);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace soak
