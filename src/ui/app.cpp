#include "app.h"

#include "api_client.h"
#include "choose_screen.h"
#include "renewal_flow.h"
#include "result_screens.h"
#include "review_screen.h"
#include "sign_in_screen.h"
#include "widgets.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace rd::ui {

struct App::Impl {
    Impl(Transport& transport, const Clock& clock, AppEnvironment env)
        : environment(std::move(env)), client(transport, clock, ApiClientOptions{}), flow(client) {
        sign_in.base_url = !environment.remembered_base_url.empty() ? environment.remembered_base_url
                                                                     : environment.default_base_url;
        sign_in.client_id = environment.remembered_client_id;
    }

    void draw();
    void draw_top_bar();
    void apply(const Action& action);

    AppEnvironment environment;
    ApiClient client;
    RenewalFlow flow;
    SignInFields sign_in;
    ChooseFields choose;
    Actions actions;
    std::string notice; // last copy / download confirmation
    Stage shown_stage = Stage::signed_out;
    bool focus_review = false;
    bool close_asked = false;     // the shell wants to close while an order is in flight
    bool close_confirmed = false; // ... and the person said close anyway
};

void App::Impl::draw_top_bar() {
    ImGui::TextUnformatted("RenewDesk");
    ImGui::SameLine();
    ImGui::TextDisabled("- renew Yeastar Remote Management");
    if (flow.stage() == Stage::signed_out || flow.stage() == Stage::signing_in) return;
    ImGui::SameLine();
    ImGui::TextDisabled("| %s", client.base_url().c_str());
    float width = 110;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    if (button("Sign out", flow.stage() != Stage::submitting, width)) actions.push_back({.kind = ActionKind::sign_out});
}

void App::Impl::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("RenewDesk", nullptr, flags);
    tracked_rects().clear();
    focused_label().clear();
    if (flow.stage() != shown_stage) { // a new screen: the keyboard goes where typing starts
        shown_stage = flow.stage();
        if (shown_stage == Stage::choosing) choose.focus_search = true;
        if (shown_stage == Stage::signed_out) sign_in.focus = true;
        focus_review = shown_stage == Stage::reviewing;
    }
    draw_top_bar();

    switch (flow.stage()) {
    case Stage::signed_out:
    case Stage::signing_in: draw_sign_in_screen(flow, sign_in, environment.served_by_sandbox, actions); break;
    case Stage::choosing: draw_choose_screen(flow, choose, actions); break;
    case Stage::reviewing:
    case Stage::submitting:
        draw_review_screen(flow, focus_review, actions);
        focus_review = false;
        break;
    case Stage::done: draw_receipt_screen(flow, actions); break;
    case Stage::failed: draw_failed_screen(flow, actions); break;
    case Stage::outcome_unknown: draw_outcome_unknown_screen(flow, actions); break;
    }
    if (!notice.empty()) {
        ImGui::Spacing();
        hint(notice.c_str());
    }
    ImGui::End();

    Actions pending;
    pending.swap(actions);
    for (const Action& action : pending) apply(action);
}

void App::Impl::apply(const Action& action) {
    switch (action.kind) {
    case ActionKind::sign_in:
        if (environment.remember) environment.remember(sign_in.base_url, sign_in.client_id);
        notice.clear();
        flow.sign_in(sign_in.base_url, sign_in.client_id, std::move(sign_in.client_secret));
        sign_in.client_secret.clear(); // the flow holds it now; the text field must not keep a copy
        break;
    case ActionKind::sign_out:
        flow.sign_out();
        choose = ChooseFields{};
        notice.clear();
        break;
    case ActionKind::retry_lookup: flow.retry_lookup(action.lookup); break;
    case ActionKind::choose_myself: flow.choose_myself(); break;
    case ActionKind::choose_user: flow.choose_subordinate(action.text); break;
    case ActionKind::choose_plan: flow.choose_plan(action.id); break;
    case ActionKind::type_plan_id: flow.type_plan_id(action.text); break;
    case ActionKind::choose_contact: flow.choose_billing_contact(action.id); break;
    case ActionKind::review: flow.review(); break;
    case ActionKind::back_to_choosing: flow.back_to_choosing(); break;
    case ActionKind::confirm: flow.confirm(); break;
    case ActionKind::check_order_list: flow.check_order_list(); break;
    case ActionKind::renew_another:
        flow.renew_another();
        choose.typed_plan_id.clear();
        notice.clear();
        break;
    case ActionKind::copy_text:
        if (environment.copy_to_clipboard) {
            environment.copy_to_clipboard(action.text);
            notice = "Copied to the clipboard.";
        }
        break;
    case ActionKind::save_receipt:
        if (environment.save_file) {
            std::string name = "renewdesk-receipt-" + (flow.receipt().order_no.empty() ? std::string("order") : flow.receipt().order_no) + ".json";
            notice = environment.save_file(name, receipt_json(flow));
        }
        break;
    }
}

App::App(Transport& transport, const Clock& clock, AppEnvironment environment)
    : impl_(std::make_unique<Impl>(transport, clock, std::move(environment))) {}

App::~App() = default;

void App::draw() { impl_->draw(); }

bool App::needs_frames() const {
    const RenewalFlow& flow = impl_->flow;
    return flow.busy() || flow.stage() == Stage::signing_in || flow.stage() == Stage::submitting;
}

std::string App::state_json() const {
    const RenewalFlow& flow = impl_->flow;
    auto status = [](LookupStatus s) {
        switch (s) {
        case LookupStatus::idle: return "idle";
        case LookupStatus::loading: return "loading";
        case LookupStatus::loaded: return "loaded";
        case LookupStatus::failed: return "failed";
        }
        return "unknown";
    };
    nlohmann::json state = {
        {"screen", stage_name(flow.stage())},
        {"busy", needs_frames()},
        {"ordersSent", flow.orders_sent()},
        {"users", {{"status", status(flow.users().status)}, {"count", flow.users().value.size()}}},
        {"plans", {{"status", status(flow.plans().status)}, {"count", flow.plans().value.plans.size()}}},
        {"contacts", {{"status", status(flow.contacts().status)}, {"count", flow.contacts().value.size()}}},
        {"orderCheck", status(flow.order_check().status)},
        {"error", flow.error() ? flow.error()->describe() : ""},
        {"errorRequestId", flow.error() ? flow.error()->request_id : ""},
        {"receiptStatus", flow.receipt().order_status},
        {"notice", impl_->notice},
        {"focused", focused_label()},
        {"chosen", {{"target", flow.selection().target.has_value()},
                    {"plan", flow.selection().plan_id.has_value()},
                    {"contact", flow.selection().billing_id.has_value()}}},
    };
    return state.dump();
}

bool App::order_in_flight() const { return impl_->flow.stage() == Stage::submitting; }

bool App::allow_close() {
    if (!order_in_flight()) return true;
    impl_->close_asked = true;
    return false;
}

bool App::wants_close() const { return impl_->close_confirmed; }

const std::map<std::string, WidgetRect>& App::widget_rects() const { return tracked_rects(); }

} // namespace rd::ui
