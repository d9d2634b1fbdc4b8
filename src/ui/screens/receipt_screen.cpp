// The receipt: the order placed, its numbers, and how to keep them (copy, download).
#include "ui/screens/receipt_screen.h"

#include "core/json.h"
#include "core/strict_json.h"
#include "core/text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/review_screen.h"
#include "ui/screens/sign_in_screen.h"

#include <imgui.h>

namespace rd::ui {

std::string receipt_text(const OrderReceipt& r) {
    const auto line = [](Text label, const std::string& value) {
        return std::string(tr(label)) + ": " + value + "\n";
    };
    return line(Text::order_no, r.order_no) + line(Text::order_id, r.order_id) +
           line(Text::status, r.order_status + " (" + order_status_words(r.order_status) + ")") +
           line(Text::instance_id, r.instance_id) + line(Text::transaction_no, r.transaction_no) +
           line(Text::product_no, r.product_no) + line(Text::request_id, r.request_id);
}

std::string receipt_json(const RenewalFlow& flow) {
    Json doc;
    doc["requestId"] = flow.receipt().request_id;
    doc["request"] = Json::parse(std::string_view(flow.order_body()), nullptr, false);
    // The API's result (raw_json: as received, pretty-printed) through parse_strict: Json::parse finds
    // each name among those read so far, quadratic in a wide object.
    ErrorDetail refusal;
    doc["result"] = parse_strict(flow.receipt().raw_json, refusal).value_or(Json());
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void draw_receipt_screen(const RenewalFlow& flow, Actions& actions) {
    const OrderReceipt& r = flow.receipt();
    const StatusHeading status = receipt_heading(r.order_status);
    status_heading(status.text.c_str(), icon_for_order_status(r.order_status), status.tone);
    const std::string status_words = order_status_words(r.order_status);
    plain_text(status_words, "Receipt status");
    announce(status.text + ": " + tr(Text::order_no) + " " + r.order_no + ", " + status_words);
    {
        label_value_row(Text::renew_for, order_target_text(flow));
        label_value_row(Text::order_no, r.order_no);
        label_value_row(Text::order_id, r.order_id);
        label_value_row(Text::order_status, r.order_status);
        label_value_row(Text::instance_id, r.instance_id);
        label_value_row(Text::transaction_no, r.transaction_no);
        label_value_row(Text::product_no, r.product_no);
        label_value_row(Text::request_id, r.request_id);
        if (!flow.order().po_number.empty()) label_value_row(Text::po_number, flow.order().po_number);
    }
    ImGui::Spacing();
    if (button(Text::copy_receipt, true, 150))
        actions.push_back({.kind = ActionKind::copy_text, .text = receipt_text(r)});
    same_line_if_fits(button_width(Text::download_receipt, 170)); // a phone: on the next line, not cut off
    if (button(Text::download_receipt, true, 170)) actions.push_back({.kind = ActionKind::save_receipt});
    same_line_if_fits(button_width(Text::renew_another, 150)); // a phone: on the next line, not cut off
    if (button(Text::renew_another, true, 150)) actions.push_back({.kind = ActionKind::renew_another});
    same_line_if_fits(button_width(Text::order_details, 150)); // a phone: on the next line, not cut off
    if (button(Text::order_details, !r.order_id.empty() || !r.order_no.empty(), 150))
        actions.push_back(
            {.kind = ActionKind::open_order_details, .text = r.order_id.empty() ? r.order_no : r.order_id});
}

} // namespace rd::ui
