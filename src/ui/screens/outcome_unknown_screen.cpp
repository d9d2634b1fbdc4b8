// The screen after Confirm when the outcome is unknown: the order list read by itself until it says
// whether the order exists, and what is proven.
#include "ui/screens/outcome_unknown_screen.h"

#include "core/text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/review_screen.h"
#include "ui/screens/sign_in_screen.h"

#include <imgui.h>

namespace rd::ui {
namespace {

void draw_found_order(const ReconcileResult& result) {
    const OrderSummary& order = *result.match;
    status_icon(StatusIcon::placed, Tone::good, ImGui::GetTextLineHeight());
    ImGui::SameLine();
    toned_text(Tone::good, tr(Text::found_order_placed));
    announce(std::string(tr(Text::found_order_placed)) + " " + order.order_no + ", " +
             order_status_words(order.order_status));
    label_value_row(Text::order_no, order.order_no);
    label_value_row(Text::status, order_status_words(order.order_status));
    label_value_row(Text::created, local_time_text(create_time_ms(order.create_time)));
    label_value_row(Text::order_id, order.id);
    if (result.matched_by == MatchedBy::reference)
        label_value_row(Text::po_number,
                        format(Text::po_number_matches_fmt, order.custom_reference_no.c_str()));
}

} // namespace

void draw_check_failed(const ReconcileResult& result, std::optional<std::int64_t> recheck_at_ms) {
    toned_text(Tone::bad, tr(Text::could_not_check_orders));
    if (result.error) error_box(*result.error);
    if (recheck_at_ms) hint(format(Text::retrying_at_fmt, local_time_text(*recheck_at_ms).c_str()).c_str());
}

void draw_unproven_orders(const ReconcileResult& result) {
    toned_text(Tone::bad, tr(Text::ambiguous_explained));
    for (const OrderSummary& other : result.unproven) {
        std::string line = other.order_no + "  " + local_time_text(create_time_ms(other.create_time)) + "  " +
                           order_status_words(other.order_status);
        if (result.reference_match.count(other.order_no))
            line += "  (" + std::string(tr(Text::carries_your_po_number)) + ")";
        if (result.details_match.count(other.order_no))
            line += "  (" + std::string(tr(Text::details_match_yours)) + ")";
        bullet_text(line);
    }
}

namespace {

// Reconciliation: the order list read by itself after the outcome became unknown.
void draw_reconciliation(const RenewalFlow& flow, Actions& actions) {
    const ReconcileResult& result = flow.reconciliation();
    const std::string sent_at = local_time_text(flow.attempt().sent_at_ms);
    switch (result.status) {
    case ReconcileStatus::idle:
    case ReconcileStatus::checking: spinner_text(tr(Text::looking_for_order)); break;
    case ReconcileStatus::found:
        draw_found_order(result);
        if (flow.late_order_found()) hint(tr(Text::late_order_found));
        if (button(Text::order_details, true, 150))
            actions.push_back({.kind = ActionKind::open_order_details,
                               .text = result.match->id.empty() ? result.match->order_no : result.match->id});
        break;
    case ReconcileStatus::none:
        if (const auto recheck_at = flow.recheck_at_ms()) {
            toned_text(Tone::pending,
                       format(Text::no_order_yet_fmt, local_time_text(result.checked_at_ms).c_str(),
                              local_time_text(*recheck_at).c_str()));
            break;
        }
        toned_text(Tone::good, format(Text::no_order_safe_fmt, sent_at.c_str()));
        hint(format(Text::order_list_read_at_fmt, local_time_text(result.checked_at_ms).c_str()).c_str());
        break;
    case ReconcileStatus::ambiguous:
        if (flow.late_order_unproven()) hint(tr(Text::late_order_unproven));
        draw_unproven_orders(result);
        if (const auto recheck_at = flow.recheck_at_ms())
            hint(format(Text::no_order_yet_fmt, local_time_text(result.checked_at_ms).c_str(),
                        local_time_text(*recheck_at).c_str())
                     .c_str());
        break;
    case ReconcileStatus::error: draw_check_failed(result, flow.recheck_at_ms()); break;
    }
    ImGui::Spacing();
    if (button(Text::check_again, result.status != ReconcileStatus::checking, 160))
        actions.push_back({.kind = ActionKind::reconcile});
}

} // namespace

namespace {

struct Heading {
    Text text;
    StatusIcon icon;
    Tone tone;
};

// Once the check has its answer, the heading says it; until then, that the outcome is unknown.
Heading unknown_screen_heading(const RenewalFlow& flow) {
    if (flow.outcome_settled()) switch (flow.reconciliation().status) {
        case ReconcileStatus::found: return {Text::heading_found, StatusIcon::placed, Tone::good};
        case ReconcileStatus::none: return {Text::heading_none, StatusIcon::failed, Tone::neutral};
        case ReconcileStatus::ambiguous: return {Text::heading_ambiguous, StatusIcon::unknown, Tone::bad};
        default: break;
        }
    return {Text::unknown_heading, StatusIcon::unknown, Tone::pending};
}

} // namespace

void draw_outcome_unknown_screen(const RenewalFlow& flow, Actions& actions) {
    const Heading heading = unknown_screen_heading(flow);
    status_heading(tr(heading.text), heading.icon, heading.tone);
    announce(tr(heading.text)); // a found order announces itself below, replacing this
    const std::string explained =
        format(Text::unknown_explained_fmt, local_time_text(flow.attempt().sent_at_ms).c_str());
    wrapped_text(explained);
    if (flow.error()) error_box(*flow.error());
    ImGui::Spacing();
    draw_reconciliation(flow, actions);
    ImGui::Spacing();
    const bool settled = flow.outcome_settled();
    if (button(Text::start_new_renewal, settled, 200)) actions.push_back({.kind = ActionKind::renew_another});
    if (!settled) {
        ImGui::SameLine();
        dimmed_text(tr(Text::once_order_list_answered));
    }
}

} // namespace rd::ui
