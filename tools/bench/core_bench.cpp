// Benchmarks of the core's hot paths on large inputs: decoding the lookups a partner with many
// subordinate users gets back, and writing the order body. Run with tools/bench/run; numbers are
// printed, never asserted.
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/order_body.h"
#include "core/users_reply.h"
#include "tools/bench/user_list_reply.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

void DecodeSubordinateUsers(benchmark::State& state) {
    const rd::HttpResponse response{.status = 200,
                                    .body = rd::bench::user_list_reply(static_cast<int>(state.range(0)))};
    for (auto _ : state) {
        auto reply = rd::decode_envelope(response);
        auto users = rd::decode_subordinate_users(reply.value().result);
        benchmark::DoNotOptimize(users);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(response.body.size()));
    state.counters["users"] = static_cast<double>(state.range(0));
}
BENCHMARK(DecodeSubordinateUsers)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

// The same reply read straight into the users (users_reply.h), as RenewalFlow does.
void DecodeSubordinateUsersReply(benchmark::State& state) {
    const rd::HttpResponse response{.status = 200,
                                    .body = rd::bench::user_list_reply(static_cast<int>(state.range(0)))};
    for (auto _ : state) {
        auto users = rd::decode_subordinate_users_reply(response);
        benchmark::DoNotOptimize(users);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(response.body.size()));
    state.counters["users"] = static_cast<double>(state.range(0));
}
BENCHMARK(DecodeSubordinateUsersReply)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

void RenewalOrderBody(benchmark::State& state) {
    const rd::RenewalOrder order{.partner_id = "9223372036854775001",
                                 .billing_id = {3197218168379846218ULL},
                                 .plan_id = {3049036224189325312ULL}};
    for (auto _ : state)
        benchmark::DoNotOptimize(rd::renewal_order_body(order));
}
BENCHMARK(RenewalOrderBody)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
