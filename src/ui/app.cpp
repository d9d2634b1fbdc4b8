#include "app.h"

#include "api_text.h"
#include "app_impl.h"
#include "build_info.h"
#include "catalog.h"
#include "choose_screen.h"
#include "display_text.h"
#include "header.h"
#include "kit/widgets.h"
#include "layout.h"
#include "notices.h"
#include "result_screens.h"
#include "review_screen.h"
#include "screens/screen_table.h"
#include "sign_in_screen.h"
#include "text.h"
#include "text_capture.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiInputTextState: wiped after the secret was handed over

#include <algorithm>

namespace rd::ui {

// The two language buttons, each named in its own language, tracked as language:en and language:zh.
float App::Impl::language_buttons_width() const {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0;
    for (Language language : {Language::en, Language::zh})
        width += ImGui::CalcTextSize(tr_in(language, Text::language_name)).x + 2 * style.FramePadding.x;
    return width + style.ItemSpacing.x;
}

void App::Impl::draw_language_buttons() {
    for (Language language : {Language::en, Language::zh}) {
        const WidgetId id{std::string("language:") + language_code(language),
                          tr_in(language, Text::language_name)};
        const bool current = current_language() == language;
        if (bar_button(id, 0, current) && !current) {
            set_language(language);
            if (environment.remember_language) environment.remember_language(language);
        }
        if (language == Language::en) ImGui::SameLine();
    }
}

void App::Impl::show_theme() {
    set_theme(chosen_theme.value_or(system_theme));
    apply_theme(ImGui::GetStyle());
    apply_spacing(ImGui::GetStyle());
}

// One button, tracked as Theme, showing the theme a click switches to; as wide as its wider text so the
// top bar does not move when it flips.
float App::Impl::theme_button_width() const {
    const float text =
        std::max(ImGui::CalcTextSize(tr(Text::theme_dark)).x, ImGui::CalcTextSize(tr(Text::theme_light)).x);
    return text + 2 * ImGui::GetStyle().FramePadding.x;
}

void App::Impl::draw_theme_button() {
    const Theme next = current_theme() == Theme::dark ? Theme::light : Theme::dark;
    const Text text = next == Theme::dark ? Text::theme_dark : Text::theme_light;
    if (!bar_button({"Theme", tr(text)}, theme_button_width())) return;
    chosen_theme = next;
    show_theme();
    if (environment.remember_theme) environment.remember_theme(next);
}

// One button, tracked as "UI scale", showing the scale in use; a click takes the next step (after 200%
// back to 100%). As wide as its widest text so the bar does not move.
float App::Impl::ui_scale_button_width() const {
    return ImGui::CalcTextSize(format(Text::ui_scale_fmt, ui_scale_steps.back()).c_str()).x +
           2 * ImGui::GetStyle().FramePadding.x;
}

void App::Impl::draw_ui_scale_button() {
    if (!bar_button({"UI scale", format(Text::ui_scale_fmt, ui_scale)}, ui_scale_button_width())) return;
    ui_scale = next_ui_scale(ui_scale); // the shell applies it from the next frame (App::ui_scale)
    if (environment.remember_ui_scale) environment.remember_ui_scale(ui_scale);
}

void App::Impl::draw_top_bar() {
    const bool signed_in = flow.stage() != Stage::signed_out && flow.stage() != Stage::signing_in;
    draw_header_identity({.signed_in = signed_in,
                          .sandbox = sending_to_sandbox(),
                          .base_url = client.base_url(),
                          .client_id = signed_in ? client.client_id() : std::string(),
                          .version = build_info::version()});
    const ImGuiStyle& style = ImGui::GetStyle();
    // As wide as its words: the header's one row must fit the content column (layout.h).
    const float sign_out_width = signed_in ? button_width(Text::sign_out) : 0;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float switches_width = ui_scale_button_width() + style.ItemSpacing.x + theme_button_width() +
                                 style.ItemSpacing.x + language_buttons_width();
    const float orders_width =
        signed_in ? ImGui::CalcTextSize(tr(Text::orders)).x + 2 * style.FramePadding.x + style.ItemSpacing.x
                  : 0;
    const float group_width =
        orders_width + switches_width + (signed_in ? style.ItemSpacing.x + sign_out_width : 0);
    // On a narrow window (a phone) the buttons go below the name, from the left, each on the next line
    // when it does not fit beside the one before: never overlapping, never cut off.
    const bool wrapped =
        ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x + group_width > right;
    bool first = true;
    auto next = [&](float x, float width) { // x: where it goes on one line (0: right after the one before)
        if (!wrapped) ImGui::SameLine(x);
        else if (!first) same_line_if_fits(width);
        first = false;
    };
    if (signed_in) { // Orders, left of the theme and language switches
        next(right - sign_out_width - style.ItemSpacing.x - switches_width - orders_width,
             orders_width - style.ItemSpacing.x);
        if (button(Text::orders, flow.stage() != Stage::submitting))
            actions.push_back({.kind = ActionKind::open_orders});
    }
    next(right - sign_out_width - (signed_in ? style.ItemSpacing.x : 0) - switches_width,
         ui_scale_button_width());
    draw_ui_scale_button();
    next(0, theme_button_width());
    draw_theme_button();
    next(0, language_buttons_width() - style.ItemSpacing.x);
    draw_language_buttons();
    if (signed_in) {
        next(right - sign_out_width, sign_out_width);
        const bool can_sign_out = flow.stage() != Stage::submitting && !batch_run.counts().running;
        if (button(Text::sign_out, can_sign_out)) actions.push_back({.kind = ActionKind::sign_out});
    }
    draw_header_about({.version = build_info::version(),
                       .commit = build_info::commit(),
                       .build_type = build_info::build_type(),
                       .can_open_licences = static_cast<bool>(environment.open_licences),
                       .licences_file = environment.licences_file},
                      actions);
    ImGui::Spacing();
}

void App::Impl::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = column_margin(viewport->WorkSize.x, ImGui::GetStyle().WindowPadding.x);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x - 2 * margin, viewport->WorkSize.y));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    flow.tick();
    tick_batch();
    show_theme(); // the style is ImGui's, shared: this app's theme holds whatever else set it
    begin_capture_frame();
    ImGui::Begin("RenewDesk", nullptr, flags);
    begin_widgets_frame();
    if (flow.stage() != shown_stage) { // a new screen: the keyboard goes where typing starts
        shown_stage = flow.stage();
        if (shown_stage == Stage::choosing) choose.focus_search = true;
        if (shown_stage == Stage::signed_out) sign_in.focus = true;
        if (shown_stage == Stage::reviewing) {
            review.focus_back = true;
            // What the page learned of the server toward the browser: read once per review (its
            // Resource Timing scan is not a per-frame cost), after the lookups it learns from.
            review.deployment.reset();
            if (environment.deployment_facts)
                review.deployment = environment.deployment_facts(client.base_url());
        }
    }
    draw_top_bar();
    begin_api_text_frame();

    screen_entry(current_screen(screen_model())).draw(*this);
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

