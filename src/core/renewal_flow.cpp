#include "renewal_flow.h"

#include "api_paths.h"
#include "decoders.h"
#include "order_body.h"
#include "text.h"

namespace rd {
namespace {

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

const char* lookup_status_name(LookupStatus status) {
    switch (status) {
    case LookupStatus::idle: return "idle";
    case LookupStatus::loading: return "loading";
    case LookupStatus::loaded: return "loaded";
    case LookupStatus::failed: return "failed";
    }
    return "idle";
}

std::optional<std::size_t> preferred_plan_index(const std::vector<Plan>& plans) {
    const std::string wanted = "remote management account";
    for (std::size_t i = 0; i < plans.size(); ++i)
        if (ascii_lowercase(plans[i].name) == wanted) return i;
    for (std::size_t i = 0; i < plans.size(); ++i)
        if (ascii_lowercase(plans[i].name).find(wanted) != std::string::npos) return i;
    return std::nullopt;
}

RenewalFlow::RenewalFlow(ApiClient& client, JournalStore* journal)
    : client_(client), journal_(journal ? *journal : memory_journal_), reconciler_(client) {
    if (auto text = journal_.load()) {
        journal_entry_ = journal_from_json(*text);
        if (!journal_entry_) journal_.clear(); // unreadable: nothing in it could be reconciled
    }
}

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
        if (journal_entry_ && journal_entry_->base_url == client_.base_url() &&
            journal_entry_->client_id == client_.client_id()) {
            resume_journaled_order();
            return;
        }
        stage_ = Stage::choosing;
        start_lookups();
    });
}

void RenewalFlow::resume_journaled_order() {
    const JournalEntry& entry = *journal_entry_;
    selection_ = Selection{.target = entry.target, .plan_id = entry.plan_id, .billing_id = entry.billing_id};
    order_ = RenewalOrder{
        .partner_id = entry.target.empty() ? std::nullopt : std::optional<std::string>(entry.target),
        .billing_id = entry.billing_id,
        .plan_id = entry.plan_id,
        .po_number = entry.po_number,
    };
    order_body_ = renewal_order_body(order_);
    attempt_ = entry;
    unknown_since_ms_ = entry.sent_at_ms; // the reply never came: count from when it was sent
    stage_ = Stage::outcome_unknown; // reconciliation first; the lookups start once it has answered
    reconcile();
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
    // A list may be read again when it failed, or when some of its entries could not be read.
    case LookupKind::users:
        if (users_.status == LookupStatus::failed || !users_.skipped.empty()) load_users();
        break;
    case LookupKind::plans:
        if (plans_.status == LookupStatus::failed) load_plans();
        break;
    case LookupKind::contacts:
        if (contacts_.status == LookupStatus::failed || !contacts_.skipped.empty()) load_contacts();
        break;
    }
}

