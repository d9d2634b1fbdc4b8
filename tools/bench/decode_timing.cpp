// Decoding 10,000 subordinate users in WebAssembly (built by the web preset, run under node by
// tools/bench/run): the one-pass reader the app uses, the two-step path it falls back to, and
// nlohmann's bare accept() as a floor. Google Benchmark has no em++ build here, so this times
// 12 runs itself and prints min / median / max. Prints numbers; asserts nothing.
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/json.h"
#include "core/users_reply.h"
#include "tools/bench/user_list_reply.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

template <class Decode> void time_runs(const char* what, std::size_t expected, Decode decode) {
    constexpr int runs = 12;
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const std::size_t count = decode();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (count != expected) {
            std::printf("wasm decode: %s decoded %zu users, not %zu\n", what, count, expected);
            return;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("wasm decode: %-48s min %.1f ms, median %.1f ms, max %.1f ms (%d runs)\n", what, ms.front(),
                ms[runs / 2], ms.back(), runs);
}

} // namespace

int main() {
    const rd::HttpResponse response{.status = 200, .body = rd::bench::user_list_reply(10000)};
    time_runs("10,000 users, one pass (what the app uses)", 10000,
              [&] { return rd::decode_subordinate_users_reply(response).value().users.size(); });
    time_runs("10,000 users, decode_envelope + decoder", 10000, [&] {
        auto reply = rd::decode_envelope(response);
        return rd::decode_subordinate_users(reply.value().result).value().size();
    });
    time_runs("nlohmann accept() of the same text (a floor)", 10000,
              [&] { return rd::Json::accept(response.body) ? std::size_t{10000} : std::size_t{0}; });
}
