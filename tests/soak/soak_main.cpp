// renewdesk_soak: many hostile renewals in a row (tools/soak runs it). Each run is deterministic per
// seed and run number in what it injects and does; a violation prints both, so one run can be replayed:
//   renewdesk_soak [--runs N] [--seed S] [--run R]
// The line before the last counts the plural world and how unknown outcomes ended:
//   soak: unknown outcomes: a found, b none, c ambiguous; late commits after settle: K; other operators'
//   orders: O in R runs; second copies: C
// The last line is:
//   soak: N runs, D done, F failed, U unknown, X duplicate orders, W wrong outcomes, T foreign orders taken
// (W counts runs with anything wrong, a foreign order taken included; T counts runs whose app said found
// or placed naming an order that this run's confirmation did not create. What "wrong" means for each
// outcome is in soak_run.cpp. A late commit after the settle time that makes a "none" wrong is the
// documented limit of any settle time: counted apart, K, not as wrong.)
#include "tests/soak/soak_run.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    int runs = 1000;
    std::uint64_t seed = 1;
    int only_run = -1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed")) seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (!std::strcmp(argv[i], "--run")) only_run = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: renewdesk_soak [--runs N] [--seed S] [--run R]\n");
            return 2;
        }
    }
    soak::Soak soak;
    int done = 0, failed = 0, unknown = 0, duplicates = 0, wrong = 0, foreign_taken = 0, total = 0;
    int found = 0, none = 0, ambiguous = 0, late_after_settle = 0, foreign_orders = 0, runs_with_foreign = 0,
        second_copies = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int index = only_run >= 0 ? only_run : 0; index < (only_run >= 0 ? only_run + 1 : runs); ++index) {
        const soak::RunResult r = soak.run(seed, index);
        ++total;
        done += r.outcome == soak::Outcome::done;
        failed += r.outcome == soak::Outcome::failed;
        unknown += r.outcome == soak::Outcome::unknown;
        duplicates += r.duplicate_orders;
        foreign_taken += r.foreign_order_taken;
        found += r.reconciliation == "found";
        none += r.reconciliation == "none";
        ambiguous += r.reconciliation == "ambiguous";
        late_after_settle += r.late_commit_after_settle;
        foreign_orders += r.foreign_orders;
        runs_with_foreign += r.foreign_orders > 0;
        second_copies += r.second_copy;
        if (!r.wrong.empty() || r.duplicate_orders > 0 || r.foreign_order_taken) {
            ++wrong;
            std::printf(
                "soak: VIOLATION seed %llu run %d: %s%s%s\n  %s\n  replay: tools/soak --seed %llu --run %d\n",
                static_cast<unsigned long long>(seed), index, r.wrong.c_str(),
                r.duplicate_orders ? " (duplicate orders)" : "",
                r.foreign_order_taken ? " (a foreign order taken)" : "", r.story.c_str(),
                static_cast<unsigned long long>(seed), index);
        }
        if (only_run >= 0) std::printf("  %s\n", r.story.c_str());
        if (total % 100 == 0) {
            std::fflush(stdout); // whole lines when both go to one log
            std::fprintf(stderr, "soak: %d runs...\n", total);
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("soak: seed %llu, %.1f s\n", static_cast<unsigned long long>(seed), seconds);
    std::printf(
        "soak: unknown outcomes: %d found, %d none, %d ambiguous; late commits after settle: %d; other "
        "operators' orders: %d in %d runs; second copies: %d\n",
        found, none, ambiguous, late_after_settle, foreign_orders, runs_with_foreign, second_copies);
    std::printf(
        "soak: %d runs, %d done, %d failed, %d unknown, %d duplicate orders, %d wrong outcomes, %d foreign "
        "orders taken\n",
        total, done, failed, unknown, duplicates, wrong, foreign_taken);
    return wrong == 0 && duplicates == 0 && foreign_taken == 0 ? 0 : 1;
}
