// One soak run: a renewal through the real core and the real libcurl transport against the
// sandbox on loopback, with faults, token expiry and the person's actions drawn from the run's own
// random generator, in a plural world (the API's clock off, references echoed or not, other operators'
// orders, sometimes a second copy of RenewDesk ordering for another customer at the same time); then the
// sandbox's order log is held against what the app said.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace soak {

enum class Outcome { done, failed, unknown };

struct RunResult {
    Outcome outcome = Outcome::failed;
    std::string reconciliation; // outcome unknown: "found", "none", "ambiguous" (else "")
    int orders_in_log = 0;      // this run's own orders (those that carry its reference)
    int confirmations = 0;      // confirm() calls that handed an order to the client
    int duplicate_orders = 0;   // own orders in the log beyond one per confirmation (both copies)
    bool foreign_order_taken =
        false; // found (or placed) names an order this run's confirmation did not create
    bool late_commit_after_settle = false; // a "none" contradicted only by a commit after the last reading
    int foreign_orders = 0;                // other operators' orders listed during the run
    bool second_copy = false;
    std::string wrong; // non-empty: what the app said that the log contradicts
    std::string story; // the faults and actions of the run, for a replay
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
