#include "ui/screens/screen_table.h"

#include "ui/screens/failed_screen.h"
#include "ui/screens/order_details_screen.h"
#include "ui/screens/outcome_unknown_screen.h"
#include "ui/screens/receipt_screen.h"
#include "ui/screens/top_bar.h"

#include <array>

namespace rd::ui {

namespace {

void draw_sign_in(App::Impl& app) {
    draw_sign_in_screen(app.flow, app.sign_in,
                        {.sandbox_base_url = app.environment.sandbox_base_url,
                         .warn_plain_http = app.environment.warn_plain_http},
                        app.actions);
}

void draw_choosing(App::Impl& app) {
    draw_choose_screen(app.flow, app.choose, app.actions);
}

void draw_review(App::Impl& app) {
    app.review.base_url = app.client.base_url();
    app.review.sending_to_sandbox = app.sending_to_sandbox();
    draw_review_screen(app.flow, app.review, app.actions);
}

void draw_receipt(App::Impl& app) {
    draw_receipt_screen(app.flow, app.actions);
}

void draw_failed(App::Impl& app) {
    draw_failed_screen(app.flow, app.actions);
}

void draw_outcome_unknown(App::Impl& app) {
    draw_outcome_unknown_screen(app.flow, app.actions);
}

void draw_batch_review(App::Impl& app) {
    app.batch.base_url = app.client.base_url();
    app.batch.sending_to_sandbox = app.sending_to_sandbox();
    draw_batch_holder(BatchElsewhere::of(app.batch_run)); // why Confirm batch started nothing
    draw_batch_review_screen(app.flow, app.batch, app.actions);
}

void draw_batch_running(App::Impl& app) {
    draw_batch_running_screen(app.batch_run, app.actions);
}

void draw_batch_done(App::Impl& app) {
    draw_batch_done_screen(app.batch_run, app.actions);
}

void draw_orders(App::Impl& app) { // over the flow, which stays as it was
    draw_orders_screen(app.orders_view, app.actions);
}

void draw_order_details(App::Impl& app) {
    draw_order_details_screen(app.orders_view.book, app.actions);
}

// In the order of the Screen enum.
constexpr std::array<ScreenEntry, 13> screens = {{
    {Screen::signed_out, "signed_out", draw_sign_in},
    {Screen::signing_in, "signing_in", draw_sign_in},
    {Screen::choosing, "choosing", draw_choosing, true},
    {Screen::reviewing, "reviewing", draw_review},
    {Screen::submitting, "submitting", draw_review},
    {Screen::done, "done", draw_receipt},
    {Screen::failed, "failed", draw_failed},
    {Screen::outcome_unknown, "outcome_unknown", draw_outcome_unknown},
    {Screen::batch_review, "batch_review", draw_batch_review, true},
    {Screen::batch_running, "batch_running", draw_batch_running, true},
    {Screen::batch_done, "batch_done", draw_batch_done, true},
    {Screen::orders, "orders", draw_orders, true},
    {Screen::order_details, "order_details", draw_order_details, true},
}};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < screens.size(); ++i)
        if (static_cast<std::size_t>(screens[i].screen) != i) return false;
    return true;
}
static_assert(in_enum_order(), "one row per Screen, in the enum's order");

} // namespace

const ScreenEntry& screen_entry(Screen screen) {
    return screens[static_cast<std::size_t>(screen)];
}

void draw_top_bar_of(App::Impl& app) {
    const Stage stage = app.flow.stage();
    const bool signed_in = stage != Stage::signed_out && stage != Stage::signing_in;
    draw_top_bar({.signed_in = signed_in,
                  .sandbox = app.sending_to_sandbox(),
                  .base_url = app.client.base_url(),
                  .client_id = signed_in ? app.client.client_id() : std::string(),
                  .can_open_orders = stage != Stage::submitting,
                  .can_sign_out = stage != Stage::submitting && !app.batch_run.counts().running,
                  .ui_scale = app.ui_scale,
                  .theme = current_theme(),
                  .can_open_licences = static_cast<bool>(app.environment.open_licences),
                  .licences_file = app.environment.licences_file},
                 app.actions);
}

} // namespace rd::ui