// The shell asked to close while an order is on its way: ask the person, never decide for them.
void App::Impl::draw_close_question() {
    if (!close_asked) return;
    if (flow.stage() != Stage::submitting &&
        !batch_sending()) { // the outcome arrived meanwhile: show it, ask again on the next close
        close_asked = false;
        return;
    }
    const std::string title = label(Text::close_title);
    ImGui::OpenPopup(title.c_str());
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    alert_lines({tr(Text::close_outcome_not_known), tr(Text::close_finds_out_later)});
    if (button(Text::keep_open, true, 140)) actions.push_back({.kind = ActionKind::keep_open});
    ImGui::SameLine();
    if (button(Text::close_anyway, true, 140)) actions.push_back({.kind = ActionKind::close_anyway});
    end_window(ImGui::EndPopup);
}

// The secret goes to the flow; every copy the UI held is overwritten: the field's string and
// ImGui's own editing buffers (the active field's text, its initial text and its undo store).
void App::Impl::hand_secret_to_flow() {
    std::string secret = sign_in.client_secret;
    wipe_string(sign_in.client_secret);
    ImGuiInputTextState& editing = ImGui::GetCurrentContext()->InputTextState;
    wipe_bytes(editing.TextA.Data, static_cast<std::size_t>(editing.TextA.Capacity));
    wipe_bytes(editing.InitialTextA.Data, static_cast<std::size_t>(editing.InitialTextA.Capacity));
    wipe_bytes(reinterpret_cast<char*>(editing.TextW.Data), editing.TextW.Capacity * sizeof(ImWchar));
    wipe_bytes(reinterpret_cast<char*>(&editing.Stb), sizeof editing.Stb);
    editing.CurLenA = editing.CurLenW = 0;
    ImGui::ClearActiveID();
    flow.sign_in(sign_in.base_url, sign_in.client_id, std::move(secret));
}

