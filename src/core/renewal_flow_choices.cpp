// RenewalFlow's choices: who, which plan, which billing contact (picked from the lists or typed),
// the preselection policy, and what is still missing before the review.
#include "core/renewal_flow.h"

#include "core/text.h"

namespace rd {
namespace {

// A typed id is taken exactly or not at all: an unreadable one clears the choice and says why.
void take_typed_id(const std::string& text, TypedId which, std::optional<Id64>& id,
                   std::optional<ApiError>& error) {
    auto parsed = parse_typed_id(text, which);
    if (parsed) {
        id = parsed.value();
        error.reset();
    } else {
        id.reset();
        error = parsed.error();
    }
}

} // namespace

std::optional<std::size_t> preferred_plan_index(const std::vector<Plan>& plans) {
    const std::string wanted = "remote management account";
    for (std::size_t i = 0; i < plans.size(); ++i)
        if (ascii_lowercase(plans[i].name) == wanted) return i;
    for (std::size_t i = 0; i < plans.size(); ++i)
        if (ascii_lowercase(plans[i].name).find(wanted) != std::string::npos) return i;
    return std::nullopt;
}

void RenewalFlow::preselect() {
    // The plan named "Remote Management Account", and a billing contact when there is only one.
    if (!selection_.plan_id)
        if (auto preferred = preferred_plan_index(plans_.value.plans))
            selection_.plan_id = plans_.value.plans[*preferred].plan_id;
    if (!selection_.billing_id && contacts_.value.size() == 1)
        selection_.billing_id = contacts_.value.front().billing_contact_id;
}

void RenewalFlow::choose_myself() {
    if (stage_ == Stage::choosing) selection_.target = "";
}

void RenewalFlow::choose_subordinate(const std::string& partner_id) {
    if (stage_ != Stage::choosing || partner_id.empty()) return;
    for (const auto& user : users_.value)
        if (user.partner_id == partner_id) selection_.target = partner_id;
}

void RenewalFlow::choose_plan(Id64 plan_id) {
    if (stage_ != Stage::choosing) return;
    selection_.plan_id = plan_id;
    selection_.typed_plan_error.reset();
}

void RenewalFlow::type_plan_id(const std::string& text) {
    if (stage_ != Stage::choosing) return;
    take_typed_id(text, TypedId::plan, selection_.plan_id, selection_.typed_plan_error);
}

void RenewalFlow::choose_billing_contact(Id64 billing_id) {
    if (stage_ != Stage::choosing) return;
    for (const auto& contact : contacts_.value)
        if (contact.billing_contact_id == billing_id) {
            selection_.billing_id = billing_id;
            selection_.typed_billing_error.reset();
        }
}

void RenewalFlow::type_billing_id(const std::string& text) {
    if (stage_ != Stage::choosing) return;
    take_typed_id(text, TypedId::billing_contact, selection_.billing_id, selection_.typed_billing_error);
}

std::optional<MissingChoice> RenewalFlow::missing_choice() const {
    if (!selection_.target) return MissingChoice::target;
    if (!selection_.plan_id) return MissingChoice::plan;
    if (!selection_.billing_id) return MissingChoice::contact;
    return std::nullopt;
}

void RenewalFlow::reset_choices() {
    // The order a reconciliation found is accounted for from now on ("Check again" still finds it
    // while its screen is up): a later attempt's reconciliation must not take it for its own.
    if (reconciler_.result().status == ReconcileStatus::found)
        known_order_nos_.insert(reconciler_.result().match->order_no);
    selection_ = Selection{};
    preselect();
    order_ = RenewalOrder{};
    order_body_.clear();
    receipt_ = OrderReceipt{};
    reconciler_.reset();
    recheck_at_ms_.reset();
    failure_ = OrderOutcome::unknown;
    error_.reset();
}

const SubordinateUser* RenewalFlow::chosen_user() const {
    if (!selection_.target || selection_.target->empty()) return nullptr;
    for (const auto& user : users_.value)
        if (user.partner_id == *selection_.target) return &user;
    return nullptr;
}

const Plan* RenewalFlow::chosen_plan() const {
    if (!selection_.plan_id) return nullptr;
    for (const auto& plan : plans_.value.plans)
        if (plan.plan_id == *selection_.plan_id) return &plan;
    return nullptr;
}

const BillingContact* RenewalFlow::chosen_contact() const {
    if (!selection_.billing_id) return nullptr;
    for (const auto& contact : contacts_.value)
        if (contact.billing_contact_id == *selection_.billing_id) return &contact;
    return nullptr;
}

} // namespace rd
