#include "renewal_flow.h"

#include "api_paths.h"
#include "decoders.h"
#include "order_body.h"

namespace rd {
namespace {

// Did the server certainly not act on the order? Only then is a failure "failed".
bool order_certainly_not_placed(const ApiError& error) {
    switch (error.kind) {
    case ErrorKind::api:
    case ErrorKind::auth:
    case ErrorKind::input: return true; // the API said no, or nothing was sent
    case ErrorKind::network: return !error.request_may_have_left;
    case ErrorKind::http: return error.http_status >= 400 && error.http_status < 500 && error.http_status != 408;
    case ErrorKind::parse: return false; // something answered 2xx that we cannot read
    }
    return false;
}

template <class T, class Decode>
void finish_lookup(Lookup<T>& lookup, Result<ApiReply>& reply, Decode decode) {
    if (!reply) {
        lookup.status = LookupStatus::failed;
        lookup.error = reply.error();
        return;
    }
    auto decoded = decode(reply.value().result);
    if (!decoded) {
        lookup.status = LookupStatus::failed;
        lookup.error = decoded.error();
        lookup.error->request_id = reply.value().request_id;
        return;
    }
    lookup.status = LookupStatus::loaded;
    lookup.value = std::move(decoded.value());
    lookup.error.reset();
}

} // namespace

const char* stage_name(Stage stage) {
    switch (stage) {
    case Stage::signed_out: return "signed_out";
    case Stage::signing_in: return "signing_in";
    case Stage::choosing: return "choosing";
    case Stage::reviewing: return "reviewing";
    case Stage::submitting: return "submitting";
    case Stage::done: return "done";
    case Stage::failed: return "failed";
    case Stage::outcome_unknown: return "outcome_unknown";
    }
    return "unknown";
}

RenewalFlow::RenewalFlow(ApiClient& client) : client_(client) {}

void RenewalFlow::sign_in(const std::string& base_url, std::string client_id, std::string client_secret) {
    if (stage_ != Stage::signed_out) return;
    error_.reset();
    ApiError missing{.kind = ErrorKind::input};
    if (client_id.empty()) missing.detail_message = "Enter the Client ID from the Partner Portal (System > API).";
    else if (client_secret.empty()) missing.detail_message = "Enter the Client Secret from the Partner Portal (System > API).";
    if (!missing.detail_message.empty()) {
        error_ = missing;
        return;
    }
    client_.set_base_url(base_url);
    stage_ = Stage::signing_in;
    std::uint64_t epoch = epoch_;
    client_.sign_in(std::move(client_id), std::move(client_secret), [this, epoch](Result<Done> result) {
        if (epoch != epoch_) return;
        if (!result) {
            stage_ = Stage::signed_out;
            error_ = result.error();
            return;
        }
        stage_ = Stage::choosing;
        start_lookups();
    });
}

void RenewalFlow::sign_out() {
    ++epoch_;
    client_.sign_out();
    users_ = {};
    plans_ = {};
    contacts_ = {};
    reset_choices();
    orders_sent_ = 0;
    stage_ = Stage::signed_out;
}

void RenewalFlow::start_lookups() {
    load_users();
    load_plans();
    load_contacts();
}

void RenewalFlow::retry_lookup(LookupKind kind) {
    if (stage_ != Stage::choosing) return;
    switch (kind) {
    case LookupKind::users:
        if (users_.status == LookupStatus::failed) load_users();
        break;
    case LookupKind::plans:
        if (plans_.status == LookupStatus::failed) load_plans();
        break;
    case LookupKind::contacts:
        if (contacts_.status == LookupStatus::failed) load_contacts();
        break;
    }
}

void RenewalFlow::load_users() {
    users_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    client_.get(paths::subordinate_users, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_lookup(users_, reply, decode_subordinate_users);
    });
}

void RenewalFlow::load_plans() {
    plans_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    client_.get(paths::remote_management_plans, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_lookup(plans_, reply, decode_plan_catalog);
        preselect();
    });
}