void App::Impl::apply(const Action& action) {
    if (apply_orders_action(orders_view, action)) return;
    switch (action.kind) {
    case ActionKind::sign_in:
        if (environment.remember) environment.remember(sign_in.base_url, sign_in.client_id);
        notice.clear();
        hand_secret_to_flow();
        break;
    case ActionKind::sign_out:
        flow.sign_out();
        close_orders_view(orders_view);
        choose = ChooseFields{};
        batch = BatchFields{};
        review = ReviewFields{};
        notice.clear();
        break;
    case ActionKind::retry_lookup: flow.retry_lookup(action.lookup); break;
    case ActionKind::choose_myself: flow.choose_myself(); break;
    case ActionKind::choose_user: flow.choose_subordinate(action.text); break;
    case ActionKind::choose_plan: flow.choose_plan(action.id); break;
    case ActionKind::type_plan_id: flow.type_plan_id(action.text); break;
    case ActionKind::choose_contact: flow.choose_billing_contact(action.id); break;
    case ActionKind::type_billing_id: flow.type_billing_id(action.text); break;
    case ActionKind::review:
        flow.review();
        if (flow.stage() == Stage::reviewing) flow.set_po_number(review.po_number);
        break;
    case ActionKind::set_po_number: flow.set_po_number(action.text); break;
    case ActionKind::back_to_choosing: flow.back_to_choosing(); break;
    case ActionKind::confirm: flow.confirm(); break;
    case ActionKind::reconcile: flow.reconcile(); break;
    case ActionKind::forget_journal: flow.forget_pending_journal(); break;
    case ActionKind::renew_another:
        flow.renew_another();
        if (flow.stage() != Stage::choosing) break;
        choose.typed_plan_id.clear();
        choose.typed_billing_id.clear();
        review.po_number.clear();
        notice.clear();
        break;
    case ActionKind::open_orders:
    case ActionKind::leave_orders:
    case ActionKind::refresh_orders:
    case ActionKind::refresh_order_status:
    case ActionKind::refresh_pending_orders:
    case ActionKind::open_order_details: break; // apply_orders_action
    case ActionKind::keep_open: close_asked = false; break;
    case ActionKind::close_anyway: close_confirmed = true; break;
    case ActionKind::review_batch:
    case ActionKind::confirm_batch:
    case ActionKind::leave_batch:
    case ActionKind::continue_batch:
    case ActionKind::stop_batch:
    case ActionKind::check_batch_row:
    case ActionKind::retry_failed:
    case ActionKind::earlier_orders_checked:
    case ActionKind::export_csv: apply_batch(action); break;
    case ActionKind::open_licences:
        if (environment.open_licences) environment.open_licences();
        break;
    case ActionKind::copy_text:
        if (environment.copy_to_clipboard) {
            environment.copy_to_clipboard(action.text);
            notice = tr(Text::copied_to_clipboard);
        }
        break;
    case ActionKind::save_receipt:
        if (environment.save_file) {
            std::string name =
                "renewdesk-receipt-" +
                (flow.receipt().order_no.empty() ? std::string("order") : flow.receipt().order_no) + ".json";
            notice = saved_file_notice(environment.save_file(name, receipt_json(flow)));
        }
        break;
    }
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
