#include "ui/app.h"

#include "ui/api_text.h"
#include "ui/app_impl.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/screen_table.h"
#include "ui/text_capture.h"
#include "ui/words/catalog.h"

#include <imgui.h>

#include <algorithm>

namespace rd::ui {

void App::Impl::show_theme() {
    set_theme(chosen_theme.value_or(system_theme));
    apply_theme(ImGui::GetStyle());
    apply_spacing(ImGui::GetStyle());
}

void App::Impl::draw() {
    flow.tick();
    tick_batch();
    const ScreenEntry& screen = screen_entry(current_screen(screen_model()));
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = column_margin(viewport->WorkSize.x, ImGui::GetStyle().WindowPadding.x,
                                       screen.table ? table_content_max_width : content_max_width);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x - 2 * margin, viewport->WorkSize.y));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    show_theme(); // the style is ImGui's, shared: this app's theme holds whatever else set it
    begin_capture_frame();
    ImGui::Begin("RenewDesk", nullptr, flags);
    begin_widgets_frame();
    if (flow.stage() != shown_stage) enter_stage(flow.stage());
    draw_top_bar_of(*this);
    begin_api_text_frame();

    screen.draw(*this);
    draw_shaping_notice();
    if (!notice.empty()) {
        ImGui::Spacing();
        hint(notice.c_str());
        same_line_if_fits(button_width(Text::dismiss));
        if (button(Text::dismiss)) notice.clear();
    }
    draw_close_question();
    end_window(ImGui::End);
    finish_capture_frame();
    end_widgets_frame();

    Actions pending;
    pending.swap(actions);
    for (const Action& action : pending)
        apply(action);
}

bool App::Impl::sending_to_sandbox() const {
    return !environment.sandbox_base_url.empty() && client.base_url() == environment.sandbox_base_url;
}

void App::Impl::apply(const Action& action) {
    if (apply_orders_action(orders_view, action)) return;
    if (apply_batch(action)) return;
    if (apply_flow(action)) return;
    apply_app_action(action);
}

App::App(Transport& transport, const Clock& clock, AppEnvironment environment)
    : impl_(std::make_unique<Impl>(transport, clock, std::move(environment))) {}

App::~App() {
    const UiContext* mine = &impl_->ui;
    impl_.reset();
    if (current_ui_context() == mine) set_current_ui_context(nullptr);
}

// Every entry point makes this App's context current and leaves it so (as ImGui::SetCurrentContext):
// the shell reads the mirror and feeds its requests through the free functions right after a frame.
void App::draw() {
    set_current_ui_context(&impl_->ui);
    impl_->draw();
}

void App::set_heading_font(ImFont* font) {
    impl_->ui.heading_font = font;
}

bool App::needs_frames() const {
    const RenewalFlow& flow = impl_->flow;
    return impl_->orders_view.book.busy() || flow.busy() || flow.stage() == Stage::signing_in ||
           flow.stage() == Stage::submitting || impl_->batch_run.counts().running;
}

std::optional<std::int64_t> App::ms_until_due() const {
    auto due_at = impl_->flow.recheck_at_ms();               // the order list's second reading
    const auto batch_due = impl_->batch_run.recheck_at_ms(); // ... or the batch's, for its unknown row
    if (batch_due && (!due_at || *batch_due < *due_at)) due_at = batch_due;
    if (impl_->flow.busy_holder() || impl_->batch_run.busy_holder()) { // another copy's journal: look again
        const std::int64_t look_at = impl_->client.clock().epoch_ms() + 1000;
        if (!due_at || look_at < *due_at) due_at = look_at;
    }
    if (!due_at) return std::nullopt;
    return std::max<std::int64_t>(0, *due_at - impl_->client.clock().epoch_ms());
}

bool App::order_in_flight() const {
    return impl_->flow.stage() == Stage::submitting || impl_->batch_sending();
}

bool App::allow_close() {
    if (!order_in_flight()) return true;
    impl_->close_asked = true;
    return false;
}

bool App::wants_close() const {
    return impl_->close_confirmed;
}

float App::ui_scale() const {
    return static_cast<float>(impl_->ui_scale) / 100.0f;
}

void App::set_system_theme(Theme theme) {
    set_current_ui_context(&impl_->ui);
    impl_->system_theme = theme;
    impl_->show_theme();
}

const std::map<std::string, WidgetRect>& App::widget_rects() const {
    return impl_->ui.tracked.rects;
}

} // namespace rd::ui
