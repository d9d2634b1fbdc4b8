// Which screen shows: decided here once, for App::draw() and for the test hooks' "screen" alike.
// The flow's stage picks the screen unless the batch's screens or the Orders screens are open over it
// (the Orders screens only while signed in).
//
//   const Screen screen = current_screen({.stage = flow.stage(), .batch = batch.view, .orders = page});
#pragma once

#include "core/renewal_flow.h"
#include "ui/screens/batch_screens.h"
#include "ui/screens/orders_screen.h"

namespace rd::ui {

// One per screen the hooks can name; signed_out and signing_in draw the same sign-in screen (and
// reviewing and submitting the review), but the hooks tell them apart.
enum class Screen {
    signed_out,
    signing_in,
    choosing,
    reviewing,
    submitting,
    done,
    failed,
    outcome_unknown,
    batch_review,
    batch_running,
    batch_done,
    orders,
    order_details,
};

struct ScreenModel {
    Stage stage = Stage::signed_out;
    BatchView batch = BatchView::none;
    OrdersPage orders = OrdersPage::none;
};

Screen current_screen(const ScreenModel& model);

} // namespace rd::ui
