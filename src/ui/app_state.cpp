// App::state_json: what the test hooks read (window.renewdesk.state() on the web, --test-hooks on
// the desktop). No ids beyond order numbers, no secrets.
#include "core/build_info.h"
#include "ui/app_impl.h"
#include "ui/screens/screen_table.h"

#include "core/json.h"
#include "core/text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/screens/orders_screen.h"
#include "ui/words/error_words.h"

#include <imgui.h>

namespace rd::ui {

std::string App::state_json() const {
    UiContextScope scope(impl_->ui); // this App's language, theme and focus, whichever App drew last
    const RenewalFlow& flow = impl_->flow;
    const auto status = lookup_status_name;
    const BatchCounts batch = impl_->batch_run.counts();
    Json state = {
        {"screen", screen_entry(current_screen(impl_->screen_model())).name},
        {"version", build_info::version()}, // the one version (rd::build_info), as --version prints it
        {"busy", needs_frames()},
        {"ordersSent", flow.orders_sent()},
        {"batch",
         {{"size", batch.size},
          {"sent", batch.sent},
          {"placed", batch.placed},
          {"failed", batch.failed},
          {"unknown", batch.unknown},
          {"running", batch.running}}},
        {"users", {{"status", status(flow.users().status)}, {"count", flow.users().value.size()}}},
        {"plans", {{"status", status(flow.plans().status)}, {"count", flow.plans().value.plans.size()}}},
        {"contacts", {{"status", status(flow.contacts().status)}, {"count", flow.contacts().value.size()}}},
        {"orderReference", flow.order().po_number}, // the poNumber the reviewed or sent order carries
        {"lateOrderFound", flow.late_order_found()},
        {"lateOrderUnproven", flow.late_order_unproven()},
        {"reconciliation",
         {{"status", flow.recheck_at_ms() ? "waiting" : reconcile_status_name(flow.reconciliation().status)},
          {"orderNo", flow.reconciliation().match ? flow.reconciliation().match->order_no : ""},
          {"pages", flow.reconciliation().pages_read},
          {"matchedBy", matched_by_name(flow.reconciliation().matched_by)},
          {"unproven", flow.reconciliation().unproven.size()},
          // The settle rule's times on the page's clock (epoch ms): a "none" is believed only from a
          // reading that started at or after settlesAtMs.
          {"unknownSinceMs", flow.unknown_since_ms()},
          {"settlesAtMs", flow.stage() == Stage::outcome_unknown ? flow.settles_at_ms() : 0},
          {"readStartedAtMs", flow.reading_started_at_ms()}}},
        {"journal",
         {{"pending", flow.pending_journal().has_value()},
          {"sentAtMs", flow.pending_journal() ? flow.pending_journal()->sent_at_ms : 0}}},
        // Another live copy (another tab on the web) holds the order's or the batch's journal: this one
        // waits.
        // Another copy's batch: its rows sent so far while it holds it, and placed once it let go (-1: none).
        {"batchElsewhere",
         {{"sent", impl_->choose.batch_elsewhere.watched ? impl_->choose.batch_elsewhere.watched->sent : -1},
          {"placed", impl_->choose.batch_elsewhere.finished_in_full
                         ? impl_->choose.batch_elsewhere.finished->placed
                         : -1}}},
        {"heldElsewhere",
         {{"order", flow.busy_holder().has_value()}, {"batch", impl_->batch_run.busy_holder().has_value()}}},
        // The attempt it holds, as its journal shows it; once it let go, what it recorded of the outcome.
        {"watchedSentAtMs", flow.watched_attempt() ? flow.watched_attempt()->sent_at_ms : 0},
        {"finishedElsewhere",
         {{"seen", flow.finished_elsewhere().has_value()},
          {"orderNo", flow.finished_elsewhere() && flow.finished_elsewhere()->order
                          ? flow.finished_elsewhere()->order->order_no
                          : ""},
          {"ruledOut", flow.finished_elsewhere() && flow.finished_elsewhere()->ruled_out}}},
        {"failure", flow.stage() == Stage::failed ? order_outcome_name(flow.failure()) : ""},
        {"receiptHeading",
         flow.stage() == Stage::done ? receipt_heading(flow.receipt().order_status).text : ""},
        {"targetHost", url_host(impl_->client.base_url())},
        {"sendingToSandbox", impl_->sending_to_sandbox()},
        {"closeAsked", impl_->close_asked},
        {"error", flow.error() ? error_words(*flow.error(), Language::en) : ""},
        {"errorRequestId", flow.error() ? flow.error()->request_id : ""},
        {"receiptStatus", flow.receipt().order_status},
        {"notice", impl_->notice},
        {"focused", focused_label()},
        // Ctrl as ImGui saw it in the last frame (a test holds Ctrl until the app has it, as a hand does).
        {"ctrlHeld", ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().KeyCtrl},
        // Both sign-in fields hold text (never the text itself): what a person sees before clicking Sign in.
        {"signInReady", !impl_->sign_in.client_id.empty() && !impl_->sign_in.client_secret.empty()},
        {"language", language_code(current_language())},
        {"theme", theme_code(current_theme())},
        {"uiScale", impl_->ui_scale}, // percent
        {"missingGlyphs", impl_->render_facts.missing_glyphs},
        {"drawnText", impl_->render_facts.drawn_text},
        {"chosen",
         {{"target", flow.selection().target.has_value()},
          {"plan", flow.selection().plan_id.has_value()},
          {"contact", flow.selection().billing_id.has_value()}}},
        {"ticked", impl_->choose.selected.size()},    // users ticked for a batch (the "N selected" line)
        {"searchBytes", impl_->choose.search.size()}, // the users' search box: its length, never its text
    };
    state["orders"] = orders_state(impl_->orders_view);
    // What the page learned about the server toward the browser for the Base URL in use (null on the
    // desktop): protocol ("" when not known), connectionsReused yes/no/unknown, requests seen, and
    // whether the review screen warns.
    state["deployment"] = nullptr;
    if (impl_->environment.deployment_facts) {
        const DeploymentFacts facts = impl_->environment.deployment_facts(impl_->client.base_url());
        state["deployment"] = {{"protocol", facts.protocol},
                               {"connectionsReused", reuse_name(facts.connections_reused)},
                               {"requests", facts.requests_seen},
                               {"warning", facts.keeps_connections()}};
    }
    return json_text(state);
}

void App::set_render_facts(RenderFacts facts) {
    impl_->render_facts = std::move(facts);
}

} // namespace rd::ui