void RenewalFlow::load_users() {
    users_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    client_.get(paths::subordinate_users, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_lookup(users_, reply, [this](const nlohmann::json& r) { return decode_subordinate_users(r, &users_.skipped); });
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
        finish_lookup(contacts_, reply, [this](const nlohmann::json& r) { return decode_billing_contacts(r, &contacts_.skipped); });
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
    selection_.typed_plan_error.reset();
}

void RenewalFlow::type_plan_id(const std::string& text) {
    if (stage_ != Stage::choosing) return;
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
        if (contact.billing_contact_id == billing_id) {
            selection_.billing_id = billing_id;
            selection_.typed_billing_error.reset();
        }
}

void RenewalFlow::type_billing_id(const std::string& text) {
    if (stage_ != Stage::choosing) return;
    auto id = parse_typed_id(text, "The billing contact id");
    if (id) {
        selection_.billing_id = id.value();
        selection_.typed_billing_error.reset();
    } else {
        selection_.billing_id.reset();
        selection_.typed_billing_error = id.error();
    }
}

std::optional<std::string> RenewalFlow::missing_choice() const {
    if (!selection_.target) return "Choose who the renewal is for: yourself or a subordinate user.";
    if (!selection_.plan_id) return "Choose the plan, or type its plan id.";
    if (!selection_.billing_id) return "Choose the billing contact who receives the invoice, or type its id.";
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

void RenewalFlow::set_po_number(const std::string& text) {
    if (stage_ != Stage::reviewing) return;
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    order_.po_number = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    order_body_ = renewal_order_body(order_);
}

void RenewalFlow::back_to_choosing() {
    if (stage_ == Stage::reviewing || stage_ == Stage::failed) stage_ = Stage::choosing;
}

bool RenewalFlow::confirm() {
    // An unresolved order of an earlier session (another account or host) keeps the journal: no new
    // order may replace it until it is reconciled or the person says it is settled.
    if (stage_ != Stage::reviewing || journal_entry_) return false;
    stage_ = Stage::submitting; // before the request exists: nothing can confirm this review again
    ++orders_sent_;
    const SubordinateUser* user = chosen_user();
    attempt_ = JournalEntry{
        .sent_at_ms = client_.clock().epoch_ms(),
        .base_url = client_.base_url(),
        .client_id = client_.client_id(),
        .target = order_.partner_id.value_or(""),
        .target_name = user ? user->company : std::string(),
        .plan_id = order_.plan_id,
        .billing_id = order_.billing_id,
        .po_number = order_.po_number,
    };
    write_journal(); // before the POST leaves: a crash from here on leaves a record to reconcile
    std::uint64_t epoch = epoch_;
    client_.post_json(paths::create_order, order_body_, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_order(std::move(reply));
    });
    return true;
}

void RenewalFlow::finish_order(Result<ApiReply> reply) {
    const OrderOutcome outcome = order_outcome(reply);
    if (outcome == OrderOutcome::placed) {
        receipt_ = decode_order_receipt(reply.value().result);
        receipt_.request_id = reply.value().request_id;
        known_order_nos_.insert(receipt_.order_no);
        error_.reset();
        stage_ = Stage::done;
        clear_journal();
        return;
    }
    error_ = reply.error();
    if (outcome == OrderOutcome::unknown) {
        stage_ = Stage::outcome_unknown;
        unknown_since_ms_ = client_.clock().epoch_ms();
        reconcile();
        return;
    }
    failure_ = outcome; // not_sent or refused: no order was created
    stage_ = Stage::failed;
    clear_journal();
}

void RenewalFlow::reconcile() {
    if (stage_ != Stage::outcome_unknown || reconciler_.result().status == ReconcileStatus::checking) return;
    recheck_at_ms_.reset();
    const std::int64_t started_at = client_.clock().epoch_ms();
    reconciler_.start({.sent_at_ms = attempt_.sent_at_ms, .po_number = attempt_.po_number, .known_order_nos = known_order_nos_},
                      [this, started_at] {
        const ReconcileStatus status = reconciler_.result().status;
        const std::int64_t settled_at = unknown_since_ms_ + settle_ms_;
        if (status == ReconcileStatus::none && started_at < settled_at) {
            recheck_at_ms_ = settled_at; // too early to rule the order out: read the list again then
            return;
        }
        if (status == ReconcileStatus::found || status == ReconcileStatus::none) clear_journal(); // the outcome is known
        if (users_.status == LookupStatus::idle) start_lookups(); // after a resumed journal
    });
}

void RenewalFlow::tick() {
    if (recheck_at_ms_ && client_.clock().epoch_ms() >= *recheck_at_ms_) reconcile();
}

bool RenewalFlow::outcome_settled() const {
    const ReconcileStatus status = reconciler_.result().status;
    return stage_ == Stage::outcome_unknown && !recheck_at_ms_ &&
           (status == ReconcileStatus::found || status == ReconcileStatus::none);
}

void RenewalFlow::forget_pending_journal() {
    if (stage_ == Stage::choosing || stage_ == Stage::reviewing || stage_ == Stage::signed_out) clear_journal();
}

void RenewalFlow::write_journal() {
    journal_entry_ = attempt_;
    journal_.save(journal_to_json(attempt_));
}

void RenewalFlow::clear_journal() {
    if (!journal_entry_) return;
    journal_entry_.reset();
    journal_.clear();
}

void RenewalFlow::renew_another() {
    if (stage_ == Stage::outcome_unknown) {
        // Only once the order list has answered for good: a new order must not replace an unresolved one.
        if (!outcome_settled()) return;
    } else if (stage_ != Stage::done && stage_ != Stage::failed) {
        return;
    }
    reset_choices();
    stage_ = Stage::choosing;
    if (users_.status == LookupStatus::idle) start_lookups();
}

void RenewalFlow::reset_choices() {
    // The order a reconciliation found is accounted for from now on ("Check again" still finds it
    // while its screen is up): a later attempt's reconciliation must not take it for its own.
    if (reconciler_.result().status == ReconcileStatus::found) known_order_nos_.insert(reconciler_.result().match->order_no);
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
