#include "ui/screens/navigator.h"

namespace rd::ui {

namespace {

Screen flow_screen(Stage stage) {
    switch (stage) {
    case Stage::signed_out: return Screen::signed_out;
    case Stage::signing_in: return Screen::signing_in;
    case Stage::choosing: return Screen::choosing;
    case Stage::reviewing: return Screen::reviewing;
    case Stage::submitting: return Screen::submitting;
    case Stage::done: return Screen::done;
    case Stage::failed: return Screen::failed;
    case Stage::outcome_unknown: return Screen::outcome_unknown;
    }
    return Screen::signed_out;
}

} // namespace

Screen current_screen(const ScreenModel& model) {
    const bool signed_in = model.stage != Stage::signed_out && model.stage != Stage::signing_in;
    if (signed_in && model.orders == OrdersPage::orders) return Screen::orders;
    if (signed_in && model.orders == OrdersPage::details) return Screen::order_details;
    switch (model.batch) {
    case BatchView::none: break;
    case BatchView::review: return Screen::batch_review;
    case BatchView::running: return Screen::batch_running;
    case BatchView::done: return Screen::batch_done;
    }
    return flow_screen(model.stage);
}

} // namespace rd::ui
