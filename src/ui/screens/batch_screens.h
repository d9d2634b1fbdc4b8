// The batch renewal's three screens: review (every order that will be sent), running (a progress
// bar and each row's outcome as it comes, the reconciliation of an unknown row), done (the counts,
// Retry failed, CSV export and copy). Like every screen they only draw and return actions.
#pragma once

#include "core/batch_run.h"
#include "ui/actions.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd::ui {

enum class BatchView { none, review, running, done };

struct BatchFields {
    BatchView view = BatchView::none;
    std::vector<BatchTarget> targets; // the batch under review
    std::optional<Id64> plan_id;      // one plan and one billing contact for the whole batch
    std::optional<Id64> billing_id;
    std::string base_url;            // where the orders go (set by the app each frame)
    bool sending_to_sandbox = false; // ... and whether that is the known sandbox
    bool journal_checked = false;    // a batch journal was looked for after this sign-in
    // Some targets already have an order that renewed nothing (Retry failed): the person said they
    // checked them; Confirm batch waits for it.
    bool earlier_orders_checked = false;
};

// Some targets already have an order that renewed nothing (from Retry failed): asked before sending.
bool has_earlier_orders(const std::vector<BatchTarget>& targets);

void draw_batch_review_screen(const RenewalFlow& flow, const BatchFields& fields, Actions& actions);
void draw_batch_running_screen(const BatchRun& run, Actions& actions);
void draw_batch_done_screen(const BatchRun& run, Actions& actions);

// A target in words: "Yourself (...)" or "<partnerId> - <company>".
std::string batch_target_text(const BatchTarget& target);
// The file name of an exported batch: renewdesk-batch-<local time>.csv.
std::string batch_csv_name(std::int64_t epoch_ms);

} // namespace rd::ui
