// renewdesk_soak: many hostile renewals in a row (tools/soak runs it). Each run is deterministic per
// seed and run number in what it injects and does; a violation prints both, so one run can be replayed:
//   renewdesk_soak [--runs N] [--seed S] [--run R]
// The last line is: soak: N runs, D done, F failed, U unknown, X duplicate orders, W wrong outcomes
#include "soak_run.h"

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
    int done = 0, failed = 0, unknown = 0, duplicates = 0, wrong = 0, total = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int index = only_run >= 0 ? only_run : 0; index < (only_run >= 0 ? only_run + 1 : runs); ++index) {
        const soak::RunResult r = soak.run(seed, index);
        ++total;
        done += r.outcome == soak::Outcome::done;
        failed += r.outcome == soak::Outcome::failed;
        unknown += r.outcome == soak::Outcome::unknown;
        duplicates += r.duplicate_orders;
        if (!r.wrong.empty() || r.duplicate_orders > 0) {
            ++wrong;
            std::printf(
                "soak: VIOLATION seed %llu run %d: %s%s\n  %s\n  replay: tools/soak --seed %llu --run %d\n",
                static_cast<unsigned long long>(seed), index, r.wrong.c_str(),
                r.duplicate_orders ? " (duplicate orders)" : "", r.story.c_str(),
                static_cast<unsigned long long>(seed), index);
        }
        if (only_run >= 0) std::printf("  %s\n", r.story.c_str());
        if (total % 100 == 0) std::fprintf(stderr, "soak: %d runs...\n", total);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("soak: seed %llu, %.1f s\n", static_cast<unsigned long long>(seed), seconds);
    std::printf("soak: %d runs, %d done, %d failed, %d unknown, %d duplicate orders, %d wrong outcomes\n",
                total, done, failed, unknown, duplicates, wrong);
    return wrong == 0 && duplicates == 0 ? 0 : 1;
}
