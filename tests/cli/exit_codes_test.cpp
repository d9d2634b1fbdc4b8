#include "cli/exit_codes.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::cli;

TEST(ExitCodes, RowsMapToOutcomeCodes) {
    EXPECT_EQ(exit_for_row(BatchRowStatus::placed), 0);
    EXPECT_EQ(exit_for_row(BatchRowStatus::pending), 0);
    EXPECT_EQ(exit_for_row(BatchRowStatus::failed), 2);
    EXPECT_EQ(exit_for_row(BatchRowStatus::skipped), 2);
    EXPECT_EQ(exit_for_row(BatchRowStatus::unknown), 3);
}

TEST(ExitCodes, ABatchExitsWithItsWorstRow) {
    auto rows = [](std::initializer_list<BatchRowStatus> statuses) {
        std::vector<BatchRow> out;
        for (auto status : statuses)
            out.push_back(BatchRow{.status = status});
        return out;
    };
    EXPECT_EQ(exit_for_batch(rows({BatchRowStatus::placed, BatchRowStatus::pending})), 0);
    EXPECT_EQ(exit_for_batch(rows({BatchRowStatus::placed, BatchRowStatus::failed, BatchRowStatus::placed})),
              2);
    EXPECT_EQ(exit_for_batch(rows({BatchRowStatus::unknown, BatchRowStatus::failed})), 3);
    EXPECT_EQ(exit_for_batch(rows({BatchRowStatus::failed, BatchRowStatus::unknown})), 3);
    EXPECT_EQ(worse(0, 2), 2);
    EXPECT_EQ(worse(3, 2), 3);
}

TEST(ExitCodes, ReconciliationFoundIsZeroRuledOutTwoOtherwiseThree) {
    EXPECT_EQ(exit_for_reconciliation(ReconcileStatus::found, true), 0);
    EXPECT_EQ(exit_for_reconciliation(ReconcileStatus::none, true), 2);
    EXPECT_EQ(exit_for_reconciliation(ReconcileStatus::none, false), 3);
    EXPECT_EQ(exit_for_reconciliation(ReconcileStatus::error, false), 3);
    EXPECT_EQ(exit_for_reconciliation(ReconcileStatus::ambiguous, true), 5);
}

TEST(ExitCodes, AnOrderThatExistsFollowsTheOneStatusTable) {
    for (const char* renewed : {"succeed", "pending", "confirming", ""})
        EXPECT_EQ(exit_for_order_status(renewed), 0) << renewed;
    for (const char* not_renewed : {"failed", "invalid", "cancelled", "refunded"})
        EXPECT_EQ(exit_for_order_status(not_renewed), 2) << not_renewed;
    EXPECT_STREQ(outcome_for_order_status("succeed"), "placed");
    EXPECT_STREQ(outcome_for_order_status("pending"), "pending");
    EXPECT_STREQ(outcome_for_order_status("refunded"), "not renewed");
    EXPECT_EQ(exit_for_reconciliation(ReconcileStatus::checking, false), 3);
}

TEST(ExitCodes, ErrorLineCarriesCodeDetailAndRequestId) {
    const ApiError refused{.kind = ErrorKind::api,
                           .http_status = 400,
                           .code = "10001",
                           .api_text = "Invalid billing id",
                           .request_id = "abc-123"};
    EXPECT_EQ(error_line("the order was not placed", refused),
              "renewdesk-cli: the order was not placed: 10001 Invalid billing id (requestId abc-123)");
    const ApiError network{.kind = ErrorKind::network, .transport_text = "Could not connect"};
    EXPECT_EQ(error_line("could not sign in", network),
              "renewdesk-cli: could not sign in: Could not connect");
    // The core's facts in the same English words as the app's.
    const ApiError busy{.kind = ErrorKind::http,
                        .http_status = 503,
                        .detail = {.kind = DetailKind::unavailable, .number = 90}};
    EXPECT_EQ(
        error_line("could not read the plans", busy),
        "renewdesk-cli: could not read the plans: HTTP 503 The Partner Portal is unavailable for now: try "
        "again in 90 seconds.");
    const ApiError journal{.kind = ErrorKind::input, .detail = {.kind = DetailKind::journal_unwritable}};
    EXPECT_EQ(
        error_line("the order was not sent", journal),
        "renewdesk-cli: the order was not sent: The in-flight journal could not be written (disk full or a "
        "read-only folder?): nothing was sent.");
}
