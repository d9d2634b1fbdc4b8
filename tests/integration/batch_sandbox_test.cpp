// A batch of 50 through the real libcurl transport and the real sandbox (its --users generated users):
// the 7th order refused, the 23rd committed and then its connection dropped (outcome unknown, found by
// reconciliation, then resumed). The sandbox's order log must hold exactly one order per placed row.
#include "core/batch_run.h"
#include "tests/integration/sandbox_session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>

using namespace rd;
using namespace rd::test;

namespace {

const Id64 tutorial_billing_id{3197218168379846218ULL};
const Id64 tutorial_plan_id{3049036224189325312ULL};
constexpr int batch_size = 50;
constexpr std::size_t refused_row = 6;  // the 7th row
constexpr std::size_t dropped_row = 22; // the 23rd row

// Polls the transport and ticks the batch as the app's frame loop does, until `done` or 60 s.
bool pump(SandboxSession& s, BatchRun& batch, const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        s.transport->poll();
        batch.tick();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return true;
}

} // namespace

TEST(BatchSandbox, FiftyOrdersOneEachWithARefusalAndAnUnknownFoundByReconciliation) {
    SandboxSession s{sandbox::SandboxOptions{.generated_users = batch_size}};
    ASSERT_TRUE(s.sign_in_and_load());
    ASSERT_EQ(s.flow.users().status, LookupStatus::loaded);
    const auto& users = s.flow.users().value;
    ASSERT_GE(users.size(), static_cast<std::size_t>(batch_size));
    std::vector<BatchTarget> targets;
    for (std::size_t i = users.size() - batch_size; i < users.size(); ++i) // the generated ones
        targets.push_back({users[i].partner_id, users[i].company});

    s.fault({{"endpoint", "save"},
             {"kind", "api_error"},
             {"status", 422},
             {"code", "insufficient_balance"},
             {"nth", refused_row + 1}});
    s.fault({{"endpoint", "save"}, {"kind", "commit_then_drop"}, {"nth", dropped_row + 1}});

    MemoryJournalStore store;
    BatchRun batch(s.client, &store, s.clock);
    const auto started = std::chrono::steady_clock::now();
    batch.start(targets, tutorial_plan_id, tutorial_billing_id, "PO-BATCH-50");
    ASSERT_TRUE(pump(s, batch, [&] { return batch.stopped_at_unknown() || !batch.counts().running; }));
    ASSERT_EQ(batch.unknown_row(), std::optional<std::size_t>(dropped_row));
    ASSERT_TRUE(pump(s, batch, [&] { return batch.reconciliation().status != ReconcileStatus::checking; }));
    ASSERT_EQ(batch.reconciliation().status, ReconcileStatus::found);
    ASSERT_TRUE(batch.outcome_settled());
    EXPECT_TRUE(store.load()) << "journaled until the unknown row is taken";
    batch.resume();
    ASSERT_TRUE(pump(s, batch, [&] { return !batch.counts().running; }));
    const double elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();

    const BatchCounts counts = batch.counts();
    EXPECT_EQ(counts.size, batch_size);
    EXPECT_EQ(counts.sent, batch_size);
    EXPECT_EQ(counts.placed, batch_size - 1);
    EXPECT_EQ(counts.failed, 1);
    EXPECT_EQ(counts.unknown, 0);
    EXPECT_EQ(batch.orders_sent(), batch_size);
    EXPECT_FALSE(store.load()) << "finished with no unknown row";
    const auto& rows = batch.rows();
    EXPECT_EQ(rows[refused_row].status, BatchRowStatus::failed);
    ASSERT_TRUE(rows[refused_row].error);
    EXPECT_EQ(rows[refused_row].error->code, "insufficient_balance");
    EXPECT_EQ(rows[dropped_row].status, BatchRowStatus::placed);
    ASSERT_EQ(batch.failed_targets().size(), 1u);
    EXPECT_EQ(batch.failed_targets()[0].partner_id, targets[refused_row].partner_id);

    // The sandbox's log, per row: exactly one order for each placed row, none for the refused one.
    const auto log = s.orders();
    std::map<std::string, std::vector<std::string>> orders_of; // partnerId -> orderNos in the log
    for (const auto& entry : log) {
        const auto body = nlohmann::json::parse(entry["body"].get<std::string>());
        orders_of[body.value("partnerId", std::string())].push_back(
            entry["result"]["orderNo"].get<std::string>());
    }
    EXPECT_EQ(log.size(), static_cast<std::size_t>(batch_size - 1));
    std::string per_row;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& found = orders_of[targets[i].partner_id];
        per_row += std::to_string(found.size());
        if (i == refused_row) {
            EXPECT_EQ(found.size(), 0u) << "row " << i + 1;
            continue;
        }
        ASSERT_EQ(found.size(), 1u) << "row " << i + 1;
        EXPECT_EQ(found[0], rows[i].order_no) << "row " << i + 1;
    }
    std::printf("[batch of 50] orders in the sandbox log per row (row 1..50): %s\n", per_row.c_str());
    std::printf(
        "[batch of 50] %zu orders in the log, %d placed, %d failed (row %zu refused), row %zu unknown "
        "-> found by reconciliation; %.0f ms for the 50 (%.1f ms per row, reconciliation included)\n",
        log.size(), counts.placed, counts.failed, refused_row + 1, dropped_row + 1, elapsed_ms,
        elapsed_ms / batch_size);
}