void RenewalFlow::load_contacts() {
    contacts_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    client_.get(paths::billing_contacts, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_lookup(contacts_, reply, decode_billing_contacts);
        preselect();
    });
}

void RenewalFlow::preselect() {
    // The plan named "Remote Management Account", and a billing contact when there is only one.
    if (!selection_.plan_id)
        if (auto preferred = preferred_plan_index(plans_.value.plans)) selection_.plan_id = plans_.value.plans[*preferred].plan_id;
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
    selection_.typed_plan_id.clear();
    selection_.typed_plan_error.reset();
}

void RenewalFlow::type_plan_id(const std::string& text) {
    if (stage_ != Stage::choosing) return;
    selection_.typed_plan_id = text;
    auto id = parse_typed_id(text, "The plan id");
    if (id) {
        selection_.plan_id = id.value();
        selection_.typed_plan_error.reset();
    } else {
        selection_.plan_id.reset();
        selection_.typed_plan_error = id.error();
    }
}

void RenewalFlow::choose_billing_contact(Id64 billing_id) {
    if (stage_ != Stage::choosing) return;
    for (const auto& contact : contacts_.value)
        if (contact.billing_contact_id == billing_id) selection_.billing_id = billing_id;
}

std::optional<std::string> RenewalFlow::missing_choice() const {
    if (!selection_.target) return "Choose who the renewal is for: yourself or a subordinate user.";
    if (!selection_.plan_id) return "Choose the plan, or type its plan id.";
    if (!selection_.billing_id) return "Choose the billing contact who receives the invoice.";
    return std::nullopt;
}

void RenewalFlow::review() {
    if (stage_ != Stage::choosing || missing_choice()) return;
    order_ = RenewalOrder{
        .partner_id = selection_.target->empty() ? std::nullopt : std::optional<std::string>(*selection_.target),
        .billing_id = *selection_.billing_id,
        .plan_id = *selection_.plan_id,
    };
    order_body_ = renewal_order_body(order_);
    error_.reset();
    stage_ = Stage::reviewing;
}

void RenewalFlow::back_to_choosing() {
    if (stage_ == Stage::reviewing || stage_ == Stage::failed) stage_ = Stage::choosing;
}

bool RenewalFlow::confirm() {
    if (stage_ != Stage::reviewing) return false;
    stage_ = Stage::submitting; // before the request exists: nothing can confirm this review again
    ++orders_sent_;
    std::uint64_t epoch = epoch_;
    client_.post_json(paths::create_order, order_body_, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_order(std::move(reply));
    });
    return true;
}

void RenewalFlow::finish_order(Result<ApiReply> reply) {
    if (reply) {
        receipt_ = decode_order_receipt(reply.value().result);
        receipt_.request_id = reply.value().request_id;
        error_.reset();
        stage_ = Stage::done;
        return;
    }
    error_ = reply.error();
    stage_ = order_certainly_not_placed(reply.error()) ? Stage::failed : Stage::outcome_unknown;
}

void RenewalFlow::check_order_list() {
    if (stage_ != Stage::outcome_unknown && stage_ != Stage::done) return;
    if (order_check_.status == LookupStatus::loading) return;
    order_check_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    client_.get(paths::recent_orders, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_lookup(order_check_, reply, decode_order_page);
    });
}

void RenewalFlow::renew_another() {
    if (stage_ != Stage::done && stage_ != Stage::outcome_unknown && stage_ != Stage::failed) return;
    reset_choices();
    stage_ = Stage::choosing;
}

void RenewalFlow::reset_choices() {
    selection_ = Selection{};
    preselect();
    order_ = RenewalOrder{};
    order_body_.clear();
    receipt_ = OrderReceipt{};
    order_check_ = {};
    error_.reset();
}

std::string RenewalFlow::order_as_curl() const {
    return client_.redacted_curl("POST", paths::create_order, order_body_);
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
